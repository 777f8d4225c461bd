// Guesses the language of a document from its opening text, as an ISO 639-1 code. Cheap tests
// come first: the script of the letters, then the letters and function words that tell apart the
// languages of one script (Persian, Arabic, Kurdish, Urdu and Pashto in Arabic script; English and
// French in Latin script, English also when its function words are fewer but no other language's
// are there). franc's n-gram model (about as long as extracting the claims) is asked
// only when those tests are doubtful.

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
 * For a short Latin-script sample: "en" or "fr" when its function words are of that language only
 * (at least two), null (unknown) when they do not decide, undefined for a sample long enough for franc.
 */
function shortLatinGuess(sample: string): string | null | undefined {
  let english = 0;
  let french = 0;
  let words = 0;
  for (const match of sample.toLowerCase().matchAll(WORD)) {
    words++;
    if (ENGLISH_MARKERS.has(match[0])) english++;
    if (FRENCH_MARKERS.has(match[0])) french++;
  }
  if (words >= MIN_WORDS) return undefined;
  if (english >= 2 && french === 0) return "en";
  if (french >= 2 && english === 0) return "fr";
  // Plain ASCII words without function words of either ("Police arrest 60 people at party"):
  // franc's n-grams cannot tell English here and often say French; letters of other languages
  // (ı, ş, ñ, ß, é…) still go to franc.
  return /[^\u0020-\u007e\s]/.test(sample.replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0]/g, "")) ? undefined : null;
}

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
/**
 * French function words that Spanish, Italian, Portuguese, Catalan and Romanian do not use as
 * such ("la", "le", "de", "que", "en", "a", "au" are left out: one or another of them does).
 */
const FRENCH_MARKERS = new Set([
  "les", "des", "du", "une", "est", "et", "dans", "pour", "qui", "sur", "aux", "ont", "été", "cette",
  "selon", "avec", "sont", "ils", "elle", "elles", "leur", "leurs", "pas", "ne", "nous", "vous", "mais",
  "plus", "depuis", "ces", "ses", "après", "aussi", "être", "avait", "fait",
  "lors", "où", "contre", "comme", "tous", "deux", "trois",
]);
/** Words needed before a Latin-script shortcut is trusted; shorter samples go to franc. */
const MIN_WORDS = 40;
/** Share of marker words from which a sample is English (English openings in our tests: 0.24–0.35; twelve other languages: 0). */
const ENGLISH_SHARE = 0.15;
/** Share of French marker words from which a sample is French (French openings in our tests: 0.2–0.35; other languages: under 0.06). */
const FRENCH_SHARE = 0.15;
const WORD = /\p{L}+/gu;
const LATIN_WORD = /^[a-z\u00c0-\u024f]+$/;
const ASCII_WORD = /^[a-z]+$/;

/** Share of marker words among a sample's words, or 0 when the sample is short or not mostly Latin script. */
function markerShare(sample: string, markers: ReadonlySet<string>, latin: RegExp): number {
  let words = 0;
  let found = 0;
  let foreign = 0;
  for (const match of sample.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    words++;
    if (!latin.test(word)) foreign++;
    else if (markers.has(word)) found++;
  }
  return words >= MIN_WORDS && foreign * 10 < words ? found / words : 0;
}

/**
 * Whether the sample is plainly English prose: mostly Latin-script words, at least 15% of them
 * English function words. Nearly every document Tally reads is English, and franc compares a
 * sample with every Latin-script language it knows (about as long as extracting the claims), so
 * plain English skips it; everything else, and anything doubtful, is left to franc.
 */
export function isPlainEnglish(sample: string): boolean {
  return markerShare(sample, ENGLISH_MARKERS, ASCII_WORD) >= ENGLISH_SHARE;
}

/**
 * Function words of the other Latin-script languages franc knows, none of them an English word
 * ("de", "la", "die", "van", "per", "as" are left out: English uses them, in names at least).
 */
