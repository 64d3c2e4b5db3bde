// Numbers for distinct texts (IDs, owners) in typed-array hash tables: a million keys cost far less than a Map.

/**
 * Gives each distinct text a dense number (0, 1, 2… in order of first appearance), compared exactly
 * (callers normalise first). Open addressing over a typed array: filling a million-key Map takes a third
 * of a second and leaves a large structure that every later collection marks; this table costs a hash
 * over the characters and a probe or two.
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

  constructor(expected = 16) {
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
    const hash = hashOf(text);
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const held = slots[s];
      if (held === 0) return -1;
      if (hashes[held - 1] === hash && texts[held - 1] === text) return held - 1;
    }
  }

  /** The number of `text`, given the next one when it has none yet. */
  add(text: string): number {
    const { slots, hashes, mask, texts } = this;
    const hash = hashOf(text);
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
      if (hashes[held - 1] === hash && texts[held - 1] === text) return held - 1;
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

/** FNV-1a over the UTF-16 code units, as an int32 (what the hash array holds). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h | 0;
}
