// Corrections of a stored document's metadata (publication date, publisher, URL): a re-ingest
// with a fixed manifest updates them, recorded in the audit trail with the values before and after.
import type { Kysely } from "kysely";
import { documentState, type PendingEvent } from "./audit-append.js";
import { NotFound } from "../shared/errors.js";
import type { Database } from "./schema.js";

/** Metadata a caller may correct; an absent field is left as it is. */
export interface DocumentMetadataPatch {
  published?: string | null;
  publisher?: string | null;
  url?: string | null;
}

/** Applies the fields of `patch` that differ from the stored ones; returns the audit event (none when nothing changed). */
export async function updateDocumentMetadata(trx: Kysely<Database>, id: number, patch: DocumentMetadataPatch): Promise<PendingEvent[]> {
  const row = await trx.selectFrom("documents").select(["published", "publisher", "url"]).where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFound("document", id);
  const set: DocumentMetadataPatch = {};
  for (const key of ["published", "publisher", "url"] as const) {
    const value = patch[key];
    if (value !== undefined && value !== row[key]) set[key] = value;
  }
  if (Object.keys(set).length === 0) return [];
  const before = await documentState(trx, id);
  await trx.updateTable("documents").set(set).where("id", "=", id).execute();
  return [{ action: "document.metadata", objectType: "document", objectId: id, before, after: await documentState(trx, id) }];
}
