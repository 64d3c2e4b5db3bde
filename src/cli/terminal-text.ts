// Text from a workbook made safe to print: no escape sequences or control characters that a terminal would obey instead of show.

/**
 * ESC-introduced sequences a terminal acts on: CSI (colours, cursor moves, clearing), OSC (window
 * titles, hyperlinks, clipboard), DCS/SOS/PM/APC strings, and the two-character escapes.
 */
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for.
  /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~]?)/g;
/** C0 controls but tab and line feed, DEL, and the C1 controls (U+0080-U+009F: 0x9B is a one-byte CSI). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const LINE_BREAK_OR_TAB = /[\t\n]/g;

/** Text with terminal escape sequences and control characters removed; tabs and line breaks kept. */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** Text for one line of output: also tabs and line breaks become spaces, so a cell cannot start a line of its own. */
export function oneLine(text: string): string {
  return printable(text).replace(LINE_BREAK_OR_TAB, ' ');
}

/**
 * JSON that prints safely: JSON.stringify already escapes C0 controls; DEL and the C1 controls are
 * escaped too (\u009b), which leaves every value the same.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
