// Near-duplicate detection: shingles, SimHash, MinHash, LSH bands and the pairwise verdict.

export { shingles, shingleHashes, tokenHashes, words, SHINGLE_WORDS } from "./tokens.js";
export { simhash64, simhashOfShingles, hammingDistance, simhashHalves, halvesDistance, simhashHex, parseSimhashHex } from "./simhash.js";
export { minhashSignature, minhashOfShingles, jaccardEstimate, MINHASH_SIZE } from "./minhash.js";
export { lshBands, LSH_BANDS } from "./lsh.js";
export { fingerprint } from "./fingerprint.js";
export type { DocumentFingerprint } from "./fingerprint.js";
export { classifyRelation, classifyShingles, TextShingles, NEAR_DUPLICATE_JACCARD, SHARED_CONTAINMENT, SHARED_PARAGRAPHS } from "./near-duplicates.js";
export type { TextRelation, TextRelationKind } from "./near-duplicates.js";
