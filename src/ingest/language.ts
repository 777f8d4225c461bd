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

/** ISO 639-1 code of the text's language ("en", "fa", "ar", …), or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const code = franc(sample, { minLength: MIN_LETTERS });
  return ISO639_1[code] ?? null;
}
