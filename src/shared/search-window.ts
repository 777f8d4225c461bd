// How many matching documents a search ranks (see `SearchResult`); a module of its own, with no
// imports, so that the API's schemas, the CLI and the web client share the same bounds.

/** Matching documents ranked by a search, newest stored first, unless a search asks otherwise. */
export const SEARCH_WINDOW = 1000;

/** The most matching documents one search may be asked to rank. */
export const MAX_SEARCH_WINDOW = 100_000;
