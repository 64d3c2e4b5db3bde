// MBO_SCORE, MBO_PAYOUT and MBO_NPS: owners' weighted scores, the payout curve, and teaming NPS.
import { orBlank, parseNumber } from '../core/cells';
import type { CellValue, PayoutPoint } from '../core/model';
import { compilePayout, type NpsTally, tallyNps, weightedScore } from '../core/score';
import { alignedColumns, ArgumentError, describeValue, isOmitted, mapCells, toMatrix, toScalar, trimmed } from './args';
import { define, notANumberText } from './spec';

export const MBO_SCORE = define(
  'MBO_SCORE',
  'owners weights attainment owner?',
  'C2:C50, L2:L50, M2:M50',
  (owners, weights, att, owner) => {
    const cols = alignedColumns({ owners, weights, attainment: att });
    const groups = new Map<string, { name: string; rows: { weight: number | null; attainment: number | null }[] }>();
    cols.owners.forEach((o, i) => {
      if (isOmitted(o)) return;
      const name = String(o).trim();
      const key = name.toLowerCase();
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { name, rows: [] }));
      group.rows.push({ weight: numberOrNull(cols.weights[i]), attainment: numberOrNull(cols.attainment[i]) });
    });
    if (!isOmitted(owner)) {
      const wanted = String(toScalar('owner', owner)).trim();
      const group = groups.get(wanted.toLowerCase());
      if (!group) throw new ArgumentError('owner', `"${wanted}" does not appear in owners.`);
      return orBlank(weightedScore(group.rows, false).score);
    }
    if (groups.size === 0) return [['', '']];
    return [...groups.values()].map((g) => [g.name, orBlank(weightedScore(g.rows, false).score)]);
  },
);

/** Junk in a data cell counts as blank here, as native SUMPRODUCT and AVERAGE skip text. */
function numberOrNull(v: CellValue): number | null {
  const n = parseNumber(v);
  return Number.isNaN(n) ? null : n;
}

export const MBO_PAYOUT = define(
  'MBO_PAYOUT',
  'attainment curve',
  'B2:B20, Settings!B10:C12',
  (att, curveArg) => {
    const curve = curveOf(curveArg);
    const pay = compilePayout(curve);
    return mapCells(att, toMatrix('attainment', att), (v) => {
      const a = parseNumber(v);
      if (a === null) return '';
      if (Number.isNaN(a)) return notANumberText(v);
      return pay(a);
    });
  },
);

function curveOf(v: unknown): PayoutPoint[] {
  const m = toMatrix('curve', v);
  if (m.length === 0 || m[0].length !== 2) {
    throw new ArgumentError('curve', 'must be two columns: attainment, then payout (e.g. 80% | 50%).');
  }
  const points: PayoutPoint[] = [];
  m.forEach((row, i) => {
    if (isOmitted(row[0]) && isOmitted(row[1])) return;
    const attainment = parseNumber(row[0]);
    const payout = parseNumber(row[1]);
    if (attainment === null || payout === null || Number.isNaN(attainment) || Number.isNaN(payout)) {
      throw new ArgumentError('curve', `row ${i + 1} must hold two numbers, not ${describeValue(row[0])} and ${describeValue(row[1])}.`);
    }
    points.push({ attainment, payout });
  });
  if (points.length === 0) throw new ArgumentError('curve', 'has no points: give at least one (attainment, payout) row.');
  return points;
}

export const MBO_NPS = define(
  'MBO_NPS',
  'scores groups?',
  'Survey!D2:D200, Survey!B2:B200',
  (scores, groups) => {
    if (!isOmitted(groups)) return npsByGroup(alignedColumns({ scores, groups }));
    const tally = tallyNps(toMatrix('scores', scores).flat());
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
function npsByGroup({ scores, groups }: Record<string, CellValue[]>): (string | number)[][] {
  const byGroup = new Map<string, { name: string; cells: CellValue[] }>();
  scores.forEach((score, i) => {
    if (isOmitted(score)) return;
    const name = trimmed(groups[i]) || NO_GROUP;
    const key = name.toLowerCase();
    let group = byGroup.get(key);
    if (group === undefined) byGroup.set(key, (group = { name, cells: [] }));
    group.cells.push(score);
  });
  const row = (name: string, cells: CellValue[]): (string | number)[] => {
    const tally = tallyNps(cells);
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
  const shown = refused.slice(0, 3).map((v) => (typeof v === 'string' ? `"${v.trim()}"` : describeValue(v)));
  const list = bad > 3 ? `${shown.join(', ')} and ${bad - 3} more` : shown.join(', ');
  const verb = bad === 1 ? 'answer is not a whole number' : 'answers are not whole numbers';
  const left =
    value === null
      ? 'No answer is left to score.'
      : `The ${used} answer${used === 1 ? '' : 's'} used give${used === 1 ? 's' : ''} ${Math.round(value * 10) / 10}.`;
  return `⚠ MBO_NPS: ${bad} of ${total} ${verb} from 0 to 10 (${list}): fix or clear ${bad === 1 ? 'it' : 'them'}. ${left}`;
}
