// Pins how single cells read: blanks, text, numbers typed as text, done/not-done values and header names.
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, isBlank, isDate, normalizeHeader, parseBinary, parseNumber } from '../../src/core/cells';
import type { CellValue } from '../../src/core/model';
import { parsePeriod } from '../../src/core/period';

describe('isBlank', () => {
  it.each<[CellValue, boolean]>([
    ['', true],
    ['   ', true],
    ['\t\n ', true],
    ['\u00a0', true],
    ['\u3000', true],
    [null, true],
    [undefined, true],
    ['x', false],
    [' x ', false],
    ['0', false],
    [0, false],
    [Number.NaN, false],
    [false, false],
    [true, false],
    [new Date(Date.UTC(2026, 0, 1)), false],
    ['€', false],
  ])('%j -> %s', (v, expected) => {
    expect(isBlank(v)).toBe(expected);
  });
});

describe('cellText', () => {
  it.each<[CellValue, string]>([
    ['  Grow revenue  ', 'Grow revenue'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    [1.5, '1.5'],
    [-0.25, '-0.25'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2026, 2, 5)), '2026-03-05'],
    [new Date(Date.UTC(2026, 11, 31, 23, 59)), '2026-12-31'],
    [new Date(Number.NaN), ''],
    ['=IMPORTXML("http://x", "//a")', '=IMPORTXML("http://x", "//a")'],
  ])('%j -> %j', (v, expected) => {
    expect(cellText(v)).toBe(expected);
  });
});

describe('parseNumber', () => {
  it.each<[CellValue, number | null]>([
    // Cells that are already numbers pass through.
    [1200, 1200],
    [-3.5, -3.5],
    [0, 0],
    // Blanks.
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    // Plain text numbers.
    ['1200', 1200],
    ['  1200  ', 1200],
    ['12.5', 12.5],
    ['.5', 0.5],
    ['0.1', 0.1],
    ['007', 7],
    ['-5', -5],
    ['+5', 5],
    ['\u22125', -5],
    ['- 5', -5],
    ['-0', 0],
    // Thousands separators in groups of three.
    ['1,200', 1200],
    ['1,234,567.89', 1234567.89],
    ['12,345', 12345],
    ['123,456', 123456],
    ['1\u00a0234', 1234],
    ['1\u202f234.5', 1234.5],
    // Currency before or after.
    ['$1,200', 1200],
    ['$ 1,200', 1200],
    ['1,200$', 1200],
    ['1200 €', 1200],
    ['£5', 5],
    ['¥300', 300],
    ['₹ 2.5k', 2500],
    ['-$5', -5],
    ['$-5', -5],
    // Suffixes.
    ['$1.2M', 1200000],
    ['1.2m', 1200000],
    ['1.2 M', 1200000],
    ['€3.4k', 3400],
    ['3.4K€', 3400],
    ['1.5bn', 1500000000],
    ['1.5BN', 1500000000],
    ['1.5b', 1500000000],
    ['2mn', 2000000],
    ['12%', 0.12],
    ['12 %', 0.12],
    ['0.07%', 0.0007],
    ['150%', 1.5],
    ['-12.5%', -0.125],
    ['100%', 1],
    // Accounting negatives.
    ['(1,000)', -1000],
    ['( 1,000 )', -1000],
    ['($1,000)', -1000],
    ['$(1,000)', -1000],
    ['(1.2M)', -1200000],
    ['(1,000) €', -1000],
    ['(5%)', -0.05],
    // Scientific notation, as Sheets shows very large numbers.
    ['1.5E+12', 1.5e12],
    ['2e-3', 0.002],
    ['2E3', 2000],
  ])('%j -> %s', (v, expected) => {
    expect(parseNumber(v)).toBe(expected);
  });

  it.each<CellValue>([
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NaN,
    true,
    false,
    new Date(Date.UTC(2026, 0, 1)),
    '12 apples',
    '1.2.3',
    'N/A',
    'TBD',
    '#N/A',
    '#DIV/0!',
    'abc',
    '$',
    '-',
    '%',
    '()',
    '1,20',
    '1,2',
    '1,2345',
    '12,34,567',
    '1234,567',
    '0,123',
    '1,200,00',
    '5.',
    '1..2',
    '--5',
    '+-5',
    '(-5)',
    '-(5)',
    '(5',
    '5)',
    '$$5',
    '$5$',
    '$12%',
    '12%%',
    '1.2kk',
    '1.2mm',
    '1.2k%',
    '5 billion',
    '5e',
    '5e+',
    '5 euros',
    'Infinity',
    'NaN',
    '1e400',
    '1 200',
    '12-5',
    '40-60',
    '=5',
    '0x10',
    '1/2',
  ])('%j is not a number', (v) => {
    expect(parseNumber(v)).toBeNaN();
  });

  describe("with ',' as the decimal separator", () => {
    it.each<[CellValue, number | null]>([
      ['1,5', 1.5],
      ['1.234,5', 1234.5],
      ['1.234', 1234],
      ['1.234.567,89', 1234567.89],
      ['1 234,5', 1234.5],
      ['1\u00a0234,5', 1234.5],
      ['€1,2M', 1200000],
      ['12,5%', 0.125],
      ['0,07%', 0.0007],
      ['(1.000)', -1000],
      [',5', 0.5],
      [3.25, 3.25],
      ['', null],
    ])('%j -> %s', (v, expected) => {
      expect(parseNumber(v, ',')).toBe(expected);
    });

    it.each<CellValue>(['1.5', '1.2.3', '1,2,3', '1.23', '1,200.5', '5,'])('%j is not a number', (v) => {
      expect(parseNumber(v, ',')).toBeNaN();
    });
  });

  it('reads every grouped decimal exactly as its literal (en-US and de-DE formatting)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.nat(6), (int, places) => {
        const exact = Number(`${int}e-${places}`);
        // Format the exact decimal text: digits of int with the point `places` from the right.
        const digits = (int < 0n ? -int : int).toString().padStart(places + 1, '0');
        const whole = BigInt(digits.slice(0, digits.length - places));
        const fraction = digits.slice(digits.length - places);
        const sign = int < 0n ? '-' : '';
        const en = `${sign}${whole.toLocaleString('en-US')}${places ? `.${fraction}` : ''}`;
        const de = `${sign}${whole.toLocaleString('de-DE')}${places ? `,${fraction}` : ''}`;
        const expected = exact === 0 ? 0 : exact; // -0 reads as 0
        expect(parseNumber(en)).toBe(expected);
        expect(parseNumber(de, ',')).toBe(expected);
        expect(parseNumber(`$${en}`)).toBe(expected);
      }),
    );
  });

  it('never throws, and gives null, NaN or a finite number for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789.,-+()$€%kKmMbBnN eE\u00a0'.split('')) }),
        (text) => {
          const n = parseNumber(text);
          expect(n === null || Number.isNaN(n) || Number.isFinite(n)).toBe(true);
        },
      ),
    );
  });

  it('builds values by shifting the decimal exponent, exactly as literals', () => {
    expect(parseNumber('0.1%')).toBe(0.001);
    expect(parseNumber('33.3%')).toBe(0.333);
    expect(parseNumber('2.675k')).toBe(2675);
    expect(parseNumber('0.3M')).toBe(300000);
    expect(parseNumber('19.99%')).toBe(0.1999);
    expect(parseNumber('1.1bn')).toBe(1100000000);
  });
});

