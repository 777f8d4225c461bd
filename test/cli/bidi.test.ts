// Right-to-left text in terminal tables: borders that line up and cells that keep to themselves.
import Table from "cli-table3";
import { describe, expect, it } from "vitest";
import { claimsTable } from "../../src/cli/claim-format.js";
import { cellText, isolate, renderTable } from "../../src/cli/bidi.js";
import type { Claim } from "../../src/core/types.js";

/** Columns a terminal draws a line in: combining marks and format characters take none. */
const columns = (line: string): number => [...line.replace(/[\p{Mn}\p{Me}\p{Cf}]/gu, "")].length;

// Invented: harakat (combining marks), a ZWNJ, Persian digits.
const ARABIC_WITH_MARKS = "أُعْدِمَ سَبْعَةُ سُجَنَاءَ";
const PERSIAN_WITH_ZWNJ = "دست‌کم ۱۲ نفر بازداشت شدند";
const options = { head: ["id", "quote", "place"], style: { head: [], border: [] } };
const rows = [
  [1, ARABIC_WITH_MARKS, "شيراز"],
  [2, PERSIAN_WITH_ZWNJ, "تهران"],
  [3, "plain English", "Kabul"],
];

describe("renderTable", () => {
  it("draws every line of a table with right-to-left text in the same number of columns", () => {
    const lines = renderTable(options, rows).split("\n");
    expect(new Set(lines.map(columns)).size).toBe(1);
    // cli-table3 alone counts the marks and the ZWNJ as columns: its rows come out short.
    const plain = new Table(options);
    for (const r of rows) plain.push(r);
    expect(new Set(plain.toString().split("\n").map(columns)).size).toBeGreaterThan(1);
  });

  it("keeps the letters and puts left-to-right marks beside the vertical borders", () => {
    const text = renderTable(options, rows);
    expect(text).toContain("دستکم ۱۲ نفر بازداشت شدند");
    expect(text).toContain("أعدم سبعة سجناء");
    const row = text.split("\n").find((l) => l.includes("تهران")) ?? "";
    expect(row.startsWith("│\u200e")).toBe(true);
    expect(row.endsWith("\u200e│")).toBe(true);
    expect(row.split("\u200e│\u200e")).toHaveLength(3);
  });

  it("leaves a table without right-to-left text as cli-table3 draws it", () => {
    const ltr = [[1, "plain English", "Kabul"]];
    const plain = new Table(options);
    plain.push(...ltr);
    expect(renderTable(options, ltr)).toBe(plain.toString());
  });

  it("lines up a claims table with a Persian quote and a Solar period label", () => {
    const claim: Claim = {
      document: "گزارش.txt", event: "execution", count: 12, qualifier: "at_least",
      period: { start: "2024-10-22", end: "2024-11-20" }, periodLabel: "آبان ۱۴۰۳",
      place: null, victims: [], source: "هه‌نگاو", quote: PERSIAN_WITH_ZWNJ, span: [0, 10],
    };
    const text = claimsTable([claim], 160);
    expect(text).toContain("آبان ۱۴۰۳");
    expect(new Set(text.split("\n").map(columns)).size).toBe(1);
  });
});

describe("cellText and isolate", () => {
  it("touch only right-to-left text", () => {
    expect(cellText("naïve café")).toBe("naïve café");
    expect(isolate("Evin Prison")).toBe("Evin Prison");
    expect(isolate("زندان اوین")).toBe("\u2068زندان اوین\u2069");
  });
});
