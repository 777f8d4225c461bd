// The one Store implementation: Kysely over SQLite or PostgreSQL.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { AccessOps } from "./access-ops.js";
import { auditedWrite } from "./audited.js";
import { claimsState, DEFAULT_ACTOR, documentState, listEvents, sourceState, verifyChain } from "./audit-log.js";
import type { AuditDatabase, PendingEvent } from "./audit-log.js";
import { CHUNK, insertClaims } from "./claim-writes.js";
import { writeDocuments } from "./document-writes.js";
import { type DocumentMetadataPatch, updateDocumentMetadata } from "./document-metadata.js";
import { readableTally, tallyByYearAndEvent, tallyBySource, tallyTotal } from "./claim-tallies.js";
import { claimWhere } from "./claim-filter.js";
import type { ResolvedClaimFilter } from "./claim-filter.js";
import { toStoredClaim } from "./claim-rows.js";
import * as review from "./review-ops.js";
import type { ClaimRowWithDocument } from "./claim-rows.js";
import { selectDocuments, selectSummaries, toStoredDocument, toSummary } from "./document-rows.js";
import { Forbidden, Invalid, NotFound } from "../shared/errors.js";
import { recordedVersion } from "./migrate.js";
import type { Database, DialectName } from "./schema.js";
import type { Readable, Writable } from "node:stream";
import { exportBundle } from "./bundle-export.js";
import { importBundle } from "./bundle-import.js";
import type { BundleSummary, ExportOptions } from "./store.js";
import { searchDocuments } from "./search.js";
import { cleanAliases, sourceKey } from "./source-keys.js";
import type {
  Access,
  ApiTokenRecord,
  AuditEvent,
  AuditFilter,
  AuditReport,
  ClaimFilter,
  DocumentListOptions,
  DocumentSummary,
  FactOverride,
  ManualClaim,
  DocumentWrite,
  DocumentWriteResult,
  NewClaim,
  NewDocument,
  NewSource,
  Page,
  RelatedDocument,
  DocumentRelations,
  RelationKind,
  ReviewDecision,
  Role,
  SearchOptions,
  SearchResult,
  SessionRecord,
  SourceCount,
  Store,
  StoredClaim,
  StoredDocument,
  StoredSource,
  StoreConfig,
  UserRecord,
  WriteOptions,
  YearEventCount,
} from "./store.js";
import type { FactStore } from "./fact-store.js";
import { KyselyFactStore } from "./kysely-fact-store.js";
import { openWriteLock, traitsOf, type StoreTraits, type WriteLock } from "./dialect/index.js";
import { FULL_ACCESS, visibleClaim, visibleDocument } from "./visibility.js";

