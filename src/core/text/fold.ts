// Folding for the Persian, Arabic and French rules: one spelling for the many ways these texts
// write the same word, with a map back to the original so spans index the text as stored.
//   - Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits become ASCII, also when both
//     systems are mixed inside one number;
//   - Arabic yeh and alef maksura become Persian yeh, Arabic kaf becomes Persian kaf, Kurdish ە and
//     ۀ become ه, hamza-carrying alefs become bare alef;
//   - zero-width (non-)joiners, tatweel, harakat and direction marks are dropped, so "دست‌کم"
//     and "دستکم" read the same;
//   - the Arabic thousands separator ٬ becomes ",", the decimal separator ٫ ".", ٪ "%";
//   - typographic apostrophes become "'", « » and curly double quotes '"'; no-break and thin
//     spaces stay (numbers read them as thousands separators), other odd spaces become " ".

/** Folded text and, for each of its code units, the index of the original one. */
export interface FoldedText {
  text: string;
  /** map[i] is the original index of text[i]; map[text.length] is the original length. */
  map: Int32Array;
}

/** The folded form of one UTF-16 code unit: a string ("" drops it). */
function foldUnit(c: number): string | null {
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 48);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 48);
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) return ""; // harakat, superscript alef, tatweel
  switch (c) {
    case 0x064a: case 0x0649: return "\u06cc"; // ي ى → ی
    case 0x0643: return "\u06a9"; // ك → ک
    case 0x06d5: case 0x06c0: case 0x06c1: return "\u0647"; // ە ۀ ہ → ه
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: case 0x0672: case 0x0673: return "\u0627"; // أ إ آ ٱ → ا
    case 0x066c: return ","; // ٬
    case 0x066b: return "."; // ٫
    case 0x066a: return "%"; // ٪
    case 0x200b: case 0x200c: case 0x200d: case 0x200e: case 0x200f: case 0x061c: case 0x2060: case 0xfeff: case 0x00ad:
      return "";
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x02bc: case 0x2032: case 0x60:
      return "'";
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x00ab: case 0x00bb: case 0x2033:
      return '"';
    case 0x2009: case 0x200a: case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006: case 0x2008:
    case 0x205f: case 0x3000: case 0x09: case 0x0b: case 0x0c:
      return " ";
    case 0x2007: return "\u00a0";
    case 0x2010: case 0x2011: case 0x2212: return "-";
    case 0x0d: return "\n";
    default: return null;
  }
}

/** Folds a text, remembering where every folded character came from. */
export function foldText(original: string): FoldedText {
  let out = "";
  const map: number[] = [];
  let runStart = 0; // start of the current run of unchanged characters
  for (let i = 0; i < original.length; i++) {
    const f = foldUnit(original.charCodeAt(i));
    if (f === null) continue;
    if (runStart < i) {
      out += original.slice(runStart, i);
      for (let k = runStart; k < i; k++) map.push(k);
    }
    out += f;
    for (let k = 0; k < f.length; k++) map.push(i);
    runStart = i + 1;
  }
  if (runStart < original.length) {
    out += original.slice(runStart);
    for (let k = runStart; k < original.length; k++) map.push(k);
  }
  map.push(original.length);
  return { text: out, map: Int32Array.from(map) };
}

/** Folds a word or a pattern written in ordinary spelling (lexicons go through this). */
export function fold(s: string): string {
  return foldText(s).text;
}

/** The original [start, end) of a folded range. */
export function originalRange(f: FoldedText, start: number, end: number): [number, number] {
  const s = f.map[start] ?? f.map[f.map.length - 1] ?? 0;
  const last = end > start ? (f.map[end - 1] ?? s) + 1 : s;
  return [s, last];
}
