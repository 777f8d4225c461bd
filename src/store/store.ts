// The Store: what Tally keeps (documents, claims, sources, relations) and the questions it asks of them.
import type { Claim, EventType, VictimGroup } from "../core/types.js";

/** A document as received, ready to be stored with its claims. */
export interface NewDocument {
  /** Lower-case hex SHA-256 of `bytes`; the document's identity. */
  sha256: string;
  /** The original exactly as received (any encoding, possibly invalid UTF-8). */
  bytes: Uint8Array;
  mediaType: string;
  /** Display name (file name or a name derived from the URL). */
  name: string;
  url: string | null;
  path: string | null;
  publisher: string | null;
  /** ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD) or null when unknown. */
  published: string | null;
  /** ISO timestamp of capture. */
  capturedAt: string;
  /** What collected it ("file", "url", "feed", ...). */
  collector: string;
  language: string | null;
  title: string | null;
  /** Working text the claims' spans refer to. */
  text: string;
  /** JSON string mapping working-text offsets back to the original, or null. */
  textMap: string | null;
  /** JSON string of HTTP response headers for fetched URLs, or null. */
  headers: string | null;
  /** 64-bit simhash of the text as 16 hex digits, or null when not computed. */
  simhash?: string | null;
}

/** A claim to store; `document` is implied by the document it is stored with. */
export type NewClaim = Omit<Claim, "document"> & {
  /** Source record the claim is credited to; resolved from `source` by name/alias when absent. */
  sourceId?: number | null;
};

/** A stored document without its text: what lists show. */
export interface DocumentSummary {
  id: number;
  sha256: string;
  name: string;
  title: string | null;
  mediaType: string;
  url: string | null;
  path: string | null;
  publisher: string | null;
  published: string | null;
  capturedAt: string;
  collector: string;
  language: string | null;
  simhash: string | null;
  /** Size of the original bytes. */
  size: number;
  claimCount: number;
}

/** A stored document with its working text and metadata (bytes are fetched separately). */
export interface StoredDocument extends DocumentSummary {
  text: string;
  textMap: string | null;
  headers: string | null;
  createdAt: string;
}

/** A stored claim: the interchange claim (document = document name) plus provenance. */
export interface StoredClaim extends Claim {
  id: number;
  documentId: number;
  documentPublished: string | null;
  sourceId: number | null;
  clutter: boolean;
  extractor: string;
  createdAt: string;
}

/** Which claims a query is about; every field narrows the set. */
export interface ClaimFilter {
  event?: EventType | EventType[];
  /** ISO date or prefix; claims whose period ends on or after it. Claims without period are excluded. */
  from?: string;
  /** ISO date or prefix; claims whose period starts on or before its end. */
  to?: string;
  /** Exact place as extracted. */
  place?: string;
  /** Source name or alias (matched to a source record) or the raw source string. */
  source?: string;
  sourceId?: number;
  /** Claims that name this victim group. */
  victims?: VictimGroup;
  documentId?: number;
  /** Only claims with a larger id (keyset paging through every claim, sorted by id). */
  afterId?: number;
  /** Include claims standing in page clutter (default false). */
  includeClutter?: boolean;
}

/** Ordering for claim lists. */
export type ClaimSort = "period" | "count" | "published" | "id";

/** A page of results. */
export interface Page {
  limit: number;
  offset: number;
  sort?: ClaimSort;
}

