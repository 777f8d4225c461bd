// Figures in digits and in words, on folded text (digits are ASCII there, whatever the script).
import type { LanguagePack, NumberHit, NumberWord } from "./pack.js";
import { matchesOf, testOf } from "./patterns.js";

const DIGITS = /\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d{1,3}(?:\.\d{3})+(?![\d.]\d)|\d+(?:[.,]\d+)?/g;
const HAS_DIGIT = /\d/;
const SPACE_GROUPED = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])/g;
/** Hundreds joined to a thousand in digits ("۲ هزار و ۵۰۰"). */
const AND_HUNDREDS = /^\s*(?:و|et)\s*(\d{1,3})(?![\d.,]\d)/u;
/** A scale word after digits ("18 هزار", "2,5 millions"). */
const SCALE_AFTER = /^[ \u00a0\u202f]*([\p{L}]+)/u;

/** Number words combine by slots: thousands, hundreds, tens and units, each filled once. */
class WordNumber {
  total = 0;
  small = 0;
  hundreds = false;
  tens = false;
  units = false;
  last: NumberWord["kind"] | null = null;
  ordinal = false;
  /** Words read, and whether every one is bound ("نه" alone is no number). */
  words = 0;
  bound = true;

  /** Adds a word; false when it cannot belong to this number (a new one starts). */
  add(w: NumberWord): boolean {
    if (this.ordinal) return false;
    switch (w.kind) {
      case "unit":
        if (this.units) return false;
        this.small += w.value;
        this.units = true;
        break;
      case "teenMarker":
        if (this.last !== "unit" || this.tens) return false;
        this.small += 10;
        this.tens = true;
        break;
      case "teen":
        // "soixante et onze": sixty and a teen (never in Persian or Arabic, whose teens follow no ten).
        if (this.tens && !this.units && this.last === "ten" && this.small % 100 === 60 && w.value < 20) {
          this.small += w.value;
          this.units = true;
          break;
        }
        if (this.units || this.tens) return false;
        this.small += w.value;
        this.units = this.tens = true;
        break;
      case "ten":
        if (this.tens) return false;
        this.small += w.value;
        this.tens = true;
        break;
      case "hundred":
        if (w.value === 100 && this.units && !this.tens && !this.hundreds && this.small < 10) {
          this.small *= 100; // "trois cents", "سه صد"
          this.units = false;
        } else if (this.hundreds || this.tens || this.units) return false;
        else this.small += w.value;
        this.hundreds = true;
        break;
      case "thousand":
      case "million": {
        const unit = w.kind === "thousand" ? 1000 : 1_000_000;
        if (this.total > 0 && this.total < unit * 1000) return false;
        if (this.small > 0 && w.value === unit) this.total += this.small * unit;
        else if (this.small > 0) return false;
        else this.total += w.value;
        this.small = 0;
        this.hundreds = this.tens = this.units = false;
        break;
      }
    }
    if (w.ordinal) this.ordinal = true;
    this.words++;
    if (!w.bound) this.bound = false;
    this.last = w.kind;
    return true;
  }

  get value(): number {
    return this.total + this.small;
  }
}

/** Number words already read, per pack: the same words come back in every sentence. */
const memos = new WeakMap<LanguagePack, Map<string, NumberWord | null>>();
/** Words remembered per pack before the memo starts afresh (bounds its memory). */
const MEMO_WORDS = 50_000;

/** `pack.numberWord(token)`, remembered (a pack's numberWord depends on the token alone; its results are never changed). */
function numberWordOf(pack: LanguagePack, token: string): NumberWord | null {
  let memo = memos.get(pack);
  if (!memo) memos.set(pack, (memo = new Map()));
  let w = memo.get(token);
  if (w === undefined) {
    w = pack.numberWord(token);
    if (memo.size >= MEMO_WORDS) memo.clear();
    memo.set(token, w);
  }
  return w;
}

