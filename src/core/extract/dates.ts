// Calendar helpers on ISO date strings: reference dates from publication prefixes, month and
// year bounds, and shifts (date-fns does the calendar arithmetic, on local calendar dates).
// date-fns by function: its index loads some 300 modules.
import { addDays as shift } from "date-fns/addDays";
import { format } from "date-fns/format";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { parseISO } from "date-fns/parseISO";
import type { Period } from "../types.js";

/** A publication date known to some precision: year, month or day. */
export interface RefDate {
  year: number;
  month: number | null;
  day: number | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Parses an ISO prefix ("2021", "2021-02", "2021-02-04", or a full timestamp), or null. */
export function parseRef(prefix: string | null | undefined): RefDate | null {
  if (!prefix) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(prefix.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  return { year, month, day };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Number of days in a month (1-12) of a year. */
export function daysIn(year: number, month: number): number {
  // The Gregorian rule for the usual years and months; date-fns (and Date's own reading of years
  // 0-99 as 1900-1999, and of months out of range) for the rest.
  if (year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && Number.isInteger(year) && Number.isInteger(month)) {
    if (month !== 2) return MONTH_DAYS[month - 1] as number;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return getDaysInMonth(new Date(year, month - 1, 1));
}

/** format(date, "yyyy-MM-dd") of date-fns: the local calendar day, without parsing the pattern for the usual years. */
export function isoDay(date: Date): string {
  const year = date.getFullYear();
  if (!(year >= 1000 && year <= 9999)) return format(date, "yyyy-MM-dd"); // an invalid date throws there, as before
  return `${year}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** ISO date for a year, month and day. */
export function iso(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The whole of a month. */
export function monthPeriod(year: number, month: number): Period {
  return { start: iso(year, month, 1), end: iso(year, month, daysIn(year, month)) };
}

/** The whole of a year, or of several years. */
export function yearsPeriod(from: number, to: number = from): Period {
  return { start: iso(from, 1, 1), end: iso(to, 12, 31) };
}

/** The last day covered by a reference date (the end of its month or year when vague). */
export function refEnd(ref: RefDate): string {
  if (ref.month === null) return iso(ref.year, 12, 31);
  if (ref.day === null) return iso(ref.year, ref.month, daysIn(ref.year, ref.month));
  return iso(ref.year, ref.month, ref.day);
}

/** Shifts an ISO date by a number of days. */
export function addDays(isoDate: string, days: number): string {
  return isoDay(shift(parseISO(isoDate), days));
}

/** The most recent given month at or before the reference (strictly before when `strict`). */
export function latestMonth(month: number, ref: RefDate, strict: boolean): { year: number; month: number } | null {
  if (ref.month === null) return null;
  const before = strict ? month < ref.month : month <= ref.month;
  return { year: before ? ref.year : ref.year - 1, month };
}

/** True when a period lies inside another. */
export function within(inner: Period, outer: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