/** One full-text search result. */
export interface SearchHit {
  documentId: number;
  name: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  /** Text around the match, matched words wrapped in [ and ]. */
  snippet: string;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

/** What a source is: an NGO, a news agency, a government, ... */
export type SourceKind = string;

/** A source to create or extend. */
export interface NewSource {
  name: string;
  kind: SourceKind;
  aliases: string[];
}

/** A stored source with the number of (non-clutter and clutter) claims credited to it. */
export interface StoredSource {
  id: number;
  name: string;
  kind: SourceKind;
  aliases: string[];
  claims: number;
}

/** How two documents are related. */
export type RelationKind = "near_duplicate" | "syndicated";

/** A document related to another one. */
export interface RelatedDocument {
  document: DocumentSummary;
  kind: RelationKind;
  similarity: number;
}

/** Number of claims per year (of the period start, else of publication) and event. */
export interface YearEventCount {
  year: number | null;
  event: EventType;
  claims: number;
}

/** Number of claims per source (record name, else the raw string; null for the author's own). */
export interface SourceCount {
  sourceId: number | null;
  source: string | null;
  claims: number;
}

/** Options of every write: who makes the change (recorded in the audit trail; default the store's actor, else "system"). */
export interface WriteOptions {
  actor?: string;
}

/** One event of the tamper-evident audit trail (`before`/`after` parsed from their JSON). */
export interface AuditEvent {
  /** 1, 2, 3, … without gaps. */
  seq: number;
  /** ISO timestamp of the change. */
  at: string;
  actor: string;
  /** "document.create", "document.simhash", "claims.create", "claims.replace", "source.upsert", "relation.add", "*.baseline". */
  action: string;
  /** "document", "claims" (of the document objectId), "source" or "relation" ("a-b-kind"). */
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  /** SHA-256(prevHash + canonical JSON of seq, at, actor, action, object_type, object_id, before, after). */
  hash: string;
}

/** Which audit events to list; every field narrows the set. */
export interface AuditFilter {
  /** ISO date or timestamp: events at or after it. */
  since?: string;
  actor?: string;
  objectType?: string;
  objectId?: string;
  afterSeq?: number;
  limit?: number;
}

/** One thing wrong with the audit trail or the data it covers. */
export interface AuditProblem {
  seq?: number;
  documentId?: number;
  message: string;
}

/** The result of verifying the audit trail. */
export interface AuditReport {
  ok: boolean;
  events: number;
  documents: number;
  claims: number;
  headSeq: number;
  headHash: string;
  /** All problems found; `problems` lists the first 100 in chain order. */
  problemCount: number;
  problems: AuditProblem[];
}

/** The evidence ledger's storage, one implementation over SQLite and PostgreSQL. */
export interface Store {
  /** Which database is behind the store. */
  readonly dialect: "sqlite" | "postgres";
  /** Store a document and its claims in one transaction; same bytes again writes nothing. */
  putDocument(doc: NewDocument, claims: NewClaim[], opts?: WriteOptions): Promise<{ id: number; created: boolean }>;
  /** Replace all claims of a document (re-extraction) in one transaction. */
  replaceClaims(documentId: number, claims: NewClaim[], extractorVersion: string, opts?: WriteOptions): Promise<void>;
  /** A document by numeric id or by (at least 4 hex digits of) its SHA-256 prefix; throws when ambiguous. */
  getDocument(idOrSha256Prefix: number | string): Promise<StoredDocument | null>;
  /** The original bytes of a document exactly as received. */
  getDocumentBytes(id: number): Promise<Uint8Array | null>;
  /** Documents, newest capture first. */
  listDocuments(opts: { limit: number; offset: number; publisher?: string }): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;
  /** Record the simhash of a document's text. */
  setSimhash(documentId: number, simhash: string | null, opts?: WriteOptions): Promise<void>;
  /** Claims matching a filter with their document's name and publication date. */
  queryClaims(filter: ClaimFilter, page: Page): Promise<StoredClaim[]>;
  countClaims(filter: ClaimFilter): Promise<number>;
  /** Ranked full-text search over documents' titles and working texts. */
  search(words: string, opts: { limit: number }): Promise<SearchHit[]>;
  /** Create a source or add kind/aliases to an existing one (matched by name or alias); links matching claims. */
  upsertSource(source: NewSource, opts?: WriteOptions): Promise<StoredSource>;
  listSources(): Promise<StoredSource[]>;
  /** Record (or update) a relation between two documents; order of the two does not matter. */
  addRelation(docA: number, docB: number, kind: RelationKind, similarity: number, opts?: WriteOptions): Promise<void>;
  relatedDocuments(id: number): Promise<RelatedDocument[]>;
  /** Every document's simhash (documents without one are left out), for candidate lookup. */
  listSimhashes(): Promise<Array<{ id: number; simhash: string }>>;
  countsByYearAndEvent(filter: ClaimFilter): Promise<YearEventCount[]>;
  countsBySource(filter: ClaimFilter): Promise<SourceCount[]>;
  /** The same store whose writes name `actor` in the audit trail unless they name another (closing either closes both). */
  withActor(actor: string): Store;
  /** Audit events matching a filter, oldest first. */
  listAuditEvents(filter?: AuditFilter): Promise<AuditEvent[]>;
  /** Recomputes the audit hash chain and re-hashes every document's bytes and claims against it. */
  verifyAudit(): Promise<AuditReport>;
  /** Sequence number of the last audit event (0 when none): every write moves it, so it tells whether anything changed. */
  auditHead(): Promise<number>;
  /** Highest migration applied to the database. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
