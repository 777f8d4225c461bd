// Everything a store keeps about a document to find its near-copies later, computed from
// one pass of tokenising.

import { LSH_BANDS, lshBands } from "./lsh.js";
import { MINHASH_SIZE, minhashOfShingles } from "./minhash.js";
import { simhashOfShingles } from "./simhash.js";
import { SHINGLE_WORDS, shingleHashes } from "./tokens.js";

/** Similarity fingerprints of one document. */
export interface DocumentFingerprint {
  simhash: bigint;
  minhash: Uint32Array;
  /** LSH band keys of the MinHash signature. */
  bands: string[];
  /** Number of word shingles the fingerprints summarise. */
  shingleCount: number;
}

/** Computes SimHash, MinHash and LSH band keys of a text in one go. */
export function fingerprint(text: string, numHashes: number = MINHASH_SIZE, bands: number = LSH_BANDS): DocumentFingerprint {
  const hashes = shingleHashes(text, SHINGLE_WORDS);
  const minhash = minhashOfShingles(hashes, numHashes);
  return { simhash: simhashOfShingles(hashes), minhash, bands: lshBands(minhash, bands), shingleCount: hashes.length };
}
