import { describe, it, expect } from "vitest";
import { normalizeWithMap, toOriginalSpan } from "./normalize.js";

describe("normalizeWithMap", () => {
  it("maps non-breaking and thin spaces to plain spaces, and reads them between digit groups as thousands separators", () => {
    expect(normalizeWithMap("1\u2009200\u00a0people").text).toBe("1,200 people");
    expect(normalizeWithMap("at\u00a0least\u2009five").text).toBe("at least five");
  });

  it("straightens curly quotes and apostrophes", () => {
    expect(normalizeWithMap("\u201cIran\u2019s\u201d").text).toBe('"Iran\'s"');
  });

  it("drops the CR of CRLF and keeps a lone CR as a line break", () => {
    expect(normalizeWithMap("a\r\nb\rc").text).toBe("a\nb\nc");
  });

  it("decodes named and numeric entities", () => {
    expect(normalizeWithMap("A&nbsp;B &amp; C&#8217;s &#x201C;x&#x201D;").text).toBe("A B & C's \"x\"");
  });

  it("leaves unknown entities and bare ampersands alone", () => {
    expect(normalizeWithMap("R&D &bogus; &").text).toBe("R&D &bogus; &");
  });

  it("drops soft hyphens and zero-width spaces", () => {
    expect(normalizeWithMap("exe\u00adcu\u200btions").text).toBe("executions");
  });

  it("maps every normalised character back to its original index", () => {
    const original = "A&nbsp;B\r\nC";
    const n = normalizeWithMap(original);
    expect(n.text).toBe("A B\nC");
    expect(Array.from(n.map)).toEqual([0, 1, 7, 9, 10, 11]);
  });

  it("keeps text without special characters unchanged with an identity map", () => {
    const n = normalizeWithMap("plain text");
    expect(n.text).toBe("plain text");
    expect(Array.from(n.map)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe("toOriginalSpan", () => {
  it("maps a range back across decoded entities", () => {
    const original = "Shiraz &amp; Isfahan";
    const n = normalizeWithMap(original);
    const start = n.text.indexOf("Isfahan");
    const [s, e] = toOriginalSpan(n, start, start + "Isfahan".length);
    expect(original.slice(s, e)).toBe("Isfahan");
  });

  it("includes the whole entity when a range ends on one", () => {
    const original = "Tom &amp; Jerry";
    const n = normalizeWithMap(original);
    const [s, e] = toOriginalSpan(n, 0, 5);
    expect(original.slice(s, e)).toBe("Tom &amp;");
  });

  it("maps across CRLF", () => {
    const original = "one\r\ntwo\r\nthree";
    const n = normalizeWithMap(original);
    const at = n.text.indexOf("three");
    expect(toOriginalSpan(n, at, at + 5)).toEqual([10, 15]);
  });

  it("returns an empty range for an empty span", () => {
    const n = normalizeWithMap("a&amp;b");
    expect(toOriginalSpan(n, 2, 2)).toEqual([6, 6]);
  });
});

// This was an it.fails labelled a known gap ("maps U+202F to a plain space"); it failed because a
// narrow no-break space that groups thousands becomes a comma, on purpose. Both cases, as they are:
describe("narrow no-break space (U+202F)", () => {
  it("between digits grouping thousands becomes a comma, the span mapping back to the original", () => {
    const n = normalizeWithMap("1\u202f200 people");
    expect(n.text).toBe("1,200 people");
    expect(toOriginalSpan(n, 0, 5)).toEqual([0, 5]);
  });

  it("elsewhere becomes a plain space", () => {
    expect(normalizeWithMap("12\u202fpeople").text).toBe("12 people");
    expect(normalizeWithMap("on a\u202f: 7 people").text).toBe("on a : 7 people");
  });
});
