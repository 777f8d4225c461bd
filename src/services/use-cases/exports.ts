// Use cases of the tables to download: the facts, the contradictions and a timeline of a query as
// rows and columns (src/shared/entities/fact-csv.ts), exactly the rows of the list's own answer in
// its order; a page of documents likewise; and the claims of a filter, sort and page read from the
// store a batch at a time (a download of any size is written as it is read). `tally
// facts|conflicts|timeline|documents --format csv` and GET /facts.csv, /conflicts.csv,
// /timeline.csv, /documents.csv, /claims.csv (and their `.json`) perform these.
import { z } from "zod";
import { CLAIM_SORTS } from "../../shared/entities/claim.js";
import { conflictsTable, CsvTableSchema, factsTable, timelineTable } from "../../shared/entities/fact-csv.js";
import type { ClaimFilter, StoredClaim } from "../../store/index.js";
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
 * The claims of a filter, sort and page (`limit` claims from `offset`), read from the store a batch
 * at a time as the download is written: the same claims, in the same order, as `claims.list` gives
 * for that page (ties in the sort go by id, so the batches neither skip nor repeat a claim while
 * the ledger is unchanged).
 */
export const streamClaims = useCase({
  name: "claims.export",
  role: "viewer",
  input: z.object({
    filter: ClaimFilterInput,
    sort: z.enum(CLAIM_SORTS).default("period"),
    limit: z.number().int().min(0),
    offset: z.number().int().min(0).default(0),
    batch: z.number().int().min(1).max(10_000).default(CLAIMS_EXPORT_BATCH),
  }),
  output: z.object({ batches: z.custom<AsyncIterable<StoredClaim[]>>((v) => typeof v === "object" && v !== null && Symbol.asyncIterator in v) }),
  async run({ store }, { filter, sort, limit, offset, batch }) {
    const f = filter as ClaimFilter;
    async function* read(): AsyncGenerator<StoredClaim[]> {
      for (let done = 0; done < limit; ) {
        const want = Math.min(batch, limit - done);
        const rows: StoredClaim[] = await store.queryClaims(f, { limit: want, offset: offset + done, sort });
        if (rows.length > 0) yield rows;
        if (rows.length < want) return;
        done += rows.length;
      }
    }
    return { batches: read() };
  },
});
