// Reading claims: pages and counts of a filter, counts by year and event and by source, and the
// sources with their claims; always as the reader's access allows.
import type { Kysely } from "kysely";
import { NotFound } from "../shared/errors.js";
import { CHUNK } from "./claim-writes.js";
import { readableTally, tallyByYearAndEvent, tallyBySource, tallyTotal } from "./claim-tallies.js";
import { claimWhere, type ResolvedClaimFilter } from "./claim-filter.js";
import { toStoredClaim, type ClaimRowWithDocument } from "./claim-rows.js";
import type { ClaimFilter, Page, SourceCount, StoredClaim, StoredSource, YearEventCount } from "./contracts/claims.js";
import type { Access } from "./contracts/common.js";
import { afterKey } from "./claim-keyset.js";
import { FAST_PATHS, pageWhereOptions } from "./claim-pages.js";
import type { Database, DialectName } from "./schema.js";
import { sourceKey } from "./source-keys.js";
import { visibleClaim } from "./visibility.js";

/** The claim reads of a store, over its database and as its access allows. */
export class ClaimReads {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: Access,
    private readonly dialect: DialectName,
  ) {}

  /** Matches a filter's source string to a source record once, so the claim query can use the index. */
  async resolve(filter: ClaimFilter): Promise<ResolvedClaimFilter> {
    if (filter.source === undefined) return { ...filter, access: this.access };
    const row = await this.db
      .selectFrom("source_keys")
      .select("source_id")
      .where("key", "=", sourceKey(filter.source))
      .executeTakeFirst();
    return { ...filter, resolvedSourceId: row ? Number(row.source_id) : null, access: this.access };
  }

  async queryClaims(filter: ClaimFilter, page: Page): Promise<StoredClaim[]> {
    const f = await this.resolve(filter);
    const sort = page.sort ?? "period";
    const opts = await pageWhereOptions(this.db, this.dialect, f, sort, page.offset + page.limit);
    // SQLite walks the documents latest first only when told to take them first (CROSS JOIN fixes
    // the join's order); it then sorts each publication date's claims by id, not every match.
    const from = opts.unindexed && sort === "published"
      ? this.db.selectFrom("documents").crossJoin("claims").whereRef("claims.document_id", "=", "documents.id")
      : this.db.selectFrom("claims").innerJoin("documents", "documents.id", "claims.document_id");
    let query = from
      .selectAll("claims")
      .select(["documents.name as document_name", "documents.published as document_published", "documents.text_map as document_text_map"])
      .where((eb) => claimWhere(eb, f, opts));
    const after = page.after;
    if (after) query = query.where((eb) => afterKey(eb, sort, after));
    switch (sort) {
      case "period":
        query = query.orderBy("claims.period_start", (ob) => ob.desc().nullsLast());
        break;
      case "count":
        query = query.orderBy("claims.count", "desc");
        break;
      case "published":
        query = query.orderBy("documents.published", (ob) => ob.desc().nullsLast());
        break;
      case "id":
        break;
      case "oldest":
        query = query.orderBy("claims.created_at", "asc");
        break;
      case "consequential":
        query = query.orderBy("claims.count", "desc");
        break;
      case "uncertain":
        query = query.orderBy("claims.confidence", (ob) => ob.asc().nullsLast()).orderBy("claims.created_at", "asc");
        break;
    }
    const rows = await query.orderBy("claims.id", "asc").limit(page.limit).offset(page.offset).execute();
    return rows.map((r) => toStoredClaim(r as ClaimRowWithDocument));
  }

  async countClaims(filter: ClaimFilter): Promise<number> {
    const f = await this.resolve(filter);
    const tally = FAST_PATHS.totalsFromTallies ? await readableTally(this.db, f, "total") : null;
    if (tally) return tallyTotal(this.db, tally, f);
    return this.countMatching(f);
  }

  /**
   * How many claims match, counted exactly when a running tally holds it (cheap) or when at most
   * `upTo` match; else `upTo` and exact false ("10,000+"): a period's claims are not walked to the
   * end to say how many pages there are.
   */
  async countClaimsUpTo(filter: ClaimFilter, upTo: number): Promise<{ count: number; exact: boolean }> {
    const f = await this.resolve(filter);
    const tally = FAST_PATHS.totalsFromTallies ? await readableTally(this.db, f, "total") : null;
    if (tally) return { count: await tallyTotal(this.db, tally, f), exact: true };
    const row = await this.db
      .selectFrom((db) =>
        db
          .selectFrom("claims")
          .select((eb) => eb.lit(1).as("one"))
          .where((eb) => claimWhere(eb, f))
          .limit(upTo + 1)
          .as("m"),
      )
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    return n > upTo ? { count: upTo, exact: false } : { count: n, exact: true };
  }

  private async countMatching(f: ResolvedClaimFilter): Promise<number> {
    const row = await this.db
      .selectFrom("claims")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where((eb) => claimWhere(eb, f, { victimsFirst: true }))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countsByYearAndEvent(filter: ClaimFilter): Promise<YearEventCount[]> {
    const f = await this.resolve(filter);
    const tally = await readableTally(this.db, f, "byYear");
    const rows = tally ? await tallyByYearAndEvent(this.db, tally, f) : await this.db
      .selectFrom("claims")
      .select((eb) => ["claims.year", "claims.event", eb.fn.countAll<number | string>().as("n")])
      .where((eb) => claimWhere(eb, f, { victimsFirst: true }))
      .groupBy(["claims.year", "claims.event"])
      .orderBy("claims.year", (ob) => ob.asc().nullsLast())
      .orderBy("claims.event")
      .execute();
    return rows.map((r) => ({
      year: r.year === null ? null : Number(r.year),
      event: r.event as YearEventCount["event"],
      claims: Number(r.n),
    }));
  }

  async countsBySource(filter: ClaimFilter): Promise<SourceCount[]> {
    const f = await this.resolve(filter);
    // Group on the tallies or the claims alone (an index covers source_id, source), then name the sources.
    const tally = await readableTally(this.db, f, "bySource");
    const rows = tally ? await tallyBySource(this.db, tally, f) : await this.db
      .selectFrom("claims")
      .select((eb) => ["claims.source_id", "claims.source", eb.fn.countAll<number | string>().as("n")])
      .where((eb) => claimWhere(eb, f, { victimsFirst: true }))
      .groupBy(["claims.source_id", "claims.source"])
      .execute();
    const names = new Map((await this.db.selectFrom("sources").select(["id", "name"]).execute()).map((r) => [Number(r.id), r.name]));
    // (claims of restricted sources are already left out by claimWhere for readers without access)
    const merged = new Map<string, SourceCount>();
    for (const r of rows) {
      const sourceId = r.source_id === null ? null : Number(r.source_id);
      const source = sourceId === null ? r.source : (names.get(sourceId) ?? r.source);
      const key = sourceId === null ? `raw:${r.source ?? ""}` : `id:${sourceId}`;
      const prev = merged.get(key);
      if (prev) prev.claims += Number(r.n);
      else merged.set(key, { sourceId, source, claims: Number(r.n) });
    }
    return [...merged.values()].sort((x, y) => y.claims - x.claims || (x.source ?? "").localeCompare(y.source ?? ""));
  }

  async listSources(onlyId?: number): Promise<StoredSource[]> {
    let query = this.db
      .selectFrom("sources")
      .selectAll("sources")
      .select((eb) =>
        eb
          .selectFrom("claims")
          .select((sub) => sub.fn.countAll<number | string>().as("n"))
          .whereRef("claims.source_id", "=", "sources.id")
          .where("claims.status", "!=", "rejected")
          .where((sub) => visibleClaim(sub, this.access) ?? sub.lit(true))
          .as("claims"),
      );
    if (!this.access.restricted) query = query.where("sources.restricted", "=", 0);
    if (onlyId !== undefined) query = query.where("sources.id", "=", onlyId);
    const rows = await query.orderBy("sources.name").execute();
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      kind: r.kind,
      aliases: JSON.parse(r.aliases) as string[],
      claims: Number(r.claims ?? 0),
      restricted: Number(r.restricted) === 1,
    }));
  }

  async getClaim(id: number): Promise<StoredClaim | null> {
    const row = await this.db
      .selectFrom("claims")
      .innerJoin("documents", "documents.id", "claims.document_id")
      .selectAll("claims")
      .select(["documents.name as document_name", "documents.published as document_published", "documents.text_map as document_text_map"])
      .where("claims.id", "=", id)
      .where((eb) => visibleClaim(eb, this.access) ?? eb.lit(true))
      .executeTakeFirst();
    return row ? toStoredClaim(row as ClaimRowWithDocument) : null;
  }

  /** Writes on claims are refused for claims the store's reader cannot see, as if they did not exist. */
  async requireVisible(ids: readonly number[]): Promise<void> {
    const wanted = [...new Set(ids)];
    const seen = new Set<number>();
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("claims")
        .select("claims.id")
        .where("claims.id", "in", wanted.slice(i, i + CHUNK))
        .where((eb) => visibleClaim(eb, this.access) ?? eb.lit(true))
        .execute();
      for (const r of rows) seen.add(Number(r.id));
    }
    const missing = wanted.find((id) => !seen.has(id));
    if (missing !== undefined) throw new NotFound("claim", missing);
  }
}
