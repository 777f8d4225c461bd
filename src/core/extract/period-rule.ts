// What the period rules (period-rules-*.ts) share: the rule type, the cues a sentence is tested
// for once so that rules which cannot match are skipped, month and year patterns, small helpers.
import type { Period } from "../types.js";
import { daysIn, iso, monthPeriod, refEnd, type RefDate } from "./dates.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
export const MONTH_RE = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
export const YEAR_RE = "((?:19|20)\\d{2})";
const NUM_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, twenty: 20 };

export function monthIndex(name: string): number {
  const k = name.toLowerCase().replace(".", "").slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(k)) + 1;
}

export function num(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUM_WORDS[word.toLowerCase()] ?? NaN);
}

type Resolver = (m: RegExpExecArray, ref: RefDate | null, ctx: { anchor: RefDate | null }) => Period | null;

/** What a sentence contains, tested once so that rules which cannot match are skipped. */
export interface Cues {
  /** CUE_WORDS found in the lower-cased sentence, as bits. */
  words: number;
  /** The lower-cased sentence, for the few rules that test a word of their own. */
  lower: string;
  /** /(?:19|20)\d\d/: a four-digit year could be there. */
  year: boolean;
  /** A month name (or its abbreviation) starts a word, in any case ("May", "may", "declared"). */
  month: boolean;
  /** A capitalised one, for the case-sensitive rules. */
  capitalMonth: boolean;
  digit: boolean;
}

export interface Rule {
  re: RegExp;
  /** False when the rule cannot match: each rule needs the words and figures named here. */
  can: (c: Cues) => boolean;
  resolve: Resolver;
  explicitDay?: (m: RegExpExecArray) => string | null;
  /**
   * "the same period last year": the period of the time named before it in the sentence, moved
   * to another year; returns the year it is moved to, given that period's start year.
   */
  sameAs?: (m: RegExpExecArray, fromYear: number) => number | null;
  /** With `sameAs`: a year to date moved to an earlier year is that whole year ("the previous year"). */
  wholeYear?: boolean;
  /** "the total for the month": the month (or year) of the time named before it in the sentence. */
  within?: "month" | "year" | "week" | "day";
  /** "On 12 May … within 48 hours": the span counted back from the day named before it in the sentence. */
  backFrom?: (m: RegExpExecArray, day: string) => Period | null;
}

/** A period moved to another year ("2024-01-01/2024-04-30" to 2023), 29 February kept in its month. */
export function moveToYear(p: Period, delta: number): Period {
  const move = (d: string) => {
    const [y, mo, day] = d.split("-").map(Number) as [number, number, number];
    return iso(y + delta, mo, Math.min(day, daysIn(y + delta, mo)));
  };
  return { start: move(p.start), end: move(p.end) };
}

/**
 * Words the relative rules need, as bits. One scan of the lower-cased sentence sets them all
 * (cheaper than a search per word); a word found inside a longer one sets both bits.
 */
const CUE_WORDS = ["between", "from", "since the", "since", "so far", "half", "six months", "months", "month", "quarter", "last", "this", "past", "previous", "year", "week"] as const;
type CueWord = (typeof CUE_WORDS)[number];
const CUE_BIT = new Map<string, number>(CUE_WORDS.map((w, i) => [w, 1 << i]));
export const bits = (...words: CueWord[]) => words.reduce((b, w) => b | (CUE_BIT.get(w) as number), 0);
/** Bits a hit sets: its own and those of the cue words inside it. */
const HIT_BITS = new Map<string, number>(CUE_WORDS.map((w) => [w, bits(...CUE_WORDS.filter((v) => w.includes(v)))]));
// Longer words first, so that at one position "months" wins over "month"; the scan restarts one
// character after each hit, so overlapping words are all seen.
const CUE_RE = new RegExp([...CUE_WORDS].sort((a, b) => b.length - a.length).join("|"), "g");
export function cueBits(lower: string): number {
  let found = 0;
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(lower); m !== null; m = CUE_RE.exec(lower)) {
    found |= HIT_BITS.get(m[0]) as number;
    CUE_RE.lastIndex = m.index + 1;
  }
  return found;
}
export const SINCE_BIT = bits("since");

const ANY_YEAR = /(?:19|20)\d\d/g;
/** Two "19xx"/"20xx" that do not overlap (a range of years needs them). */
export function twoYears(text: string): boolean {
  ANY_YEAR.lastIndex = 0;
  return ANY_YEAR.test(text) && ANY_YEAR.test(text);
}

/** A rule's test: one of the words, and whatever else it needs. */
export const needs = (words: CueWord[], also: (c: Cues) => boolean = () => true) => {
  const mask = bits(...words);
  return (c: Cues) => (c.words & mask) !== 0 && also(c);
};

export const sinceEnd = (ref: RefDate | null) => (ref ? refEnd(ref) : null);

/** The last day of "June 2016", "30 June 2016", "June 30, 2016" or "2016" (groups from SPAN_END). */
export function spanEnd(day1: string | undefined, month: string | undefined, day2: string | undefined, year: string): string | null {
  const y = Number(year);
  if (!month) return iso(y, 12, 31);
  const mo = monthIndex(month);
  const day = day1 ?? day2;
  return day ? iso(y, mo, Number(day)) : monthPeriod(y, mo).end;
}
export const SPAN_END = `(?:(?:(\\d{1,2})\\s+)?${MONTH_RE}(?:\\s+(\\d{1,2}))?,?\\s+)?${YEAR_RE}`;
