// Every list as a table to download (Datasette's convention): `/facts.csv`, `/conflicts.csv` and
// `/timeline.csv` take the query of `/facts`, `/conflicts` and `/timeline` and give exactly their
// rows as CSV, in their order (columns as `tally facts|conflicts|timeline --format csv`). The JSON
// is the list's own answer; `/documents.csv` and `/exports/claims` are beside their lists. Each
// performs an export use case (src/services/use-cases/exports.ts) and writes its table.
import { createRoute, z } from "@hono/zod-openapi";
import { exportConflicts, exportFacts, exportTimeline } from "../../services/use-cases/exports.js";
import { csvOf, type CsvTable } from "../../shared/entities/fact-csv.js";
import { performFor } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { ConflictsQuery, FactsQuery, TimelineQuery } from "../schemas.js";
import { E400, E500 } from "./common.js";

const csv = (what: string) => ({ 200: { description: `${what} as CSV`, content: { "text/csv": { schema: z.string() } } }, ...E400, ...E500 });

const factsCsvRoute = createRoute({ method: "get", path: "/facts.csv", tags: ["facts"], summary: "The facts of `/facts` (same query) as CSV", request: { query: FactsQuery }, responses: csv("the facts") });
const conflictsCsvRoute = createRoute({ method: "get", path: "/conflicts.csv", tags: ["facts"], summary: "The contradictions of `/conflicts` (same query) as CSV, most consequential first", request: { query: ConflictsQuery }, responses: csv("the contradictions") });
const timelineCsvRoute = createRoute({ method: "get", path: "/timeline.csv", tags: ["facts"], summary: "The timeline of `/timeline` (same query) as CSV: one row per period, one column per voice", request: { query: TimelineQuery }, responses: csv("the timeline") });

/** A table as a CSV download named `tally-<name>.csv`. */
const download = (t: CsvTable) => ({
  body: `${csvOf(t)}\r\n`,
  headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="tally-${t.name}.csv"`, "Cache-Control": "no-store" },
});

export function registerExports(app: Api, deps: ApiDeps): void {
  app.openapi(factsCsvRoute, async (c) => {
    const { facets: _, ...filters } = c.req.valid("query");
    const { body, headers } = download(await performFor(c, deps, exportFacts, filters));
    return c.body(body, 200, headers);
  });
  app.openapi(conflictsCsvRoute, async (c) => {
    const { facets: _, ...filters } = c.req.valid("query");
    const { body, headers } = download(await performFor(c, deps, exportConflicts, filters));
    return c.body(body, 200, headers);
  });
  app.openapi(timelineCsvRoute, async (c) => {
    const q = c.req.valid("query");
    const t = await performFor(c, deps, exportTimeline, { event: q.event, place: q.place, by: q.by, ...(q.victims ? { victims: [q.victims] } : {}), ...(q.voices ? { voices: q.voices } : {}), parts: q.parts });
    const { body, headers } = download(t);
    return c.body(body, 200, headers);
  });
}
