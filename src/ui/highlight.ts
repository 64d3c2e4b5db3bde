// Search matches wrapped in <mark>, built from text nodes only.
import { el } from './dom';

/** Splits `text` around case-insensitive occurrences of `query`; each piece stays plain text. */
export function highlight(text: string, query: string): (string | HTMLElement)[] {
  const needle = query.trim().toLowerCase();
  const haystack = text.toLowerCase();
  // Lower-casing a few characters changes the length; then offsets would not line up, so mark nothing.
  if (needle === '' || haystack.length !== text.length) return [text];
  const pieces: (string | HTMLElement)[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    if (at > from) pieces.push(text.slice(from, at));
    pieces.push(el('mark', {}, text.slice(at, at + needle.length)));
    from = at + needle.length;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
}