const OTHER_LATIN_MARKERS = new Set([
  ...FRENCH_MARKERS,
  // Spanish, Portuguese, Italian, Romanian
  "el", "los", "las", "y", "que", "del", "por", "una", "para", "como", "pero", "sus", "entre", "sobre", "desde", "según", "fueron",
  "não", "uma", "com", "pelo", "pela", "foram", "também", "segundo", "dos", "das", "ao", "il", "che", "della", "delle", "degli",
  "sono", "anche", "nel", "nella", "stati", "dopo", "și", "în", "cu", "din", "fost", "care", "pentru", "sunt", "că",
  // German, Dutch, Danish, Swedish, Norwegian
  "der", "und", "nicht", "mit", "ist", "sich", "auf", "dem", "wurden", "nach", "auch", "bei", "eine", "einer", "vom", "het", "een",
  "niet", "zijn", "werd", "werden", "ook", "naar", "bij", "volgens", "dat", "og", "ikke", "och", "att", "inte", "är", "som", "blev", "enligt", "har",
  // Indonesian, Malay, Tagalog, Swahili, Turkish, Polish
  "yang", "dan", "dengan", "tidak", "untuk", "ini", "itu", "dari", "pada", "oleh", "telah", "ang", "ng", "sa", "mga", "kwa", "katika",
  "ve", "bir", "bu", "ile", "için", "olarak", "göre", "się", "nie", "jest", "oraz", "przez", "został", "które", "był", "że",
]);
/** Share of English function words from which a sample whose other function words are all English is English. */
const ENGLISH_LEANING_SHARE = 0.08;

/**
 * Whether the sample is English prose heavy in names and figures (a headline, a dateline, a
 * list of sources: under ENGLISH_SHARE of function words): mostly plain ASCII words, at least 8%
 * of them English function words, and at most a third as many function words of another
 * Latin-script language. Other languages in our tests have no English function words at all.
 */
export function isLeaningEnglish(sample: string): boolean {
  let words = 0;
  let english = 0;
  let other = 0;
  let foreign = 0;
  for (const match of sample.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    words++;
    if (OTHER_LATIN_MARKERS.has(word)) other++;
    if (!ASCII_WORD.test(word)) foreign++;
    else if (ENGLISH_MARKERS.has(word)) english++;
  }
  return words >= MIN_WORDS && foreign * 10 < words && english >= words * ENGLISH_LEANING_SHARE && other * 3 <= english;
}

/** Whether the sample is plainly French prose (the same test with French function words). */
export function isPlainFrench(sample: string): boolean {
  return markerShare(sample, FRENCH_MARKERS, LATIN_WORD) >= FRENCH_SHARE;
}

/** Letters of the Arabic script (its blocks, supplements and presentation forms). */
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]/gu;
/** Scripts only one language Tally meets writes in (franc would say the same, more slowly). */
const SCRIPT_LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/[\u0590-\u05ff]/gu, "he"],
  [/[\u0370-\u03ff]/gu, "el"],
  [/[\uac00-\ud7af\u1100-\u11ff]/gu, "ko"],
  [/[\u3040-\u30ff]/gu, "ja"],
  [/[\u0e00-\u0e7f]/gu, "th"],
  [/[\u10a0-\u10ff]/gu, "ka"],
  [/[\u0530-\u058f]/gu, "hy"],
];

/** Share of a script's letters from which a sample is taken to be written in it. */
const SCRIPT_SHARE = 0.6;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/**
 * Letters only Sorani Kurdish writes (ۆ ێ ڵ ڕ; not ە, which Persian typed on a Kurdish keyboard
 * uses for every final heh), only Urdu (ے ٹ ڈ ڑ ں), only Pashto (ټ ډ ړ ږ ښ ځ څ ۍ ې).
 */
