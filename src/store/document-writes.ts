// Storing a batch of documents with their claims inside one audited transaction: one lookup of
// the SHA-256s already stored, multi-row inserts, and audit snapshots computed from the values
// written rather than read back.
import type { Insertable, Kysely } from "kysely";
import { claimsSnapshot, documentSnapshot } from "./audit-chain.js";
import type { PendingEvent } from "./audit-append.js";
import type { AppendEvents } from "./audited.js";
import { CHUNK, insertClaims } from "./claim-writes.js";
import type { Database, DialectName, DocumentRelationsTable, DocumentsTable } from "./schema.js";
import { searchVectorValue } from "./search-vector.js";
import type { DocumentWrite } from "./store.js";
import { storedNullableText, storedText } from "./stored-text.js";
import { replaceDocumentMentions, type VictimDb } from "./victim-rows.js";

/** Documents per multi-row INSERT (18 bound values each). */
const DOCUMENT_CHUNK = 200;

/**
 * Documents whose claims, relations, victim mentions and audit events are written at a time: the
 * rows, statements and snapshots of one part are garbage before the next is built, so a batch of
 * 2,000 documents in one transaction does not hold all of them at once (issue 26: the ingest's
 * main heap grew to 400 MB between collections).
 */
export const WRITE_PART = 200;

/**
 * Writes the documents of `batch` that are not stored yet (SHA-256s already checked and
 * lower-cased) with their claims, in the caller's transaction, which holds the audit chain head;
 * the audit events go to `append` part by part, in document order. A document whose bytes are
 * stored already, or appear earlier in the batch, is not written. Returns what the batch did with
 * each document, in batch order.
 */
export async function writeDocuments(trx: Kysely<Database>, dialect: DialectName, batch: readonly DocumentWrite[], now: string, append: AppendEvents): Promise<Array<{ id: number; created: boolean }>> {
  const ids = await storedIds(trx, [...new Set(batch.map((w) => w.doc.sha256))]);
  const fresh: Array<{ index: number; write: DocumentWrite }> = [];
  const planned = new Set<string>();
  for (const [index, write] of batch.entries()) {
    const sha = write.doc.sha256;
    if (ids.has(sha) || planned.has(sha)) continue;
    planned.add(sha);
    fresh.push({ index, write });
  }

  // Every document row first: ids follow the batch's order, and a relation may name any document of the batch.
  for (let i = 0; i < fresh.length; i += DOCUMENT_CHUNK) {
    const inserted = await trx
      .insertInto("documents")
      .values(fresh.slice(i, i + DOCUMENT_CHUNK).map(({ write }) => documentRow(dialect, write, now)))
      .onConflict((oc) => oc.column("sha256").doNothing())
      .returning(["id", "sha256"])
      .execute();
    for (const r of inserted) ids.set(r.sha256, { id: Number(r.id), created: true });
  }
  // A row the insert skipped (stored by a writer that did not hold the chain lock) is looked up.
  const missing = fresh.filter(({ write }) => !ids.has(write.doc.sha256)).map(({ write }) => write.doc.sha256);
  for (const [sha, found] of await storedIds(trx, missing)) ids.set(sha, found);

  const created = fresh.filter(({ write }) => ids.get(write.doc.sha256)?.created === true);
  // Relations of the batch already written, as "a-b-kind": a pair is written (and audited) once.
  const related = new Set<string>();
  for (let i = 0; i < created.length; i += WRITE_PART) await append(await writePart(trx, dialect, ids, created.slice(i, i + WRITE_PART), related, now));

  // Only the first occurrence of a SHA-256 in the batch is created; later ones are duplicates.
  const first = new Map(created.map(({ index, write }) => [write.doc.sha256, index]));
  return batch.map((write, index) => {
    const found = ids.get(write.doc.sha256);
    if (!found) throw new Error(`document ${write.doc.sha256} was neither stored nor found`);
    return { id: found.id, created: found.created && first.get(write.doc.sha256) === index };
  });
}

/**
 * The claims, relations and victim mentions of some created documents (their rows written
 * already, ids in `ids`), and their audit events, in document order.
 */
async function writePart(
  trx: Kysely<Database>,
  dialect: DialectName,
  ids: Map<string, { id: number; created: boolean }>,
  created: ReadonlyArray<{ write: DocumentWrite }>,
  related: Set<string>,
  now: string,
): Promise<PendingEvent[]> {
  const claims = await insertClaims(
    trx,
    dialect,
    created.map(({ write }) => ({ documentId: idOf(ids, write.doc.sha256), published: write.doc.published, claims: write.claims })),
    null,
    now,
  );

  const relations = await relationRows(trx, ids, created, related, now);
  for (let i = 0; i < relations.length; i += CHUNK) {
    await trx
      .insertInto("document_relations")
      .values(relations.slice(i, i + CHUNK).map((r) => r.row))
      .onConflict((oc) => oc.columns(["doc_a", "doc_b", "kind"]).doNothing())
      .execute();
  }
  const relationsOf = new Map<number, RelationRow[]>();
  for (const r of relations) relationsOf.set(r.documentId, [...(relationsOf.get(r.documentId) ?? []), r]);

  const events: PendingEvent[] = [];
  const mentionEvents = new Map<number, PendingEvent[]>();
  for (const [k, { write }] of created.entries()) {
    if (!write.mentions?.length) continue;
    const id = idOf(ids, write.doc.sha256);
    mentionEvents.set(id, await replaceDocumentMentions(trx as unknown as VictimDb, id, write.mentions, (claims[k] ?? []).map((c) => Number(c.id)), true));
  }
  for (const [k, { write }] of created.entries()) {
    const id = idOf(ids, write.doc.sha256);
    events.push({ action: "document.create", objectType: "document", objectId: id, before: null, after: documentSnapshot(storedDocument(dialect, write, id)) });
    const mine = claims[k] ?? [];
    if (mine.length > 0) events.push({ action: "claims.create", objectType: "claims", objectId: id, before: null, after: claimsSnapshot(mine) });
    events.push(...(mentionEvents.get(id) ?? []));
    for (const { row } of relationsOf.get(id) ?? []) {
      events.push({ action: "relation.add", objectType: "relation", objectId: `${row.doc_a}-${row.doc_b}-${row.kind}`, before: null, after: { doc_a: row.doc_a, doc_b: row.doc_b, kind: row.kind, similarity: row.similarity } });
    }
  }
  return events;
}

