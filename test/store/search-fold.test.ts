// The search fold is one table read three ways: in JavaScript (queries, PostgreSQL's vectors),
// in SQLite's FTS5 triggers (nested replace) and in PostgreSQL's headlines (translate). All three
// must fold every text alike.
import BetterSqlite3 from "better-sqlite3";
import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { claimsDigest, type ClaimRowForAudit } from "../../src/store/audit-chain.js";
import { FOLD_DROPPED, FOLD_MAPPED, foldSearchText, postgresTranslateArguments, SQLITE_FOLD_FUNCTION, sqliteFold } from "../../src/store/search-fold.js";
import { searchTerms } from "../../src/store/search-terms.js";

/** Texts made of the characters the fold touches, Arabic and Latin letters, digits and spaces. */
const alphabet = [...FOLD_DROPPED, ...FOLD_MAPPED.map(([from]) => from), ..."ابپتکگیهدرسم abcé19 ،.".split("")];
const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(""));

describe("foldSearchText", () => {
  it("folds the spellings of one Persian or Arabic word to one", () => {
    expect(foldSearchText("دست\u200cکم")).toBe(foldSearchText("دستكم"));
    expect(foldSearchText("مُحَمَّد")).toBe("محمد");
    expect(foldSearchText("شدنـــد")).toBe("شدند");
    expect(foldSearchText("هەنگاو")).toBe(foldSearchText("ههنگاو"));
    expect(foldSearchText("٢۶۷")).toBe("267");
    expect(foldSearchText("Évin prison, 1403")).toBe("Évin prison, 1403");
  });

  it("is what SQLite's triggers compute, NULL staying NULL", () => {
    const db = new BetterSqlite3(":memory:");
    try {
      db.function(SQLITE_FOLD_FUNCTION, { deterministic: true }, sqliteFold);
      const fold = db.prepare(`select ${SQLITE_FOLD_FUNCTION}(?) as folded`);
      fc.assert(fc.property(texts, (text) => (fold.get(text) as { folded: string }).folded === foldSearchText(text)));
      expect(fold.get(null)).toEqual({ folded: null });
    } finally {
      db.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)("is what PostgreSQL's translate computes", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { from, to } = postgresTranslateArguments();
      const samples = fc.sample(texts, 200);
      const { rows } = await client.query<{ folded: string[] }>("select array_agg(translate(t, $2, $3) order by n) as folded from unnest($1::text[]) with ordinality as u(t, n)", [samples, from, to]);
      expect(rows[0]?.folded).toEqual(samples.map(foldSearchText));
    } finally {
      await client.end();
    }
  });

  it("makes query words of folded text: ZWNJ joins, a mark alone is no word", () => {
    expect(searchTerms("دست‌کم ۱۲ نفر")).toEqual(["دستکم", "12", "نفر"]);
    expect(searchTerms("\u064f \u200c")).toEqual([]);
  });
});

describe("audit digests of claims and the fields of migration 11", () => {
  const row: ClaimRowForAudit = {
    id: 1, event: "execution", count: 12, qualifier: "at_least", period_start: "2024-10-22", period_end: "2024-11-20", year: 2024,
    place: null, victims: "[]", source: null, quote: "q", span_start: 0, span_end: 1, count_start: null, count_end: null, clutter: 0, extractor_version: "0.1.0",
  };

  it("digests a claim without them as before they existed, and covers them when set", () => {
    const before = claimsDigest([row]);
    expect(claimsDigest([{ ...row, period_label: null, period_from: null, confidence: null, confidence_reason: null }])).toBe(before);
    expect(claimsDigest([{ ...row, period_label: "آبان ۱۴۰۳" }])).not.toBe(before);
    expect(claimsDigest([{ ...row, confidence: 0.5 }])).not.toBe(before);
    expect(claimsDigest([{ ...row, confidence: "0.5" }])).toBe(claimsDigest([{ ...row, confidence: 0.5 }]));
  });
});
