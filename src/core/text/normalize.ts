// Normalises text for matching while remembering where every character came from, so
// spans found in the normalised text index the original string exactly.

/** Normalised text plus, for each of its characters, the index in the original. */
export interface NormalizedText {
  original: string;
  text: string;
  /** map[i] is the original index of text[i]; map[text.length] is original.length. */
  map: Int32Array;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "\u2013", mdash: "\u2014",
  lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"', hellip: "\u2026", thinsp: " ", ensp: " ", emsp: " ",
  shy: "", zwnj: "", zwj: "", laquo: '"', raquo: '"', sbquo: "'", bdquo: '"', prime: "'", Prime: '"',
  eacute: "\u00e9", aacute: "\u00e1", iacute: "\u00ed", oacute: "\u00f3", uacute: "\u00fa", uuml: "\u00fc",
  ouml: "\u00f6", auml: "\u00e4", ccedil: "\u00e7", copy: "\u00a9", reg: "\u00ae", euro: "\u20ac", pound: "\u00a3",
};

/** Maps one code unit to its normalised form ("" drops it), or undefined to keep it. */
function mapChar(c: string): string | undefined {
  switch (c) {
    case "\u00a0": case "\u202f": case "\u2007": case "\u2009": case "\u200a": case "\u2002":
    case "\u2003": case "\u2004": case "\u2005": case "\u2006": case "\u2008": case "\u205f":
    case "\u3000": case "\t": case "\f": case "\v":
      return " ";
    case "\u2018": case "\u2019": case "\u201a": case "\u201b": case "\u2032": case "\u02bc": case "`":
      return "'";
    case "\u201c": case "\u201d": case "\u201e": case "\u201f": case "\u2033": case "\u00ab": case "\u00bb":
      return '"';
    case "\u00ad": case "\u200b": case "\u200c": case "\u200d": case "\u2060": case "\ufeff":
      return "";
    case "\u2028": case "\u2029": case "\u0085":
      return "\n";
    case "\u2212": case "\u2010": case "\u2011":
      return "-";
    default:
      return undefined;
  }
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,9}));/y;

function decodeEntity(text: string, at: number): { value: string; length: number } | null {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(text);
  if (!m) return null;
  let value: string | undefined;
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] ?? "", 16);
    if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) value = String.fromCodePoint(code);
  } else if (m[3] !== undefined) {
    value = NAMED_ENTITIES[m[3]];
  }
  if (value === undefined) return null;
  const mapped = value.length === 1 ? mapChar(value) : undefined;
  return { value: mapped ?? value, length: m[0].length };
}

/**
 * Code units that normalisation replaces or drops:
 * [\r&\t\f\v\u202f\u00a0\u00ab\u00ad\u00bb\u0085\u02bc\u2002-\u200d\u2010\u2011\u2018-\u201f\u2028\u2029\u2032\u2033\u205f\u2060\u2212\u3000\ufeff`].
 * A table lookup per code unit scans text several times faster than that character class.
 */
const SPECIAL = new Uint8Array(0x10000);
for (const c of "\r&\t\f\v\u202f\u00a0\u00ab\u00ad\u00bb\u0085\u02bc\u2010\u2011\u2028\u2029\u2032\u2033\u205f\u2060\u2212\u3000\ufeff`") SPECIAL[c.charCodeAt(0)] = 1;
for (let c = 0x2002; c <= 0x200d; c++) SPECIAL[c] = 1;
for (let c = 0x2018; c <= 0x201f; c++) SPECIAL[c] = 1;

/**
 * Replaces typographic variants (non-breaking and narrow spaces, curly quotes, CRLF, soft
 * hyphens, HTML entities) by plain forms, keeping a map back to the original offsets.
 */
export function normalizeWithMap(original: string): NormalizedText {
  const parts: string[] = [];
  const map = new Int32Array(original.length + 1);
  // Plain loops rather than closures over n and copied: this runs over every character.
  let n = 0;
  let copied = 0;
  for (let i = 0; i < original.length; i++) {
    if (SPECIAL[original.charCodeAt(i)] === 0 || i < copied) continue;
    if (i > copied) {
      parts.push(original.slice(copied, i));
      for (let k = copied; k < i; k++) map[n++] = k;
    }
    const c = original[i] as string;
    let consumed = 1;
    let value: string;
    if (c === "\r") {
      if (original[i + 1] === "\n") {
        copied = i + 1; // CRLF: keep the LF, drop the CR
        continue;
      }
      value = "\n";
    } else if (c === "&") {
      const e = decodeEntity(original, i);
      if (e) {
        value = e.value;
        consumed = e.length;
      } else value = "&";
    } else if ((c === "\u202f" || c === "\u00a0" || c === "\u2009" || c === "\u2007") && /\d/.test(original[i - 1] ?? "") && /^\d{3}(?!\d)/.test(original.slice(i + 1, i + 5))) {
      value = ","; // "1\u202f200": a space that groups thousands
    } else {
      value = mapChar(c) ?? c;
    }
    parts.push(value);
    for (let k = 0; k < value.length; k++) map[n++] = i;
    copied = i + consumed;
  }
  if (copied === 0) {
    // Nothing to replace: the text is its own normal form.
    for (let k = 0; k < original.length; k++) map[k] = k;
    map[original.length] = original.length;
    return { original, text: original, map };
  }
  if (original.length > copied) {
    parts.push(original.slice(copied));
    for (let k = copied; k < original.length; k++) map[n++] = k;
  }
  map[n] = original.length;
  return { original, text: parts.join(""), map: map.subarray(0, n + 1) };
}

/** Maps a [start, end) range of the normalised text to the original string. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  const s = norm.map[start] ?? 0;
  if (end <= start) return [s, s];
  const last = norm.map[end - 1] ?? s;
  // The last character may have come from an entity such as "&amp;": include all of it.
  const entity = norm.original[last] === "&" ? decodeEntity(norm.original, last) : null;
  return [s, last + (entity ? entity.length : 1)];
}
