// MinHash signatures of a text's word shingles: the share of equal positions in two
// signatures estimates the Jaccard similarity of the two shingle sets.

import { fmix32 } from "./hash32.js";
import { SHINGLE_WORDS, shingleHashes } from "./tokens.js";

// Local binding of the hot hash: module loaders that rewrite imports into property reads
// (vitest does) would otherwise slow the inner loops several times.
const mix32 = fmix32;

/** Default number of hash functions in a signature. */
export const MINHASH_SIZE = 64;

/** Value of a signature slot that saw no shingle (an empty text). */
const EMPTY = 0xffffffff;

const seedCache = new Map<number, { xor: Int32Array; mul: Int32Array }>();

/** Deterministic per-slot seeds: an xor mask and an odd multiplier for each hash function. */
function seeds(numHashes: number): { xor: Int32Array; mul: Int32Array } {
  let s = seedCache.get(numHashes);
  if (!s) {
    const xor = new Int32Array(numHashes);
    const mul = new Int32Array(numHashes);
    for (let j = 0; j < numHashes; j++) {
      xor[j] = mix32(Math.imul(j + 1, 0x9e3779b9));
      mul[j] = (mix32(Math.imul(j + 1, 0x632be5ab) ^ 0x5bd1e995) | 1) >>> 0;
    }
    s = { xor, mul };
    seedCache.set(numHashes, s);
  }
  return s;
}

/** MinHash signature of precomputed 32-bit shingle hashes. */
export function minhashOfShingles(hashes: Uint32Array, numHashes: number = MINHASH_SIZE): Uint32Array {
  if (!Number.isInteger(numHashes) || numHashes < 1) throw new RangeError(`bad signature size ${numHashes}`);
  const { xor, mul } = seeds(numHashes);
  // Minima are kept as signed int32 with the top bit flipped, which orders like unsigned but
  // stays in V8's small-integer fast path.
  const min = new Int32Array(numHashes).fill(0x7fffffff);
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i] ?? 0;
    for (let j = 0; j < numHashes; j++) {
      // Each slot applies its own bijection of the 32-bit space: xor, odd multiply, xorshift.
      let x = Math.imul(h ^ (xor[j] ?? 0), mul[j] ?? 1);
      x = (x ^ (x >>> 15) ^ 0x80000000) | 0;
      if (x < (min[j] ?? 0)) min[j] = x;
    }
  }
  const sig = new Uint32Array(numHashes);
  for (let j = 0; j < numHashes; j++) sig[j] = ((min[j] ?? 0) ^ 0x80000000) >>> 0;
  return sig;
}

/** MinHash signature of a text's k-word shingles. */
export function minhashSignature(text: string, numHashes: number = MINHASH_SIZE, k: number = SHINGLE_WORDS): Uint32Array {
  return minhashOfShingles(shingleHashes(text, k), numHashes);
}

/** Estimated Jaccard similarity of two signatures of equal size (0 when either text was empty). */
export function jaccardEstimate(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signature sizes differ: ${a.length} vs ${b.length}`);
  if (a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === b[i] && x !== EMPTY) same++;
  }
  return same / a.length;
}
