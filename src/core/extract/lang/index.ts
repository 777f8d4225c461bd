// Language packs: which languages have extraction rules, and the entry point for those other than
// English (whose rules live in ../*.ts). A pack is data and small rules behind one interface; the
// pipeline stages around it stay language-independent.
import type { SourceRegistry } from "../../sources.js";
import type { DocumentMeta, Extraction } from "../../types.js";

/** Languages with extraction rules (ISO 639-1). */
export const PACK_LANGUAGES: readonly string[] = ["en"];

/** English names of languages, for messages about documents no pack can read. */
const LANGUAGE_NAMES: Record<string, string> = {
  en: "English", fa: "Persian", ar: "Arabic", fr: "French", tr: "Turkish", ku: "Kurdish", ur: "Urdu",
  ps: "Pashto", de: "German", es: "Spanish", it: "Italian", pt: "Portuguese", ru: "Russian", uk: "Ukrainian",
  zh: "Chinese", ja: "Japanese", ko: "Korean", nl: "Dutch", sv: "Swedish", pl: "Polish", az: "Azerbaijani",
  he: "Hebrew", hi: "Hindi", id: "Indonesian", vi: "Vietnamese", th: "Thai",
};

/** The English name of a language code, or the code itself. */
export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

/**
 * Extracts with the pack of a language other than English: null when the language is English or
 * unknown (the English rules apply), an empty extraction with `unsupported` set when no pack exists.
 */
export function extractOtherLanguage(language: string | null, _text: string, meta: DocumentMeta, _registry: SourceRegistry): Extraction | null {
  if (language === null || language === "en") return null;
  if (!PACK_LANGUAGES.includes(language)) {
    return { claims: [], people: [], language, unsupported: `no claims extracted: language ${languageName(language)} has no extraction rules` };
  }
  void meta;
  return null;
}
