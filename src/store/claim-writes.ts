// Inserting the claims of one or more documents with few statements: one source-key lookup,
// multi-row inserts of the claims and of their victim groups.
import { sql } from "kysely";
import type { Insertable, Kysely } from "kysely";
import type { ClaimRowForAudit } from "./audit-chain.js";
import { claimRow } from "./claim-rows.js";
import type { ClaimsTable, Database, DialectName } from "./schema.js";
import { sourceKey } from "./source-keys.js";
import type { NewClaim } from "./store.js";
import { storedNullableText, storedText } from "./stored-text.js";

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
export const CHUNK = 500;

/** The claims of one document to insert. */
export interface DocumentClaims {
  documentId: number;
  published: string | null;
  claims: readonly NewClaim[];
}

/** An inserted claim row with its id, as the database holds it. */
export type InsertedClaim = ClaimRowForAudit & { document_id: number };

/**
 * Inserts the claims of several documents and their victim-group rows; returns the inserted rows
 * with their ids, per document in the order given, each document's claims in insertion order.
 */
export async function insertClaims(
  trx: Kysely<Database>,
  dialect: DialectName,
  documents: readonly DocumentClaims[],
  extractorVersion: string | null,
  now: string,
): Promise<InsertedClaim[][]> {
  const all = documents.flatMap((d) => d.claims);
  if (all.length === 0) return documents.map(() => []);
  const bySource = await sourceIds(trx, all);
  const rows: Insertable<ClaimsTable>[] = [];
  for (const d of documents) {
    for (const c of d.claims) {
      rows.push(
        claimRow(c, {
          documentId: d.documentId,
          published: d.published,
          extractorVersion: extractorVersion ?? c.extractor ?? "unknown",
          sourceId: c.sourceId ?? (c.source ? (bySource.get(sourceKey(c.source)) ?? null) : null),
          now,
        }),
      );
    }
  }
  const ids: number[] = [];
  if (dialect === "postgres") {
    for (let i = 0; i < rows.length; i += PG_CHUNK) ids.push(...(await insertFromArrays(trx, rows.slice(i, i + PG_CHUNK))));
  } else {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const inserted = await trx.insertInto("claims").values(rows.slice(i, i + CHUNK)).returning("id").execute();
      // Ids are assigned in VALUES order (the writer holds the chain lock, so no other claims
      // interleave); sorting makes that independent of the order RETURNING lists them in.
      ids.push(...inserted.map((r) => Number(r.id)).sort((a, b) => a - b));
    }
  }
  if (ids.length !== rows.length) throw new Error(`inserted ${ids.length} claims of ${rows.length}`);

  const out: InsertedClaim[][] = [];
  let k = 0;
  for (const d of documents) {
    const mine: InsertedClaim[] = [];
    for (let j = 0; j < d.claims.length; j++, k++) {
      const row = rows[k];
      const id = ids[k];
      if (!row || id === undefined) throw new Error("claim rows and ids out of step");
      mine.push(asStored(dialect, row, id));
    }
    out.push(mine);
  }
  await insertVictims(trx, dialect, out.flat());
  return out;
}

/** Rows per INSERT … SELECT FROM unnest on PostgreSQL (one array parameter per column, whatever the rows). */
const PG_CHUNK = 5000;

/** PostgreSQL types of the columns a new claim row fills (claimRow), for inserting from arrays. */
const PG_CLAIM_COLUMNS = {
  document_id: "int4",
  event: "text",
  count: "int4",
  qualifier: "text",
  period_start: "text",
  period_end: "text",
  year: "int4",
  place: "text",
  victims: "text",
  source: "text",
  source_id: "int4",
  quote: "text",
  span_start: "int4",
  span_end: "int4",
  count_start: "int4",
  count_end: "int4",
  clutter: "int4",
  extractor_version: "text",
  created_at: "text",
  period_label: "text",
  period_from: "text",
  confidence: "float8",
  confidence_reason: "text",
} as const satisfies Partial<Record<keyof ClaimsTable, "int4" | "float8" | "text">>;

