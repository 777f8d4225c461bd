// Language packs: which languages have extraction rules, and the entry point for those other than
// English (whose rules live in ../*.ts). A pack is data and small rules behind one interface
// (pack.ts); the pipeline stages around it stay language-independent (pipeline.ts).
import type { SourceRegistry } from "../../sources.js";
import type { DocumentMeta, Extraction } from "../../types.js";
import { arabic } from "./ar.js";
import { detectLanguage } from "./detect.js";
import { persian } from "./fa.js";
import { french } from "./fr.js";
import type { LanguagePack } from "./pack.js";
import { runPack } from "./pipeline.js";

const PACKS: Record<string, LanguagePack> = { fa: persian, ar: arabic, fr: french };

/** Languages with extraction rules (ISO 639-1). */
export const PACK_LANGUAGES: readonly string[] = ["en", ...Object.keys(PACKS)];

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

export { detectLanguage };

/** ISO 639-3 codes franc and others give, for the languages with packs. */
const THREE_LETTER: Record<string, string> = { eng: "en", pes: "fa", fas: "fa", prs: "fa", per: "fa", arb: "ar", ara: "ar", fra: "fr", fre: "fr" };

/** "fa-IR", "FA", "pes" → "fa": the ISO 639-1 code of a language tag. */
export function languageCode(tag: string): string {
  const base = (tag.toLowerCase().split(/[-_]/)[0] ?? "").trim();
  return THREE_LETTER[base] ?? base;
}

/**
 * Extracts with the pack of a language other than English: null when the language is English
 * (the English rules apply), an empty extraction with `unsupported` set when no pack exists.
 * When the caller does not know the language, it is told from the text (detect.ts).
 */
export function extractOtherLanguage(language: string | null, text: string, meta: DocumentMeta, registry: SourceRegistry): Extraction | null {
  const lang = language ? languageCode(language) : detectLanguage(text);
  if (lang === null || lang === "en") return null;
  const pack = PACKS[lang];
  if (!pack) {
    return { claims: [], people: [], language: lang, unsupported: `no claims extracted: language ${languageName(lang)} has no extraction rules` };
  }
  return { claims: runPack(pack, text, meta, registry), people: [], language: lang };
}
