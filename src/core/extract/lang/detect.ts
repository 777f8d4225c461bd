// Cheap language detection inside core, for documents whose language the caller did not give:
// by script, then by letters only one language uses (Persian پ چ ژ گ, Arabic ة), then by
// function words. Pure; ingest's franc-min stays the main detector.

const PERSIAN_WORDS = /(?<![\p{L}])(?:است|را|این|که|های|می|برای|شده|شد|بود|کرد|نیز|از)(?![\p{L}])/gu;
const ARABIC_WORDS = /(?<![\p{L}])(?:في|من|على|إلى|الى|التي|الذي|أن|ان|عن|هذا|هذه|كان|قد)(?![\p{L}])/gu;
const FRENCH_WORDS = new Set(["le", "la", "les", "des", "du", "une", "est", "dans", "et", "selon", "pour", "qui", "au", "aux", "sont", "ont", "été", "avec", "par"]);
const ENGLISH_WORDS = new Set(["the", "of", "and", "in", "to", "was", "were", "that", "by", "with", "from", "has", "have", "is", "are"]);
/** The longest word of either list: longer runs of letters are not looked up. */
const LONGEST_LISTED = Math.max(...[...FRENCH_WORDS, ...ENGLISH_WORDS].map((w) => w.length));

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/**
 * "fa", "ar", "fr", or "ku", "ps", "ur" (Arabic script, no pack), or null (English or unknown: the
 * English rules apply) for a text's opening.
 */
export function detectLanguage(text: string): string | null {
  const s = text.slice(0, 1500);
  let arabicScript = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) arabicScript++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x17f)) latin++;
  }
  if (arabicScript > latin) {
    // Other languages in Arabic script have letters of their own: no pack reads them.
    const own = (re: RegExp) => count(s, re) >= Math.max(3, arabicScript * 0.01);
    if (own(/[\u0695\u06b5\u06c6\u06ce]/gu)) return "ku"; // Sorani ڕ ڵ ۆ ێ
    if (own(/[\u067c\u0689\u0693\u0696\u069a\u06ab\u06bc]/gu)) return "ps"; // Pashto ټ ډ ړ ږ ښ ګ ڼ
    if (own(/[\u0679\u0688\u0691\u06ba\u06d2]/gu)) return "ur"; // Urdu ٹ ڈ ڑ ں ے
    const persianLetters = count(s, /[پچژگ\u06a9\u06cc\u06d5]/gu);
    const arabicLetters = count(s, /[ة\u064a\u0643\u0649\u0623\u0625]/gu);
    const fa = persianLetters + 3 * count(s, PERSIAN_WORDS);
    const ar = arabicLetters + 3 * count(s, ARABIC_WORDS);
    return fa >= ar ? "fa" : "ar";
  }
  if (latin === 0) return null;
  // One pass over the words, looked up in both lists (cheaper than a pattern per list).
  let fr = 0;
  let en = 0;
  const lower = s.toLowerCase();
  // The words, walked by character; only those short enough to be in a list are cut out.
  for (let i = 0; i < lower.length; ) {
    if (!isLatinLetter(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lower.length && isLatinLetter(lower.charCodeAt(j))) j++;
    if (j - i <= LONGEST_LISTED) {
      const word = lower.slice(i, j);
      if (FRENCH_WORDS.has(word)) fr++;
      else if (ENGLISH_WORDS.has(word)) en++;
    }
    i = j;
  }
  return fr > en * 1.5 && fr >= 3 ? "fr" : null;
}

/** A letter of a word: [a-z\u00c0-\u017f] (in the lower-cased text). */
function isLatinLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x17f);
}