/** Store over an opened, migrated Kysely instance; owns it and destroys it on close(). */
export class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: DialectName,
    readonly location: StoreConfig,
    private readonly actor: string = DEFAULT_ACTOR,
    readonly access: Access = FULL_ACCESS,
  ) {
    this.users = new AccessOps(db, dialect, actor);
  }

  private readonly users: AccessOps;

  get traits(): StoreTraits {
    return traitsOf(this.dialect);
  }

  openWriteLock(): Promise<WriteLock | null> {
    return openWriteLock(this.dialect, this.location);
  }

  withActor(actor: string): Store {
    return new KyselyStore(this.db, this.dialect, this.location, actor, this.access);
  }

  factStore(): FactStore {
    return new KyselyFactStore(this.db, this.dialect);
  }

  withAccess(access: Access): Store {
    return new KyselyStore(this.db, this.dialect, this.location, this.actor, Object.freeze({ ...access }));
  }

  async recordSettingChange(setting: string, before: unknown, after: unknown, opts?: WriteOptions): Promise<void> {
    await this.audited(opts, async () => ({ result: undefined, events: [{ action: "setting.change", objectType: "setting", objectId: setting, before: before ?? null, after: after ?? null }] }));
  }

  async auditHead(): Promise<{ seq: number; hash: string }> {
    const db = this.db as unknown as Kysely<AuditDatabase>;
    const row = await db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: "" };
  }

  listAuditEvents(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    return listEvents(this.db, filter);
  }

  verifyAudit(): Promise<AuditReport> {
    return verifyChain(this.db, this.dialect);
  }

  /** Runs a write in a transaction holding the audit chain head and appends the events it returns. */
  private audited<T>(opts: WriteOptions | undefined, fn: (trx: Kysely<Database>) => Promise<{ result: T; events: PendingEvent[] }>): Promise<T> {
    return auditedWrite(this.db, this.dialect, opts?.actor ?? this.actor, fn);
  }

  async putDocument(doc: NewDocument, claims: NewClaim[], opts?: WriteOptions): Promise<{ id: number; created: boolean }> {
    const [result] = await this.writeTogether([checkedWrite({ doc, claims })], opts);
    if (!result) throw new Error("the document write returned no result");
    return result;
  }

  async putDocuments(batch: readonly DocumentWrite[], opts?: WriteOptions): Promise<DocumentWriteResult[]> {
    const results: Array<DocumentWriteResult | undefined> = batch.map(() => undefined);
    const valid: Array<{ index: number; write: DocumentWrite }> = [];
    for (const [index, write] of batch.entries()) {
      try {
        valid.push({ index, write: checkedWrite(write) });
      } catch (error) {
        results[index] = { error: asError(error) };
      }
    }
    try {
      const stored = await this.writeTogether(valid.map((v) => v.write), opts);
      for (const [k, v] of valid.entries()) results[v.index] = stored[k];
    } catch (error) {
      // One document the database refuses (or a failure of the batch as a whole): each document
      // again in its own transaction, so that only the ones that cannot be stored fail.
      if (valid.length === 1 && valid[0]) results[valid[0].index] = { error: asError(error) };
      else {
        for (const v of valid) {
          try {
            results[v.index] = (await this.writeTogether([v.write], opts))[0];
          } catch (single) {
            results[v.index] = { error: asError(single) };
          }
        }
      }
    }
    return results.map((r) => r ?? { error: new Error("the document write returned no result") });
  }

  /** Stores checked writes in one audited transaction (all or nothing). */
  private async writeTogether(batch: readonly DocumentWrite[], opts: WriteOptions | undefined): Promise<Array<{ id: number; created: boolean }>> {
    if (batch.length === 0) return [];
    const now = new Date().toISOString();
    return this.audited(opts, async (trx) => {
      const { results, events } = await writeDocuments(trx, this.dialect, batch, now);
      return { result: results, events };
    });
  }

  async replaceClaims(documentId: number, claims: NewClaim[], extractorVersion: string, opts?: WriteOptions): Promise<void> {
    await this.audited(opts, async (trx) => ({ result: undefined, events: await this.replaceClaimsIn(trx, documentId, claims, extractorVersion) }));
  }

  async correctDocumentMetadata(documentId: number, patch: DocumentMetadataPatch, reextract: (doc: { published: string | null; publisher: string | null }) => NewClaim[] | null, extractorVersion: string, opts?: WriteOptions): Promise<boolean> {
    return this.audited(opts, async (trx) => {
      const events = await updateDocumentMetadata(trx, documentId, patch);
      if (events.length === 0) return { result: false, events };
      const doc = await trx.selectFrom("documents").select(["published", "publisher"]).where("id", "=", documentId).executeTakeFirstOrThrow();
      const claims = reextract(doc);
      if (claims) events.push(...(await this.replaceClaimsIn(trx, documentId, claims, extractorVersion)));
      return { result: true, events };
    });
  }

  /** replaceClaims inside a transaction; returns its audit event. */
  private async replaceClaimsIn(trx: Kysely<Database>, documentId: number, claims: NewClaim[], extractorVersion: string): Promise<PendingEvent[]> {
    const now = new Date().toISOString();
    {
      const doc = await trx.selectFrom("documents").select("published").where("id", "=", documentId).executeTakeFirst();
      if (!doc) throw new NotFound("document", documentId);
      const before = await claimsState(trx, documentId);
      // Decisions survive: a proposal for a decided claim's figure attaches to it, the rest are new.
      const decided = await review.dropUndecided(trx, documentId);
      const fresh: NewClaim[] = [];
      let attached = 0;
      for (const c of claims) {
        const key = review.proposalKey({ span_start: c.span[0], span_end: c.span[1], count_start: c.countSpan?.[0] ?? null, count_end: c.countSpan?.[1] ?? null, event: c.event, count: c.count });
        const match = decided.get(key);
        if (match) {
          const { event, count, qualifier, period, place, victims, source } = c;
          await review.attachProposal(trx, match, { event, count, qualifier, period, place, victims, source }, extractorVersion);
          decided.delete(key);
          attached++;
        } else fresh.push(c);
      }
      await insertClaims(trx, this.dialect, [{ documentId, published: doc.published, claims: fresh }], extractorVersion, now);
      const after = { extractor: extractorVersion, attached, ...(await claimsState(trx, documentId)) };
      return [{ action: "claims.replace", objectType: "claims", objectId: documentId, before, after }];
    }
  }

  async getDocument(idOrSha256Prefix: number | string): Promise<StoredDocument | null> {
    let query = selectDocuments(this.db, this.access);
    if (typeof idOrSha256Prefix === "number") {
      query = query.where("documents.id", "=", idOrSha256Prefix);
    } else {
      const prefix = idOrSha256Prefix.trim().toLowerCase();
      if (!/^[0-9a-f]{4,64}$/.test(prefix)) {
        throw new Invalid(`a document is named by its id or at least 4 hex digits of its SHA-256, not ${JSON.stringify(idOrSha256Prefix)}`, "document");
      }
      // A range on the unique index rather than LIKE: hex digits sort below "g".
      query = prefix.length === 64
        ? query.where("documents.sha256", "=", prefix)
        : query.where("documents.sha256", ">=", prefix).where("documents.sha256", "<", `${prefix}g`);
    }
    const rows = await query.limit(2).execute();
    if (rows.length > 1) throw new Invalid(`SHA-256 prefix ${JSON.stringify(idOrSha256Prefix)} matches several documents`, "document");
    const row = rows[0];
    return row ? toStoredDocument(row) : null;
  }

  async getDocumentsBySha256(sha256s: readonly string[]): Promise<Map<string, StoredDocument>> {
    const found = new Map<string, StoredDocument>();
    const wanted = [...new Set(sha256s.map((s) => s.toLowerCase()))];
    for (const s of wanted) {
      if (!/^[0-9a-f]{64}$/.test(s)) throw new Invalid(`not a SHA-256: ${JSON.stringify(s)}`, "sha256");
    }
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const rows = await selectDocuments(this.db, this.access)
        .where("documents.sha256", "in", wanted.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.set(row.sha256, toStoredDocument(row));
    }
    return found;
  }

  async getDocumentBytes(id: number): Promise<Uint8Array | null> {
    const row = await this.visibleDocumentColumn(id, "bytes");
    if (!row) return null;
    const b = row.bytes;
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }

  async getDocumentText(id: number): Promise<string | null> {
    return (await this.visibleDocumentColumn(id, "text"))?.text ?? null;
  }

  async getDocumentTexts(ids: readonly number[]): Promise<Map<number, string>> {
    const texts = new Map<number, string>();
    const wanted = [...new Set(ids)];
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("documents")
        .select(["id", "text"])
        .where("id", "in", wanted.slice(i, i + CHUNK))
        .where((eb) => visibleDocument(eb, this.access) ?? eb.lit(true))
        .execute();
      for (const row of rows) texts.set(Number(row.id), row.text);
    }
    return texts;
  }

  /** One column of a document the reader may see (undefined when there is none). */
  private visibleDocumentColumn<C extends "bytes" | "text">(id: number, column: C) {
    return this.db
      .selectFrom("documents")
      .select(column)
      .where("id", "=", id)
      .where((eb) => visibleDocument(eb, this.access) ?? eb.lit(true))
      .executeTakeFirst();
  }

  async listDocuments(opts: DocumentListOptions): Promise<DocumentSummary[]> {
    let query = selectSummaries(this.db, this.access);
    if (opts.publisher !== undefined) query = query.where("documents.publisher", "=", opts.publisher);
    if (opts.language !== undefined) query = opts.language === null ? query.where("documents.language", "is", null) : query.where("documents.language", "=", opts.language);
    const rows = await query
      .orderBy("documents.captured_at", "desc")
      .orderBy("documents.id", "desc")
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
    return rows.map(toSummary);
  }

  async countDocuments(filter: Omit<DocumentListOptions, "limit" | "offset"> = {}): Promise<number> {
    let query = this.db
      .selectFrom("documents")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where((eb) => visibleDocument(eb, this.access) ?? eb.lit(true));
    if (filter.publisher !== undefined) query = query.where("publisher", "=", filter.publisher);
    if (filter.language !== undefined) query = filter.language === null ? query.where("language", "is", null) : query.where("language", "=", filter.language);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setSimhash(documentId: number, simhash: string | null, opts?: WriteOptions): Promise<void> {
    await this.audited(opts, async (trx) => ({ result: undefined, events: await writeSimhash(trx, documentId, simhash) }));
  }

  async relateDocuments(items: readonly DocumentRelations[], opts?: WriteOptions): Promise<void> {
    if (items.length === 0) return;
    await this.audited(opts, async (trx) => {
      const events: PendingEvent[] = [];
      const now = new Date().toISOString();
      for (const item of items) {
        for (const r of item.relations) events.push(...(await writeRelation(trx, item.documentId, r.other, r.kind, r.similarity, now)));
        // Last: a document with a SimHash has been related.
        events.push(...(await writeSimhash(trx, item.documentId, item.simhash)));
      }
      return { result: undefined, events };
    });
  }

  async queryClaims(filter: ClaimFilter, page: Page): Promise<StoredClaim[]> {
    const f = await this.resolve(filter);
    let query = this.db
      .selectFrom("claims")
      .innerJoin("documents", "documents.id", "claims.document_id")
      .selectAll("claims")
      .select(["documents.name as document_name", "documents.published as document_published"])
      .where((eb) => claimWhere(eb, f));
    switch (page.sort ?? "period") {
      case "period":
        query = query.orderBy("claims.period_start", (ob) => ob.desc().nullsLast());
        break;
      case "count":
        query = query.orderBy("claims.count", "desc");
        break;
      case "published":
        query = query.orderBy("documents.published", (ob) => ob.desc().nullsLast());
        break;
      case "id":
        break;
      case "oldest":
        query = query.orderBy("claims.created_at", "asc");
        break;
      case "consequential":
        query = query.orderBy("claims.count", "desc");
        break;
      case "uncertain":
        query = query.orderBy("claims.confidence", (ob) => ob.asc().nullsLast()).orderBy("claims.created_at", "asc");
        break;
    }
    const rows = await query.orderBy("claims.id", "asc").limit(page.limit).offset(page.offset).execute();
    return rows.map((r) => toStoredClaim(r as ClaimRowWithDocument));
  }

  async countClaims(filter: ClaimFilter): Promise<number> {
    const f = await this.resolve(filter);
    const tally = await readableTally(this.db, f, "total");
    if (tally) return tallyTotal(this.db, tally, f);
    const row = await this.db
      .selectFrom("claims")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where((eb) => claimWhere(eb, f, { victimsFirst: true }))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  search(words: string, opts: SearchOptions): Promise<SearchResult> {
    return searchDocuments(this.db, this.dialect, words, opts, this.access);
  }

  async upsertSource(source: NewSource, opts?: WriteOptions): Promise<StoredSource> {
    const name = source.name.trim();
    if (name === "") throw new Invalid("a source needs a name", "name");
    const id = await this.audited(opts, async (trx) => {
      const keys = [sourceKey(name), ...source.aliases.map(sourceKey)].filter((k) => k !== "");
      const found = await trx.selectFrom("source_keys").selectAll().where("key", "in", keys).execute();
      const match = found.find((r) => r.key === keys[0]) ?? found[0];
      let sourceId: number;
      const before = match ? await sourceState(trx, Number(match.source_id)) : null;
      if (match) {
        sourceId = Number(match.source_id);
        const current = await trx.selectFrom("sources").selectAll().where("id", "=", sourceId).executeTakeFirstOrThrow();
        const aliases = cleanAliases(current.name, [...(JSON.parse(current.aliases) as string[]), name, ...source.aliases]);
        await trx.updateTable("sources").set({ kind: source.kind, aliases: JSON.stringify(aliases) }).where("id", "=", sourceId).execute();
      } else {
        const row = await trx
          .insertInto("sources")
          .values({ name, kind: source.kind, aliases: JSON.stringify(cleanAliases(name, source.aliases)), created_at: new Date().toISOString() })
          .returning("id")
          .executeTakeFirstOrThrow();
        sourceId = Number(row.id);
      }
      // A key already naming another source keeps naming it: first registration wins.
      await trx
        .insertInto("source_keys")
        .values([...new Set(keys)].map((key) => ({ key, source_id: sourceId })))
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
      const mine = await trx.selectFrom("source_keys").select("key").where("source_id", "=", sourceId).execute();
      const linked = await trx
        .updateTable("claims")
        .set({ source_id: sourceId })
        .where("source_id", "is", null)
        .where((eb) => eb(eb.fn("lower", ["source"]), "in", mine.map((k) => k.key)))
        .returning("id")
        .execute();
      const after = { ...(await sourceState(trx, sourceId)), linked_claims: linked.map((r) => Number(r.id)).sort((x, y) => x - y) };
      return { result: sourceId, events: [{ action: "source.upsert", objectType: "source", objectId: sourceId, before, after }] };
    });
    const stored = (await this.listSources(id))[0];
    if (!stored) throw new Error(`source ${id} vanished`);
    return stored;
  }

  async listSources(onlyId?: number): Promise<StoredSource[]> {
    let query = this.db
      .selectFrom("sources")
      .selectAll("sources")
      .select((eb) =>
        eb
          .selectFrom("claims")
          .select((sub) => sub.fn.countAll<number | string>().as("n"))
          .whereRef("claims.source_id", "=", "sources.id")
          .where("claims.status", "!=", "rejected")
          .where((sub) => visibleClaim(sub, this.access) ?? sub.lit(true))
          .as("claims"),
      );
    if (!this.access.restricted) query = query.where("sources.restricted", "=", 0);
    if (onlyId !== undefined) query = query.where("sources.id", "=", onlyId);
    const rows = await query.orderBy("sources.name").execute();
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      kind: r.kind,
      aliases: JSON.parse(r.aliases) as string[],
      claims: Number(r.claims ?? 0),
      restricted: Number(r.restricted) === 1,
    }));
  }

  async addRelation(docA: number, docB: number, kind: RelationKind, similarity: number, opts?: WriteOptions): Promise<void> {
    await this.audited(opts, async (trx) => ({ result: undefined, events: await writeRelation(trx, docA, docB, kind, similarity, new Date().toISOString()) }));
  }


  async relatedDocuments(id: number): Promise<RelatedDocument[]> {
    const relations = await this.db
      .selectFrom("document_relations")
      .selectAll()
      .where((eb) => eb.or([eb("doc_a", "=", id), eb("doc_b", "=", id)]))
      .execute();
    if (relations.length === 0) return [];
    const others = relations.map((r) => (Number(r.doc_a) === id ? Number(r.doc_b) : Number(r.doc_a)));
    const docs = await selectSummaries(this.db, this.access).where("documents.id", "in", others).execute();
    const byId = new Map(docs.map((d) => [Number(d.id), toSummary(d)]));
    return relations
      .flatMap((r, i) => {
        const document = byId.get(others[i] ?? -1);
        return document ? [{ document, kind: r.kind as RelationKind, similarity: Number(r.similarity) }] : [];
      })
      .sort((x, y) => y.similarity - x.similarity || x.document.id - y.document.id);
  }

  async listSimhashes(afterId?: number): Promise<Array<{ id: number; simhash: string }>> {
    let query = this.db.selectFrom("documents").select(["id", "simhash"]).where("simhash", "is not", null);
    if (afterId !== undefined) query = query.where("id", ">", afterId);
    const rows = await query.orderBy("id").execute();
    return rows.map((r) => ({ id: Number(r.id), simhash: r.simhash ?? "" }));
  }

  async countsByYearAndEvent(filter: ClaimFilter): Promise<YearEventCount[]> {
    const f = await this.resolve(filter);
    const tally = await readableTally(this.db, f, "byYear");
    const rows = tally ? await tallyByYearAndEvent(this.db, tally, f) : await this.db
      .selectFrom("claims")
      .select((eb) => ["claims.year", "claims.event", eb.fn.countAll<number | string>().as("n")])
      .where((eb) => claimWhere(eb, f, { victimsFirst: true }))
      .groupBy(["claims.year", "claims.event"])
      .orderBy("claims.year", (ob) => ob.asc().nullsLast())
      .orderBy("claims.event")
      .execute();
    return rows.map((r) => ({
      year: r.year === null ? null : Number(r.year),
      event: r.event as YearEventCount["event"],
      claims: Number(r.n),
    }));
  }

  async countsBySource(filter: ClaimFilter): Promise<SourceCount[]> {
    const f = await this.resolve(filter);
    // Group on the tallies or the claims alone (an index covers source_id, source), then name the sources.
    const tally = await readableTally(this.db, f, "bySource");
    const rows = tally ? await tallyBySource(this.db, tally, f) : await this.db
      .selectFrom("claims")
      .select((eb) => ["claims.source_id", "claims.source", eb.fn.countAll<number | string>().as("n")])
      .where((eb) => claimWhere(eb, f, { victimsFirst: true }))
      .groupBy(["claims.source_id", "claims.source"])
      .execute();
    const names = new Map((await this.db.selectFrom("sources").select(["id", "name"]).execute()).map((r) => [Number(r.id), r.name]));
    // (claims of restricted sources are already left out by claimWhere for readers without access)
    const merged = new Map<string, SourceCount>();
    for (const r of rows) {
      const sourceId = r.source_id === null ? null : Number(r.source_id);
      const source = sourceId === null ? r.source : (names.get(sourceId) ?? r.source);
      const key = sourceId === null ? `raw:${r.source ?? ""}` : `id:${sourceId}`;
      const prev = merged.get(key);
      if (prev) prev.claims += Number(r.n);
      else merged.set(key, { sourceId, source, claims: Number(r.n) });
    }
    return [...merged.values()].sort((x, y) => y.claims - x.claims || (x.source ?? "").localeCompare(y.source ?? ""));
  }

  // Review

  async getClaim(id: number): Promise<StoredClaim | null> {
    const row = await this.db
      .selectFrom("claims")
      .innerJoin("documents", "documents.id", "claims.document_id")
      .selectAll("claims")
      .select(["documents.name as document_name", "documents.published as document_published"])
      .where("claims.id", "=", id)
      .where((eb) => visibleClaim(eb, this.access) ?? eb.lit(true))
      .executeTakeFirst();
    return row ? toStoredClaim(row as ClaimRowWithDocument) : null;
  }

  private async claimAfterWrite(id: number): Promise<StoredClaim> {
    const claim = await this.getClaim(id);
    if (!claim) throw new Forbidden(`claim ${id} is not visible`);
    return claim;
  }

  /** Writes on claims are refused for claims the store's reader cannot see, as if they did not exist. */
  private async requireVisible(ids: readonly number[]): Promise<void> {
    const wanted = [...new Set(ids)];
    const seen = new Set<number>();
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("claims")
        .select("claims.id")
        .where("claims.id", "in", wanted.slice(i, i + CHUNK))
        .where((eb) => visibleClaim(eb, this.access) ?? eb.lit(true))
        .execute();
      for (const r of rows) seen.add(Number(r.id));
    }
    const missing = wanted.find((id) => !seen.has(id));
    if (missing !== undefined) throw new NotFound("claim", missing);
  }

  async reviewClaim(id: number, decision: ReviewDecision, opts?: WriteOptions): Promise<StoredClaim> {
    await this.requireVisible([id]);
    const actor = opts?.actor ?? this.actor;
    await this.audited(opts, async (trx) => ({ result: undefined, events: await review.reviewClaim(trx, id, decision, actor) }));
    return this.claimAfterWrite(id);
  }

  async addClaim(documentId: number, claim: ManualClaim, opts?: WriteOptions): Promise<StoredClaim> {
    if (!(await this.getDocument(documentId))) throw new NotFound("document", documentId);
    const actor = opts?.actor ?? this.actor;
    const id = await this.audited(opts, async (trx) => {
      const r = await review.addClaim(trx, documentId, claim, actor);
      return { result: r.id, events: r.events };
    });
    return this.claimAfterWrite(id);
  }

  async supersedeClaim(id: number, by: number | null, opts?: WriteOptions): Promise<StoredClaim> {
    await this.requireVisible(by === null ? [id] : [id, by]);
    const actor = opts?.actor ?? this.actor;
    await this.audited(opts, async (trx) => ({ result: undefined, events: await review.supersedeClaim(trx, id, by, actor) }));
    return this.claimAfterWrite(id);
  }

  async setFactOverride(claimIds: readonly number[], override: FactOverride | null, opts?: WriteOptions): Promise<void> {
    await this.requireVisible(claimIds);
    const actor = opts?.actor ?? this.actor;
    await this.audited(opts, async (trx) => ({ result: undefined, events: await review.setFactOverride(trx, claimIds, override, actor) }));
  }

  async setRestricted(target: { type: "document" | "claim" | "source"; id: number }, restricted: boolean, opts?: WriteOptions): Promise<void> {
    if (!this.access.restricted) throw new Forbidden("only readers with access to restricted material can restrict or release it");
    await this.audited(opts, async (trx) => ({ result: undefined, events: await review.setRestricted(trx, target, restricted) }));
  }

  // Users, sessions, tokens

  createUser(user: { name: string; role: Role; passwordHash: string }, opts?: WriteOptions): Promise<UserRecord> {
    return this.users.createUser(user, opts);
  }
  getUser(idOrName: number | string): Promise<UserRecord | null> {
    return this.users.getUser(idOrName);
  }
  listUsers(): Promise<UserRecord[]> {
    return this.users.listUsers();
  }
  countUsers(role?: Role): Promise<number> {
    return this.users.countUsers(role);
  }
  updateUser(id: number, patch: { role?: Role; passwordHash?: string; disabled?: boolean }, opts?: WriteOptions): Promise<UserRecord> {
    return this.users.updateUser(id, patch, opts);
  }
  setLoginState(id: number, state: { failedLogins: number; lockedUntil: string | null }, opts?: WriteOptions): Promise<void> {
    return this.users.setLoginState(id, state, opts);
  }
  createSession(session: Omit<SessionRecord, "revokedAt">, opts?: WriteOptions): Promise<void> {
    return this.users.createSession(session, opts);
  }
  getSession(idHash: string): Promise<SessionRecord | null> {
    return this.users.getSession(idHash);
  }
  revokeSessions(userId: number, idHash: string | null, opts?: WriteOptions): Promise<number> {
    return this.users.revokeSessions(userId, idHash, opts);
  }
  createApiToken(token: { userId: number; name: string; tokenHash: string }, opts?: WriteOptions): Promise<ApiTokenRecord> {
    return this.users.createApiToken(token, opts);
  }
  getApiToken(tokenHash: string): Promise<ApiTokenRecord | null> {
    return this.users.getApiToken(tokenHash);
  }
  listApiTokens(userId?: number): Promise<ApiTokenRecord[]> {
    return this.users.listApiTokens(userId);
  }
  revokeApiToken(id: number, opts?: WriteOptions): Promise<boolean> {
    return this.users.revokeApiToken(id, opts);
  }
  touchApiToken(id: number, at: string): Promise<void> {
    return this.users.touchApiToken(id, at);
  }

  schemaVersion(): Promise<number> {
    return recordedVersion(this.db);
  }

  async refreshStatistics(): Promise<void> {
    // PostgreSQL's autovacuum analyzes a table only after a share of it changed, and a bulk load
    // of a fresh store outgrows its last statistics long before (a claims page planned for 9,000
    // documents took 0.8 s at 100,000). SQLite: what `pragma optimize` finds worth analyzing.
    if (this.dialect === "postgres") await sql`analyze documents, claims, claim_victims, sources, source_keys, claim_tallies, claim_source_tallies, claim_victim_tallies`.execute(this.db);
    else await sql`pragma optimize`.execute(this.db);
  }

  async close(): Promise<void> {
    if (this.dialect === "sqlite") await this.refreshStatistics();
    await this.db.destroy();
  }

  /** Matches a filter's source string to a source record once, so the claim query can use the index. */
  private async resolve(filter: ClaimFilter): Promise<ResolvedClaimFilter> {
    if (filter.source === undefined) return { ...filter, access: this.access };
    const row = await this.db
      .selectFrom("source_keys")
      .select("source_id")
      .where("key", "=", sourceKey(filter.source))
      .executeTakeFirst();
    return { ...filter, resolvedSourceId: row ? Number(row.source_id) : null, access: this.access };
  }

  // Backup bundles (docs/backup.md).
  async exportBundle(out: Writable, opts: ExportOptions = {}): Promise<BundleSummary> {
    if (!opts.public && !this.access.restricted) throw new Forbidden("a full export needs access to restricted material; export --public instead");
    return exportBundle(this.db, this.dialect, out, opts);
  }

  importBundle(input: Readable, opts?: WriteOptions): Promise<BundleSummary> {
    return importBundle(this.db, this.dialect, input, opts?.actor ?? this.actor);
  }
}

/** A write whose SHA-256 matches its bytes, lower-cased; throws Invalid otherwise. */
function checkedWrite(write: DocumentWrite): DocumentWrite {
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Sets a document's SimHash; the audit event, or none when nothing changed. */
async function writeSimhash(trx: Kysely<Database>, documentId: number, simhash: string | null): Promise<PendingEvent[]> {
  const before = await trx.selectFrom("documents").select("simhash").where("id", "=", documentId).executeTakeFirst();
  if (!before || before.simhash === simhash) return [];
  await trx.updateTable("documents").set({ simhash }).where("id", "=", documentId).execute();
  return [{ action: "document.simhash", objectType: "document", objectId: documentId, before: { simhash: before.simhash }, after: await documentState(trx, documentId) }];
}

/** Records (or updates) the relation of two documents, in either order; the audit event, or none when nothing changed. */
async function writeRelation(trx: Kysely<Database>, docA: number, docB: number, kind: RelationKind, similarity: number, now: string): Promise<PendingEvent[]> {
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
