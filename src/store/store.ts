// The Store: what Tally keeps (documents, claims, sources, relations) and the questions it asks of them.
import type { Readable, Writable } from "node:stream";
import type { EditableFields } from "../core/claim-fields.js";
import type { Claim, EventType, VictimGroup } from "../core/types.js";
import type { BundleSummary } from "./bundle-format.js";
import type { DocumentMetadataPatch } from "./document-metadata.js";

import type { StoreTraits, WriteLock } from "./dialect/traits.js";
import type { FactStore } from "./fact-store.js";
export type { StoreTraits, WriteLock } from "./dialect/traits.js";
export type * from "./fact-store.js";
export type { DocumentMetadataPatch } from "./document-metadata.js";

export type { BundleHeader, BundleSummary } from "./bundle-format.js";

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
  /**
   * `searchVector(title, text)` (search-vector.ts) computed beforehand, e.g. on an extraction
   * thread; the PostgreSQL store computes it when absent, SQLite's index (FTS5) does not use it.
   */
  searchVector?: Uint8Array;
}

/** A claim to store; `document` is implied by the document it is stored with. */
export type NewClaim = Omit<Claim, "document"> & {
  /** Source record the claim is credited to; resolved from `source` by name/alias when absent. */
  sourceId?: number | null;
};

/** One document of a batch write, with its claims. */
export interface DocumentWrite {
  doc: NewDocument;
  claims: NewClaim[];
  /**
   * Relations of the new document, recorded in the same transaction (only when it is created):
   * to a stored document by its id, or to a document of the same batch (or stored before) by its
   * SHA-256. A relation to a document that is not stored (it failed, say) is left out.
   */
  relations?: readonly NewRelation[];
}

/** A relation a new document has to another document. */
export interface NewRelation {
  other: { id: number } | { sha256: string };
  kind: RelationKind;
  similarity: number;
}

/**
 * What a batch write did with one document: stored now (`created`), already stored (same bytes
 * in the store or earlier in the batch: `created` false, nothing written), or not stored at all
 * (`error`; the document's claims were not written either).
 */
export type DocumentWriteResult = { id: number; created: boolean; error?: undefined } | { error: Error; id?: undefined; created?: undefined };

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
  restricted: boolean;
}

/** Which documents to list: a page of them, of one publisher and of one language (null: no language recorded). */
export interface DocumentListOptions {
  limit: number;
  offset: number;
  publisher?: string;
  language?: string | null;
}

/** A stored document with its working text and metadata (bytes are fetched separately). */
export interface StoredDocument extends DocumentSummary {
  text: string;
  textMap: string | null;
  headers: string | null;
  createdAt: string;
}

/** Where a claim stands in review: proposed by the extractor, decided by an analyst, or added by hand. */
export type ClaimStatus = "proposed" | "accepted" | "corrected" | "rejected" | "added";
export const CLAIM_STATUSES: readonly ClaimStatus[] = ["proposed", "accepted", "corrected", "rejected", "added"];

/** The fields of a claim an analyst can correct. */
export type ClaimFields = EditableFields;

/** A hand-made assignment of a claim to a fact: into another fact's scope, or split out on its own. */
export type FactOverride =
  | { kind: "merge"; scope: FactScopeRecord }
  /** Split out with the scope of the fact they left (so they form one fact), marked by `tag`. */
  | { kind: "split"; tag: string; scope?: FactScopeRecord };

/** A fact's scope as stored in an assignment. */
export interface FactScopeRecord {
  family: string;
  place: string | null;
  period: { start: string; end: string } | null;
  victims: string[];
  split?: string;
}

/** A stored claim: the interchange claim (document = document name) plus provenance and review. */
export interface StoredClaim extends Claim {
  id: number;
  documentId: number;
  documentPublished: string | null;
  sourceId: number | null;
  clutter: boolean;
  extractor: string;
  createdAt: string;
  status: ClaimStatus;
  /** The extractor's proposal when the decision differs from it (kept beside a correction). */
  proposal: ClaimFields | null;
  reviewReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  restricted: boolean;
  /** A later claim of the same source that replaces this figure. */
  supersededBy: number | null;
  factOverride: FactOverride | null;
}

/** An analyst's decision on one claim. */
export type ReviewDecision =
  | { action: "accept"; reason?: string }
  | { action: "reject"; reason: string }
  | { action: "correct"; fields: Partial<ClaimFields>; reason?: string }
  /** Back to the queue: the decision is undone, the extractor's proposal restored. */
  | { action: "reopen"; reason?: string };

