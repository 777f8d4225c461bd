// Ranked full-text search with snippets: FTS5 on SQLite, tsvector/GIN on PostgreSQL.
import { sql } from "kysely";
import type { Kysely, RawBuilder } from "kysely";
import type { Database, DialectName } from "./schema.js";
import { postgresTranslateArguments } from "./search-fold.js";
import { fts5Query, searchTerms, tsqueryLiteral } from "./search-terms.js";
import { SEARCH_WINDOW, type Access, type SearchOptions, type SearchResult } from "./store.js";

/** PostgreSQL's snippets are cut from the folded text, so that the query's (folded) words are marked in it. */
const FOLD = postgresTranslateArguments();

interface HitRow {
  id: number | string;
  name: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  snippet: string | null;
  score: number | string;
}

/**
 * Documents containing every word of `words`, best first, with [marked] snippets: the best of the
 * `window` most recently stored matching documents (see `SearchResult`).
 */
export async function searchDocuments(
  db: Kysely<Database>,
  dialect: DialectName,
  words: string,
  opts: SearchOptions,
  access: Access,
): Promise<SearchResult> {
  const terms = searchTerms(words);
  const window = Math.max(1, Math.floor(opts.window ?? SEARCH_WINDOW));
  if (terms.length === 0 || opts.limit <= 0) return { hits: [], ranked: 0, complete: true };
  const { rows, matched } =
    dialect === "sqlite"
      ? await searchSqlite(db, terms, opts.limit, window, access)
      : await searchPostgres(db, terms, opts.limit, window, access.restricted ? sql`` : sql` and d.restricted = 0`);
  const hits = rows.map((r) => ({
    documentId: Number(r.id),
    name: r.name,
    title: r.title,
    publisher: r.publisher,
    published: r.published,
    snippet: r.snippet ?? "",
    score: Number(r.score),
  }));
  return { hits, ranked: Math.min(matched, window), complete: matched <= window };
}

/** Rows of the hits, best first, and how many documents matched, counted up to `window` + 1. */
interface Ranked {
  rows: HitRow[];
  matched: number;
}

async function searchSqlite(db: Kysely<Database>, terms: string[], limit: number, window: number, access: Access): Promise<Ranked> {
  // FTS5 walks its index newest first and stops after the window; bm25() (lower is better, title
  // hits weigh four times as much as text hits) is computed for those documents only, and
  // snippets are cut for the best few only.
  const query = fts5Query(terms);
  const hidden = access.restricted ? sql`` : sql` and f.rowid not in (select id from documents where restricted = 1)`;
  const result = await sql<HitRow & { matched: number }>`
    with newest as materialized (
      select f.rowid as id, bm25(documents_fts, 4.0, 1.0) as rank
      from documents_fts f
      where documents_fts match ${query}${hidden}
      order by f.rowid desc
      limit ${window + 1}),
    ranked as (select id, rank from (select id, rank from newest order by id desc limit ${window}) order by rank, id limit ${Math.min(limit, window)}),
    matched as (select count(*) as n from newest)
    select d.id, d.name, d.title, d.publisher, d.published,
           snippet(documents_fts, -1, '[', ']', '…', 24) as snippet,
           -ranked.rank as score, matched.n as matched
    from ranked cross join matched cross join documents_fts cross join documents d
    where documents_fts.rowid = ranked.id and d.id = ranked.id and documents_fts match ${query}
    order by ranked.rank, d.id`.execute(db);
  return { rows: result.rows, matched: Number(result.rows[0]?.matched ?? 0) };
}

async function searchPostgres(db: Kysely<Database>, terms: string[], limit: number, window: number, hidden: RawBuilder<unknown>): Promise<Ranked> {
  // A GIN index finds the matching documents but cannot give them newest first, and ranking reads
  // each one's vector: ranking every match of common words took 0.5 s at 100,000 documents. So the
  // newest matches are collected in ranges of ids, newest first, each range four times the last,
  // until the window is full: one range for common words, a few cheap ones for rare words.
  // The documents' vectors hold Tally's words (search-vector.ts): the query is made of the same.
  const literal = tsqueryLiteral(terms);
  if (literal === null) return { rows: [], matched: 0 };
  const query = sql`${literal}::tsquery`;
  const top = await sql<{ top: number | string | null }>`select max(id) as top from documents`.execute(db);
  const found: Array<{ id: number; score: number }> = [];
  let below = Number(top.rows[0]?.top ?? 0) + 1;
  for (let span = 4 * window; below > 1 && found.length <= window; span *= 4) {
    const from = Math.max(1, below - span);
    const rows = await sql<{ id: number | string; score: number | string }>`
      select d.id, ts_rank(d.search_vector, ${query}) as score
      from documents d
      where d.search_vector @@ ${query} and d.id >= ${from} and d.id < ${below}${hidden}
      order by d.id desc
      limit ${window + 1 - found.length}`.execute(db);
    for (const r of rows.rows) found.push({ id: Number(r.id), score: Number(r.score) });
    below = from;
  }
  const best = found
    .slice(0, window)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
  if (best.length === 0) return { rows: [], matched: found.length };
  const result = await sql<Omit<HitRow, "score">>`
    select d.id, d.name, d.title, d.publisher, d.published,
           ts_headline('simple', translate(left(d.text, 400000), ${FOLD.from}, ${FOLD.to}), ${query},
             'StartSel=[, StopSel=], MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "') as snippet
    from documents d
    where d.id = any(${best.map((b) => b.id)}::int[])`.execute(db);
  const byId = new Map(result.rows.map((r) => [Number(r.id), r]));
  const rows = best.flatMap((b) => {
    const row = byId.get(b.id);
    return row ? [{ ...row, score: b.score }] : [];
  });
  return { rows, matched: found.length };
}
