// How many matching documents a search ranks unless asked otherwise (see `SearchResult`); a module
// of its own so that the API's schemas (which the web client's types read) need nothing else.

/** Matching documents ranked by a search, newest stored first, unless a search asks otherwise. */
export const SEARCH_WINDOW = 1000;
