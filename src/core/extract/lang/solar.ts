// Solar Hijri (Jalali) dates as Gregorian intervals, computed with jalaali-js (never a fixed table:
// the Solar months straddle Gregorian ones and the leap years follow the astronomical rule).
import * as jalaali from "jalaali-js";
import type { Period } from "../../types.js";

/** Solar month names in Latin letters, for labels ("Aban 1403"). */
export const SOLAR_MONTHS_LATIN = [
  "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
  "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
] as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** Conversions already made: the same months and publication days come back sentence after sentence. */
const days = new Map<number, string>();
const solarOf = new Map<string, { jy: number; jm: number; jd: number }>();
/** Entries kept before a memo starts afresh (bounds its memory). */
const MEMO_ENTRIES = 20_000;

/** The ISO date of a Solar Hijri day. */
export function solarDay(jy: number, jm: number, jd: number): string {
  // One number per day (month below 16, day below 32), so no two days share a key.
  const key = Number.isInteger(jy) && Number.isInteger(jm) && Number.isInteger(jd) && jm >= 0 && jm < 16 && jd >= 0 && jd < 32 ? (jy * 16 + jm) * 32 + jd : null;
  let iso = key === null ? undefined : days.get(key);
  if (iso === undefined) {
    const g = jalaali.toGregorian(jy, jm, jd);
    iso = `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
    if (key !== null) {
      if (days.size >= MEMO_ENTRIES) days.clear();
      days.set(key, iso);
    }
  }
  return iso;
}

/** Whether a Solar date exists (Esfand 30 only in leap years). */
export function validSolarDay(jy: number, jm: number, jd: number): boolean {
  return jy >= 1 && jy <= 3177 && jalaali.isValidJalaaliDate(jy, jm, jd);
}

/** A Solar month (1–12) as the Gregorian interval of its days. */
export function solarMonth(jy: number, jm: number): Period {
  return { start: solarDay(jy, jm, 1), end: solarDay(jy, jm, jalaali.jalaaliMonthLength(jy, jm)) };
}

/** A Solar year as the Gregorian interval from 1 Farvardin to the last day of Esfand. */
export function solarYear(jy: number): Period {
  return { start: solarDay(jy, 1, 1), end: solarDay(jy, 12, jalaali.jalaaliMonthLength(jy, 12)) };
}

/** The Solar year, month and day of an ISO date (YYYY-MM-DD). */
export function toSolar(iso: string): { jy: number; jm: number; jd: number } {
  let j = solarOf.get(iso);
  if (!j) {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    j = jalaali.toJalaali(y, m, d);
    if (solarOf.size >= MEMO_ENTRIES) solarOf.clear();
    solarOf.set(iso, j);
  }
  return { jy: j.jy, jm: j.jm, jd: j.jd };
}

/** "Aban 1403", "Aban", "1400" or "3–7 Mehr 1400": a Solar label in Latin letters. */
export function solarLabel(jy: number | null, jm: number | null, days?: [number, number]): string {
  const month = jm ? SOLAR_MONTHS_LATIN[jm - 1] : null;
  const d = days ? (days[0] === days[1] ? `${days[0]} ` : `${days[0]}–${days[1]} `) : "";
  return [month ? d + month : null, jy].filter((x) => x !== null).join(" ");
}

/** Months `from`–`to` (1–12) of a Solar year, e.g. its first half (Farvardin–Shahrivar). */
export function solarMonths(jy: number, from: number, to: number): Period {
  return { start: solarMonth(jy, from).start, end: solarMonth(jy, to).end };
}