/**
 * Inserts claim rows on PostgreSQL with one array per column (INSERT … SELECT FROM unnest):
 * nineteen parameters instead of nineteen per row, which PostgreSQL parses and Tally builds
 * faster than a many-row VALUES list. unnest yields the rows in array order, so ids follow it.
 */
async function insertFromArrays(trx: Kysely<Database>, rows: readonly Insertable<ClaimsTable>[]): Promise<number[]> {
  const columns = Object.keys(PG_CLAIM_COLUMNS) as Array<keyof typeof PG_CLAIM_COLUMNS>;
  for (const key of Object.keys(rows[0] ?? {})) {
    if (!(key in PG_CLAIM_COLUMNS)) throw new Error(`claim column ${key} has no PostgreSQL type for the array insert`);
  }
  const arrays = columns.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(PG_CLAIM_COLUMNS[c])}[]`);
  const inserted = await sql<{ id: number | string }>`insert into claims (${sql.join(columns.map((c) => sql.id(c)))})
    select * from unnest(${sql.join(arrays)}) returning id`.execute(trx);
  return inserted.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Source record ids of the claims' raw source strings, by source key. */
async function sourceIds(trx: Kysely<Database>, claims: readonly NewClaim[]): Promise<Map<string, number>> {
  const keys = [...new Set(claims.filter((c) => c.sourceId == null && c.source).map((c) => sourceKey(c.source ?? "")))];
  const bySource = new Map<string, number>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const found = await trx.selectFrom("source_keys").selectAll().where("key", "in", keys.slice(i, i + CHUNK)).execute();
    for (const r of found) bySource.set(r.key, Number(r.source_id));
  }
  return bySource;
}

/**
 * The victim-group rows of newly inserted claims (one per claim and group), from the values
 * written rather than read back: new claims have none yet.
 */
async function insertVictims(trx: Kysely<Database>, dialect: DialectName, claims: ReadonlyArray<{ id: number | string; victims: string }>): Promise<void> {
  const claimIds: number[] = [];
  const victims: string[] = [];
  for (const c of claims) {
    for (const victim of new Set(JSON.parse(c.victims) as unknown[])) {
      if (typeof victim !== "string") continue;
      claimIds.push(Number(c.id));
      victims.push(victim);
    }
  }
  if (dialect === "postgres") {
    for (let i = 0; i < claimIds.length; i += PG_CHUNK) {
      await sql`insert into claim_victims (claim_id, victim)
        select * from unnest(${claimIds.slice(i, i + PG_CHUNK)}::int4[], ${victims.slice(i, i + PG_CHUNK)}::text[])`.execute(trx);
    }
    return;
  }
  for (let i = 0; i < claimIds.length; i += CHUNK) {
    const rows = claimIds.slice(i, i + CHUNK).map((claim_id, k) => ({ claim_id, victim: victims[i + k] ?? "" }));
    await trx.insertInto("claim_victims").values(rows).execute();
  }
}

/** An inserted row as reading it back would give it (for audit snapshots computed in memory). */
function asStored(dialect: DialectName, r: Insertable<ClaimsTable>, id: number): InsertedClaim {
  const text = (s: string) => storedText(dialect, s);
  const nullable = (s: string | null | undefined) => storedNullableText(dialect, s);
  return {
    id,
    document_id: r.document_id,
    event: text(r.event),
    count: r.count,
    qualifier: text(r.qualifier),
    period_start: nullable(r.period_start),
    period_end: nullable(r.period_end),
    year: r.year ?? null,
    place: nullable(r.place),
    victims: text(r.victims),
    source: nullable(r.source),
    quote: text(r.quote),
    span_start: r.span_start,
    span_end: r.span_end,
    count_start: r.count_start ?? null,
    count_end: r.count_end ?? null,
    clutter: r.clutter,
    extractor_version: text(r.extractor_version),
    period_label: nullable(r.period_label),
    period_from: nullable(r.period_from),
    confidence: r.confidence ?? null,
    confidence_reason: nullable(r.confidence_reason),
  };
}
