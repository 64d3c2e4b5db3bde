// Owner cells that name several people: co-owners written "Ann; Bob" (or e-mail addresses with commas) share the goal; "Ann, Bob" is ambiguous and warned about.

/** Always separate people: a semicolon or a line break. */
const STRONG = /[;\n]/;
/**
 * Separate people only when the names either side are people: `,`, `&`, `/`, `+` and the word `and`. No spaces
 * around (parts are trimmed): `\s*X\s*` is quadratic on a long run of spaces.
 */
const WEAK = /[,&/+]|\band\b/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One co-owner of a shared goal, with the share written beside the name (`Ann 60%`), if any. */
export interface CoOwner {
  name: string;
  /** A fraction; null when none is written. */
  share: number | null;
}

const SHARE = /^(.*\S)\s+(\d+(?:\.\d+)?)\s*%$/;

/**
 * The co-owners of a shared goal: an Owner cell naming several people separated by semicolons or line breaks
 * (`Ann; Bob`, `Ann 60%; Bob 40%`), or e-mail addresses separated by commas (no address holds one: vendors'
 * Owner Emails columns list them so); null when it names one. Names come back trimmed, blanks dropped.
 */
export function coOwners(text: string): CoOwner[] | null {
  if (!STRONG.test(text)) {
    const emails = text.includes(',') && text.includes('@') ? parts(text, /,/) : [];
    return emails.length > 1 && emails.every((part) => EMAIL.test(part))
      ? emails.map((name) => ({ name, share: null }))
      : null;
  }
  const names = parts(text, STRONG);
  if (names.length < 2) return null;
  return names.map((part) => {
    const m = SHARE.exec(part);
    return m === null ? { name: part, share: null } : { name: m[1], share: Number(m[2]) / 100 };
  });
}

/**
 * The people an Owner cell names when it is not a list of co-owners but may still name several, else null: a
 * comma, `&`, `/`, `+` or `and` between names of which one is an owner elsewhere in the workbook (`known`,
 * case-insensitive), or between e-mail addresses (`&`, `/`, `+`, `and`: commas list co-owners). `Smith, John` and
 * `Sales and Marketing` stay one owner. Names
 * come back trimmed, blanks dropped.
 */
export function severalOwners(text: string, known: (name: string) => boolean): string[] | null {
  // Most owners are one plain name: no separator, nothing to split (a list per scorecard otherwise).
  if (!WEAK.test(text)) return null;
  const weak = parts(text, WEAK);
  if (weak.length < 2 || coOwners(text) !== null) return null;
  return weak.some(known) || weak.every((name) => EMAIL.test(name)) ? weak : null;
}

function parts(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
