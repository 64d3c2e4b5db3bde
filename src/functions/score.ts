// MBO_SCORE, MBO_PAYOUT and MBO_NPS: owners' weighted scores, the payout curve, and teaming NPS.
import { orBlank } from '../core/cells';
import type { CellValue, PayoutPoint } from '../core/model';
import { quoted } from '../core/quote';
import { compilePayout, nps, weightedScore } from '../core/score';
import {
  ArgumentError,
  alignedColumns,
  describeValue,
  isOmitted,
  mapCells,
  toMatrix,
  toScalar,
} from './args';
import { numberReader, textReader } from './locale';
import { define, notANumberText } from './spec';

export const MBO_SCORE = define(
  'MBO_SCORE',
  'owners weights attainment owner?',
  'C2:C50, L2:L50, M2:M50',
  (locale, owners, weights, att, owner) => {
    const cols = alignedColumns({ owners, weights, attainment: att });
    const number = numberReader(locale);
    const text = textReader(locale);
    /** Junk in a data cell counts as blank here, as native SUMPRODUCT and AVERAGE skip text. */
    const numberOrNull = (v: CellValue): number | null => {
      const n = number(v);
      return Number.isNaN(n) ? null : n;
    };
    const groups = new Map<
      string,
      { name: string; rows: { weight: number | null; attainment: number | null }[] }
    >();
    cols.owners.forEach((o, i) => {
      if (isOmitted(o)) return;
      const name = text(o);
      const key = name.toLowerCase();
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { name, rows: [] }));
      group.rows.push({
        weight: numberOrNull(cols.weights[i]),
        attainment: numberOrNull(cols.attainment[i]),
      });
    });
    if (!isOmitted(owner)) {
      const wanted = text(toScalar('owner', owner));
      const group = groups.get(wanted.toLowerCase());
      if (!group) throw new ArgumentError('owner', `${quoted(wanted)} does not appear in owners.`);
      return orBlank(weightedScore(group.rows, false).score);
    }
    if (groups.size === 0) return [['', '']];
    return [...groups.values()].map((g) => [g.name, orBlank(weightedScore(g.rows, false).score)]);
  },
);

export const MBO_PAYOUT = define(
  'MBO_PAYOUT',
  'attainment curve',
  'B2:B20, Settings!B10:C12',
  (locale, att, curveArg) => {
    const number = numberReader(locale);
    const curve = curveOf(curveArg, number);
    const pay = compilePayout(curve);
    const text = textReader(locale);
    return mapCells(att, toMatrix('attainment', att), (v) => {
      const a = number(v);
      if (a === null) return '';
      if (Number.isNaN(a)) return notANumberText(text(v));
      return pay(a);
    });
  },
);

export function curveOf(v: unknown, number: (v: unknown) => number | null): PayoutPoint[] {
  const m = toMatrix('curve', v);
  if (m.length === 0 || m[0].length !== 2) {
    throw new ArgumentError('curve', 'must be two columns: attainment, then payout (e.g. 80% | 50%).');
  }
  const points: PayoutPoint[] = [];
  m.forEach((row, i) => {
    if (isOmitted(row[0]) && isOmitted(row[1])) return;
    const attainment = number(row[0]);
    const payout = number(row[1]);
    if (attainment === null || payout === null || Number.isNaN(attainment) || Number.isNaN(payout)) {
      throw new ArgumentError(
        'curve',
        `row ${i + 1} must hold two numbers, not ${describeValue(row[0])} and ${describeValue(row[1])}.`,
      );
    }
    points.push({ attainment, payout });
  });
  if (points.length === 0)
    throw new ArgumentError('curve', 'has no points: give at least one (attainment, payout) row.');
  return points;
}

export const MBO_NPS = define('MBO_NPS', 'scores', 'Survey!B2:B200', (locale, scores) => {
  const number = numberReader(locale);
  const answers: number[] = [];
  let rejected = 0;
  for (const line of toMatrix('scores', scores)) {
    for (const v of line) {
      const n = number(v);
      if (n === null) continue;
      // Like AVERAGE with text, an answer that is not a whole 0-10 is skipped rather than failing the survey.
      if (Number.isInteger(n) && n >= 0 && n <= 10) answers.push(n);
      else rejected++;
    }
  }
  const result = nps(answers);
  if (result.value === null && rejected > 0) {
    return `⚠ MBO_NPS: no score from 0 to 10 (${rejected} other values skipped).`;
  }
  return orBlank(result.value);
});