/** A claim added by hand from a span of a document's text. */
export interface ManualClaim extends ClaimFields {
  /** Span of the sentence (or any stretch) of the document's working text the claim rests on. */
  span: [number, number];
  reason?: string;
}

/** Where the store lives. */
export interface StoreConfig {
  /** postgres://… (or postgresql://…) to use PostgreSQL; otherwise SQLite in dataDir. */
  url?: string;
  /** Directory of the SQLite file tally.sqlite (created if missing); default ./tally-data. */
  dataDir?: string;
  /** PostgreSQL schema to use, created if missing (tests use a fresh one each). */
  schema?: string;
  /** How long SQLite waits for another process's write lock, in ms; default 5000. */
  busyTimeoutMs?: number;
  /**
   * SQLite: run the statements on this many threads, each with its own connection, so that the
   * calling thread never waits on the disk (a server); 0 (the default): in the calling thread.
   */
  threads?: number;
  /** PostgreSQL: connections in the pool; default 10. */
  maxConnections?: number;
  /**
   * Apply pending migrations (and gather SQLite's planner statistics) on open; default true.
   * false: a second connection to a store already opened, which must be at this Tally's version.
   */
  migrate?: boolean;
  /**
   * Create the store when there is none (default true). false: a store that does not exist yet
   * (no tally.sqlite in dataDir, no Tally tables in the PostgreSQL schema) is refused with a
   * MissingStoreError, so that a mistyped directory is not silently a new, empty store.
   */
  create?: boolean;
}

/** What a reader may see: restricted documents, claims and sources only with `restricted`. */
export interface Access {
  restricted: boolean;
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
  /** Only claims with these statuses (default: every status but rejected). */
  status?: ClaimStatus | ClaimStatus[];
  /** Leave out claims superseded by a later figure (default false). */
  excludeSuperseded?: boolean;
}

/** Ordering for claim lists. */
/** Orders of claims; "uncertain" puts the extractor's least certain readings first (the review queue's default). */
export type ClaimSort = "period" | "count" | "published" | "id" | "oldest" | "consequential" | "uncertain";

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

/**
 * A search's answer. The hits are the best of the `ranked` most recently stored documents that
 * contain every word: when more documents match (`complete` false), older ones are not ranked, so
 * a search costs the same in a store of a million documents as in one of a thousand.
 */
export interface SearchResult {
  hits: SearchHit[];
  /** How many matching documents were ranked (at most the window). */
  ranked: number;
  /** Whether every matching document was ranked; false when more match than the window holds. */
  complete: boolean;
}

/** Options of a search: how many hits, and how many of the newest matching documents to rank. */
export interface SearchOptions {
  limit: number;
  /** Default `SEARCH_WINDOW`. */
  window?: number;
}

export { MAX_SEARCH_WINDOW, SEARCH_WINDOW } from "../shared/search-window.js";

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
  restricted: boolean;
}

/** How two documents are related. */
export type RelationKind = "near_duplicate" | "syndicated";

/** The relations found for one document and its SimHash (hex), to record together. */
export interface DocumentRelations {
  documentId: number;
  simhash: string;
  relations: ReadonlyArray<{ other: number; kind: RelationKind; similarity: number }>;
}

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

/** Who may do what: admin (everything, users), analyst (ingest, review, edit), viewer (read). */
export type Role = "admin" | "analyst" | "viewer";
export const ROLES: readonly Role[] = ["admin", "analyst", "viewer"];

