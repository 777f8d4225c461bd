// Words of a sentence found without a regular expression: the runs of letters and digits that
// /[\p{L}\p{N}]+/gu gives, each told to a visitor with hashes of the whole run and of the run
// without its first character, so names can be looked up without cutting a string per word.

/** Per UTF-16 code unit: 0 not yet known, 1 a letter or digit, 2 neither. */
const KIND = new Uint8Array(65536);
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Code units taken by the letter or digit at `i` (2 for one outside the BMP), or 0. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    let k = KIND[c] as number;
    if (k === 0) KIND[c] = k = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 2;
    return k === 1 ? 1 : 0;
  }
  const cp = s.codePointAt(i) as number;
  return cp > 0xffff && LETTER_OR_NUMBER.test(String.fromCodePoint(cp)) ? 2 : 0;
}

/** Whether the character at `i` is a letter or digit (false past the end). */
export function isWordCharAt(s: string, i: number): boolean {
  return i < s.length && wordCharAt(s, i) > 0;
}

const CHANGES_WHEN_LOWERCASED = /\p{Changes_When_Lowercased}/u;

/** `s.toLowerCase()`, without the call when no character of `s` changes (Persian and Arabic never do). */
export function lowerCase(s: string): string {
  return CHANGES_WHEN_LOWERCASED.test(s) ? s.toLowerCase() : s;
}

/** The hash of a string as `eachWord` computes it for a run. */
export function wordHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

/**
 * Calls `visit(start, end, hash, tailHash)` for every maximal run of letters and digits, in
 * order: `hash` of the run, `tailHash` of the run without its first code unit (wordHash of each).
 */
export function eachWord(s: string, visit: (start: number, end: number, hash: number, tailHash: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    let k = wordCharAt(s, i);
    if (k === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    let tail = 0;
    while (k > 0) {
      for (let j = 0; j < k; j++) {
        const c = s.charCodeAt(i + j);
        h = (Math.imul(h, 31) + c) | 0;
        if (i + j > start) tail = (Math.imul(tail, 31) + c) | 0;
      }
      i += k;
      k = i < n ? wordCharAt(s, i) : 0;
    }
    visit(start, i, h, tail);
  }
}

/** Strings by their wordHash, to find which one a run of a text is without cutting it out. */
export class WordSet {
  private readonly byHash = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const h = wordHash(w);
      const list = this.byHash.get(h);
      if (!list) this.byHash.set(h, [w]);
      else if (!list.includes(w)) list.push(w);
    }
  }

  /** The word equal to s[start, end) (whose wordHash is `hash`), or undefined. */
  at(s: string, start: number, end: number, hash: number): string | undefined {
    const list = this.byHash.get(hash);
    if (!list) return undefined;
    for (const w of list) if (w.length === end - start && s.startsWith(w, start)) return w;
    return undefined;
  }
}
