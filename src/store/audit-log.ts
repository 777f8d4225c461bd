// The audit trail in the database: reading its events and verifying the chain and the stored
// documents against it (appending, inside a write transaction, is audit-append.ts).
import { checkFactTables } from "./fact-verify.js";
import type { Kysely } from "kysely";
import { canonicalJson, claimsDigest, documentSnapshot, eventHash, GENESIS_HASH, sha256Hex } from "./audit-chain.js";
import type { ClaimRowForAudit } from "./audit-chain.js";
import { checkDerivedTables, checkMigrationsTable, checkRecordedTables, RecordedTables } from "./audit-tables.js";
import { MIGRATIONS } from "./migrations/index.js";
import { checkVictimTables } from "./victim-verify.js";
import type { Database, DialectName } from "./schema.js";
import { audit, type AuditEventsTable } from "./audit-append.js";
import type { AuditEvent, AuditFilter, AuditProblem, AuditReport } from "./contracts/audit.js";

export type { AuditDatabase, AuditEventsTable, AuditHeadTable, ChainHead, PendingEvent } from "./audit-append.js";
export { appendEvents, claimsState, DEFAULT_ACTOR, documentState, lockChainHead, sourceState } from "./audit-append.js";

const MAX_PROBLEMS = 100;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toEvent(r: AuditEventsTable): AuditEvent {
  return {
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    before: parseJson(r.before),
    after: parseJson(r.after),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Events matching a filter, in sequence order. */
export async function listEvents(db: Kysely<Database>, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  let query = audit(db).selectFrom("audit_events").selectAll();
  if (filter.since !== undefined) query = query.where("at", ">=", filter.since);
  if (filter.actor !== undefined) query = query.where("actor", "=", filter.actor);
  if (filter.objectType !== undefined) query = query.where("object_type", "=", filter.objectType);
  if (filter.objectId !== undefined) query = query.where("object_id", "=", filter.objectId);
  if (filter.afterSeq !== undefined) query = query.where("seq", ">", filter.afterSeq);
  const rows = await query.orderBy("seq").limit(filter.limit ?? 1_000_000).execute();
  return rows.map(toEvent);
}

/** Walks the chain, recomputing every hash, then checks each document's bytes and claims against it. */
export async function verifyChain(db: Kysely<Database>, dialect: DialectName): Promise<AuditReport> {
  const a = audit(db);
  const problems: AuditProblem[] = [];
  let total = 0;
  const add = (p: AuditProblem): void => {
    total++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  // Latest recorded SHA-256 and claims digest per document, from the events.
  const recordedSha = new Map<number, { sha256: string; digest: string; seq: number }>();
  const recordedClaims = new Map<number, { digest: string; seq: number }>();
  const recordedTables = new RecordedTables();

  let events = 0;
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let afterSeq = -1;
  for (;;) {
    const rows = await a.selectFrom("audit_events").selectAll().where("seq", ">", afterSeq).orderBy("seq").limit(2000).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      afterSeq = seq;
      events++;
      if (seq !== expected) {
        add({ seq, message: seq > expected ? `gap in sequence after ${expected - 1} (event${seq - expected > 1 ? "s" : ""} ${expected}${seq - expected > 1 ? `–${seq - 1}` : ""} deleted?)` : `event ${seq}: out of sequence after ${expected - 1}` });
      } else if (r.prev_hash !== prevHash) {
        add({ seq, message: `event ${seq}: previous hash does not match event ${seq - 1} (deleted or reordered?)` });
      }
      const fields = { seq, at: r.at, actor: r.actor, action: r.action, objectType: r.object_type, objectId: r.object_id, before: r.before, after: r.after };
      if (eventHash(r.prev_hash, fields) !== r.hash) add({ seq, message: `event ${seq}: hash does not match its content (edited?)` });
      prevHash = r.hash;
      expected = seq + 1;
      lastSeq = seq;
      const after = parseJson(r.after) as Record<string, unknown> | null;
      if (r.object_type === "document" && after && typeof after.sha256 === "string") {
        recordedSha.set(Number(r.object_id), { sha256: after.sha256, digest: sha256Hex(canonicalJson(after)), seq });
      }
      if (r.object_type === "claims" && after && typeof after.digest === "string") {
        recordedClaims.set(Number(r.object_id), { digest: after.digest, seq });
      }
      recordedTables.note(seq, r.object_type, r.object_id, after);
    }
  }
  const head = await a.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (!head) add({ message: "the chain head record is missing" });
  else if (headSeq !== lastSeq || headHash !== prevHash) {
    add({ message: headSeq > lastSeq
      ? `the chain head names event ${headSeq} but the last event is ${lastSeq} (events deleted at the end?)`
      : `the chain head (event ${headSeq}, ${headHash.slice(0, 12)}…) does not match the last event ${lastSeq} (${prevHash.slice(0, 12)}…)` });
  }

  // Every stored document's original bytes against its SHA-256 and the one its events recorded.
  let documents = 0;
  let afterId = 0;
  const seenDocs = new Set<number>();
  for (;;) {
    const rows = await db
      .selectFrom("documents")
      .select(["id", "sha256", "bytes", "size", "media_type", "name", "url", "path", "publisher", "published", "captured_at", "collector", "language", "title", "text", "text_map", "headers", "simhash", "restricted"])
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(50)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const id = Number(r.id);
      afterId = id;
      documents++;
      seenDocs.add(id);
      const actual = sha256Hex(r.bytes);
      const recorded = recordedSha.get(id);
      if (actual !== r.sha256) {
        add({ documentId: id, message: `document ${id}: stored bytes do not match SHA-256 ${r.sha256} (they hash to ${actual})` });
      } else if (recorded && recorded.sha256 !== r.sha256) {
        add({ documentId: id, message: `document ${id}: SHA-256 ${r.sha256} differs from ${recorded.sha256} recorded by event ${recorded.seq} (replaced?)` });
      } else if (recorded && sha256Hex(canonicalJson(documentSnapshot(r))) !== recorded.digest) {
        add({ documentId: id, message: `document ${id}: metadata or text differ from what event ${recorded.seq} recorded (edited?)` });
      }
      if (!recorded) add({ documentId: id, message: `document ${id}: no audit event records it (inserted outside Tally?)` });
    }
  }
  for (const [id, r] of recordedSha) {
    if (!seenDocs.has(id)) add({ documentId: id, message: `document ${id}: recorded by event ${r.seq} but no longer stored (deleted?)` });
  }

  // Every document's claims against the digest its last claims event recorded.
  let claims = 0;
  let current: { documentId: number; rows: ClaimRowForAudit[] } | null = null;
  const checkClaims = (documentId: number, rows: ClaimRowForAudit[]): void => {
    const recorded = recordedClaims.get(documentId);
    const digest = claimsDigest(rows);
    if (recorded === undefined) {
      if (rows.length > 0) add({ documentId, message: `document ${documentId}: ${rows.length} claims that no audit event records` });
    } else if (recorded.digest !== digest) {
      add({ documentId, message: `document ${documentId}: claims do not match the digest recorded by event ${recorded.seq} (edited?)` });
    }
    recordedClaims.delete(documentId);
  };
  let cursor = { doc: 0, id: 0 };
  for (;;) {
    const rows = await db
      .selectFrom("claims")
      .selectAll()
      .where((eb) => eb.or([eb("document_id", ">", cursor.doc), eb.and([eb("document_id", "=", cursor.doc), eb("id", ">", cursor.id)])]))
      .orderBy("document_id")
      .orderBy("id")
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const documentId = Number(r.document_id);
      cursor = { doc: documentId, id: Number(r.id) };
      claims++;
      if (current && current.documentId !== documentId) {
        checkClaims(current.documentId, current.rows);
        current = null;
      }
      current ??= { documentId, rows: [] };
      current.rows.push(r);
    }
  }
  if (current) checkClaims(current.documentId, current.rows);
  for (const [documentId, r] of [...recordedClaims]) {
    const empty = sha256Hex("[]");
    if (r.digest !== empty && seenDocs.has(documentId)) {
      add({ documentId, message: `document ${documentId}: claims recorded by event ${r.seq} are missing (deleted?)` });
    }
  }

  await checkRecordedTables(db, recordedTables, add);
  await checkVictimTables(db, add);
  await checkDerivedTables(db, dialect, add);
  await checkMigrationsTable(db, MIGRATIONS, add);
  await checkFactTables(db, headSeq, add);
  return { ok: total === 0, events, documents, claims, headSeq, headHash, problemCount: total, problems };
}
