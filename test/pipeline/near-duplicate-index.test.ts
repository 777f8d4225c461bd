// The in-memory SimHash index: which stored documents a new SimHash is compared with.
import { describe, expect, it } from "vitest";
import { NearDuplicateIndex } from "../../src/pipeline/near-duplicates.js";

/** `hash` with the given bits (0 = lowest, 63 = highest) flipped. */
const flip = (hash: bigint, ...bits: number[]): bigint => bits.reduce((h, b) => h ^ (1n << BigInt(b)), hash);

describe("NearDuplicateIndex.candidates", () => {
  const base = 0xf00d_cafe_8badf00dn; // the top bit of each half set: no sign trouble in 32-bit arithmetic

  it("finds documents within 12 bits that share a 16-bit block, nearest first, and never the document itself", () => {
    const index = new NearDuplicateIndex();
    index.add(1, flip(base, 0, 1, 2)); // 3 bits apart, all in the lowest block
    index.add(2, base); // identical
    index.add(3, flip(base, 63, 62, 48, 50, 33)); // 5 bits apart, in the two high blocks only
    index.add(4, flip(base, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)); // 13 bits apart: too far
    index.add(5, flip(base, 1, 20, 40, 60)); // 4 bits apart, but one in every block: no block in common
    expect(index.candidates(base, 2)).toEqual([1, 3]);
    expect(index.candidates(base, -1)).toEqual([2, 1, 3]);
  });

  it("chooses the same candidates whatever order the index was filled in (a crash reloads it in id order)", () => {
    // 14 documents, several at each distance: more than the 10 candidates kept.
    const docs = Array.from({ length: 14 }, (_, i) => ({ id: i + 1, hash: i % 3 === 0 ? base : flip(base, i % 3) }));
    const inOrder = new NearDuplicateIndex();
    for (const d of docs) inOrder.add(d.id, d.hash);
    const shuffled = new NearDuplicateIndex();
    for (const d of [...docs].reverse().sort((a, b) => (a.id * 7) % 5 - (b.id * 7) % 5)) shuffled.add(d.id, d.hash);
    const expected = [1, 4, 7, 10, 13, 2, 3, 5, 6, 8];
    expect(inOrder.candidates(base, -1)).toEqual(expected);
    expect(shuffled.candidates(base, -1)).toEqual(expected);
  });

  it("matches on any block, the highest included", () => {
    const index = new NearDuplicateIndex();
    // Only the highest 16 bits are kept; the rest differ by 12 bits spread over the three others.
    index.add(7, flip(base, 0, 1, 2, 3, 16, 17, 18, 19, 32, 33, 34, 35));
    expect(index.candidates(base, -1)).toEqual([7]);
    // Same, keeping only the lowest block.
    index.add(8, flip(base, 16, 17, 18, 19, 32, 33, 34, 35, 48, 49, 50, 51));
    expect(index.candidates(base, -1).sort()).toEqual([7, 8]);
  });

  it("returns at most the ten nearest", () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 12; i++) index.add(100 + i, flip(base, ...Array.from({ length: i }, (_, k) => 20 + k)));
    expect(index.candidates(base, -1)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
  });
});
