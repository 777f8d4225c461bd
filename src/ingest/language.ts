// Guesses the language of a document from its opening text, as an ISO 639-1 code.

import { franc } from "franc-min";

/** Characters examined; the opening of a document is enough and keeps detection fast. */
const SAMPLE_CHARS = 1000;
/** Fewer letters than this and the guess is too unreliable to record. */
const MIN_LETTERS = 20;

/** ISO 639-3 codes franc-min can return, mapped to ISO 639-1 where a two-letter code exists. */
const ISO639_1: Record<string, string> = {
  eng: "en", fra: "fr", spa: "es", por: "pt", deu: "de", ita: "it", nld: "nl", swe: "sv", pol: "pl",
  ces: "cs", hun: "hu", ron: "ro", tur: "tr", azj: "az", uzn: "uz", kaz: "kk", rus: "ru", ukr: "uk",
  bel: "be", bul: "bg", srp: "sr", hrv: "hr", bos: "bs", arb: "ar", pes: "fa", urd: "ur", pbu: "ps",
  ckb: "ku", hin: "hi", mar: "mr", npi: "ne", ben: "bn", pan: "pa", guj: "gu", tam: "ta", tel: "te",
  kan: "kn", mal: "ml", sin: "si", cmn: "zh", jpn: "ja", kor: "ko", tha: "th", mya: "my", vie: "vi",
  ind: "id", zlm: "ms", jav: "jv", sun: "su", tgl: "tl", ell: "el", amh: "am", som: "so", swh: "sw",
  hau: "ha", yor: "yo", ibo: "ig", zul: "zu", kin: "rw", run: "rn", lin: "ln", nya: "ny", plt: "mg",
  fuv: "ff", qug: "qu", zyb: "za",
};

/**
 * English function words that are not also common words of another Latin-script language
 * ("a", "in", "is", "was", "of", "to", "an", "at", "for", "by", "her", "over", "we", "he", "will"
 * are left out: Spanish, Dutch, German, Danish, Polish, Finnish… use them too).
 */
const ENGLISH_MARKERS = new Set([
  "the", "and", "that", "with", "were", "which", "from", "this", "has", "had", "been", "their",
  "they", "them", "said", "would", "there", "these", "those", "who", "what", "when", "where", "after",
  "also", "into", "than", "other", "about", "because", "while", "its", "it", "are", "be", "or",
  "not", "but", "his", "she", "our", "you", "since", "between", "during", "against", "such", "many",
  "some", "could", "should", "did", "does",
]);
/** Words needed before the shortcut is trusted; shorter samples go to franc. */
const MIN_WORDS = 40;
/** Share of marker words from which a sample is English (English openings in our tests: 0.24–0.35; twelve other languages: 0). */
const ENGLISH_SHARE = 0.15;
const WORD = /\p{L}+/gu;
const LATIN_WORD = /^[a-z]+$/;

/**
 * Whether the sample is plainly English prose: mostly Latin-script words, at least 15% of them
 * English function words. Nearly every document Tally reads is English, and franc compares a
 * sample with every Latin-script language it knows (about as long as extracting the claims), so
 * plain English skips it; everything else, and anything doubtful, is left to franc.
 */
export function isPlainEnglish(sample: string): boolean {
  let words = 0;
  let markers = 0;
  let foreign = 0;
  for (const match of sample.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    words++;
    if (!LATIN_WORD.test(word)) foreign++;
    else if (ENGLISH_MARKERS.has(word)) markers++;
  }
  return words >= MIN_WORDS && foreign * 10 < words && markers >= words * ENGLISH_SHARE;
}

/** ISO 639-1 code of the text's language ("en", "fa", "ar", …), or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  if (isPlainEnglish(sample)) return "en";
  const code = franc(sample, { minLength: MIN_LETTERS });
  return ISO639_1[code] ?? null;
}
