// Finds figures in a sentence: digits ("1,500", "1.5 million"), number words ("twenty-seven",
// "a dozen"), vague plurals ("thousands") and ordinals ("100th"), with their qualifiers.
import type { Qualifier } from "../types.js";
import { isAsciiLetterCode, isDigitCode, isSpaceCode, scanWords, type Word } from "./scan.js";

/** A figure found in a sentence; offsets are relative to the sentence. */
export interface NumberMention {
  value: number;
  start: number;
  end: number;
  /** Start of the figure including its qualifier words ("at least 12"). */
  phraseStart: number;
  /** End of the figure including a trailing qualifier ("30,000 odd"). */
  phraseEnd: number;
  qualifier: Qualifier;
  kind: "digits" | "words" | "vague" | "ordinal";
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };
const MULTIPLIERS: Record<string, number> = {
  million: 1_000_000, mln: 1_000_000, m: 1_000_000, billion: 1_000_000_000, bn: 1_000_000_000,
  thousand: 1000, k: 1000, hundred: 100,
};
const VAGUE: [RegExp, number][] = [
  [/^hundreds of thousands\b/i, 100_000],
  [/^tens of thousands\b/i, 10_000],
  [/^millions\b/i, 1_000_000],
  [/^thousands\b/i, 1000],
  [/^hundreds\b/i, 100],
  [/^scores\b/i, 20],
  [/^dozens\b/i, 12],
];

/** True when a word starts like a VAGUE pattern: /^(?:hundreds|tens|millions|thousands|scores|dozens)/, by its first letter. */
function isVagueStart(lower: string): boolean {
  switch (lower.charCodeAt(0)) {
    case 104: return lower.startsWith("hundreds");
    case 116: return lower.startsWith("tens") || lower.startsWith("thousands");
    case 109: return lower.startsWith("millions");
    case 115: return lower.startsWith("scores");
    case 100: return lower.startsWith("dozens");
    default: return false;
  }
}

const QUALIFIERS_BEFORE: [RegExp, Qualifier][] = [
  [/\b(?:at (?:the )?least|a minimum of|no (?:fewer|less) than|not (?:fewer|less) than|at minimum)\s*$/i, "at_least"],
  [/\b(?:more than|over|in excess of|upwards of|above|greater than|exceeding|well over|exceeds|exceeded|surpassed|surpasses|topped)\s*$/i, "more_than"],
  [/\b(?:about|around|some|nearly|almost|approximately|roughly|an estimated|estimated|close to|circa|c\.|approx\.?|just under|just over|up to around|an approximate)\s*$/i, "about"],
  // "revised up to 551": the verb's "up", not a ceiling.
  [/\b(?:(?<!\b(?:revised|raised|adjusted|pushed|ratcheted|went|gone|rounded)\s+)up to|as many as|at most|no more than|not more than|a maximum of|as much as)\s*$/i, "up_to"],
];

type Token = Word;

/** "2.277": one to three digits, a dot and exactly three more (nothing after the token is a digit). */
const THOUSANDS_DOT = /^\d{1,3}\.\d{3}$/;
const PERCENT_AFTER = /^\s?(?:%|per\s?cent|percent)/i;

/** The tokens of /[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:,\d{3})*(?:\.\d+)?/g. */
function tokenize(s: string): Token[] {
  return scanWords(s, false, false);
}

/** First letters of the words a figure can start with: VAGUE_START, "a", "an" and NUMBER_WORD_START. */
const FIGURE_WORD_FIRST = new Set([..."adefhmnostz"].map((c) => c.charCodeAt(0)));

/** Value of a single number word or hyphenated compound ("twenty-seven"), or null. */
const NUMBER_WORD_START = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)/;

function wordValue(lower: string): number | null {
  if (!NUMBER_WORD_START.test(lower)) return null;
  if (lower in UNITS) return UNITS[lower] as number;
  if (lower in TENS) return TENS[lower] as number;
  const m = /^([a-z]+)-([a-z]+)$/.exec(lower);
  if (m && (m[1] as string) in TENS && (m[2] as string) in UNITS && (UNITS[m[2] as string] as number) < 10) {
    return (TENS[m[1] as string] as number) + (UNITS[m[2] as string] as number);
  }
  return null;
}

