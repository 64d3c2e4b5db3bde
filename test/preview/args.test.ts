// The preview's command line: files, --port and --locale (de-DE as the command line writes it, de_DE as Sheets does).
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../tools/preview/args';

describe('parseArgs', () => {
  it.each([
    ['no option', ['book.xlsx'], { files: ['book.xlsx'], port: null, locale: null }],
    ['--port N', ['--port', '9000', 'a.csv'], { files: ['a.csv'], port: 9000, locale: null }],
    [
      '--locale de-DE',
      ['--locale', 'de-DE', 'a.csv'],
      { files: ['a.csv'], port: null, locale: { sheets: 'de_DE', decimalSeparator: ',' } },
    ],
    [
      '--locale de_DE, as Sheets names it',
      ['a.csv', '--locale', 'de_DE'],
      { files: ['a.csv'], port: null, locale: { sheets: 'de_DE', decimalSeparator: ',' } },
    ],
    [
      '--locale=fr-FR',
      ['--locale=fr-FR', 'a.csv', 'b.csv'],
      { files: ['a.csv', 'b.csv'], port: null, locale: { sheets: 'fr_FR', decimalSeparator: ',' } },
    ],
    [
      '--locale en-US',
      ['--locale', 'en-US'],
      { files: [], port: null, locale: { sheets: 'en_US', decimalSeparator: '.' } },
    ],
  ])('%s', (_name, argv, expected) => {
    const args = parseArgs(argv);
    expect({
      files: args.files,
      port: args.port,
      locale: args.locale && { sheets: args.locale.sheets, decimalSeparator: args.locale.decimalSeparator },
    }).toEqual(expected);
  });

  it.each([
    ['--locale without a tag', ['--locale'], /--locale needs a language tag/],
    ['--locale with an empty tag', ['--locale='], /--locale needs a language tag/],
    [
      '--locale with no language tag',
      ['--locale', 'de DE!'],
      /--locale needs a language tag like de-DE or en-US, not "de DE!"/,
    ],
    ['an unknown option', ['--local', 'de-DE'], /Unknown option --local/],
  ])('refuses %s', (_name, argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('names no other command’s --help in its messages', () => {
    expect(() => parseArgs(['--locale', 'x!'])).toThrow(/^(?![\s\S]*mbo-cascade --help)/);
  });
});
