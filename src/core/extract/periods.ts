// Finds time expressions in a sentence and resolves them against the publication date:
// "in 1988", "November 2019", "last year", "in January this year", "last November",
// "since the start of 2018", "between 2005 and 2015", "in 2012/13", "last week".
// date-fns by function: its index loads some 300 modules.
import { addDays as shiftDays } from "date-fns/addDays";
import { addWeeks } from "date-fns/addWeeks";
import { format } from "date-fns/format";
import { previousDay } from "date-fns/previousDay";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import { subDays } from "date-fns/subDays";
/** A day of the week as date-fns numbers it (0 Sunday … 6 Saturday). */
type Day = Parameters<typeof previousDay>[1];
import type { Period } from "../types.js";
import { solarTimes } from "./periods-solar.js";
import {
  addDays, daysIn, iso, latestMonth, monthPeriod, parseRef, refEnd, yearsPeriod, type RefDate,
} from "./dates.js";

/** A time expression found in a sentence; offsets relative to the sentence. */
export interface TimeMention {
  start: number;
  end: number;
  /** The resolved period, or null when it cannot be resolved (no reference date). */
  period: Period | null;
  /** "report" when the date is when something was said or published, not when it happened. */
  role: "event" | "report" | "reference";
  /** Day-level explicit dates can serve as reference for bare months in the same sentence. */
  explicitDay: string | null;
  /** The time opens a clause about the figure after it ("since 2015, when 1,634 …"). */
  forNext?: boolean;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const YEAR_RE = "((?:19|20)\\d{2})";
const NUM_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, twenty: 20 };

function monthIndex(name: string): number {
  const k = name.toLowerCase().replace(".", "").slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(k)) + 1;
}

function num(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUM_WORDS[word.toLowerCase()] ?? NaN);
}

type Resolver = (m: RegExpExecArray, ref: RefDate | null, ctx: { anchor: RefDate | null }) => Period | null;

/** What a sentence contains, tested once so that rules which cannot match are skipped. */
interface Cues {
  /** CUE_WORDS found in the lower-cased sentence, as bits. */
  words: number;
  /** /(?:19|20)\d\d/: a four-digit year could be there. */
  year: boolean;
  /** A month name (or its abbreviation) starts a word, in any case ("May", "may", "declared"). */
  month: boolean;
  /** A capitalised one, for the case-sensitive rules. */
  capitalMonth: boolean;
  digit: boolean;
}

interface Rule {
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
  /** "the total for the month": the month (or year) of the time named before it in the sentence. */
  within?: "month" | "year";
}

/** A period moved to another year ("2024-01-01/2024-04-30" to 2023), 29 February kept in its month. */
function moveToYear(p: Period, delta: number): Period {
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
const bits = (...words: CueWord[]) => words.reduce((b, w) => b | (CUE_BIT.get(w) as number), 0);
/** Bits a hit sets: its own and those of the cue words inside it. */
const HIT_BITS = new Map<string, number>(CUE_WORDS.map((w) => [w, bits(...CUE_WORDS.filter((v) => w.includes(v)))]));
// Longer words first, so that at one position "months" wins over "month"; the scan restarts one
// character after each hit, so overlapping words are all seen.
const CUE_RE = new RegExp([...CUE_WORDS].sort((a, b) => b.length - a.length).join("|"), "g");
function cueBits(lower: string): number {
  let found = 0;
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(lower); m !== null; m = CUE_RE.exec(lower)) {
    found |= HIT_BITS.get(m[0]) as number;
    CUE_RE.lastIndex = m.index + 1;
  }
  return found;
}
const SINCE_BIT = bits("since");

/** A rule's test: one of the words, and whatever else it needs. */
const needs = (words: CueWord[], also: (c: Cues) => boolean = () => true) => {
  const mask = bits(...words);
  return (c: Cues) => (c.words & mask) !== 0 && also(c);
};

const sinceEnd = (ref: RefDate | null) => (ref ? refEnd(ref) : null);

/** The last day of "June 2016", "30 June 2016", "June 30, 2016" or "2016" (groups from SPAN_END). */
function spanEnd(day1: string | undefined, month: string | undefined, day2: string | undefined, year: string): string | null {
  const y = Number(year);
  if (!month) return iso(y, 12, 31);
  const mo = monthIndex(month);
  const day = day1 ?? day2;
  return day ? iso(y, mo, Number(day)) : monthPeriod(y, mo).end;
}
const SPAN_END = `(?:(?:(\\d{1,2})\\s+)?${MONTH_RE}(?:\\s+(\\d{1,2}))?,?\\s+)?${YEAR_RE}`;

