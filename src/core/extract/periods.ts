// Finds time expressions in a sentence and resolves them against the publication date:
// "in 1988", "November 2019", "last year", "in January this year", "last November",
// "since the start of 2018", "between 2005 and 2015", "in 2012/13", "last week".
// date-fns by function: its index loads some 300 modules.
import { addDays as shiftDays } from "date-fns/addDays";
import { addWeeks } from "date-fns/addWeeks";
import { previousDay } from "date-fns/previousDay";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import { subDays } from "date-fns/subDays";
/** A day of the week as date-fns numbers it (0 Sunday … 6 Saturday). */
type Day = Parameters<typeof previousDay>[1];
import type { Period } from "../types.js";
import { solarTimes } from "./periods-solar.js";
import { isAsciiLetterCode, isSpaceCode } from "./scan.js";
import { iso, isoDay, monthPeriod, parseRef, refEnd, yearsPeriod, type RefDate } from "./dates.js";
import { MONTH_RE, SINCE_BIT, cueBits, moveToYear, type Cues, type Rule } from "./period-rule.js";
import { DATE_RULES } from "./period-rules-dates.js";
import { RANGE_RULES } from "./period-rules-ranges.js";
import { SPAN_RULES, before } from "./period-rules-spans.js";

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
  /** The start of an unrest the figure belongs to, to the day of writing ("protests that began in …"). */
  began?: boolean;
  /** A span counted back from the day of writing, no day of its own ("within 48 hours"). */
  fromWriting?: boolean;
}

/** Rules in order of precedence; earlier rules win over overlapping later ones. */
const RULES: Rule[] = [...SPAN_RULES, ...RANGE_RULES, ...DATE_RULES];


