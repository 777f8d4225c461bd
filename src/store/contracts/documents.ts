// Documents: as received, stored, listed, and related to one another (near-duplicates, syndication).
import type { NewClaim } from "./claims.js";
import type { DocumentMetadataPatch } from "../document-metadata.js";
import type { WriteOptions } from "./common.js";
import type { DocumentMention } from "../victim-store.js";
import type { DocumentFacet, FacetCount } from "../../shared/facets.js";

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
  /** The victims the text names (written, and audited, with it when it is created). */
  mentions?: readonly DocumentMention[];
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

/** Which documents to list: a page of them, narrowed by every field given. */
export interface DocumentListOptions {
  limit: number;
  offset: number;
  /** The publisher, in any case. */
  publisher?: string;
  /** One language (null: no language recorded). */
  language?: string | null;
  /** ISO date prefixes: documents published in the range (a date is cut to the bound's precision); undated ones are left out. */
  publishedFrom?: string;
  publishedTo?: string;
  /** With (true) or without (false) standing claims. */
  hasClaims?: boolean;
  /** Only restricted (true) or only unrestricted (false) documents. */
  restricted?: boolean;
  /** Only the pseudo-documents of reference datasets (true), or only the rest (false). */
  reference?: boolean;
}

/** A stored document with its working text and metadata (bytes are fetched separately). */
export interface StoredDocument extends DocumentSummary {
  text: string;
  textMap: string | null;
  headers: string | null;
  createdAt: string;
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

/** Documents and their relations. */
export interface DocumentStore {
  /** Store a document and its claims in one transaction; same bytes again writes nothing. */
  putDocument(doc: NewDocument, claims: NewClaim[], opts?: WriteOptions): Promise<{ id: number; created: boolean }>;
  /**
   * Store several documents, each with its claims: all in one transaction when they can be, else
   * each in its own, so that a document that cannot be stored fails alone. Results are in batch
   * order; same bytes again (in the store or earlier in the batch) write nothing.
   */
  putDocuments(batch: readonly DocumentWrite[], opts?: WriteOptions): Promise<DocumentWriteResult[]>;
  /**
   * Corrects a document's publication date, publisher or URL (the fields of `patch` that differ),
   * and, in the same audited transaction, replaces its claims by `reextract`'s for the corrected
   * metadata (as replaceClaims: decisions survive; null keeps the claims), and its victim mentions
   * by `reextract`'s `mentions` when it gives them. False when nothing differed.
   */
  correctDocumentMetadata(
    documentId: number,
    patch: DocumentMetadataPatch,
    reextract: (doc: { published: string | null; publisher: string | null }) => { claims: NewClaim[]; mentions?: readonly DocumentMention[] } | null,
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
  /** For each field, its values among the documents of the filter and how many documents have each, most first (at most `limit` values). */
  documentFacets(filter: Omit<DocumentListOptions, "limit" | "offset">, fields: readonly DocumentFacet[], limit?: number): Promise<Record<string, FacetCount[]>>;
  /** Record the simhash of a document's text. */
  setSimhash(documentId: number, simhash: string | null, opts?: WriteOptions): Promise<void>;
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
}
