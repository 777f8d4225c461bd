// The fields claims can be counted by (facets): the API's `/claims?facets=…`, the store's
// claimFacets and the claims page's side panel agree on them here.

/** Fields claims can be counted by, in the order the claims page shows them. */
export const CLAIM_FACETS = ["event", "place", "source", "victims", "year", "status", "qualifier"] as const;
export type ClaimFacet = (typeof CLAIM_FACETS)[number];

/** One value of a facet and its number of claims (null: no value, e.g. no place named). */
export interface FacetCount {
  value: string | null;
  count: number;
}
