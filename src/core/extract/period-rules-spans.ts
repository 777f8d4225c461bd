// Period rules, first in precedence: times named against another time ("the same period last
// year", "the total for the month", "the previous year") and spans counted back from a date
// ("the three years before June 2016", "the week to 14 July"), quarters, weeks and weekends.
// Their order in the array is their precedence (see RULES in periods.ts).
import { addDays, iso, monthPeriod, refEnd, yearsPeriod } from "./dates.js";
import { MONTH_RE, SPAN_END, YEAR_RE, bits, monthIndex, needs, num, spanEnd, type Rule } from "./period-rule.js";

/** Rules in order of precedence; earlier rules win over overlapping later ones. */
/** "Q1" … "Q4" (lower-cased), which the quarter rule needs. */
const Q_DIGIT = /q[1-4]/;

/** The day before a day, or the Monday-to-Sunday week before the one it falls in. */
export function before(unit: "week" | "day", day: string): { start: string; end: string } {
  if (unit === "week") return weekBefore(day);
  const d = addDays(day, -1);
  return { start: d, end: d };
}

/** The Monday-to-Sunday week before the one a day falls in. */
export function weekBefore(day: string): { start: string; end: string } {
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(day, -dow);
  return { start: addDays(monday, -7), end: addDays(monday, -1) };
}

/** A small count of days, weeks or hours, in digits or words ("a", "48", "three"). */
const FEW = "(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|\\d{1,3})";

/** "within 48 hours", "in the space of a week" (FEW and a unit) ending on a day: the days it covers. */
function spanBack(m: RegExpExecArray, end: string): { start: string; end: string } | null {
  const word = (m[1] as string).toLowerCase();
  const n = word === "a" || word === "an" ? 1 : num(word);
  const unit = (m[2] as string).toLowerCase().replace(/s$/, "");
  if (!Number.isFinite(n) || n < 1) return null;
  const days = unit === "hour" ? Math.max(1, Math.ceil(n / 24)) : unit === "fortnight" ? 14 : unit === "week" ? 7 * n : n;
  return days > 62 ? null : { start: addDays(end, -days + 1), end };
}

