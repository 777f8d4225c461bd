import { describe, expect, it } from "vitest";
import { hammingDistance, parseSimhashHex, shingles, simhash64, simhashHex } from "../../src/core/similarity/simhash.js";
import { words } from "../../src/core/similarity/tokens.js";
import { fingerprint } from "../../src/core/similarity/fingerprint.js";
import { ORIGINAL, SAME_TOPIC, SYNDICATED } from "./articles.js";

describe("shingles", () => {
  it("slides a window of normalised words", () => {
    expect(shingles("The Court, on Monday, sentenced 3 men.", 3)).toEqual([
      "the court on",
      "court on monday",
      "on monday sentenced",
      "monday sentenced 3",
      "sentenced 3 men",
    ]);
  });

  it("makes one shingle of a text shorter than the window and none of an empty one", () => {
    expect(shingles("Two words")).toEqual(["two words"]);
    expect(shingles("  ... ")).toEqual([]);
  });

  it("folds Arabic-script variants and Eastern digits", () => {
    expect(words("كتاب ي ۱۲ ١٢ Ünïcode")).toEqual(["کتاب", "ی", "12", "12", "ünïcode"]);
    expect(simhash64("گزارش ۴۳ بازداشت در شهر")).toBe(simhash64("گزارش 43 بازداشت در شهر"));
  });
});

describe("simhash64", () => {
  it("gives identical texts distance 0, whatever their case and punctuation", () => {
    expect(hammingDistance(simhash64(ORIGINAL), simhash64(ORIGINAL))).toBe(0);
    expect(hammingDistance(simhash64("At least 12 people, officials said."), simhash64("at least 12 PEOPLE officials said"))).toBe(0);
  });

  it("puts a syndicated copy much closer than a different article", () => {
    const near = hammingDistance(simhash64(ORIGINAL), simhash64(SYNDICATED));
    const far = hammingDistance(simhash64(ORIGINAL), simhash64(SAME_TOPIC));
    expect(near).toBeLessThanOrEqual(16);
    expect(far).toBeGreaterThanOrEqual(24);
  });

  it("is 0 for a text without words", () => {
    expect(simhash64("—")).toBe(0n);
  });

  it("agrees with the fingerprint helper", () => {
    expect(fingerprint(SYNDICATED).simhash).toBe(simhash64(SYNDICATED));
  });
});

describe("hammingDistance and hex", () => {
  it("counts differing bits over all 64", () => {
    expect(hammingDistance(0n, 0xffffffffffffffffn)).toBe(64);
    expect(hammingDistance(0x8000000000000001n, 0n)).toBe(2);
  });

  it("round-trips through 16 hex digits", () => {
    for (const h of [0n, 1n, 0xfedcba9876543210n, simhash64(ORIGINAL)]) {
      const hex = simhashHex(h);
      expect(hex).toMatch(/^[0-9a-f]{16}$/);
      expect(parseSimhashHex(hex)).toBe(h);
    }
    expect(simhashHex(255n)).toBe("00000000000000ff");
    expect(() => parseSimhashHex("xyz")).toThrow(RangeError);
  });
});
