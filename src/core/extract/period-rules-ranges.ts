// Period rules, second in precedence: ranges ("between 2005 and 2015", "from March to May",
// "Oct. 3 and 13", "2012/13"), times since a date until publication, halves, months and quarters
// of a year. Their order in the array is their precedence (see RULES in periods.ts).
import { addDays, iso, latestMonth, monthPeriod, refEnd, yearsPeriod, type RefDate } from "./dates.js";
import { MONTH_RE, YEAR_RE, monthIndex, needs, num, sinceEnd, twoYears, type Rule } from "./period-rule.js";
/** "early", "mid-", "late", "the end of" before a month: the month, whole. */
const PART = "(?:(?:early|mid|late)[\\s-]+|the\\s+(?:end|beginning|start|middle)\\s+of\\s+)?";

/**
 * The years of a span from month m1 to month m2 ("between March and May", "March–May 2024"):
 * the end's year as written, else the latest such month at or before the publication; the
 * start's as written, else the same year, or the one before when the span crosses January.
 */
function spanYears(m1: number, m2: number, y1: string | undefined, y2: string | undefined, ref: RefDate | null): [number, number] | null {
  let end: number;
  if (y2) end = Number(y2);
  else if (ref && ref.month !== null) end = m2 <= ref.month ? ref.year : ref.year - 1;
  else return null;
  return [y1 ? Number(y1) : m1 <= m2 ? end : end - 1, end];
}

