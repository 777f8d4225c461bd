// Errors the store reports to its callers, besides the typed errors of src/shared/errors.ts
// (NotFound, Invalid, Conflict, Forbidden, Unavailable) that it throws for refusals. Its own two
// (a newer schema, a missing store) live there too, so that the layers above need not import the
// store to recognise them.
export { MissingStoreError, NewerSchemaError } from "../shared/errors.js";
