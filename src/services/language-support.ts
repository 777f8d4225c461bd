// Which languages the extractor has rules for, and the plain words Tally uses about a document in
// a language it has none for (never a silent zero).
import { languageName, PACK_LANGUAGES } from "../core/extract/lang/index.js";

/** English name of a language code ("fa" → "Persian"), or the code itself when unknown. */
export function nameOfLanguage(code: string): string {
  return languageName(code);
}

/**
 * "no claims extracted: language Turkish has no extraction rules" for a document in a language
 * without extraction rules; null for a language with rules, or none recorded (the English rules apply).
 */
export function noRulesMessage(language: string | null): string | null {
  if (language === null || language === "en" || PACK_LANGUAGES.includes(language)) return null;
  return `no claims extracted: language ${languageName(language)} has no extraction rules`;
}

/**
 * One line about the new documents an ingest run stored without claims for want of rules, from
 * its counts by language: "no claims extracted from 2 documents: language Turkish has no
 * extraction rules", or "…: languages Turkish (2), Kurdish (1) have no extraction rules"; null
 * when there were none.
 */
export function unsupportedLine(byLanguage: Readonly<Record<string, number>>): string | null {
  const entries = Object.entries(byLanguage)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const [first] = entries;
  if (!first) return null;
  const documents = `no claims extracted from ${total} document${total === 1 ? "" : "s"}`;
  if (entries.length === 1) return `${documents}: language ${languageName(first[0])} has no extraction rules`;
  return `${documents}: languages ${entries.map(([code, n]) => `${languageName(code)} (${n})`).join(", ")} have no extraction rules`;
}
