// The store's record and filter types the use cases take and give, for the layers above
// (src/cli, src/api), which do not import src/store (eslint.config.js): a command or a route
// names a claim filter or a stored claim through here. Types only.
export type {
  AuditFilter,
  ClaimFields,
  ClaimFilter,
  ClaimStatus,
  ReviewDecision,
  Role,
  Store,
  StoredClaim,
  StoredDocument,
} from "../../store/index.js";
export type { ClaimFacet } from "../../shared/facets.js";
