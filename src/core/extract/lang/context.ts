// The packs' pipeline, its context stage: periods a figure takes from other sentences, days named
// relative to the day of writing, "the same period last year", and voices the registry does not
// know or that are only spoken to.
import type { Claim, EventType } from "../../types.js";
import { addDays, latestWeekday, latestWeekend, monthPeriod, moveYears, previousWeek, type Publication } from "./calendar.js";
import type { LanguagePack, TimeHit } from "./pack.js";
import { isFree, matchesOf, rx, testOf } from "./patterns.js";
import { findPackPlaces } from "./places.js";
import type { PackSentence } from "./sentences.js";
import type { VoiceHit } from "./voices.js";

/** A claim while the document is read, with the index of its sentence. */
export interface Draft extends Claim {
  sentence: number;
}

/**
 * Periods from context for figures whose sentence names none: the period of the same figure
 * stated earlier ("of the 45 victims"), the last time named in an earlier sentence (a single day
 * from further back than the sentence before stands for its month: a later total rarely
 * counts one day), else the first time named in one of the next two sentences (a standfirst
 * whose date comes in the next paragraph).
 */
export function resolveContext(drafts: Draft[], sentences: PackSentence[], timesOf: (k: number) => TimeHit[], values: Map<number, Set<number>>): void {
  for (const d of drafts) {
    if (d.period) continue;
    // The same figure for the same event stated elsewhere (before first; a headline's figure is dated in the body).
    const sameFigure = (o: Draft) => o !== d && o.period !== null && o.sentence !== d.sentence && values.get(d.sentence)?.has(o.count) === true && o.event === d.event;
    const same = drafts.find((o) => sameFigure(o) && o.sentence < d.sentence) ?? drafts.find((o) => sameFigure(o) && o.sentence > d.sentence && o.periodFrom === "sentence");
    if (same?.period) {
      d.period = same.period;
      if (same.periodLabel) d.periodLabel = same.periodLabel;
      d.periodFrom = "paragraph";
      continue;
    }
    let found: { t: TimeHit; k: number } | null = null;
    for (let k = d.sentence - 1; k >= 0 && !found; k--) {
      const ts = timesOf(k);
      const last = [...ts].sort((a, b) => a.start - b.start).pop();
      if (last) found = { t: last, k };
    }
    // A headline or standfirst may be dated only in the paragraph after it.
    if (!found && (sentences[d.sentence] as PackSentence).paragraph <= 1) {
      for (let k = d.sentence + 1; k <= d.sentence + 2 && k < sentences.length && !found; k++) {
        const first = [...timesOf(k)].sort((a, b) => a.start - b.start)[0];
        if (first) found = { t: first, k };
      }
    }
    if (!found) continue;
    let period = found.t.period;
    if (period.start === period.end && found.k < d.sentence - 1) {
      const [y, m] = period.start.split("-").map(Number) as [number, number];
      period = monthPeriod(y, m);
    }
    d.period = period;
    if (found.t.label && period === found.t.period) d.periodLabel = found.t.label;
    const a = sentences[found.k] as PackSentence;
    const b = sentences[d.sentence] as PackSentence;
    d.periodFrom = a.paragraph === 0 ? "title" : a.paragraph === b.paragraph ? "paragraph" : "paragraph";
  }
}

/** Weekdays ("mardi", "يوم السبت", "پنجشنبه گذشته") and "last week", where no other time expression stands. */
export function recentDays(s: string, rules: NonNullable<LanguagePack["recentDays"]>, pub: Publication, found: readonly TimeHit[]): TimeHit[] {
  const out: TimeHit[] = [];
  const free = (a: number, b: number) => isFree(found, a, b) && isFree(out, a, b);
  for (const m of matchesOf(rules.lastWeek, s)) {
    const period = previousWeek(pub, rules.weekStartsOn);
    if (period && free(m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, period });
  }
  for (const m of rules.weekend ? matchesOf(rules.weekend, s) : []) {
    const period = latestWeekend(pub, m.groups?.["last"] !== undefined);
    if (period && free(m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, period });
  }
  for (const m of matchesOf(rules.weekdays, s)) {
    const end = m.index + m[0].length;
    if ((rules.reportBefore && testOf(rules.reportBefore, s.slice(Math.max(0, m.index - 40), m.index))) || (rules.reportAfter && testOf(rules.reportAfter, s.slice(end, end + 40)))) continue;
    const day = Object.entries(m.groups ?? {}).find(([k, v]) => v !== undefined && /^[a-z]\d$/u.test(k))?.[0];
    let period = day ? latestWeekday(Number(day.slice(1)), pub) : null;
    // "samedi dernier", "شنبه گذشته" written on a Saturday: the Saturday before, not the day of writing.
    if (period && m.groups?.["past"] !== undefined && period.start === pub.end) period = { start: addDays(pub.end, -7), end: addDays(pub.end, -7) };
    // "depuis mardi", "منذ يوم الثلاثاء": from that day to the day of writing.
    if (period && rules.since && testOf(rules.since, s.slice(Math.max(0, m.index - 20), m.index))) period = { start: period.start, end: pub.end };
    if (period && free(m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, period });
  }
  return out;
}

