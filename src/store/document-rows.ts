// Selects and converts document rows for summaries and full documents.
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { Access, DocumentSummary, StoredDocument } from "./store.js";
import { visibleClaim, visibleDocument } from "./visibility.js";

/** A query over the documents `access` may see, selecting what a DocumentSummary needs (claims counted as the reader sees them). */
export function selectSummaries(db: Kysely<Database>, access: Access) {
  return db
    .selectFrom("documents")
    .where((eb) => visibleDocument(eb, access) ?? eb.lit(true))
    .select((eb) => [
      "documents.id",
      "documents.sha256",
      "documents.name",
      "documents.title",
      "documents.media_type",
      "documents.url",
      "documents.path",
      "documents.publisher",
      "documents.published",
      "documents.captured_at",
      "documents.collector",
      "documents.language",
      "documents.simhash",
      "documents.size",
      "documents.restricted",
      eb
        .selectFrom("claims")
        .select((sub) => sub.fn.countAll<number | string>().as("n"))
        .whereRef("claims.document_id", "=", "documents.id")
        .where("claims.status", "!=", "rejected")
        .where((sub) => visibleClaim(sub, access) ?? sub.lit(true))
        .as("claim_count"),
    ]);
}

/** selectSummaries with the rest of a StoredDocument: the working text, its offsets map, headers, creation time. */
export function selectDocuments(db: Kysely<Database>, access: Access) {
  return selectSummaries(db, access).select(["documents.text", "documents.text_map", "documents.headers", "documents.created_at"]);
}

/** A row as selected by selectSummaries. */
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>["executeTakeFirstOrThrow"]>>;

/** The summary a row describes. */
export function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: Number(r.id),
    sha256: r.sha256,
    name: r.name,
    title: r.title,
    mediaType: r.media_type,
    url: r.url,
    path: r.path,
    publisher: r.publisher,
    published: r.published,
    capturedAt: r.captured_at,
    collector: r.collector,
    language: r.language,
    simhash: r.simhash,
    size: Number(r.size),
    claimCount: Number(r.claim_count ?? 0),
    restricted: Number(r.restricted) === 1,
  };
}

/** The full document a summary row plus text columns describe. */
export function toStoredDocument(
  r: SummaryRow & { text: string; text_map: string | null; headers: string | null; created_at: string },
): StoredDocument {
  return { ...toSummary(r), text: r.text, textMap: r.text_map, headers: r.headers, createdAt: r.created_at };
}
