// The one Store implementation: Kysely over SQLite or PostgreSQL.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { appendEvents, chainHeadSeq, claimsState, DEFAULT_ACTOR, documentState, listEvents, lockChainHead, sourceState, verifyChain } from "./audit-log.js";
import type { PendingEvent } from "./audit-log.js";
import { claimWhere } from "./claim-filter.js";
import type { ResolvedClaimFilter } from "./claim-filter.js";
import { claimRow, toStoredClaim } from "./claim-rows.js";
import type { ClaimRowWithDocument } from "./claim-rows.js";
import { selectSummaries, toStoredDocument, toSummary } from "./document-rows.js";
import { StoreError } from "./errors.js";
import { recordedVersion } from "./migrate.js";
import type { Database, DialectName } from "./schema.js";
import { searchDocuments } from "./search.js";
import { cleanAliases, sourceKey } from "./source-keys.js";
import type {
  AuditEvent,
  AuditFilter,
  AuditReport,
  ClaimFilter,
  DocumentSummary,
  NewClaim,
  NewDocument,
  NewSource,
  Page,
  RelatedDocument,
  RelationKind,
  SearchHit,
  SourceCount,
  Store,
  StoredClaim,
  StoredDocument,
  StoredSource,
  WriteOptions,
  YearEventCount,
} from "./store.js";
import { inTransaction } from "./transaction.js";

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** Store over an opened, migrated Kysely instance; owns it and destroys it on close(). */
export class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: DialectName,
    private readonly actor: string = DEFAULT_ACTOR,
  ) {}

  withActor(actor: string): Store {
    return new KyselyStore(this.db, this.dialect, actor);
  }

  listAuditEvents(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    return listEvents(this.db, filter);
  }

  verifyAudit(): Promise<AuditReport> {
    return verifyChain(this.db);
  }

  auditHead(): Promise<number> {
    return chainHeadSeq(this.db);
  }

  /** Runs a write in a transaction holding the audit chain head and appends the events it returns. */
  private audited<T>(opts: WriteOptions | undefined, fn: (trx: Kysely<Database>) => Promise<{ result: T; events: PendingEvent[] }>): Promise<T> {
    const actor = opts?.actor ?? this.actor;
    return inTransaction(this.db, this.dialect, async (trx) => {
      const head = await lockChainHead(trx, this.dialect);
      const { result, events } = await fn(trx);
      await appendEvents(trx, head, actor, events);
      return result;
    });
  }

  async putDocument(doc: NewDocument, claims: NewClaim[], opts?: WriteOptions): Promise<{ id: number; created: boolean }> {
    const sha256 = doc.sha256.toLowerCase();
    const actual = createHash("sha256").update(doc.bytes).digest("hex");
    if (actual !== sha256) throw new StoreError(`SHA-256 ${doc.sha256} does not match the bytes (${actual})`);
    const now = new Date().toISOString();
    return this.audited<{ id: number; created: boolean }>(opts, async (trx) => {
      const inserted = await trx
        .insertInto("documents")
        .values({
          sha256,
          bytes: toBuffer(doc.bytes),
          size: doc.bytes.byteLength,
          media_type: doc.mediaType,
          name: doc.name,
          url: doc.url,
          path: doc.path,
          publisher: doc.publisher,
          published: doc.published,
          captured_at: doc.capturedAt,
          collector: doc.collector,
          language: doc.language,
          title: doc.title,
          text: doc.text,
          text_map: doc.textMap,
          headers: doc.headers,
          simhash: doc.simhash ?? null,
          created_at: now,
        })
        .onConflict((oc) => oc.column("sha256").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) {
        const existing = await trx.selectFrom("documents").select("id").where("sha256", "=", sha256).executeTakeFirstOrThrow();
        return { result: { id: Number(existing.id), created: false }, events: [] };
      }
      const id = Number(inserted.id);
      await this.insertClaims(trx, id, doc.published, claims, null, now);
      const events: PendingEvent[] = [{ action: "document.create", objectType: "document", objectId: id, before: null, after: await documentState(trx, id) }];
      if (claims.length > 0) events.push({ action: "claims.create", objectType: "claims", objectId: id, before: null, after: await claimsState(trx, id) });
      return { result: { id, created: true }, events };
    });
  }

  async replaceClaims(documentId: number, claims: NewClaim[], extractorVersion: string, opts?: WriteOptions): Promise<void> {
    const now = new Date().toISOString();
    await this.audited(opts, async (trx) => {
      const doc = await trx.selectFrom("documents").select("published").where("id", "=", documentId).executeTakeFirst();
      if (!doc) throw new StoreError(`no document with id ${documentId}`);
      const before = await claimsState(trx, documentId);
      await trx.deleteFrom("claim_victims").where("claim_id", "in", (eb) =>
        eb.selectFrom("claims").select("claims.id").where("claims.document_id", "=", documentId),
      ).execute();
      await trx.deleteFrom("claims").where("document_id", "=", documentId).execute();
      await this.insertClaims(trx, documentId, doc.published, claims, extractorVersion, now);
      const after = { extractor: extractorVersion, ...(await claimsState(trx, documentId)) };
      return { result: undefined, events: [{ action: "claims.replace", objectType: "claims", objectId: documentId, before, after }] };
    });
  }

  private async insertClaims(
    trx: Kysely<Database>,
    documentId: number,
    published: string | null,
    claims: NewClaim[],
    extractorVersion: string | null,
    now: string,
  ): Promise<void> {
    if (claims.length === 0) return;
    const keys = [...new Set(claims.filter((c) => c.sourceId == null && c.source).map((c) => sourceKey(c.source ?? "")))];
    const bySource = new Map<string, number>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await trx.selectFrom("source_keys").selectAll().where("key", "in", keys.slice(i, i + CHUNK)).execute();
      for (const r of rows) bySource.set(r.key, Number(r.source_id));
    }
    const rows = claims.map((c) =>
      claimRow(c, {
        documentId,
        published,
        extractorVersion: extractorVersion ?? c.extractor ?? "unknown",
        sourceId: c.sourceId ?? (c.source ? (bySource.get(sourceKey(c.source)) ?? null) : null),
        now,
      }),
    );
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx.insertInto("claims").values(rows.slice(i, i + CHUNK)).execute();
    }
    // Victim groups are expanded in SQL from the JSON column, so no per-claim round trips are needed.
    const expand =
      this.dialect === "sqlite"
        ? sql`insert into claim_victims (claim_id, victim)
              select distinct c.id, j.value from claims c, json_each(c.victims) j where c.document_id = ${documentId}`
        : sql`insert into claim_victims (claim_id, victim)
              select distinct c.id, j.value from claims c, jsonb_array_elements_text(c.victims::jsonb) j(value)
              where c.document_id = ${documentId}`;
    await expand.execute(trx);
  }

  async getDocument(idOrSha256Prefix: number | string): Promise<StoredDocument | null> {
    let query = selectSummaries(this.db).select([
      "documents.text",
      "documents.text_map",
      "documents.headers",
      "documents.created_at",
    ]);
    if (typeof idOrSha256Prefix === "number") {
      query = query.where("documents.id", "=", idOrSha256Prefix);
    } else {
      const prefix = idOrSha256Prefix.trim().toLowerCase();
      if (!/^[0-9a-f]{4,64}$/.test(prefix)) {
        throw new StoreError(`a document is named by its id or at least 4 hex digits of its SHA-256, not ${JSON.stringify(idOrSha256Prefix)}`);
      }
      // A range on the unique index rather than LIKE: hex digits sort below "g".
      query = prefix.length === 64
        ? query.where("documents.sha256", "=", prefix)
        : query.where("documents.sha256", ">=", prefix).where("documents.sha256", "<", `${prefix}g`);
    }
    const rows = await query.limit(2).execute();
    if (rows.length > 1) throw new StoreError(`SHA-256 prefix ${JSON.stringify(idOrSha256Prefix)} matches several documents`);
    const row = rows[0];
    return row ? toStoredDocument(row) : null;
  }

  async getDocumentBytes(id: number): Promise<Uint8Array | null> {
    const row = await this.db.selectFrom("documents").select("bytes").where("id", "=", id).executeTakeFirst();
    if (!row) return null;
    const b = row.bytes;
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }

  async listDocuments(opts: { limit: number; offset: number; publisher?: string }): Promise<DocumentSummary[]> {
    let query = selectSummaries(this.db);
    if (opts.publisher !== undefined) query = query.where("documents.publisher", "=", opts.publisher);
    const rows = await query
      .orderBy("documents.captured_at", "desc")
      .orderBy("documents.id", "desc")
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
    return rows.map(toSummary);
  }

  async countDocuments(): Promise<number> {
    const row = await this.db.selectFrom("documents").select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setSimhash(documentId: number, simhash: string | null, opts?: WriteOptions): Promise<void> {
    await this.audited(opts, async (trx) => {
      const before = await trx.selectFrom("documents").select("simhash").where("id", "=", documentId).executeTakeFirst();
      if (!before || before.simhash === simhash) return { result: undefined, events: [] };
      await trx.updateTable("documents").set({ simhash }).where("id", "=", documentId).execute();
      const events: PendingEvent[] = [{ action: "document.simhash", objectType: "document", objectId: documentId, before: { simhash: before.simhash }, after: await documentState(trx, documentId) }];
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
    }
    const rows = await query.orderBy("claims.id", "asc").limit(page.limit).offset(page.offset).execute();
    return rows.map((r) => toStoredClaim(r as ClaimRowWithDocument));
  }

  async countClaims(filter: ClaimFilter): Promise<number> {
    const f = await this.resolve(filter);
    const row = await this.db
      .selectFrom("claims")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where((eb) => claimWhere(eb, f))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  search(words: string, opts: { limit: number }): Promise<SearchHit[]> {
    return searchDocuments(this.db, this.dialect, words, opts.limit);
  }

  async upsertSource(source: NewSource, opts?: WriteOptions): Promise<StoredSource> {
    const name = source.name.trim();
    if (name === "") throw new StoreError("a source needs a name");
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
    if (!stored) throw new StoreError(`source ${id} vanished`);
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
          .as("claims"),
      );
    if (onlyId !== undefined) query = query.where("sources.id", "=", onlyId);
    const rows = await query.orderBy("sources.name").execute();
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      kind: r.kind,
      aliases: JSON.parse(r.aliases) as string[],
      claims: Number(r.claims ?? 0),
    }));
  }

  async addRelation(docA: number, docB: number, kind: RelationKind, similarity: number, opts?: WriteOptions): Promise<void> {
    if (docA === docB) throw new StoreError("a document cannot be related to itself");
    const [a, b] = docA < docB ? [docA, docB] : [docB, docA];
    await this.audited(opts, async (trx) => {
      const existing = await trx
        .selectFrom("document_relations")
        .select("similarity")
        .where("doc_a", "=", a)
        .where("doc_b", "=", b)
        .where("kind", "=", kind)
        .executeTakeFirst();
      if (existing && Number(existing.similarity) === similarity) return { result: undefined, events: [] };
      await trx
        .insertInto("document_relations")
        .values({ doc_a: a, doc_b: b, kind, similarity, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(["doc_a", "doc_b", "kind"]).doUpdateSet({ similarity }))
        .execute();
      const before = existing ? { doc_a: a, doc_b: b, kind, similarity: Number(existing.similarity) } : null;
      const events: PendingEvent[] = [{ action: "relation.add", objectType: "relation", objectId: `${a}-${b}-${kind}`, before, after: { doc_a: a, doc_b: b, kind, similarity } }];
      return { result: undefined, events };
    });
  }

  async relatedDocuments(id: number): Promise<RelatedDocument[]> {
    const relations = await this.db
      .selectFrom("document_relations")
      .selectAll()
      .where((eb) => eb.or([eb("doc_a", "=", id), eb("doc_b", "=", id)]))
      .execute();
    if (relations.length === 0) return [];
    const others = relations.map((r) => (Number(r.doc_a) === id ? Number(r.doc_b) : Number(r.doc_a)));
    const docs = await selectSummaries(this.db).where("documents.id", "in", others).execute();
    const byId = new Map(docs.map((d) => [Number(d.id), toSummary(d)]));
    return relations
      .flatMap((r, i) => {
        const document = byId.get(others[i] ?? -1);
        return document ? [{ document, kind: r.kind as RelationKind, similarity: Number(r.similarity) }] : [];
      })
      .sort((x, y) => y.similarity - x.similarity || x.document.id - y.document.id);
  }

  async listSimhashes(): Promise<Array<{ id: number; simhash: string }>> {
    const rows = await this.db
      .selectFrom("documents")
      .select(["id", "simhash"])
      .where("simhash", "is not", null)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ id: Number(r.id), simhash: r.simhash ?? "" }));
  }

  async countsByYearAndEvent(filter: ClaimFilter): Promise<YearEventCount[]> {
    const f = await this.resolve(filter);
    const rows = await this.db
      .selectFrom("claims")
      .select((eb) => ["claims.year", "claims.event", eb.fn.countAll<number | string>().as("n")])
      .where((eb) => claimWhere(eb, f))
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
    // Group on the claims alone (an index covers source_id, source), then name the sources.
    const rows = await this.db
      .selectFrom("claims")
      .select((eb) => ["claims.source_id", "claims.source", eb.fn.countAll<number | string>().as("n")])
      .where((eb) => claimWhere(eb, f))
      .groupBy(["claims.source_id", "claims.source"])
      .execute();
    const names = new Map((await this.db.selectFrom("sources").select(["id", "name"]).execute()).map((r) => [Number(r.id), r.name]));
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

  schemaVersion(): Promise<number> {
    return recordedVersion(this.db);
  }

  async close(): Promise<void> {
    if (this.dialect === "sqlite") await sql`pragma optimize`.execute(this.db);
    await this.db.destroy();
  }

  /** Matches a filter's source string to a source record once, so the claim query can use the index. */
  private async resolve(filter: ClaimFilter): Promise<ResolvedClaimFilter> {
    if (filter.source === undefined) return filter;
    const row = await this.db
      .selectFrom("source_keys")
      .select("source_id")
      .where("key", "=", sourceKey(filter.source))
      .executeTakeFirst();
    return { ...filter, resolvedSourceId: row ? Number(row.source_id) : null };
  }
}

/** A Buffer view of bytes (both drivers bind Buffers as BLOB/bytea) without copying. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
