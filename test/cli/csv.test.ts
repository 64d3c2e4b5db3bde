// Pins the CSV parser: quoting, embedded delimiters and line breaks, every line ending, the BOM, delimiter sniffing, unclosed quotes.
import { describe, expect, it } from 'vitest';
import { type Delimiter, parseCsv, sniffDelimiter } from '../../src/cli/csv';

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'no final line ending',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line endings',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR line endings',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a leading BOM is dropped', '\ufeffID,Goal\n', [['ID', 'Goal']]],
    ['empty fields, trailing delimiter', ',a,,\n', [['', 'a', '', '']]],
    ['an empty line is a row with one blank field', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['a quoted delimiter', '"1,200",x\n', [['1,200', 'x']]],
    ['a doubled quote inside quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    [
      'a quoted line break (LF and CRLF)',
      '"two\nlines","and\r\nmore"\nnext\n',
      [['two\nlines', 'and\r\nmore'], ['next']],
    ],
    ['an empty quoted field', '"",x\n', [['', 'x']]],
    ['a quote inside an unquoted field stays', 'ab"c,d\n', [['ab"c', 'd']]],
    ['text after a closing quote is kept', '"ab"c,d\n', [['abc', 'd']]],
    ['spaces are kept as written', ' a , "b" \n', [[' a ', ' "b" ']]],
    ['numbers stay text', '$1.2M,12%,(1,000)\n', [['$1.2M', '12%', '(1', '000)']]],
    ['an empty file has no rows', '', []],
    ['a BOM alone has no rows', '\ufeff', []],
  ])('%s', (_name, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it.each<[Delimiter, string, string[][]]>([
    [
      ';',
      'ID;Goal\n"a;b";1,5\n',
      [
        ['ID', 'Goal'],
        ['a;b', '1,5'],
      ],
    ],
    [
      '\t',
      'ID\tGoal\nA\t"x\ty"\n',
      [
        ['ID', 'Goal'],
        ['A', 'x\ty'],
      ],
    ],
  ])('splits on %j when told to', (delimiter, text, records) => {
    expect(parseCsv(text, delimiter)).toEqual(records);
  });

  it('names the line where a never-closed quote opened, counting quoted line breaks', () => {
    const text = 'ID,Goal\n"A\nB",ok\nX,"never closed\n';
    expect(() => parseCsv(text)).toThrow(
      expect.objectContaining({
        name: 'CsvSyntaxError',
        line: 4,
        message: expect.stringContaining('line 4'),
      }),
    );
  });
});

describe('sniffDelimiter', () => {
  it.each<[string, string, Delimiter]>([
    ['commas', 'ID,Goal,Owner\n', ','],
    ['semicolons, as decimal-comma locales save CSV', 'ID;Goal;Target\nA;x;1,5\n', ';'],
    ['tabs', 'ID\tGoal\tOwner\n', '\t'],
    ['quoted delimiters do not count', '"a;b;c;d",x,y\n', ','],
    ['only the first line counts', 'ID,Goal\na;b;c;d;e\n', ','],
    ['a tie goes to the comma', 'a,b;c\n', ','],
    ['a single column is comma-separated', 'ID\nA\n', ','],
    ['a BOM does not count', '\ufeffID;Goal\n', ';'],
  ])('%s', (_name, text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});
