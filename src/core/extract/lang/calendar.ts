// Gregorian intervals and the publication date that relative expressions are resolved against.
import type { Period } from "../../types.js";

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** ISO date of a day. */
export function isoDay(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A whole Gregorian month (1–12). */
export function monthPeriod(y: number, m: number): Period {
  return { start: isoDay(y, m, 1), end: isoDay(y, m, lastDay(y, m)) };
}

/** A whole Gregorian year. */
export function yearPeriod(y: number): Period {
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** One day, or null when it does not exist (31 April). */
export function dayPeriod(y: number, m: number, d: number): Period | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  const iso = isoDay(y, m, d);
  return { start: iso, end: iso };
}

/** An ISO date shifted by whole days. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 864e5;
  return new Date(t).toISOString().slice(0, 10);
}

/** The publication date as the interval it names, or null when unknown. */
export interface Publication {
  start: string;
  end: string;
  year: number;
  month: number | null;
}

/** Reads an ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD). */
export function publication(published: string | null): Publication | null {
  const m = published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published) : null;
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo && d) return { start: isoDay(y, mo, d), end: isoDay(y, mo, d), year: y, month: mo };
  if (mo) return { ...monthPeriod(y, mo), year: y, month: mo };
  return { ...yearPeriod(y), year: y, month: null };
}

/** A period cut off at the publication date: a text reports what happened before it appeared. */
export function clipToPublication(p: Period, pub: Publication | null): Period {
  if (!pub || p.start > pub.end || p.end <= pub.end) return p;
  return { start: p.start, end: pub.end };
}

/** The latest occurrence of a Gregorian month not after publication (its year's, else the year before). */
export function recentMonth(m: number, pub: Publication): Period {
  const y = pub.month !== null && m > pub.month ? pub.year - 1 : pub.year;
  return monthPeriod(y, m);
}

/** The month before the publication month. */
export function previousMonth(pub: Publication): Period {
  const [y, m] = pub.start.split("-").map(Number) as [number, number];
  return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
}

/** Days in a period, both ends included. */
export function periodDays(p: Period): number {
  return (Date.parse(p.end) - Date.parse(p.start)) / 864e5 + 1;
}

/** Months `from`–`to` (1–12) of a Gregorian year, e.g. the first half (1–6) or the first ten months. */
export function monthsPeriod(y: number, from: number, to: number): Period {
  return { start: monthPeriod(y, from).start, end: monthPeriod(y, to).end };
}

/** Day of the week of an ISO date: 1 Monday … 7 Sunday. */
export function isoWeekday(iso: string): number {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The latest given weekday (1 Monday … 7 Sunday) on or before a publication day, or null when the day is unknown. */
export function latestWeekday(weekday: number, pub: Publication): Period | null {
  if (pub.start !== pub.end) return null;
  const back = (isoWeekday(pub.end) - weekday + 7) % 7;
  const day = addDays(pub.end, -back);
  return { start: day, end: day };
}

/** The week before the publication day's week (Monday to Sunday, or from `firstDay`), or null when the day is unknown. */
export function previousWeek(pub: Publication, firstDay = 1): Period | null {
  if (pub.start !== pub.end) return null;
  // Days since the week's first day (ISO 1 Monday … 7 Sunday; Iran's week opens on Saturday, 6).
  const into = (isoWeekday(pub.end) - firstDay + 7) % 7;
  const first = addDays(pub.end, -into - 7);
  return { start: first, end: addDays(first, 6) };
}

/**
 * The Saturday and Sunday of "the weekend" seen from a publication day: the one it falls in (up to
 * that day), else the last one; `before` asks for the one before ("last weekend" said on a Sunday).
 * Null when the day is unknown.
 */
export function latestWeekend(pub: Publication, before: boolean): Period | null {
  if (pub.start !== pub.end) return null;
  const dow = isoWeekday(pub.end); // 1 Monday … 7 Sunday
  const inWeekend = dow >= 6;
  let saturday = addDays(pub.end, inWeekend ? -(dow - 6) : -(dow + 1));
  if (before && inWeekend) saturday = addDays(saturday, -7);
  const sunday = addDays(saturday, 1);
  return { start: saturday, end: sunday > pub.end ? pub.end : sunday };
}

/** A period moved by whole years, 29 February kept in February. */
export function moveYears(p: Period, delta: number): Period {
  const move = (d: string) => {
    const [y, m, day] = d.split("-").map(Number) as [number, number, number];
    const last = new Date(Date.UTC(y + delta, m, 0)).getUTCDate();
    return isoDay(y + delta, m, Math.min(day, last));
  };
  return { start: move(p.start), end: move(p.end) };
}

/** Seasons, 0 spring … 3 winter, from equinox to solstice (the day they usually begin). */
const SEASON_STARTS = ["03-20", "06-21", "09-23", "12-21"] as const;

/** A season of a Gregorian year, equinox to solstice; winter runs from December into the next year. */
export function seasonPeriod(season: number, y: number): Period {
  const start = `${y}-${SEASON_STARTS[season] as string}`;
  const next = season === 3 ? `${y + 1}-${SEASON_STARTS[0]}` : `${y}-${SEASON_STARTS[season + 1] as string}`;
  return { start, end: addDays(next, -1) };
}

/**
 * A season named without its year, seen from publication: `this` the one under way or the latest
 * begun ("cet été"), `last` the latest that has ended before publication ("l'été dernier").
 */
export function recentSeason(season: number, pub: Publication, which: "this" | "last"): Period {
  let y = pub.year;
  let p = seasonPeriod(season, y);
  while (which === "this" ? p.start > pub.end : p.end >= pub.end) p = seasonPeriod(season, --y);
  return p;
}
