// The fields claims and documents can be counted by (facets): the API's `/claims?facets=…` and
// `/documents?facets=…`, the store's claimFacets and documentFacets and the pages' side panels
// agree on them here.

/** Fields claims can be counted by, in the order the claims page shows them. */
export const CLAIM_FACETS = ["event", "place", "source", "victims", "year", "status", "qualifier"] as const;
export type ClaimFacet = (typeof CLAIM_FACETS)[number];

/** Fields documents can be counted by (`/documents?facets=…`, the documents page's side panel); year: of publication. */
export const DOCUMENT_FACETS = ["publisher", "language", "year"] as const;
export type DocumentFacet = (typeof DOCUMENT_FACETS)[number];

/** One value of a facet and its number of claims (null: no value, e.g. no place named). */
export interface FacetCount {
  value: string | null;
  count: number;
}
