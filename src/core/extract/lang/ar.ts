// Arabic: number words with clitics and case endings ("بخمسين", "الالفين وثلاثمائة"), hedges,
// events, Syriac-Levantine and Western month names, years in words, relative periods and
// attribution. Patterns are written on folded text (bare alef, Persian yeh and kaf, no harakat).
import { fold } from "../../text/fold.js";
import type { Period } from "../../types.js";
import { addDays, dayPeriod, monthPeriod, monthsPeriod, previousMonth, recentMonth, recentSeason, seasonPeriod, yearPeriod } from "./calendar.js";
import type { LanguagePack, NumberHit, NumberWord, TimeContext, TimeHit } from "./pack.js";
import { findHijri } from "./hijri.js";
import { dropOverlaps, isFree, joinUntil, matchesOf, numberEndingAt, numberStartingAt, rx, table, wordFromTables, type WordTables } from "./patterns.js";

const UNITS = table({
  واحد: 1, واحدة: 1, احد: 1, اثنان: 2, اثنين: 2, اثنا: 2, اثني: 2, اثنتي: 2, اثنتان: 2, اثنتين: 2, اثنتا: 2, ثلاث: 3, ثلاثة: 3, اربع: 4, اربعة: 4,
  خمس: 5, خمسة: 5, ستة: 6, سبع: 7, سبعة: 7, ثمان: 8, ثماني: 8, ثمانية: 8, تسع: 9, تسعة: 9,
});
const TENS = table({
  عشرة: 10, عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, اربعون: 40, اربعين: 40, خمسون: 50, خمسين: 50,
  ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
});
const HUNDREDS = table({
  مئة: 100, مائة: 100, مية: 100, مئه: 100, مائه: 100, مئتان: 200, مئتين: 200, مائتان: 200, مائتين: 200, مئتي: 200, مائتي: 200, مئتا: 200, مائتا: 200,
  ثلاثمئة: 300, ثلاثمائة: 300, اربعمئة: 400, اربعمائة: 400, خمسمئة: 500, خمسمائة: 500, ستمئة: 600, ستمائة: 600,
  سبعمئة: 700, سبعمائة: 700, ثمانمئة: 800, ثمانمائة: 800, ثمانيمئة: 800, ثمانيمائة: 800, تسعمئة: 900, تسعمائة: 900,
});
const THOUSANDS = table({ الف: 1000, آلاف: 1000, الاف: 1000, الفان: 2000, الفين: 2000, الفي: 2000, الفا: 1000 });

const WORD_TABLES: WordTables = [
  [UNITS, "unit"], [table({ عشر: 10 }), "teenMarker"], [TENS, "ten"], [HUNDREDS, "hundred"], [THOUSANDS, "thousand"],
  [table({ مليون: 1_000_000, ملايين: 1_000_000 }), "million"],
];

const lookup = (w: string): NumberWord | null => wordFromTables(w, WORD_TABLES);

/** "65 بالمئة", "في المئة": per cent, never a hundred. */
const PERCENT_HUNDRED = new Set(["بالمئة", "بالمائة", "بالمية", "المئة", "المائة", "للمئة", "للمائة"].map(fold));

/** Clitics a number word can carry: "و" (and), "ف", "ب"/"ل"/"ک" (prepositions), the article "ال". */
const CLITICS = ["", ...["", "و", "ف"].flatMap((c) => ["", "ب", "ل", fold("ك")].flatMap((p) => ["", "ال"].map((a) => c + p + a)))].filter((x, i, all) => all.indexOf(x) === i);

/** Every number word with every clitic prefix, built once: a lookup per word instead of a search. */
const FORMS = (() => {
  const forms = new Map<string, NumberWord>();
  const words = [...UNITS.keys(), ...TENS.keys(), ...HUNDREDS.keys(), ...THOUSANDS.keys(), "عشر", fold("مليون"), fold("ملايين")];
  for (const w of words) {
    const value = lookup(w);
    if (!value) continue;
    for (const c of CLITICS) if (!forms.has(c + w) && !PERCENT_HUNDRED.has(c + w)) forms.set(c + w, value);
  }
  // The bare word wins over a clitic reading of another ("الف" is a thousand, not "ال" + "ف").
  for (const w of words) {
    const value = lookup(w);
    if (value) forms.set(w, value);
  }
  return forms;
})();

/** An Arabic number word, with its clitics ("بخمسين", "والفين", "الالفين"). */
function numberWord(token: string): NumberWord | null {
  return FORMS.get(token) ?? null;
}

