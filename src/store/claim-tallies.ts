// Counts of claims from the running tallies (migration 7) instead of scans of the claims table,
// for the filters a tally can answer: event, place, source, victim group, status, clutter,
// supersession, and what the reader may see. Filters on periods or one document, and questions no
// tally holds (claims of a victim group per raw source string), are counted from the claims.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import { placeMatch, type ResolvedClaimFilter } from "./claim-filter.js";
import type { ClaimSourceTalliesTable, ClaimTalliesTable, Database } from "./schema.js";

/** What is asked: a total, totals per year and event, or per source. */
export type TallyQuestion = "total" | "byYear" | "bySource";

type TallyTable = "claim_tallies" | "claim_source_tallies" | "claim_victim_tallies";

/** Every tally's columns, read under the alias `t` (each query only uses its own table's). */
type TallyDb = Database & { t: ClaimTalliesTable & ClaimSourceTalliesTable & { victim: string } };

/** The tally that answers a question for a filter, or null when the claims must be counted. */
export function tallyFor(f: ResolvedClaimFilter, question: TallyQuestion): TallyTable | null {
  if (f.from !== undefined || f.to !== undefined || f.documentId !== undefined || f.afterId !== undefined) return null;
  const rawSource = f.source !== undefined && f.resolvedSourceId == null;
  if (f.victims !== undefined) return rawSource || question === "bySource" ? null : "claim_victim_tallies";
  if (question === "bySource" || rawSource) return question === "byYear" ? null : "claim_source_tallies";
  return "claim_tallies";
}

/**
 * The tally to read for this reader, filter and question, or null. The tallies do not know which
 * document a claim is in, so a reader without access while some document is restricted is
 * counted from the claims.
 */
export async function readableTally(db: Kysely<Database>, f: ResolvedClaimFilter, question: TallyQuestion): Promise<TallyTable | null> {
  const table = tallyFor(f, question);
  if (table === null || f.access.restricted) return table;
  const restricted = await db.selectFrom("documents").select("id").where("restricted", "=", 1).limit(1).executeTakeFirst();
  return restricted === undefined ? table : null;
}

/** The WHERE condition over a tally equal to claimWhere's over the claims, for a filter it can answer. */
function tallyWhere(eb: ExpressionBuilder<TallyDb, "t">, f: ResolvedClaimFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb("t.n", ">", 0)];
  if (!f.includeClutter) parts.push(eb("t.clutter", "=", 0));
  if (!f.access.restricted) {
    parts.push(eb("t.restricted", "=", 0));
    parts.push(eb.or([eb("t.source_id", "is", null), eb("t.source_id", "not in", eb.selectFrom("sources as rs").select("rs.id").where("rs.restricted", "=", 1))]));
  }
  if (f.status === undefined) parts.push(eb("t.status", "!=", "rejected"));
  else {
    const statuses = Array.isArray(f.status) ? f.status : [f.status];
    parts.push(statuses.length === 1 ? eb("t.status", "=", statuses[0] ?? "") : eb("t.status", "in", statuses));
  }
  if (f.excludeSuperseded) parts.push(eb("t.superseded", "=", 0));
  if (f.event !== undefined) {
    const events = Array.isArray(f.event) ? f.event : [f.event];
    parts.push(events.length === 1 ? eb("t.event", "=", events[0] ?? "") : eb("t.event", "in", events));
  }
  if (f.place !== undefined) {
    const m = placeMatch(f.place);
    parts.push("lower" in m ? eb(eb.fn("lower", ["t.place"]), "=", m.lower) : eb("t.place", "in", m.names));
  }
  if (f.victims !== undefined) parts.push(eb("t.victim", "=", f.victims));
  if (f.sourceId !== undefined) parts.push(eb("t.source_id", "=", f.sourceId));
  if (f.source !== undefined) {
    parts.push(f.resolvedSourceId != null ? eb("t.source_id", "=", f.resolvedSourceId) : eb(eb.fn("lower", ["t.source"]), "=", f.source.trim().toLowerCase()));
  }
  return eb.and(parts);
}

