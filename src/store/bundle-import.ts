// Restoring a backup bundle into an empty store, in one transaction: rows with their ids, the
// audit trail verbatim and its head, then one "store.import" event continuing the chain.
import type { Readable } from "node:stream";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { appendEvents, claimsState, documentState, lockChainHead, sourceState } from "./audit-append.js";
import type { PendingEvent } from "./audit-append.js";
import { BUNDLE_TABLES, BundleError } from "./bundle-format.js";
import type { BundleEnd, BundleHeader, BundleSummary } from "./bundle-format.js";
import { asEnd, checkHeader, looksLikeHeader } from "./bundle-header.js";
import { BundleReader } from "./bundle-lines.js";
import { Restorer } from "./bundle-restore.js";
import { recordedVersion } from "./migrate.js";
import type { Database, DialectName } from "./schema.js";
import { inTransaction } from "./transaction.js";
import { victimBaselineEvents, type VictimDb } from "./victim-rows.js";

/** Throws unless the store holds nothing a bundle would restore (nor sessions, nor audit events). */
async function requireEmpty(trx: Kysely<Database>): Promise<void> {
  const found: string[] = [];
  for (const name of [...BUNDLE_TABLES.map((t) => t.name).filter((n) => n !== "audit_head"), "sessions"]) {
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(trx);
    const n = Number(result.rows[0]?.n ?? 0);
    if (n > 0) found.push(`${n} ${name.replace(/_/g, " ")}`);
  }
  const head = await sql<{ seq: number | string }>`select seq from audit_head where id = 1`.execute(trx);
  if (found.length === 0 && Number(head.rows[0]?.seq ?? 0) > 0) found.push("an audit trail");
  if (found.length > 0) throw new BundleError(`the store is not empty (${found.join(", ")}); import restores into an empty store only`);
}

/** Reads every line: header, rows into the restorer, end line. After a bad row the rest is only read, so a damaged bundle is reported as such. */
async function readBundle(reader: BundleReader, storeSchema: number, restorerFor: (h: BundleHeader) => Restorer): Promise<{ header: BundleHeader; end: BundleEnd; restorer: Restorer }> {
  let header: BundleHeader | null = null;
  let restorer: Restorer | null = null;
  let end: BundleEnd | null = null;
  let endDigest = "";
  let failure: unknown = null;
  for await (const text of reader.lines()) {
    if (end) {
      failure ??= new BundleError(`bundle is corrupt: line ${reader.lineNumber} follows the end line`);
      continue;
    }
    if (failure !== null && reader.lineNumber > 1) {
      // Keep reading: the end line tells whether the bundle was damaged.
      end = safeEnd(text);
      endDigest = reader.digestBefore();
      continue;
    }
    // Something else than a bundle is said so at once; a damaged one is read to its end line first.
    if (reader.lineNumber === 1 && !looksLikeHeader(parseOrNull(text))) throw new BundleError("not a Tally bundle (no bundle header)");
    try {
      const value = JSON.parse(text) as unknown;
      if (reader.lineNumber === 1) {
        header = checkHeader(value, storeSchema);
        restorer = restorerFor(header);
        continue;
      }
      end = asEnd(value);
      if (end) endDigest = reader.digestBefore();
      else if (value === null || typeof value !== "object" || Array.isArray(value)) throw new BundleError(`bundle is corrupt: line ${reader.lineNumber} is not a row`);
      else await (restorer as Restorer).add(value as Record<string, unknown>, reader.lineNumber);
    } catch (error) {
      failure = error instanceof SyntaxError ? new BundleError(`bundle is corrupt: line ${reader.lineNumber} is not JSON`) : error;
    }
  }
  if (reader.lineNumber === 0) throw new BundleError("bundle is empty");
  if (!end) throw new BundleError("bundle is truncated");
  if (end.sha256 !== endDigest) throw new BundleError("bundle checksum mismatch");
  if (failure !== null) throw failure;
  if (!header || !restorer) throw new BundleError("not a Tally bundle (no bundle header)");
  if (end.rows !== restorer.rows) throw new BundleError(`bundle is corrupt: its end line counts ${end.rows} rows, it holds ${restorer.rows}`);
  return { header, end, restorer };
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function safeEnd(text: string): BundleEnd | null {
  try {
    return asEnd(parseOrNull(text));
  } catch {
    return null;
  }
}

/** Events recording what a public bundle restored, so a new trail covers it (`*.baseline`, as migration 3 does). */
async function* baselineEvents(trx: Kysely<Database>): AsyncGenerator<PendingEvent[]> {
  for (let after = 0; ;) {
    const ids = await trx.selectFrom("documents").select("id").where("id", ">", after).orderBy("id").limit(100).execute();
    if (ids.length === 0) break;
    const events: PendingEvent[] = [];
    for (const { id } of ids) {
      after = Number(id);
      events.push({ action: "document.baseline", objectType: "document", objectId: after, before: null, after: await documentState(trx, after) });
      const claims = await claimsState(trx, after);
      if (claims.count > 0) events.push({ action: "claims.baseline", objectType: "claims", objectId: after, before: null, after: claims });
    }
    yield events;
  }
  const sources = await trx.selectFrom("sources").select("id").orderBy("id").execute();
  const events: PendingEvent[] = [];
  for (const { id } of sources) events.push({ action: "source.baseline", objectType: "source", objectId: Number(id), before: null, after: await sourceState(trx, Number(id)) });
  const relations = await trx.selectFrom("document_relations").select(["doc_a", "doc_b", "kind", "similarity"]).orderBy("doc_a").orderBy("doc_b").orderBy("kind").execute();
  for (const r of relations) {
    const state = { doc_a: Number(r.doc_a), doc_b: Number(r.doc_b), kind: r.kind, similarity: Number(r.similarity) };
    events.push({ action: "relation.baseline", objectType: "relation", objectId: `${state.doc_a}-${state.doc_b}-${state.kind}`, before: null, after: state });
  }
  events.push(...(await victimBaselineEvents(trx as unknown as VictimDb)));
  yield events;
}

/**
 * Restores a bundle into the (empty) store in one transaction and appends a "store.import" event
 * by `actor`; a bundle that is damaged, truncated or from another schema leaves the store as it was.
 */
export async function importBundle(db: Kysely<Database>, dialect: DialectName, input: Readable, actor: string): Promise<BundleSummary> {
  const reader = new BundleReader(input);
  try {
    return await inTransaction(db, dialect, async (trx) => {
      await lockChainHead(trx, dialect);
      await requireEmpty(trx);
      const { header, end, restorer } = await readBundle(reader, await recordedVersion(trx), (h) => new Restorer(trx, dialect, h));
      await restorer.finish();
      if (header.public) {
        for await (const events of baselineEvents(trx)) await appendEvents(trx, await lockChainHead(trx, dialect), actor, events);
      }
      const summary: BundleSummary = { header, rows: end.rows, sha256: end.sha256, bytes: reader.bytes };
      const { columns: _columns, binary: _binary, ...described } = header;
      const after = { bundle: described, rows: end.rows, sha256: end.sha256, bytes: reader.bytes };
      await appendEvents(trx, await lockChainHead(trx, dialect), actor, [{ action: "store.import", objectType: "store", objectId: end.sha256, before: null, after }]);
      return summary;
    });
  } finally {
    input.destroy();
  }
}
