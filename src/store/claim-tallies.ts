// Counts of claims from the running tallies (migrations 7, 18, 19 and 20) instead of scans of the
// claims table, for the filters a tally can answer: event, place, source, victim group, status,
// clutter, supersession, what the reader may see, and a period given in whole years (migration
// 18's tallies hold the years of the period's start and end) or in whole months (migration 20's
// hold its months). Filters on a period in days that are not whole months or on one document, and
// questions no tally holds, are counted from the claims.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import { placeMatch, type ResolvedClaimFilter } from "./claim-filter.js";
import { rangeEnd, rangeStart, yearOf } from "./iso-range.js";
import type { ClaimSourceTalliesTable, ClaimTalliesTable, Database } from "./schema.js";

/** What is asked: a total, totals per year and event, or per source. */
export type TallyQuestion = "total" | "byYear" | "bySource";

type TallyTable =
  | "claim_tallies"
  | "claim_source_tallies"
  | "claim_victim_tallies"
  | "claim_facet_tallies"
  | "claim_source_facet_tallies"
  | "claim_victim_facet_tallies"
  | "claim_victim_source_tallies"
  | "claim_victim_pair_tallies"
  | "claim_month_tallies"
  | "claim_source_month_tallies"
  | "claim_victim_month_tallies";

/** Every tally's columns, read under the alias `t` (each query only uses its own table's). */
type TallyDb = Database & {
  t: ClaimTalliesTable & ClaimSourceTalliesTable & { victim: string; co_victim: string; qualifier: string; start_year: number | null; end_year: number | null; start_month: string | null; end_month: string | null };
};

/**
 * What a tally must hold to answer: the filter's and the facet's columns. "period" is a period
 * filter in whole years, "month" one in whole months (a tally holding months answers both).
 */
type Dim = "event" | "place" | "year" | "period" | "month" | "sourceId" | "source" | "qualifier" | "victim" | "coVictim";

/** The tallies, smallest first: each question reads the first that holds what it needs. */
const SHAPES: ReadonlyArray<{ table: TallyTable; victims: boolean; dims: ReadonlySet<Dim> }> = [
  { table: "claim_tallies", victims: false, dims: new Set(["event", "place", "year", "sourceId"]) },
  { table: "claim_source_tallies", victims: false, dims: new Set(["sourceId", "source", "event", "place"]) },
  { table: "claim_facet_tallies", victims: false, dims: new Set(["event", "place", "year", "period", "sourceId", "qualifier"]) },
  { table: "claim_source_facet_tallies", victims: false, dims: new Set(["sourceId", "source", "event", "year", "period", "qualifier"]) },
  { table: "claim_victim_tallies", victims: true, dims: new Set(["victim", "event", "place", "year", "sourceId"]) },
  { table: "claim_victim_facet_tallies", victims: true, dims: new Set(["victim", "event", "place", "year", "period", "sourceId"]) },
  { table: "claim_victim_source_tallies", victims: true, dims: new Set(["victim", "sourceId", "source", "year", "period", "qualifier"]) },
  { table: "claim_victim_pair_tallies", victims: true, dims: new Set(["victim", "coVictim", "event", "place", "year", "period", "sourceId"]) },
  // Migration 20: migration 18's first three shapes with the period's months (larger: a period of
  // a month has a row per month), read only for a period given in months.
  { table: "claim_month_tallies", victims: false, dims: new Set(["event", "place", "year", "period", "month", "sourceId", "qualifier"]) },
  { table: "claim_source_month_tallies", victims: false, dims: new Set(["sourceId", "source", "event", "year", "period", "month", "qualifier"]) },
  { table: "claim_victim_month_tallies", victims: true, dims: new Set(["victim", "event", "place", "year", "period", "month", "sourceId"]) },
];

/** The tallies holding the period's months rather than its years. */
const MONTHLY: ReadonlySet<TallyTable> = new Set(["claim_month_tallies", "claim_source_month_tallies", "claim_victim_month_tallies"]);

/** Whether an ISO date is the first day of its month ("2018-03-01"). */
const monthStart = (iso: string) => iso.endsWith("-01");
/** Whether an ISO date is the last day of its month ("2018-02-28", "2024-02-29"). */
const monthEnd = (iso: string) => rangeEnd(iso.slice(0, 7)) === iso;

/** Whether the filter asks what no tally holds: a document, its language, a set of sources (a network), an id to start after. */
const untallied = (f: ResolvedClaimFilter) => f.documentId !== undefined || f.afterId !== undefined || f.language !== undefined || f.sourceIn !== undefined;

/** The columns a filter needs of a tally, or null when no tally can answer it. */
function filterDims(f: ResolvedClaimFilter): Dim[] | null {
  if (untallied(f)) return null;
  const dims: Dim[] = [];
  // A period in whole years is a condition on the years of its start and end, one in whole months
  // on their months; one in other days is neither.
  if (f.from !== undefined) {
    const start = rangeStart(f.from);
    if (start.endsWith("-01-01")) dims.push("period");
    else if (monthStart(start)) dims.push("month");
    else return null;
  }
  if (f.to !== undefined) {
    const end = rangeEnd(f.to);
    if (end.endsWith("-12-31")) dims.push("period");
    else if (monthEnd(end)) dims.push("month");
    else return null;
  }
  if (f.event !== undefined) dims.push("event");
  if (f.place !== undefined) dims.push("place");
  if (f.sourceId !== undefined) dims.push("sourceId");
  if (f.source !== undefined) dims.push(f.resolvedSourceId != null ? "sourceId" : "source");
  if (f.victims !== undefined) dims.push("victim");
  return dims;
}

