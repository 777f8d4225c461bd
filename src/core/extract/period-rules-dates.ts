// Period rules, last in precedence: dates ("15 December 2019", "December 15"), months ("November
// 2019", "last November", a bare month), spans relative to the publication ("the past three
// years", "last week"), decades and bare years. Their order in the array is their precedence
// (see RULES in periods.ts).
import { addDays, iso, latestMonth, monthPeriod, refEnd, yearsPeriod } from "./dates.js";
import { MONTH_RE, YEAR_RE, monthIndex, needs, num, type Rule } from "./period-rule.js";

/** Rules in order of precedence; earlier rules win over overlapping later ones. */
export const DATE_RULES: Rule[] = [
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
        if (!m[1] && (m[2] as string).toLowerCase() === "month") {
          // "in the last month": the 30 days before the day of writing, or the month before the
          // month of writing when only the month is known (as "last month").
          if (ref.day !== null) return { start: addDays(end, -30), end };
          return ref.month === 1 ? monthPeriod(ref.year - 1, 12) : monthPeriod(ref.year, ref.month - 1);
        }
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
    can: (c) => c.year && c.lower.includes("0s"),
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
