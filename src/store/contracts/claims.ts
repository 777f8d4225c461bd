// Claims and the sources they credit: what is stored, how a query names them, and the counts over them.
import type { EditableFields } from "../../core/claim-fields.js";
import type { Claim, EventType, VictimGroup } from "../../core/types.js";
import type { WriteOptions } from "./common.js";
import type { DocumentMention } from "../victim-store.js";
import type { StoreClaimFacet, FacetCount } from "../../shared/facets.js";

/** A claim to store; `document` is implied by the document it is stored with. */
export type NewClaim = Omit<Claim, "document"> & {
  /** Source record the claim is credited to; resolved from `source` by name/alias when absent. */
  sourceId?: number | null;
};

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
  /** The figures count the dead and the injured together (FactScope.combined). */
  combined?: boolean;
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
  /** Claims of documents in this language (ISO 639-1; "unknown": none detected). */
  language?: string;
  /**
   * Claims credited to one of these source records or, with no record, to one of these names as
   * extracted (a network's sources, as the services resolve it from the registry). Empty: none.
   */
  sourceIn?: { ids: number[]; names: string[] };
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

/** Where a keyset page starts: after the claim with these values of its order's columns and this id (claim-keyset.ts). */
export interface ClaimKey {
  values: Array<string | number | null>;
  id: number;
}

/** A page of results: `limit` claims from `offset`, or (with `after`) the first `limit` after a claim of the order. */
export interface Page {
  limit: number;
  offset: number;
  sort?: ClaimSort;
  /** Start after this claim's key in the order (then `offset` counts from it). */
  after?: ClaimKey;
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
  restricted: boolean;
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

/** replaceClaims' options: the victims the text names, found with the new claims (`claim`: index into them). */
export interface ReplaceClaimsOptions extends WriteOptions {
  mentions?: readonly DocumentMention[];
}

/** Claims, their sources, and counts over them. */
export interface ClaimStore {
  /**
   * Re-extraction: replaces a document's undecided claims with a new extractor's proposals in one
   * transaction. Decided claims (reviewed, added by hand, restricted, superseded or assigned to a
   * fact) are kept; a proposal for the same figure attaches to its decided claim; the rest are new
   * proposals. With `mentions`, the document's victim mentions are replaced in the same transaction.
   */
  replaceClaims(documentId: number, claims: NewClaim[], extractorVersion: string, opts?: ReplaceClaimsOptions): Promise<void>;
  /** Claims matching a filter with their document's name and publication date. */
  queryClaims(filter: ClaimFilter, page: Page): Promise<StoredClaim[]>;
  countClaims(filter: ClaimFilter): Promise<number>;
  /** The number of claims matching, exact when a running tally holds it or at most `upTo` match; else `upTo`, not exact ("10,000+"). */
  countClaimsUpTo(filter: ClaimFilter, upTo: number): Promise<{ count: number; exact: boolean }>;
  /** For each field, its values among the claims of the filter and how many claims have each, most first (at most `limit` values; claim-facets.ts). */
  claimFacets(filter: ClaimFilter, fields: readonly StoreClaimFacet[], limit?: number): Promise<Record<string, FacetCount[]>>;
  countsByYearAndEvent(filter: ClaimFilter): Promise<YearEventCount[]>;
  countsBySource(filter: ClaimFilter): Promise<SourceCount[]>;
  /** Create a source or add kind/aliases to an existing one (matched by name or alias); links matching claims. */
  upsertSource(source: NewSource, opts?: WriteOptions): Promise<StoredSource>;
  listSources(): Promise<StoredSource[]>;
}
