// Numbers for distinct texts (IDs, owners) in typed-array hash tables: a million keys cost far less than a Map.

/**
 * Gives each distinct text a dense number (0, 1, 2… in order of first appearance), compared exactly,
 * or ignoring case (as `toLowerCase()` sees it) when made `caseless`. Open addressing in typed arrays
 * that live outside the JS heap: filling a million-key Map takes a third of a second and leaves a large
 * structure that every later collection marks; this table costs a hash over the characters and a probe
 * or two. Caseless tables fold ASCII letters as they hash and compare, so a million IDs need no
 * million lower-cased copies.
 */
export class TextNumbers {
  /** Each number's text. */
  readonly texts: string[] = [];
  /**
   * Each number's hash: a probe compares it before the texts, so a collision costs no load of another
   * string (at a million keys, a string load is a cache miss). A plain array of small integers, on the
   * JS heap: V8 starts a full collection of the whole heap once typed arrays grow by 64 MB, and a
   * million-goal analysis is close to that already.
   */
  private readonly hashes: number[] = [];
  /** Each slot's number + 1; 0 = empty. */
  private slots: Int32Array;
  private mask: number;

  private readonly hash: (text: string) => number;
  private readonly same: (a: string, b: string) => boolean;

  constructor(expected = 16, caseless = false) {
    this.hash = caseless ? caselessHashOf : hashOf;
    this.same = caseless ? sameIgnoringCase : sameText;
    let size = 16;
    // At most half full: probes stay short.
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.texts.length;
  }

  /** The number of `text`, or -1 when it has none. */
  get(text: string): number {
    const { slots, hashes, mask, texts } = this;
    const hash = this.hash(text);
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const held = slots[s];
      if (held === 0) return -1;
      if (hashes[held - 1] === hash && this.same(texts[held - 1], text)) return held - 1;
    }
  }

  /** The number of `text`, given the next one when it has none yet. */
  add(text: string): number {
    const { slots, hashes, mask, texts } = this;
    const hash = this.hash(text);
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const held = slots[s];
      if (held === 0) {
        const number = texts.length;
        texts.push(text);
        hashes.push(hash);
        slots[s] = number + 1;
        if (texts.length * 2 > mask) this.grow();
        return number;
      }
      if (hashes[held - 1] === hash && this.same(texts[held - 1], text)) return held - 1;
    }
  }

  private grow(): void {
    const { hashes } = this;
    const size = this.slots.length * 2;
    const mask = size - 1;
    const slots = new Int32Array(size);
    // Rehashed from the stored hashes: no text is read again.
    for (let number = 0; number < hashes.length; number++) {
      let s = hashes[number] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = number + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const UPPER_A = 65;
const UPPER_Z = 90;
const LAST_ASCII = 127;
const TO_LOWER = 32;

/** FNV-1a over the UTF-16 code units, as an int32 (what the hash array holds). */
function hashOf(text: string): number {
  let h = FNV_BASIS;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h | 0;
}

/** hashOf(text.toLowerCase()), folding ASCII letters on the fly; other text is lower-cased first. */
function caselessHashOf(text: string): number {
  let h = FNV_BASIS;
  for (let k = 0; k < text.length; k++) {
    let c = text.charCodeAt(k);
    if (c > LAST_ASCII) return hashOf(text.toLowerCase());
    if (c >= UPPER_A && c <= UPPER_Z) c += TO_LOWER;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h | 0;
}

function sameText(a: string, b: string): boolean {
  return a === b;
}

/**
 * a.toLowerCase() === b.toLowerCase(), without lower-casing ASCII text. Text beyond ASCII is
 * lower-cased whole, because there case can change length (İ) or depend on neighbours (final Σ).
 */
export function sameIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let k = 0;
    for (; k < a.length; k++) {
      let x = a.charCodeAt(k);
      let y = b.charCodeAt(k);
      if (x > LAST_ASCII || y > LAST_ASCII) break;
      if (x >= UPPER_A && x <= UPPER_Z) x += TO_LOWER;
      if (y >= UPPER_A && y <= UPPER_Z) y += TO_LOWER;
      if (x !== y) return false;
    }
    if (k === a.length) return true;
  } else if (isAscii(a) && isAscii(b)) {
    // ASCII keeps its length when lower-cased (a parent ID against its child's, most of the time).
    return false;
  }
  return a.toLowerCase() === b.toLowerCase();
}

function isAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) > LAST_ASCII) return false;
  return true;
}
