// Persian: number words, hedges, events, Solar Hijri and transliterated Gregorian months,
// relative periods and attribution. Patterns are written on folded text (no ZWNJ, Persian yeh
// and kaf, bare alef, ه for ە), so "دست‌کم", "دستکم" and "دست کم" all read the same.
import { fold } from "../../text/fold.js";
import type { Period } from "../../types.js";
import { addDays, dayPeriod, monthPeriod, monthsPeriod, recentMonth, yearPeriod, previousMonth, type Publication } from "./calendar.js";
import type { LanguagePack, NumberHit, NumberWord, TimeContext, TimeHit } from "./pack.js";
import { dropOverlaps, isFree, numberEndingAt, rx, table, wordFromTables, type WordTables } from "./patterns.js";
import { solarDay, solarLabel, solarMonth, solarMonths, solarYear, toSolar, validSolarDay } from "./solar.js";

const UNITS = table({ یک: 1, دو: 2, سه: 3, چهار: 4, پنج: 5, شش: 6, هفت: 7, هشت: 8 });
const TEENS = table({ یازده: 11, دوازده: 12, سیزده: 13, چهارده: 14, پانزده: 15, پونزده: 15, شانزده: 16, هفده: 17, هیفده: 17, هجده: 18, هیجده: 18, نوزده: 19 });
const TENS = table({ ده: 10, بیست: 20, سی: 30, چهل: 40, پنجاه: 50, شصت: 60, هفتاد: 70, هشتاد: 80, نود: 90 });
const HUNDREDS = table({ صد: 100, یکصد: 100, دویست: 200, سیصد: 300, چهارصد: 400, پانصد: 500, ششصد: 600, هفتصد: 700, هشتصد: 800, نهصد: 900 });
const ORDINAL_ONLY = table({ اول: 1, یکم: 1, نخست: 1, سوم: 3, نهم: 9 });

const WORD_TABLES: WordTables = [
  [UNITS, "unit"], [TEENS, "teen"], [TENS, "ten"], [HUNDREDS, "hundred"],
  [table({ هزار: 1000 }), "thousand"], [table({ میلیون: 1_000_000 }), "million"],
];

const plain = (w: string): NumberWord | null => wordFromTables(w, WORD_TABLES);

