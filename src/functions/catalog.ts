// Every custom function, in the order the docs list them; the build generates a top-level forwarder for each.
import { MBO_CASCADE, MBO_PATH, MBO_ROLLUP, MBO_VALIDATE } from './cascade';
import { MBO_FORECAST, MBO_REQUIRED, MBO_TREND } from './history';
import { MBO_ATTAINMENT, MBO_STATUS } from './measure';
import { MBO_NPS, MBO_PAYOUT, MBO_SCORE } from './score';
import type { CustomFunction } from './spec';

export const CUSTOM_FUNCTIONS: readonly CustomFunction[] = [
  MBO_ATTAINMENT,
  MBO_ROLLUP,
  MBO_CASCADE,
  MBO_SCORE,
  MBO_PAYOUT,
  MBO_NPS,
  MBO_PATH,
  MBO_STATUS,
  MBO_VALIDATE,
  MBO_REQUIRED,
  MBO_TREND,
  MBO_FORECAST,
];
