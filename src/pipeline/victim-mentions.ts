// The victims a document names (core/victims/mentions.ts), as stored with it: each linked to the
// claim whose count it belongs to (an index into the document's claims), and attributed to who
// names them — the claim's source, else the document's publisher, else its name.
import { findVictimMentions, MENTION_LANGUAGES, type MentionClaim } from "../core/victims/mentions.js";
import type { DocumentMention } from "../store/index.js";

/** The media type of a victim list's original file: its rows are the list's records, not mentions. */
export const VICTIM_LIST_MEDIA_TYPE = "text/csv";

/** What of a claim the mentions need: where it is, what it counts, and who says it. */
export type MentionedClaim = MentionClaim & { source?: string | null };

/** The victims a text in `language` (null: the English rules, as the extractor) names; none in a language without words for them. */
export function documentMentions(
  text: string,
  language: string | null,
  claims: readonly MentionedClaim[],
  doc: { publisher: string | null; name: string },
): DocumentMention[] {
  const lang = language ?? "en";
  if (!MENTION_LANGUAGES.includes(lang)) return [];
  return findVictimMentions(text, lang, claims).map((m) => {
    const claim = m.claim === null ? undefined : claims[m.claim];
    return { ...m, source: claim?.source ?? doc.publisher ?? doc.name };
  });
}
