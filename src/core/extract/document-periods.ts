// Periods a document states for itself: the one its title names ("Monthly Report December
// 2024"), or, in a monitor's report, the one its opening states ("during July 2023"). Figures
// without a time of their own take it, and "this month" in such a report means the report's month.
import type { Period, PeriodOrigin } from "../types.js";
import type { Sentence } from "../text/segment.js";
import type { DocumentShape } from "./document.js";
import { monthPeriod } from "./dates.js";
import { monthIndex, MONTH_RE } from "./period-rule.js";
import { findTimes, type TimeMention } from "./periods.js";
import { before } from "./period-rules-spans.js";

/** The document's own period and where it was stated. */
export interface DocumentPeriod {
  period: Period;
  from: PeriodOrigin;
  /** "month" when the period is one calendar month, "year" for one calendar year. */
  unit: "month" | "year" | "other";
}

const DAY = 86_400_000;
const days = (p: Period) => (Date.parse(p.end) - Date.parse(p.start)) / DAY + 1;

function unitOf(p: Period): DocumentPeriod["unit"] {
  const [sy, sm, sd] = p.start.split("-");
  const [ey, em] = p.end.split("-");
  if (sd !== "01") return "other";
  if (sy === ey && sm === "01" && p.end.endsWith("-12-31")) return "year";
  if (sy === ey && sm === em && days(p) >= 28) return "month";
  return "other";
}

/** The one period of at least a month among a sentence's event times, or null (none, or several). */
function onePeriod(times: TimeMention[]): Period | null {
  const long = times.filter((t) => t.role === "event" && t.period && days(t.period) >= 28).map((t) => t.period as Period);
  const distinct = new Map(long.map((p) => [`${p.start}/${p.end}`, p]));
  return distinct.size === 1 ? ([...distinct.values()][0] as Period) : null;
}

/** The period a heading names, when it names exactly one. */
export function periodFromHeading(heading: string, published: string | null): Period | null {
  return onePeriod(findTimes(heading, published));
}

/**
 * The document's own period: the title's, else (in a report) the first period of a month or
 * more stated in its opening paragraphs.
 */
export function documentPeriod(text: string, sentences: Sentence[], shape: DocumentShape, published: string | null): DocumentPeriod | null {
  const make = (period: Period, from: PeriodOrigin): DocumentPeriod => ({ period, from, unit: unitOf(period) });
  if (shape.title >= 0) {
    const t = sentences[shape.title] as Sentence;
    const p = onePeriod(findTimes(text.slice(t.start, t.end), published));
    if (p) return make(p, "title");
  }
  if (shape.kind !== "report") return null;
  // The opening: the first two paragraphs of prose (date lines and bylines skipped).
  let prose = 0;
  let paragraph = -1;
  for (let i = 0; i < sentences.length && prose <= 2; i++) {
    const s = sentences[i] as Sentence;
    if (i === shape.title || shape.isHeading[i]) continue;
    const sentence = text.slice(s.start, s.end);
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      if (/(?:\p{L}+\P{L}+){6}/u.test(sentence)) prose++;
      if (prose > 2) break;
    }
    if (prose === 0) continue;
    const times = findTimes(sentence, published).filter((tm) => tm.role === "event" && tm.period && days(tm.period) >= 28);
    const first = times[0];
    if (first?.period) return make(first.period, "title");
  }
  return null;
}

const THIS_MONTH = /^(?:(?:during|in|for|over)\s+)?(?:this|the current)\s+month$/i;
const THIS_YEAR = /^(?:(?:during|in|for|over)\s+)?(?:this|the current)\s+year$/i;
const PAST_MONTH = /^(?:(?:during|in|for|over|within)\s+)?(?:the\s+)?(?:past|last|previous)\s+month$/i;
const PAST_YEAR = /^(?:(?:during|in|for|over|within)\s+)?(?:the\s+)?(?:past|last|previous)\s+year$/i;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;
const spanDays = (p: Period) => dayNumber(p.end) - dayNumber(p.start) + 1;
const overlapDays = (a: Period, b: Period) => Math.max(0, Math.min(dayNumber(a.end), dayNumber(b.end)) - Math.max(dayNumber(a.start), dayNumber(b.start)) + 1);

/**
 * In a document that states its own month (or year), "this month" ("this year") is that month,
 * not the month of publication: monthly reports come out after the month they cover.
 */
