// 64-bit SimHash of a text's word shingles: similar texts get fingerprints a few bits apart,
// so near-copies can be found by Hamming distance.

import { fmix32, popcount32 } from "./hash32.js";
import { SHINGLE_WORDS, shingleHashes } from "./tokens.js";

// Local binding of the hot hash: module loaders that rewrite imports into property reads
// (vitest does) would otherwise slow the inner loops several times.
const mix32 = fmix32;

export { shingles, shingleHashes } from "./tokens.js";

const LO_SEED = 0x9e3779b9;
const HI_SEED = 0x7f4a7c15;
const MASK32 = 0xffffffffn;

/** Number of bit planes of the vertical counters: counts up to 2^32 shingles. */
const PLANES = 32;

/**
 * Adds a 32-bit word to vertical (bit-sliced) counters: plane p holds bit p of the count of
 * ones seen at each of the 32 positions. The carry rarely travels past two planes, so this
 * costs a few operations per word instead of 32.
 */
function addVertical(planes: Int32Array, word: number): void {
  let carry = word | 0;
  for (let p = 0; carry !== 0 && p < PLANES; p++) {
    const plane = planes[p] ?? 0;
    planes[p] = plane ^ carry;
    carry &= plane;
  }
}

/** Word whose bit b is set when more than half of the n words added had bit b set. */
function majority(planes: Int32Array, n: number): number {
  let out = 0;
  for (let bit = 0; bit < 32; bit++) {
    let count = 0;
    for (let p = PLANES - 1; p >= 0; p--) count = count * 2 + (((planes[p] ?? 0) >>> bit) & 1);
    if (count * 2 > n) out |= 1 << bit;
  }
  return out >>> 0;
}

/** SimHash of precomputed 32-bit shingle hashes; each shingle is widened to 64 bits. */
export function simhashOfShingles(hashes: Uint32Array): bigint {
  const n = hashes.length;
  if (n === 0) return 0n;
  const lo = new Int32Array(PLANES);
  const hi = new Int32Array(PLANES);
  for (let i = 0; i < n; i++) {
    const s = hashes[i] ?? 0;
    addVertical(lo, mix32(s ^ LO_SEED));
    addVertical(hi, mix32(s ^ HI_SEED));
  }
  return (BigInt(majority(hi, n)) << 32n) | BigInt(majority(lo, n));
}

/** 64-bit SimHash of a text's k-word shingles (0n for a text without words). */
export function simhash64(text: string, k: number = SHINGLE_WORDS): bigint {
  return simhashOfShingles(shingleHashes(text, k));
}

/** Number of differing bits between two 64-bit fingerprints. */
export function hammingDistance(a: bigint, b: bigint): number {
  const [ahi, alo] = simhashHalves(a);
  const [bhi, blo] = simhashHalves(b);
  return halvesDistance(ahi, alo, bhi, blo);
}

/** A fingerprint's high and low 32 bits, as numbers: comparing many needs no BigInt arithmetic. */
export function simhashHalves(hash: bigint): [number, number] {
  return [Number(BigInt.asUintN(32, hash >> 32n)), Number(hash & MASK32)];
}

/** Number of differing bits between two fingerprints given as their high and low 32 bits. */
export function halvesDistance(ahi: number, alo: number, bhi: number, blo: number): number {
  return popcount32((ahi ^ bhi) >>> 0) + popcount32((alo ^ blo) >>> 0);
}

/** A fingerprint as 16 lowercase hex digits, for storage and display. */
export function simhashHex(h: bigint): string {
  return BigInt.asUintN(64, h).toString(16).padStart(16, "0");
}

/** Reads a fingerprint written by simhashHex; throws RangeError on anything else. */
export function parseSimhashHex(s: string): bigint {
  if (!/^[0-9a-fA-F]{16}$/.test(s)) throw new RangeError(`not a 64-bit SimHash in hex: "${s}"`);
  return BigInt(`0x${s}`);
}
