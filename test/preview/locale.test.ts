// The preview's spreadsheet locale: its Sheets name, its decimal mark (as the command line reads --locale) and its numeric dates.
import { describe, expect, it } from 'vitest';
import { previewLocale } from '../../tools/preview/locale';

describe('previewLocale', () => {
  it.each([
    ['de-DE', { sheets: 'de_DE', decimalSeparator: ',', dateOrder: 'dmy', dateSeparator: '.' }],
    ['de_DE', { sheets: 'de_DE', decimalSeparator: ',', dateOrder: 'dmy', dateSeparator: '.' }],
    ['fr-FR', { sheets: 'fr_FR', decimalSeparator: ',', dateOrder: 'dmy', dateSeparator: '/' }],
    ['es_ES', { sheets: 'es_ES', decimalSeparator: ',', dateOrder: 'dmy', dateSeparator: '/' }],
    ['en-US', { sheets: 'en_US', decimalSeparator: '.', dateOrder: 'mdy', dateSeparator: '/' }],
    ['en-GB', { sheets: 'en_GB', decimalSeparator: '.', dateOrder: 'dmy', dateSeparator: '/' }],
    ['sv-SE', { sheets: 'sv_SE', decimalSeparator: ',', dateOrder: 'ymd', dateSeparator: '-' }],
  ])('%s', (code, expected) => {
    expect(previewLocale(code)).toEqual(expected);
  });
});