/** A user as stored (the password hash never leaves the auth service). */
export interface UserRecord {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A web session, found by the SHA-256 of its cookie token. */
export interface SessionRecord {
  idHash: string;
  userId: number;
  csrf: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** An API token, found by the SHA-256 of its secret. */
export interface ApiTokenRecord {
  id: number;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Users, sessions and API tokens. */
export interface AccessStore {
  createUser(user: { name: string; role: Role; passwordHash: string }, opts?: WriteOptions): Promise<UserRecord>;
  /** A user by id or name. */
  getUser(idOrName: number | string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(role?: Role): Promise<number>;
  /** Changes role, password or disabled state (audited; the hash itself is never written to the trail). */
  updateUser(id: number, patch: { role?: Role; passwordHash?: string; disabled?: boolean }, opts?: WriteOptions): Promise<UserRecord>;
  /** Records failed logins and a lockout (a lockout is audited). */
  setLoginState(id: number, state: { failedLogins: number; lockedUntil: string | null }, opts?: WriteOptions): Promise<void>;
  createSession(session: Omit<SessionRecord, "revokedAt">, opts?: WriteOptions): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  /** Ends one session, or every session of a user when `idHash` is null. */
  revokeSessions(userId: number, idHash: string | null, opts?: WriteOptions): Promise<number>;
  createApiToken(token: { userId: number; name: string; tokenHash: string }, opts?: WriteOptions): Promise<ApiTokenRecord>;
  getApiToken(tokenHash: string): Promise<ApiTokenRecord | null>;
  listApiTokens(userId?: number): Promise<ApiTokenRecord[]>;
  revokeApiToken(id: number, opts?: WriteOptions): Promise<boolean>;
  touchApiToken(id: number, at: string): Promise<void>;
}

/** Review decisions, hand-added claims, fact edits and restriction. */
export interface ReviewStore {
  /** One claim by id (null when absent or not visible under the store's access). */
  getClaim(id: number): Promise<StoredClaim | null>;
  /** Applies an analyst's decision; the extractor's proposal is kept beside a correction. */
  reviewClaim(id: number, decision: ReviewDecision, opts?: WriteOptions): Promise<StoredClaim>;
  /** Adds a claim by hand from a span of the document's working text (status "added"). */
  addClaim(documentId: number, claim: ManualClaim, opts?: WriteOptions): Promise<StoredClaim>;
  /** Marks a claim superseded by a later claim of the same source, or clears it (null). */
  supersedeClaim(id: number, by: number | null, opts?: WriteOptions): Promise<StoredClaim>;
  /** Assigns claims to a fact by hand (merge into a scope, split out), or clears the assignment (null). */
  setFactOverride(claimIds: readonly number[], override: FactOverride | null, opts?: WriteOptions): Promise<void>;
  /** Marks a document, claim or source restricted (or not). */
  setRestricted(target: { type: "document" | "claim" | "source"; id: number }, restricted: boolean, opts?: WriteOptions): Promise<void>;
}

/** The evidence ledger's storage, one implementation over SQLite and PostgreSQL. */
export interface Store extends AccessStore, ReviewStore {
  /** Which database is behind the store (for src/store and tests; the layers above read `traits`). */
  readonly dialect: "sqlite" | "postgres";
  /** How the database behind the store likes to be written to. */
  readonly traits: StoreTraits;
  /** A lock serialising writers across processes (ingest workers), or null where the database needs none. */
  openWriteLock(): Promise<WriteLock | null>;
  /** Store a document and its claims in one transaction; same bytes again writes nothing. */
  putDocument(doc: NewDocument, claims: NewClaim[], opts?: WriteOptions): Promise<{ id: number; created: boolean }>;
  /**
   * Store several documents, each with its claims: all in one transaction when they can be, else
   * each in its own, so that a document that cannot be stored fails alone. Results are in batch
   * order; same bytes again (in the store or earlier in the batch) write nothing.
   */
  putDocuments(batch: readonly DocumentWrite[], opts?: WriteOptions): Promise<DocumentWriteResult[]>;
  /**
   * Re-extraction: replaces a document's undecided claims with a new extractor's proposals in one
   * transaction. Decided claims (reviewed, added by hand, restricted, superseded or assigned to a
   * fact) are kept; a proposal for the same figure attaches to its decided claim; the rest are new
   * proposals.
   */
  replaceClaims(documentId: number, claims: NewClaim[], extractorVersion: string, opts?: WriteOptions): Promise<void>;
  /**
   * Corrects a document's publication date, publisher or URL (the fields of `patch` that differ),
   * and, in the same audited transaction, replaces its claims by `reextract`'s for the corrected
   * metadata (as replaceClaims: decisions survive; null keeps the claims). False when nothing differed.
   */
  correctDocumentMetadata(
    documentId: number,
    patch: DocumentMetadataPatch,
    reextract: (doc: { published: string | null; publisher: string | null }) => NewClaim[] | null,
    extractorVersion: string,
    opts?: WriteOptions,
  ): Promise<boolean>;
  /** A document by numeric id or by (at least 4 hex digits of) its SHA-256 prefix; throws when ambiguous. */
  getDocument(idOrSha256Prefix: number | string): Promise<StoredDocument | null>;
  /**
   * The stored documents among these full SHA-256s (any case), keyed by lower-case SHA-256; the
   * others are absent. One lookup for many documents (an ingest asks before extracting).
   */
  getDocumentsBySha256(sha256s: readonly string[]): Promise<Map<string, StoredDocument>>;
  /** The original bytes of a document exactly as received. */
  getDocumentBytes(id: number): Promise<Uint8Array | null>;
  /** The working text of a document (what claims' spans point into), without the rest of the record. */
  getDocumentText(id: number): Promise<string | null>;
  /** The working texts of several documents by id, in one lookup; documents not stored (or not visible) are absent. */
  getDocumentTexts(ids: readonly number[]): Promise<Map<number, string>>;
  /** Documents, newest capture first. */
  listDocuments(opts: DocumentListOptions): Promise<DocumentSummary[]>;
  /** Documents stored, of one publisher or language when given. */
  countDocuments(filter?: Omit<DocumentListOptions, "limit" | "offset">): Promise<number>;
  /** Record the simhash of a document's text. */
  setSimhash(documentId: number, simhash: string | null, opts?: WriteOptions): Promise<void>;
  /** Claims matching a filter with their document's name and publication date. */
  queryClaims(filter: ClaimFilter, page: Page): Promise<StoredClaim[]>;
  countClaims(filter: ClaimFilter): Promise<number>;
  /** Ranked full-text search over documents' titles and working texts (see `SearchResult`). */
  search(words: string, opts: SearchOptions): Promise<SearchResult>;
  /** Create a source or add kind/aliases to an existing one (matched by name or alias); links matching claims. */
  upsertSource(source: NewSource, opts?: WriteOptions): Promise<StoredSource>;
  listSources(): Promise<StoredSource[]>;
  /** Record (or update) a relation between two documents; order of the two does not matter. */
  addRelation(docA: number, docB: number, kind: RelationKind, similarity: number, opts?: WriteOptions): Promise<void>;
  /**
   * Records the relations found for documents, then their SimHashes, in one transaction (a
   * document with a SimHash has been related: a run that dies first leaves it to be related again).
   */
  relateDocuments(items: readonly DocumentRelations[], opts?: WriteOptions): Promise<void>;
  relatedDocuments(id: number): Promise<RelatedDocument[]>;
  /** Every document's simhash (documents without one are left out), for candidate lookup; with `afterId`, those of documents with a larger id only. */
  listSimhashes(afterId?: number): Promise<Array<{ id: number; simhash: string }>>;
  countsByYearAndEvent(filter: ClaimFilter): Promise<YearEventCount[]>;
  countsBySource(filter: ClaimFilter): Promise<SourceCount[]>;
  /** The same store whose writes name `actor` in the audit trail unless they name another (closing either closes both). */
  withActor(actor: string): Store;
  /** The stored facts (derived from the claims; kept current by src/services/fact-sync.ts). */
  factStore(): FactStore;
  /** The same store reading only what `access` allows (restricted material is otherwise left out everywhere, counts included). */
  withAccess(access: Access): Store;
  /** What this store's reads may see. */
  readonly access: Access;
  /** Where the store lives, as it was opened: how another thread opens a connection of its own. */
  readonly location: StoreConfig;
  /** Records a change to a setting kept outside the database (the source registry file) in the audit trail. */
  recordSettingChange(setting: string, before: unknown, after: unknown, opts?: WriteOptions): Promise<void>;
  /** The last event of the audit trail: its number changes with every change to the ledger. */
  auditHead(): Promise<{ seq: number; hash: string }>;
  /** Audit events matching a filter, oldest first. */
  listAuditEvents(filter?: AuditFilter): Promise<AuditEvent[]>;
  /** Recomputes the audit hash chain and re-hashes every document's bytes and claims against it. */
  verifyAudit(): Promise<AuditReport>;
  /** Highest migration applied to the database. */
  schemaVersion(): Promise<number>;
  /**
   * Brings the query planner's statistics up to date, after many rows were written at once: a
   * query right after a large ingest is otherwise planned for the store's size before it.
   */
  refreshStatistics(): Promise<void>;
  close(): Promise<void>;
  /**
   * Writes a backup bundle (gzip JSON Lines, docs/backup.md) of one consistent snapshot to `out`
   * and ends it. Everything but sessions, password hashes included; `public` leaves out restricted
   * material, users, tokens and the audit trail. A full export needs full access.
   */
  exportBundle(out: Writable, opts?: ExportOptions): Promise<BundleSummary>;
  /**
   * Restores a bundle into this store, which must be empty, in one transaction (nothing is
   * restored when the bundle is damaged), and records a "store.import" event.
   */
  importBundle(input: Readable, opts?: WriteOptions): Promise<BundleSummary>;
}

/** What an export leaves out. */
export interface ExportOptions {
  /** A bundle for sharing: no restricted documents, claims or sources, no users, tokens or audit trail. */
  public?: boolean;
}
