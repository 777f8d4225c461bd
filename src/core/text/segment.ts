// Splits text into paragraphs, sentences and clauses. Works on normalised text
// (see normalize.ts), so quotes are straight and spaces plain.

/** A sentence: its range in the text and the paragraph and line unit it stands in. */
export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (blocks separated by blank lines). */
  paragraph: number;
  /** Index of the line unit (a line, or soft-wrapped lines joined). */
  unit: number;
  /** True when the sentence opens its line unit. */
  firstInUnit: boolean;
}

const ABBREVIATIONS = new Set(
  ("mr mrs ms dr prof st gen col lt sgt capt cpt rev jr sr no nos vs etc e.g i.e u.s u.n u.k e.u " +
    "jan feb mar apr jun jul aug sep sept oct nov dec art fig para pp p inc ltd co corp approx ca " +
    "est dept gov sen rep maj adm cmdr brig ft mt ave blvd op vol ch sec").split(" "),
);

const TERMINAL = /[.!?\u2026]+["')\]]*(?=\s+["'([]?[A-Z0-9\u0600-\u06ff])/g;

/** True when the text is hard-wrapped (fixed-width lines cut mid-sentence). */
function isHardWrapped(lines: string[]): boolean {
  const long = lines.filter((l) => l.trim().length > 40);
  if (long.length < 5) return false;
  const max = Math.max(...long.map((l) => l.length));
  const within = long.filter((l) => l.length >= 50 && l.length <= 100).length;
  return max <= 100 && within / long.length >= 0.7;
}

/** Splits one line unit [start, end) into sentence ranges. */
function splitUnit(text: string, start: number, end: number, out: [number, number][]): void {
  const unit = text.slice(start, end);
  let from = 0;
  TERMINAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMINAL.exec(unit)) !== null) {
    const stop = m.index + m[0].length;
    if (m[0].startsWith(".") && m[0].length === 1) {
      const before = unit.slice(Math.max(from, m.index - 12), m.index);
      const word = trailingWord(before);
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word)) continue;
    }
    pushTrimmed(text, start + from, start + stop, out);
    from = stop;
  }
  pushTrimmed(text, start + from, end, out);
}

const SPACE = /\s/;
/** `/\s/` on one code unit, without a regex call for the usual ASCII characters. */
const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCharCode(c)));

/**
 * The word a text ends on, lower-cased, as /([A-Za-z][A-Za-z.]*)$/ finds it: the run of letters
 * and dots at the end, from its first letter; "" when there is none.
 */
function trailingWord(text: string): string {
  const e = text.length;
  let b = e;
  while (b > 0) {
    const c = text.charCodeAt(b - 1);
    if (c !== 46 && !(c >= 65 && c <= 90) && !(c >= 97 && c <= 122)) break;
    b--;
  }
  while (b < e && text.charCodeAt(b) === 46) b++;
  return text.slice(b, e).toLowerCase();
}

function pushTrimmed(text: string, s: number, e: number, out: [number, number][]): void {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push([s, e]);
}

/** Splits normalised text into sentences, keeping paragraph and line structure. */
export function splitSentences(text: string): Sentence[] {
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    lines.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  const hardWrapped = isHardWrapped(lines.map((l) => text.slice(l.start, l.end)));
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let unit = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as { start: number; end: number };
    const content = text.slice(line.start, line.end).trim();
    if (content === "") {
      if (i > 0) paragraph++;
      i++;
      continue;
    }
    // Join soft-wrapped continuation lines into one unit.
    let endLine = i;
    for (;;) {
      const cur = lines[endLine] as { start: number; end: number };
      const next = lines[endLine + 1];
      if (!next) break;
      const nextText = text.slice(next.start, next.end).trim();
      if (nextText === "") break;
      const curText = text.slice(cur.start, cur.end).trimEnd();
      const endsSentence = /[.!?:"')\]\u2026]$/.test(curText);
      const lowerNext = /^[a-z]/.test(nextText);
      if ((lowerNext && !endsSentence) || (hardWrapped && !endsSentence && curText.length >= 50)) endLine++;
      else break;
    }
    const ranges: [number, number][] = [];
    splitUnit(text, line.start, (lines[endLine] as { end: number }).end, ranges);
    ranges.forEach(([s, e], k) => sentences.push({ start: s, end: e, paragraph, unit, firstInUnit: k === 0 }));
    unit++;
    i = endLine + 1;
  }
  return splitLineParagraphs(text, sentences);
}

/**
 * A block of several long lines without blank lines between them (one paragraph a line, as many
 * pages are stored) is several paragraphs; a block of short lines (a list) stays one.
 */
function splitLineParagraphs(text: string, sentences: Sentence[]): Sentence[] {
  const units = new Map<number, { paragraph: number; length: number }>();
  for (const s of sentences) {
    const u = units.get(s.unit) ?? { paragraph: s.paragraph, length: 0 };
    u.length += s.end - s.start;
    units.set(s.unit, u);
  }
  const perParagraph = new Map<number, { units: number; long: number }>();
  for (const u of units.values()) {
    const p = perParagraph.get(u.paragraph) ?? { units: 0, long: 0 };
    p.units++;
    if (u.length >= 80) p.long++;
    perParagraph.set(u.paragraph, p);
  }
  const split = new Set([...perParagraph.entries()].filter(([, p]) => p.units >= 3 && p.long * 2 >= p.units).map(([k]) => k));
  if (split.size === 0) return sentences;
  // Renumber: every unit of a split block becomes a paragraph of its own, in order.
  let next = -1;
  let lastKey = "";
  for (const s of sentences) {
    const key = split.has(s.paragraph) ? `u${s.unit}` : `p${s.paragraph}`;
    if (key !== lastKey) {
      next++;
      lastKey = key;
    }
    s.paragraph = next;
  }
  void text;
  return sentences;
}

const CLAUSE_BREAK =
  /;\s+|,\s+(?=(?:and|but|while|although|though|whereas|with|yet|as well as)\s)|\s(?=(?:although|though|whereas|while)\s)|\s[\u2013\u2014]\s|\s--?\s/g;

/** Offsets (relative to the sentence) where one clause ends and the next begins. */
export function clauseBreaks(sentence: string): number[] {
  const breaks: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(sentence)) !== null) breaks.push(m.index + m[0].length);
  return breaks;
}

/** Index of the clause a position falls in, given the sentence's clause breaks. */
export function clauseOf(breaks: number[], pos: number): number {
  let k = 0;
  while (k < breaks.length && (breaks[k] as number) <= pos) k++;
  return k;
}
