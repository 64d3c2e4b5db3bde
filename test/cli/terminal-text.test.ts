// Pins what printing takes out of cell text: escape sequences of every kind and control characters, keeping the words around them.
import { describe, expect, it } from 'vitest';
import { oneLine, printable, terminalSafeJson } from '../../src/cli/terminal-text';

describe('printable', () => {
  it.each([
    ['plain text stays', 'Grow pipeline €1.2M', 'Grow pipeline €1.2M'],
    ['a colour (CSI)', 'red\x1b[31mtext\x1b[0m', 'redtext'],
    ['clearing the screen', 'a\x1b[2Jb\x1b[H', 'ab'],
    ['a window title (OSC ended by BEL)', 'x\x1b]0;pwned\x07y', 'xy'],
    ['a hyperlink (OSC ended by ST)', '\x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['a device control string', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['a two-character escape', 'a\x1bcb', 'ab'],
    ['a lone ESC at the end', 'a\x1b', 'a'],
    ['the one-byte CSI and other C1 controls', 'a\x9b31mb\x85c', 'a31mbc'],
    ['C0 controls, DEL and a carriage return', 'a\x00b\x07c\x08d\x7fe\rf', 'abcdef'],
    ['tabs and line breaks stay', 'a\tb\nc', 'a\tb\nc'],
  ])('%s', (_name, text, expected) => {
    expect(printable(text)).toBe(expected);
  });
});

describe('oneLine', () => {
  it.each([
    ['line breaks and tabs become spaces', 'a\nb\tc', 'a b c'],
    ['escapes go as in printable', 'a\x1b[1m\nb', 'a b'],
  ])('%s', (_name, text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });
});

describe('terminalSafeJson', () => {
  it('escapes DEL and C1 controls, leaving the value the same', () => {
    const value = { id: 'a\x9b1m\x7f\x1b' };
    const json = terminalSafeJson(JSON.stringify(value));
    expect(json).toBe('{"id":"a\\u009b1m\\u007f\\u001b"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