const KURDISH_LETTERS = /[\u06c6\u06ce\u06b5\u0695]/gu;
const URDU_LETTERS = /[\u06d2\u0679\u0688\u0691\u06ba]/gu;
const PASHTO_LETTERS = /[\u067c\u0689\u0693\u0696\u069a\u0681\u0685\u06cd\u06d0]/gu;
/** Letters Persian has and Arabic does not (پ چ ژ گ), and the one Arabic has and Persian hardly uses (ة). */
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af]/gu;
const ARABIC_ONLY_LETTERS = /\u0629/gu;
/** Persian function words (yeh and kaf in both their Persian and Arabic forms). */
const PERSIAN_WORDS = new Set(
  ["از", "به", "این", "که", "را", "با", "است", "در", "می", "های", "شد", "شده", "بود", "کرد", "کرده", "آن", "برای", "تا", "یک", "خود", "هم", "نیز", "اند", "ها", "گفته", "سال"]
    .flatMap((w) => [w, w.replaceAll("ی", "ي").replaceAll("ک", "ك")]),
);
/** Arabic function words. */
const ARABIC_WORDS = new Set(["في", "من", "على", "إلى", "الى", "أن", "ان", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان", "قد", "لم", "بعد", "أو", "ذلك", "كما", "وقال", "قال", "عام", "منذ", "حيث", "إن"]);
const ARABIC_WORD = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]+/gu;

/**
 * The language of a sample written mostly in Arabic script, by the letters only one of its
 * languages uses and by Persian against Arabic function words; null when they do not decide.
 */
export function arabicScriptLanguage(sample: string): string | null {
  const letters = count(sample, ARABIC_LETTER);
  // A language's own letters, from 2% of the letters (a Persian text quoting a Kurdish name has one or two).
  const own = (pattern: RegExp) => {
    const n = count(sample, pattern);
    return n >= 3 && n * 50 >= letters;
  };
  if (own(KURDISH_LETTERS)) return "ku";
  if (own(URDU_LETTERS)) return "ur";
  if (own(PASHTO_LETTERS)) return "ps";
  let persian = count(sample, PERSIAN_LETTERS);
  let arabic = count(sample, ARABIC_ONLY_LETTERS);
  for (const match of sample.matchAll(ARABIC_WORD)) {
    const word = match[0].replaceAll("\u06d5", "\u0647");
    if (PERSIAN_WORDS.has(word)) persian += 2;
    else if (ARABIC_WORDS.has(word)) arabic += 2;
  }
  if (persian >= 6 && persian >= 3 * arabic) return "fa";
  if (arabic >= 6 && arabic >= 3 * persian) return "ar";
  return null;
}

/** Letters of a sample: all of them, those of the Arabic script and those of the Latin script. */
interface LetterCounts {
  letters: number;
  arabic: number;
  latin: number;
}

const LETTER = /\p{L}/u;

/** Counts a sample's letters by script in one pass (regular expressions over the sample took longer than the rest of the test). */
function countLetters(sample: string): LetterCounts {
  const counts = { letters: 0, arabic: 0, latin: 0 };
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) counts.latin++;
      else continue;
    } else if (c >= 0x0620 && c <= 0x06ff) {
      if (c >= 0x064b && c <= 0x065f) continue; // marks
      counts.arabic++;
    } else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) counts.latin++;
    else if ((c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfefc)) counts.arabic++;
    else if (LETTER.test(sample[i] as string)) counts.letters++;
  }
  counts.letters += counts.latin + counts.arabic;
  return counts;
}

/** ISO 639-1 code of the text's language ("en", "fa", "ar", …), or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const { letters, arabic, latin } = countLetters(sample);
  if (letters < MIN_LETTERS) return null;
  if (arabic >= letters * SCRIPT_SHARE) {
    const found = arabicScriptLanguage(sample);
    if (found) return found;
    return ISO639_1[franc(sample, { minLength: MIN_LETTERS, only: ["pes", "arb", "urd", "pbu", "ckb"] })] ?? null;
  }
  if (latin >= letters * SCRIPT_SHARE) {
    if (isPlainEnglish(sample)) return "en";
    if (isPlainFrench(sample)) return "fr";
    if (isLeaningEnglish(sample)) return "en";
    // A short text (a headline, a one-line note) is too short for franc's n-grams, which take
    // plain English for French: its function words decide when there are any of one language only.
    const short = shortLatinGuess(sample);
    if (short !== undefined) return short;
  } else {
    for (const [pattern, code] of SCRIPT_LANGUAGES) if (count(sample, pattern) >= letters * SCRIPT_SHARE) return code;
  }
  return ISO639_1[franc(sample, { minLength: MIN_LETTERS })] ?? null;
}