/** Rules in order of precedence; earlier rules win over overlapping later ones. */
const RULES: Rule[] = [
  // the same period last year, the same months of 2023, the same time a year earlier
  {
    re: new RegExp(`\\b(?:over|during|in|for)?\\s*the\\s+same\\s+(?:period|months?|weeks?|time(?:\\s+frame)?|timeframe)\\s+(?:(?:of|in)\\s+)?(?:${YEAR_RE}|(last|the previous|the preceding) year|a year (?:earlier|before|ago))\\b`, "gi"),
    can: (c) => c.year || (c.words & bits("last", "year")) !== 0,
    resolve: () => null,
    sameAs: (m, fromYear) => (m[1] ? Number(m[1]) : fromYear - 1),
  },
  // "… on 12 March bring the total for the month to 28": the month of the time named before it;
  // with none, the month (or year) of writing, to date.
  {
    re: /\b(?:[Ff]or|[Ii]n|[Dd]uring|[Oo]ver|[Tt]hroughout)\s+the\s+(month|year)\b(?!\s+(?:of|before|ending|since|after|that)\b|\s+to\s+(?:\d{1,2}\s+)?[A-Z])/g,
    can: needs(["month", "year"]),
    resolve: (m, ref) => {
      if (!ref) return null;
      if ((m[1] as string).toLowerCase() === "year") return { start: iso(ref.year, 1, 1), end: refEnd(ref) };
      return ref.month === null ? null : { start: iso(ref.year, ref.month, 1), end: refEnd(ref) };
    },
    within: "month",
  },
  // "brought the monthly total to 58", "the annual toll": the month or year of the time named
  // before it (see `within`), else the publication's, to date.
  {
    re: /\b(?:the|its|their)\s+(monthly|annual|yearly)\s+(?:total|tally|toll|count|figure)\b/gi,
    can: () => true,
    resolve: (m, ref) => {
      if (!ref) return null;
      if ((m[1] as string).toLowerCase() !== "monthly") return { start: iso(ref.year, 1, 1), end: refEnd(ref) };
      return ref.month === null ? null : { start: iso(ref.year, ref.month, 1), end: refEnd(ref) };
    },
    within: "month",
  },
  // "In 2023, 834 …, up from 582 the previous year": the year before the time named before it;
  // with none, the year before publication.
  {
    re: /\b(?:the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|before))\b/gi,
    can: needs(["year", "previous"]),
    resolve: (_m, ref) => (ref ? yearsPeriod(ref.year - 1) : null),
    sameAs: (_m, fromYear) => fromYear - 1,
  },
  // in the three years before June 2016, the 12 months to March 2024, in the six months ending
  // 30 June 2023: a span counted back from the date it ends on
  {
    re: new RegExp(`\\b(?:(?:in|over|during|within|for)\\s+)?the\\s+(?:(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)\\s+)?(years?|months?|weeks?|days)\\s+(?:before|to|until|up to|ending(?:\\s+(?:in|on))?|prior to|leading up to|through)\\s+${SPAN_END}\\b`, "gi"),
    can: (c) => c.year,
    resolve: (m) => {
      const n = m[1] ? num(m[1]) : 1;
      const end = spanEnd(m[3], m[4], m[5], m[6] as string);
      if (!Number.isFinite(n) || n < 1 || !end) return null;
      const unit = (m[2] as string).toLowerCase().replace(/s$/, "") + "s";
      if (unit === "days" || unit === "weeks") return { start: addDays(end, -(unit === "weeks" ? 7 * n : n) + 1), end };
      // From the same month n years (or n months) earlier: writers round these spans to months.
      const [y, mo] = end.split("-").map(Number) as [number, number];
      const total = y * 12 + (mo - 1) - (unit === "years" ? 12 * n : n);
      return { start: iso(Math.floor(total / 12), (total % 12) + 1, 1), end };
    },
  },
  // the week to 14 July, the ten days ending March 3 (no year: the latest such day at or before the publication)
  {
    re: new RegExp(`\\b(?:(?:in|over|during|within|for)\\s+)?the\\s+(?:(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\\s+)?(weeks?|days)\\s+(?:to|until|up to|ending(?:\\s+on)?|through)\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?)\\b(?!,?\\s*(?:19|20)\\d\\d)`, "gi"),
    can: (c) => c.month && c.digit,
    resolve: (m, ref) => {
      if (!ref || ref.month === null) return null;
      const n = m[1] ? num(m[1]) : 1;
      const mo = monthIndex((m[4] ?? m[5]) as string);
      const day = Number(m[3] ?? m[6]);
      if (!Number.isFinite(n) || n < 1 || !(day >= 1 && day <= 31)) return null;
      const end = iso(mo > ref.month ? ref.year - 1 : ref.year, mo, day);
      const days = (m[2] as string).toLowerCase().startsWith("week") ? 7 * n : n;
      return { start: addDays(end, -days + 1), end };
    },
  },
  // "the 12 months to the end of November", "the three months to October": months counted back
  // from the end of the latest such month at or before the publication.
  {
    re: new RegExp(`\\b(?:(?:in|over|during|within|for)\\s+)?the\\s+(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)\\s+months\\s+(?:to|until|up to|ending(?:\\s+in)?|through)\\s+(?:the\\s+end\\s+of\\s+)?${MONTH_RE}\\b(?!,?\\s*(?:of\\s+)?(?:19|20)\\d\\d|\\s+\\d)`, "gi"),
    can: needs(["months"], (c) => c.month),
    resolve: (m, ref) => {
      if (!ref || ref.month === null) return null;
      const n = num(m[1] as string);
      const mo = monthIndex(m[2] as string);
      if (!(n >= 1 && n <= 36)) return null;
      const y = mo > ref.month ? ref.year - 1 : ref.year;
      const first = y * 12 + (mo - 1) - (n - 1);
      return { start: iso(Math.floor(first / 12), (first % 12) + 1, 1), end: monthPeriod(y, mo).end };
    },
  },
  // Q1 2024, Q3 of last year, Q2 (the latest such quarter at or before the publication)
  {
    re: new RegExp(`\\bQ([1-4])(?:\\s+(?:of\\s+)?(?:${YEAR_RE}|(this|last) year))?\\b`, "g"),
    can: (c) => c.digit,
    resolve: (m, ref) => {
      const q = Number(m[1]);
      let y = m[2] ? Number(m[2]) : ref ? (m[3] === "last" ? ref.year - 1 : ref.year) : null;
      if (y === null) return null;
      if (!m[2] && !m[3] && ref && ref.month !== null && (q - 1) * 3 + 1 > ref.month) y -= 1;
      const sm = (q - 1) * 3 + 1;
      return { start: iso(y, sm, 1), end: monthPeriod(y, sm + 2).end };
    },
  },
  // the first week of July, the last week of March 2024: seven days of a month
  {
    re: new RegExp(`\\b(?:the\\s+)?(first|second|third|fourth|last|final)\\s+week\\s+of\\s+${MONTH_RE}(?:,?\\s+${YEAR_RE})?\\b`, "gi"),
    can: needs(["week"], (c) => c.month),
    resolve: (m, ref) => {
      const mo = monthIndex(m[2] as string);
      let y: number;
      if (m[3]) y = Number(m[3]);
      else if (ref && ref.month !== null) y = mo <= ref.month ? ref.year : ref.year - 1;
      else return null;
      const k = ["first", "second", "third", "fourth"].indexOf((m[1] as string).toLowerCase());
      if (k >= 0) return { start: iso(y, mo, 7 * k + 1), end: iso(y, mo, 7 * k + 7) };
      const end = monthPeriod(y, mo).end;
      return { start: addDays(end, -6), end };
    },
  },
  // over the weekend, last weekend: the Saturday and Sunday before the publication (or the one it falls on)
  {
    re: /\b(?:(?:over|during|at|on)\s+)?(the|this|last|past)\s+weekend\b/gi,
    can: needs(["week"]),
    resolve: (m, ref) => {
      if (!ref || ref.day === null) return null;
      const end = refEnd(ref);
      const dow = (new Date(`${end}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0 … Sunday = 6
      // Saturday of the weekend meant: this one when the day of writing is in it, else the last one.
      let saturday = dow >= 5 ? addDays(end, -(dow - 5)) : addDays(end, -(dow + 2));
      if ((m[1] as string).toLowerCase() === "last" && dow >= 5) saturday = addDays(saturday, -7);
      const sunday = addDays(saturday, 1);
      return { start: saturday, end: sunday < end || dow < 5 || (m[1] as string).toLowerCase() === "last" ? sunday : end };
    },
  },
  // between 2005 and 2015, from 2005 to 2015, 2005-2015
  {
    re: new RegExp(`\\b(?:between\\s+|from\\s+)?${YEAR_RE}\\s*(?:and|to|until|through|[-\\u2013\\u2014])\\s*${YEAR_RE}\\b`, "gi"),
    can: (c) => c.year,
    resolve: (m) => (Number(m[2]) > Number(m[1]) ? yearsPeriod(Number(m[1]), Number(m[2])) : null),
  },
  // between December 2022 and July 2023, from March to May 2024, between 1 January and 30 June 2024,
  // between January and June (the latest such span at or before the publication)
  {
    re: new RegExp(`\\b(?:between|from)\\s+(?:(\\d{1,2})\\s+)?${MONTH_RE}(?:\\s+(\\d{1,2}))?(?:,?\\s+${YEAR_RE})?\\s+(?:and|to|until|through)\\s+(?:(\\d{1,2})\\s+)?${MONTH_RE}(?:\\s+(\\d{1,2}))?(?:,?\\s+${YEAR_RE})?\\b`, "gi"),
    can: needs(["between", "from"], (c) => c.month),
    resolve: (m, ref) => {
      const m1 = monthIndex(m[2] as string);
      const m2 = monthIndex(m[6] as string);
      let y2 = m[8] ? Number(m[8]) : null;
      if (y2 === null) {
        if (!ref || ref.month === null) return null;
        y2 = m2 <= ref.month ? ref.year : ref.year - 1;
      }
      const y1 = m[4] ? Number(m[4]) : m1 <= m2 ? y2 : y2 - 1;
      const d1 = Number(m[1] ?? m[3] ?? 1);
      const d2 = m[5] ?? m[7];
      return { start: iso(y1, m1, d1), end: d2 ? iso(y2, m2, Number(d2)) : monthPeriod(y2, m2).end };
    },
  },
  // in January and February, during March and April 2024: the two months and those between
  {
    re: new RegExp(`\\b(?:[Ii]n|[Dd]uring|[Oo]ver|[Tt]hroughout)\\s+${MONTH_RE}\\s+and\\s+${MONTH_RE}(?:,?\\s+${YEAR_RE})?\\b`, "g"),
    can: (c) => c.capitalMonth,
    resolve: (m, ref) => {
      const m1 = monthIndex(m[1] as string);
      const m2 = monthIndex(m[2] as string);
      let y2 = m[3] ? Number(m[3]) : null;
      if (y2 === null) {
        if (!ref || ref.month === null) return null;
        y2 = m2 <= ref.month ? ref.year : ref.year - 1;
      }
      const y1 = m1 <= m2 ? y2 : y2 - 1;
      return { start: iso(y1, m1, 1), end: monthPeriod(y2, m2).end };
    },
  },
  // between Oct. 3 and 13, from 15 to 18 November 2019, Nov. 15 to 18: days of one month
  {
    re: new RegExp(`\\b(?:(?:between|from)\\s+)?(?:${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|to|until|through|[-\\u2013])\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:[:/%]|${MONTH_RE}))(?:,?\\s+${YEAR_RE})?|(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|to|until|through|[-\\u2013])\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+${YEAR_RE})?)`, "gi"),
    can: (c) => c.month && c.digit,
    resolve: (m, ref) => {
      const month = monthIndex((m[1] ?? m[8]) as string);
      const d1 = Number(m[2] ?? m[6]);
      const d2 = Number(m[3] ?? m[7]);
      const year = m[4] ?? m[9];
      if (!(d1 >= 1 && d2 <= 31 && d1 < d2)) return null;
      let y: number;
      if (year) y = Number(year);
      else if (ref && ref.month !== null) y = month <= ref.month ? ref.year : ref.year - 1;
      else return null;
      return { start: iso(y, month, d1), end: iso(y, month, d2) };
    },
  },
  // 2012/13, 2012/2013, 2012-13
  {
    re: new RegExp(`\\b${YEAR_RE}\\s*[/\\-\\u2013]\\s*(\\d{2})\\b(?!\\d)`, "g"),
    can: (c) => c.year,
    resolve: (m) => {
      const a = Number(m[1]);
      const b = Math.floor(a / 100) * 100 + Number(m[2]);
      return b === a + 1 ? yearsPeriod(a, b) : null;
    },
  },
  // since 1 January, since March 3, 2024: from that day until publication
  {
    re: new RegExp(`\\bsince\\s+(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+${YEAR_RE})?\\b`, "gi"),
    can: needs(["since"], (c) => c.month && c.digit),
    resolve: (m, ref) => {
      const end = sinceEnd(ref);
      if (!end || !ref) return null;
      const mo = monthIndex((m[2] ?? m[3]) as string);
      const day = Number(m[1] ?? m[4]);
      if (!(day >= 1 && day <= 31)) return null;
      const y = m[5] ? Number(m[5]) : ref.month !== null && mo > ref.month ? ref.year - 1 : ref.year;
      const start = iso(y, mo, day);
      return start <= end ? { start, end } : null;
    },
    explicitDay: (m) => (m[5] ? iso(Number(m[5]), monthIndex((m[2] ?? m[3]) as string), Number(m[1] ?? m[4])) : null),
  },
  // since the start of 2018, since the beginning of January 2018, since 2018, since January
  {
    re: new RegExp(`\\bsince\\s+(?:the\\s+(?:start|beginning|end)\\s+of\\s+(?:the\\s+)?|the\\s+)?(?:${MONTH_RE}(?:\\s+${YEAR_RE})?|${YEAR_RE})\\b`, "gi"),
    can: needs(["since"], (c) => (c.month || c.year)),
    resolve: (m, ref) => {
      const end = sinceEnd(ref);
      if (!end) return null;
      if (m[3]) return { start: iso(Number(m[3]), 1, 1), end };
      if (m[2]) return { start: iso(Number(m[2]), m[1] ? monthIndex(m[1]) : 1, 1), end };
      if (m[1] && ref) {
        const lm = latestMonth(monthIndex(m[1]), ref, false);
        return lm ? { start: iso(lm.year, lm.month, 1), end } : null;
      }
      return null;
    },
  },
  // since the start of the year / since January 1
  {
    re: /\bsince the (?:start|beginning) of (?:the|this) (year|month|week)\b|\bso far this (year|month|week)\b|\bthis (year|month|week) so far\b|\bso far in \d{4}\b/gi,
    can: needs(["since the", "so far"]),
    resolve: (m, ref) => {
      const y = /\d{4}/.exec(m[0]);
      if (y) return { start: iso(Number(y[0]), 1, 1), end: ref && ref.year === Number(y[0]) ? refEnd(ref) : iso(Number(y[0]), 12, 31) };
      if (!ref) return null;
      const unit = (m[1] ?? m[2] ?? m[3] ?? "year").toLowerCase();
      const end = refEnd(ref);
      if (unit === "month") return ref.month === null ? null : { start: iso(ref.year, ref.month, 1), end };
      if (unit === "week") {
        if (ref.day === null) return null;
        const dow = (new Date(`${end}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
        return { start: addDays(end, -dow), end };
      }
      return { start: iso(ref.year, 1, 1), end };
    },
  },
  // the first half of 2024, the first six months of the year, the first quarter of 2023
  {
    re: new RegExp(`\\b(?:the\\s+)?(first|second)\\s+(?:half|six months)\\s+of\\s+(?:${YEAR_RE}|the year|this year|last year)`, "gi"),
    can: needs(["half", "six months"]),
    resolve: (m, ref) => {
      const y = m[2] ? Number(m[2]) : ref ? (/last year/i.test(m[0]) ? ref.year - 1 : ref.year) : null;
      if (y === null) return null;
      return (m[1] as string).toLowerCase() === "first" ? { start: iso(y, 1, 1), end: iso(y, 6, 30) } : { start: iso(y, 7, 1), end: iso(y, 12, 31) };
    },
  },
  // the first seven months of 2023, the last three months of the year
  {
    re: new RegExp(`\\b(?:the\\s+)?(first|last)\\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\\d{1,2})\\s+months\\s+of\\s+(?:${YEAR_RE}|the year|this year|last year)`, "gi"),
    can: needs(["months"]),
    resolve: (m, ref) => {
      const y = m[3] ? Number(m[3]) : ref ? (/last year/i.test(m[0]) ? ref.year - 1 : ref.year) : null;
      const n = num(m[2] as string);
      if (y === null || !(n >= 1 && n <= 12)) return null;
      return (m[1] as string).toLowerCase() === "first"
        ? { start: iso(y, 1, 1), end: monthPeriod(y, n).end }
        : { start: iso(y, 13 - n, 1), end: iso(y, 12, 31) };
    },
  },
  {
    // "in the first quarter" alone: the latest such quarter begun by the publication.
    re: new RegExp(`\\b(?:the\\s+)?(first|second|third|fourth|last)\\s+quarter(?:\\s+of\\s+(?:${YEAR_RE}|the year|this year|last year)|(?!\\s+of\\b|-))`, "gi"),
    can: needs(["quarter"]),
    resolve: (m, ref) => {
      const q = ["first", "second", "third", "fourth", "last"].indexOf((m[1] as string).toLowerCase());
      const qi = q === 4 ? 3 : q;
      const sm = qi * 3 + 1;
      const bare = !/\bof\b/i.test(m[0]);
      const y = m[2] ? Number(m[2]) : ref ? (/last year/i.test(m[0]) ? ref.year - 1 : bare && ref.month !== null && ref.month < sm ? ref.year - 1 : ref.year) : null;
      if (y === null || (bare && (!ref || ref.month === null))) return null;
      return { start: iso(y, sm, 1), end: monthPeriod(y, sm + 2).end };
    },
  },
  // 15 December 2019, December 15, 2019, December 15th 2019
  {
    re: new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?),?\\s+${YEAR_RE}\\b`, "g"),
    can: (c) => c.capitalMonth && c.year,
    resolve: (m) => {
      const d = Number(m[1] ?? m[4]);
      const mo = monthIndex((m[2] ?? m[3]) as string);
      const day = iso(Number(m[5]), mo, d);
      return { start: day, end: day };
    },
    explicitDay: (m) => iso(Number(m[5]), monthIndex((m[2] ?? m[3]) as string), Number(m[1] ?? m[4])),
  },
  // December 15 / 15 December (no year): the latest such day at or before the reference
  {
    re: new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?)\\b(?!,?\\s*(?:\\d{4}\\b|\\d{1,2}\\s*(?:[-\\u2013]|and|to)\\b))`, "g"),
    can: (c) => c.capitalMonth && c.digit,
    resolve: (m, ref) => {
      if (!ref) return null;
      const mo = monthIndex((m[2] ?? m[3]) as string);
      const d = Number(m[1] ?? m[4]);
      const y = ref.month !== null && mo > ref.month ? ref.year - 1 : ref.year;
      const day = iso(y, mo, d);
      return { start: day, end: day };
    },
  },
  // November 2019, in early 2020
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+(?:of\\s+)?${YEAR_RE}\\b`, "g"),
    can: (c) => c.capitalMonth && c.year,
    resolve: (m) => monthPeriod(Number(m[2]), monthIndex(m[1] as string)),
  },
  // January this year, January (alone) last year, this January, last November
  {
    re: new RegExp(`\\b(?:(last|this|past|previous)\\s+${MONTH_RE}|${MONTH_RE}(?:\\s+alone)?\\s+(this|last)\\s+year)\\b`, "gi"),
    can: needs(["last", "this", "past", "previous"], (c) => c.month),
    resolve: (m, ref) => {
      if (!ref) return null;
      if (m[1]) {
        const mo = monthIndex(m[2] as string);
        if ((m[1] as string).toLowerCase() === "this") return monthPeriod(ref.year, mo);
        const lm = latestMonth(mo, ref, true);
        return lm ? monthPeriod(lm.year, lm.month) : ref.month === null ? null : null;
      }
      const mo = monthIndex(m[3] as string);
      return monthPeriod((m[4] as string).toLowerCase() === "this" ? ref.year : ref.year - 1, mo);
    },
  },
  // in the past three years, over the last 12 months, in the past week
  {
    re: /\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty)\s+)?(years?|months?|weeks?|days?|decades?|fortnight|hours)\b/gi,
    can: needs(["past", "last", "previous"]),
    resolve: (m, ref) => {
      if (!ref) return null;
      const n = m[1] ? num(m[1]) : 1;
      if (!Number.isFinite(n)) return null;
      const unit = (m[2] as string).toLowerCase().replace(/s$/, "");
      const end = refEnd(ref);
      if (unit === "day" || unit === "week" || unit === "fortnight" || unit === "hour") {
        if (ref.day === null) return null;
        // "the past 48 hours": the days they touch, counted back from the day of writing.
        const days = unit === "hour" ? Math.max(1, Math.ceil(n / 24)) : unit === "fortnight" ? 14 : unit === "week" ? 7 * n : n;
        return { start: addDays(end, -days), end };
      }
      if (unit === "month") {
        if (ref.month === null) return null;
        const total = ref.year * 12 + (ref.month - 1) - n;
        return { start: iso(Math.floor(total / 12), (total % 12) + 1, 1), end };
      }
      const years = unit === "decade" ? 10 * n : n;
      if (ref.month === null) return yearsPeriod(ref.year - years + 1, ref.year);
      return { start: iso(ref.year - years, ref.month, 1), end };
    },
  },
  // in the year since the protests began, in the two years since: counted back from the reference
  {
    re: /\b(?:in|during|over|throughout)\s+the\s+(?:(two|three|four|five)\s+)?years?\s+since\b/gi,
    can: needs(["year"]),
    resolve: (m, ref) => {
      if (!ref || ref.month === null) return null;
      const n = m[1] ? num(m[1]) : 1;
      return { start: iso(ref.year - n, ref.month, ref.day ?? 1), end: refEnd(ref) };
    },
  },
  // last year, this year, the previous year, last month, this month, last week, this week
  {
    re: /\b(?:last|this|the previous|the past|earlier this|the current)\s+(year|month|week)\b/gi,
    can: needs(["year", "month", "week"]),
    resolve: (m, ref) => {
      if (!ref) return null;
      const which = m[0].toLowerCase();
      const unit = (m[1] as string).toLowerCase();
      const last = /^(?:last|the previous)/.test(which);
      const past = which.startsWith("the past");
      if (unit === "year") {
        if (past) return ref.month === null ? yearsPeriod(ref.year - 1, ref.year) : { start: iso(ref.year - 1, ref.month, 1), end: refEnd(ref) };
        return last ? yearsPeriod(ref.year - 1) : { start: iso(ref.year, 1, 1), end: refEnd(ref) };
      }
      if (unit === "month") {
        if (ref.month === null) return null;
        if (!last && !past) return { start: iso(ref.year, ref.month, 1), end: refEnd(ref) };
        const y = ref.month === 1 ? ref.year - 1 : ref.year;
        const mo = ref.month === 1 ? 12 : ref.month - 1;
        return monthPeriod(y, mo);
      }
      if (ref.day === null) return null;
      const end = refEnd(ref);
      const dow = (new Date(`${end}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      const monday = addDays(end, -dow);
      if (last) return { start: addDays(monday, -7), end: addDays(monday, -1) };
      return { start: monday, end };
    },
  },
  // in January, in November (a bare month): the latest such month at or before the anchor
  {
    re: new RegExp(`\\b(?:in|during|on|of|since|by|until|throughout|for|early|late|mid-)?\\s*${MONTH_RE}\\b`, "g"),
    can: (c) => c.capitalMonth,
    resolve: (m, ref, ctx) => {
      const anchor = ctx.anchor ?? ref;
      if (!anchor) return null;
      const lm = latestMonth(monthIndex(m[1] as string), anchor, false);
      return lm ? monthPeriod(lm.year, lm.month) : null;
    },
  },
  // the 1980s
  {
    re: /\b(?:the\s+)?((?:19|20)\d)0s\b/g,
    can: (c) => c.year,
    resolve: (m) => yearsPeriod(Number(m[1]) * 10, Number(m[1]) * 10 + 9),
  },
  // a bare year: in 1988, the 1988 massacre. The year of publication is still running: a figure
  // for it is a figure to date, ending when the document was published.
  {
    re: new RegExp(`(?<![\\d,.$])\\b${YEAR_RE}\\b(?![\\d,.]\\d)`, "g"),
    can: (c) => c.year,
    resolve: (m, ref) => {
      const y = Number(m[1]);
      return ref && ref.year === y && ref.month !== null ? { start: iso(y, 1, 1), end: refEnd(ref) } : yearsPeriod(y);
    },
  },
];

