// The one Store implementation: Kysely over SQLite or PostgreSQL.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { AccessOps } from "./access-ops.js";
import { auditedWrite } from "./audited.js";
import { DEFAULT_ACTOR, listEvents, verifyChain } from "./audit-log.js";
import type { AuditDatabase, PendingEvent } from "./audit-log.js";
import { writeDocuments } from "./document-writes.js";
import { type DocumentMetadataPatch, updateDocumentMetadata } from "./document-metadata.js";
import * as review from "./review-ops.js";
import { Forbidden, Invalid, NotFound } from "../shared/errors.js";
import { recordedVersion } from "./migrate.js";
import type { Database, DialectName } from "./schema.js";
import type { Readable, Writable } from "node:stream";
import { exportBundle } from "./bundle-export.js";
import { importBundle } from "./bundle-import.js";
import type { BundleSummary, ExportOptions } from "./store.js";
import { searchDocuments } from "./search.js";
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
  ReplaceClaimsOptions,
  WriteOptions,
  YearEventCount,
} from "./store.js";
import type { FactStore } from "./fact-store.js";
import { KyselyFactStore } from "./kysely-fact-store.js";
import { KyselyVictimStore } from "./kysely-victim-store.js";
import type { DocumentMention, VictimStore } from "./victim-store.js";
import { DocumentReads } from "./document-reads.js";
import { replaceClaimsIn } from "./claim-replace.js";
import { upsertSourceIn } from "./source-writes.js";
import { ClaimReads } from "./claim-reads.js";
import { checkedWrite, writeRelation, writeSimhash } from "./relation-writes.js";
import { writeBatch } from "./document-batch.js";
import { openWriteLock, traitsOf, type StoreTraits, type WriteLock } from "./dialect/index.js";
import { FULL_ACCESS } from "./visibility.js";
import { claimFacets, type StoreClaimFacet, type FacetCount } from "./claim-facets.js";
import { FAST_PATHS } from "./claim-pages.js";
import { cacheOf } from "./facet-cache.js";
import type { DocumentFacet } from "../shared/facets.js";

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
    this.docs = new DocumentReads(db, access);
    this.claims = new ClaimReads(db, access, dialect);
  }

  private readonly users: AccessOps;
  private readonly docs: DocumentReads;
  private readonly claims: ClaimReads;

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

  victimStore(): VictimStore {
    return new KyselyVictimStore(this.db, this.dialect, this.actor, this.access);
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
  private audited<T>(opts: WriteOptions | undefined, fn: Parameters<typeof auditedWrite<T>>[3]): Promise<T> {
    return auditedWrite(this.db, this.dialect, opts?.actor ?? this.actor, fn);
  }

  async putDocument(doc: NewDocument, claims: NewClaim[], opts?: WriteOptions): Promise<{ id: number; created: boolean }> {
    const [result] = await this.writeTogether([checkedWrite({ doc, claims })], opts);
    if (!result) throw new Error("the document write returned no result");
    return result;
  }

  putDocuments(batch: readonly DocumentWrite[], opts?: WriteOptions): Promise<DocumentWriteResult[]> {
    return writeBatch(batch, (writes) => this.writeTogether(writes, opts));
  }

  /** Stores checked writes in one audited transaction (all or nothing). */
  private async writeTogether(batch: readonly DocumentWrite[], opts: WriteOptions | undefined): Promise<Array<{ id: number; created: boolean }>> {
    if (batch.length === 0) return [];
    const now = new Date().toISOString();
    return this.audited(opts, async (trx, append) => ({ result: await writeDocuments(trx, this.dialect, batch, now, append), events: [] }));
  }

  async replaceClaims(documentId: number, claims: NewClaim[], extractorVersion: string, opts?: ReplaceClaimsOptions): Promise<void> {
    await this.audited(opts, async (trx) => ({ result: undefined, events: await replaceClaimsIn(trx, this.dialect, documentId, claims, extractorVersion, opts?.mentions) }));
  }

  async correctDocumentMetadata(documentId: number, patch: DocumentMetadataPatch, reextract: (doc: { published: string | null; publisher: string | null }) => { claims: NewClaim[]; mentions?: readonly DocumentMention[] } | null, extractorVersion: string, opts?: WriteOptions): Promise<boolean> {
    return this.audited(opts, async (trx) => {
      const events = await updateDocumentMetadata(trx, documentId, patch);
      if (events.length === 0) return { result: false, events };
      const doc = await trx.selectFrom("documents").select(["published", "publisher"]).where("id", "=", documentId).executeTakeFirstOrThrow();
      const fresh = reextract(doc);
      if (fresh) events.push(...(await replaceClaimsIn(trx, this.dialect, documentId, fresh.claims, extractorVersion, fresh.mentions)));
      return { result: true, events };
    });
  }

  // Documents: read by DocumentReads (document-reads.ts).
  getDocument(idOrSha256Prefix: number | string): Promise<StoredDocument | null> {
    return this.docs.getDocument(idOrSha256Prefix);
  }
  getDocumentsBySha256(sha256s: readonly string[]): Promise<Map<string, StoredDocument>> {
    return this.docs.getDocumentsBySha256(sha256s);
  }
  getDocumentBytes(id: number): Promise<Uint8Array | null> {
    return this.docs.getDocumentBytes(id);
  }
  getDocumentText(id: number): Promise<string | null> {
    return this.docs.getDocumentText(id);
  }
  getDocumentTexts(ids: readonly number[]): Promise<Map<number, string>> {
    return this.docs.getDocumentTexts(ids);
  }
  listDocuments(opts: DocumentListOptions): Promise<DocumentSummary[]> {
    return this.docs.listDocuments(opts);
  }
  countDocuments(filter: Omit<DocumentListOptions, "limit" | "offset"> = {}): Promise<number> {
    return this.docs.countDocuments(filter);
  }
  documentFacets(filter: Omit<DocumentListOptions, "limit" | "offset">, fields: readonly DocumentFacet[], limit = 20): Promise<Record<string, FacetCount[]>> {
    return this.docs.documentFacets(filter, fields, limit);
  }
  relatedDocuments(id: number): Promise<RelatedDocument[]> {
    return this.docs.relatedDocuments(id);
  }
  listSimhashes(afterId?: number): Promise<Array<{ id: number; simhash: string }>> {
    return this.docs.listSimhashes(afterId);
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

  async upsertSource(source: NewSource, opts?: WriteOptions): Promise<StoredSource> {
    const name = source.name.trim();
    if (name === "") throw new Invalid("a source needs a name", "name");
    const id = await this.audited(opts, (trx) => upsertSourceIn(trx, name, source));
    const stored = (await this.listSources(id))[0];
    if (!stored) throw new Error(`source ${id} vanished`);
    return stored;
  }

  // Claims and sources: read by ClaimReads (claim-reads.ts).
  queryClaims(filter: ClaimFilter, page: Page): Promise<StoredClaim[]> {
    return this.claims.queryClaims(filter, page);
  }
  countClaims(filter: ClaimFilter): Promise<number> {
    return this.claims.countClaims(filter);
  }
  countClaimsUpTo(filter: ClaimFilter, upTo: number): Promise<{ count: number; exact: boolean }> {
    return this.claims.countClaimsUpTo(filter, upTo);
  }
  async claimFacets(filter: ClaimFilter, fields: readonly StoreClaimFacet[], limit = 20): Promise<Record<string, FacetCount[]>> {
    const f = await this.claims.resolve(filter);
    if (!FAST_PATHS.facetCache) return claimFacets(this.db, f, fields, limit);
    // Remembered while the audit trail's head is the one read before counting (facet-cache.ts).
    const head = await this.auditHead();
    const key = JSON.stringify([f, [...new Set(fields)], limit, FAST_PATHS]);
    return cacheOf<Record<string, FacetCount[]>>(this.db).get(key, `${head.seq}:${head.hash}`, () => claimFacets(this.db, f, fields, limit));
  }
  countsByYearAndEvent(filter: ClaimFilter): Promise<YearEventCount[]> {
    return this.claims.countsByYearAndEvent(filter);
  }
  countsBySource(filter: ClaimFilter): Promise<SourceCount[]> {
    return this.claims.countsBySource(filter);
  }
  listSources(onlyId?: number): Promise<StoredSource[]> {
    return this.claims.listSources(onlyId);
  }

  search(words: string, opts: SearchOptions): Promise<SearchResult> {
    return searchDocuments(this.db, this.dialect, words, opts, this.access);
  }

  async addRelation(docA: number, docB: number, kind: RelationKind, similarity: number, opts?: WriteOptions): Promise<void> {
    await this.audited(opts, async (trx) => ({ result: undefined, events: await writeRelation(trx, docA, docB, kind, similarity, new Date().toISOString()) }));
  }

  // Review

  getClaim(id: number): Promise<StoredClaim | null> {
    return this.claims.getClaim(id);
  }

  /** Writes on claims are refused for claims the store's reader cannot see, as if they did not exist. */
  private requireVisible(ids: readonly number[]): Promise<void> {
    return this.claims.requireVisible(ids);
  }

  private async claimAfterWrite(id: number): Promise<StoredClaim> {
    const claim = await this.getClaim(id);
    if (!claim) throw new Forbidden(`claim ${id} is not visible`);
    return claim;
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

  unlockUser(id: number, opts?: WriteOptions): Promise<boolean> {
    return this.users.unlockUser(id, opts);
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
    if (this.dialect === "postgres") await sql`analyze documents, claims, claim_victims, sources, source_keys, claim_tallies, claim_source_tallies, claim_victim_tallies, claim_facet_tallies, claim_source_facet_tallies, claim_victim_facet_tallies, claim_victim_source_tallies, claim_victim_pair_tallies, claim_month_tallies, claim_source_month_tallies, claim_victim_month_tallies`.execute(this.db);
    else await sql`pragma optimize`.execute(this.db);
  }

  async close(): Promise<void> {
    if (this.dialect === "sqlite") await this.refreshStatistics();
    await this.db.destroy();
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
