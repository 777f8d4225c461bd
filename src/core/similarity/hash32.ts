// Small, fast non-cryptographic 32-bit hashing used by the similarity fingerprints.

/** FNV-1a 32-bit offset basis and prime, for hashing code units one at a time. */
export const FNV32_OFFSET = 0x811c9dc5;
export const FNV32_PRIME = 0x01000193;

/** Murmur3 finaliser: spreads every input bit over the whole 32-bit result (a bijection). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string, finalised with fmix32. */
export function hashString32(s: string): number {
  let h = FNV32_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV32_PRIME);
  return fmix32(h);
}

/** Number of set bits in a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
