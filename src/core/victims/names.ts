// Names of people across Persian, Arabic and Latin script: a folded form for display and
// comparison, and consonant keys that the same name written in either script, or in another
// Latin transliteration, shares (Mohammad / Muhammad / Mohammed / محمد all give "mhmd").
//
// Why consonants: Persian and Arabic script leave short vowels unwritten, and Latin
// transliterations disagree mostly on vowels (o/u, e/i, ou/u, ee/i) and doubled letters. So the
// key of a word keeps its consonants in one reduced alphabet (kh and x are "x", gh and q are "q",
// sh, ch and ش are "S", th, s, ث, ص are "s"), drops vowels and the letters that write them in
// Arabic script (ا و ی ع ء, a final ه), and marks a word that begins with a vowel ("'") so that
// Ahmad ('hmd) and Hamid (hmd) stay apart. Latin-Latin comparison also uses the fuller folded form.

/** A name prepared for linkage. */
export interface NameForm {
  /** The name as written, trimmed, spaces collapsed. */
  written: string;
  /** "arabic" (Persian or Arabic letters), "latin", or "mixed". */
  script: "arabic" | "latin" | "mixed";
  /** Folded Latin form of each word (lower case, no diacritics, kh→x, ou→u, ee→i…); Arabic-script words give their key. */
  words: string[];
  /** Consonant key of each word, in written order (particles and joins applied). */
  keys: string[];
}

const ZWNJ = /\u200c|\u200d|\u200e|\u200f|\u061c/g;
/** Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef) and tatweel. */
const ARABIC_MARKS = /[\u064b-\u065f]|\u0670|\u0640|[\u06d6-\u06ed]/g;
const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const LATIN_LETTER = /[a-z]/i;

/** Persian and Arabic variants of one letter made one: ي ى → ی, ك → ک, ة → ه, أ إ آ ٱ → ا, ؤ → و, ئ → ی. */
export function foldArabicLetters(s: string): string {
  return s
    .normalize("NFKC")
    .replace(ZWNJ, "")
    .replace(ARABIC_MARKS, "")
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/ة/g, "ه")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ی");
}

/** Consonant of each Arabic-script letter; "" for letters that write vowels or nothing to a Latin reader. */
const ARABIC_KEY: Record<string, string> = {
  "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "S", "ح": "h", "خ": "x", "د": "d", "ذ": "z",
  "ر": "r", "ز": "z", "ژ": "j", "س": "s", "ش": "S", "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "ع": "", "غ": "q",
  "ف": "f", "ق": "q", "ک": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n", "و": "", "ه": "h", "ی": "", "ا": "", "ء": "",
};

/** Latin digraphs first, then single letters, into the same reduced alphabet. */
const LATIN_DIGRAPHS: ReadonlyArray<[RegExp, string]> = [
  [/tch|tsch|sch|sh|ch/g, "S"],
  [/zh|dj|dsch/g, "j"],
  [/kh/g, "x"],
  [/gh/g, "q"],
  [/th/g, "s"],
  [/dh/g, "z"],
  [/ph/g, "f"],
  [/ck/g, "k"],
  [/c/g, "k"],
  [/w/g, "v"],
];

/** Words that join the next word: "abd al rahman" is one name, as عبدالرحمن is. */
const JOIN_NEXT = new Set(["abd", "abdol", "abdul", "abdel", "abdal", "abdu", "al", "el", "ol", "ul", "ad", "ed", "ar", "as", "ash", "az", "an", "عبد", "ال"]);
/** Words that are not part of anyone's own name: "son of", honorifics. */
const NOISE = new Set(["bin", "ben", "ibn", "bint", "ould", "mr", "mrs", "ms", "sayyed", "seyed", "seyyed", "sayed", "haj", "hajj", "haji", "mullah", "بن", "ابن", "بنت", "سید", "حاج", "آقای", "خانم", "السيد", "الحاج"]);

