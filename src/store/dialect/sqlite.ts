// What differs on SQLite (better-sqlite3), seen from outside the store.
import type { StoreTraits, WriteLock } from "./traits.js";

export const SQLITE_TRAITS: StoreTraits = {
  // Not 2,000: the documents held in memory between reading and storing (docs/performance.md, issue 26).
  writeBatchDocuments: 1000,
  // FTS5 indexes the text itself.
  takesSearchVector: false,
};

/** SQLite serialises writers with its own file lock: no lock of Tally's is needed. */
export async function sqliteWriteLock(): Promise<WriteLock | null> {
  return null;
}
