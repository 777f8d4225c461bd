// The Store: what Tally keeps (documents, claims, sources, relations, review, the audit trail,
// accounts) and the questions it asks of them. One small interface per concern lives in
// src/store/contracts/; the Store is all of them together, plus its lifecycle, so a caller can
// ask for the part it needs (`DocumentStore`, `ReviewStore`, …) and every Store is one.
import type { Readable, Writable } from "node:stream";
import type { BundleSummary } from "./bundle-format.js";
import type { AccessStore } from "./contracts/accounts.js";
import type { AuditStore } from "./contracts/audit.js";
import type { ClaimStore } from "./contracts/claims.js";
import type { Access, StoreConfig, WriteOptions } from "./contracts/common.js";
import type { DocumentStore } from "./contracts/documents.js";
import type { ReviewStore } from "./contracts/review.js";
import type { SearchStore } from "./contracts/search.js";
import type { StoreTraits, WriteLock } from "./dialect/traits.js";
import type { FactStore } from "./fact-store.js";
import type { VictimStore } from "./victim-store.js";

export type * from "./contracts/accounts.js";
export type * from "./contracts/audit.js";
export type * from "./contracts/claims.js";
export type * from "./contracts/common.js";
export type * from "./contracts/documents.js";
export type * from "./contracts/review.js";
export type * from "./contracts/search.js";
export { CLAIM_STATUSES } from "./contracts/claims.js";
export { ROLES } from "./contracts/accounts.js";
export { MAX_SEARCH_WINDOW, SEARCH_WINDOW } from "../shared/search-window.js";
export type { StoreTraits, WriteLock } from "./dialect/traits.js";
export type { DocumentMention } from "./victim-store.js";
export type * from "./fact-store.js";
export type { DocumentMetadataPatch } from "./document-metadata.js";
export type { ClaimFacet, StoreClaimFacet, FacetCount } from "../shared/facets.js";
export type { BundleHeader, BundleSummary } from "./bundle-format.js";

/** The evidence ledger's storage, one implementation over SQLite and PostgreSQL: every concern's interface, and the store's own life. */
export interface Store extends DocumentStore, ClaimStore, ReviewStore, SearchStore, AuditStore, AccessStore {
  /** Which database is behind the store (for src/store and tests; the layers above read `traits`). */
  readonly dialect: "sqlite" | "postgres";
  /** How the database behind the store likes to be written to. */
  readonly traits: StoreTraits;
  /** A lock serialising writers across processes (ingest workers), or null where the database needs none. */
  openWriteLock(): Promise<WriteLock | null>;
  /** The same store whose writes name `actor` in the audit trail unless they name another (closing either closes both). */
  withActor(actor: string): Store;
  /** The same store reading only what `access` allows (restricted material is otherwise left out everywhere, counts included). */
  withAccess(access: Access): Store;
  /** What this store's reads may see. */
  readonly access: Access;
  /** Where the store lives, as it was opened: how another thread opens a connection of its own. */
  readonly location: StoreConfig;
  /** The stored facts (derived from the claims; kept current by src/services/fact-sync.ts). */
  factStore(): FactStore;
  /** Named victims: lists, mentions, the registry of people, review (src/store/victim-store.ts). */
  victimStore(): VictimStore;
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
