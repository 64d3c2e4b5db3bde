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
  {
    name: 'MBO_SCORE',
    summary: "Each owner's weighted score: sum(weight \u00d7 attainment) / sum(weight).",
    params: [
      { name: 'owners', type: 'Range', help: 'The Owner column.' },
      { name: 'weights', type: 'Range', help: 'The Weight column (fractions or percent points).' },
      {
        name: 'attainment',
        type: 'Range',
        help: "Each goal's final attainment (fractions), as the Roll-up tab scores it: MBO_ROLLUP's result; MBO_ATTAINMENT alone leaves out goals that only roll up.",
      },
      { name: 'owner', type: 'string', help: 'One owner: return just their score.', optional: true },
    ],
    returns: 'Two columns (owner, score), one row per owner in order of appearance; or one score.',
    exampleArgs: 'C2:C50, L2:L50, M2:M50',
  },
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
      if (!group)
        throw new ArgumentError(
          'owner',
          `${quoted(wanted)} does not appear in owners: give an owner as written in the owners range, or leave owner out for every owner's score.`,
        );
      return orBlank(weightedScore(group.rows, false).score);
    }
    if (groups.size === 0) return [['', '']];
    return [...groups.values()].map((g) => [g.name, orBlank(weightedScore(g.rows, false).score)]);
  },
);

export const MBO_PAYOUT = define(
  {
    name: 'MBO_PAYOUT',
    summary:
      'Payout share for attainment on a piecewise-linear curve: 0 below the first point, flat after the last.',
    params: [
      { name: 'attainment', type: 'number|Range', help: 'Attainment(s) or score(s) as fractions.' },
      {
        name: 'curve',
        type: 'Range',
        help: 'Two columns of (attainment, payout) points, e.g. 80%/50%, 100%/100%, 120%/150%.',
      },
    ],
    returns: 'The payout share for each attainment, same shape.',
    exampleArgs: 'B2:B20, Settings!B10:C12',
  },
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
    throw new ArgumentError(
      'curve',
      'must be a range of two columns: attainment, then payout (e.g. 80% | 50%).',
    );
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

export const MBO_NPS = define(
  {
    name: 'MBO_NPS',
    summary: 'Net Promoter Score of 0-10 answers: % of 9-10 minus % of 0-6, from -100 to 100.',
    params: [{ name: 'scores', type: 'Range', help: 'Survey answers, whole numbers from 0 to 10.' }],
    returns: 'The NPS, from -100 to 100; blank when there are no answers.',
    exampleArgs: 'Survey!B2:B200',
  },
  (locale, scores) => {
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
      return `⚠ MBO_NPS: no answer from 0 to 10 among the scores (${rejected} other values skipped): give whole numbers from 0 to 10.`;
    }
    return orBlank(result.value);
  },
);
