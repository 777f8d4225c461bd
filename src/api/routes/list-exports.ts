// The remaining views as downloads (issue 24, Datasette's `.csv`/`.json` beside each list): the
// search results (`/search.csv|.json`), the sources list (`/sources.csv|.json`), the review queue
// (`/review/queue.csv|.json`, analysts), a report's timeline of one event
// (`/report/timeline.csv|.json`), one claim (`/claims/{id}.csv|.json`), the victims registry
// (`/victims.csv|.json`), a person (`/victims/{id}.csv|.json`) and an imported list
// (`/victim-lists/{id}.csv|.json`). Each takes the query of its page and gives its rows as CSV
// (src/services/use-cases/list-exports.ts) or the page's own answer as a JSON download. Registered
// before the routes of `/claims/{id}`, `/victims/{id}` and `/victim-lists/{id}`, which would take
// `<id>.csv` for an id (those three are not in openapi.json, as `/facts/{id}.csv`).
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { reviewQueue, showClaim } from "../../services/use-cases/claims.js";
import { searchDocuments } from "../../services/use-cases/documents.js";
import { exportClaim, exportReviewQueue, exportSearch, exportSources, exportVictim, exportVictimList, exportVictims, reportTimeline } from "../../services/use-cases/list-exports.js";
import { listSources } from "../../services/use-cases/overview.js";
import { listVictims, showVictim, showVictimList } from "../../services/use-cases/victims.js";
import type { CsvTable } from "../../shared/entities/fact-csv.js";
import { EVENT_TYPES } from "../../core/types.js";
import { performFor, performs } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { claimFilterOf, claimOut } from "../present.js";
import { SearchQuery } from "../schemas.js";
import { batchesOf, csvStream, downloadHeaders } from "../stream.js";
import { E400, E403, E404, E500 } from "./common.js";
import { ReportQuery } from "./report.js";
import { QueueQuery } from "./review.js";

const csv = (what: string) => ({ 200: { description: `${what} as CSV`, content: { "text/csv": { schema: z.string() } } }, ...E400, ...E403, ...E404, ...E500 });
const jsonFile = (what: string) => ({ 200: { description: `${what} as a JSON download (the page's answer)`, content: { "application/json": { schema: z.object({}).passthrough() } } }, ...E400, ...E403, ...E404, ...E500 });
const pair = <Q extends z.ZodObject>(path: string, tag: string, what: string, query: Q) => ({
  csv: createRoute({ method: "get", path: `${path}.csv`, tags: [tag], summary: `${what} (the query of \`${path}\`) as CSV`, request: { query }, responses: csv(what) }),
  json: createRoute({ method: "get", path: `${path}.json`, tags: [tag], summary: `The answer of \`${path}\` (same query) as a download`, request: { query }, responses: jsonFile(what) }),
});

const VictimsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50).openapi({ type: "integer" }), offset: z.coerce.number().int().min(0).default(0).openapi({ type: "integer" }) });
const TimelineOfReport = ReportQuery.extend({ timeline: z.enum(EVENT_TYPES).openapi({ description: "the event of the report's timeline to download", example: "execution" }) });

const routes = {
  search: pair("/search", "ledger", "The ranked search results", SearchQuery),
  sources: pair("/sources", "facts", "The source registry with the claims of each source, and the names it does not know", z.object({})),
  queue: pair("/review/queue", "review", "A page of the review queue", QueueQuery),
  victims: pair("/victims", "victims", "A page of the victims registry, a row per person", VictimsQuery),
  timeline: pair("/report/timeline", "reports", "One timeline of the report: a row per period with its band, a column per voice", TimelineOfReport),
};

/** A table as a CSV download, written a batch of rows at a time. */
const csvFile = (c: Context, t: CsvTable) => c.body(csvStream(t.columns, batchesOf(t.rows)), 200, downloadHeaders(t.name, "csv")) as never;
/** A page's answer as a JSON download. */
const jsonDownload = (c: Context, name: string, answer: unknown) => c.body(JSON.stringify(answer), 200, downloadHeaders(name, "json")) as never;

/** The id and the format of `<id>.csv` or `<id>.json`. */
function split(file: string): { id: number; ext: "csv" | "json" } {
  const dot = file.lastIndexOf(".");
  return { id: Number(file.slice(0, dot)), ext: file.slice(dot + 1) === "csv" ? "csv" : "json" };
}
const ID_FILE = ":file{[0-9]{1,12}\\.(?:csv|json)}";

export function registerListExports(app: Api, deps: ApiDeps): void {
  const search = (q: z.infer<typeof SearchQuery>) => ({ words: q.q, limit: q.limit, window: q.window });
  app.openapi(routes.search.csv, async (c) => csvFile(c, await performFor(c, deps, exportSearch, search(c.req.valid("query")))));
  app.openapi(routes.search.json, async (c) => {
    const q = c.req.valid("query");
    return jsonDownload(c, "search", { q: q.q, ...(await performFor(c, deps, searchDocuments, search(q))) });
  });
  app.openapi(routes.sources.csv, async (c) => csvFile(c, await performFor(c, deps, exportSources, {})));
  app.openapi(routes.sources.json, async (c) => jsonDownload(c, "sources", await performFor(c, deps, listSources, {})));

  const queue = (q: z.infer<typeof QueueQuery>) => ({ filter: { ...claimFilterOf(q), status: "proposed" as const }, order: q.order, limit: q.limit, offset: q.offset });
  app.openapi(performs(routes.queue.csv, exportReviewQueue), async (c) => csvFile(c, await performFor(c, deps, exportReviewQueue, queue(c.req.valid("query")))));
  app.openapi(performs(routes.queue.json, reviewQueue), async (c) => {
    const { claims, total } = await performFor(c, deps, reviewQueue, queue(c.req.valid("query")));
    return jsonDownload(c, "review-queue", { total, claims: claims.map(claimOut) });
  });

  app.openapi(routes.victims.csv, async (c) => csvFile(c, await performFor(c, deps, exportVictims, c.req.valid("query"))));
  app.openapi(routes.victims.json, async (c) => jsonDownload(c, "victims", await performFor(c, deps, listVictims, c.req.valid("query"))));

  app.openapi(routes.timeline.csv, async (c) => csvFile(c, (await performFor(c, deps, reportTimeline, c.req.valid("query"))).table));
  app.openapi(routes.timeline.json, async (c) => {
    const { name, timeline } = await performFor(c, deps, reportTimeline, c.req.valid("query"));
    return jsonDownload(c, name, timeline);
  });

  app.get(`/claims/${ID_FILE}`, async (c) => {
    const { id, ext } = split(c.req.param("file"));
    if (ext === "csv") return csvFile(c, await performFor(c, deps, exportClaim, { id }));
    const { claim, history } = await performFor(c, deps, showClaim, { id });
    return jsonDownload(c, `claim-${id}`, { claim: claimOut(claim), history });
  });
  app.get(`/victims/${ID_FILE}`, async (c) => {
    const { id, ext } = split(c.req.param("file"));
    return ext === "csv" ? csvFile(c, await performFor(c, deps, exportVictim, { id })) : jsonDownload(c, `victim-${id}`, await performFor(c, deps, showVictim, { id }));
  });
  app.get(`/victim-lists/${ID_FILE}`, async (c) => {
    const { id, ext } = split(c.req.param("file"));
    return ext === "csv" ? csvFile(c, await performFor(c, deps, exportVictimList, { id })) : jsonDownload(c, `victim-list-${id}`, await performFor(c, deps, showVictimList, { id }));
  });
}