/**
 * The tally holding a facet's counts for a filter, given that tallies may be read for it (readableTally
 * gave one for its total), or null when the claims must be grouped: the qualifier is in no tally;
 * the raw source string only in claim_source_tallies, which has no year nor victim group; the victim
 * groups of claims of one victim group in none.
 */
export function facetTally(f: ResolvedClaimFilter, field: string): TallyTable | null {
  const rawSource = f.source !== undefined && f.resolvedSourceId == null;
  switch (field) {
    case "qualifier":
      return null;
    case "source":
      return f.victims === undefined ? "claim_source_tallies" : null;
    case "victims":
      return f.victims === undefined && !rawSource ? "claim_victim_tallies" : null;
    case "year":
      if (rawSource) return null;
      return f.victims === undefined ? "claim_tallies" : "claim_victim_tallies";
    default:
      if (rawSource) return f.victims === undefined ? "claim_source_tallies" : null;
      return f.victims === undefined ? "claim_tallies" : "claim_victim_tallies";
  }
}

/** A facet's values and their claims from a tally (see facetTally), most first, at most `limit`. */
export async function tallyFacet(db: Kysely<Database>, table: TallyTable, f: ResolvedClaimFilter, field: string, limit: number): Promise<Array<{ value: string | number | null; n: number | string }>> {
  const column = field === "victims" ? "victim" : field;
  return from(db, table)
    .select([sql<string | number | null>`${sql.ref(`t.${column}`)}`.as("value"), sql<number | string>`sum(t.n)`.as("n")])
    .where((eb) => tallyWhere(eb, f))
    .groupBy(sql.ref(`t.${column}`))
    .orderBy("n", "desc")
    .orderBy("value")
    .limit(limit)
    .execute();
}

function from(db: Kysely<Database>, table: TallyTable) {
  // "<table> as t": one alias for the three tallies, typed with all their columns.
  return (db as unknown as Kysely<TallyDb>).selectFrom(`${table} as t` as "t");
}

/** Number of claims matching the filter, from a tally (see readableTally). */
export async function tallyTotal(db: Kysely<Database>, table: TallyTable, f: ResolvedClaimFilter): Promise<number> {
  const row = await from(db, table)
    .select(sql<number | string | null>`sum(t.n)`.as("n"))
    .where((eb) => tallyWhere(eb, f))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Claims per year and event, from claim_tallies or claim_victim_tallies. */
export async function tallyByYearAndEvent(db: Kysely<Database>, table: TallyTable, f: ResolvedClaimFilter): Promise<Array<{ year: number | null; event: string; n: number }>> {
  const rows = await from(db, table)
    .select(["t.year", "t.event", sql<number | string>`sum(t.n)`.as("n")])
    .where((eb) => tallyWhere(eb, f))
    .groupBy(["t.year", "t.event"])
    .orderBy("t.year", (ob) => ob.asc().nullsLast())
    .orderBy("t.event")
    .execute();
  return rows.map((r) => ({ year: r.year === null ? null : Number(r.year), event: r.event, n: Number(r.n) }));
}

/** Claims per source record and raw source string, from claim_source_tallies. */
export async function tallyBySource(db: Kysely<Database>, table: TallyTable, f: ResolvedClaimFilter): Promise<Array<{ source_id: number | null; source: string | null; n: number }>> {
  const rows = await from(db, table)
    .select(["t.source_id", "t.source", sql<number | string>`sum(t.n)`.as("n")])
    .where((eb) => tallyWhere(eb, f))
    .groupBy(["t.source_id", "t.source"])
    .execute();
  return rows.map((r) => ({ source_id: r.source_id === null ? null : Number(r.source_id), source: r.source, n: Number(r.n) }));
}