/** Lower case, no diacritics, no apostrophes or ayn marks (ʿ ʾ ' ’ `). */
function foldLatin(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ʿʾ'’`‘]/g, "")
    .replace(/ı/g, "i")
    .replace(/ß/g, "ss");
}

/** The folded Latin form of a word: ou/oo → u, ee → i, kh → x, gh → q, doubled letters once, y between consonants → i. */
export function latinForm(word: string): string {
  let w = foldLatin(word).replace(/[^a-z]/g, "");
  w = w.replace(/kh/g, "x").replace(/gh/g, "q").replace(/ou|oo/g, "u").replace(/ee/g, "i").replace(/aa/g, "a");
  w = w.replace(/([^aeiouy])y(?=[^aeiouy]|$)/g, "$1i");
  return w.replace(/(.)\1+/g, "$1");
}

/** Consonant key of a folded Latin word. */
export function latinKey(word: string): string {
  let w = foldLatin(word).replace(/[^a-z]/g, "");
  if (w === "") return "";
  for (const [re, to] of LATIN_DIGRAPHS) w = w.replace(re, to);
  let out = /^[aeiou]/.test(w) ? "'" : "";
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    if ("aeiou".includes(c)) continue;
    if (c === "y") {
      if (i === 0) out += "y";
      continue;
    }
    if (c === "v" && i > 0) continue; // medial v/w write و, mostly a vowel
    if (c === "h" && i === w.length - 1 && i > 0) continue; // final h: Fatemeh, Abdollah (ه)
    out += c;
  }
  return collapse(out);
}

/** Consonant key of an Arabic-script word (letters folded first). */
export function arabicKey(word: string): string {
  const w = [...foldArabicLetters(word)].filter((c) => c in ARABIC_KEY);
  if (w.length === 0) return "";
  const first = w[0] as string;
  let out = first === "ا" || first === "ع" ? "'" : first === "ی" ? "y" : first === "و" ? "v" : "";
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    if (i === 0 && (c === "ی" || c === "و")) continue;
    if (c === "ه" && i === w.length - 1 && i > 0) continue;
    out += ARABIC_KEY[c] ?? "";
  }
  return collapse(out);
}

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, "$1");
}

/** Splits a name into words, joining particles ("abd al", "al-") to the word after them and dropping honorifics. */
function nameWords(name: string): string[] {
  const raw = foldArabicLetters(name)
    .split(/[\s\-‐_.,،;:()/]+/u)
    .map((w) => w.trim())
    .filter((w) => w !== "");
  const words: string[] = [];
  let pending = "";
  for (const w of raw) {
    const low = ARABIC_LETTER.test(w) ? w : foldLatin(w);
    if (NOISE.has(low) && raw.length > 1) continue;
    if (JOIN_NEXT.has(low)) {
      pending += low;
      continue;
    }
    words.push(pending + low);
    pending = "";
  }
  if (pending !== "") words.push(pending);
  return words;
}

/** A name prepared for comparison and blocking. */
export function nameForm(name: string): NameForm {
  const written = name.normalize("NFC").replace(/\s+/g, " ").trim();
  const words = nameWords(written);
  const arabic = words.some((w) => ARABIC_LETTER.test(w));
  const latin = words.some((w) => LATIN_LETTER.test(w));
  const keys = words.map((w) => (ARABIC_LETTER.test(w) ? arabicKey(w) : latinKey(w))).filter((k) => k !== "" && k !== "'");
  return {
    written,
    script: arabic && latin ? "mixed" : arabic ? "arabic" : "latin",
    words: words.map((w) => (ARABIC_LETTER.test(w) ? arabicKey(w) : latinForm(w))),
    keys,
  };
}

/** The name's key regardless of word order: its words' keys sorted and joined ("rz mhmd" for both orders). */
export function nameKey(form: NameForm): string {
  return [...form.keys].sort().join(" ");
}
