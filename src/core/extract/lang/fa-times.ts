// Persian time expressions: Solar Hijri and transliterated Gregorian months (with days, spans, parts
// of a month), Solar and Gregorian years, the first months of a year and relative periods, resolved
// to Gregorian intervals (Solar dates with jalaali-js through solar.ts).
import { fold } from "../../text/fold.js";
import type { Period } from "../../types.js";
import { addDays, dayPeriod, monthPeriod, monthsPeriod, recentMonth, seasonPeriod, yearPeriod, previousMonth, type Publication } from "./calendar.js";
import type { NumberHit, TimeContext, TimeHit } from "./pack.js";
import { dropOverlaps, isFree, matchesOf, numberEndingAt, rx } from "./patterns.js";
import { solarDay, solarLabel, solarMonth, solarMonths, solarYear, toSolar, validSolarDay } from "./solar.js";

const SOLAR_NAMES = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد|امرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
const GREG_NAMES = ["ژانویه", "فوریه", "مارس", "آوریل", "مه|می", "ژوئن|جون", "ژوئیه|جولای", "اوت|آگوست|اگوست", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"];
/** Month names that are also ordinary words ("تیر" a bullet, "مهر" a seal, "بهمن" an avalanche, "می" a verb prefix). */
const AMBIGUOUS = new Set(["تیر", "مهر", "دی", "آذر", "بهمن", "مه", "می", "مارس"].map(fold));

const MONTH = rx(`(?:ماه\\s*)?‹(?<name>${[...SOLAR_NAMES, ...GREG_NAMES].join("|")})(?<mah>\\s*ماه)?›`);
const monthIndex = new Map<string, { solar: boolean; m: number }>();
SOLAR_NAMES.forEach((n, i) => n.split("|").forEach((w) => monthIndex.set(fold(w), { solar: true, m: i + 1 })));
GREG_NAMES.forEach((n, i) => n.split("|").forEach((w) => monthIndex.set(fold(w), { solar: false, m: i + 1 })));

/** "از مهر تا آذر ۱۴۰۲", "فروردین و اردیبهشت ۱۴۰۳": a month followed by "تا" or "و" and another month, whose year it shares. */
const RANGE_TO = rx(`^\\s*(?:تا|الی|-|–|و)\\s*(?:ماه\\s*)?‹(?<name>${[...SOLAR_NAMES, ...GREG_NAMES].join("|")})›(?:\\s*ماه)?\\s*(?:سال\\s*)?(?<y>\\d{4}|\\d{2})?(?!\\d)`, "iu");
const YEAR_AFTER = rx(`^\\s*(?:سال\\s*)?(?<y>\\d{4}|\\d{2})(?!\\d)(?<greg>\\s*میلادی)?`, "iu");
const THIS_YEAR_AFTER = rx(`^\\s*(?:امسال|سال جاری|همین سال)(?<greg>\\s*میلادی)?`, "iu");
const LAST_YEAR_AFTER = rx(`^\\s*(?:سال گذشته|پارسال|سال قبل|سال\\s*پیش)(?<greg>\\s*میلادی)?`, "iu");
const COUNTED = rx(`^\\s*(?:نفر|تن›|مورد|زندانی|شهروند|کولبر|زن›|کودک|معترض|اعدام|فعال|کشته|زخمی)`, "iu");
const NUMERIC_DATE = /(?<!\d)(1[34]\d\d)\/(\d{1,2})\/(\d{1,2})(?!\d)/gu;
const FIRST_MONTHS = rx(`‹(?:(?<half>نیمه|نیم)\\s*(?<which>نخست|اول|دوم)|ماه(?:ه)?(?:\\s*های)?\\s*(?:نخست|اول|ابتدایی))(?:\\s*سال)?(?:\\s*(?<y>\\d{4})|\\s*(?<rel>امسال|جاری))?(?<g>\\s*میلادی)?`);
/** "تابستان ۱۴۰۳", "پاییز امسال", "زمستان گذشته", "فصل بهار": a season is a quarter of the Solar year (spring = Farvardin–Khordad). */
const SEASON = rx(`‹(?<f>فصل\\s*)?(?<s>بهار|تابستان|پاییز|پائیز|زمستان)›(?:\\s*(?:سال\\s*)?(?<y>\\d{4}|\\d{2})(?!\\d)(?<g>\\s*میلادی)?|\\s*(?<this>امسال|سال\\s*جاری|جاری)›|\\s*(?<lasty>سال\\s*(?:گذشته|قبل)|پارسال)›|\\s*(?<last>گذشته|قبل|پیش)›)?`);
const SEASON_LATIN = ["spring", "summer", "autumn", "winter"];
const SEASON_INDEX = new Map(([["بهار", 0], ["تابستان", 1], ["پاییز", 2], ["پائیز", 2], ["زمستان", 3]] as const).map(([w, i]) => [fold(w), i]));
const UNTIL_NOW = rx(`^\\s*(?:تاکنون|تا کنون|تا به امروز|تا امروز)`, "iu");
/** "۱۰ روز نخست خرداد", "پنج روز پایانی اسفند": the first or last days of a month (the count ends right before). */
const EDGE_DAYS = rx(`روز\\s*(?<which>نخست|اول|ابتدایی|آغازین|پایانی|آخر|انتهایی)\\s*(?:ماه\\s*)?$`, "iu");
/** "اوایل دی ماه", "اواخر اسفند": a third of the month. */
const PART_OF_MONTH = rx(`‹(?<part>اوایل|اوائل|اواسط|اواخر)\\s*(?:ماه\\s*)?$`, "iu");
/** What may stand right before a bare Gregorian month: "در ژانویه", "طی اکتبر", "از ابتدای نوامبر", "اواخر دسامبر". */
const BARE_GREG_LEAD = rx(`‹(?:در|طی|از|تا|اوایل|اواخر|اواسط|نیمه|ابتدای|پایان|انتهای|ماه)\\s*$`, "iu");
/** "هفته سوم اردیبهشت", "دهه اول مهر": a week or ten days of the month, not its third day. */
const WEEK_OF_MONTH = rx(`‹(?<unit>هفته|دهه)\\s*(?<which>اول|نخست|دوم|سوم|چهارم|آخر|پایانی)\\s*(?:ماه\\s*)?$`, "iu");
const WEEK_ORDER = ["اول", "دوم", "سوم", "چهارم"].map(fold);
/** "از ابتدای خرداد", "از آغاز سال ۲۰۲۳": since then, up to publication. */
/** "از ابتدای ماه …", and the start of an event dated by the time after it: "از زمان آغاز اعتراضات در شهریور ۱۴۰۱". */
const SINCE_START = rx(`‹از\\s*(?:ابتدای|ابتدا|آغاز|اول|شروع)\\s*(?:ماه\\s*)?$|‹از\\s*(?:زمان\\s*)?(?:آغاز|شروع)\\s+\\S+(?:\\s+\\S+)?\\s+(?:در\\s+)?$`, "iu");
const DAY_BEFORE = /(?:(?<!\d)(?<d1>\d{1,2})\s*(?:تا|-|و)\s*)?(?<!\d)(?<d2>\d{1,2})\s*$/u;
const YEARS = rx(`‹سال(?:های|ها)?\\s*(?:بین\\s*|از\\s*)?(?<a>\\d{4})(?:\\s*(?:تا|و|-)\\s*(?<b>\\d{4}))?(?<cal>\\s*(?:میلادی|خورشیدی|شمسی|هجری شمسی))?|‹(?:بین|از)\\s*(?<a2>\\d{4})\\s*(?:تا|و|-)\\s*(?<b2>\\d{4})(?<cal2>\\s*(?:میلادی|خورشیدی|شمسی))?|(?<a3>\\d{4})\\s*میلادی|‹در\\s+(?<a4>(?:19|20|13|14)\\d{2})(?!\\d)(?!\\s*(?:نفر|تن›|مورد|زندانی|کولبر|شهروند|اعدام))`);
const RELATIVE = rx(`‹(?<this>امسال|سال جاری)(?<g1>\\s*میلادی)?|‹(?<last>سال گذشته|پارسال)(?<g2>\\s*میلادی)?|‹(?<lastm>ماه گذشته|ماه قبل)(?<g3>\\s*میلادی)?|‹(?<thism>ماه\\s*(?:جاری|کنونی))(?<g4>\\s*میلادی)?|‹(?<yday>دیروز|روز گذشته)›|‹(?<today>امروز\\s*(?:صبح|ظهر|عصر|بامداد)|(?:صبح|ظهر|عصر|بامداد|سحرگاه|صبحگاه|شامگاه|بعدازظهر|بعد\\s*از\\s*ظهر)\\s*امروز|امشب|امروز(?=\\s+(?:\\S+\\s+){0,2}?(?:اجرا|اعدام|بازداشت|دستگیر|کشته|جان\\s*باخت|زخمی|به\\s*دار)))›|‹(?<recent>ماه|سال|روز|ساعت|هفته)(?:\\s*های)?\\s*(?:گذشته|اخیر)`);

/** A Solar year from 4 or 2 digits; two digits are the latest 13xx/14xx not after publication. */
function solarYearOf(y: string, pub: Publication | null): number {
  if (y.length === 4) return Number(y);
  const two = Number(y);
  const now = pub ? toSolar(pub.end).jy : 1400;
  const cands = [1300 + two, 1400 + two].filter((c) => c <= now);
  return cands.length > 0 ? Math.max(...cands) : 1300 + two;
}

/** The time expressions of a Persian sentence. */
export function findTimes(s: string, ctx: TimeContext): TimeHit[] {
  const { pub } = ctx;
  const hits: TimeHit[] = [];
  const pubSolar = pub ? toSolar(pub.end) : null;
  const explicitYears: { at: number; y: number; solar: boolean }[] = [];
  /** Months that open a span with the next month ("فروردین و اردیبهشت"). */
  const spans = new Set<TimeHit>();

  for (const m of matchesOf(MONTH, s)) {
    const g = m.groups as Record<string, string | undefined>;
    const nameKey = g["name"] as string;
    const info = monthIndex.get(nameKey);
    if (!info) continue;
    let start = m.index;
    let end = m.index + m[0].length;
    const rest = s.slice(end);
    let yearM = YEAR_AFTER.exec(rest);
    if (yearM) {
      const raw = yearM.groups?.["y"] as string;
      const after = rest.slice(yearM[0].length);
      const y = Number(raw);
      const plausible = raw.length === 4 ? (y >= 1200 && y < 1600) || (y >= 1800 && y < 2200) : info.solar;
      if (!plausible || (raw.length === 2 && COUNTED.test(after))) yearM = null;
    }
    const thisM = yearM ? null : THIS_YEAR_AFTER.exec(rest);
    const lastM = yearM || thisM ? null : LAST_YEAR_AFTER.exec(rest);
    // Days before the month: digits, or ordinal words ("بیستم", "سوم تا هشتم").
    // The words right before the month (a short window: these patterns are anchored at its end).
    const nearAt = Math.max(0, start - 40);
    const near = s.slice(nearAt, start);
    let days: [number, number] | null = null;
    let lastDays = 0;
    const week = WEEK_OF_MONTH.exec(near);
    const dm = week ? null : DAY_BEFORE.exec(near);
    const edge = dm ? null : EDGE_DAYS.exec(near);
    const edgeN = edge ? numberEndingAt(ctx.nums, nearAt + edge.index, s) : null;
    const part = dm || edge || week ? null : PART_OF_MONTH.exec(near);
    if (week) start = nearAt + week.index;
    else if (edge && edgeN && !edgeN.ordinal && edgeN.value >= 1 && edgeN.value <= 29) {
      start = edgeN.start;
      if (/نخست|اول|ابتدایی|آغازین/u.test(edge.groups?.["which"] as string)) days = [1, edgeN.value];
      else lastDays = edgeN.value;
    } else if (part) start = nearAt + part.index;
    else if (dm) {
      const d2 = Number(dm.groups?.["d2"]);
      const d1 = dm.groups?.["d1"] ? Number(dm.groups["d1"]) : d2;
      if (d1 >= 1 && d2 <= 31 && d1 <= d2) {
        days = [d1, d2];
        start = nearAt + dm.index;
      }
    } else {
      const o2 = numberEndingAt(ctx.nums, start, s);
      if (o2?.ordinal && o2.value <= 31) {
        let d1 = o2.value;
        start = o2.start;
        const gap = /(?:تا|-)\s*$/u.exec(s.slice(0, o2.start));
        const o1 = gap ? numberEndingAt(ctx.nums, gap.index, s) : null;
        if (o1?.ordinal && o1.value < o2.value) {
          d1 = o1.value;
          start = o1.start;
        }
        days = [d1, o2.value];
      }
    }
    const ambiguous = AMBIGUOUS.has(nameKey);
    // The first month of a span takes the year of the second ("از مهر تا آذر ۱۴۰۲"), the one before when it comes later in the year.
    const to = yearM || thisM || lastM ? null : RANGE_TO.exec(rest);
    const toInfo = to ? monthIndex.get(to.groups?.["name"] as string) : undefined;
    const spanOk = toInfo !== undefined && toInfo.solar === info.solar;
    if (ambiguous && !g["mah"] && !m[0].startsWith("ماه") && !days && !yearM && !spanOk && !week) continue;
    // A bare Gregorian month needs "ماه", a year or a day, unless it is one no other word spells, after a preposition ("در ژانویه").
    if (!days && !yearM && !g["mah"] && !m[0].startsWith("ماه") && !thisM && !lastM && !info.solar && !spanOk && (ambiguous || !BARE_GREG_LEAD.test(near))) continue;
    const spanYear = spanOk && to?.groups?.["y"] ? { raw: to.groups["y"], back: info.m > (toInfo as { m: number }).m ? 1 : 0 } : null;
    const greg = Boolean(yearM?.groups?.["greg"] || thisM?.groups?.["greg"] || lastM?.groups?.["greg"]);
    if (yearM) end += yearM[0].length;
    else if (thisM) end += thisM[0].length;
    else if (lastM) end += lastM[0].length;
    let period: Period | null = null;
    let label: string | undefined;
    let year: number | undefined;
    let bare: number | undefined;
    if (info.solar && !greg) {
      let jy: number | null = null;
      if (yearM) jy = solarYearOf(yearM.groups?.["y"] as string, pub);
      else if (spanYear) jy = solarYearOf(spanYear.raw, pub) - spanYear.back;
      else if (pubSolar) jy = thisM ? pubSolar.jy : lastM ? pubSolar.jy - 1 : info.m <= pubSolar.jm ? pubSolar.jy : pubSolar.jy - 1;
      if (jy === null || jy < 1200 || jy > 1600) continue;
      if (days) {
        if (!validSolarDay(jy, info.m, days[0]) || !validSolarDay(jy, info.m, days[1])) continue;
        period = { start: solarDay(jy, info.m, days[0]), end: solarDay(jy, info.m, days[1]) };
      } else period = solarMonth(jy, info.m);
      label = solarLabel(jy, info.m, days ?? undefined);
    } else {
      let y: number | null = null;
      if (yearM) {
        const raw = yearM.groups?.["y"] as string;
        y = raw.length === 4 ? Number(raw) : null;
      } else if (spanYear && spanYear.raw.length === 4) y = Number(spanYear.raw) - spanYear.back;
      else if (pub) {
        y = thisM ? pub.year : lastM ? pub.year - 1 : Number(recentMonth(info.m, pub).start.slice(0, 4));
        if (!thisM && !lastM && !days) bare = info.m;
      }
      if (y === null || y < 1800) continue;
      if (yearM) year = y;
      period = days ? (() => {
        const a = dayPeriod(y, info.m, days[0]);
        const b = dayPeriod(y, info.m, days[1]);
        return a && b ? { start: a.start, end: b.end } : null;
      })() : monthPeriod(y, info.m);
    }
    if (!period) continue;
    if (!days) period = monthPart(period, lastDays, part?.groups?.["part"]);
    if (week) period = weekOfMonth(period, week.groups as Record<string, string>);
    // "از ۳ بهمن تاکنون": since then, up to publication.
    const until = UNTIL_NOW.exec(s.slice(end));
    if (!until && pub && SINCE_START.test(near) && period.end < pub.end) period = { start: period.start, end: pub.end };
    if (until && pub) {
      period = { start: period.start, end: pub.end };
      end += until[0].length;
      if (label) label = `since ${label}`;
    }
    const plain = bare !== undefined && period.end === monthPeriod(Number(period.start.slice(0, 4)), bare).end && period.start.endsWith("-01");
    const hit: TimeHit = { start, end, period, ...(label ? { label } : {}), ...(year ? { year } : {}), ...(plain ? { bareMonth: bare } : {}) };
    if (spanOk) spans.add(hit);
    hits.push(hit);
  }

  const free = (a: number, b: number) => isFree(hits, a, b);
  // "1402/12/15": a Solar date in digits.
  for (const m of s.matchAll(NUMERIC_DATE)) {
    const [jy, jm, jd] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validSolarDay(jy, jm, jd)) continue;
    const d = solarDay(jy, jm, jd);
    hits.push({ start: m.index, end: m.index + m[0].length, period: { start: d, end: d }, label: solarLabel(jy, jm, [jd, jd]) });
  }
  for (const m of matchesOf(YEARS, s)) {
    const g = m.groups as Record<string, string | undefined>;
    const a = Number(g["a"] ?? g["a2"] ?? g["a3"] ?? g["a4"]);
    const b = g["b"] ?? g["b2"] ? Number(g["b"] ?? g["b2"]) : a;
    const cal = (g["cal"] ?? g["cal2"] ?? (g["a3"] ? "میلادی" : "")).trim();
    if (!free(m.index, m.index + m[0].length) || b < a) continue;
    const solar = cal !== "" ? !cal.includes("میلادی") : a < 1600;
    if (solar && (a < 1200 || b > 1600)) continue;
    const period = solar ? { start: solarYear(a).start, end: solarYear(b).end } : { start: yearPeriod(a).start, end: yearPeriod(b).end };
    if (pub && a === b && SINCE_START.test(s.slice(Math.max(0, m.index - 20), m.index)) && period.end < pub.end) period.end = pub.end;
    const hit: TimeHit = { start: m.index, end: m.index + m[0].length, period };
    if (solar) hit.label = a === b ? String(a) : `${a}–${b}`;
    else hit.year = b;
    explicitYears.push({ at: m.index, y: b, solar });
    hits.push(hit);
  }

  for (const m of matchesOf(SEASON, s)) {
    const g = { ...m.groups } as Record<string, string | undefined>;
    let end = m.index + m[0].length;
    // "تابستان ۲۳ نفر": two digits after the season are a count, not its year.
    if (g["y"]?.length === 2 && COUNTED.test(s.slice(end))) {
      end = m.index + m[0].slice(0, m[0].indexOf(g["y"])).replace(/\s*(?:سال\s*)?$/u, "").length;
      g["y"] = undefined;
    }
    if (!g["f"] && !g["y"] && !g["this"] && !g["lasty"] && !g["last"]) continue; // "بهار" is also a name
    const season = SEASON_INDEX.get(g["s"] as string) ?? 0;
    const quarter = (jy: number) => solarMonths(jy, season * 3 + 1, season * 3 + 3);
    let period: Period | null = null;
    let jy: number | null = null;
    if (g["y"] && (g["g"] || Number(g["y"]) >= 1800)) period = seasonPeriod(season, Number(g["y"]));
    else if (g["y"]) jy = solarYearOf(g["y"], pub);
    else if (pubSolar && pub) {
      jy = g["lasty"] ? pubSolar.jy - 1 : pubSolar.jy;
      // "زمستان گذشته": the latest that has ended; "پاییز امسال", "فصل بهار": the latest begun.
      if (g["last"] && quarter(jy).end >= pub.end) jy -= 1;
      else if (!g["last"] && !g["lasty"] && quarter(jy).start > pub.end) jy -= 1;
    }
    if (jy !== null && jy > 1200 && jy < 1600) period = quarter(jy);
    if (!period) continue;
    dropOverlaps(hits, m.index, end); // the year after the season is part of it
    hits.push({ start: m.index, end, period, ...(jy !== null ? { label: `${SEASON_LATIN[season] as string} ${jy}` } : {}) });
  }

  // "۱۰ ماه نخست سال ۲۰۲۳", "نیمه دوم سال ۱۴۰۱", "شش ماه اول امسال".
  for (const m of matchesOf(FIRST_MONTHS, s)) {
    const g = m.groups as Record<string, string | undefined>;
    const n = g["half"] ? null : numberEndingAt(ctx.nums, m.index, s);
    if (!g["half"] && (!n || n.value < 1 || n.value > 12)) continue;
    const [from, to] = g["half"] ? (g["which"] === "دوم" ? [7, 12] : [1, 6]) : [1, (n as NumberHit).value];
    const y = g["y"] ? Number(g["y"]) : null;
    const gregorian = Boolean(g["g"]) || (y !== null && y >= 1800);
    let period: Period | null = null;
    let label: string | undefined;
    if (gregorian) {
      const gy = y ?? pub?.year ?? null;
      if (gy !== null) period = monthsPeriod(gy, from, to);
    } else {
      const jy = y ?? pubSolar?.jy ?? null;
      if (jy !== null && jy > 1200 && jy < 1600) {
        period = solarMonths(jy, from, to);
        label = `${solarLabel(null, from)}–${solarLabel(jy, to)}`;
      }
    }
    if (!period) continue;
    const start = n ? n.start : m.index;
    dropOverlaps(hits, start, m.index + m[0].length); // the year inside "the first months of the year" is part of it
    hits.push({ start, end: m.index + m[0].length, period, ...(label ? { label } : {}) });
  }

  for (const m of matchesOf(RELATIVE, s)) {
    const g = m.groups as Record<string, string | undefined>;
    if (!pub || !free(m.index, m.index + m[0].length)) continue;
    let period: Period | null = null;
    let label: string | undefined;
    let start = m.index;
    if (g["this"]) {
      if (g["g1"] || !pubSolar) period = { start: `${pub.year}-01-01`, end: pub.end };
      else {
        period = solarYear(pubSolar.jy);
        label = solarLabel(pubSolar.jy, null);
      }
    } else if (g["last"] && numberEndingAt(ctx.nums, m.index, s)) {
      // "طی یک سال گذشته", "دو سال گذشته": the years counted back from publication.
      const n = numberEndingAt(ctx.nums, m.index, s) as NumberHit;
      period = { start: addDays(pub.end, -365 * n.value), end: pub.end };
      start = n.start;
    } else if (g["last"]) {
      // "compared with last year" after a named year means the year before that one.
      const named = explicitYears.filter((y) => y.at < m.index).pop();
      if (named) period = named.solar ? solarYear(named.y - 1) : yearPeriod(named.y - 1);
      else if (g["g2"] || !pubSolar) period = yearPeriod(pub.year - 1);
      else {
        period = solarYear(pubSolar.jy - 1);
        label = solarLabel(pubSolar.jy - 1, null);
      }
    } else if (g["lastm"]) {
      const n = numberEndingAt(ctx.nums, m.index, s);
      if (n) {
        period = { start: addDays(pub.end, -30 * n.value), end: pub.end };
        start = n.start;
      } else if (g["g3"] || !pubSolar) period = previousMonth(pub);
      else {
        const jm = pubSolar.jm === 1 ? 12 : pubSolar.jm - 1;
        const jy = pubSolar.jm === 1 ? pubSolar.jy - 1 : pubSolar.jy;
        period = solarMonth(jy, jm);
        label = solarLabel(jy, jm);
      }
    } else if (g["thism"]) {
      // "ماه جاری": the month of writing, Solar unless marked Gregorian.
      if (g["g4"] || !pubSolar) period = { start: `${pub.start.slice(0, 7)}-01`, end: pub.end };
      else {
        period = solarMonth(pubSolar.jy, pubSolar.jm);
        label = solarLabel(pubSolar.jy, pubSolar.jm);
      }
    } else if (g["yday"] && /روز/u.test(g["yday"]) && numberEndingAt(ctx.nums, m.index, s)) {
      // "هفت روز گذشته": the past seven days, not "the day before" ("روز گذشته").
      const n = numberEndingAt(ctx.nums, m.index, s) as NumberHit;
      if (n.ordinal || n.value > 400) continue;
      period = { start: addDays(pub.end, -n.value), end: pub.end };
      start = n.start;
    } else if (g["yday"] || g["today"]) {
      if (pub.start !== pub.end) continue;
      const d = addDays(pub.end, g["today"] ? 0 : -1);
      period = { start: d, end: d };
    } else if (g["recent"]) {
      // "in the past 3 months", "the last two years": counted back from publication.
      const n = numberEndingAt(ctx.nums, m.index, s);
      if (!n) continue;
      // Hours count whole days back ("در ۲۴ ساعت گذشته": since the day before).
      const days = g["recent"] === "ساعت" ? Math.max(1, Math.ceil(n.value / 24)) : (g["recent"] === "روز" ? 1 : g["recent"] === "هفته" ? 7 : g["recent"] === "ماه" ? 30 : 365) * n.value;
      period = { start: addDays(pub.end, -days), end: pub.end };
      start = n.start;
    }
    if (period) hits.push({ start, end: m.index + m[0].length, period, ...(label ? { label } : {}) });
  }
  return mergeRanges(hits.sort((a, b) => a.start - b.start), s, spans);
}

