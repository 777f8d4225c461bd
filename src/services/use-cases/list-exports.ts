// Use cases of the remaining downloads (issue 24, "every view exportable"): the search results, the
// sources list, the review queue, one claim, the victims pages and one timeline of the report, each
// as rows and columns of exactly what its page's use case answers for the same input (the page's
// filters), in its order. Each takes its page's input and role (the review queue: analysts), so
// the download is refused to whom the page is. GET /search.csv, /sources.csv, /review/queue.csv,
// /claims/{id}.csv, /victims.csv, /victims/{id}.csv, /victim-lists/{id}.csv and
// /report/timeline.csv perform these (their `.json` is the page's own answer).
import { z } from "zod";
import { EVENT_TYPES } from "../../core/types.js";
import { CLAIM_CSV, type ClaimRecord } from "../../shared/entities/claim.js";
import { CsvTableSchema, type CsvCell, type CsvTable } from "../../shared/entities/fact-csv.js";
import { VictimRecordSchema, type VictimRecordEntity } from "../../shared/entities/victim.js";
import { NotFound } from "../../shared/errors.js";
import { reviewQueue, showClaim } from "./claims.js";
import { searchDocuments } from "./documents.js";
import { listSources } from "./overview.js";
import { report } from "./reports.js";
import { useCase } from "./use-case.js";
import { listVictims, showVictim, showVictimList } from "./victims.js";

/** Claims as rows, with the columns of `tally claims --format csv`. */
function claimsTable(name: string, claims: readonly ClaimRecord[]): CsvTable {
  return { name, columns: CLAIM_CSV.map(([n]) => n), rows: claims.map((c) => CLAIM_CSV.map(([, cell]) => cell(c) as CsvCell)) };
}

/** The ranked hits of a search, best first. */
export const exportSearch = useCase({
  name: "documents.search.export",
  role: "viewer",
  input: searchDocuments.input,
  output: CsvTableSchema,
  async run(ctx, input) {
    const { hits } = await searchDocuments.run(ctx, input);
    return {
      name: "search",
      columns: ["document_id", "name", "title", "publisher", "published", "score", "snippet"],
      rows: hits.map((h) => [h.documentId, h.name, h.title, h.publisher, h.published, h.score, h.snippet]),
    };
  },
});

/** The sources page: each registry source with its network and claims, then the credited names the registry does not know. */
export const exportSources = useCase({
  name: "sources.export",
  role: "viewer",
  input: listSources.input,
  output: CsvTableSchema,
  async run(ctx, input) {
    const s = await listSources.run(ctx, input);
    return {
      name: "sources",
      columns: ["id", "short", "name", "kind", "network", "network_name", "aliases", "claims", "registered"],
      rows: [
        ...s.sources.map((x) => [x.id, x.short, x.name, x.kind, x.network, x.networkName, x.aliases.join(";"), x.claims, true]),
        ...s.unregistered.map((u) => [null, u.name, u.name, null, null, null, "", u.claims, false]),
      ],
    };
  },
});

/** A page of the review queue, in the queue's order. */
export const exportReviewQueue = useCase({
  name: "review.queue.export",
  role: reviewQueue.role,
  input: reviewQueue.input,
  output: CsvTableSchema,
  run: async (ctx, input) => claimsTable("review-queue", (await reviewQueue.run(ctx, input)).claims),
});

/** One claim as a row. */
export const exportClaim = useCase({
  name: "claims.show.export",
  role: showClaim.role,
  input: showClaim.input,
  output: CsvTableSchema,
  run: async (ctx, input) => claimsTable(`claim-${input.id}`, [(await showClaim.run(ctx, input)).claim]),
});

const PERSON_COLUMNS = ["id", "name", "names", "age", "sex", "place", "date", "event", "occupation", "ethnicity", "sources", "records", "restricted"] as const;

/** A page of the victims registry: one row per person. */
export const exportVictims = useCase({
  name: "victims.list.export",
  role: listVictims.role,
  input: listVictims.input,
  output: CsvTableSchema,
  async run(ctx, input) {
    const { persons } = await listVictims.run(ctx, input);
    return {
      name: "victims",
      columns: [...PERSON_COLUMNS],
      rows: persons.map((p) => [p.id, p.name, p.names.join(";"), p.age, p.sex, p.place, p.date, p.event, p.occupation, p.ethnicity, p.sources.join(";"), p.records, p.restricted]),
    };
  },
});

const RECORD_COLUMNS = Object.keys(VictimRecordSchema.shape) as Array<keyof VictimRecordEntity>;
const recordRows = (records: readonly VictimRecordEntity[]) => records.map((r) => RECORD_COLUMNS.map((k) => (Array.isArray(r[k]) ? (r[k] as unknown[]).join(";") : (r[k] as CsvCell))));

/** One person's page: a row per record that names them. */
export const exportVictim = useCase({
  name: "victims.show.export",
  role: showVictim.role,
  input: showVictim.input,
  output: CsvTableSchema,
  async run(ctx, input) {
    const { recordList } = await showVictim.run(ctx, input);
    return { name: `victim-${input.id}`, columns: [...RECORD_COLUMNS], rows: recordRows(recordList) };
  },
});

/** One imported list's page: a row per record of it. */
export const exportVictimList = useCase({
  name: "victims.lists.show.export",
  role: showVictimList.role,
  input: showVictimList.input,
  output: CsvTableSchema,
  async run(ctx, input) {
    const { records } = await showVictimList.run(ctx, input);
    return { name: `victim-list-${input.id}`, columns: [...RECORD_COLUMNS], rows: recordRows(records) };
  },
});

/** The report's timeline of one event (`timeline`), as it prints: a row per period with its band and status, a column per voice. */
export const reportTimeline = useCase({
  name: "report.timeline",
  role: "viewer",
  input: report.input.extend({ timeline: z.enum(EVENT_TYPES) }),
  output: z.object({
    name: z.string(),
    timeline: z.custom<ReportTimeline>((v) => typeof v === "object" && v !== null),
    table: CsvTableSchema,
  }),
  async run(ctx, { timeline: event, ...query }) {
    const r = await report.run(ctx, query);
    const t = r.timelines.find((x) => x.event === event);
    if (!t) throw new NotFound("timeline of the report", event, "timeline");
    const name = `report-${r.place}-${r.year}-${event}`;
    return {
      name,
      timeline: t,
      table: {
        name,
        columns: ["period", "fact_id", "status", "low", "best", "high", "high_is_minimum", ...t.voices.map((v) => v.label)],
        rows: t.rows.map((row) => [row.label, row.factId, row.status, row.low, row.best, row.high, row.highIsMinimum, ...t.voices.map((v) => row.voices[v.id] ?? null)]),
      },
    };
  },
});
type ReportTimeline = Awaited<ReturnType<typeof report.run>>["timelines"][number];