export const SPAN_RULES: Rule[] = [
  // "the week before the presidential election on 12 May": the days before the day of the event
  // named (no date for it: no period, see the "week before" rule below).
  {
    re: new RegExp(`\\b(?:(?:in|during|over|within)\\s+)?the\\s+(?:(\\d+|two|three|four|five|six|seven|ten|fourteen)\\s+)?(weeks?|days|months?)\\s+(?:before|ahead\\s+of|leading\\s+up\\s+to|prior\\s+to|preceding)\\s+(?:the|a|an|his|her|its|their)\\s+(?:[\\w'-]+\\s+){0,4}?(?:on|of|held\\s+on)\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+${YEAR_RE})?\\b`, "gi"),
    can: (c) => c.capitalMonth && c.digit && ((c.words & bits("week", "month")) !== 0 || c.lower.includes("days ")),
    resolve: (m, ref) => {
      const n = m[1] ? num(m[1]) : 1;
      const mo = monthIndex((m[4] ?? m[5]) as string);
      const d = Number(m[3] ?? m[6]);
      if (!Number.isFinite(n) || n < 1 || !(d >= 1 && d <= 31)) return null;
      let y = m[7] ? Number(m[7]) : null;
      if (y === null) {
        if (!ref || ref.month === null) return null;
        y = mo > ref.month ? ref.year - 1 : ref.year;
      }
      const end = addDays(iso(y, mo, d), -1);
      const unit = (m[2] as string).toLowerCase();
      const days = unit.startsWith("week") ? 7 * n : unit.startsWith("month") ? 30 * n : n;
      return { start: addDays(end, -days + 1), end };
    },
  },
  // "in the space of a week", "within 48 hours", "over three days of clashes": counted back from
  // the sentence's own day ("on 3 May 2024 … within 48 hours"), else the day of writing (or of
  // the statement), and ending on it. Not "within 24 hours of their arrest" (another event's).
  {
    re: new RegExp(`\\b(?:in\\s+(?:the\\s+)?space\\s+of|within|in\\s+(?:just|only)|over(?:\\s+the\\s+course\\s+of)?|across)\\s+${FEW}\\s+(hours?|days?|weeks?|fortnight)\\b(?!\\s+(?:after|from|since|before|following|later|earlier|ago|apart|of\\s+(?:their|his|her|its|the|being|a|an|each|one)\\b))`, "gi"),
    can: (c) => (c.lower.includes("within") || c.lower.includes("space of") || c.lower.includes("over ") || c.lower.includes("across") || c.lower.includes(" just ") || c.lower.includes(" only ")) && (c.lower.includes("hour") || c.lower.includes("day") || (c.words & bits("week")) !== 0 || c.lower.includes("fortnight")),
    resolve: (m, ref, ctx) => {
      const base = ctx.anchor ?? ref;
      if (!base || base.day === null || base.month === null) return null;
      return spanBack(m, refEnd(base));
    },
    backFrom: spanBack,
  },
  // the same period last year, the same months of 2023, the same time a year earlier
  {
    re: new RegExp(`\\b(?:over|during|in|for)?\\s*the\\s+same\\s+(?:period|months?|weeks?|time(?:\\s+frame)?|timeframe)\\s+(?:(?:of|in)\\s+)?(?:${YEAR_RE}|(last|the previous|the preceding) year|a year (?:earlier|before|ago))\\b`, "gi"),
    can: (c) => (c.year || (c.words & bits("last", "year")) !== 0) && c.lower.includes("same"),
    resolve: () => null,
    sameAs: (m, fromYear) => (m[1] ? Number(m[1]) : fromYear - 1),
  },
  // "… on 12 March bring the total for the month to 28": the month of the time named before it;
  // with none, the month (or year) of writing, to date.
  {
    re: /\b(?:[Ff]or|[Ii]n|[Dd]uring|[Oo]ver|[Tt]hroughout)\s+the\s+(month|year)\b(?!\s+(?:of|before|ending|since|after|that|following|preceding|prior|leading|when|in\s+which|around)\b|\s+to\s+(?:\d{1,2}\s+)?[A-Z])/g,
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
    can: (c) => c.lower.includes("monthly") || c.lower.includes("annual") || c.lower.includes("yearly"),
    resolve: (m, ref) => {
      if (!ref) return null;
      if ((m[1] as string).toLowerCase() !== "monthly") return { start: iso(ref.year, 1, 1), end: refEnd(ref) };
      return ref.month === null ? null : { start: iso(ref.year, ref.month, 1), end: refEnd(ref) };
    },
    within: "month",
  },
  // "bringing the year's total to 249", "the month's tally": as "the annual total" (see `within`).
  {
    re: /\bthe\s+(year|month)['\u2019]s\s+(?:total|tally|toll|count|figure)\b/gi,
    can: needs(["year", "month"], (c) => c.lower.includes("'s") || c.lower.includes("\u2019s")),
    resolve: (m, ref) => {
      if (!ref) return null;
      if ((m[1] as string).toLowerCase() === "year") return { start: iso(ref.year, 1, 1), end: refEnd(ref) };
      return ref.month === null ? null : { start: iso(ref.year, ref.month, 1), end: refEnd(ref) };
    },
    within: "month",
  },
  // "The week before, 9 more were hanged", "a week earlier": the calendar week before the day
  // named before it (see `within`; across sentences, reportRelative's paragraph pass), else
  // the week before the publication's.
  {
    re: /\b(?:(?:in|during|over)\s+)?(?:the\s+week\s+before|a\s+week\s+(?:earlier|before)|the\s+(?:previous|preceding|prior)\s+week)\b(?!\s+(?:the|his|her|their|its|last|that)\b)/gi,
    can: needs(["week"]),
    resolve: (m, ref) => {
      // "the week before Nowruz": the week before a named day that is not given a date dates nothing.
      if (!ref || ref.day === null || /^\s+[A-Z]/.test(m.input.slice(m.index + m[0].length))) return null;
      return weekBefore(refEnd(ref));
    },
    within: "week",
  },
  // "The day before, 4 others were hanged", "a day earlier": the day before the day named
  // before it (as "the week before"), else the day before publication.
  {
    re: /\b(?:on\s+)?(?:the\s+day\s+before|a\s+day\s+(?:earlier|before)|the\s+(?:previous|preceding|prior)\s+day)\b(?!\s+(?:the|his|her|their|its|that|last)\b)/gi,
    can: (c) => c.lower.includes("day"),
    resolve: (_m, ref) => {
      if (!ref || ref.day === null) return null;
      const day = addDays(refEnd(ref), -1);
      return { start: day, end: day };
    },
    within: "day",
  },
  // "In 2023, 834 …, up from 582 the previous year": the year before the time named before it;
  // with none, the year before publication.
  {
    re: /\b(?:the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|before))\b/gi,
    can: needs(["year", "previous"]),
    resolve: (_m, ref) => (ref ? yearsPeriod(ref.year - 1) : null),
    sameAs: (_m, fromYear) => fromYear - 1,
    wholeYear: true,
  },
  // in the three years before June 2016, the 12 months to March 2024, in the six months ending
  // 30 June 2023: a span counted back from the date it ends on
  {
    re: new RegExp(`\\b(?:(?:in|over|during|within|for)\\s+)?the\\s+(?:(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)\\s+)?(years?|months?|weeks?|days)\\s+(?:before|to|until|up to|ending(?:\\s+(?:in|on))?|prior to|leading up to|through)\\s+${SPAN_END}\\b`, "gi"),
    can: (c) => c.year && ((c.words & bits("year", "month", "week")) !== 0 || c.lower.includes("days")),
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
    can: (c) => c.digit && Q_DIGIT.test(c.lower),
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
];
