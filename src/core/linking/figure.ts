// Where a claim's figure stands in its quote.
import type { LinkClaim } from "./types.js";

/** Where a claim's figure stands in its sentence: the count span if known, else the first spelling of the count found. */
export function figureOffset(c: Pick<LinkClaim, "quote" | "count" | "countAt">): number | null {
  if (c.countAt !== undefined && c.countAt >= 0 && c.countAt <= c.quote.length) return c.countAt;
  const digits = String(c.count);
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const a = findNumber(c.quote, withCommas);
  const b = withCommas === digits ? null : findNumber(c.quote, digits);
  return a === null ? b : b === null ? a : Math.min(a, b);
}

const isNumberChar = (ch: string | undefined) => ch !== undefined && /[\d.,]/.test(ch);

/** The first place a number is written as a whole number (not inside a longer one). */
function findNumber(text: string, n: string): number | null {
  for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
    const before = text[i - 1];
    const after = text[i + n.length];
    if (!isNumberChar(before) && !(after !== undefined && /\d/.test(after))) return i;
  }
  return null;
}

/** End of the figure at `at` (digits of any of the three scripts with separators, or a word). */
export function figureEnd(quote: string, at: number): number {
  const m = /^[\d.,\u06F0-\u06F9\u0660-\u0669٫٬]+|^[\p{L}-]+/u.exec(quote.slice(at));
  return at + (m ? m[0].length : 0);
}
