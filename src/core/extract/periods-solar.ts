// Solar Hijri months and years named in Latin letters in English text ("in the Iranian month of
// Aban", "Aban 1402", "the Iranian year 1401"), as Gregorian intervals (see lang/solar.ts).
import type { Period } from "../types.js";
import { solarMonth, solarYear, toSolar } from "./lang/solar.js";

/** Spellings of the twelve months; index + 1 is the month. */
const NAMES: string[][] = [
  ["farvardin"], ["ordibehesht", "ordibehesht"], ["khordad"], ["tir"], ["mordad", "amordad"], ["shahrivar", "shahrivar"],
  ["mehr"], ["aban"], ["azar"], ["dey", "dei"], ["bahman"], ["esfand", "esfand"],
];
const MONTH_OF = new Map<string, number>(NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as [string, number])));
const ANY = NAMES.flat().join("|");
/** Names that are also common words or names of other things (Mehr News Agency): only after "month of" or before a year. */
const AMBIGUOUS = new Set(["tir", "mehr", "dey", "dei"]);

/** A quick test: does the sentence name a Solar month or year at all? */
export const SOLAR_CUE = new RegExp(`\\b(?:${ANY})\\b|\\b(?:Iranian|Persian|Solar(?:\\s+Hijri)?)\\s+(?:calendar\\s+|new\\s+)?year\\b|\\bNo[wu]?r[ou]{1,2}z\\b`, "i");

/** "since Nowruz", "since the start of the Iranian year": from the current Solar year's first day to publication. */
const SINCE_NEW_YEAR = /\bsince\s+(?:the\s+)?(?:No[wu]?r[ou]{1,2}z|(?:Iranian|Persian)\s+[Nn]ew\s+[Yy]ear|(?:start|beginning)\s+of\s+the\s+(?:current\s+)?(?:Iranian|Persian|Solar(?:\s+Hijri)?)\s+(?:calendar\s+)?year)\b(?!\s+(?:on|in)\s)/gi;

const MONTH_RE = new RegExp(
  `\\b(?:(?:the\\s+)?(?:(?:Iranian|Persian|Solar(?:\\s+Hijri)?)\\s+(?:calendar\\s+)?)?(month)\\s+of\\s+)?(${ANY})(?:,?\\s+(1[34]\\d\\d)\\b)?`,
  "gi",
);
const YEAR_RE = /\b(?:the\s+)?(?:Iranian|Persian|Solar(?:\s+Hijri)?)\s+(?:calendar\s+)?year\s+(?:of\s+)?(1[34]\d\d)\b|\b(1[34]\d\d)\s+(?:SH|AP|Solar Hijri)\b/g;

export interface SolarTime {
  start: number;
  end: number;
  period: Period;
}

/**
 * Solar months and years in a sentence. A month without a year is the latest such month begun
 * by the publication day.
 */
export function solarTimes(sentence: string, published: string | null): SolarTime[] {
  if (!SOLAR_CUE.test(sentence)) return [];
  const out: SolarTime[] = [];
  const pub = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? toSolar(published) : null;
  MONTH_RE.lastIndex = 0;
  for (let m = MONTH_RE.exec(sentence); m !== null; m = MONTH_RE.exec(sentence)) {
    const name = (m[2] as string).toLowerCase();
    const month = MONTH_OF.get(name) as number;
    const capital = /^[A-Z]/.test(m[2] as string);
    // A month name alone must be capitalised; an ambiguous one needs "month of" or a year.
    if (!capital || (AMBIGUOUS.has(name) && !m[1] && !m[3])) continue;
    if (!m[1] && !m[3] && !/\b(?:in|during|of|since|throughout|early|late|mid|last|this)\s+$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    let jy = m[3] ? Number(m[3]) : null;
    if (jy === null) {
      if (!pub) continue;
      jy = month <= pub.jm ? pub.jy : pub.jy - 1;
    }
    out.push({ start: m.index, end: m.index + m[0].length, period: solarMonth(jy, month) });
  }
  SINCE_NEW_YEAR.lastIndex = 0;
  if (pub && published) {
    for (let m = SINCE_NEW_YEAR.exec(sentence); m !== null; m = SINCE_NEW_YEAR.exec(sentence)) {
      out.push({ start: m.index, end: m.index + m[0].length, period: { start: solarYear(pub.jy).start, end: published } });
    }
  }
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(sentence); m !== null; m = YEAR_RE.exec(sentence)) {
    const start = m.index;
    if (out.some((t) => start < t.end && t.start < start + m[0].length)) continue;
    out.push({ start, end: start + m[0].length, period: solarYear(Number(m[1] ?? m[2])) });
  }
  return out;
}
