// Public entry of the store layer: open a store and the types to talk to it.
export { openStore, SQLITE_FILE } from "./open-store.js";
export type { StoreConfig } from "./open-store.js";
export { MissingStoreError, NewerSchemaError } from "./errors.js";
export type * from "./store.js";
export { CLAIM_STATUSES, MAX_SEARCH_WINDOW, ROLES, SEARCH_WINDOW } from "./store.js";
export { FULL_ACCESS, PUBLIC_ACCESS } from "./visibility.js";
export { REFERENCE_COLLECTOR } from "./document-filter.js";
export { CLAIM_FACETS } from "./claim-facets.js";
export { FACT_AUDIENCES } from "./fact-store.js";
export { claimKey, keyFits } from "./claim-keyset.js";
