// Hijri (lunar, Umm al-Qura) months as Gregorian intervals, computed with the platform's ICU
// calendar (Intl "islamic-umalqura"), never a fixed table, and the Arabic words that name them
// ("شهر رمضان الماضي", "12 ذو الحجة 1445 هـ", "محرم 1446").
import { fold } from "../../text/fold.js";
import type { Period } from "../../types.js";
import { addDays, type Publication } from "./calendar.js";
import type { TimeContext, TimeHit } from "./pack.js";
import { matchesOf, numberEndingAt, rx } from "./patterns.js";

const FORMAT = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura", { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" });
const DAY = 864e5;

/** The Hijri date of a UTC instant. */
function hijriAt(t: number): { hy: number; hm: number; hd: number } {
  const p: Record<string, number> = {};
  for (const part of FORMAT.formatToParts(new Date(t))) if (part.type !== "literal" && part.type !== "era") p[part.type] = Number(part.value);
  return { hy: p["year"] ?? 0, hm: p["month"] ?? 0, hd: p["day"] ?? 0 };
}

/** The Hijri date of an ISO day. */
export function toHijri(iso: string): { hy: number; hm: number; hd: number } {
  return hijriAt(Date.parse(`${iso}T00:00:00Z`));
}

const starts = new Map<number, string | null>();

/** The Gregorian ISO day a Hijri month begins, searched around the mean lunar estimate; null out of range. */
function monthStart(hy: number, hm: number): string | null {
  const key = hy * 13 + hm;
  const known = starts.get(key);
  if (known !== undefined) return known;
  let found: string | null = null;
  if (hy >= 1300 && hy <= 1600 && hm >= 1 && hm <= 12) {
    const estimate = Date.UTC(622, 6, 16) + Math.round((hy - 1) * 354.36707 + (hm - 1) * 29.530589) * DAY;
    for (let k = -8; k <= 8 && !found; k++) {
      const t = estimate + k * DAY;
      const h = hijriAt(t);
      if (h.hy === hy && h.hm === hm && h.hd === 1) found = new Date(t).toISOString().slice(0, 10);
    }
  }
  starts.set(key, found);
  return found;
}

/** A whole Hijri month as a Gregorian interval, or null out of range. */
export function hijriMonth(hy: number, hm: number): Period | null {
  const start = monthStart(hy, hm);
  const next = hm === 12 ? monthStart(hy + 1, 1) : monthStart(hy, hm + 1);
  return start && next ? { start, end: addDays(next, -1) } : null;
}

/** One Hijri day as a Gregorian interval, or null when the month has no such day. */
export function hijriDay(hy: number, hm: number, hd: number): Period | null {
  const month = hijriMonth(hy, hm);
  if (!month || hd < 1) return null;
  const day = addDays(month.start, hd - 1);
  return day > month.end ? null : { start: day, end: day };
}

const NAMES: [string, number][] = [
  ["محرم", 1], ["صفر", 2], ["ربيع الاول|ربيع الأول", 3], ["ربيع الثاني|ربيع الآخر|ربيع الاخر", 4],
  ["جمادى الأولى|جمادى الاولى|جمادى الأول", 5], ["جمادى الآخرة|جمادى الاخرة|جمادى الثانية", 6], ["رجب", 7], ["شعبان", 8],
  ["رمضان", 9], ["شوال", 10], ["ذو القعدة|ذي القعدة", 11], ["ذو الحجة|ذي الحجة", 12],
];
const index = new Map<string, number>();
for (const [names, m] of NAMES) for (const n of names.split("|")) index.set(fold(n), m);
/** "شهر رمضان", "12 ذو الحجة 1445 هـ", "رمضان الماضي": every name is also a word or a given name, so it needs one of these. */
const HIJRI = rx(
  `(?:‹|(?<=‹[وب]))(?<shahr>شهر\\s+)?(?<name>${NAMES.map(([n]) => n).join("|")})›(?:\\s*(?:من\\s+)?(?:عام\\s+|العام\\s+|سنة\\s+)?(?<y>1[345]\\d\\d)(?!\\d)(?:\\s*(?:هـ|ه›|هجري|هجرية|للهجرة))?|\\s+(?<past>الماضي|المنصرم|الفائت)›|\\s+(?<this>الحالي|الجاري)›)?`,
);
const HAS_HIJRI = rx(`محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|القعدة|الحجة|هـ|ه›|هجري|للهجرة`, "u");
/** "العام الهجري 1445", "عام 1444 هـ", "سنة 1443 للهجرة": a whole Hijri year. */
const HIJRI_YEAR = rx(`‹(?:(?:ال)?(?:عام|سنة)\\s+(?:ال)?هجري(?:ة)?\\s+(?<y1>1[345]\\d\\d)|(?:(?:عام|العام|سنة|لعام)\\s+)?(?<y2>1[345]\\d\\d)\\s*(?:هـ|ه›|هجري|هجرية|للهجرة))(?!\\d)`);

/** The Hijri month names of a sentence, as Gregorian intervals. */
export function findHijri(s: string, ctx: TimeContext): TimeHit[] {
  const out: TimeHit[] = [];
  if (!HAS_HIJRI.test(s)) return out;
  const pub: Publication | null = ctx.pub;
  for (const m of matchesOf(HIJRI, s)) {
    const g = m.groups as Record<string, string | undefined>;
    const raw = g["name"] as string;
    const hm = index.get(raw.replace(/\s+/gu, " "));
    if (hm === undefined) continue;
    const day = numberEndingAt(ctx.nums, m.index, s);
    const isDay = day !== null && !day.word && day.value >= 1 && day.value <= 30;
    if (!g["shahr"] && !g["y"] && !isDay && !g["past"] && !g["this"]) continue;
    let hy: number | null = g["y"] ? Number(g["y"]) : null;
    if (hy === null) {
      if (!pub) continue;
      const now = toHijri(pub.end);
      hy = g["past"] ? (hm < now.hm ? now.hy : now.hy - 1) : hm <= now.hm ? now.hy : now.hy - 1;
    }
    const period = isDay && day ? hijriDay(hy, hm, day.value) : hijriMonth(hy, hm);
    if (!period) continue;
    out.push({ start: isDay && day ? day.start : m.index, end: m.index + m[0].length, period });
  }
  for (const m of matchesOf(HIJRI_YEAR, s)) {
    const end = m.index + m[0].length;
    if (out.some((h) => m.index < h.end && h.start < end)) continue; // the year of a month named before it
    const hy = Number(m.groups?.["y1"] ?? m.groups?.["y2"]);
    const first = hijriMonth(hy, 1);
    const last = hijriMonth(hy, 12);
    if (first && last) out.push({ start: m.index, end, period: { start: first.start, end: last.end } });
  }
  return out;
}
