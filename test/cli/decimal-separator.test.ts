// Numbers typed as text in CSVs: a decimal comma for semicolon-separated files (as decimal-comma locales save them), --decimal-comma and --locale.
import { describe, expect, it } from 'vitest';
import { localeDecimalSeparator, parseCommandLine } from '../../src/cli/command-line';
import { runMain } from './run-main';
import { useTempDir } from './temp-dir';

const dir = useTempDir();

/** One measured goal: Target 1.000,5 and Actual 500,25 read as numbers only with a decimal comma. */
function goalsCsv(delimiter: ',' | ';'): string {
  const field = (text: string) => (text.includes(delimiter) ? `"${text}"` : text);
  const rows = [
    ['ID', 'Goal', 'Owner', 'Type', 'Target', 'Actual'],
    ['G-1', 'Grow', 'Ann', 'Outcome', '1.000,5', '500,25'],
  ];
  return `${rows.map((row) => row.map(field).join(delimiter)).join('\n')}\n`;
}

describe('the decimal separator of CSV numbers', () => {
  it.each<[string, ',' | ';', string[], boolean]>([
    ['a semicolon CSV reads a decimal comma by default', ';', [], true],
    ['a comma CSV reads a decimal point by default', ',', [], false],
    ['--decimal-comma on a comma CSV', ',', ['--decimal-comma'], true],
    ['--locale de-DE on a comma CSV', ',', ['--locale', 'de-DE'], true],
    ['--locale de_DE, as Sheets writes locales, on a comma CSV', ',', ['--locale', 'de_DE'], true],
    ['--locale en-US on a semicolon CSV', ';', ['--locale', 'en-US'], false],
  ])('%s', async (_name, delimiter, flags, readsComma) => {
    const path = await dir.write('Goals.csv', goalsCsv(delimiter));
    const run = await runMain(['check', path, '--json', ...flags]);
    const codes = JSON.parse(run.out).issues.map((issue: { code: string }) => issue.code);
    if (readsComma) {
      expect(codes).not.toContain('not-a-number');
      expect(run.code).toBe(0);
    } else {
      expect(codes).toContain('not-a-number');
      expect(run.code).toBe(1);
    }
  });
});

describe('localeDecimalSeparator', () => {
  it.each([
    ['de-DE', ','],
    ['fr', ','],
    ['pt-BR', ','],
    ['en-US', '.'],
    ['en-GB', '.'],
    ['ja-JP', '.'],
  ])('%s writes %s', (tag, separator) => {
    expect(localeDecimalSeparator(tag)).toBe(separator);
  });
});

describe('decimal flags on the command line', () => {
  it.each<[string[], RegExp]>([
    [
      ['check', 'a.csv', '--locale', 'not a tag!'],
      /--locale needs a language tag like de-DE or en-US, not "not a tag!"/,
    ],
    [['check', 'a.csv', '--locale', 'de', '--decimal-comma'], /Give --decimal-comma or --locale, not both/],
    [['check', 'a.csv', '--force'], /check writes nothing: --force is for rollup/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('passes the separator on', () => {
    expect(parseCommandLine(['check', 'a.csv', '--decimal-comma'])).toMatchObject({ decimalSeparator: ',' });
    expect(parseCommandLine(['rollup', 'a.csv', '-o', 'b.xlsx', '--locale', 'en'])).toMatchObject({
      decimalSeparator: '.',
      force: false,
    });
    expect(parseCommandLine(['check', 'a.csv'])).toMatchObject({ decimalSeparator: null });
  });
});