const MONTHS: [string, number][] = [
  ["كانون الثاني|يناير|جانفي", 1], ["شباط|فبراير|فيفري", 2], ["آذار|مارس", 3], ["نيسان|ابريل|أبريل|افريل", 4],
  ["أيار|مايو|ماي", 5], ["حزيران|يونيو|يونيه|جوان", 6], ["تموز|يوليو|يوليه|جويلية", 7], ["آب|أغسطس|اغسطس|أوت", 8],
  ["أيلول|سبتمبر", 9], ["تشرين الأول|أكتوبر|اكتوبر", 10], ["تشرين الثاني|نوفمبر", 11], ["كانون الأول|ديسمبر", 12],
];
const monthIndex = new Map<string, number>();
for (const [names, m] of MONTHS) for (const n of names.split("|")) monthIndex.set(fold(n), m);
const MONTH = rx(`(?:‹|(?<=‹و))(?:شهر\\s+)?(?<name>${MONTHS.map(([n]) => n).join("|")})(?:\\s*/\\s*(?:${MONTHS.map(([n]) => n).join("|")}))?›`);
const AMBIGUOUS = new Set(["آب", "ماي", "مارس"].map(fold));
const YEAR_WORD = rx(`(?:‹(?:عام|العام|سنة|لعام|لسنة|بعام)\\s*)$`, "iu");
const RELATIVE = rx(
  `‹(?<since>منذ\\s+(?:بداية|مطلع)\\s+(?:العام|السنة|هذا\\s+العام)(?:\\s+(?:الحالي|الجاري))?)|‹(?<last>(?:العام|السنة|عام)\\s+(?:الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة|السابق))|‹(?<this>(?:العام|السنة)\\s+(?:الحالي|الحالية|الجاري|الجارية)|هذا\\s+العام|هذه\\s+السنة)|‹(?<next>(?:العام|السنة)\\s+(?:التالي|التالية|اللاحق))|‹(?<lastm>الشهر\\s+(?:الماضي|المنصرم|الفائت))|‹(?<thism>(?:(?:منذ\\s+)?(?:بداية|مطلع)\\s+)?(?:الشهر\\s+(?:الجاري|الحالي)|هذا\\s+الشهر))›|‹(?<dual>(?:ال)?(?:يومين|اسبوعين|شهرين|عامين|سنتين))\\s+(?:الماضيين|الاخيرين|المنصرمين|الفائتين)›|‹(?<decade>(?:العقد|السنوات\\s+العشر)\\s+(?:الماضي|الاخير|الماضية|الاخيرة|المنصرم))›|‹(?<unit2>(?:ال)?(?:اشهر|شهور|ايام|اسابيع|سنوات|اعوام|ساعات))\\s+(?<n2>\\S+)\\s+(?:الماضية|الفائتة|الاخيرة|المنصرمة)›|‹(?<yesterday>(?:يوم\\s+)?(?:امس|البارحة))›|‹(?<today>(?:صباح|مساء|فجر|ظهر)\\s+(?:هذا\\s+)?اليوم)›|‹(?<recent>(?:سنة|سنوات|عاما|اعوام|اشهر|شهرا|شهور|ايام|يوما|ساعة|ساعات))\\s+(?:الماضية|الفائتة|الاخيرة|المنصرمة)`,
);

const BETWEEN_YEARS = rx(`‹و?(?:بين|ما\\s+بين)\\s+(?:العامين|السنتين|عامي|سنتي|عام)?\\s*$`, "iu");
const HAS_RELATIVE = rx(`العام|السنة|هذه|الشهر|امس|البارحة|ماضی|فائت|اخیر|منصرم|العقد|الیوم`, "u");
/** "في الرابع من حزيران", "الحادي عشر من شهر آذار", "الخامس والعشرين من": an ordinal day before a month. */
const ORD_DAY = rx(`(?:‹(?:ال)?(?<u>حادي|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)(?:\\s+(?<teen>عشر))?(?:\\s+و(?:ال)?(?<t>عشرين|ثلاثين))?|‹(?:ال)?(?<t2>عشرين|ثلاثين))\\s+من\\s+(?:شهر\\s+)?$`, "u");
const ORDINALS: Record<string, number> = Object.fromEntries(["حادي", "اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"].map((w, i) => [fold(w), i === 0 ? 1 : i]));
/** "الربع الأول من العام", "الربع الثالث من عام 2023". */
const QUARTER = rx(`‹الربع\\s+(?<q>الاول|الثاني|الثالث|الرابع|الاخير)(?:\\s+(?:من\\s+)?(?:(?:عام|العام|سنة|السنة)\\s*)?(?:(?<y>\\d{4})|(?<rel>الحالي|الجاري|الماضي|المنصرم)))?`);
const FIRST_MONTHS = rx(`‹(?:(?<half>النصف)\\s+(?<which>الاول|الثاني)|(?:ال)?(?:اشهر|شهور)\\s+(?<n>\\S+)\\s+(?:ال)?اولى)\\s+(?:من\\s+)?(?:(?:عام|العام|سنة|السنة)\\s*)?(?:(?<y>\\d{4})|(?<rel>الحالي|الجاري|الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة))?`);
/** "صيف 2023", "شتاء العام الماضي", "الخريف الماضي", "فصل الصيف" (not "ربيع الأول", a Hijri month, nor "الربيع العربي"). */
const SEASON = rx(`‹(?<f>فصل\\s+)?(?:ال)?(?<s>ربيع|صيف|خريف|شتاء)›(?!\\s+(?:الاول|الثاني|الاخر|الآخر|العربي))(?:\\s+(?:من\\s+)?(?:(?:عام|العام|سنة|السنة)\\s*)?(?:(?<y>\\d{4})(?!\\d)|(?<lasty>الماضي|الماضية|المنصرم|الفائت)›|(?<thisy>الحالي|الجاري)›)|\\s+(?<this>هذا\\s+العام)›)?`);
const SEASON_INDEX = new Map(["ربيع", "صيف", "خريف", "شتاء"].map((w, i) => [fold(w), i]));
const SINCE_NEAR = rx(`‹منذ(?:\\s+(?!و?(?:حتى|الى|لغاية)›)\\S+){0,4}\\s*$`, "u");
/** Words that make an ambiguous month name ("آب", "أيار") a month: "حتى نهاية آب". */
const MONTH_LEAD = rx(`‹(?:حتى|نهاية|اواخر|اوائل|منتصف|مطلع)\\s+$`, "u");
/** "منذ بداية العام وحتى نهاية تشرين الثاني": the gap of a span up to a time (joinUntil). */
const UNTIL = rx(`^\\s*[،,]?\\s*و?(?:حتى|الى|لغاية)\\s+(?:(?:نهاية|اواخر|اخر|مطلع|بداية)\\s+)?$`, "u");
const IN_YEAR = rx(`(?:في|منذ|خلال)(?:\\s+(?:بداية|مطلع|اوائل))?\\s*$|^\\s*(?:ال)?(?:تقرير|حصيلة|احصائيات|احصاءات)(?:\\s+(?:ال)?(?:سنوي|السنوي|العام|السنوية))?\\s*:?\\s*$`, "u");
const AND = rx(`^\\s*(?:و|الى|-)\\s*`, "u");
const EARLY = rx(`(?:مطلع|بداية|اوائل)\\s*$`, "u");
const SINCE = rx(`‹منذ\\s+(?:(?:بداية|مطلع|اوائل|اول)\\s+)?(?:(?:عام|العام|سنة)\\s*)?$|‹منذ\\s*$`, "u");
const MONTH_YEAR = rx(`^\\s*(?:من\\s+)?(?:عام\\s+|العام\\s+|سنة\\s+)?(\\d{4})(?!\\d)`, "u");
const MONTH_REL = rx(`^\\s*(?:من\\s+)?(?:(العام|السنة)\\s+(الماضي|الماضية|المنصرم|الفائت|الحالي|الجاري))`, "u");
const MONTH_JOIN = rx(`^\\s*(?:و|الى|حتى|-|–)?\\s*$`, "u");
const MONTH_SPAN_LEAD = rx(`(?:(?:بين|من|ما\\s+بين)\\s+(?:شهري\\s+)?|‹شهري\\s+)$`, "u");
const DAY_GAP = rx(`(?:و|الى|حتى|-|–)\\s*$`, "u");
const PAST = rx(`الماضي|المنصرم|الفائت`, "u");
const DAYS = rx(`يوم|ايام`, "u");
/** Weeks, folded like the text (its "ي" is not the pattern's). */
const WEEKS = rx(`اسبوع|اسابيع`, "u");