/** The first tally holding `dims`, counted per claim or per victim row. */
function shapeFor(dims: readonly Dim[], victims: boolean): TallyTable | null {
  // (the pairs tally counts a claim once per pair: only for the groups named with one group)
  const pairs = dims.includes("coVictim");
  return SHAPES.find((s) => s.victims === victims && s.dims.has("coVictim") === pairs && dims.every((d) => s.dims.has(d)))?.table ?? null;
}

/** The tally that answers a question for a filter, or null when the claims must be counted. */
export function tallyFor(f: ResolvedClaimFilter, question: TallyQuestion): TallyTable | null {
  if (question === "total") {
    const dims = filterDims(f);
    return dims === null ? null : shapeFor(dims, f.victims !== undefined);
  }
  if (f.from !== undefined || f.to !== undefined || untallied(f)) return null;
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
  return table === null || (await talliesReadable(db, f)) ? table : null;
}

/** Whether this reader's counts may come from the tallies (see readableTally). */
export async function talliesReadable(db: Kysely<Database>, f: ResolvedClaimFilter): Promise<boolean> {
  if (f.access.restricted) return true;
  const restricted = await db.selectFrom("documents").select("id").where("restricted", "=", 1).limit(1).executeTakeFirst();
  return restricted === undefined;
}

/** The WHERE condition over a tally equal to claimWhere's over the claims, for a filter it can answer. */
function tallyWhere(eb: ExpressionBuilder<TallyDb, "t">, table: TallyTable, f: ResolvedClaimFilter): Expression<SqlBool> {
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
  // (only for a period in whole years, or whole months on a tally of months: see filterDims)
  if (MONTHLY.has(table)) {
    if (f.from !== undefined) parts.push(eb("t.end_month", ">=", rangeStart(f.from).slice(0, 7)));
    if (f.to !== undefined) parts.push(eb("t.start_month", "<=", rangeEnd(f.to).slice(0, 7)));
  } else {
    if (f.from !== undefined) parts.push(eb("t.end_year", ">=", yearOf(f.from)));
    if (f.to !== undefined) parts.push(eb("t.start_year", "<=", yearOf(f.to)));
  }
  if (f.sourceId !== undefined) parts.push(eb("t.source_id", "=", f.sourceId));
  if (f.source !== undefined) {
    parts.push(f.resolvedSourceId != null ? eb("t.source_id", "=", f.resolvedSourceId) : eb(eb.fn("lower", ["t.source"]), "=", f.source.trim().toLowerCase()));
  }
  return eb.and(parts);
}

/**
 * The tally holding a facet's counts for a filter, given that tallies may be read for it
 * (talliesReadable), or null when the claims must be grouped: a period in days that are not whole
 * months, one document, and columns no tally holds together (a raw source string with a place and a period,
 * a victim group with a place and the qualifier, or with a raw source string and an event or a
 * place; the victim groups of one group's claims with a raw source string or the qualifier).
 */
export function facetTally(f: ResolvedClaimFilter, field: string): TallyTable | null {
  const dims = filterDims(f);
  if (dims === null || field === "language") return null;
  if (field === "victims") return shapeFor([...dims, f.victims === undefined ? "victim" : "coVictim"], true);
  const own: Partial<Record<string, Dim>> = { event: "event", place: "place", year: "year", qualifier: "qualifier", source: "source" };
  const dim = own[field];
  return shapeFor(dim ? [...dims, dim] : dims, f.victims !== undefined);
}

/** A facet's values and their claims from a tally (see facetTally), most first, at most `limit`. */
export async function tallyFacet(db: Kysely<Database>, table: TallyTable, f: ResolvedClaimFilter, field: string, limit: number): Promise<Array<{ value: string | number | null; n: number | string }>> {
  const column = field !== "victims" ? field : table === "claim_victim_pair_tallies" ? "co_victim" : "victim";
  return from(db, table)
    .select([sql<string | number | null>`${sql.ref(`t.${column}`)}`.as("value"), sql<number | string>`sum(t.n)`.as("n")])
    .where((eb) => tallyWhere(eb, table, f))
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
    .where((eb) => tallyWhere(eb, table, f))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Claims per year and event, from claim_tallies or claim_victim_tallies. */
export async function tallyByYearAndEvent(db: Kysely<Database>, table: TallyTable, f: ResolvedClaimFilter): Promise<Array<{ year: number | null; event: string; n: number }>> {
  const rows = await from(db, table)
    .select(["t.year", "t.event", sql<number | string>`sum(t.n)`.as("n")])
    .where((eb) => tallyWhere(eb, table, f))
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
    .where((eb) => tallyWhere(eb, table, f))
    .groupBy(["t.source_id", "t.source"])
    .execute();
  return rows.map((r) => ({ source_id: r.source_id === null ? null : Number(r.source_id), source: r.source, n: Number(r.n) }));
}