/** The last `lastDays` days of a month, or its first, middle or last third ("اوایل", "اواسط", "اواخر"). */
/** The week ("هفته دوم": days 8–14; "هفته آخر": the last seven) or ten days ("دهه سوم": the 21st to the end) of a month. */
function weekOfMonth(p: Period, g: Record<string, string>): Period {
  const size = g["unit"] === fold("دهه") ? 10 : 7;
  const k = g["which"] === fold("نخست") ? 0 : WEEK_ORDER.indexOf(g["which"] as string);
  if (k < 0 || (size === 10 && k >= 2)) return size === 10 ? { start: addDays(p.start, 20), end: p.end } : { start: addDays(p.end, -6), end: p.end };
  const end = addDays(p.start, size * (k + 1) - 1);
  return { start: addDays(p.start, size * k), end: end < p.end ? end : p.end };
}

function monthPart(p: Period, lastDays: number, part: string | undefined): Period {
  if (lastDays > 0) return { start: addDays(p.end, 1 - lastDays), end: p.end };
  if (!part) return p;
  if (part === "اواسط") return { start: addDays(p.start, 10), end: addDays(p.start, 19) };
  if (part === "اواخر") return { start: addDays(p.start, 20), end: p.end };
  return { start: p.start, end: addDays(p.start, 9) };
}

/** "از مهر ۹۹ تا مهر ۱۴۰۰": two times joined by "تا" are one interval. */
function mergeRanges(hits: TimeHit[], s: string, spans: ReadonlySet<TimeHit>): TimeHit[] {
  const out: TimeHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    const gap = prev ? s.slice(prev.end, h.start) : "";
    if (prev && (/^\s*(?:تا|الی|-)\s*(?:(?:پایان|انتهای|آخر|اواخر)\s+)?(?:ماه\s+)?$/u.test(gap) || (spans.has(prev) && /^\s*و\s*$/u.test(gap))) && prev.period.start <= h.period.start) {
      out[out.length - 1] = {
        start: prev.start, end: h.end, period: { start: prev.period.start, end: h.period.end },
        ...(prev.label && h.label ? { label: `${prev.label} – ${h.label}` } : {}),
        ...(h.year ? { year: h.year } : {}),
      };
    } else out.push(h);
  }
  return out;
}
