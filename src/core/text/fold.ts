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

/** Every folding is one code unit to one or none: FOLD[c] is 0 to keep c, -1 to drop it, else the new unit. */
const FOLD = (() => {
  const table = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = foldUnit(c);
    if (f !== null) table[c] = f === "" ? -1 : f.charCodeAt(0);
  }
  return table;
})();

const UTF16 = new TextDecoder("utf-16le");

/** Folds a text, remembering where every folded character came from. */
export function foldText(original: string): FoldedText {
  const n = original.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let k = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    const f = FOLD[c] as number;
    if (f === 0) {
      out[k] = c;
      map[k++] = i;
    } else if (f > 0) {
      out[k] = f;
      map[k++] = i;
      changed = true;
    } else changed = true;
  }
  map[k] = n;
  const text = changed ? UTF16.decode(out.subarray(0, k)) : original;
  return { text, map: map.subarray(0, k + 1) };
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
