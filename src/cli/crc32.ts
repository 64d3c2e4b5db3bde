// CRC-32 of zip entries: Node's own (zlib.crc32, Node 20.15+) where it has one, else a table-driven fallback.
import * as zlib from 'node:zlib';

type Crc32 = (data: Uint8Array, previous?: number) => number;

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The same checksum in plain JavaScript, for Node releases without zlib.crc32. */
export function crc32Fallback(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const native = (zlib as { crc32?: Crc32 }).crc32;

/** CRC-32 of `data`, continuing from `previous` (the CRC of what came before). */
export const crc32: Crc32 = native ? (data, previous = 0) => native(data, previous) >>> 0 : crc32Fallback;
