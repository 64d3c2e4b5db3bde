// The sparkline's geometry: oldest on the left, 0% at the bottom, 100% (or the highest value) at the top.
import { describe, expect, it } from 'vitest';
import { sparkPoints } from '../../src/ui/sparkline';

describe('sparkPoints', () => {
  it.each<[string, number[], string]>([
    ['0% to 100%, left to right, bottom to top', [0, 1], '0,14 48,0'],
    ['three points spread evenly', [0.5, 0.25, 1], '0,7 24,10.5 48,0'],
    ['above 100%: the highest value is the top', [1, 2], '0,7 48,0'],
    ['below 0% sits on the bottom', [-0.5, 0.5], '0,14 48,7'],
    ['one value is drawn flat across', [0.5], '0,7 48,7'],
  ])('%s', (_label, values, points) => {
    expect(sparkPoints(values)).toBe(points);
  });
});
