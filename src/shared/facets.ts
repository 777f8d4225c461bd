// The fields claims, documents, facts and conflicts can be counted by (facets): the API's
// `/claims?facets=…`, `/documents?facets=…`, `/facts?facets=…` and `/conflicts?facets=…`, the
// store's claimFacets and documentFacets, the facts service's factFacets and conflictFacets and the
// pages' side panels agree on them here.

/**
 * Fields claims can be counted by, in the order the claims page shows them. `network`: of the
 * claim's source, as the source registry knows it (counted by the services from the counts per
 * source); `language`: of the claim's document.
 */
export const CLAIM_FACETS = ["event", "place", "source", "network", "victims", "year", "language", "status", "qualifier"] as const;
export type ClaimFacet = (typeof CLAIM_FACETS)[number];
/** The claims' facets the store counts (a network is the registry's: src/services/claim-filters.ts). */
export type StoreClaimFacet = Exclude<ClaimFacet, "network">;
export const STORE_CLAIM_FACETS: readonly StoreClaimFacet[] = CLAIM_FACETS.filter((f): f is StoreClaimFacet => f !== "network");

/** Fields documents can be counted by (`/documents?facets=…`, the documents page's side panel); year: of publication. */
export const DOCUMENT_FACETS = ["publisher", "language", "year"] as const;
export type DocumentFacet = (typeof DOCUMENT_FACETS)[number];

/**
 * Fields facts can be counted by (`/facts?facets=…`, the facts page's side panel). A fact counts
 * under its place and every place containing it, under every year its period touches, and under
 * each source and network heard in it and each language of its claims' documents, so that each
 * count is the number of facts the filter on that value lists.
 */
export const FACT_FACETS = ["event", "place", "year", "source", "network", "victims", "status", "language"] as const;
export type FactFacet = (typeof FACT_FACETS)[number];

/** Fact statuses (how far the independent voices agree), the `status` filter of `/facts`. */
export const FACT_STATUSES = ["single_source", "single_network", "single_document", "corroborated", "contested", "undated"] as const;

/** Severities of contradictions, gravest first (the `severity` filter of `/conflicts`). */
export const CONFLICT_SEVERITIES = ["high", "medium", "low"] as const;
/** Kinds of contradictions (the `kind` filter of `/conflicts`). */
export const CONFLICT_KINDS = ["incompatible_figures", "dating_error", "parts_exceed_whole", "internal_inconsistency"] as const;

/**
 * Fields contradictions can be counted by (`/conflicts?facets=…`, the conflicts page's side
 * panel): the event, places and years of the facts they touch, the sources and networks of their
 * claims, their severity and kind.
 */
export const CONFLICT_FACETS = ["event", "place", "year", "source", "network", "severity", "kind"] as const;
export type ConflictFacet = (typeof CONFLICT_FACETS)[number];

/** Values kept per facet (most counted first), as for claims and documents. */
export const FACET_VALUES = 20;

/** One value of a facet and its number of claims (null: no value, e.g. no place named). */
export interface FacetCount {
  value: string | null;
  count: number;
  /** How the value reads, when not as itself (a network's name for its id). */
  label?: string;
}