const MONTH_ANY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i;
const MONTH_CAPITAL = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const RELATIVE_ANY = /\b(?:last|this|past|previous|since|so far|first|second|third|fourth|quarter|half|current|earlier|weekend|monthly|annual|yearly|Q[1-4])\b/i;

const REPORTING_BEFORE =
  /\b(?:said|says|stated|announced|reported|report|reports|released|published|publish|statement|told|confirmed|declared|wrote|tweeted|posted|issued|letter|interview|press conference|briefing|speech|communiqu[eé])\b[^.;]{0,100}$/i;

/** A year that names an event ("executed in connection with the 2022 protests") rather than dating the claim. */
const REFERENCE_BEFORE = /\b(?:(?:that|which|who) (?:began|started|erupted|broke out)\s+(?:in|on|during|last)?\s*|in connection with|related to|linked to|over (?:their|his|her) (?:role|part|participation) in|for (?:their |his |her )?(?:role|part|participation) in|for taking part in|accused of [a-z ]{0,30}in|charged over)\s+(?:the\s+)?$/i;
/**
 * A date inside a clause about another event: "violence that followed the coup in July 2013",
 * "arrested after the election of June 2009". It dates that event, not the figure.
 */
const REFERENCE_CLAUSE = /\b(?:(?:that|which|who)\s+(?:had\s+)?(?:followed|preceded|sparked|triggered|swept|rocked|shook|gripped|ousted|overthrew|toppled|led to)\b[^.;]{0,60}?|(?:after|following)\s+the\s+(?:[a-z]+\s+){0,2}(?:coup|overthrow|ouster|election|elections|revolution|war|invasion)\s+)(?:in|on|during|of)\s+(?:the\s+)?$/i;
/** The words REFERENCE_BEFORE and REFERENCE_CLAUSE can end on (before spaces); "accused of … in" may end a longer word ("main"). */
const REFERENCE_LAST_WORDS = new Set(["in", "on", "during", "last", "began", "started", "erupted", "out", "with", "to", "over", "the", "of"]);
const mayBeReference = (before: string) => {
  const w = lastWord(before);
  return REFERENCE_LAST_WORDS.has(w) || w.endsWith("in");
};

