// Parent cells that name several parents with their shares ("CMO-1 60%; CMO-2 40%"): a goal shared up the tree.

/** Always separate parents: a semicolon or a line break. */
const STRONG = /[;\n]/;
/** A comma separates parents only where some part says its share (`CMO-1 60%, CMO-2 40%`): `12, 15` stays ambiguous. */
const COMMA = ',';
/** A part's share written after it: `CMO-1 60%`, `CMO-1 (60%)`, `CMO-1: 60%`. No `\s*` before the name's end. */
const SHARE = /^(.*[^\s:(])[\s:(]+(\d+(?:\.\d+)?)\s*%\)?$/;

/** One parent named in a Parent cell listing several, with the share written beside it (a fraction), or null. */
export interface ParentPart {
  text: string;
  share: number | null;
}

/**
 * The parents a Parent cell lists as a shared goal's, or null when it does not: parts separated by semicolons or line
 * breaks, or by commas when a part carries a share (`CMO-1 60%, CMO-2 40%`). Parts come back trimmed, blanks dropped;
 * a list of fewer than two parts is not one. Plain commas (`12, 15`) are left to the caller: they are ambiguous.
 */
export function parentParts(text: string): ParentPart[] | null {
  const strong = STRONG.test(text);
  if (!strong && !text.includes(COMMA)) return null;
  const parts = text
    .split(strong ? STRONG : COMMA)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(partOf);
  if (parts.length < 2) return null;
  if (!strong && parts.every((part) => part.share === null)) return null;
  return parts;
}

function partOf(part: string): ParentPart {
  const m = SHARE.exec(part);
  return m === null ? { text: part, share: null } : { text: m[1], share: Number(m[2]) / 100 };
}

/**
 * Each parent's share of a shared goal, adding up to 1: written shares as given (negatives as 0), blanks sharing
 * equally what the written ones leave (nothing when they use it all), then all scaled to add up to 1. `total` is what
 * the written shares added up to, for a warning when they do not make 100%; null when none is written.
 */
export function normalizedShares(shares: readonly (number | null)[]): {
  shares: number[];
  total: number | null;
} {
  let written = 0;
  let blanks = 0;
  for (const s of shares) {
    if (s === null) blanks++;
    else written += Math.max(0, s);
  }
  const blankShare = blanks === 0 ? 0 : Math.max(0, 1 - written) / blanks;
  const raw = shares.map((s) => (s === null ? blankShare : Math.max(0, s)));
  const sum = raw.reduce((a, b) => a + b, 0);
  return {
    shares: sum > 0 ? raw.map((s) => s / sum) : raw.map(() => 1 / raw.length),
    total: blanks === shares.length ? null : written,
  };
}
