// Junk cell values for fuzzing: what Sheets, imports and careless pastes can leave in a cell, and worse.
import fc from 'fast-check';
import type { CellValue } from '../../src/core/model';

/** Error values as getValues() and custom-function arguments show them. */
export const ERROR_TEXTS = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  'Loading...',
];

/** Numbers no sheet shows but a script (or a bad import) can pass: non-finite, huge, tiny, negative zero. */
export const AWKWARD_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  1e308,
  -1e308,
  1e-308,
  Number.EPSILON,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  0.1 + 0.2,
  1e21,
];

/** Blank-looking text: trim() removes some of these and not others (zero-width space is no whitespace). */
export const WHITESPACE = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u200b',
  '  \n  ',
];

/** Right-to-left text, emoji, combining marks, zero-width joiners, lone surrogates, non-ASCII digits. */
export const UNICODE = [
  'مرحبا بالعالم',
  '\u202eevil\u202c',
  'שלום',
  '😀',
  '👩‍👩‍👧‍👦',
  'e\u0301',
  '\u200bG-1',
  'G-1\u200d',
  '\ufeffG-1',
  '\ud800',
  '\udfff',
  'İstanbul',
  'ß',
  'ﬁ',
  '١٢٣',
  '１２３',
  '𝟙𝟚𝟛',
  '٫',
];

/** Text that a spreadsheet (or a CSV import) would treat as a formula. */
export const FORMULA_TEXTS = [
  '=IMPORTXML("https://example.com/", "//a")',
  '=1/0',
  '=HYPERLINK("javascript:alert(1)", "x")',
  "'=SUM(A1)",
  '+1',
  '-1',
  '@x',
  '=',
  '+',
  '-',
  '@',
];

/** Text that almost reads as a number, or reads as one in the wrong locale. */
export const NUMBERISH = [
  '1,200',
  '$1.2M',
  '1.2m',
  '€3.4k',
  '12%',
  '(1,000)',
  '1e308',
  '1e309',
  '-1e-400',
  '0x10',
  '1_000',
  'Infinity',
  '-Infinity',
  'NaN',
  '1,2',
  '1.2.3',
  '50%%',
  '$-5',
  '--5',
  '(5',
  '5)',
  '1e',
  'e5',
  '.5',
  '5.',
  '1 000',
  '9'.repeat(400),
];

/** Words the readers look up, including the keys every plain JavaScript object inherits. */
export const WORDS = [
  'higher',
  'lower',
  'range',
  'binary',
  'done',
  'yes',
  'x',
  '✓',
  '40-60',
  '60-40',
  '40 to 60',
  'sum',
  'min',
  'own',
  'average',
  'Outcome',
  'Activity',
  'Collaboration',
  'FY2026',
  'Q3 2026',
  'H1 2026',
  'Mar 2026',
  '2026-Q3',
  'G-1',
  'g-1 ',
  'G-2',
  'G-3',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'TRUE',
  'FALSE',
];

/** Sheets holds up to 50,000 characters in a cell: long runs of one thing, including whitespace inside text. */
export const LONG_TEXTS = [
  'x'.repeat(50_000),
  `a${' '.repeat(49_998)}b`,
  `(${' '.repeat(49_998)}x`,
  '('.repeat(50_000),
  '-'.repeat(50_000),
  '1-'.repeat(25_000),
  '9'.repeat(50_000),
  `${'1,000'.repeat(10_000)}`,
  `Q3 ${'2026 '.repeat(10_000)}`,
  '😀'.repeat(25_000),
];

/** Dates as a sheet can hand them over, including the time-only 1899-12-30, invalid dates and year 10000. */
const dates: fc.Arbitrary<Date> = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(
    new Date(1899, 11, 30),
    new Date(Number.NaN),
    new Date(2026, 2, 15),
    new Date(10000, 0, 1),
    new Date(-8.64e15),
  ),
);

/** Any junk a cell can hold, dates made in this realm (see inRealm for the bundle's). */
export const junkCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constantFrom(...ERROR_TEXTS), weight: 2 },
  { arbitrary: fc.constantFrom(...AWKWARD_NUMBERS), weight: 2 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 2 },
  { arbitrary: fc.constantFrom(...WHITESPACE), weight: 2 },
  { arbitrary: fc.constantFrom(...UNICODE), weight: 2 },
  { arbitrary: fc.constantFrom(...FORMULA_TEXTS), weight: 1 },
  { arbitrary: fc.constantFrom(...NUMBERISH), weight: 2 },
  { arbitrary: fc.constantFrom(...WORDS), weight: 3 },
  { arbitrary: fc.constantFrom(...LONG_TEXTS), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: dates, weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
);

/** Junk for an argument that must be present: anything but undefined (which Sheets uses for "omitted"). */
export const presentJunk: fc.Arbitrary<CellValue> = junkCell.filter((v) => v !== undefined);

/** Makes Dates in the realm a function runs in: a bundle in a vm only recognises its own Date. */
export type DateMaker = (time: number) => Date;

/** A generated value with every Date (at any depth of arrays) remade by `makeDate`. */
export function inRealm<T>(value: T, makeDate: DateMaker): T {
  if (value instanceof Date) return makeDate(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v) => inRealm(v, makeDate)) as T;
  return value;
}

/** numRuns for a fuzz: the default keeps the folder fast; MBO_FUZZ_SCALE=50 fuzzes 50 times longer, locally. */
export function fuzzRuns(runs: number): number {
  const scale = Number(process.env.MBO_FUZZ_SCALE);
  return Number.isFinite(scale) && scale > 0 ? Math.ceil(runs * scale) : runs;
}

/** Column headers a goal tab may carry besides ID and Goal (always present, so that most tabs are goal tabs). */
export const OPTIONAL_HEADERS = [
  'Owner',
  'Parent',
  'Type',
  'Metric',
  'Unit',
  'Direction',
  'Baseline',
  'Target',
  'Min',
  'Max',
  'Actual',
  'Weight',
  'Contribution',
  'Rollup',
  'Period',
  'Cap',
  'Floor',
  'Gate',
  'Notes',
  'Objective',
  'Progress',
  'Status',
  'Threshold',
  'Stretch',
  'Due date',
  'Level',
  'Main',
  'L1',
];