export function reportRelative(sentence: string, times: TimeMention[], doc: DocumentPeriod | null, report = doc !== null): TimeMention[] {
  // "27 prisoners executed in just four days": in a periodic report a span is a while within the
  // period it covers, not the days before it came out; outside that period it dates nothing.
  if (report && times.some((t) => t.fromWriting)) {
    times = times.flatMap((t) => {
      if (!t.fromWriting || !t.period) return [t];
      if (doc && doc.unit !== "other" && !(doc.period.start <= t.period.start && t.period.end <= doc.period.end)) return [{ ...t, period: doc.period, fromWriting: false }];
      return doc && doc.unit !== "other" ? [t] : [];
    });
  }
  if (!doc || doc.unit === "other") return times;
  const re = doc.unit === "month" ? THIS_MONTH : THIS_YEAR;
  const past = doc.unit === "month" ? PAST_MONTH : PAST_YEAR;
  return times.map((t) => {
    const said = sentence.slice(t.start, t.end).trim();
    if (re.test(said)) return { ...t, period: doc.period };
    // "During the past month" in the report for March published on 3 April: the report's month.
    if (t.period && past.test(said) && overlapDays(t.period, doc.period) * 2 >= spanDays(doc.period)) return { ...t, period: doc.period };
    return t;
  });
}

const BARE_MONTH = new RegExp(`^(?:(?:in|during|throughout|for|early|late|mid-)\\s*)?${MONTH_RE}$`, "i");

/** The year a time names as a whole ("in 2022", "last year"), or null. */
function wholeYear(t: TimeMention): number | null {
  const p = t.period;
  if (!p || t.role !== "event") return null;
  const y = p.start.slice(0, 4);
  return p.start === `${y}-01-01` && p.end === `${y}-12-31` ? Number(y) : null;
}

/**
 * A month named without its year ("In March, 81 were hanged in a single day") is its latest
 * occurrence, unless the sentence before it, or an earlier sentence of its paragraph, speaks of an
 * earlier year as a whole: in an article of March 2023 about 2022, "in March" is March 2022.
 * `earlier` gives the times of the paragraph's earlier sentences, nearest first.
 */
export function monthsInNamedYear(sentence: string, times: TimeMention[], earlier: () => Iterable<readonly TimeMention[]>): TimeMention[] {
  const bare = (t: TimeMention) => t.period !== null && t.role === "event" && BARE_MONTH.test(sentence.slice(t.start, t.end).trim());
  if (!times.some(bare)) return times;
  let paragraphYear: number | null | undefined;
  const named = (t: TimeMention): number | null => {
    for (let i = times.indexOf(t) - 1; i >= 0; i--) {
      const y = wholeYear(times[i] as TimeMention);
      if (y !== null) return y;
    }
    if (paragraphYear === undefined) {
      paragraphYear = null;
      for (const earlierTimes of earlier()) {
        const years = earlierTimes.map(wholeYear).filter((y): y is number => y !== null);
        if (years.length > 0) {
          paragraphYear = years[years.length - 1] as number;
          break;
        }
      }
    }
    return paragraphYear;
  };
  return times.map((t) => {
    if (!bare(t) || !t.period) return t;
    const y = named(t);
    if (y === null || y >= Number(t.period.start.slice(0, 4))) return t;
    const month = monthIndex(BARE_MONTH.exec(sentence.slice(t.start, t.end).trim())?.[1] ?? "");
    if (month < 1) return t;
    return { ...t, period: monthPeriod(y, month) };
  });
}

const WEEK_BEFORE = /^(?:(?:in|during|over)\s+)?(?:the\s+week\s+before|a\s+week\s+(?:earlier|before)|the\s+(?:previous|preceding|prior)\s+week)$/i;
const DAY_BEFORE = /^(?:on\s+)?(?:the\s+day\s+before|a\s+day\s+(?:earlier|before)|the\s+(?:previous|preceding|prior)\s+day)$/i;

/**
 * "On 3 May, 4 were hanged. A week earlier, 6 others …", "The day before, …": with no day named
 * before it in its own sentence, "the week (day) before" counts back from the last day an earlier
 * sentence of the paragraph names (`earlier` as for monthsInNamedYear), not from the publication.
 */
export function weekBeforeInParagraph(sentence: string, times: TimeMention[], earlier: () => Iterable<readonly TimeMention[]>): TimeMention[] {
  const said = (t: TimeMention) => sentence.slice(t.start, t.end).trim();
  const at = times.findIndex((t) => t.period !== null && t.role === "event" && (WEEK_BEFORE.test(said(t)) || DAY_BEFORE.test(said(t))));
  if (at < 0) return times;
  const unit = WEEK_BEFORE.test(said(times[at] as TimeMention)) ? "week" : "day";
  // A day named before it in the sentence already set it (findTimes).
  if (times.slice(0, at).some((t) => t.period !== null && t.role === "event" && t.period.start === t.period.end)) return times;
  for (const earlierTimes of earlier()) {
    const day = [...earlierTimes].reverse().find((t) => t.period !== null && t.role === "event" && t.period.start === t.period.end);
    if (day?.period) return times.map((t, k) => (k === at ? { ...t, period: before(unit, day.period?.start as string) } : t));
  }
  return times;
}