/** Rules in order of precedence; earlier rules win over overlapping later ones. */
export const RANGE_RULES: Rule[] = [
  // "year to date", "year-to-date", "YTD": from 1 January to the day of writing.
  {
    re: /\b(?:(?:in\s+|for\s+)?the\s+)?year[-\s]to[-\s]date\b|\bYTD\b/gi,
    can: (c) => c.lower.includes("date") || c.lower.includes("ytd"),
    resolve: (_m, ref) => (ref ? { start: iso(ref.year, 1, 1), end: refEnd(ref) } : null),
  },
  // between 2005 and 2015, from 2005 to 2015, 2005-2015
  {
    re: new RegExp(`\\b(?:between\\s+|from\\s+)?${YEAR_RE}\\s*(?:and|to|until|through|[-\\u2013\\u2014])\\s*${YEAR_RE}\\b`, "gi"),
    can: (c) => c.year && twoYears(c.lower),
    resolve: (m) => (Number(m[2]) > Number(m[1]) ? yearsPeriod(Number(m[1]), Number(m[2])) : null),
  },
  // between December 2022 and July 2023, from March to May 2024, between 1 January and 30 June 2024,
  // between January and June (the latest such span at or before the publication)
  {
    // "between late September and mid-December": the months, whole.
    re: new RegExp(`\\b(?:between|from)\\s+${PART}(?:(\\d{1,2})\\s+)?${MONTH_RE}(?:\\s+(\\d{1,2}))?(?:,?\\s+${YEAR_RE})?\\s+(?:and|to|until|through)\\s+${PART}(?:(\\d{1,2})\\s+)?${MONTH_RE}(?:\\s+(\\d{1,2}))?(?:,?\\s+${YEAR_RE})?\\b`, "gi"),
    can: needs(["between", "from"], (c) => c.month),
    resolve: (m, ref) => {
      const m1 = monthIndex(m[2] as string);
      const m2 = monthIndex(m[6] as string);
      const years = spanYears(m1, m2, m[4], m[8], ref);
      if (!years) return null;
      const [y1, y2] = years;
      const d1 = Number(m[1] ?? m[3] ?? 1);
      const d2 = m[5] ?? m[7];
      return { start: iso(y1, m1, d1), end: d2 ? iso(y2, m2, Number(d2)) : monthPeriod(y2, m2).end };
    },
  },
  // "(1 January to 30 June 2025)", "1 January – 30 June", "Jan. 1 to June 30, 2025", "January–June 2025":
  // a range without "between" or "from", told apart from a change ("from 12 … to 30") by days on
  // both sides, or a dash between two months, or a year that closes it.
  {
    re: new RegExp(`\\b(?:(\\d{1,2})\\s+${MONTH_RE}|${MONTH_RE}(?:\\s+(\\d{1,2}))?)(?:,?\\s+${YEAR_RE})?\\s*(to|until|through|[-\\u2013\\u2014])\\s*(?:(\\d{1,2})\\s+${MONTH_RE}|${MONTH_RE}(?:\\s+(\\d{1,2}))?)(?:,?\\s+${YEAR_RE})?\\b(?!\\s*[:/%])`, "g"),
    can: (c) => c.capitalMonth,
    resolve: (m, ref) => {
      const d1 = m[1] ?? m[4];
      const d2 = m[7] ?? m[10];
      const dash = m[6] !== "to" && m[6] !== "until" && m[6] !== "through";
      // Days on both sides, or none (months): "1 January to 30 June", "January–June 2025".
      if ((d1 === undefined) !== (d2 === undefined)) return null;
      if (d1 === undefined && !dash && !m[11]) return null;
      const m1 = monthIndex((m[2] ?? m[3]) as string);
      const m2 = monthIndex((m[8] ?? m[9]) as string);
      const years = spanYears(m1, m2, m[5], m[11], ref);
      if (!years) return null;
      const [y1, y2] = years;
      const start = iso(y1, m1, d1 ? Number(d1) : 1);
      const end = d2 ? iso(y2, m2, Number(d2)) : monthPeriod(y2, m2).end;
      return start < end ? { start, end } : null;
    },
  },
  // in January and February, during March and April 2024: the two months and those between
  {
    re: new RegExp(`\\b(?:[Ii]n|[Dd]uring|[Oo]ver|[Tt]hroughout)\\s+${MONTH_RE}\\s+and\\s+${MONTH_RE}(?:,?\\s+${YEAR_RE})?\\b`, "g"),
    can: (c) => c.capitalMonth,
    resolve: (m, ref) => {
      const m1 = monthIndex(m[1] as string);
      const m2 = monthIndex(m[2] as string);
      const years = spanYears(m1, m2, undefined, m[3], ref);
      if (!years) return null;
      const [y1, y2] = years;
      return { start: iso(y1, m1, 1), end: monthPeriod(y2, m2).end };
    },
  },
  // between Oct. 3 and 13, from 15 to 18 November 2019, Nov. 15 to 18: days of one month
  {
    re: new RegExp(`\\b(?:(?:between|from)\\s+)?(?:${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|to|until|through|[-\\u2013])\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:[:/%]|${MONTH_RE}))(?:,?\\s+${YEAR_RE})?|(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|to|until|through|[-\\u2013])\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+${YEAR_RE})?)`, "gi"),
    can: (c) => c.month && c.digit,
    resolve: (m, ref) => {
      const month = monthIndex((m[1] ?? m[8]) as string);
      const d1 = Number(m[2] ?? m[6]);
      const d2 = Number(m[3] ?? m[7]);
      const year = m[4] ?? m[9];
      if (!(d1 >= 1 && d2 <= 31 && d1 < d2)) return null;
      let y: number;
      if (year) y = Number(year);
      else if (ref && ref.month !== null) y = month <= ref.month ? ref.year : ref.year - 1;
      else return null;
      return { start: iso(y, month, d1), end: iso(y, month, d2) };
    },
  },
  // 2012/13, 2012/2013, 2012-13
  {
    re: new RegExp(`\\b${YEAR_RE}\\s*[/\\-\\u2013]\\s*(\\d{2})\\b(?!\\d)`, "g"),
    can: (c) => c.year && (c.lower.includes("/") || c.lower.includes("-") || c.lower.includes("\u2013")),
    resolve: (m) => {
      const a = Number(m[1]);
      const b = Math.floor(a / 100) * 100 + Number(m[2]);
      return b === a + 1 ? yearsPeriod(a, b) : null;
    },
  },
  // since 1 January, since March 3, 2024: from that day until publication
  {
    re: new RegExp(`\\bsince\\s+(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+${YEAR_RE})?\\b`, "gi"),
    can: needs(["since"], (c) => c.month && c.digit),
    resolve: (m, ref) => {
      const end = sinceEnd(ref);
      if (!end || !ref) return null;
      const mo = monthIndex((m[2] ?? m[3]) as string);
      const day = Number(m[1] ?? m[4]);
      if (!(day >= 1 && day <= 31)) return null;
      const y = m[5] ? Number(m[5]) : ref.month !== null && mo > ref.month ? ref.year - 1 : ref.year;
      const start = iso(y, mo, day);
      return start <= end ? { start, end } : null;
    },
    explicitDay: (m) => (m[5] ? iso(Number(m[5]), monthIndex((m[2] ?? m[3]) as string), Number(m[1] ?? m[4])) : null),
  },
  // since the start of 2018, since the beginning of January 2018, since 2018, since January
  {
    re: new RegExp(`\\bsince\\s+(?:the\\s+(?:start|beginning|end)\\s+of\\s+(?:the\\s+)?|the\\s+)?(?:${MONTH_RE}(?:\\s+${YEAR_RE})?|${YEAR_RE})\\b`, "gi"),
    can: needs(["since"], (c) => (c.month || c.year)),
    resolve: (m, ref) => {
      const end = sinceEnd(ref);
      if (!end) return null;
      if (m[3]) return { start: iso(Number(m[3]), 1, 1), end };
      if (m[2]) return { start: iso(Number(m[2]), m[1] ? monthIndex(m[1]) : 1, 1), end };
      if (m[1] && ref) {
        const lm = latestMonth(monthIndex(m[1]), ref, false);
        return lm ? { start: iso(lm.year, lm.month, 1), end } : null;
      }
      return null;
    },
  },
  // since the start of the year / since January 1
  {
    re: /\bsince the (?:start|beginning) of (?:the|this) (year|month|week)\b|\bso far this (year|month|week)\b|\bthis (year|month|week) so far\b|\bso far in \d{4}\b/gi,
    can: needs(["since the", "so far"]),
    resolve: (m, ref) => {
      const y = /\d{4}/.exec(m[0]);
      if (y) return { start: iso(Number(y[0]), 1, 1), end: ref && ref.year === Number(y[0]) ? refEnd(ref) : iso(Number(y[0]), 12, 31) };
      if (!ref) return null;
      const unit = (m[1] ?? m[2] ?? m[3] ?? "year").toLowerCase();
      const end = refEnd(ref);
      if (unit === "month") return ref.month === null ? null : { start: iso(ref.year, ref.month, 1), end };
      if (unit === "week") {
        if (ref.day === null) return null;
        const dow = (new Date(`${end}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
        return { start: addDays(end, -dow), end };
      }
      return { start: iso(ref.year, 1, 1), end };
    },
  },
  // the first half of 2024, the first six months of the year, the first quarter of 2023
  {
    // "in the first half" alone: the latest such half begun by the publication.
    re: new RegExp(`\\b(?:the\\s+)?(first|second)\\s+(?:(?:half|six months)\\s+of\\s+(?:${YEAR_RE}|the year|this year|last year)|half\\b(?!\\s+of\\b|-|\\s+(?:a|an|the)\\b))`, "gi"),
    can: needs(["half", "six months"]),
    resolve: (m, ref) => {
      const bare = !/\bof\b/i.test(m[0]);
      if (bare && (!ref || ref.month === null)) return null;
      const second = (m[1] as string).toLowerCase() === "second";
      const y = m[2] ? Number(m[2]) : ref ? (/last year/i.test(m[0]) || (bare && second && (ref.month as number) < 7) ? ref.year - 1 : ref.year) : null;
      if (y === null) return null;
      return (m[1] as string).toLowerCase() === "first" ? { start: iso(y, 1, 1), end: iso(y, 6, 30) } : { start: iso(y, 7, 1), end: iso(y, 12, 31) };
    },
  },
  // the first seven months of 2023, the last three months of the year
  {
    re: new RegExp(`\\b(?:the\\s+)?(first|last)\\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\\d{1,2})\\s+months\\s+of\\s+(?:${YEAR_RE}|the year|this year|last year)`, "gi"),
    can: needs(["months"]),
    resolve: (m, ref) => {
      const y = m[3] ? Number(m[3]) : ref ? (/last year/i.test(m[0]) ? ref.year - 1 : ref.year) : null;
      const n = num(m[2] as string);
      if (y === null || !(n >= 1 && n <= 12)) return null;
      return (m[1] as string).toLowerCase() === "first"
        ? { start: iso(y, 1, 1), end: monthPeriod(y, n).end }
        : { start: iso(y, 13 - n, 1), end: iso(y, 12, 31) };
    },
  },
  {
    // "in the first quarter" alone: the latest such quarter begun by the publication.
    re: new RegExp(`\\b(?:the\\s+)?(first|second|third|fourth|last)\\s+quarter(?:\\s+of\\s+(?:${YEAR_RE}|the year|this year|last year)|(?!\\s+of\\b|-))`, "gi"),
    can: needs(["quarter"]),
    resolve: (m, ref) => {
      const q = ["first", "second", "third", "fourth", "last"].indexOf((m[1] as string).toLowerCase());
      const qi = q === 4 ? 3 : q;
      const sm = qi * 3 + 1;
      const bare = !/\bof\b/i.test(m[0]);
      const y = m[2] ? Number(m[2]) : ref ? (/last year/i.test(m[0]) ? ref.year - 1 : bare && ref.month !== null && ref.month < sm ? ref.year - 1 : ref.year) : null;
      if (y === null || (bare && (!ref || ref.month === null))) return null;
      return { start: iso(y, sm, 1), end: monthPeriod(y, sm + 2).end };
    },
  },
];
