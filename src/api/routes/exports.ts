// Every list as a table to download (Datasette's convention): `/facts.csv`, `/conflicts.csv`,
// `/timeline.csv`, `/documents.csv` and `/claims.csv` take the query of `/facts`, `/conflicts`,
// `/timeline`, `/documents` and `/claims` and give exactly their rows as CSV, in their order
// (columns as `tally facts|conflicts|timeline|documents|claims --format csv`); the `.json` beside
// each is the list's own answer as a download (with the facets when asked, as the page shows them).
// Each performs an export use case (src/services/use-cases/exports.ts) and writes its rows a batch
// at a time as the client reads (src/api/stream.ts); the claims are read from the store so too.
// `/exports/claims?format=csv|json` is the claims' download under its first name.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { CLAIM_CSV, ClaimEntity } from "../../shared/entities/claim.js";
import type { StoredClaim } from "../../services/use-cases/types.js";
import type { CsvTable } from "../../shared/entities/fact-csv.js";
import { documentsPage } from "../../services/use-cases/documents.js";
import { exportConflicts, exportDocuments, exportFacts, exportSource, exportTimeline, streamClaims } from "../../services/use-cases/exports.js";
import { listConflicts, listFacts, timeline } from "../../services/use-cases/facts.js";
import { sourcePage } from "../../services/use-cases/reports.js";
import { listClaims } from "../../services/use-cases/claims.js";
import type { ClaimFacet } from "../../services/use-cases/types.js";
import { CLAIMS_COUNT_UP_TO } from "./ledger.js";
import { performFor } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { claimFilterOf, claimOut } from "../present.js";
import { ClaimListSchema, ClaimsExportQuery, ConflictListSchema, ConflictsQuery, DocumentListSchema, DocumentsQuery, ExportQuery, FactListSchema, FactsQuery, TimelineQuery, TimelineSchema } from "../schemas.js";
import { batchesOf, csvStream, downloadHeaders, jsonListStream, type Batches } from "../stream.js";
import { E400, E500 } from "./common.js";

const csv = (what: string) => ({ 200: { description: `${what} as CSV`, content: { "text/csv": { schema: z.string() } } }, ...E400, ...E500 });
const jsonDownload = <T>(schema: T, what: string) => ({ 200: { description: `${what} as a JSON download`, content: { "application/json": { schema } } }, ...E400, ...E500 });
const ClaimsDownloadSchema = z.object({ claims: z.array(ClaimEntity) });
/** The answer of `/claims` as a download: its limit may be `all`. */
const ClaimListDownloadSchema = ClaimListSchema.extend({ limit: z.union([z.number().int(), z.literal("all")]) });