/** Parses a run of number words starting at token i: "two hundred and fifty", "a dozen". */
function parseWords(tokens: readonly Token[], i: number): { value: number; next: number } | null {
  const first = tokens[i];
  if (!first) return null;
  if ((first.lower === "a" || first.lower === "one") && tokens[i + 1]?.lower === "dozen") return { value: 12, next: i + 2 };
  if (first.lower === "a" || first.lower === "an") {
    const scale = tokens[i + 1]?.lower;
    if (scale === "hundred" || scale === "thousand" || scale === "million") {
      const rest = parseWords(tokens, i + 2);
      const base = SCALES[scale] as number;
      return rest && rest.value < base && tokens[i + 2]?.lower !== "a" ? { value: base + rest.value, next: rest.next } : { value: base, next: i + 2 };
    }
    return null;
  }
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  while (j < tokens.length) {
    const t = tokens[j] as Token;
    const v = wordValue(t.lower);
    if (v !== null) {
      if (any && current % 100 !== 0 && current < 100 && v < 100 && current !== 0) break;
      current += v;
      any = true;
      j++;
      continue;
    }
    // "two dozen": dozens of a number word.
    if (any && t.lower === "dozen" && current > 0 && current < 100) {
      current *= 12;
      j++;
      continue;
    }
    if (any && t.lower in SCALES) {
      const sc = SCALES[t.lower] as number;
      if (sc === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * sc;
        current = 0;
      }
      j++;
      continue;
    }
    if (any && t.lower === "and" && tokens[j + 1] && wordValue((tokens[j + 1] as Token).lower) !== null && current >= 100) {
      j++;
      continue;
    }
    break;
  }
  if (!any) return null;
  return { value: total + current, next: j };
}

/** The last word of every phrase in QUALIFIERS_BEFORE ("c." and "approx." without the dot). */
const QUALIFIER_LAST_WORDS = new Set(
  ("least of than minimum over above exceeding exceeds exceeded surpassed surpasses topped about around some nearly almost approximately roughly estimated to " +
    "circa c approx under approximate as most").split(" "),
);

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));

/**
 * True when the word before `start` (past spaces and one dot) can end a qualifier phrase. Most
 * figures follow other words, and this test is much cheaper than the four patterns.
 */
function mayHaveQualifierBefore(s: string, start: number): boolean {
  let e = start;
  while (e > 0 && isSpace(s.charCodeAt(e - 1))) e--;
  if (e > 0 && s.charCodeAt(e - 1) === 46) e--; // "c.", "approx."
  let b = e;
  while (b > 0 && isAsciiLetter(s.charCodeAt(b - 1))) b--;
  return b < e && QUALIFIER_LAST_WORDS.has(s.slice(b, e).toLowerCase());
}

function qualifierBefore(s: string, start: number): { qualifier: Qualifier; at: number } | null {
  if (!mayHaveQualifierBefore(s, start)) return null;
  const before = s.slice(Math.max(0, start - 40), start);
  for (const [re, q] of QUALIFIERS_BEFORE) {
    const m = re.exec(before);
    if (m) return { qualifier: q, at: start - (before.length - m.index) };
  }
  return null;
}

/** Characters the patterns of qualifierAfter can start with, past spaces: "-", "o" (odd, or so, or more), "+", "p" (plus). */
const AFTER_START = new Set([..."-oO+pP"].map((c) => c.charCodeAt(0)));

function qualifierAfter(s: string, end: number): { qualifier: Qualifier; at: number } | null {
  let k = end;
  const stop = Math.min(s.length, end + 10);
  while (k < stop && isSpaceCode(s.charCodeAt(k))) k++;
  if (k >= stop || !AFTER_START.has(s.charCodeAt(k))) return null;
  const m = /^(?:\s*-?\s*odd\b|\s+or so\b|\s*\+|\s+plus\b|\s+or more\b)/i.exec(s.slice(end, end + 10));
  if (!m) return null;
  const q: Qualifier = /odd|or so/i.test(m[0]) ? "about" : "at_least";
  return { qualifier: q, at: end + m[0].length };
}

