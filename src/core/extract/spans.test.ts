// Spans: every quote is exactly text.slice(span) of the ORIGINAL text, whatever its typography.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

type Claim = ReturnType<typeof extract>["claims"][number];

const claimsOf = (text: string): Claim[] => extract(text, { document: "s.txt", published: "2023-06-15" }).claims;

/** Asserts the span invariant on every claim and returns the claims. */
function checked(text: string): Claim[] {
  const claims = claimsOf(text);
  expect(claims.length).toBeGreaterThan(0);
  for (const c of claims) {
    expect(c.span[0]).toBeLessThan(c.span[1]);
    expect(c.quote).toBe(text.slice(c.span[0], c.span[1]));
    if (c.countSpan) {
      expect(c.countSpan[0]).toBeGreaterThanOrEqual(c.span[0]);
      expect(c.countSpan[1]).toBeLessThanOrEqual(c.span[1]);
    }
  }
  return claims;
}

describe("quote and span", () => {
  it("plain text: the quote is the whole sentence", () => {
    const text = "The group met on Monday. At least 14 prisoners were hanged in Karaj. Families protested.";
    const [c] = checked(text);
    expect(c?.quote).toBe("At least 14 prisoners were hanged in Karaj.");
    expect(c?.span).toEqual([25, 68]);
  });

  it("non-breaking spaces are kept in the quote", () => {
    const text = "Officials said\u00a0at\u00a0least 40\u00a0protesters were killed in Zahedan.";
    const [c] = checked(text);
    expect(c?.count).toBe(40);
    expect(c?.qualifier).toBe("at_least");
    expect(c?.quote).toContain("\u00a0");
  });

  it("narrow no-break spaces between words keep the span exact", () => {
    const text = "First line here.\nAuthorities executed at\u202fleast 120\u202fprisoners in 2022.";
    const [c] = checked(text);
    expect(c?.count).toBe(120);
    expect(c?.quote).toBe("Authorities executed at\u202fleast 120\u202fprisoners in 2022.");
  });

  it("curly quotes stay curly in the quote", () => {
    const text = "\u201cAt least 22 women were executed this year,\u201d said Amnesty International.";
    const [c] = checked(text);
    expect(c?.quote.startsWith("\u201c")).toBe(true);
    expect(c?.count).toBe(22);
  });

  it("CRLF line ends: spans index the original string", () => {
    const text = "Iran hangs 9 prisoners\r\n\r\nGuards hanged nine prisoners in Urmia on Sunday.\r\nAnother line.";
    const claims = checked(text);
    expect(claims.map((c) => c.quote)).toEqual(["Iran hangs 9 prisoners", "Guards hanged nine prisoners in Urmia on Sunday."]);
    expect(claims[1]?.span[0]).toBe(text.indexOf("Guards"));
  });

  it("HTML entities (&nbsp; &amp; &#8217;) are decoded for matching but quoted as written", () => {
    const text = "Iran&#8217;s courts hanged 31&nbsp;prisoners in Shiraz &amp; Isfahan last year.";
    const [c] = checked(text);
    expect(c?.quote).toBe(text);
    expect(c?.count).toBe(31);
    expect(c?.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });
  });

  it("a sentence ending in an entity includes the whole entity", () => {
    const text = "Guards arrested 12 students in Shiraz&hellip;";
    const [c] = checked(text);
    expect(c?.quote).toBe(text);
  });

  it("countSpan points at the figure in the original text", () => {
    const text = "Officials\u00a0said 1,500 protesters were killed.";
    const [c] = checked(text);
    const cs = c?.countSpan as [number, number];
    expect(text.slice(cs[0], cs[1])).toBe("1,500");
  });

  it("several claims of one sentence share its span", () => {
    const text = "\u00a0At least 12 protesters were killed and more than 300 were arrested.";
    const claims = checked(text);
    expect(claims).toHaveLength(2);
    expect(claims[0]?.span).toEqual(claims[1]?.span);
    expect(claims[0]?.span[0]).toBe(1);
  });
});

describe("known gaps", () => {
  it("a narrow no-break space inside a number: one claim, quote exact", () => {
    const text = "First line here.\nAuthorities executed 1\u202f200 prisoners in 2022.";
    const claims = checked(text);
    expect(claims.map((c) => [c.count, c.quote])).toEqual([[1200, "Authorities executed 1\u202f200 prisoners in 2022."]]);
  });
});
