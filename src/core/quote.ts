// Bounded quotes of user text in messages and cells: a long cell is cut and says how long it was, a long list names a few.

/** Longest piece of user text a message quotes whole (a cell may hold 50,000 characters). */
export const QUOTE_LIMIT = 100;
/** A list of IDs up to this long is quoted whole; a longer one names its first QUOTED_IDS and counts the rest. */
const LIST_LIMIT = 4;
const QUOTED_IDS = 3;
/** The most characters Sheets holds in one cell. */
export const CELL_LIMIT = 50_000;

/** A count as people read it: 9990 -> 9,990 (the same in every runtime, unlike toLocaleString). */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The first `length` characters of a text, without splitting a surrogate pair (an emoji) in two. */
function head(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** User text as a message shows it: whole up to QUOTE_LIMIT characters, else cut with … and its length. */
export function shown(text: string): string {
  return text.length <= QUOTE_LIMIT ? text : `${head(text, QUOTE_LIMIT)}… (${count(text.length)} characters)`;
}

/** User text in quotes: `"abc"`, or `"abc…" (50,000 characters)` for a long one. */
export function quoted(text: string): string {
  return text.length <= QUOTE_LIMIT
    ? `"${text}"`
    : `"${head(text, QUOTE_LIMIT)}…" (${count(text.length)} characters)`;
}

/** IDs joined by ` › `, at most a few of them: `A › B › C … and 9,997 more`; each ID as `shown` writes it. */
export function idList(ids: readonly string[]): string {
  if (ids.length <= LIST_LIMIT) return ids.map(shown).join(' › ');
  const first = ids.slice(0, QUOTED_IDS).map(shown).join(' › ');
  return `${first} … and ${count(ids.length - QUOTED_IDS)} more`;
}

/**
 * A cell's text that fits in a Sheets cell: as it is up to CELL_LIMIT characters, else cut with a note that
 * says so and how long it was (the last resort for echoed input; messages stay far shorter).
 */
export function fitCell(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  const note = `… (cut to fit a cell: ${count(text.length)} characters)`;
  return `${head(text, CELL_LIMIT - note.length)}${note}`;
}