/** /[\w.$\u20ac\u00a3/#:]/ on one code unit (\w without the u flag is ASCII only). */
const GLUED_BEFORE = (c: number) => isAsciiLetterCode(c) || isDigitCode(c) || c === 95 || c === 46 || c === 36 || c === 0x20ac || c === 0xa3 || c === 47 || c === 35 || c === 58;
/** First letters of an ordinal suffix (st, nd, rd, th) and of a multiplier (million, mln, billion, bn, thousand, hundred, m, k), either case. */
const ORDINAL_START = new Set([..."sSnNrRtT"].map((c) => c.charCodeAt(0)));
const MULTIPLIER_START = new Set([..."mMbBtThHkK"].map((c) => c.charCodeAt(0)));

/**
 * Finds every figure in a sentence, with its qualifier. `words`, when given, are the sentence's
 * tokens as `tokenize` gives them (see `plainWords`), so that it need not scan the sentence again.
 */
export function findNumbers(s: string, words?: readonly Word[]): NumberMention[] {
  const tokens = words ?? tokenize(s);
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let value: number | null = null;
    let end = t.end;
    let kind: NumberMention["kind"] = "digits";
    let next = i + 1;
    const c0 = t.text.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      // Glued to a word, a sum or a reference (/[\w.$\u20ac\u00a3/#:]/ before it): no figure.
      if (t.start > 0 && GLUED_BEFORE(s.charCodeAt(t.start - 1))) continue;
      // The token is \d+(?:,\d{3})*(?:\.\d+)?: a figure unless its first group of a thousands
      // separator has more than three digits ("1234,567").
      const comma = t.text.indexOf(",");
      if (comma > 3) continue;
      value = Number(comma < 0 ? t.text : t.text.replace(/,/g, ""));
      const ordinal = ORDINAL_START.has(s.charCodeAt(t.end)) ? /^(?:st|nd|rd|th)\b/i.exec(s.slice(t.end, t.end + 3)) : null;
      if (ordinal) {
        out.push({ value: Math.round(value), start: t.start, end: t.end + 2, phraseStart: t.start, phraseEnd: t.end + 2, qualifier: "exact", kind: "ordinal" });
        continue;
      }
      const mult = MULTIPLIER_START.has(s.charCodeAt(isSpaceCode(s.charCodeAt(t.end)) ? t.end + 1 : t.end)) ? /^\s?(million|mln|billion|bn|thousand|hundred|m|k)\b/i.exec(s.slice(t.end, t.end + 10)) : null;
      if (mult) {
        value *= MULTIPLIERS[(mult[1] as string).toLowerCase()] as number;
        end = t.end + mult[0].length;
        next = i + 2;
      } else if (THOUSANDS_DOT.test(t.text) && !PERCENT_AFTER.test(s.slice(t.end, t.end + 9))) {
        // "At least 2.277 executions": a dot before three digits separates thousands, as many
        // writers outside the English-speaking world put it; a count of people has no decimals.
        value = Number(t.text.replace(".", ""));
      }
      if (!Number.isInteger(value)) value = Math.round(value);
    } else {
      // Only number words, "a"/"an" and vague plurals can start a figure: skip other words early,
      // first by their first letter.
      if (!FIGURE_WORD_FIRST.has(t.lower.charCodeAt(0))) continue;
      const vagueStart = isVagueStart(t.lower);
      if (!vagueStart && t.lower !== "a" && t.lower !== "an" && !NUMBER_WORD_START.test(t.lower)) continue;
      const rest = vagueStart ? s.slice(t.start) : "";
      const vague = vagueStart ? VAGUE.find(([re]) => re.test(rest)) : undefined;
      if (vague) {
        const m = vague[0].exec(rest) as RegExpExecArray;
        value = vague[1];
        end = t.start + m[0].length;
        kind = "vague";
        while (next < tokens.length && (tokens[next] as Token).start < end) next++;
      } else {
        const w = parseWords(tokens, i);
        if (!w) continue;
        value = w.value;
        end = (tokens[w.next - 1] as Token).end;
        next = w.next;
        kind = "words";
      }
    }
    const before = qualifierBefore(s, t.start);
    const after = qualifierAfter(s, end);
    let qualifier: Qualifier = before?.qualifier ?? after?.qualifier ?? "exact";
    if (kind === "vague") qualifier = "at_least";
    out.push({
      value,
      start: t.start,
      end,
      phraseStart: before?.at ?? t.start,
      phraseEnd: after?.at ?? end,
      qualifier,
      kind,
    });
    i = next - 1;
  }
  return out;
}
