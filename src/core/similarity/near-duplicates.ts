// Decides how two documents relate textually: a near-duplicate (a syndicated copy with its own
// header and footer) or a document that shares passages with another (quotes paragraphs of it).

import { SHINGLE_WORDS, shingleHashesOfTokens, tokenHashesAndBreaks } from "./tokens.js";
import { fmix32 } from "./hash32.js";

export { lshBands, LSH_BANDS } from "./lsh.js";

/** Jaccard similarity of shingle sets at or above which two texts are near-duplicates. */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Share of the smaller text's shingles found in the larger one that makes shared passages. */
export const SHARED_CONTAINMENT = 0.5;
/** Whole paragraphs two texts must share to count as sharing passages. */
export const SHARED_PARAGRAPHS = 3;
/** Paragraphs shorter than this many words are ignored (datelines, bylines, captions). */
export const MIN_PARAGRAPH_WORDS = 12;
/** Containment only counts when at least this many shingles are shared (about a paragraph). */
export const MIN_SHARED_SHINGLES = 20;

/** Kinds of textual relation between two documents. */
export type TextRelationKind = "near_duplicate" | "shares_passages";

/** How two texts relate, with the measures the decision was made on. */
export interface TextRelation {
  kind: TextRelationKind | null;
  /** Jaccard similarity for near_duplicate and null; containment for shares_passages. */
  similarity: number;
  /** Jaccard similarity of the two sets of 5-word shingles (hashed, so very nearly exact). */
  jaccard: number;
  /** Share of the smaller shingle set contained in the larger. */
  containment: number;
  /** Number of distinct paragraphs (of at least MIN_PARAGRAPH_WORDS words) both texts contain. */
  sharedParagraphs: number;
}

/** Distinct values of an array, sorted (so two sets intersect by one merge pass). */
function sortedUnique(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i] ?? 0;
  return sorted.subarray(0, n);
}

/**
 * Hashes of a text's paragraphs (the words between line breaks) long enough to be telling, sorted
 * and distinct, from its token hashes and the token counts at its line breaks.
 */
function paragraphSet(tokens: Uint32Array, breaks: readonly number[]): Uint32Array {
  const out: number[] = [];
  let start = 0;
  for (let k = 0; k <= breaks.length; k++) {
    const end = k < breaks.length ? (breaks[k] as number) : tokens.length;
    const length = end - start;
    if (length >= MIN_PARAGRAPH_WORDS) {
      let h = 0x2545f491 ^ length;
      for (let i = start; i < end; i++) h = fmix32(h ^ (tokens[i] ?? 0));
      out.push(h >>> 0);
    }
    start = end;
  }
  return sortedUnique(Uint32Array.from(out));
}

/** Number of values two sorted, distinct arrays share. */
function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * What the verdict needs of one text: its distinct shingle hashes and paragraph hashes, both from
 * one pass over the text (4 bytes a shingle: many texts' shingles can be kept). Keep it to compare
 * one text with many.
 */
export class TextShingles {
  /** Distinct shingle hashes, sorted. */
  readonly shingles: Uint32Array;
  /** Distinct hashes of the paragraphs of at least MIN_PARAGRAPH_WORDS words, sorted. */
  readonly paragraphs: Uint32Array;

  constructor(text: string) {
    const { tokens, breaks } = tokenHashesAndBreaks(text);
    this.shingles = sortedUnique(shingleHashesOfTokens(tokens, SHINGLE_WORDS));
    this.paragraphs = paragraphSet(tokens, breaks);
  }
}

/** Classifies the textual relation of two documents (symmetric). */
export function classifyRelation(a: { text: string }, b: { text: string }): TextRelation {
  return classifyShingles(new TextShingles(a.text), new TextShingles(b.text));
}

/** The same verdict from shingles computed beforehand. */
export function classifyShingles(a: TextShingles, b: TextShingles): TextRelation {
  const sa = a.shingles;
  const sb = b.shingles;
  const shared = intersectionSize(sa, sb);
  const union = sa.length + sb.length - shared;
  const jaccard = union === 0 ? 0 : shared / union;
  const smaller = Math.min(sa.length, sb.length);
  const containment = smaller === 0 ? 0 : shared / smaller;

  const sharedParagraphs = shared === 0 ? 0 : intersectionSize(a.paragraphs, b.paragraphs);
  if (jaccard >= NEAR_DUPLICATE_JACCARD) {
    return { kind: "near_duplicate", similarity: jaccard, jaccard, containment, sharedParagraphs };
  }
  if ((containment >= SHARED_CONTAINMENT && shared >= MIN_SHARED_SHINGLES) || sharedParagraphs >= SHARED_PARAGRAPHS) {
    return { kind: "shares_passages", similarity: containment, jaccard, containment, sharedParagraphs };
  }
  return { kind: null, similarity: jaccard, jaccard, containment, sharedParagraphs };
}
