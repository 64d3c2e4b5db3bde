// Key results as numbered column groups on a goal's row (a wide layout): `key_result_1_title`, `Key Result 2 Target`, `KR3 Current`, `KR 4 - Weight`.
import { normalizeHeader } from './cells';
import { type Field, fieldOfHeader } from './fields';

/** One numbered group of key-result columns: its number as the headers write it, and the 0-based column of each field. */
export interface KeyResultGroup {
  number: number;
  columns: Partial<Record<Field, number>>;
}

/**
 * What a key result's column group may hold. Its Weight is its share of the goal's roll-up (Contribution), not of
 * the owner's scorecard: the key result is counted there through its goal. Anything else (Type, Description,
 * Period…) stays an unknown column.
 */
const GROUP_FIELDS: ReadonlySet<Field> = new Set<Field>([
  'id',
  'goal',
  'owner',
  'metric',
  'unit',
  'direction',
  'baseline',
  'target',
  'min',
  'max',
  'actual',
  'progress',
  'status',
  'contribution',
  'due',
  'confidence',
  'note',
]);

/**
 * `Key result`, `KR` or `Result`, a number, then the attribute, as normalizeHeader writes it (`key_result_1_title`,
 * `Key Result 1 Target` and `KR 1 - Target` all lose their spaces and punctuation). A header that only contains a
 * number elsewhere (`Q1 target`, `Target 2026`) does not start so.
 */
const NUMBERED = /^(?:keyresults?|kr|results?)(\d+)(.*)$/;

/** The highest group number read: `KR 2026 target` is a year, not a 2026th key result. */
export const MAX_KEY_RESULTS = 99;

/**
 * The group and field a header names, or null when it names none: `KR1` or `Key result 1` alone is the key result's
 * title; its attribute is any header name of a field a key result may hold (`title`, `name`, `target`, `current`,
 * `start`, `completion`, `weight`, `owner`…), as the field table spells them.
 */
export function keyResultColumn(header: string): { number: number; field: Field } | null {
  return numberedField(normalizeHeader(header));
}

/** keyResultColumn of a header as normalizeHeader writes it. */
function numberedField(key: string): { number: number; field: Field } | null {
  const m = NUMBERED.exec(key);
  if (m === null) return null;
  const number = Number(m[1]);
  if (number < 1 || number > MAX_KEY_RESULTS) return null;
  const named = m[2] === '' ? 'goal' : fieldOfHeader(m[2]);
  const field = named === 'weight' ? 'contribution' : named;
  return field !== undefined && GROUP_FIELDS.has(field) ? { number, field } : null;
}

/** Collects a header row's key-result groups, column by column; the first column naming a group's field wins. */
export class KeyResultGroups {
  private readonly byNumber = new Map<number, Partial<Record<Field, number>>>();

  /** Takes column c when its header (as normalizeHeader writes it) names a group's field; true when it does. */
  add(key: string, c: number): boolean {
    const named = numberedField(key);
    if (named === null) return false;
    let columns = this.byNumber.get(named.number);
    if (columns === undefined) this.byNumber.set(named.number, (columns = {}));
    if (columns[named.field] === undefined) columns[named.field] = c;
    return true;
  }

  /** The groups in number order (gaps kept: 1, 2, 4). */
  groups(): KeyResultGroup[] {
    return [...this.byNumber].sort((a, b) => a[0] - b[0]).map(([number, columns]) => ({ number, columns }));
  }
}