/** A relation row to insert, and the created document it belongs to. */
interface RelationRow {
  documentId: number;
  row: DocumentRelationsTable;
}

/**
 * The relation rows of the documents created: targets named by SHA-256 are found in the batch or
 * the store; a target that is not stored, the document itself, and a second relation of the same
 * pair and kind (in `seen`, which collects the pairs written) are left out. A new document has no
 * relations yet, so every row is new.
 */
async function relationRows(
  trx: Kysely<Database>,
  ids: Map<string, { id: number; created: boolean }>,
  created: ReadonlyArray<{ write: DocumentWrite }>,
  seen: Set<string>,
  now: string,
): Promise<RelationRow[]> {
  const wanted = created.flatMap(({ write }) => (write.relations ?? []).flatMap((r) => ("sha256" in r.other && !ids.has(r.other.sha256.toLowerCase()) ? [r.other.sha256.toLowerCase()] : [])));
  const elsewhere = wanted.length > 0 ? await storedIds(trx, [...new Set(wanted)]) : new Map<string, { id: number }>();
  const rows: RelationRow[] = [];
  for (const { write } of created) {
    const id = idOf(ids, write.doc.sha256);
    for (const r of write.relations ?? []) {
      const other = "id" in r.other ? r.other.id : (ids.get(r.other.sha256.toLowerCase()) ?? elsewhere.get(r.other.sha256.toLowerCase()))?.id;
      if (other === undefined || other === id) continue;
      const [a, b] = id < other ? [id, other] : [other, id];
      const key = `${a}-${b}-${r.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ documentId: id, row: { doc_a: a, doc_b: b, kind: r.kind, similarity: r.similarity, created_at: now } });
    }
  }
  return rows;
}

/** Ids of the stored documents among these SHA-256s (created: false). */
async function storedIds(trx: Kysely<Database>, shas: readonly string[]): Promise<Map<string, { id: number; created: boolean }>> {
  const found = new Map<string, { id: number; created: boolean }>();
  for (let i = 0; i < shas.length; i += CHUNK) {
    const rows = await trx.selectFrom("documents").select(["id", "sha256"]).where("sha256", "in", shas.slice(i, i + CHUNK)).execute();
    for (const r of rows) found.set(r.sha256, { id: Number(r.id), created: false });
  }
  return found;
}

function idOf(ids: Map<string, { id: number }>, sha: string): number {
  const found = ids.get(sha);
  if (!found) throw new Error(`no id for document ${sha}`);
  return found.id;
}

/** The documents row of a write; on PostgreSQL with its full-text vector (sent in binary). */
function documentRow(dialect: DialectName, { doc }: DocumentWrite, now: string): Insertable<DocumentsTable> & { search_vector?: Buffer } {
  const row = {
    sha256: doc.sha256,
    bytes: Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength),
    size: doc.bytes.byteLength,
    media_type: doc.mediaType,
    name: doc.name,
    url: doc.url ?? null,
    path: doc.path ?? null,
    publisher: doc.publisher ?? null,
    published: doc.published ?? null,
    captured_at: doc.capturedAt,
    collector: doc.collector,
    language: doc.language ?? null,
    title: doc.title ?? null,
    text: doc.text,
    text_map: doc.textMap ?? null,
    headers: doc.headers ?? null,
    simhash: doc.simhash ?? null,
    created_at: now,
  };
  return dialect === "sqlite" ? row : { ...row, search_vector: searchVectorValue(doc.title, doc.text, doc.searchVector) };
}

/** The stored row as the audit snapshot reads it (documentState), from the values written. */
function storedDocument(dialect: DialectName, { doc }: DocumentWrite, id: number): Parameters<typeof documentSnapshot>[0] {
  const text = (s: string) => storedText(dialect, s);
  const nullable = (s: string | null | undefined) => storedNullableText(dialect, s);
  return {
    id,
    sha256: doc.sha256,
    size: doc.bytes.byteLength,
    media_type: text(doc.mediaType),
    name: text(doc.name),
    url: nullable(doc.url),
    path: nullable(doc.path),
    publisher: nullable(doc.publisher),
    published: nullable(doc.published),
    captured_at: text(doc.capturedAt),
    collector: text(doc.collector),
    language: nullable(doc.language),
    title: nullable(doc.title),
    text: text(doc.text),
    text_map: nullable(doc.textMap),
    headers: nullable(doc.headers),
    simhash: nullable(doc.simhash),
  };
}
