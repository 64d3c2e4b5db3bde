// MBO_SCORE, MBO_PAYOUT and MBO_NPS: owners' weighted scores, the payout curve, and teaming NPS.
import { orBlank } from '../core/cells';
import type { CellValue, PayoutPoint } from '../core/model';
import { quoted } from '../core/quote';
import { compilePayout, type NpsTally, tallyNps, weightedScore } from '../core/score';
import {
  ArgumentError,
  alignedColumns,
  describeValue,
  isOmitted,
  mapCells,
  toMatrix,
  toScalar,
} from './args';
import { numberReader, type SheetLocale, textReader } from './locale';
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
    params: [
      {
        name: 'scores',
        type: 'Range',
        help: 'Survey answers, whole numbers from 0 to 10; a blank cell is no answer.',
      },
      {
        name: 'groups',
        type: 'Range',
        help: "Each answer's respondent group (own team, other team, Sales), same height as scores: one row per group.",
        optional: true,
      },
    ],
    returns:
      'The NPS, from -100 to 100; blank when there are no answers. When any answer is not a whole number from 0 to 10 (11, 6.5, "x"): a ⚠ text saying how many of how many, which, and what the answers used would give. With groups: a table of Group, NPS, Answers used, Refused, one row per group, then All.',
    exampleArgs: 'Survey!D2:D200, Survey!B2:B200',
  },
  (locale, scores, groups) => {
    const number = numberReader(locale);
    if (!isOmitted(groups)) return npsByGroup(alignedColumns({ scores, groups }), locale);
    const tally = tallyNps(toMatrix('scores', scores).flat(), number);
    if (tally.refused.length > 0) return refusedAnswersText(tally);
    return orBlank(tally.value);
  },
);

export const NPS_GROUP_HEADERS = ['Group', 'NPS', 'Answers used', 'Refused'];
const NO_GROUP = '(no group)';

/**
 * One row per respondent group (own team, other team, Sales...) in order of first answer, compared trimmed and
 * case-insensitively and shown as first written, then All: the NPS of the answers used, how many were used and how
 * many refused (not a whole number from 0 to 10). A blank answer is no answer, whatever its group.
 */
function npsByGroup(
  { scores, groups }: Record<string, CellValue[]>,
  locale: SheetLocale,
): (string | number)[][] {
  const number = numberReader(locale);
  const text = textReader(locale);
  const byGroup = new Map<string, { name: string; cells: CellValue[] }>();
  scores.forEach((score, i) => {
    if (isOmitted(score)) return;
    const name = text(groups[i]) || NO_GROUP;
    const key = name.toLowerCase();
    let group = byGroup.get(key);
    if (group === undefined) byGroup.set(key, (group = { name, cells: [] }));
    group.cells.push(score);
  });
  const row = (name: string, cells: CellValue[]): (string | number)[] => {
    const tally = tallyNps(cells, number);
    return [name, orBlank(tally.value), tally.used, tally.refused.length];
  };
  return [
    NPS_GROUP_HEADERS.slice(),
    ...[...byGroup.values()].map((g) => row(g.name, g.cells)),
    row('All', scores),
  ];
}

/**
 * What MBO_NPS shows when some answers are not whole numbers from 0 to 10: how many of how many, the first
 * three, and what the answers left would give. Text, so that nobody sums it into a payout by mistake.
 */
export function refusedAnswersText({ value, used, refused }: NpsTally): string {
  const total = used + refused.length;
  const bad = refused.length;
  const shown = refused.slice(0, 3).map((v) => (typeof v === 'string' ? quoted(v.trim()) : describeValue(v)));
  const list = bad > 3 ? `${shown.join(', ')} and ${bad - 3} more` : shown.join(', ');
  const verb = bad === 1 ? 'answer is not a whole number' : 'answers are not whole numbers';
  const left =
    value === null
      ? 'No answer is left to score.'
      : `The ${used} answer${used === 1 ? '' : 's'} used give${used === 1 ? 's' : ''} ${Math.round(value * 10) / 10}.`;
  return `⚠ MBO_NPS: ${bad} of ${total} ${verb} from 0 to 10 (${list}): fix or clear ${bad === 1 ? 'it' : 'them'}. ${left}`;
}
