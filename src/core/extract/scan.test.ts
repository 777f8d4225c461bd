// The hand-written scanners and date helpers must give exactly what the patterns and date-fns
// calls they replace give: compared on generated strings and on every month of many years.
import { describe, expect, it } from "vitest";
import { format } from "date-fns/format";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { daysIn, isoDay } from "./dates.js";
import { isAsciiLetterCode, isDigitCode, isSpaceCode, matchesOf, plainWords, scanWords } from "./scan.js";

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that exercise every branch: letters, digits, joints, separators, marks, spaces.
const ALPHABET = ["a", "Z", "x", "1", "0", "9", ",", ".", "-", "'", " ", " ", "\t", "\u00a0", "(", ")", '"', ";", ":", "\u2013", "\u2014", "é", "_", "$"];

function randomText(next: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

const viaRegex = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));

describe("scanWords", () => {
  it("finds the tokens of the figure-and-word patterns it replaces", () => {
    const next = rng(7);
    const withMarks = /[A-Za-z]+(?:['-][A-Za-z]+)*|\d+(?:,\d{3})*(?:\.\d+)?|[,;:()"\u2013\u2014]/g;
    const plain = /[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:,\d{3})*(?:\.\d+)?/g;
    for (let k = 0; k < 3000; k++) {
      const s = randomText(next, 1 + Math.floor(next() * 40));
      expect(scanWords(s, true, true)).toEqual(viaRegex(withMarks, s));
      expect(scanWords(s, false, false)).toEqual(viaRegex(plain, s));
      expect(plainWords(scanWords(s, true, true))).toEqual(scanWords(s, false, false));
    }
  });

  it("reads figures with thousands separators and decimals as the pattern does", () => {
    expect(scanWords("1,234,5678 and 12.5. Twenty-one o'clock", true, true).map((w) => w.text)).toEqual(["1,234,567", "8", "and", "12.5", "Twenty-one", "o'clock"]);
    expect(scanWords("1,234,5678 o'clock", false, false).map((w) => w.text)).toEqual(["1,234,567", "8", "o", "clock"]);
    expect(plainWords(scanWords("Rights' o'clock-x d'Or, 12", true, true)).map((w) => [w.text, w.start])).toEqual([["Rights", 0], ["o", 8], ["clock-x", 10], ["d", 18], ["Or", 20], ["12", 24]]);
  });
});

describe("character tests", () => {
  it("agree with \\s, [A-Za-z] and \\d on every code unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isSpaceCode(c) !== /\s/.test(ch) || isAsciiLetterCode(c) !== /[A-Za-z]/.test(ch) || isDigitCode(c) !== /\d/.test(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});

describe("matchesOf", () => {
  it("gives what matchAll gives, empty matches included, and leaves lastIndex at 0", () => {
    const next = rng(11);
    const patterns = [/\d+/g, /(?:a|)/g, /\b[A-Za-z]+\b/gi, /(?:)/gu, /x*/gu];
    for (let k = 0; k < 500; k++) {
      const s = randomText(next, Math.floor(next() * 30)) + (k % 5 === 0 ? "\ud83d\ude00x" : "");
      for (const re of patterns) {
        const mine = matchesOf(re, s).map((m) => [m.index, m[0]]);
        const theirs = [...s.matchAll(re)].map((m) => [m.index, m[0]]);
        expect(mine).toEqual(theirs);
        expect(re.lastIndex).toBe(0);
      }
    }
  });
});

describe("date helpers", () => {
  it("count the days of every month as date-fns does", () => {
    const wrong: string[] = [];
    for (let year = 1000; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) if (daysIn(year, month) !== getDaysInMonth(new Date(year, month - 1, 1))) wrong.push(`${year}-${month}`);
    }
    expect(wrong).toEqual([]);
    // Years Date reads as 1900-1999 and months out of range go to date-fns as before.
    expect(daysIn(96, 2)).toBe(getDaysInMonth(new Date(96, 1, 1)));
    expect(daysIn(2023, 13)).toBe(getDaysInMonth(new Date(2023, 12, 1)));
  });

  it("write a day as format(date, 'yyyy-MM-dd') does", () => {
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 7 + 3_600_000) {
      const d = new Date(t);
      expect(isoDay(d)).toBe(format(d, "yyyy-MM-dd"));
    }
    expect(isoDay(new Date(-5e13))).toBe(format(new Date(-5e13), "yyyy-MM-dd"));
    expect(() => isoDay(new Date(Number.NaN))).toThrow();
  });
});
