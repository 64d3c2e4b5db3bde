// Owner cells that name several people ("Ann, Bob"): each would otherwise be one phantom scorecard.

/** Always separate people: a semicolon or a line break. */
const STRONG = /[;\n]/;
/**
 * Separate people only when the names either side are people: `,`, `&`, `/`, `+` and the word `and`. No spaces
 * around (parts are trimmed): `\s*X\s*` is quadratic on a long run of spaces.
 */
const WEAK = /[,&/+]|\band\b/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The people an Owner cell names when it names several, else null. A semicolon or a line break always separates
 * people. A comma, `&`, `/`, `+` or `and` does only when one of the names is an owner elsewhere in the workbook
 * (`known`, case-insensitive) or every name is an e-mail address: `Smith, John` and `Sales and Marketing` stay
 * one owner. Names come back trimmed, blanks dropped.
 */
export function severalOwners(text: string, known: (name: string) => boolean): string[] | null {
  const strong = parts(text, STRONG);
  if (strong.length > 1) return strong;
  const weak = parts(text, WEAK);
  if (weak.length < 2) return null;
  return weak.some(known) || weak.every((name) => EMAIL.test(name)) ? weak : null;
}

function parts(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