const factsCsvRoute = createRoute({ method: "get", path: "/facts.csv", tags: ["facts"], summary: "The facts of `/facts` (same query: filter, order, page) as CSV", request: { query: FactsQuery }, responses: csv("the facts") });
const factsJsonRoute = createRoute({ method: "get", path: "/facts.json", tags: ["facts"], summary: "The answer of `/facts` (same query) as a download", request: { query: FactsQuery }, responses: jsonDownload(FactListSchema, "the facts") });
const conflictsCsvRoute = createRoute({ method: "get", path: "/conflicts.csv", tags: ["facts"], summary: "The contradictions of `/conflicts` (same query) as CSV, most consequential first", request: { query: ConflictsQuery }, responses: csv("the contradictions") });
const conflictsJsonRoute = createRoute({ method: "get", path: "/conflicts.json", tags: ["facts"], summary: "The answer of `/conflicts` (same query) as a download", request: { query: ConflictsQuery }, responses: jsonDownload(ConflictListSchema, "the contradictions") });
const timelineCsvRoute = createRoute({ method: "get", path: "/timeline.csv", tags: ["facts"], summary: "The timeline of `/timeline` (same query) as CSV: one row per period, one column per voice", request: { query: TimelineQuery }, responses: csv("the timeline") });
const timelineJsonRoute = createRoute({ method: "get", path: "/timeline.json", tags: ["facts"], summary: "The answer of `/timeline` (same query) as a download", request: { query: TimelineQuery }, responses: jsonDownload(TimelineSchema, "the timeline") });
const documentsCsvRoute = createRoute({ method: "get", path: "/documents.csv", tags: ["ledger"], summary: "The same page of documents as `/documents`, as CSV (columns as `tally documents --format csv`)", request: { query: DocumentsQuery }, responses: csv("the documents") });
const documentsJsonRoute = createRoute({ method: "get", path: "/documents.json", tags: ["ledger"], summary: "The answer of `/documents` (same query) as a download", request: { query: DocumentsQuery }, responses: jsonDownload(DocumentListSchema, "the documents") });
const claimsCsvRoute = createRoute({ method: "get", path: "/claims.csv", tags: ["ledger"], summary: "The claims of `/claims` (same filter, sort and page or cursor; `limit=all`: every matching claim) as CSV, written as they are read, a keyset batch at a time", request: { query: ClaimsExportQuery }, responses: csv("the claims") });
const claimsJsonRoute = createRoute({ method: "get", path: "/claims.json", tags: ["ledger"], summary: "The answer of `/claims` (same filter, sort, page or cursor, and facets; `limit=all`: every matching claim) as a download, the claims written as they are read", request: { query: ClaimsExportQuery }, responses: jsonDownload(ClaimListDownloadSchema, "the claims") });
const exportClaimsRoute = createRoute({
  method: "get",
  path: "/exports/claims",
  tags: ["ledger"],
  summary: "Claims of a filter, sort and page as a CSV or JSON download (as `/claims.csv` and `/claims.json`)",
  request: { query: ExportQuery },
  responses: {
    200: { description: "CSV (columns as `tally claims --format csv`) or JSON `{ claims }`", content: { "text/csv": { schema: z.string() }, "application/json": { schema: ClaimsDownloadSchema } } },
    ...E400,
    ...E500,
  },
});

/** A table as a CSV download named `tally-<name>.csv`, written a batch of rows at a time. */
const csvDownload = (c: Context, t: CsvTable): Response => c.body(csvStream(t.columns, batchesOf(t.rows)), 200, downloadHeaders(t.name, "csv"));

/** A list's answer as a JSON download: its `key` list written a batch at a time, then its other fields. */
function listDownload<A extends object>(c: Context, name: string, key: keyof A & string, answer: A): never {
  const { [key]: items, ...rest } = answer as Record<string, unknown>;
  return declared(c.body(jsonListStream(key, batchesOf(items as readonly unknown[]), rest), 200, downloadHeaders(name, "json")));
}

/**
 * A streamed body where the route declares a JSON schema: it is that JSON (the answer the route's
 * use case gave, its list written a batch at a time), which the route's types cannot see in a stream.
 */
const declared = (r: Response) => r as never;

/** Claims as a download, read from the store a batch at a time; the JSON's other fields in `rest`. */
function claimsDownload(c: Context, batches: AsyncIterable<StoredClaim[]>, format: "csv" | "json", rest: Record<string, unknown> = {}): never {
  async function* out(): AsyncGenerator<readonly unknown[]> {
    for await (const b of batches) yield format === "csv" ? b.map((cl) => CLAIM_CSV.map(([, cell]) => cell(cl))) : b.map(claimOut);
  }
  const rows: Batches<unknown> = out();
  const body = format === "csv" ? csvStream(CLAIM_CSV.map(([name]) => name), rows as Batches<readonly unknown[]>) : jsonListStream("claims", rows, rest);
  return declared(c.body(body, 200, downloadHeaders("claims", format)));
}

