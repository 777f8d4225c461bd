// The words full-text search is made of, for documents and for queries alike: runs of letters,
// digits and combining marks (NFC), folded as search-fold.ts says (ZWNJ, harakat, yeh and kaf,
// digits). User input becomes words only, each quoted, so no input can change a query's syntax.
import { foldSearchText } from "./search-fold.js";

/** The characters words are made of: letters, digits and combining marks. */
const WORD_CLASS = "[\\p{L}\\p{N}\\p{M}]";
const WORD = new RegExp(`${WORD_CLASS}+`, "gu");
/** One character of a word (for a scan that classifies characters one by one). */
export const WORD_CHARACTER = new RegExp(`^${WORD_CLASS}$`, "u");

/** The most words a search uses. */
const MAX_TERMS = 32;

/** The words of a search string (letters, digits and combining marks, folded), at most 32 of them. */
export function searchTerms(input: string): string[] {
  return (foldSearchText(input.normalize("NFC")).match(WORD) ?? []).slice(0, MAX_TERMS);
}

/**
 * A word as PostgreSQL's index holds it and looks it up: lower-cased, final sigma folded to sigma
 * (FTS5 folds case itself). Folding the sigma makes lower-casing a whole text and then cutting it
 * into words give the same lexemes as cutting it first (final sigma is the one lower-case mapping
 * that depends on the letters around it).
 */
export function lexemeOf(word: string): string {
  return foldSigma(word.toLowerCase());
}

/** `text` with final sigma (ς) as sigma (σ). */
export function foldSigma(text: string): string {
  return text.includes("ς") ? text.replaceAll("ς", "σ") : text;
}

/** PostgreSQL's limit on a lexeme (tsvector.h MAXSTRLEN), in UTF-8 bytes: longer words are not indexed. */
export const MAX_LEXEME_BYTES = 2047;

/** An FTS5 MATCH expression requiring every term, each as a quoted string. */
export function fts5Query(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" ");
}

/**
 * A PostgreSQL tsquery literal requiring every term, each a quoted lexeme; null when no term can
 * be indexed (each is longer than a lexeme may be).
 */
export function tsqueryLiteral(terms: readonly string[]): string | null {
  const lexemes = [...new Set(terms.map(lexemeOf))].filter((l) => Buffer.byteLength(l) <= MAX_LEXEME_BYTES);
  if (lexemes.length === 0) return null;
  return lexemes.map((l) => `'${l.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`).join(" & ");
}