/** The word (ASCII letters, lower-cased) that a text ends on, before any spaces; "" when none. */
function lastWord(text: string): string {
  let e = text.length;
  while (e > 0 && /\s/.test(text[e - 1] as string)) e--;
  let b = e;
  while (b > 0 && /[A-Za-z]/.test(text[b - 1] as string)) b--;
  return text.slice(b, e).toLowerCase();
}
const REPORT_THAT_AFTER = /^,?\s*[^.;"\d]{0,90}?\b(?:said|reported|announced|stated|told|warned|noted|confirmed|estimated|found|wrote|acknowledged|revealed|disclosed|admitted)\b[^.;\d]{0,40}?\bthat\b/;
/** Times relative to the day of writing that can open a sentence as the time of a saying. */
const RECENT_OPENER = /^\s*(?:earlier\s+this\s+(?:week|month)|this\s+week|last\s+week|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today)\b/i;
/** ", the group said", ", Amnesty reported": a speaker and a reporting verb right after. */
const SPEAKER_AFTER = /^,?\s*(?:the\s+)?(?:[A-Z][\w.'-]*\s+|[a-z-]+\s+){0,6}?(?:said|says|reported|announced|stated|told|warned|estimated|wrote|revealed|confirmed)\b/;
const WHEN_FIGURE = /^,?\s+when\s+(?:only\s+|just\s+|at least\s+|some\s+|more than\s+|about\s+|nearly\s+|around\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)/i;
const REPORTED_BEFORE = /\b(?:said|announced|reported|stated|warned|noted|revealed|confirmed|told [^,.;"]{1,30}?)\s+$/i;
const SUPERLATIVE_BEFORE = /\b(?:highest|lowest|most|fewest|largest|biggest|greatest|smallest|worst|deadliest|bloodiest|record|first time|unprecedented|not seen)\b[^.;]{0,40}?$/i;
const SINCE_BEFORE = /\bsince\s+(?:the\s+)?$/i;
const SINCE_BEGAN = /\bsince\s+(?:the\s+)?(?:[\w'" -]{2,40}?\s+(?:began|started|erupted|broke out|first broke out|started in|began in|took power|took over|took control|came to power|seized power|returned to power|took office|was elected|was arrested|was killed)\s+(?:in\s+|on\s+)?|(?:[\w'-]+\s+){0,3}?(?:coup|election|elections|war|invasion|takeover|uprising|revolution|protests?|crackdown|unrest|conflict|offensive|ceasefire|truce)\s+(?:in|of|on)\s+(?:the\s+)?)$/i;

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * The day a weekday phrase names, seen from the publication day: "on Thursday" is the latest
 * Thursday on or before it, "last Thursday" the latest before it, "Thursday last week" the
 * Thursday of the previous (ISO) week; "yesterday", "today" as said.
 */
function resolveWeekday(m: RegExpExecArray, pub: Date): string | null {
  const text = m[0].toLowerCase();
  const iso = (d: Date) => format(d, "yyyy-MM-dd");
  if (text.includes("yesterday") || /previous day|day before/.test(text)) return iso(subDays(pub, 1));
  if (text.includes("today")) return iso(pub);
  const dow = WEEKDAYS.indexOf((m[1] ?? "").toLowerCase());
  if (dow < 0) return null;
  if (text.includes("last week")) return iso(shiftDays(addWeeks(startOfISOWeek(pub), -1), (dow + 6) % 7));
  if (/\blast\s/.test(text)) return iso(previousDay(pub, dow as Day));
  return iso(pub.getDay() === dow ? pub : previousDay(pub, dow as Day));
}

const DATE_AFTER = new RegExp(`^,?\\s*(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+\\d{1,2}\\b)`);
const WEEKDAY_RE = /\b(?:on\s+)?(?:(?:last|this|next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:last|this)\s+week)?\b|\byesterday\b|\btoday\b|\bthe (?:previous|day before) day\b/g;

/** True when a (lower-case) month name at this position is a verb or name rather than a month. */
function notAMonth(s: string, start: number, word: string): boolean {
  if (word === "May" || word === "March") {
    const after = s.slice(start + word.length, start + word.length + 12);
    // "12 March", "in March", "March 2024", "March, …": a month; "troops march", "may be": not.
    // "(March)": a month in brackets.
    if (!/^\s+(?:\d|of\b|this\b|last\b|alone\b|and\b|to\b)|^[,.;)]/.test(after) && !/(?:\b(?:in|of|since|during|until|by|early|late|last|this|mid-)|\b\d{1,2}(?:st|nd|rd|th)?)\s*$/i.test(s.slice(Math.max(0, start - 10), start))) return true;
  }
  return false;
}

// The reference date of the last publication date seen: every sentence of a document has the
// same one. RefDates are never modified, so sharing one is safe.
let lastPublished: string | null = null;
let lastRef: RefDate | null = null;
function refOf(published: string | null): RefDate | null {
  if (published !== lastPublished) {
    lastRef = parseRef(published);
    lastPublished = published;
  }
  return lastRef;
}

/** Finds and resolves the time expressions of one sentence against the publication date. */
export function findTimes(sentence: string, published: string | null): TimeMention[] {
  const ref = refOf(published);
  const taken: [number, number][] = [];
  const found: { m: RegExpExecArray; rule: Rule; start: number; end: number }[] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
  const hasYear = /(?:19|20)\d\d/.test(sentence);
  const hasMonth = MONTH_ANY.test(sentence);
  const hasRelative = RELATIVE_ANY.test(sentence);
  const solar = solarTimes(sentence, published);
  if (!hasYear && !hasMonth && !hasRelative && solar.length === 0 && !/day\b/i.test(sentence)) return [];
  const cues: Cues = { words: cueBits(sentence.toLowerCase()), year: hasYear, month: hasMonth, capitalMonth: hasMonth && MONTH_CAPITAL.test(sentence), digit: /\d/.test(sentence) };
  for (const rule of RULES) {
    if (!rule.can(cues)) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(sentence)) !== null) {
      let start = m.index;
      const text = m[0];
      const lead = /^\s+/.exec(text);
      if (lead) start += lead[0].length;
      const end = m.index + text.length;
      if (end <= start) {
        rule.re.lastIndex = m.index + 1;
        continue;
      }
      const monthWord = /(January|February|March|April|May|June|July|August|September|October|November|December)/.exec(text);
      if (monthWord && notAMonth(sentence, m.index + monthWord.index, monthWord[0])) continue;
      if (overlaps(start, end)) continue;
      taken.push([start, end]);
      found.push({ m, rule, start, end });
    }
  }
  for (const st of solar) {
    if (overlaps(st.start, st.end)) continue;
    const m = Object.assign([sentence.slice(st.start, st.end)], { index: st.start, input: sentence }) as unknown as RegExpExecArray;
    taken.push([st.start, st.end]);
    found.push({ m, start: st.start, end: st.end, rule: { re: /$^/, can: () => true, resolve: () => st.period } });
  }
  // Weekdays and "yesterday" need a day-level reference.
  // Every alternative of WEEKDAY_RE ends in "day".
  if (ref && ref.day !== null && ref.month !== null && sentence.includes("day")) {
    WEEKDAY_RE.lastIndex = 0;
    let w: RegExpExecArray | null;
    while ((w = WEEKDAY_RE.exec(sentence)) !== null) {
      if (overlaps(w.index, w.index + w[0].length)) continue;
      // "Saturday, August 3": the date says which Saturday.
      if (DATE_AFTER.test(sentence.slice(w.index + w[0].length, w.index + w[0].length + 24))) continue;
      const day = resolveWeekday(w, new Date(ref.year, ref.month - 1, ref.day));
      if (!day) continue;
      taken.push([w.index, w.index + w[0].length]);
      found.push({
        m: w, start: w.index, end: w.index + w[0].length,
        rule: { re: WEEKDAY_RE, can: () => true, resolve: () => ({ start: day, end: day }) },
      });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // The first explicit day-level date anchors bare months ("on December 23, 2019 … November").
  let anchor: RefDate | null = null;
  for (const f of found) {
    const d = f.rule.explicitDay?.(f.m);
    if (d) {
      anchor = parseRef(d);
      break;
    }
  }
  if (found.length === 0) return [];
  const maySince = (cues.words & SINCE_BIT) !== 0; // SINCE_BEGAN and SINCE_BEFORE need "since".
  let statementRef: RefDate | null = null;
  let statementEnd = -1;
  const out: TimeMention[] = found.map((f) => {
    // A span counted back from a statement ("said on 3 August that … over the past seven
    // months") counts from the statement's day, not from the publication.
    const reference = statementRef && f.start > statementEnd ? statementRef : ref;
    let period = f.rule.resolve(f.m, reference, { anchor });
    const explicitDay = f.rule.explicitDay?.(f.m) ?? null;
    const dayLevel = period !== null && period.start === period.end;
    const before = sentence.slice(Math.max(0, f.start - 120), f.start);
    // A date after "said … " is the saying's, unless an event verb stands between ("said 75 were killed on …").
    const reporting = dayLevel ? REPORTING_BEFORE.exec(before) : null; // only a day-level date can be a report's
    const eventBetween = reporting !== null && /\b(?:killed|executed|hanged|arrested|detained|died|shot|injured|wounded|sentenced|put to death|disappeared|tortured|flogged)\b/i.test(reporting[0]);
    let role: TimeMention["role"] = dayLevel && reporting && !eventBetween ? "report" : "event";
    if (mayBeReference(before) && (REFERENCE_BEFORE.test(before) || REFERENCE_CLAUSE.test(before))) role = "reference";
    // "the highest number since 2015": the year a record is measured from, not the figure's period.
    // "… since 2015, when 1,634 were recorded": that year is the when-clause's own period.
    // "… a rise on 2021, when 579 were recorded": a time that opens a when-clause with a figure is that figure's.
    const whenNext = WHEN_FIGURE.test(sentence.slice(f.end, f.end + 40));
    const sinceWhen = whenNext && maySince ? /^\s*since\s+((?:19|20)\d\d)\s*$/i.exec(f.m[0]) : null;
    if (sinceWhen) return { start: f.start, end: f.end, period: yearsPeriod(Number(sinceWhen[1])), role: "event" as const, explicitDay, forNext: true };
    if (whenNext && period) return { start: f.start, end: f.end, period, role: "event" as const, explicitDay, forNext: true };
    if (maySince && SUPERLATIVE_BEFORE.test(before) && (/^\s*since\b/i.test(f.m[0]) || /\bsince\s+(?:the\s+)?$/i.test(before))) role = "reference";
    // "The mission said last month that it had documented …": when it was said.
    // Only when the report names the events' own time after it; else the month of the saying is the best date they have.
    if (role === "event" && REPORTED_BEFORE.test(before) && /^\s+that\b/.test(sentence.slice(f.end, f.end + 6)) && found.some((g) => g.start > f.end)) role = "report";
    // "In June 2020, the committee said that 230 …": the date of the saying.
    if (f.start < 15 && REPORT_THAT_AFTER.test(sentence.slice(f.end, f.end + 160))) role = "report";
    // "Earlier this month, the monitor said over 1,000 …": a recent time that opens a sentence and
    // is followed by its speaker is when it was said (an explicit month or year stays the event's).
    if (f.start < 15 && RECENT_OPENER.test(f.m[0]) && SPEAKER_AFTER.test(sentence.slice(f.end, f.end + 120))) role = "report";
    // "since the protests began last September": from then until publication.
    const since = maySince ? (SINCE_BEGAN.exec(before) ?? SINCE_BEFORE.exec(before)) : null;
    if (since && period && reference) period = { start: period.start, end: refEnd(reference) };
    if (role === "report" && period && !statementRef) {
      // A month's saying counts back from the month's end.
      statementRef = parseRef(dayLevel ? period.start : period.end);
      statementEnd = f.end;
    }
    return { start: since ? f.start - (before.length - since.index) : f.start, end: f.end, period, role, explicitDay };
  });
  // "the total for the month": the month or year of the time named before it.
  found.forEach((f, k) => {
    if (!f.rule.within) return;
    const base = out.slice(0, k).reverse().find((t) => t.period !== null && t.role === "event");
    if (!base?.period) return;
    const [y, mo] = base.period.start.split("-").map(Number) as [number, number];
    const unit = /year|annual/i.test(f.m[0]) ? "year" : "month";
    const whole = unit === "year" ? yearsPeriod(y) : monthPeriod(y, mo);
    // Only when the time before lies inside one such month or year.
    if (base.period.end <= whole.end) (out[k] as TimeMention).period = whole;
  });
  // "the same period last year": the period named before it, in that year; a comparison's period.
  found.forEach((f, k) => {
    if (!f.rule.sameAs) return;
    const base = out.slice(0, k).reverse().find((t) => t.period !== null && t.role === "event");
    const to = base?.period ? f.rule.sameAs(f.m, Number(base.period.start.slice(0, 4))) : null;
    const mine = out[k] as TimeMention;
    if (base?.period && to !== null) mine.period = moveToYear(base.period, to - Number(base.period.start.slice(0, 4)));
  });
  return out;
}
