// Normalised word tokens and word shingles, the units every similarity measure counts. Tokens
// are runs of letters and digits, lowercased, with Arabic-script variants and digits folded so
// a Persian copy that uses Arabic yeh/kaf or Eastern digits still matches.

import { FNV32_OFFSET, FNV32_PRIME, fmix32 } from "./hash32.js";

// Local binding of the hot hash: module loaders that rewrite imports into property reads
// (vitest does) would otherwise slow the inner loops several times.
const mix32 = fmix32;
const FNV_OFFSET = FNV32_OFFSET;
const FNV_PRIME = FNV32_PRIME;

/** Default shingle width in words. */
export const SHINGLE_WORDS = 5;

const SEPARATOR = -1;
const SKIP = 0;

/** Maps a lowercased code unit to its folded form, SKIP (drop it) or SEPARATOR (ends a word). */
function foldLower(c: number): number {
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
    return SEPARATOR;
  }
  if (c <= 0xbf) return c === 0xad ? SKIP : SEPARATOR; // Latin-1 punctuation, soft hyphen
  if (c === 0xd7 || c === 0xf7) return SEPARATOR;
  if (c >= 0x0300 && c <= 0x036f) return SKIP; // combining accents
  if (c >= 0x0600 && c <= 0x06ff) {
    if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 0x30; // Persian digits
    if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 0x30; // Arabic-Indic digits
    if (c === 0x064a || c === 0x0649) return 0x06cc; // Arabic yeh, alef maksura → Persian yeh
    if (c === 0x0643) return 0x06a9; // Arabic kaf → Persian keheh
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) return SKIP; // harakat, tatweel
    if (c === 0x060c || c === 0x061b || c === 0x061f || (c >= 0x066a && c <= 0x066d) || c === 0x06d4) {
      return SEPARATOR;
    }
    return c;
  }
  if (c >= 0x2000 && c <= 0x206f) {
    return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 ? SKIP : SEPARATOR;
  }
  if (c === 0xfeff) return SKIP;
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0x2e00 && c <= 0x2e7f)) {
    return SEPARATOR;
  }
  return c;
}

/** Lowercase form of one code unit (first unit when lowercasing expands it). */
function lower(c: number): number {
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** Case ranges above the lookup table that need lowercasing (Latin extended, fullwidth). */
function hasCase(c: number): boolean {
  return (c >= 0x1e00 && c <= 0x1fff) || (c >= 0x2c00 && c <= 0x2d2f) || (c >= 0xa640 && c <= 0xa7ff) || (c >= 0xff21 && c <= 0xff3a);
}

const TABLE_SIZE = 0x0700;
/** Precomputed fold of every code unit below TABLE_SIZE (Latin, Greek, Cyrillic, Arabic). */
const FOLD_TABLE = (() => {
  const t = new Int32Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) t[c] = foldLower(lower(c));
  return t;
})();

/** Lowercases and folds one code unit: its folded form, SKIP or SEPARATOR. */
function foldCode(c: number): number {
  if (c < TABLE_SIZE) return FOLD_TABLE[c] ?? SEPARATOR;
  return foldLower(hasCase(c) ? lower(c) : c);
}

/** One 32-bit hash per normalised word of the text, in order. */
export function tokenHashes(text: string): Uint32Array {
  return scanTokens(text, null);
}

/**
 * The token hashes of a text and, for each line break in it, how many tokens come before it: the
 * words of each line (paragraph) without a second pass over the text.
 */
export function tokenHashesAndBreaks(text: string): { tokens: Uint32Array; breaks: number[] } {
  const breaks: number[] = [];
  return { tokens: scanTokens(text, breaks), breaks };
}

function scanTokens(text: string, breaks: number[] | null): Uint32Array {
  const s = text;
  const table = FOLD_TABLE;
  const out = new Uint32Array((s.length >>> 1) + 1);
  let n = 0;
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    // The table lookup is inlined here: this loop is the hot path of all fingerprinting.
    const c = u < TABLE_SIZE ? (table[u] ?? SEPARATOR) : foldCode(u);
    if (c === SKIP) continue;
    if (c === SEPARATOR) {
      if (inWord) {
        out[n++] = mix32(h);
        h = FNV_OFFSET;
        inWord = false;
      }
      if (u === 10 && breaks) breaks.push(n);
      continue;
    }
    h = Math.imul(h ^ c, FNV_PRIME);
    inWord = true;
  }
  if (inWord) out[n++] = mix32(h);
  return out.subarray(0, n);
}

/** The normalised words of a text, as strings (same tokens tokenHashes hashes). */
export function words(text: string): string[] {
  const s = text;
  const out: string[] = [];
  let cur: number[] = [];
  const flush = (): void => {
    if (cur.length > 0) out.push(String.fromCharCode(...cur));
    cur = [];
  };
  for (let i = 0; i < s.length; i++) {
    const c = foldCode(s.charCodeAt(i));
    if (c === SKIP) continue;
    if (c === SEPARATOR) flush();
    else cur.push(c);
  }
  flush();
  return out;
}

/** Combines k consecutive token hashes into one order-sensitive 32-bit shingle hash. */
function combine(tokens: Uint32Array, from: number, k: number): number {
  let h = 0x9e3779b9 ^ k;
  for (let j = from; j < from + k; j++) {
    h = Math.imul(h ^ (tokens[j] ?? 0), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return mix32(h);
}

/** 32-bit hashes of the k-word shingles of a text; a text shorter than k words is one shingle. */
export function shingleHashes(text: string, k: number = SHINGLE_WORDS): Uint32Array {
  return shingleHashesOfTokens(tokenHashes(text), k);
}

/** Shingle hashes from token hashes already computed. */
export function shingleHashesOfTokens(tokens: Uint32Array, k: number = SHINGLE_WORDS): Uint32Array {
  if (k < 1) throw new RangeError(`shingle width must be at least 1, got ${k}`);
  if (tokens.length === 0) return new Uint32Array(0);
  if (tokens.length <= k) return Uint32Array.of(combine(tokens, 0, tokens.length));
  const out = new Uint32Array(tokens.length - k + 1);
  for (let i = 0; i < out.length; i++) out[i] = combine(tokens, i, k);
  return out;
}

/** The k-word shingles of a text as strings of normalised words joined by spaces. */
export function shingles(text: string, k: number = SHINGLE_WORDS): string[] {
  if (k < 1) throw new RangeError(`shingle width must be at least 1, got ${k}`);
  const w = words(text);
  if (w.length === 0) return [];
  if (w.length <= k) return [w.join(" ")];
  const out: string[] = [];
  for (let i = 0; i + k <= w.length; i++) out.push(w.slice(i, i + k).join(" "));
  return out;
}
