// Use cases of the tables to download: the facts, the contradictions and a timeline of a query as
// rows and columns (src/shared/entities/fact-csv.ts), exactly the rows of the list's own answer in
// its order; a page of documents likewise; and the claims of a filter, sort and page read from the
// store a batch at a time (a download of any size is written as it is read). `tally
// facts|conflicts|timeline|documents --format csv` and GET /facts.csv, /conflicts.csv,
// /timeline.csv, /documents.csv, /claims.csv (and their `.json`) perform these.
import { z } from "zod";
import { CLAIM_SORTS } from "../../shared/entities/claim.js";
import { conflictsTable, CsvTableSchema, factsTable, timelineTable } from "../../shared/entities/fact-csv.js";
import { claimKey, type StoredClaim } from "../../store/index.js";
import { cursorAfter, keyOfCursor } from "../claim-cursor.js";
import { storeFilter } from "../claim-filters.js";
import { documentsTable } from "../documents.js";
import { ClaimFilterInput } from "./claim-inputs.js";
import { documentsPage } from "./documents.js";
import { listConflicts, listFacts, timeline } from "./facts.js";
import { sourcePage } from "./reports.js";
import { useCase } from "./use-case.js";

/** The facts of a filter (the input of `facts.list` without facets) as a table. */
export const exportFacts = useCase({
  name: "facts.export",
  role: "viewer",
  input: listFacts.input.omit({ facets: true }),
  output: CsvTableSchema,
  run: async (ctx, filters) => factsTable((await listFacts.run(ctx, filters)).facts),
});

/** The contradictions of a filter, most consequential first, as a table. */
export const exportConflicts = useCase({
  name: "facts.conflicts.export",
  role: "viewer",
  input: listConflicts.input.omit({ facets: true }),
  output: CsvTableSchema,
  run: async (ctx, filters) => conflictsTable((await listConflicts.run(ctx, filters)).conflicts),
});

/** A timeline as a table: a row per period, a column per voice. */
export const exportTimeline = useCase({
  name: "facts.timeline.export",
  role: "viewer",
  input: timeline.input,
  output: CsvTableSchema,
  run: async (ctx, query) => timelineTable(await timeline.run(ctx, query)),
});

/** A page of documents with the workbench's filters (the input of `documents.page`) as a table. */
export const exportDocuments = useCase({
  name: "documents.export",
  role: "viewer",
  input: documentsPage.input,
  output: CsvTableSchema,
  run: async (ctx, input) => documentsTable(await documentsPage.run(ctx, input)),
});

/**
 * A source's page as a table: its figures fact by fact (as the page's table of them), the source's
 * figure and, in a column per other network (named as on the page), theirs for the same scope.
 */
export const exportSource = useCase({
  name: "sources.page.export",
  role: "viewer",
  input: sourcePage.input,
  output: CsvTableSchema,
  async run(ctx, input) {
    const s = await sourcePage.run(ctx, input);
    return {
      name: `source-${s.name}`,
      columns: ["fact_id", "description", "event", "place", "period_start", "period_end", s.name, ...s.otherNetworks, "status"],
      rows: s.figures.map((f) => [f.factId, f.description, f.event, f.place, f.period?.start ?? null, f.period?.end ?? null, f.figure, ...s.otherNetworks.map((n) => f.others[n] ?? null), f.status]),
    };
  },
});

/** Claims read per batch at most (one query of the store each). */
export const CLAIMS_EXPORT_BATCH = 1000;

/**
 * The claims of a filter, sort and page (`limit` claims from `offset` or after a cursor; every
 * matching claim without `limit`), read from the store a batch at a time as the download is
 * written: the same claims, in the same order, as `claims.list` gives page after page. Each batch
 * after the first starts after the last claim read (a keyset page: its key in the order, ties by
 * id), so a batch far down a large download costs what the first does, where an offset would read
 * every claim before it, and a claim written meanwhile neither shifts nor repeats the rest.
 */
export const streamClaims = useCase({
  name: "claims.export",
  role: "viewer",
  input: z.object({
    filter: ClaimFilterInput,
    sort: z.enum(CLAIM_SORTS).default("period"),
    /** At most this many claims; every matching claim when absent. */
    limit: z.number().int().min(0).optional(),
    offset: z.number().int().min(0).default(0),
    /** Start after the claim this token names (a `next` of `claims.list` in the same order). */
    cursor: z.string().max(400).optional(),
    batch: z.number().int().min(1).max(10_000).default(CLAIMS_EXPORT_BATCH),
  }),
  output: z.object({
    batches: z.custom<AsyncIterable<StoredClaim[]>>((v) => typeof v === "object" && v !== null && Symbol.asyncIterator in v),
    /** Once the batches are read: the cursor of the claims after them (as `claims.list`'s `next`), null when none follows. */
    next: z.custom<() => Promise<string | null>>((v) => typeof v === "function"),
  }),
  async run(ctx, { filter, sort, limit, offset, cursor, batch }) {
    const { store } = ctx;
    const f = await storeFilter(ctx, filter);
    // (a bad cursor is refused now, before the download starts)
    const start = cursor === undefined ? undefined : keyOfCursor(sort, cursor);
    let reachedLimit: StoredClaim | null = null;
    async function* read(): AsyncGenerator<StoredClaim[]> {
      let after = start;
      let skip = offset;
      for (let done = 0; limit === undefined || done < limit; ) {
        const want = limit === undefined ? batch : Math.min(batch, limit - done);
        // The first batch may skip `offset` claims; each next one starts after the last claim read (its key in the order).
        const rows: StoredClaim[] = await store.queryClaims(f, { limit: want, offset: skip, sort, ...(after ? { after } : {}) });
        if (rows.length > 0) yield rows;
        const last = rows[rows.length - 1];
        if (rows.length < want || !last) return;
        done += rows.length;
        skip = 0;
        after = claimKey(sort, last);
        if (done === limit) reachedLimit = last;
      }
    }
    // Stopped by the limit: a next page exists when one more claim follows the last read.
    const next = async (): Promise<string | null> => {
      const last = reachedLimit;
      if (!last) return null;
      const more = await store.queryClaims(f, { limit: 1, offset: 0, sort, after: claimKey(sort, last) });
      return more.length > 0 ? cursorAfter(sort, last) : null;
    };
    return { batches: read(), next };
  },
});