const MONTH_ANY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i;
const MONTH_CAPITAL = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const RELATIVE_ANY = /\b(?:last|this|past|previous|preceding|since|so far|first|second|third|fourth|quarter|half|current|earlier|weekend|monthly|annual|yearly|to date|YTD|Q[1-4]|week before|for the (?:year|month)|the (?:year|month)['\u2019]s|hours|days|weeks?|fortnight)\b/i;

const REPORTING_BEFORE =
  /\b(?:said|says|stated|announced|reported|report|reports|released|published|publish|statement|told|confirmed|declared|wrote|tweeted|posted|issued|letter|interview|press conference|briefing|speech|communiqu[eé])\b[^.;]{0,100}$/i;

/** A year that names an event ("executed in connection with the 2022 protests") rather than dating the claim. */
const REFERENCE_BEFORE = /\b(?:(?:that|which|who) (?:began|started|erupted|broke out)\s+(?:in|on|during|last)?\s*|in connection with|related to|linked to|over (?:their|his|her) (?:role|part|participation) in|for (?:their |his |her )?(?:role|part|participation) in|for taking part in|accused of [a-z ]{0,30}in|charged over)\s*(?:the\s+)?$/i;
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
  while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && isAsciiLetterCode(text.charCodeAt(b - 1))) b--;
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
const AS_OF_BEFORE = /\b[Aa]s\s+(?:of|at)\s+$/;
const SINCE_BEFORE = /\bsince\s+(?:the\s+)?$/i;
const SINCE_BEGAN = /\bsince\s+(?:the\s+)?(?:[\w'" -]{2,40}?\s+(?:began|started|erupted|broke out|first broke out|started in|began in|took power|took over|took control|came to power|seized power|returned to power|took office|was elected|was arrested|was killed)\s+(?:in\s+|on\s+)?(?:(?:early|mid|late)[\s-]+)?|(?:[\w'-]+\s+){0,3}?(?:coup|election|elections|war|invasion|takeover|uprising|revolution|protests?|crackdown|unrest|conflict|offensive|ceasefire|truce)\s+(?:in|of|on)\s+(?:the\s+)?|(?:start|beginning|outbreak|onset|launch)\s+of\s+(?:the\s+)?[\w'" -]{2,40}?\s+(?:on|in)\s+)$/i;

/**
 * "in connection with protests that began in September 2022": the time an unrest began that the
 * figure's events belong to; it runs from then until the day of writing, when no other time dates
 * the figure ("a trend that began last year" dates nothing).
 */
const UNREST_BEGAN = /\b(?:protests?|demonstrations?|uprising|unrest|crackdown|war|conflict|revolution|movement|offensive|fighting|hostilities|violence|riots?|rebellion|insurgency|siege|occupation|strikes?)\s+(?:that|which)\s+(?:first\s+)?(?:began|started|erupted|broke\s+out)\s+(?:in|on|during|last)?\s*(?:the\s+)?$/i;

const MONTH_WORD = /(January|February|March|April|May|June|July|August|September|October|November|December)/;

/** The length of the white space (as /^\s+/ sees it) a text opens with. */
function leadingSpaces(text: string): number {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * The day a weekday phrase names, seen from the publication day: "on Thursday" is the latest
 * Thursday on or before it, "last Thursday" the latest before it, "Thursday last week" the
 * Thursday of the previous (ISO) week; "yesterday", "today" as said.
 */
function resolveWeekday(m: RegExpExecArray, pub: Date): string | null {
  const text = m[0].toLowerCase();
  const iso = isoDay;
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
    // "(March)": a month in brackets; "March\u2013June": a month before a dash and a month.
    if (!/^\s+(?:\d|of\b|this\b|last\b|alone\b|and\b|to\b)|^[,.;)]|^\s*[-\u2013\u2014]\s*[A-Z][a-z]+/.test(after) && !/(?:\b(?:in|of|since|during|until|by|early|late|last|this|mid-)|\b\d{1,2}(?:st|nd|rd|th)?)\s*$/i.test(s.slice(Math.max(0, start - 10), start))) return true;
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
  const solar = solarTimes(sentence, published);
  // The relative words are only asked for when neither a year nor a month is there.
  if (!hasYear && !hasMonth && solar.length === 0 && !RELATIVE_ANY.test(sentence) && !/day\b/i.test(sentence)) return [];
  const lower = sentence.toLowerCase();
  const cues: Cues = { words: cueBits(lower), lower, year: hasYear, month: hasMonth, capitalMonth: hasMonth && MONTH_CAPITAL.test(sentence), digit: /\d/.test(sentence) };
  for (const rule of RULES) {
    if (!rule.can(cues)) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(sentence)) !== null) {
      let start = m.index;
      const text = m[0];
      start += leadingSpaces(text);
      const end = m.index + text.length;
      if (end <= start) {
        rule.re.lastIndex = m.index + 1;
        continue;
      }
      // Only "May" and "March" can be other words (notAMonth): the first month name is looked
      // for when one of them is in the match.
      if (text.includes("Ma")) {
        const monthWord = MONTH_WORD.exec(text);
        if (monthWord && notAMonth(sentence, m.index + monthWord.index, monthWord[0])) continue;
      }
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
  // "As of 15 July, 246 executions this year": the day a running count stops. Every time of the
  // sentence is counted to it ("this year" ends on 15 July), and it is not the figure's period.
  const asOf = sentence.includes("as ") || sentence.includes("As ") ? found.find((f) => AS_OF_BEFORE.test(sentence.slice(Math.max(0, f.start - 8), f.start))) : undefined;
  const asOfPeriod = asOf ? asOf.rule.resolve(asOf.m, ref, { anchor }) : null;
  const asOfRef = asOfPeriod ? parseRef(asOfPeriod.end) : null;
  const out: TimeMention[] = found.map((f) => {
    if (f === asOf && asOfPeriod) return { start: f.start, end: f.end, period: asOfPeriod, role: "report" as const, explicitDay: f.rule.explicitDay?.(f.m) ?? null };
    // A span counted back from a statement ("said on 3 August that … over the past seven
    // months") counts from the statement's day, not from the publication.
    const reference = asOfRef ?? (statementRef && f.start > statementEnd ? statementRef : ref);
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
    // "2021 – 333; 2022 – 582": a year that labels the figure after it.
    if (period && /^\s*(?:19|20)\d\d\s*$/.test(f.m[0]) && /^\s*[-\u2013\u2014:]\s*\d/.test(sentence.slice(f.end, f.end + 6))) return { start: f.start, end: f.end, period, role: "event" as const, explicitDay, forNext: true };
    if (maySince && SUPERLATIVE_BEFORE.test(before) && (/^\s*since\b/i.test(f.m[0]) || /\bsince\s+(?:the\s+)?$/i.test(before))) role = "reference";
    // "The mission said last month that it had documented …": when it was said.
    // Only when the report names the events' own time after it; else the month of the saying is the best date they have.
    if (role === "event" && /^\s+that\b/.test(sentence.slice(f.end, f.end + 6)) && REPORTED_BEFORE.test(before) && found.some((g) => g.start > f.end)) role = "report";
    // "In June 2020, the committee said that 230 …": the date of the saying.
    if (f.start < 15 && REPORT_THAT_AFTER.test(sentence.slice(f.end, f.end + 160))) role = "report";
    // "Earlier this month, the monitor said over 1,000 …": a recent time that opens a sentence and
    // is followed by its speaker is when it was said (an explicit month or year stays the event's).
    if (f.start < 15 && RECENT_OPENER.test(f.m[0]) && SPEAKER_AFTER.test(sentence.slice(f.end, f.end + 120))) role = "report";
    // "since the protests began last September": from then until publication.
    const since = maySince ? (SINCE_BEGAN.exec(before) ?? SINCE_BEFORE.exec(before)) : null;
    if (since && period && reference) period = { start: period.start, end: refEnd(reference) };
    // "protests that began in September 2022": the same, unless another time dates the figure (below).
    if (!since && role === "reference" && period && reference && lastWord(before) !== "with" && UNREST_BEGAN.test(before)) {
      return { start: f.start, end: f.end, period: { start: period.start, end: refEnd(reference) }, role: "event" as const, explicitDay, began: true };
    }
    if (role === "report" && period && !statementRef) {
      // A month's saying counts back from the month's end.
      statementRef = parseRef(dayLevel ? period.start : period.end);
      statementEnd = f.end;
    }
    const mention: TimeMention = { start: since ? f.start - (before.length - since.index) : f.start, end: f.end, period, role, explicitDay };
    if (f.rule.backFrom && anchor === null) mention.fromWriting = true;
    return mention;
  });
  // An unrest's start dates the figure only when nothing else in the sentence does.
  if (out.some((t) => t.began) && out.some((t) => !t.began && t.role === "event" && t.period)) {
    for (const t of out) if (t.began) t.role = "reference";
  }
  // "the total for the month": the month or year of the time named before it.
  found.forEach((f, k) => {
    if (f.rule.backFrom) {
      // "On 12 May, … within 48 hours": ends on the day named before it.
      const base = out.slice(0, k).reverse().find((t) => t.period !== null && t.role === "event");
      const span = base?.period && base.period.start === base.period.end ? f.rule.backFrom(f.m, base.period.start) : null;
      if (span) Object.assign(out[k] as TimeMention, { period: span, fromWriting: false });
      return;
    }
    if (!f.rule.within) return;
    const base = out.slice(0, k).reverse().find((t) => t.period !== null && t.role === "event");
    if (!base?.period) return;
    if (f.rule.within === "week" || f.rule.within === "day") {
      // "the week before", "the day before": the week or day before a day named before it.
      if (base.period.start === base.period.end) (out[k] as TimeMention).period = before(f.rule.within, base.period.start);
      return;
    }
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
    if (!base?.period || to === null) return;
    // "So far this year, 250 …, against 834 the previous year": a year to date set against a
    // year now over means that whole year ("the same period last year" keeps the span).
    const toDate = ref !== null && base.period.start === iso(ref.year, 1, 1) && base.period.end === refEnd(ref);
    mine.period = toDate && f.rule.wholeYear ? yearsPeriod(to) : moveToYear(base.period, to - Number(base.period.start.slice(0, 4)));
  });
  return out;
}
