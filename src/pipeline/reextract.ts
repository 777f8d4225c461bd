// Re-runs the current extractor over every stored document, without refetching anything.
import { EXTRACTOR_VERSION } from "../core/extract/index.js";
import type { Store } from "../store/index.js";
import { detectLanguage } from "../ingest/language.js";
import { extractClaims } from "./extract-pool.js";
import { VICTIM_LIST_MEDIA_TYPE } from "./victim-mentions.js";

/** What a re-extraction did: documents and claims, claims before, documents without rules for their language by language. */
export interface ReextractSummary {
  documents: number;
  claims: number;
  before: number;
  unsupported: Record<string, number>;
}

/**
 * Replaces every document's claims and victim mentions with the current extractor's, for the language stored with
 * each document (detected now when none was recorded); returns the counts.
 */
export async function reextractAll(store: Store, progress?: (n: number) => void): Promise<ReextractSummary> {
  const before = await store.countClaims({ includeClutter: true });
  let documents = 0;
  let claims = 0;
  const unsupported: Record<string, number> = {};
  const pageSize = 200;
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.listDocuments({ limit: pageSize, offset });
    if (page.length === 0) break;
    for (const summary of page) {
      const doc = await store.getDocument(summary.id);
      if (!doc) continue;
      const fresh = extractClaims(doc.text, doc.name, doc.published, doc.publisher, doc.language ?? detectLanguage(doc.text));
      await store.replaceClaims(doc.id, fresh.claims, EXTRACTOR_VERSION, { mentions: doc.mediaType === VICTIM_LIST_MEDIA_TYPE ? [] : fresh.mentions });
      if (fresh.unsupported && fresh.language) unsupported[fresh.language] = (unsupported[fresh.language] ?? 0) + 1;
      documents++;
      claims += fresh.claims.length;
    }
    progress?.(documents);
  }
  return { documents, claims, before, unsupported };
}