/** A Persian number word; "…م", "…ام" and "…مین" make ordinals ("هشتم", "سیام", "نوزدهمین"). */
function numberWord(token: string): NumberWord | null {
  const w = plain(token);
  if (w) return w;
  // "سی‌وپنج" loses its ZWNJ in folding and reads as one word: tens and units glued by "و".
  const glued = /^(\p{L}+?)و(\p{L}+)$/u.exec(token);
  if (glued) {
    const ten = plain(glued[1] as string);
    const unit = plain(glued[2] as string);
    if (ten?.kind === "ten" && unit?.kind === "unit") return { value: ten.value + unit.value, kind: "teen" };
  }
  const o = ORDINAL_ONLY.get(token);
  if (o !== undefined) return { value: o, kind: o === 9 ? "unit" : "unit", ordinal: true };
  for (const suffix of ["مین", "ام", "م"]) {
    if (token.endsWith(suffix) && token.length > suffix.length + 1) {
      const base = plain(token.slice(0, -suffix.length));
      if (base) return { ...base, ordinal: true };
    }
  }
  return null;
}

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
const LAST_YEAR_AFTER = rx(`^\\s*(?:سال گذشته|پارسال|سال قبل)(?<greg>\\s*میلادی)?`, "iu");
const COUNTED = rx(`^\\s*(?:نفر|تن›|مورد|زندانی|شهروند|کولبر|زن›|کودک|معترض|اعدام|فعال|کشته|زخمی)`, "iu");
const NUMERIC_DATE = /(?<!\d)(1[34]\d\d)\/(\d{1,2})\/(\d{1,2})(?!\d)/gu;
const FIRST_MONTHS = rx(`‹(?:(?<half>نیمه|نیم)\\s*(?<which>نخست|اول|دوم)|ماه(?:ه)?(?:\\s*های)?\\s*(?:نخست|اول|ابتدایی))(?:\\s*سال)?(?:\\s*(?<y>\\d{4})|\\s*(?<rel>امسال|جاری))?(?<g>\\s*میلادی)?`);
const UNTIL_NOW = rx(`^\\s*(?:تاکنون|تا کنون|تا به امروز|تا امروز)`, "iu");
/** "۱۰ روز نخست خرداد", "پنج روز پایانی اسفند": the first or last days of a month (the count ends right before). */
const EDGE_DAYS = rx(`روز\\s*(?<which>نخست|اول|ابتدایی|آغازین|پایانی|آخر|انتهایی)\\s*(?:ماه\\s*)?$`, "iu");
/** "اوایل دی ماه", "اواخر اسفند": a third of the month. */
const PART_OF_MONTH = rx(`‹(?<part>اوایل|اوائل|اواسط|اواخر)\\s*(?:ماه\\s*)?$`, "iu");
/** "از ابتدای خرداد", "از آغاز سال ۲۰۲۳": since then, up to publication. */
const SINCE_START = rx(`‹از\\s*(?:ابتدای|ابتدا|آغاز|اول|شروع)\\s*(?:ماه\\s*)?$`, "iu");
const DAY_BEFORE = /(?:(?<!\d)(?<d1>\d{1,2})\s*(?:تا|-|و)\s*)?(?<!\d)(?<d2>\d{1,2})\s*$/u;
const YEARS = rx(`‹سال(?:های|ها)?\\s*(?:بین\\s*|از\\s*)?(?<a>\\d{4})(?:\\s*(?:تا|و|-)\\s*(?<b>\\d{4}))?(?<cal>\\s*(?:میلادی|خورشیدی|شمسی|هجری شمسی))?|‹(?:بین|از)\\s*(?<a2>\\d{4})\\s*(?:تا|و|-)\\s*(?<b2>\\d{4})(?<cal2>\\s*(?:میلادی|خورشیدی|شمسی))?|(?<a3>\\d{4})\\s*میلادی|‹در\\s+(?<a4>(?:19|20|13|14)\\d{2})(?!\\d)(?!\\s*(?:نفر|تن›|مورد|زندانی|کولبر|شهروند|اعدام))`);
const RELATIVE = rx(`‹(?<this>امسال|سال جاری)(?<g1>\\s*میلادی)?|‹(?<last>سال گذشته|پارسال)(?<g2>\\s*میلادی)?|‹(?<lastm>ماه گذشته|ماه قبل)(?<g3>\\s*میلادی)?|‹(?<thism>ماه\\s*(?:جاری|کنونی))(?<g4>\\s*میلادی)?|‹(?<yday>دیروز|روز گذشته)›|‹(?<today>امروز\\s*(?:صبح|ظهر|عصر|بامداد)|(?:صبح|ظهر|عصر|بامداد)\\s*امروز|امشب)›|‹(?<recent>ماه|سال|روز|ساعت)(?:\\s*های)?\\s*(?:گذشته|اخیر)`);

/** A Solar year from 4 or 2 digits; two digits are the latest 13xx/14xx not after publication. */
function solarYearOf(y: string, pub: Publication | null): number {
  if (y.length === 4) return Number(y);
  const two = Number(y);
  const now = pub ? toSolar(pub.end).jy : 1400;
  const cands = [1300 + two, 1400 + two].filter((c) => c <= now);
  return cands.length > 0 ? Math.max(...cands) : 1300 + two;
}

