// Full-text search over documents.

/** One full-text search result. */
export interface SearchHit {
  documentId: number;
  name: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  /** Text around the match, matched words wrapped in [ and ]. */
  snippet: string;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

/**
 * A search's answer. The hits are the best of the `ranked` most recently stored documents that
 * contain every word: when more documents match (`complete` false), older ones are not ranked, so
 * a search costs the same in a store of a million documents as in one of a thousand.
 */
export interface SearchResult {
  hits: SearchHit[];
  /** How many matching documents were ranked (at most the window). */
  ranked: number;
  /** Whether every matching document was ranked; false when more match than the window holds. */
  complete: boolean;
}

/** Options of a search: how many hits, and how many of the newest matching documents to rank. */
export interface SearchOptions {
  limit: number;
  /** Default `SEARCH_WINDOW`. */
  window?: number;
}

export { MAX_SEARCH_WINDOW, SEARCH_WINDOW } from "../../shared/search-window.js";

/** Ranked full-text search. */
export interface SearchStore {
  /** Ranked full-text search over documents' titles and working texts (see `SearchResult`). */
  search(words: string, opts: SearchOptions): Promise<SearchResult>;
}