export function registerExports(app: Api, deps: ApiDeps): void {
  app.openapi(factsCsvRoute, async (c) => {
    const { facets: _, ...filters } = c.req.valid("query");
    return csvDownload(c, await performFor(c, deps, exportFacts, filters));
  });
  app.openapi(factsJsonRoute, async (c) => listDownload(c, "facts", "facts", await performFor(c, deps, listFacts, c.req.valid("query"))));
  app.openapi(conflictsCsvRoute, async (c) => {
    const { facets: _, ...filters } = c.req.valid("query");
    return csvDownload(c, await performFor(c, deps, exportConflicts, filters));
  });
  app.openapi(conflictsJsonRoute, async (c) => listDownload(c, "conflicts", "conflicts", await performFor(c, deps, listConflicts, c.req.valid("query"))));
  const timelineInput = (q: z.infer<typeof TimelineQuery>) => ({ event: q.event, place: q.place, by: q.by, ...(q.victims ? { victims: [q.victims] } : {}), ...(q.voices ? { voices: q.voices } : {}), parts: q.parts });
  app.openapi(timelineCsvRoute, async (c) => csvDownload(c, await performFor(c, deps, exportTimeline, timelineInput(c.req.valid("query")))));
  app.openapi(timelineJsonRoute, async (c) => {
    const t = await performFor(c, deps, timeline, timelineInput(c.req.valid("query")));
    return listDownload(c, `timeline-${t.event}`, "rows", t);
  });
  app.openapi(documentsCsvRoute, async (c) => csvDownload(c, await performFor(c, deps, exportDocuments, c.req.valid("query"))));
  app.openapi(documentsJsonRoute, async (c) => listDownload(c, "documents", "documents", await performFor(c, deps, documentsPage, c.req.valid("query"))));
  const limitOf = (q: z.infer<typeof ClaimsExportQuery>) => (q.limit === "all" ? {} : { limit: q.limit });
  const claims = async (c: Context, q: z.infer<typeof ClaimsExportQuery>, format: "csv" | "json") => {
    const { batches } = await performFor(c, deps, streamClaims, { filter: claimFilterOf(q), sort: q.sort, ...limitOf(q), offset: q.offset, cursor: q.cursor });
    return claimsDownload(c, batches, format);
  };
  app.openapi(claimsCsvRoute, async (c) => claims(c, c.req.valid("query"), "csv"));
  // The list's answer: its total (counted as /claims counts it) and facets first, then the claims as read.
  app.openapi(claimsJsonRoute, async (c) => {
    const q = c.req.valid("query");
    const filter = claimFilterOf(q);
    const fields = q.facets ? (q.facets.split(",").map((f) => f.trim()) as ClaimFacet[]) : [];
    const [{ total, totalExact, facets }, { batches, next }] = await Promise.all([
      performFor(c, deps, listClaims, { filter, sort: q.sort, limit: 0, offset: q.offset, countUpTo: CLAIMS_COUNT_UP_TO, ...(fields.length > 0 ? { facets: fields } : {}) }),
      performFor(c, deps, streamClaims, { filter, sort: q.sort, ...limitOf(q), offset: q.offset, cursor: q.cursor }),
    ]);
    return claimsDownload(c, batches, "json", { total, totalExact, limit: q.limit, offset: q.offset, sort: q.sort, next, ...(facets ? { facets } : {}) });
  });
  // A source's page: `/sources/{name}.csv` its figures fact by fact, `.json` its answer (before
  // `/sources/{name}`, which would take the file for a name; not in openapi.json, as /facts/{id}.csv).
  app.get("/sources/:file{.+\\.(?:csv|json)}", async (c) => {
    const file = c.req.param("file");
    const dot = file.lastIndexOf(".");
    const name = file.slice(0, dot);
    if (file.slice(dot + 1) === "csv") return csvDownload(c, await performFor(c, deps, exportSource, { name }));
    const page = await performFor(c, deps, sourcePage, { name });
    return c.body(JSON.stringify(page), 200, downloadHeaders(`source-${page.name}`, "json"));
  });
  app.openapi(exportClaimsRoute, async (c) => {
    const q = c.req.valid("query");
    return claims(c, q, q.format);
  });
}
