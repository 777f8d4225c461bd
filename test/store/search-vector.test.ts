// The full-text vector Tally builds for PostgreSQL: the words search queries are made of, in the
// binary layout the server reads (checked here by decoding it; postgres.test.ts has the server read it).
import { describe, expect, it } from "vitest";
import { lexemeOf, searchTerms, tsqueryLiteral } from "../../src/store/search-terms.js";
import { INDEXED_TEXT_CHARS, searchVector } from "../../src/store/search-vector.js";
import { crowdedText } from "./fixtures.js";

interface Entry {
  lexeme: string;
  /** Positions with their weight letter, as PostgreSQL prints them: 3A, 7B. */
  positions: string[];
}

/** Decodes a binary tsvector (int32 count; per lexeme: UTF-8, NUL, uint16 count, uint16 positions). */
function decode(vector: Uint8Array): Entry[] {
  const buf = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
  const count = buf.readInt32BE(0);
  const entries: Entry[] = [];
  let at = 4;
  for (let i = 0; i < count; i++) {
    const end = buf.indexOf(0, at);
    const lexeme = buf.toString("utf8", at, end);
    at = end + 1;
    const n = buf.readUInt16BE(at);
    at += 2;
    const positions: string[] = [];
    for (let k = 0; k < n; k++, at += 2) {
      const p = buf.readUInt16BE(at);
      positions.push(`${p & 0x3fff}${"DCBA"[p >> 14]}`);
    }
    entries.push({ lexeme, positions });
  }
  expect(at).toBe(buf.length);
  return entries;
}

const lexemes = (vector: Uint8Array) => decode(vector).map((e) => e.lexeme);
const positionsOf = (vector: Uint8Array, lexeme: string) => decode(vector).find((e) => e.lexeme === lexeme)?.positions;

describe("search vector", () => {
  it("holds each lower-cased word once with its positions, title words weighted A and text words B", () => {
    const vector = searchVector("Executions Rise", "Executions rose again. The rise was steep.");
    expect(decode(vector)).toEqual([
      { lexeme: "again", positions: ["5B"] },
      { lexeme: "executions", positions: ["1A", "3B"] },
      { lexeme: "rise", positions: ["2A", "7B"] },
      { lexeme: "rose", positions: ["4B"] },
      { lexeme: "steep", positions: ["9B"] },
      { lexeme: "the", positions: ["6B"] },
      { lexeme: "was", positions: ["8B"] },
    ]);
  });

  it("numbers a text without a title from 1", () => {
    expect(decode(searchVector(null, "one two one"))).toEqual([
      { lexeme: "one", positions: ["1B", "3B"] },
      { lexeme: "two", positions: ["2B"] },
    ]);
    expect(decode(searchVector("", ""))).toEqual([]);
  });

  it("splits words as search queries do: hyphens, dots, commas, apostrophes and @ separate words", () => {
    const text = "Death-row prisoners (1,500 in all, 2.5%) wrote to tips@example.org; don't";
    expect(lexemes(searchVector(null, text))).toEqual(["1", "2", "5", "500", "all", "death", "don", "example", "in", "org", "prisoners", "row", "t", "tips", "to", "wrote"]);
    for (const word of searchTerms(text)) expect(lexemes(searchVector(null, text))).toContain(word.toLowerCase());
  });

  it("keeps letters of every script and their diacritics, composed (NFC), lower-cased", () => {
    const decomposed = "Se\u0301ance a\u0300 Mashhad — SÁNCHEZ, Zāhedān, زاهدان, Ölüdeniz";
    expect(lexemes(searchVector(null, decomposed))).toEqual(["mashhad", "sánchez", "séance", "zāhedān", "à", "ölüdeniz", "زاهدان"].sort(byUtf8));
  });

  it("finds exactly the words a search is cut into, lower-cased as a search's are, whatever the characters", () => {
    // Letters, digits and marks of several scripts, letters beyond U+FFFF, Greek sigma in every
    // position, decomposed accents, a lone surrogate, an emoji and punctuation, in random order.
    const alphabet = ["a", "Z", "9", " ", "-", ".", "'", "\u2019", "é", "e\u0301", "\u0301", "Σ", "ς", "σ", "İ", "ß", "Ж", "ز", "٣", "\u{20000}", "\u{1D400}", "\u{1F600}", "\uD800", "\uFF41", "_", "@"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: 24 }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const expected = [...new Set(searchTerms(text).map(lexemeOf))].sort(byUtf8);
      expect(lexemes(searchVector(null, text)), JSON.stringify(text)).toEqual(expected);
    }
  });

  it("orders lexemes by their UTF-8 bytes, as PostgreSQL compares them", () => {
    // U+FF21 (fullwidth A, 3 UTF-8 bytes) sorts before U+1D400 (4 bytes) in UTF-8, after it in UTF-16.
    const words = ["\u{1D400}x", "\uFF41y", "b", "ab", "a"];
    expect(lexemes(searchVector(null, words.join(" ")))).toEqual(["a", "ab", "b", "\uFF41y", "\u{1D400}x"]);
  });

  it("keeps at most 256 positions of a word, and positions end at 16,383 as PostgreSQL's do", () => {
    const often = searchVector(null, Array.from({ length: 300 }, () => "again").join(" "));
    expect(positionsOf(often, "again")).toHaveLength(256);
    expect(positionsOf(often, "again")?.at(-1)).toBe("256B");

    const long = `${Array.from({ length: 16_400 }, (_, i) => `w${i}`).join(" ")} tail last`;
    const entries = decode(searchVector(null, long));
    expect(entries.find((e) => e.lexeme === "w16381")?.positions).toEqual(["16382B"]);
    expect(entries.find((e) => e.lexeme === "w16382")?.positions).toEqual(["16383B"]);
    expect(entries.find((e) => e.lexeme === "last")?.positions).toEqual(["16383B"]);
    // One word repeated past the last position keeps it once (positions strictly increase).
    const repeated = searchVector(null, `${Array.from({ length: 16_390 }, (_, i) => `w${i}`).join(" ")} end end end`);
    expect(positionsOf(repeated, "end")).toEqual(["16383B"]);
  });

  it("leaves out words longer than a lexeme may be (2,047 bytes) and text past the first 400,000 characters", () => {
    const vector = searchVector("short", `${"x".repeat(2048)} ${"é".repeat(1024)} ok`);
    expect(lexemes(vector)).toEqual(["ok", "short"]);
    const padded = `${"word ".repeat(INDEXED_TEXT_CHARS / 5)}beyond`;
    expect(lexemes(searchVector(null, padded))).toEqual(["word"]);
  });

  it("stops taking new words before PostgreSQL's 1 MB limit", () => {
    const vector = searchVector(null, crowdedText());
    expect(vector.byteLength).toBeLessThan(1_000_000);
    const kept = decode(vector).length;
    expect(kept).toBeGreaterThan(60_000);
    expect(kept).toBeLessThan(80_000);
  });
});

describe("tsquery literal", () => {
  it("requires every word, lower-cased and quoted, each once", () => {
    expect(tsqueryLiteral(searchTerms("Evin prison EVIN"))).toBe("'evin' & 'prison'");
    expect(tsqueryLiteral(searchTerms("Sánchez"))).toBe("'sánchez'");
  });

  it("quotes what could change the query's syntax, and gives null when no word can be indexed", () => {
    expect(tsqueryLiteral(["it's", "a\\b"])).toBe("'it''s' & 'a\\\\b'");
    expect(tsqueryLiteral(["x".repeat(2048)])).toBeNull();
    expect(tsqueryLiteral([])).toBeNull();
  });
});

function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