/** Every figure of a sentence, in order, without overlaps. */
export function findNumbers(s: string, pack: LanguagePack): NumberHit[] {
  const hits: NumberHit[] = [];
  const taken = (a: number, b: number) => hits.some((h) => a < h.end && h.start < b);
  for (const [re, value, qualifier] of testOf(pack.vagueHint, s) ? pack.vague : []) {
    for (const m of matchesOf(re, s)) {
      // The longer phrase, listed first, wins ("عشرات الآلاف" over "عشرات").
      if (taken(m.index, m.index + m[0].length)) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, value, word: true, ordinal: false, decimal: false, qualifier });
    }
  }
  // Neither pattern of digits can match without a digit.
  const digits = HAS_DIGIT.test(s);
  if (pack.spaceThousands && digits) {
    for (const m of s.matchAll(SPACE_GROUPED)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, value: Number(m[0].replace(/\D/g, "")), word: false, ordinal: false, decimal: false });
    }
  }
  for (const m of digits ? s.matchAll(DIGITS) : []) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const raw = m[0];
    const grouped = /^\d{1,3}(?:([.,])\d{3})+$/.test(raw) && !(/^\d{1,3}[.,]\d{3}$/.test(raw) && raw.startsWith("0"));
    const decimal = !grouped && /[.,]/.test(raw);
    const value = grouped ? Number(raw.replace(/[.,]/g, "")) : Number(raw.replace(",", "."));
    // "۱۸ هزار", "2,5 millions": digits times a scale word are one whole figure.
    const scale = SCALE_AFTER.exec(s.slice(m.index + raw.length, m.index + raw.length + 20));
    const w = scale ? numberWordOf(pack, scale[1] as string) : null;
    if (scale && w && (w.kind === "thousand" || w.kind === "million") && (w.value === 1000 || w.value === 1_000_000)) {
      let whole = Math.round(value * w.value);
      let end = m.index + raw.length + scale[0].length;
      // "۲ هزار و ۵۰۰": the hundreds after the scale belong to the same figure.
      const rest = w.value === 1000 ? AND_HUNDREDS.exec(s.slice(end, end + 12)) : null;
      if (rest) {
        whole += Number(rest[1]);
        end += rest[0].length;
      }
      // "3 آلاف": the scale word is not also a vague "thousands".
      for (let i = hits.length - 1; i >= 0; i--) if ((hits[i] as NumberHit).qualifier && (hits[i] as NumberHit).start < end && m.index < (hits[i] as NumberHit).end) hits.splice(i, 1);
      hits.push({ start: m.index, end, value: whole, word: false, ordinal: false, decimal: false });
      continue;
    }
    hits.push({ start: m.index, end: m.index + raw.length, value, word: false, ordinal: false, decimal });
  }
  // Number words: consecutive tokens joined by the pack's joiner form one number.
  let current: { n: WordNumber; start: number; end: number } | null = null;
  const flush = () => {
    const cur = current as { n: WordNumber; start: number; end: number } | null;
    // "ثلاثة آلاف", "دو هزار": a number in words swallows the vague "thousands" read inside it.
    if (cur && cur.n.words > 1) for (let i = hits.length - 1; i >= 0; i--) if ((hits[i] as NumberHit).qualifier && cur.start <= (hits[i] as NumberHit).start && (hits[i] as NumberHit).end <= cur.end) hits.splice(i, 1);
    // "یک هزار و ۲۰۰", "ألف و200": hundreds in digits after a thousand in words belong to it.
    if (cur && cur.n.last === "thousand" && !cur.n.ordinal && digits) {
      const rest = AND_HUNDREDS.exec(s.slice(cur.end, cur.end + 12));
      const at = rest ? hits.findIndex((h) => !h.word && h.start === cur.end + rest[0].length - (rest[1] as string).length) : -1;
      if (rest && at >= 0) {
        hits.splice(at, 1);
        cur.n.small += Number(rest[1]);
        cur.end += rest[0].length;
      }
    }
    if (current && current.n.value > 0 && !current.n.bound && !taken(current.start, current.end)) {
      hits.push({ start: current.start, end: current.end, value: current.n.value, word: true, ordinal: current.n.ordinal, decimal: false });
    }
    current = null;
  };
  for (const m of testOf(pack.wordHint, s) ? s.matchAll(pack.wordPattern) : []) {
    const w = numberWordOf(pack, m[0]);
    const start = m.index;
    const end = start + m[0].length;
    if (!w) {
      if (current && pack.joiner.test(` ${m[0]} `)) continue; // the conjunction inside "بیست و چهار"
      flush();
      continue;
    }
    const cur = current as { n: WordNumber; start: number; end: number } | null;
    if (cur && pack.joiner.test(s.slice(cur.end, start)) && cur.n.add(w)) {
      cur.end = end;
      continue;
    }
    flush();
    const n = new WordNumber();
    if (n.add(w)) current = { n, start, end };
  }
  flush();
  return hits.sort((a, b) => a.start - b.start);
}

