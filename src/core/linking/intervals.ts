// Figures as intervals: what "at least 246" or "about 1,500" allows, and whether two agree.
import type { Qualifier } from "../types.js";

/** Relative tolerance for exact figures from different voices (counts drift as cases are found). */
export const EXACT_TOLERANCE = 0.02;

/** A closed interval of counts; hi null means unbounded above. */
export interface Interval {
  lo: number;
  hi: number | null;
}

/**
 * The counts a figure allows: exact n ±2% (rounded down, so none below 50), at_least n → [n, ∞),
 * more_than n → [n+1, ∞), about n → [0.9n, 1.1n], up_to n → [0, n].
 */
export function figureInterval(count: number, qualifier: Qualifier): Interval {
  switch (qualifier) {
    case "exact": {
      const t = Math.floor(count * EXACT_TOLERANCE);
      return { lo: count - t, hi: count + t };
    }
    case "at_least":
      return { lo: count, hi: null };
    case "more_than":
      return { lo: count + 1, hi: null };
    case "about":
      return { lo: Math.ceil(count * 0.9), hi: Math.floor(count * 1.1) };
    case "up_to":
      return { lo: 0, hi: count };
  }
}

/** True when two intervals share at least one count. */
export function overlaps(a: Interval, b: Interval): boolean {
  return (a.hi === null || b.lo <= a.hi) && (b.hi === null || a.lo <= b.hi);
}

/** A count with thousands separators ("1,500"), without the slow Intl machinery. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A figure in words: "at least 246", "about 1,500", "267". */
export function formatFigure(count: number, qualifier: Qualifier): string {
  const n = formatCount(count);
  const words: Record<Qualifier, string> = {
    exact: n,
    at_least: `at least ${n}`,
    more_than: `more than ${n}`,
    about: `about ${n}`,
    up_to: `up to ${n}`,
  };
  return words[qualifier];
}
