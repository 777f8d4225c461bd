// Migration 11: Persian, Arabic and French documents.
// - Claims gain the extractor's newer fields: the period as the text names it in its own calendar
//   (period_label, "آبان ۱۴۰۳"), where the period came from (period_from), and a confidence with
//   its reason. All nullable: claims stored before have none.
// - Documents can be listed by language (an index on language, newest first).
// - Full-text search folds Persian and Arabic spellings (search-fold.ts): with or without ZWNJ,
//   harakat and tatweel, Arabic or Persian yeh and kaf, Persian, Arabic-Indic or ASCII digits. On
//   SQLite the FTS5 index is rebuilt with a tokenizer that keeps ZWNJ and harakat inside words
//   (unicode61 split "مُحَمَّد" into four one-letter words and "دست‌کم" into two) and with triggers
//   that index the folded text (through tally_search_fold, which every connection Tally opens
//   registers: another program can read and search the store, but not write documents); on PostgreSQL the vectors of documents with Arabic-script text
//   are rebuilt (Tally builds them, folded, since migration 10).
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { FTS5_TOKEN_CHARACTERS, SQLITE_FOLD_FUNCTION } from "../search-fold.js";
import { searchVectorValue } from "../search-vector.js";
import type { Migration } from "./migration.js";

/** Documents rebuilt per statement (PostgreSQL). */
const BATCH = 200;

export const languages: Migration = {
  version: 11,
  name: "claim calendar labels and confidence, documents by language, folded Persian and Arabic search",
  async up(db, dialect) {
    const real = dialect === "postgres" ? "double precision" : "real";
    for (const [column, type] of [["period_label", "text"], ["period_from", "text"], ["confidence", real], ["confidence_reason", "text"]] as const) {
      await sql`alter table claims add column ${sql.raw(column)} ${sql.raw(type)}`.execute(db);
    }
    await db.schema.createIndex("documents_language_idx").on("documents").columns(["language", "captured_at", "id"]).execute();
    if (dialect === "sqlite") await rebuildSqliteFts(db);
    else await rebuildPostgresVectors(db);
  },
};

/** The tokenizer of the embedded store's full-text index (also used to check it). */
export const FTS5_TOKENIZE = `unicode61 remove_diacritics 2 tokenchars '${FTS5_TOKEN_CHARACTERS}'`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function rebuildSqliteFts(db: Kysely<any>): Promise<void> {
  for (const trigger of ["documents_fts_insert", "documents_fts_delete", "documents_fts_update"]) {
    await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
  }
  await sql`drop table if exists documents_fts`.execute(db);
  const tokenize = FTS5_TOKENIZE;
  await sql`create virtual table documents_fts using fts5(
    title, text, content='documents', content_rowid='id', tokenize=${sql.raw(`"${tokenize}"`)})`.execute(db);
  // The function every connection of Tally's registers (sqlite-database.ts).
  const fold = (column: string) => sql.raw(`${SQLITE_FOLD_FUNCTION}(${column})`);
  await sql`create trigger documents_fts_insert after insert on documents begin
    insert into documents_fts(rowid, title, text) values (new.id, ${fold("new.title")}, ${fold("new.text")});
  end`.execute(db);
  await sql`create trigger documents_fts_delete after delete on documents begin
    insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.id, ${fold("old.title")}, ${fold("old.text")});
  end`.execute(db);
  await sql`create trigger documents_fts_update after update of title, text on documents begin
    insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.id, ${fold("old.title")}, ${fold("old.text")});
    insert into documents_fts(rowid, title, text) values (new.id, ${fold("new.title")}, ${fold("new.text")});
  end`.execute(db);
  // FTS5's 'rebuild' would read the unfolded texts: the index is filled from the folded ones.
  await sql`insert into documents_fts(rowid, title, text) select id, ${fold("title")}, ${fold("text")} from documents`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function rebuildPostgresVectors(db: Kysely<any>): Promise<void> {
  // Only texts with a character the fold changes have a different vector now.
  const pattern = "[\u0600-\u06ff\u200c\u200d]";
  for (let after = 0; ; ) {
    const rows = await sql<{ id: number; title: string | null; text: string }>`
      select id, title, text from documents
      where id > ${after} and (left(text, 400000) ~ ${pattern} or coalesce(title, '') ~ ${pattern})
      order by id limit ${BATCH}`.execute(db);
    if (rows.rows.length === 0) break;
    const values = rows.rows.map((r) => sql`(${Number(r.id)}::int, ${searchVectorValue(r.title, r.text)}::tsvector)`);
    await sql`update documents d set search_vector = v.vector from (values ${sql.join(values)}) as v(id, vector) where d.id = v.id`.execute(db);
    after = Number(rows.rows[rows.rows.length - 1]?.id);
  }
}