/** Three or more groups of digits separated by a space, a dot or a hyphen; the same as thousands groups. */
const DIGIT_GROUPS = /\+?\d+(?:[ .\u00a0\u202f-]\d+){2,}/g;
const THOUSANDS_GROUPS = /^\d{1,3}(?:([ .\u00a0\u202f])\d{3})(?:\1\d{3})+$/;

/** The rest of a list of figures in digits after one ("، ۲۷ و ۳۱", ", 27 et 31"). */
const LIST_TAIL = /^(?:\s*(?:[,،]|[,،]?\s*(?:و|et|ou|and|یا|او|تا|الى|à|to)(?![\p{L}])|-|–)\s*\d+(?![\d.,]\d))+/u;

/** Whether a figure is no count: a percentage, age, duration, year, date or rate. */
export function notACount(s: string, n: NumberHit, pack: LanguagePack): boolean {
  if (n.decimal || n.ordinal || n.value <= 0) return true;
  if (!n.word && s[n.start] === "0" && /\d/.test(s[n.start + 1] ?? "")) return true; // "0912…": a phone number or a code
  if (!n.word && n.end - n.start >= 8 && /^\d+$/.test(s.slice(n.start, n.end))) return true; // "9809982118": a file or case number
  // "01 23 45 67 89", "+966 11 123 4567": three or more groups of digits in a row are a phone number (not "1 500 000").
  if (!n.word) for (const m of s.matchAll(DIGIT_GROUPS)) if (m.index <= n.start && n.end <= m.index + m[0].length && !THOUSANDS_GROUPS.test(m[0])) return true;
  if (n.word && n.value === 1 && !n.qualifier) return true; // "a prisoner": the article, not a figure
  const after = s.slice(n.end, n.end + 40);
  const before = s.slice(Math.max(0, n.start - 40), n.start);
  if (/^\s?[:/]\s?\d|^-\d/.test(after) || /\d\s?[:/]\s?$|\d-$/.test(before)) return true; // 11:21, 1403/09/01
  if (testOf(pack.nonCountAfter, after) || testOf(pack.nonCountBefore, before)) return true;
  // "âgés de 24, 27 et 31 ans", "۲۴، ۲۷ و ۳۱ ساله": a list of figures shares the unit after its last.
  const list = LIST_TAIL.exec(after);
  if (list && testOf(pack.nonCountAfter, s.slice(n.end + list[0].length, n.end + list[0].length + 40))) return true;
  // "1 430", "1.430": a figure written with a thousands separator is never a year.
  const yearLike = ((n.value >= 1300 && n.value < 1500) || (n.value >= 1900 && n.value < 2100)) && (n.word || !/[^\d]/u.test(s.slice(n.start, n.end)));
  return yearLike && !testOf(pack.countNoun, after);
}
