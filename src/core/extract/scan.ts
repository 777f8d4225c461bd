// Character tests and a word scanner that read text as the extractor's patterns do (`\s`,
// `[A-Za-z]`, `\d`), one character at a time instead of a regular expression call per character
// or per word: these run on every sentence, and a regex call costs far more than a comparison.

const SPACE = /\s/;

/** `/\s/` on one UTF-16 code unit. */
export const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCharCode(c)));
/** `/[A-Za-z]/` on one code unit. */
export const isAsciiLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `/\d/` (without the u flag: 0-9 only) on one code unit; false past the end (NaN). */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** A word, figure or mark of a sentence; offsets relative to the sentence. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const letterRunEnd = (s: string, i: number): number => {
  while (i < s.length && isAsciiLetterCode(s.charCodeAt(i))) i++;
  return i;
};
const digitRunEnd = (s: string, i: number): number => {
  while (i < s.length && isDigitCode(s.charCodeAt(i))) i++;
  return i;
};

/**
 * The tokens `/[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:,\d{3})*(?:\.\d+)?/g` finds, in order; with
 * `apostrophes`, words may also join at "'" (`(?:['-][A-Za-z]+)*`), and with `marks`, the single
 * characters `[,;:()"\u2013\u2014]` are tokens too. Exactly the regex's matches, scanned by hand.
 */
export function scanWords(s: string, apostrophes: boolean, marks: boolean): Word[] {
  const out: Word[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let j: number;
    if (isAsciiLetterCode(c)) {
      j = letterRunEnd(s, i + 1);
      for (;;) {
        const joint = s.charCodeAt(j);
        if ((joint === 45 || (apostrophes && joint === 39)) && isAsciiLetterCode(s.charCodeAt(j + 1))) j = letterRunEnd(s, j + 2);
        else break;
      }
      const text = s.slice(i, j);
      out.push({ text, lower: text.toLowerCase(), start: i, end: j });
    } else if (isDigitCode(c)) {
      j = digitRunEnd(s, i + 1);
      while (s.charCodeAt(j) === 44 && isDigitCode(s.charCodeAt(j + 1)) && isDigitCode(s.charCodeAt(j + 2)) && isDigitCode(s.charCodeAt(j + 3))) j += 4;
      if (s.charCodeAt(j) === 46 && isDigitCode(s.charCodeAt(j + 1))) j = digitRunEnd(s, j + 2);
      const text = s.slice(i, j);
      out.push({ text, lower: text, start: i, end: j });
    } else if (marks && (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34 || c === 0x2013 || c === 0x2014)) {
      j = i + 1;
      const text = s[i] as string;
      out.push({ text, lower: text, start: i, end: j });
    } else {
      i++;
      continue;
    }
    i = j;
  }
  return out;
}

/**
 * The tokens of `scanWords(s, false, false)` from those of `scanWords(s, true, true)` of the same
 * text, without a second scan: the marks left out and the words cut at their apostrophes (a
 * word joins at "'" only between letters). Tokens without an apostrophe are shared, not copied.
 */
export function plainWords(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const c = w.text.charCodeAt(0);
    if (!isAsciiLetterCode(c) && !isDigitCode(c)) continue;
    let quote = w.text.indexOf("'");
    if (quote < 0) {
      out.push(w);
      continue;
    }
    for (let from = 0; ; quote = w.text.indexOf("'", from)) {
      const end = quote < 0 ? w.text.length : quote;
      const text = w.text.slice(from, end);
      out.push({ text, lower: text.toLowerCase(), start: w.start + from, end: w.start + end });
      if (quote < 0) break;
      from = quote + 1;
    }
  }
  return out;
}

/**
 * Every match of a global pattern, as `[...s.matchAll(re)]` gives them, without the copy of the
 * pattern and the iterator matchAll makes on each call. The pattern's lastIndex is reset before
 * and ends at 0; nothing else may use the pattern during the call.
 */
export function matchesOf(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push(m);
    // An empty match moves on by one character (one code point with the u flag), as matchAll does.
    if (m[0] === "") re.lastIndex = re.unicode ? advanceCodePoint(s, re.lastIndex) : re.lastIndex + 1;
  }
  return out;
}

function advanceCodePoint(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}
