import { describe, expect, it } from "vitest";
import { classifyRelation, MIN_PARAGRAPH_WORDS, TextShingles } from "../../src/core/similarity/near-duplicates.js";
import { lshBands } from "../../src/core/similarity/lsh.js";
import { jaccardEstimate, minhashSignature } from "../../src/core/similarity/minhash.js";
import { fingerprint } from "../../src/core/similarity/fingerprint.js";
import { shingleHashesOfTokens, tokenHashes, tokenHashesAndBreaks } from "../../src/core/similarity/tokens.js";
import { fmix32 } from "../../src/core/similarity/hash32.js";
import { ORIGINAL, ORIGINAL_PARAGRAPHS, QUOTING, SAME_TOPIC, SYNDICATED } from "./articles.js";

describe("classifyRelation", () => {
  it("measures Jaccard and containment exactly over the distinct shingle hashes", () => {
    const setOf = (text: string) => new Set(shingleHashesOfTokens(tokenHashes(text)));
    for (const [a, b] of [[ORIGINAL, SYNDICATED], [ORIGINAL, QUOTING], [ORIGINAL, SAME_TOPIC], [QUOTING, QUOTING + " " + SAME_TOPIC]] as const) {
      const sa = setOf(a);
      const sb = setOf(b);
      const shared = [...sa].filter((x) => sb.has(x)).length;
      const r = classifyRelation({ text: a }, { text: b });
      expect(r.jaccard).toBeCloseTo(shared / (sa.size + sb.size - shared), 12);
      expect(r.containment).toBeCloseTo(shared / Math.min(sa.size, sb.size), 12);
    }
  });

  it("calls a syndicated copy with its own header and footer a near-duplicate", () => {
    const r = classifyRelation({ text: ORIGINAL }, { text: SYNDICATED });
    expect(r.kind).toBe("near_duplicate");
    expect(r.similarity).toBeGreaterThanOrEqual(0.8);
    expect(r.similarity).toBeLessThan(1);
    expect(r.sharedParagraphs).toBe(ORIGINAL_PARAGRAPHS.length);
  });

  it("is symmetric", () => {
    expect(classifyRelation({ text: SYNDICATED }, { text: ORIGINAL })).toEqual(
      classifyRelation({ text: ORIGINAL }, { text: SYNDICATED }),
    );
  });

  it("does not relate a different article about the same events", () => {
    const r = classifyRelation({ text: ORIGINAL }, { text: SAME_TOPIC });
    expect(r.kind).toBeNull();
    expect(r.jaccard).toBeLessThan(0.05);
    expect(r.sharedParagraphs).toBe(0);
  });

  it("finds shared passages when a commentary quotes three paragraphs", () => {
    const r = classifyRelation({ text: ORIGINAL }, { text: QUOTING });
    expect(r.kind).toBe("shares_passages");
    expect(r.sharedParagraphs).toBe(3);
    expect(r.jaccard).toBeLessThan(0.8);
  });

  it("does not count two quoted paragraphs as shared passages on their own", () => {
    const twoQuoted = [ORIGINAL_PARAGRAPHS[1], ...SAME_TOPIC.split("\n\n"), ORIGINAL_PARAGRAPHS[5]].join("\n\n");
    const r = classifyRelation({ text: ORIGINAL }, { text: twoQuoted });
    expect(r.sharedParagraphs).toBe(2);
    expect(r.containment).toBeLessThan(0.5);
    expect(r.kind).toBeNull();
  });

  it("finds shared passages when most of a short text is lifted from a longer one", () => {
    const excerpt = `Breaking: ${ORIGINAL_PARAGRAPHS[0]} ${ORIGINAL_PARAGRAPHS[1]} More soon.`;
    const r = classifyRelation({ text: excerpt }, { text: ORIGINAL });
    expect(r.kind).toBe("shares_passages");
    expect(r.similarity).toBe(r.containment);
    expect(r.containment).toBeGreaterThan(0.8);
  });

  it("leaves empty texts unrelated", () => {
    expect(classifyRelation({ text: "" }, { text: "" }).kind).toBeNull();
  });
});