describe('parseBinary', () => {
  it.each<[CellValue, 0 | 1 | null]>([
    ['done', 1],
    ['Done', 1],
    [' DONE ', 1],
    ['yes', 1],
    ['YES', 1],
    ['true', 1],
    ['TRUE', 1],
    ['1', 1],
    ['x', 1],
    ['X', 1],
    ['✓', 1],
    ['✔', 1],
    ['✔\ufe0f', 1],
    [true, 1],
    [1, 1],
    [false, 0],
    [0, 0],
    [0.5, 0],
    [2, 0],
    ['no', 0],
    ['not done', 0],
    ['0', 0],
    ['in progress', 0],
    ['✗', 0],
    [new Date(Date.UTC(2026, 0, 1)), 0],
    ['', null],
    ['  ', null],
    [null, null],
    [undefined, null],
  ])('%j -> %s', (v, expected) => {
    expect(parseBinary(v)).toBe(expected);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['Goal ID', 'goalid'],
    ['Target (%)', 'target'],
    ['Target ($)', 'target'],
    ['Target [%]', 'target'],
    ['Aligns to:', 'alignsto'],
    ['  OWNER  ', 'owner'],
    ['Goal-ID', 'goalid'],
    ['Roll-up', 'rollup'],
    ['Parent_ID', 'parentid'],
    ['Weight %', 'weight'],
    ['Goal #', 'goal'],
    ['Gap threshold (points) ', 'gapthreshold'],
    ['Q3 Target', 'q3target'],
    ['Émission (t)', 'émission'],
    ['(%)', ''],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(normalizeHeader(text)).toBe(expected);
  });
});

describe('dates from another realm (a vm, a test harness)', () => {
  const foreign = vm.runInNewContext('new Date(Date.UTC(2026, 2, 1))') as Date;
  it('are dates to every reader', () => {
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(cellText(foreign)).toBe('2026-03-01');
    expect(parsePeriod(foreign)?.label).toBe('Mar 2026');
  });
  it.each([[{}], ['2026-03-01'], [46000], [null], [[new Date(0)]]])('%j is not a date', (v) =>
    expect(isDate(v)).toBe(false),
  );
});
