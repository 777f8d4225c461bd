// Document writes' checks and the audited writes of relations and SimHashes.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { documentState, type PendingEvent } from "./audit-append.js";
import type { DocumentWrite, RelationKind } from "./contracts/documents.js";
import { Invalid } from "../shared/errors.js";
import type { Database } from "./schema.js";

/** A write whose SHA-256 matches its bytes, lower-cased; throws Invalid otherwise. */
export function checkedWrite(write: DocumentWrite): DocumentWrite {
  const sha256 = write.doc.sha256.toLowerCase();
  const actual = createHash("sha256").update(write.doc.bytes).digest("hex");
  if (actual !== sha256) throw new Invalid(`SHA-256 ${write.doc.sha256} does not match the bytes (${actual})`, "sha256");
  for (const r of write.relations ?? []) {
    if (r.kind !== "near_duplicate" && r.kind !== "syndicated") throw new Invalid(`unknown relation kind ${JSON.stringify(r.kind)}`, "kind");
    if (!Number.isFinite(r.similarity) || r.similarity < 0 || r.similarity > 1) throw new Invalid(`a relation's similarity is between 0 and 1, not ${r.similarity}`, "similarity");
    if ("id" in r.other ? !Number.isInteger(r.other.id) : !/^[0-9a-fA-F]{64}$/.test(r.other.sha256)) {
      throw new Invalid(`a relation names another document by its id or its SHA-256, not ${JSON.stringify(r.other)}`, "other");
    }
  }
  return sha256 === write.doc.sha256 ? write : { ...write, doc: { ...write.doc, sha256 } };
}

/** An Error of anything thrown. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Sets a document's SimHash; the audit event, or none when nothing changed. */
export async function writeSimhash(trx: Kysely<Database>, documentId: number, simhash: string | null): Promise<PendingEvent[]> {
  const before = await trx.selectFrom("documents").select("simhash").where("id", "=", documentId).executeTakeFirst();
  if (!before || before.simhash === simhash) return [];
  await trx.updateTable("documents").set({ simhash }).where("id", "=", documentId).execute();
  return [{ action: "document.simhash", objectType: "document", objectId: documentId, before: { simhash: before.simhash }, after: await documentState(trx, documentId) }];
}

/** Records (or updates) the relation of two documents, in either order; the audit event, or none when nothing changed. */
export async function writeRelation(trx: Kysely<Database>, docA: number, docB: number, kind: RelationKind, similarity: number, now: string): Promise<PendingEvent[]> {
  if (docA === docB) throw new Invalid("a document cannot be related to itself", "other");
  const [a, b] = docA < docB ? [docA, docB] : [docB, docA];
  const existing = await trx
    .selectFrom("document_relations")
    .select("similarity")
    .where("doc_a", "=", a)
    .where("doc_b", "=", b)
    .where("kind", "=", kind)
    .executeTakeFirst();
  if (existing && Number(existing.similarity) === similarity) return [];
  await trx
    .insertInto("document_relations")
    .values({ doc_a: a, doc_b: b, kind, similarity, created_at: now })
    .onConflict((oc) => oc.columns(["doc_a", "doc_b", "kind"]).doUpdateSet({ similarity }))
    .execute();
  const before = existing ? { doc_a: a, doc_b: b, kind, similarity: Number(existing.similarity) } : null;
  return [{ action: "relation.add", objectType: "relation", objectId: `${a}-${b}-${kind}`, before, after: { doc_a: a, doc_b: b, kind, similarity } }];
}