describe("TextShingles", () => {
  /** The paragraphs' words counted the plain way: split the text at line breaks, tokenise each part. */
  const paragraphsBySplitting = (text: string): number[] =>
    [
      ...new Set(
        text
          .split(/\n+/)
          .map((p) => tokenHashes(p))
          .filter((t) => t.length >= MIN_PARAGRAPH_WORDS)
          .map((t) => t.reduce((h, x) => fmix32(h ^ x), 0x2545f491 ^ t.length) >>> 0),
      ),
    ].sort((a, b) => a - b);

  it("finds the same paragraphs in one pass as splitting the text at line breaks does", () => {
    const awkward = `\n\nShort line.\r\n${ORIGINAL_PARAGRAPHS.join("\n\n\n")}\nA closing line of exactly twelve words is counted as one paragraph here.\n`;
    for (const text of [ORIGINAL, SYNDICATED, QUOTING, awkward, "", "\n\n", "no line breaks at all but more than twelve words in this one single line of text"]) {
      expect([...new TextShingles(text).paragraphs], JSON.stringify(text.slice(0, 40))).toEqual(paragraphsBySplitting(text));
    }
    expect(new TextShingles(awkward).paragraphs.length).toBeGreaterThan(2);
  });

  it("counts a line break between two words as a break in the token stream, not a word", () => {
    const { tokens, breaks } = tokenHashesAndBreaks("one two\nthree\n\nfour");
    expect(tokens).toEqual(tokenHashes("one two three four"));
    expect(breaks).toEqual([2, 3, 3]);
  });
});

describe("MinHash and LSH bands", () => {
  it("estimates high Jaccard for the syndicated copy and low for the other article", () => {
    const a = minhashSignature(ORIGINAL);
    expect(a).toHaveLength(64);
    expect(jaccardEstimate(a, minhashSignature(SYNDICATED))).toBeGreaterThan(0.7);
    expect(jaccardEstimate(a, minhashSignature(SAME_TOPIC))).toBeLessThan(0.1);
    expect(jaccardEstimate(a, minhashSignature(ORIGINAL))).toBe(1);
  });

  it("tracks the exact Jaccard of generated overlapping texts", () => {
    // Texts sharing a known number of distinct words as 1-word shingles.
    const wordsA = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const wordsB = Array.from({ length: 400 }, (_, i) => `w${i + 100}`); // 300 shared of 500
    const a = minhashSignature(wordsA.join(" "), 256, 1);
    const b = minhashSignature(wordsB.join(" "), 256, 1);
    expect(jaccardEstimate(a, b)).toBeGreaterThan(0.6 - 0.1);
    expect(jaccardEstimate(a, b)).toBeLessThan(0.6 + 0.1);
  });

  it("gives near-duplicates a shared band key and unrelated texts none", () => {
    const orig = new Set(lshBands(minhashSignature(ORIGINAL)));
    const copy = lshBands(minhashSignature(SYNDICATED));
    const other = lshBands(minhashSignature(SAME_TOPIC));
    expect(copy).toHaveLength(16);
    expect(copy.some((k) => orig.has(k))).toBe(true);
    expect(other.some((k) => orig.has(k))).toBe(false);
  });

  it("keys each band separately, so equal rows in different bands do not collide", () => {
    const sig = new Uint32Array(64).fill(7);
    const keys = lshBands(sig, 16);
    expect(new Set(keys).size).toBe(16);
    expect(() => lshBands(sig, 10)).toThrow(RangeError);
  });

  it("computes all fingerprints of a document in one call", () => {
    const f = fingerprint(ORIGINAL);
    expect(f.minhash).toEqual(minhashSignature(ORIGINAL));
    expect(f.bands).toEqual(lshBands(f.minhash));
    expect(f.shingleCount).toBeGreaterThan(300);
  });
});
