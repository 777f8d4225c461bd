// Re-runs the current extractor over every stored document, without refetching anything.
import { EXTRACTOR_VERSION } from "../core/extract/index.js";
import type { Store } from "../store/index.js";
import { claimsFor } from "./ingest.js";

/** Replaces every document's claims with the current extractor's; returns the counts. */
export async function reextractAll(store: Store, progress?: (n: number) => void): Promise<{ documents: number; claims: number; before: number }> {
  const before = await store.countClaims({ includeClutter: true });
  let documents = 0;
  let claims = 0;
  const pageSize = 200;
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.listDocuments({ limit: pageSize, offset });
    if (page.length === 0) break;
    for (const summary of page) {
      const doc = await store.getDocument(summary.id);
      if (!doc) continue;
      const fresh = claimsFor(doc.text, doc.name, doc.published, doc.publisher);
      await store.replaceClaims(doc.id, fresh, EXTRACTOR_VERSION);
      documents++;
      claims += fresh.length;
    }
    progress?.(documents);
  }
  return { documents, claims, before };
}
