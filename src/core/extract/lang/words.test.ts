// The scans that replaced regular-expression passes give exactly what those passes gave.
import { describe, expect, it } from "vitest";
import { matchesOf, rx, testOf } from "./patterns.js";
import { eachWord, lowerCase, wordHash, WordSet } from "./words.js";

const SAMPLES = [
  "به گزارش هرانا، دست‌کم ۱۲ زندانی در آذر ۱۴۰۲ اعدام شدند.",
  "وقالت المنظمة إن 43 شخصا قتلوا في أيار 2023.",
  "Selon l'ONU, au moins 1\u00a0250 personnes ont été tuées à Téhéran.",
  "𝐀𝐁 mixed 𠀀字 \ud800 lone 12ab_cd – İstanbul ΣΑΣ",
  "",
  "   ",
];

describe("eachWord", () => {
  it("visits the runs /[\\p{L}\\p{N}]+/gu finds, with the hashes of the run and of the run after its first unit", () => {
    for (const s of SAMPLES) {
      const seen: [number, number, number, number][] = [];
      eachWord(s, (a, b, h, t) => seen.push([a, b, h, t]));
      const expected = [...s.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length, wordHash(m[0]), wordHash(m[0].slice(1))]);
      expect(seen).toEqual(expected);
    }
  });

  it("finds a word of a set by its hash, and nothing for a word outside it", () => {
    const set = new WordSet(["تهران", "karaj", "téhéran"]);
    const s = "در تهران و کرج; karaj, téhéran";
    const found: string[] = [];
    eachWord(s, (a, b, h) => {
      const w = set.at(s, a, b, h);
      if (w) found.push(w);
    });
    expect(found).toEqual(["تهران", "karaj", "téhéran"]);
  });

  it("lower-cases only what changes", () => {
    for (const s of SAMPLES) expect(lowerCase(s)).toBe(s.toLowerCase());
    const persian = "به گزارش هرانا";
    expect(lowerCase(persian)).toBe(persian);
  });
});

describe("matchesOf and testOf", () => {
  it("give what matchAll and test give, with and without a word edge", () => {
    const patterns = [rx(`‹(?:آذر|دی)(?:\\s*ماه)?›`), rx(`‹ده ها›`), /(?<![\p{L}])mars(?![\p{L}])/giu, /\d+/g, /ONU|Téhéran/giu];
    const texts = [...SAMPLES, "در دی ماه و آذر", "ده ها نفر", "en mars, le 3 mars", "fooآذر"];
    for (const re of patterns) {
      for (const s of texts) {
        const a = [...matchesOf(re, s)].map((m) => [m.index, m[0]]);
        const b = [...s.matchAll(re)].map((m) => [m.index, m[0]]);
        expect(a).toEqual(b);
        const single = new RegExp(re.source, re.flags.replace("g", ""));
        expect(testOf(single, s)).toBe(single.test(s));
      }
    }
  });
});
