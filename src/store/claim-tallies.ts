// Counts of claims from claim_tallies and claim_victim_tallies (migration 7) instead of scans of
// the claims table, for the filters the tallies can answer: event, place, source, victim group,
// status, clutter, supersession, and what the reader may see. Filters on periods or one document
// are counted from the claims.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { ResolvedClaimFilter } from "./claim-filter.js";
import type { Database } from "./schema.js";

/** Whether the tallies hold what this filter asks (without a reader's restricted documents: see `tallyCounts`). */
export function tallyCanCount(f: ResolvedClaimFilter): boolean {
  return f.from === undefined && f.to === undefined && f.documentId === undefined && f.afterId === undefined;
}

/**
 * Whether counts for this reader and filter may come from the tallies: the filter is one they
 * hold, and the reader may see every document (the tallies do not know which document a claim
 * is in, so a reader without access while some document is restricted is counted from the claims).
 */
export async function tallyCounts(db: Kysely<Database>, f: ResolvedClaimFilter): Promise<boolean> {
  if (!tallyCanCount(f)) return false;
  if (f.access.restricted) return true;
  const restricted = await db.selectFrom("documents").select("id").where("restricted", "=", 1).limit(1).executeTakeFirst();
  return restricted === undefined;
}

/** The WHERE condition over claim_tallies equal to claimWhere's over claims, for a filter tallies can count. */
export function tallyWhere(eb: ExpressionBuilder<Database, "claim_tallies">, f: ResolvedClaimFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb("claim_tallies.n", ">", 0)];
  if (!f.includeClutter) parts.push(eb("claim_tallies.clutter", "=", 0));
  if (!f.access.restricted) {
    parts.push(eb("claim_tallies.restricted", "=", 0));
    parts.push(
      eb.or([
        eb("claim_tallies.source_id", "is", null),
        eb("claim_tallies.source_id", "not in", eb.selectFrom("sources as rs").select("rs.id").where("rs.restricted", "=", 1)),
      ]),
    );
  }
  if (f.status === undefined) parts.push(eb("claim_tallies.status", "!=", "rejected"));
  else {
    const statuses = Array.isArray(f.status) ? f.status : [f.status];
    parts.push(statuses.length === 1 ? eb("claim_tallies.status", "=", statuses[0] ?? "") : eb("claim_tallies.status", "in", statuses));
  }
  if (f.excludeSuperseded) parts.push(eb("claim_tallies.superseded", "=", 0));
  if (f.event !== undefined) {
    const events = Array.isArray(f.event) ? f.event : [f.event];
    parts.push(events.length === 1 ? eb("claim_tallies.event", "=", events[0] ?? "") : eb("claim_tallies.event", "in", events));
  }
  if (f.place !== undefined) parts.push(eb("claim_tallies.place", "=", f.place));
  if (f.sourceId !== undefined) parts.push(eb("claim_tallies.source_id", "=", f.sourceId));
  if (f.source !== undefined) {
    parts.push(
      f.resolvedSourceId != null
        ? eb("claim_tallies.source_id", "=", f.resolvedSourceId)
        : eb(eb.fn("lower", ["claim_tallies.source"]), "=", f.source.trim().toLowerCase()),
    );
  }
  return eb.and(parts);
}

/**
 * The tallies to sum for a filter: per victim group when it names one (that table has the same
 * columns and a victim, read under the same name), else the claims' own.
 */
function talliesOf(db: Kysely<Database>, f: ResolvedClaimFilter) {
  if (f.victims === undefined) return db.selectFrom("claim_tallies");
  const byVictim = db.selectFrom("claim_victim_tallies as claim_tallies").where("claim_tallies.victim", "=", f.victims);
  return byVictim as unknown as ReturnType<typeof db.selectFrom<"claim_tallies">>;
}

/** Number of claims matching a filter the tallies can count. */
export async function tallyTotal(db: Kysely<Database>, f: ResolvedClaimFilter): Promise<number> {
  const row = await talliesOf(db, f)
    .select(sql<number | string | null>`sum(claim_tallies.n)`.as("n"))
    .where((eb) => tallyWhere(eb, f))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Claims per year and event, from the tallies. */
export async function tallyByYearAndEvent(db: Kysely<Database>, f: ResolvedClaimFilter): Promise<Array<{ year: number | null; event: string; n: number }>> {
  const rows = await talliesOf(db, f)
    .select(["claim_tallies.year", "claim_tallies.event", sql<number | string>`sum(claim_tallies.n)`.as("n")])
    .where((eb) => tallyWhere(eb, f))
    .groupBy(["claim_tallies.year", "claim_tallies.event"])
    .orderBy("claim_tallies.year", (ob) => ob.asc().nullsLast())
    .orderBy("claim_tallies.event")
    .execute();
  return rows.map((r) => ({ year: r.year === null ? null : Number(r.year), event: r.event, n: Number(r.n) }));
}

/** Claims per source record and raw source string, from the tallies. */
export async function tallyBySource(db: Kysely<Database>, f: ResolvedClaimFilter): Promise<Array<{ source_id: number | null; source: string | null; n: number }>> {
  const rows = await talliesOf(db, f)
    .select(["claim_tallies.source_id", "claim_tallies.source", sql<number | string>`sum(claim_tallies.n)`.as("n")])
    .where((eb) => tallyWhere(eb, f))
    .groupBy(["claim_tallies.source_id", "claim_tallies.source"])
    .execute();
  return rows.map((r) => ({ source_id: r.source_id === null ? null : Number(r.source_id), source: r.source, n: Number(r.n) }));
}
