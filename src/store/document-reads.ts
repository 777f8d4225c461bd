// Reading documents: one by id or SHA-256 prefix, several by SHA-256, their bytes and texts,
// pages and counts of them, their relations and SimHashes; always as the reader's access allows.
import { sql, type Kysely } from "kysely";
import type { DocumentFacet, FacetCount } from "../shared/facets.js";
import { CHUNK } from "./claim-writes.js";
import { Invalid } from "../shared/errors.js";
import type { DocumentListOptions, DocumentSummary, RelatedDocument, RelationKind, StoredDocument } from "./contracts/documents.js";
import type { Access } from "./contracts/common.js";
import { selectDocuments, selectSummaries, toStoredDocument, toSummary } from "./document-rows.js";
import type { Database } from "./schema.js";
import { visibleDocument } from "./visibility.js";
import { documentWhere } from "./document-filter.js";

/** The document reads of a store, over its database and as its access allows. */
export class DocumentReads {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: Access,
  ) {}

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
    const rows = await selectSummaries(this.db, this.access)
      .where((eb) => documentWhere(eb, opts, this.access))
      .orderBy("documents.captured_at", "desc")
      .orderBy("documents.id", "desc")
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
    return rows.map(toSummary);
  }

  async countDocuments(filter: Omit<DocumentListOptions, "limit" | "offset"> = {}): Promise<number> {
    const row = await this.db
      .selectFrom("documents")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where((eb) => documentWhere(eb, filter, this.access))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** For each field, its values among the documents of the filter and how many documents have each, most first (then by value). */
  async documentFacets(filter: Omit<DocumentListOptions, "limit" | "offset">, fields: readonly DocumentFacet[], limit = 20): Promise<Record<string, FacetCount[]>> {
    const column = { publisher: sql`documents.publisher`, language: sql`documents.language`, year: sql`substr(documents.published, 1, 4)` };
    const counted = async (field: DocumentFacet): Promise<[string, FacetCount[]]> => {
      const rows = await this.db
        .selectFrom("documents")
        .select([sql<string | null>`${column[field]}`.as("value"), sql<number | string>`count(*)`.as("n")])
        .where((eb) => documentWhere(eb, filter, this.access))
        .groupBy(sql`${column[field]}`)
        .orderBy("n", "desc")
        .orderBy("value")
        .limit(limit)
        .execute();
      return [field, rows.map((r) => ({ value: r.value === null ? null : String(r.value), count: Number(r.n) }))];
    };
    return Object.fromEntries(await Promise.all([...new Set(fields)].map(counted)));
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
}