function findTimes(s: string, ctx: TimeContext): TimeHit[] {
  const { pub } = ctx;
  const hits: TimeHit[] = [];
  const free = (a: number, b: number) => isFree(hits, a, b);
  // Years, in digits or words, after "عام", "سنة"; "between the years A and B"; "since", "early".
  const years: { n: NumberHit; start: number }[] = [];
  for (const n of ctx.nums) {
    if (n.decimal || n.value < 1900 || n.value > 2100) continue;
    const before = s.slice(Math.max(0, n.start - 30), n.start);
    const yw = YEAR_WORD.exec(before);
    if (yw) years.push({ n, start: n.start - (before.length - yw.index) });
    else if (IN_YEAR.test(before) && !n.word) years.push({ n, start: n.start });
  }
  for (const n of ctx.nums) {
    if (n.value < 1900 || n.value > 2100) continue;
    const between = BETWEEN_YEARS.exec(s.slice(Math.max(0, n.start - 30), n.start));
    if (!between || n.value < 1900 || n.value > 2100) continue;
    const rest = s.slice(n.end);
    const and = AND.exec(rest);
    const b = and ? ctx.nums.find((x) => x.start >= n.end && x.start <= n.end + and[0].length + 1) : null;
    if (!b || b.value < n.value || b.value > 2100) continue;
    const start = n.start - (Math.min(30, n.start) - between.index);
    hits.push({ start, end: b.end, period: { start: yearPeriod(n.value).start, end: yearPeriod(b.value).end }, year: b.value });
  }
  for (const { n, start } of years) {
    if (!free(start, n.end)) continue;
    const before = s.slice(Math.max(0, start - 20), start);
    let period: Period = yearPeriod(n.value);
    // "منذ بداية عام 2024" runs to publication; "مطلع عام 2024" alone is its January.
    if (SINCE.test(before) && pub) period = { start: `${n.value}-01-01`, end: pub.end };
    else if (EARLY.test(before)) period = monthPeriod(n.value, 1);
    hits.push({ start, end: n.end, period, year: n.value });
  }
  const monthHits: TimeHit[] = [];
  for (const m of matchesOf(MONTH, s)) {
    const name = m.groups?.["name"] as string;
    const month = monthIndex.get(name);
    if (!month) continue;
    let start = m.index;
    let end = m.index + m[0].length;
    const rest = s.slice(end);
    let y: number | null = null;
    const yHit = hits.find((h) => h.year !== undefined && h.start >= end && /^\s*(?:من\s+)?$/u.test(s.slice(end, h.start)));
    const digits = MONTH_YEAR.exec(rest);
    const rel = MONTH_REL.exec(rest);
    if (yHit) {
      y = yHit.year as number;
      end = yHit.end;
      hits.splice(hits.indexOf(yHit), 1);
    } else if (digits) {
      y = Number(digits[1]);
      end += digits[0].length;
    } else if (rel && pub) {
      y = PAST.test(rel[2] as string) ? pub.year - 1 : pub.year;
      end += rel[0].length;
    }
    let day = numberEndingAt(ctx.nums, start, s);
    const ord = day ? null : ORD_DAY.exec(s.slice(Math.max(0, start - 40), start));
    if (ord) {
      const og = ord.groups as Record<string, string | undefined>;
      const tens = og["t"] ?? og["t2"];
      const value = (og["u"] ? (ORDINALS[og["u"]] ?? 0) : 0) + (og["teen"] ? 10 : 0) + (tens ? (tens === fold("عشرين") ? 20 : 30) : 0);
      const at = start - (Math.min(40, start) - ord.index);
      if (value >= 1 && value <= 31) day = { start: at, end: at, value, word: false, ordinal: true, decimal: false };
    }
    const isDay = day && !day.word && day.value >= 1 && day.value <= 31;
    if (AMBIGUOUS.has(name) && !isDay && y === null && !m[0].startsWith("شهر") && !MONTH_LEAD.test(s.slice(Math.max(0, start - 12), start))) continue;
    const yearless = y === null;
    if (y === null && pub) y = Number(recentMonth(month, pub).start.slice(0, 4));
    if (y === null) continue;
    let period: Period | null = monthPeriod(y, month);
    if (isDay && day) {
      period = dayPeriod(y, month, day.value);
      start = day.start;
      // "بين 3 و10 حزيران", "من 5 الى 9 آذار": the days between.
      const gap = DAY_GAP.exec(s.slice(Math.max(0, day.start - 8), day.start));
      const first = gap ? numberEndingAt(ctx.nums, day.start - gap[0].length, s) : null;
      const firstDay = first && !first.word && first.value >= 1 && first.value < day.value ? dayPeriod(y, month, first.value) : null;
      if (period && firstDay) {
        period = { start: firstDay.start, end: period.end };
        start = (first as NumberHit).start;
      }
    }
    if (!period) continue;
    // "منذ 3 شباط", "منذ شهر آذار": since then, up to publication.
    if (pub && SINCE_NEAR.test(s.slice(Math.max(0, start - 40), start))) period = { start: period.start, end: pub.end };
    const plain = yearless && !isDay && period.end === monthPeriod(y, month).end;
    const hit: TimeHit = { start, end, period, year: y, ...(plain ? { bareMonth: month } : {}) };
    hits.push(hit);
    monthHits.push(hit);
  }
  // "بين كانون الثاني وآذار", "من يناير الى مارس 2024": the two months and those between.
  for (let i = 0; i + 1 < monthHits.length; i++) {
    const a = monthHits[i] as TimeHit;
    const b = monthHits[i + 1] as TimeHit;
    if (!MONTH_JOIN.test(s.slice(a.end, b.start)) || !MONTH_SPAN_LEAD.test(s.slice(Math.max(0, a.start - 20), a.start))) continue;
    const startDay = a.period.start <= b.period.start ? a.period.start : `${Number(a.period.start.slice(0, 4)) - 1}${a.period.start.slice(4)}`;
    hits.splice(hits.indexOf(a), 1);
    hits.splice(hits.indexOf(b), 1, { start: a.start, end: b.end, period: { start: startDay, end: b.period.end }, ...(b.year !== undefined ? { year: b.year } : {}) });
    i++;
  }
  // "النصف الأول من عام 2023", "الأشهر العشرة الأولى من العام الحالي".
  for (const m of matchesOf(FIRST_MONTHS, s)) {
    const g = m.groups as Record<string, string | undefined>;
    let to = 6;
    let from = 1;
    if (g["half"]) [from, to] = g["which"] === fold("الثاني") ? [7, 12] : [1, 6];
    else {
      const at = m.index + m[0].indexOf(g["n"] as string);
      const n = ctx.nums.find((x) => x.start === at);
      if (!n || n.value < 1 || n.value > 12) continue;
      to = n.value;
    }
    const y = g["y"] ? Number(g["y"]) : pub ? pub.year - (g["rel"] && PAST.test(g["rel"]) ? 1 : 0) : null;
    if (y === null) continue;
    dropOverlaps(hits, m.index, m.index + m[0].length); // the year inside "the first months of the year" is part of it
    hits.push({ start: m.index, end: m.index + m[0].length, period: monthsPeriod(y, from, to), year: y });
  }
  for (const m of matchesOf(SEASON, s)) {
    const g = m.groups as Record<string, string | undefined>;
    const season = SEASON_INDEX.get(g["s"] as string) ?? 0;
    const last = Boolean(g["lasty"]) && !/(?:عام|العام|سنة|السنة)/u.test(m[0]); // "الصيف الماضي", not "صيف العام الماضي"
    let period: Period | null = null;
    if (g["y"]) period = seasonPeriod(season, Number(g["y"]));
    else if (!pub || !(g["f"] || g["lasty"] || g["thisy"] || g["this"])) continue;
    else if (g["lasty"] && !last) period = seasonPeriod(season, pub.year - 1);
    else period = recentSeason(season, pub, last ? "last" : "this");
    dropOverlaps(hits, m.index, m.index + m[0].length); // the year after the season is part of it
    hits.push({ start: m.index, end: m.index + m[0].length, period });
  }
  for (const m of HAS_RELATIVE.test(s) ? matchesOf(RELATIVE, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    if (!pub || !free(m.index, m.index + m[0].length)) continue;
    let period: Period | null = null;
    let start = m.index;
    let year: number | undefined;
    if (g["since"]) period = { start: `${pub.year}-01-01`, end: pub.end };
    else if (g["last"]) {
      // "العام السابق" after a year named in the sentence is the year before that one.
      const named = /(?:السابق|السابقة)$/u.test(m[0]) ? hits.filter((h) => h.year !== undefined && h.end <= m.index).pop()?.year : undefined;
      const y = named !== undefined ? named - 1 : pub.year - 1;
      period = yearPeriod(y);
      year = y;
    } else if (g["this"]) {
      period = { start: `${pub.year}-01-01`, end: pub.end };
      year = pub.year;
    } else if (g["next"]) {
      const named = hits.filter((h) => h.year !== undefined && h.end <= m.index).pop()?.year ?? ctx.lastYear();
      if (named === null || named === undefined) continue;
      period = yearPeriod(named + 1);
      year = named + 1;
    } else if (g["lastm"]) period = previousMonth(pub);
    else if (g["thism"]) period = { start: `${pub.start.slice(0, 7)}-01`, end: pub.end };
    else if (g["dual"]) {
      const u = g["dual"] as string;
      const days = 2 * (DAYS.test(u) ? 1 : WEEKS.test(u) ? 7 : /شهر/u.test(u) ? 30.4 : 365.25);
      period = { start: addDays(pub.end, -Math.round(days)), end: pub.end };
    } else if (g["decade"]) period = { start: addDays(pub.end, -3652), end: pub.end };
    else if (g["unit2"]) {
      // "الأشهر الستة الماضية": the unit, then the number, then "past".
      const at = m.index + m[0].indexOf(g["n2"] as string, (g["unit2"] as string).length);
      const n = ctx.nums.find((x) => x.start === at);
      if (!n || n.word === false && n.value > 400) continue;
      const u = g["unit2"] as string;
      const days = /ساع/u.test(u) ? Math.max(1, Math.ceil(n.value / 24)) : (DAYS.test(u) ? 1 : WEEKS.test(u) ? 7 : /اشهر|شهور/u.test(u) ? 30.4 : 365.25) * n.value;
      period = { start: addDays(pub.end, -Math.round(days)), end: pub.end };
    }
    else if (g["yesterday"] || g["today"]) {
      if (pub.start !== pub.end) continue;
      const d = addDays(pub.end, g["today"] ? 0 : -1);
      period = { start: d, end: d };
    } else if (g["recent"]) {
      const n = numberEndingAt(ctx.nums, m.index, s);
      if (!n) continue;
      const hours = /ساع/u.test(g["recent"] as string);
      const unit = DAYS.test(g["recent"] as string) ? 1 : /شهر|اشهر|شهور/u.test(g["recent"] as string) ? 30.4 : 365.25;
      period = { start: addDays(pub.end, hours ? -Math.max(1, Math.ceil(n.value / 24)) : -Math.round(unit * n.value)), end: pub.end };
      start = n.start;
    }
    if (period) hits.push({ start, end: m.index + m[0].length, period, ...(year ? { year } : {}) });
  }
  for (const m of /الربع/u.test(s) ? matchesOf(QUARTER, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    const q = ["الاول", "الثاني", "الثالث", "الرابع", "الاخير"].map((w) => fold(w)).indexOf(g["q"] as string);
    const y = g["y"] ? Number(g["y"]) : pub ? pub.year - (g["rel"] && PAST.test(g["rel"]) ? 1 : 0) : null;
    if (y === null || q < 0) continue;
    const n = Math.min(q, 3) + 1;
    dropOverlaps(hits, m.index, m.index + m[0].length); // the year inside "the third quarter of 2023" is part of it
    hits.push({ start: m.index, end: m.index + m[0].length, period: monthsPeriod(y, n * 3 - 2, n * 3), year: y });
  }
  for (const h of findHijri(s, ctx)) if (free(h.start, h.end)) hits.push(h);
  void numberStartingAt;
  return joinUntil(hits.sort((a, b) => a.start - b.start), s, UNTIL);
}

/** The Arabic pack. */
export const arabic: LanguagePack = {
  code: "ar",
  wordHint: new RegExp([...UNITS.keys(), ...TENS.keys(), ...HUNDREDS.keys(), ...THOUSANDS.keys(), "عشر", fold("مليون"), fold("ملايين")].join("|"), "u"),
  wordPattern: /[\p{L}]+/gu,
  numberWord,
  joiner: /^\s+(?:و\s*)?$/u,
  spaceThousands: false,
  vague: [
    // The word first, then what stands before it (a leading lookbehind would be tried at every position).
    [rx(`‹(?:ال)?عشرات\\s+(?:ال)?(?:آلاف|الاف)›`), 10_000, "at_least"],
    [rx(`‹(?:ال)?مئات\\s+(?:ال)?(?:آلاف|الاف)›`), 100_000, "at_least"],
    [rx(`(?:ال)?عشرات(?<=(?:^|[^\\p{L}\\p{N}])و?(?:ال)?عشرات)›`), 10, "at_least"],
    // Duals name two: "أُعدم رجلان", "اعتقال شخصين"; "متظاهران اثنان" is the same two.
    // The -ين form only where the plural differs ("مدنيين" is also "civilians"); "وامرأتان" after "and".
    [rx(`‹و?(?:رجلان|رجلين|شخصان|شخصين|امراتان|امراتين|سيدتان|سيدتين|سجينان|سجينين|شابان|شابين|طفلان|طفلين|شقيقان|شقيقين|قتيلان|قتيلين|جريحان|جريحين|مدنيان|متظاهران|ناشطان|معتقلان|صحفيان|مواطنان)›(?:\\s+(?:اثنان|اثنين|اثنتان|اثنتين)›)?`), 2, "exact"],
    [rx(`(?:ال)?مئات(?<=(?:^|[^\\p{L}\\p{N}])و?(?:ال)?مئات)›`), 100, "at_least"],
    [rx(`‹(?:آلاف|الآلاف)(?!\\s+(?:من\\s+)?(?:ال)?(?:دولار|جنيه|ريال|ليرة))›`), 1000, "at_least"],
  ],
  qualifiers: [
    [rx(`(?:ما\\s+)?لا\\s+(?:يقل|تقل)\\s+عن\\s*["«]?\\s*$|على\\s+الاقل\\s*$`, "iu"), "at_least"],
    [rx(`(?:اكثر|ازيد)\\s+من\\s*["«]?\\s*$|(?:ما\\s+)?(?:يزيد|يربو|تزيد)\\s+(?:عن|على)\\s*["«]?\\s*$|(?:تجاوز|تخطى|فاق|تجاوزت)(?:\\s+\\S+){0,3}\\s*$`, "iu"), "more_than"],
    [rx(`(?:حوالي|حوالى|نحو|قرابة|زهاء|ما\\s+يقارب|ما\\s+يقرب\\s+من|يقارب|تقريبا|قرابه|ما\\s+يناهز)\\s*["«]?\\s*$`, "iu"), "about"],
    [rx(`(?:حتى|ما\\s+يصل\\s+الى|يصل\\s+الى)\\s*$`, "iu"), "up_to"],
  ],
  range: { lead: rx(`(?:بين|ما\\s+بين|من)\\s*$`, "iu"), gap: rx(`^\\s*(?:و|الى|-|–)\\s*$`, "iu"), leadRequired: true },
  nonCountAfter: rx(
    `^\\s*(?:%|بالمئة|بالمائة|في\\s+المئة|في\\s+المائة|بالمية|(?:بال|ال)?(?:عاما|عام|سنة|سنوات|اعوام)›(?!\\s+(?:من\\s+)?(?:ال)?(?:سجن|حبس))|(?:من\\s+)?(?:ال)?(?:عمر)|(?:يوما|يوم|ايام|اسابيع|اسبوعا|اسبوع|شهرا|شهور|اشهر|ساعة|ساعات|دقيقة|دقائق)›|(?:بلدا|بلدان|دولة|دول|بلد|محافظة|محافظات|مدينة|مدن|قرية|قرى|سجون|مناطق|منطقة)›|(?:مرة|مرات|ضعف|جلدة|جلدات|نسمة)›|(?:صباحا|مساء|فجرا|ظهرا|عصرا|ليلا)›|(?:دولار|جنيه|ريال|ليرة|يورو)|(?:كيلومتر\\S*|كلم›|كم›|متر\\S*|امتار›|كيلو\\S*)|(?:في|من)\\s+(?:ال)?(?:اسبوع|يوم|شهر|ساعة)›|(?:\\S+\\s+){0,2}?(?:يوميا|اسبوعيا|شهريا|في\\s+ال(?:يوم|اسبوع|شهر)›(?!\\s+(?:ال(?!واحد)\\S+|نفسه|ذاته|من|[\\d٠-٩]))|كل\\s+(?:يوم|اسبوع|شهر)›)›|(?:و|الى|-)\\s*\\d+\\s*(?:عاما|عام|سنة|سنوات)›)`,
    "iu",
  ),
  nonCountBefore: rx(`(?:%|معدل|معدله|متوسط|كل|رقم|المادة|البند|الفقرة|البلدان|الدول|المرتبة|المركز|الساعة)\\s*(?:ال)?\\s*$|اعمار\\S*\\s+(?:ما\\s+)?بين\\s*$|‹(?:اب|ام|والد|والدة)\\s+لـ?\\s*$|[\\d٠-٩]\\s+(?:من\\s+(?:اصل|مجموع|بين))\\s*$`, "iu"),
  countNoun: rx(`^\\s*(?:شخص|اشخاص|حالة|حالات|اعدام|معتقل|سجين|قتيل|مواطن|متظاهر|امراة|نساء|طفل|اطفال)`, "iu"),
  events: [
    [rx(`(?:حكم|حكمت|قضت|قضى|اصدرت|صدرت|صدر|صدور|اصدار)(?:\\s+\\S+){0,6}\\s+ب(?:ال)?اعدام|‹(?:احال\\S*|احالة)(?:\\s+\\S+){0,4}?\\s+اوراق|احكام\\s+(?:ال|ب)?اعدام|حكما\\s+بالاعدام|احكاما\\s+بالاعدام|المحكوم(?:ين|ون)?\\s+(?:عليهم\\s+)?بالاعدام|بالاعدام`), "death_sentence"],
    [rx(`(?:ينتظرون|بانتظار|في\\s+انتظار)\\s+(?:تنفيذ\\s+)?(?:حكم\\s+|احكام\\s+)?(?:ال)?اعدام|(?:طابور|عنابر|ممر)\\s+(?:ال)?(?:اعدام|الموت)|خطر\\s+(?:تنفيذ\\s+)?(?:حكم\\s+)?(?:ال)?اعدام|‹(?:يواجه|يواجهون|تواجه)(?:\\s+\\S+){0,3}?\\s+(?:عقوبة|حكم)\\s+(?:ال)?اعدام`), "death_row"],
    // "نفذت السلطات 172 حكما بالاعدام": sentences carried out are executions (longer than the sentence it holds).
    [rx(`اعدام|اعدم|المعدومين|(?:ال)?احكام\\s+(?:(?:ال)?اعدام\\s+)?(?:ال)?منفذة|(?:تنفيذ|نفذ\\S*)(?:\\s+\\S+){0,3}?\\s+(?:حكم|احكام|حد)\\s+(?:ال)?(?:قتل|قصاص|حرابة)(?:\\s+(?:تعزيرا|حدا|قصاصا))?|تنفيذ\\s+(?:حكم|احكام)(?:\\s+(?:ال)?اعدام)?|نفذت?\\s+(?:حكم|احكام)(?:\\s+(?:ال)?اعدام)?|‹و?(?:تنفيذ|نفذت?|ينفذ|تنفذ|نفذوا)(?:\\s+\\S+){0,4}?\\s+(?:حكما|احكاما|احكام|حكم)\\s+(?:بال|ال)?اعدام`), "execution"],
    [rx(`مقتل|قتل|‹اودت?(?:\\s+\\S+){0,3}?\\s+بحيا(?:ة|ه)|‹راح\\s+ضحيت(?:ه|ها|هم)›|قتيل|القتلى|‹(?:توفي|توفيت|توفوا|يتوفى)›|قتلى|لقوا\\s+حتفهم|لقي\\s+حتفه|‹لق(?:ي|يت|وا)(?:\\s+\\S+){0,4}?\\s+حتف(?:ه|ها|هم|هن)›|مصرع|ضحايا|الوفيات|وفاة|استشهاد|شهيد|شهداء|‹استشهد(?:ت|وا)?›`), "killing"],
    [rx(`جرحى|جريح|اصابة|اصابات|مصاب|المصابين|اصيب|جرح(?<=(?:^|[^\\p{L}\\p{N}])و?جرح)(?:ت|وا)?›|‹(?:ب)?جروح›`), "injury"],
    // "اقتادت قوات الأمن 14 شاباً إلى جهة مجهولة", "اختطفت": taken away by force.
    [rx(`اعتقال|اعتقل|معتقل|احتجاز|احتجز|محتجز|توقيف|اوقف|القبض|‹(?:اقتاد|اقتيد|اقتياد|اختطف|اختطاف)\\S*`), "arrest"],
    [rx(`اختفاء|اخفاء|مختف|‹اختف(?:ى|ت|وا)›|‹(?:اخفي|اخفيت|اخفوا)›`), "disappearance"],
    [rx(`تعذيب`), "torture"],
    [rx(`جلد(?:ة|ات)?›`), "flogging"],
  ],
  partOf: rx(`‹(?:من\\s+بينهم|بينهم|من\\s+ضمنهم|منهم|من\\s+بين\\s+هؤلاء)›`, "u"),
  victims: [
    [rx(`امراة|نساء|سيدة›|سيدات`, "iu"), "women"],
    [rx(`قاصر|اطفال|طفل(?:ا|ين|ان)?›|احداث`, "iu"), "child_offenders"],
    [rx(`متظاهر|محتج|احتجاج|تظاهر`, "iu"), "protesters"],
    [rx(`سجين|سجناء|معتقل`, "iu"), "prisoners"],
    [rx(`صحفي|صحافي|اعلامي`, "iu"), "journalists"],
    [rx(`‹(?:ال)?مدني(?:ين|ون|ا)?›`, "iu"), "civilians"],
    [rx(`‹(?:ال)?(?:اكراد|كرد|كردي(?:ين|ون|ا)?|بلوش|بلوشي(?:ين|ون|ا)?|اهوازي(?:ين|ون|ا)?)›|(?:ال)?عرب\\s+(?:ال)?اهواز`, "iu"), "ethnic_minorities"],
    [rx(`‹(?:ال)?(?:بهائي(?:ين|ون|ا)?|مسيحي(?:ين|ون|ا)?|دراويش)›`, "iu"), "religious_minorities"],
  ],
  // "معتقلين" (detainees) names the people: "قتل 5 معتقلين" is a killing, "تعرض 80 معتقلاً للتعذيب" torture.
  weakEvents: rx(`^(?:معتقل|محتجز)$`, "u"),
  // … and those still held ("لا يزال 120 معتقلاً في السجون"): a standing number of detainees, not arrests in a period.
  notEvents: rx(`(?:افرج|الافراج|اطلق\\s+سراح|اطلاق\\s+سراح|نزح|نازح|مهجر|لاجئ|بالسجن|بالحبس|‹و?بسجن›|‹و?بحبس›|‹(?:اضرب\\S*|اضراب|مضربين|مضربون)›|‹(?:لا|ما)\\s+(?:يزال|تزال|يزالون|زال|زالت|زالوا)›|‹(?:يقبع|يقبعون|تقبع)›)`, "u"),
  // "قُتل في الاحتجاجات التي اندلعت في أيلول 2022" (not "منذ الاحتجاجات التي …", a start).
  startedOn: { before: rx(`‹(?:التي|الذي)(?<!منذ\\s+\\S+\\s+(?:التي|الذي))\\s+(?:اندلعت|اندلع|بدات|بدا|انطلقت|انطلق|تلت|اعقبت|شهدتها|شهدها|هزت)(?:\\s+\\S+){0,3}?\\s*(?:في|منذ|خلال)?\\s*$|(?<!منذ\\s+)‹(?:ال)?(?:انقلاب|انتخابات)(?:\\s+(?:ال)?(?:عسكري|رئاسية|برلمانية|تشريعية))?(?:\\s+(?:الذي\\s+وقع|التي\\s+جرت))?\\s+(?:في|يوم)\\s*$`, "u") },
  saidOn: rx(`(?:(?:بيان|تقرير|تصريح)\\S*\\s+(?:ال)?(?:صادر|صدر|نشر|منشور)\\S*|‹(?:ال)?(?:صادر|المنشور)\\S*)\\s+(?:يوم\\s+|في\\s+|بتاريخ\\s+)?$`, "u"),
  charges: rx(`‹(?:احتجاجا|احتجاج)\\s+على\\s+(?:(?:تنفيذ|احكام|حملة)\\s+)*(?:ال)?(?:اعدام|اعتقال|قتل)\\S*|(?:بتهمة|بتهم|بجريمة|جرائم|جريمة)\\s+(?:ال)?قتل|(?:ال)?قتل\\s+العمد`),
  findTimes,
  samePeriod: rx(`‹(?:(?:في|خلال)\\s+)?(?:(?:ال)?فترة\\s+(?:نفسها|ذاتها|المماثلة)|نفس\\s+الفترة)\\s+(?:من|في)\\s+(?:(?:العام|السنة)\\s+(?:الماضي|الماضية|السابق|السابقة|المنصرم|المنصرمة|الفائت|الفائتة)|(?:عام|العام|سنة)\\s*(?<y>\\d{4}))›`),
  clauseBreak: /[،,؛;:]/gu,
  descriptorHint: rx(`امم|وزير|وزارة|معارضة`, "u"),
  vagueHint: rx(`عشرات|مئات|المئات|آلاف|الآلاف|قتيلان|قتيلين|جريحان|جريحين|مدنيان|متظاهران|ناشطان|معتقلان|صحفيان|مواطنان|رجلان|رجلين|شخصان|شخصين|امراتان|امراتين|سيدتان|سيدتين|سجينان|سجينين|شابان|شابين|طفلان|طفلين|شقيقان|شقيقين`, "u"),
  descriptors: [
    [rx(`‹[وبلف]?(?:منظمات|هيئات|وكالات)\\s+اممية|‹[وبلف]?(?:ل|ال)?امم\\s+المتحدة`), "United Nations"],
    [rx(`‹[وبلف]?وزير\\s+الداخلية`), "Interior Minister"],
    [rx(`‹[وبلف]?(?:ل)?وزارة\\s+الصحة`), "Health Ministry"],
    [rx(`‹[وبلف]?(?:ل)?وزارة\\s+الداخلية`), "Interior Ministry"],
    [rx(`(?:وفقا|بحسب|حسب|قالت|اعلنت|ذكرت|افادت|تقول|اكدت)\\s+(?:ل)?(?:ال)?معارضة›`), "opposition"],
  ],
  // "قال مسؤول لرويترز", "صرح لوكالة الصحافة الفرنسية": the agency is spoken to.
  recipient: { before: rx(`‹و?(?:قال|قالت|صرح|صرحت|اكد|اكدت|اوضح|اوضحت|اضاف|اضافت|تحدث|تحدثت|افاد|افادت)(?:\\s+\\S+){0,4}?\\s+ل(?:(?:وكالة|قناة|صحيفة|موقع|اذاعة)\\s+)?$`, "iu") },
  anaphor: rx(`‹(?:المنظمة|التقرير|هذا\\s+التقرير|المصدر|المركز)›`),
  pronoun: null,
  verbFinal: false,
  carrySource: false,
  qualifiersAfter: [[rx(`^\\s*(?:\\S+\\s+)?على\\s+الاقل›`, "iu"), "at_least"]],
  // "the highest … since"; not "اكثر من 200" (more than 200), a hedge.
  comparedWith: rx(`‹(?:مقارنة|قياسا|ضعف|اضعاف)[^.،؛\\d٠-٩]{0,25}?(?:‹(?:في|ب|بـ|مع|عن|الى|خلال)›)?\\s*$`, "u"),
  superlative: rx(`‹(?:اعلى|اكبر|اكثر|اقل|ادنى)(?!\\s+من›)\\s+(?:\\S+\\s+){0,3}(?:منذ|في|خلال)\\s*$`, "u"),
  recentDays: {
    // "يوم السبت", "الخميس الماضي": a bare "الجمعة" or "الأحد" is too often another word.
    weekdays: rx(`(?:‹يوم\\s+(?:ال)?(?:(?<d1>اثنين)|(?<d2>ثلاثاء)|(?<d3>اربعاء)|(?<d4>خميس)|(?<d5>جمعة)|(?<d6>سبت)|(?<d7>احد))›)|(?:‹ال(?:(?<e1>اثنين)|(?<e2>ثلاثاء)|(?<e3>اربعاء)|(?<e4>خميس)|(?<e5>جمعة)|(?<e6>سبت)|(?<e7>احد))\\s+(?<past>الماضي|المنصرم|الفائت)›)|(?:‹(?:مساء|صباح|ليلة|فجر|ظهر|عصر)\\s+(?:يوم\\s+)?ال(?:(?<f1>اثنين)|(?<f2>ثلاثاء)|(?<f3>اربعاء)|(?<f4>خميس)|(?<f5>جمعة)|(?<f6>سبت)|(?<f7>احد))›)`),
    since: rx(`‹منذ\\s*$`, "u"),
    // "قالت المنظمة يوم الخميس إن …": the day of the saying, before the clause it reports, dates no figure.
    // … and before the deed it reports as a noun ("أفادت المنظمة يوم الأربعاء بتنفيذ …", "أعلنت يوم الخميس عن اعتقال …").
    reportAfter: rx(`^\\s*[،,]?\\s*(?:(?:ان|بان|انه|انها|انهم)›|(?:(?:الماضي|المنصرم|الفائت)\\s+)?(?:ب|عن\\s+)(?:تنفيذ|اعدام|اعتقال|مقتل|وفاة|احتجاز)›)`, "u"),
    lastWeek: rx(`‹(?:الاسبوع|الأسبوع)\\s+(?:الماضي|المنصرم|الفائت)›`),
  },
};
