// Migration 9 (PostgreSQL; nothing to do on SQLite): documents' full-text vectors kept in the
// table's own rows (storage MAIN: compressed, moved out of line only when nothing else can be)
// rather than in the TOAST table. Ranking a search reads the vector of every matching document,
// and fetching each from the TOAST table was most of a search's time: with 9,000 documents a
// search went from 46 to 20 ms, a rare name from 38 to 10 ms (the table grows by about a third, as
// the rows carry their vectors). Documents' bytes and texts still go out of line first. Applies
// to documents stored from now on; rows stored before keep their vectors where they are.
import { sql } from "kysely";
import type { Migration } from "./migration.js";

export const searchVectorInline: Migration = {
  version: 9,
  name: "full-text vectors in the documents' rows",
  async up(db, dialect) {
    if (dialect !== "postgres") return;
    await sql`alter table documents alter column search_vector set storage main`.execute(db);
  },
};