function findTimes(s: string, ctx: TimeContext): TimeHit[] {
  const { pub } = ctx;
  const hits: TimeHit[] = [];
  const pubSolar = pub ? toSolar(pub.end) : null;
  const explicitYears: { at: number; y: number; solar: boolean }[] = [];
  /** Months that open a span with the next month ("فروردین و اردیبهشت"). */
  const spans = new Set<TimeHit>();

  for (const m of s.matchAll(MONTH)) {
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
    const dm = DAY_BEFORE.exec(near);
    const edge = dm ? null : EDGE_DAYS.exec(near);
    const edgeN = edge ? numberEndingAt(ctx.nums, nearAt + edge.index, s) : null;
    const part = dm || edge ? null : PART_OF_MONTH.exec(near);
    if (edge && edgeN && !edgeN.ordinal && edgeN.value >= 1 && edgeN.value <= 29) {
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
    if (ambiguous && !g["mah"] && !m[0].startsWith("ماه") && !days && !yearM && !spanOk) continue;
    if (!days && !yearM && !g["mah"] && !m[0].startsWith("ماه") && !thisM && !lastM && !info.solar && !spanOk) continue;
    const spanYear = spanOk && to?.groups?.["y"] ? { raw: to.groups["y"], back: info.m > (toInfo as { m: number }).m ? 1 : 0 } : null;
    const greg = Boolean(yearM?.groups?.["greg"] || thisM?.groups?.["greg"] || lastM?.groups?.["greg"]);
    if (yearM) end += yearM[0].length;
    else if (thisM) end += thisM[0].length;
    else if (lastM) end += lastM[0].length;
    let period: Period | null = null;
    let label: string | undefined;
    let year: number | undefined;
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
      else if (pub) y = thisM ? pub.year : lastM ? pub.year - 1 : Number(recentMonth(info.m, pub).start.slice(0, 4));
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
    // "از ۳ بهمن تاکنون": since then, up to publication.
    const until = UNTIL_NOW.exec(s.slice(end));
    if (!until && pub && SINCE_START.test(near) && period.end < pub.end) period = { start: period.start, end: pub.end };
    if (until && pub) {
      period = { start: period.start, end: pub.end };
      end += until[0].length;
      if (label) label = `since ${label}`;
    }
    const hit: TimeHit = { start, end, period, ...(label ? { label } : {}), ...(year ? { year } : {}) };
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
  for (const m of s.matchAll(YEARS)) {
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

  // "۱۰ ماه نخست سال ۲۰۲۳", "نیمه دوم سال ۱۴۰۱", "شش ماه اول امسال".
  for (const m of s.matchAll(FIRST_MONTHS)) {
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

  for (const m of s.matchAll(RELATIVE)) {
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
    } else if (g["yday"] || g["today"]) {
      if (pub.start !== pub.end) continue;
      const d = addDays(pub.end, g["today"] ? 0 : -1);
      period = { start: d, end: d };
    } else if (g["recent"]) {
      // "in the past 3 months", "the last two years": counted back from publication.
      const n = numberEndingAt(ctx.nums, m.index, s);
      if (!n) continue;
      // Hours count whole days back ("در ۲۴ ساعت گذشته": since the day before).
      const days = g["recent"] === "ساعت" ? Math.max(1, Math.ceil(n.value / 24)) : (g["recent"] === "روز" ? 1 : g["recent"] === "ماه" ? 30 : 365) * n.value;
      period = { start: addDays(pub.end, -days), end: pub.end };
      start = n.start;
    }
    if (period) hits.push({ start, end: m.index + m[0].length, period, ...(label ? { label } : {}) });
  }
  return mergeRanges(hits.sort((a, b) => a.start - b.start), s, spans);
}

/** The last `lastDays` days of a month, or its first, middle or last third ("اوایل", "اواسط", "اواخر"). */
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
    if (prev && (/^\s*(?:تا|الی|-)\s*$/u.test(gap) || (spans.has(prev) && /^\s*و\s*$/u.test(gap))) && prev.period.start <= h.period.start) {
      out[out.length - 1] = {
        start: prev.start, end: h.end, period: { start: prev.period.start, end: h.period.end },
        ...(prev.label && h.label ? { label: `${prev.label} – ${h.label}` } : {}),
        ...(h.year ? { year: h.year } : {}),
      };
    } else out.push(h);
  }
  return out;
}

/** The Persian pack. */
export const persian: LanguagePack = {
  code: "fa",
  wordHint: new RegExp([...UNITS.keys(), ...TEENS.keys(), ...TENS.keys(), ...HUNDREDS.keys(), ...ORDINAL_ONLY.keys(), "هزار", "میلیون"].join("|"), "u"),
  wordPattern: /[\p{L}]+/gu,
  numberWord,
  joiner: /^\s+(?:و\s+)?$|^\s*و\s*$/u,
  spaceThousands: false,
  vague: [
    [rx(`‹نه(?=\\s+(?:نفر|تن|مورد|زندانی|کودک|زن|کولبر|شهروند)›)`), 9, "exact"],
    [rx(`‹(?:ده ها|دهها)›`), 10, "at_least"],
    [rx(`‹(?:صدها|چند\\s*صد|چندصد)›`), 100, "at_least"],
    [rx(`‹(?:چند\\s*هزار|چندهزار)›`), 1000, "at_least"],
    [rx(`‹(?:هزاران)›`), 1000, "at_least"],
  ],
  qualifiers: [
    [rx(`(?:دست\\s*کم|حداقل|لااقل|کم\\s*کم)\\s*["«]?\\s*$`, "iu"), "at_least"],
    [rx(`(?:بیش\\s*از|بیشتر\\s*از|افزون\\s*بر|متجاوز\\s*از)\\s*["«]?\\s*$`, "iu"), "more_than"],
    [rx(`(?:حدود|حدودا|نزدیک\\s*به|قریب\\s*به|تقریبا|درحدود)\\s*["«]?\\s*$`, "iu"), "about"],
    [rx(`(?:حداکثر|تا\\s*سقف)\\s*["«]?\\s*$`, "iu"), "up_to"],
  ],
  range: { lead: rx(`(?:بین|میان|از)\\s*["«]?\\s*$`, "iu"), gap: rx(`^\\s*(?:تا|الی|-|–)\\s*$`, "iu"), leadRequired: false },
  nonCountAfter: rx(`^\\s*(?:%|درصد|ساله|سال(?:ه)?›|سال\\s+(?:سن|زندان|حبس)|روز›|روزه›|هفته›|ماه›|ساعت›|دقیقه›|دهه›|قرن›|کشور›|استان›|شهر›|شهرستان›|زندان›|روستا›|بار›|برابر›|سالگی|میلیون\\s+(?:تومان|ریال|دلار)|(?:تومان|ریال|دلار)›|کیلو|متر›|ضربه|سال\\s*و\\s*\\S+\\s*ماه|(?:نفر|تن|مورد|اعدام)?\\s*در\\s+(?:هر\\s+(?:روز|هفته|ماه|ساعت)›|(?:روز|هفته|ساعت)›(?!\\s*(?:\\d|شنبه|یکشنبه|دوشنبه|سه|چهار|پنج|جمعه|های|ها›|گذشته|قبل|پیش|بعد|آینده|اول|دوم|سوم|نخست|آخر|جهانی|\\S+مین›|\\S*(?:یکم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|ستم)›))))`, "iu"),
  // Rates: "هر روز به طور متوسط ۳ نفر", "روزانه ۲ اعدام".
  nonCountBefore: rx(`(?:%|هر|ماده|شماره|بند|اصل|ساعت|رتبه)\\s*$|‹(?:روزانه|هفتگی|ماهانه|میانگین|متوسط)(?:\\s+\\S+){0,2}\\s*$|‹هر\\s+(?:روز|هفته|ماه|ساعت|\\d+\\s*(?:روز|ساعت))›(?:\\s+\\S+){0,4}\\s*$`, "iu"),
  countNoun: rx(`^\\s*(?:نفر|تن›|مورد|زندانی|شهروند|کولبر|زن›|کودک|معترض|اعدام|فعال)`, "iu"),
  events: [
    [rx(`(?:صدور|صادر\\s*(?:شدن|شده)?)\\s*(?:احکام|حکم)\\s*اعدام|(?:احکام|حکم)\\s*اعدام\\s*(?:صادر|برای)|(?:به|با)\\s*اعدام\\s*محکوم|محکوم\\s*به\\s*اعدام|محکومان?\\s*به\\s*اعدام|(?:به|با)\\s*قصاص\\s*(?:نفس\\s*)?محکوم|محکوم(?:ان)?\\s*به\\s*قصاص|(?:صدور|صادر\\s*(?:شدن|شده)?)\\s*حکم\\s*قصاص|حکم\\s*قصاص\\s*(?:\\S+\\s*){0,3}صادر`), "death_sentence"],
    [rx(`در\\s*(?:صف|انتظار|معرض(?:\\s*خطر)?|خطر(?:\\s*قریب\\s*الوقوع)?)\\s*(?:اجرای\\s*)?(?:حکم\\s*)?اعدام|منتظر\\s*(?:اجرای\\s*)?(?:حکم\\s*)?اعدام`), "death_row"],
    [rx(`اعدام|به\\s*دار\\s*(?:آویخته|اویخته)|چوبه(?:\\s*های)?\\s*دار|حلق\\s*آویز|قصاص|به\\s*مورد\\s*اجرا|به\\s*اجرا\\s*(?:در)?\\s*(?:آمد|امد|آورد|اورد)|تیرباران`), "execution"],
    [rx(`کشته|‹کشت(?:ند|ن|ه اند)?›|‹(?:به\\s*)?قتل\\s*(?:رساندند|رساند|رسیدند|رسید)|جان\\s*باخت|جانباخت|جان\\s*(?:خود\\s*)?را\\s*از\\s*دست|جان\\s*سپرد|کشتار|به\\s*قتل\\s*رسید|قربانی|مرگ\\s*در\\s*(?:بازداشت|زندان)|کشته\\s*شدگان`), "killing"],
    [rx(`زخمی|مجروح|مصدوم`), "injury"],
    [rx(`بازداشت|دستگیر|ربوده`), "arrest"],
    [rx(`ناپدید`), "disappearance"],
    [rx(`شکنجه`), "torture"],
    [rx(`شلاق`), "flogging"],
    [rx(`قطع\\s*(?:انگشت|دست|عضو)`), "amputation"],
  ],
  partOf: rx(`‹(?:از\\s*(?:این|آن)\\s*(?:تعداد|میان|شمار)|از\\s*میان\\s*(?:آنها|آنان)|از\\s*جمله|شامل)›`, "u"),
  victims: [
    [rx(`^\\s*(?:نفر\\s*|تن\\s*)?(?:از\\s*(?:(?:آنها|آنان|ایشان|این\\s*افراد|این\\s*تعداد|اعدام\\s*شدگان|جانباختگان)\\s*)?)?(?:زن|زنان)›`, "iu"), "women"],
    [rx(`کودک(?:ان)?\\s*مجرم|مجرم(?:ان)?\\s*کودک|زیر\\s*(?:۱۸|18)\\s*سال`, "iu"), "child_offenders"],
    [rx(`کولبر|سوختبر`, "iu"), "civilians"],
    [rx(`زندانی(?:ان)?\\s*سیاسی`, "iu"), "political_prisoners"],
    [rx(`^\\s*(?:زندانی|زندانیان)›`, "iu"), "prisoners"],
    // "کرد" is also the verb "did" ("محکوم کرد"): the people only after a noun of persons, or "کردها".
    [rx(`(?:زندانی|زندانیان|شهروند|شهروندان|کولبر|کولبران|فعال|فعالان|معترض|معترضان|جوان|جوانان|کودک|کودکان|زن|زنان|مرد|مردان|دانشجو|دانشجویان|نفر|تن|هموطن|هموطنان|ملیت|قوم|اقلیت)\\s+کرد(?:ی|ها)?›|‹کردها›|‹کرد\\s*تبار|بلوچ(?!ستان)|‹عرب›|اقلیت`, "iu"), "ethnic_minorities"],
    [rx(`بهائی|بهایی|مسیحی|درویش`, "iu"), "religious_minorities"],
    [rx(`معترض|اعتراض|تظاهر`, "iu"), "protesters"],
    [rx(`خبرنگار|روزنامه\\s*نگار`, "iu"), "journalists"],
  ],
  // Charges, and detainees who were released ("۲۰ نفر از بازداشت‌شدگان آزاد شدند"): their event words are not the figure's event.
  notEvents: rx(`(?:آزاد\\s*(?:شد|شده|گردید|گشت)|‹آزادی›|آواره|تبعید\\s*شد)`, "u"),
  charges: rx(`(?:اتهام|دلیل|بدلیل|جرم)\\s*(?:به\\s*)?(?:قتل|مشارکت\\s*در\\s*قتل)|قتل\\s*عمد|(?:بازداشت\\s*شدگان|بازداشتی(?:ان|ها)?|دستگیر\\s*شدگان)(?=[^.؛]{0,50}آزاد)`),
  findTimes,
  samePeriod: rx(`‹(?:در\\s+)?(?:(?:مدت|دوره|بازه)(?:\\s+زمانی)?\\s+(?:مشابه|یکسان)|همین\\s+(?:مدت|دوره|بازه))\\s+(?:در\\s+|از\\s+)?(?:سال\\s+(?:گذشته|قبل|پیش|پیشین)|سال\\s+(?<y>\\d{4}))›`),
  clauseBreak: /[،,؛;:]/gu,
  descriptorHint: rx(`اپوز|مخالفان|وزیر|وزارت|قوه|دستگاه`, "u"),
  vagueHint: rx(`نه|ده|صد|هزار`, "u"),
  descriptors: [
    [rx(`‹اپوزیسیون|‹اپوزسیون|‹مخالفان›`), "opposition"],
    [rx(`‹وزیر\\s*کشور`), "Interior Minister"],
    [rx(`‹وزارت\\s*بهداشت`), "Health Ministry"],
    [rx(`‹وزارت\\s*کشور`), "Interior Ministry"],
    [rx(`‹(?:قوه\\s*قضاییه|قوه\\s*قضائیه|دستگاه\\s*قضایی)`), "Iranian judiciary"],
  ],
  // "به رویترز گفت", "به خبرگزاری فرانسه گفته است": the agency is spoken to.
  recipient: { before: rx(`‹به\\s+(?:خبرگزاری\\s+|شبکه\\s+|روزنامه\\s+)?$`, "iu"), after: rx(`^\\s*(?:گفت|گفته|اظهار|تایید|تأیید)`, "iu") },
  anaphor: rx(`‹(?:این|همین)\\s*(?:گزارش|بیانیه|آمار|سازمان|نهاد|منبع|مرکز)`),
  pronoun: null,
  verbFinal: true,
  carrySource: true,
  superlative: rx(`‹(?:بالاترین|بیشترین|کمترین|پایین‌ترین|بی‌سابقه)[^.،؛]{0,30}(?:در|طی|از)\\s*$`, "u"),
  recentDays: {
    // "پنجشنبه گذشته", "روز شنبه"; "سه‌شنبه" reads "سهشنبه" or "سه شنبه" once folded.
    weekdays: rx(`‹(?:روز\\s*)?(?:(?<d1>دوشنبه|دو\\s+شنبه)|(?<d2>سهشنبه|سه\\s+شنبه)|(?<d3>چهارشنبه|چهار\\s+شنبه)|(?<d4>پنجشنبه|پنج\\s+شنبه)|(?<d5>جمعه)|(?<d7>یکشنبه|یک\\s+شنبه)|(?<d6>شنبه))(?:\\s*(?:گذشته|شب|صبح))?›`),
    lastWeek: rx(`‹هفته\\s*(?:گذشته|قبل|پیش)›`),
    since: rx(`‹از\\s*$`, "u"),
    reportAfter: rx(`^[^.،؛]{0,30}(?:اعلام\\s*کرد|گزارش\\s*داد|گفت|نوشت|منتشر\\s*کرد)`, "u"),
  },
};