/** Whether a named source is the one spoken to ("told AFP"), not the voice. */
export function spokenTo(s: string, v: VoiceHit, rule: LanguagePack["recipient"]): boolean {
  if (!rule || !testOf(rule.before, s.slice(Math.max(0, v.start - 60), v.start))) return false;
  return !rule.after || testOf(rule.after, s.slice(v.end, v.end + 30));
}

/** Sources the registry does not know, named after a word that credits them; never a place. */
export function namedVoices(s: string, rule: NonNullable<LanguagePack["namedVoice"]>, language: string, anaphor: RegExp): VoiceHit[] {
  const out: VoiceHit[] = [];
  for (const m of matchesOf(rule.pattern, s)) {
    const raw = m.groups?.["name"];
    if (!raw) continue;
    const cut = rule.nameEnd.exec(raw);
    const name = (cut ? raw.slice(0, cut.index) : raw).replace(/[\s,;:'’-]+$/u, "");
    if (name.length < 3 || findPackPlaces(name, language).some((p) => p.start === 0 && p.end >= name.length - 1)) continue;
    const start = (m.index ?? 0) + m[0].indexOf(raw);
    // "d'après l'ONG": a word pointing back to the source last named, not a name.
    const pointsBack = anaphor.exec(s.slice(Math.max(0, start - 3), start + name.length + 1));
    if (pointsBack && pointsBack[0].length >= name.length) continue;
    out.push({ start, end: start + name.length, name });
  }
  return out;
}

/** "the same period last year": the time named before it moved to that year, in place of the times inside the phrase. */
export function samePeriods(s: string, re: RegExp, times: TimeHit[]): TimeHit[] {
  let out = times;
  for (const m of matchesOf(re, s)) {
    const start = m.index;
    const end = start + m[0].length;
    const base = out.filter((h) => h.end <= start).sort((a, b) => a.end - b.end).pop();
    if (!base) continue;
    const from = Number(base.period.start.slice(0, 4));
    const y = m.groups?.["y"];
    const to = y ? (Number(y) < 1700 ? Number(y) + 621 : Number(y)) : from - 1;
    out = out.filter((h) => h.end <= start || h.start >= end);
    out.push({ start, end, period: moveYears(base.period, to - from), year: to });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A title that names a report ("Rapport mensuel", "Bilan", "گزارش ماهانه", "التقرير الشهري"), not a news item's first line. */
const REPORT_TITLE = rx(`rapport|bilan|mensuel|statistiques|chiffres|report|monthly|گزارش|آمار|ماهانه|تقرير|حصيلة|احصا|شهري`, "iu");

/** True when the first line of a document is a periodic report's title: "this month" in its body is the report's month. */
export function reportTitle(first: string): boolean {
  return REPORT_TITLE.test(first);
}

/**
 * A monthly report's title names the month it covers ("Rapport mensuel : mai 2024", "گزارش ماهانه
 * اسفند ۱۴۰۲", "التقرير الشهري لشهر أيار"): in its body "this month" or "since the start of the
 * month" (a time from the first days of the month of writing up to publication) is that month, the
 * report having come out after it. Only when the title's month ended less than 40 days before publication.
 */
export function reportMonth(times: TimeHit[], title: readonly TimeHit[], pub: Publication | null): TimeHit[] {
  // Only against a day of publication: a month alone ("2019-10") cannot say the report came after its month.
  if (!pub || pub.start !== pub.end || title.length !== 1) return times;
  const own = (title[0] as TimeHit).period;
  const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
  const monthLong = days(own.start, own.end) >= 27 && days(own.start, own.end) <= 31;
  if (!monthLong || own.end >= pub.end || days(own.end, pub.end) > 40) return times;
  // "this month" (starting after the title's month), or "in a month" / "the past month" mostly over it.
  const overlap = (p: { start: string; end: string }) => days(p.start > own.start ? p.start : own.start, p.end < own.end ? p.end : own.end) + 1;
  return times.map((h) => (h.period.end === pub.end && days(h.period.start, pub.end) <= 31 && (h.period.start > own.end || overlap(h.period) * 2 >= days(own.start, own.end) + 1) ? { ...h, period: own, ...(title[0]?.label ? { label: title[0].label } : {}) } : h));
}

/** A wire dateline opening a sentence: "Téhéran (AFP) -", "بيروت (رويترز) -", "تهران (ایسنا) -". */
const DATELINE = /^[^()\n]{0,40}\([^()\n]{2,40}\)\s*[-–—:]/u;

/**
 * The agency of a dateline wrote the story; when the sentence credits another source ("…, a indiqué
 * l'agence Hrana", "قالت منظمة العفو الدولية إن …"), that source is the voice, not the agency.
 */
export function withoutDateline(s: string, voices: VoiceHit[]): VoiceHit[] {
  // The engine tries the anchored pattern at every position: first the "(" it needs within 41 characters.
  const paren = s.indexOf("(");
  const m = paren >= 0 && paren <= 40 ? DATELINE.exec(s) : null;
  if (!m) return voices;
  const rest = voices.filter((v) => v.start >= m[0].length);
  return rest.length > 0 ? rest : voices;
}

/** A row of a list: "- Trafic de drogue : 12", "جرائم المخدرات: 12", "مواد مخدر: ۴۰ نفر". */
const ROW = /^[-–•*·]?\s*[^:\d\n]{2,40}\s?:\s*\d[\d\s.,]*(?:\s*\p{L}+)?\s*$/u;

/**
 * The event of the heading a list's rows stand under ("Exécutions en mars 2024" over "- Trafic de
 * drogue : 12"): rows without an event word of their own count what the heading names, when the
 * heading has one kind of event word and no figure. Walks back over the rows only.
 */
export function headingEvent(texts: readonly string[], index: number, eventOf: (s: string) => EventType | null): EventType | null {
  // A row has a colon (a cheap test before the anchored pattern, which the engine tries at every position).
  const row = (t: string) => t.includes(":") && ROW.test(t);
  if (!row(texts[index] as string)) return null;
  let j = index - 1;
  while (j >= 0 && row(texts[j] as string)) j--;
  const heading = texts[j];
  // A heading holds no figure (a year may stand in it).
  if (heading === undefined || heading.length > 80 || /\d/u.test(heading.replace(/(?<!\d)(?:19|20|13|14)\d\d(?!\d)/gu, ""))) return null;
  return eventOf(heading);
}

/** The year a time names as a whole ("en 2022", "العام الماضي"), or null. */
function wholeYear(h: TimeHit): number | null {
  const y = h.period.start.slice(0, 4);
  return h.period.start === `${y}-01-01` && h.period.end === `${y}-12-31` ? Number(y) : null;
}

/** The last year a sentence's times name as a whole, or null. */
export function lastWholeYear(times: readonly TimeHit[]): number | null {
  for (let i = times.length - 1; i >= 0; i--) {
    const y = wholeYear(times[i] as TimeHit);
    if (y !== null) return y;
  }
  return null;
}

/**
 * A month named without its year is its latest occurrence, unless the sentence (before it) or its
 * paragraph (before the sentence) speaks of an earlier year as a whole: "En 2022, 196 exécutions.
 * En mars, 81 en un jour" published in March 2023 is March 2022, not the first days of March 2023.
 */
export function bareMonthsInNamedYear(times: TimeHit[], paragraphYear: () => number | null): TimeHit[] {
  if (!times.some((h) => h.bareMonth !== undefined)) return times;
  return times.map((h) => {
    if (h.bareMonth === undefined) return h;
    const named = lastWholeYear(times.filter((x) => x.end <= h.start)) ?? paragraphYear();
    if (named === null || named >= Number(h.period.start.slice(0, 4))) return h;
    return { ...h, period: monthPeriod(named, h.bareMonth) };
  });
}

/** The last year named as a whole in the sentences of sentence k's paragraph before it. */
export function paragraphYear(sentences: readonly PackSentence[], k: number, timesOf: (j: number) => readonly TimeHit[]): number | null {
  for (let j = k - 1; j >= 0 && sentences[j]?.paragraph === sentences[k]?.paragraph; j--) {
    const y = lastWholeYear(timesOf(j));
    if (y !== null) return y;
  }
  return null;
}
