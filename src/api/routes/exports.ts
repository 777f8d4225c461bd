// Every list as a table to download (Datasette's convention): `/facts.csv`, `/conflicts.csv` and
// `/timeline.csv` take the query of `/facts`, `/conflicts` and `/timeline` and give exactly their
// rows as CSV, in their order (columns as `tally facts|conflicts|timeline --format csv`). The JSON
// is the list's own answer; `/documents.csv` and `/exports/claims` are beside their lists.
import { createRoute, z } from "@hono/zod-openapi";
import { conflictsCsv, factsCsv, timelineCsv } from "../../services/fact-views-csv.js";
import { storeOf } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { scopeOf } from "../facts-provider.js";
import { ConflictsQuery, FactsQuery, TimelineQuery } from "../schemas.js";
import { E400, E500 } from "./common.js";

const csv = (what: string) => ({ 200: { description: `${what} as CSV`, content: { "text/csv": { schema: z.string() } } }, ...E400, ...E500 });

const factsCsvRoute = createRoute({ method: "get", path: "/facts.csv", tags: ["facts"], summary: "The facts of `/facts` (same query) as CSV", request: { query: FactsQuery }, responses: csv("the facts") });
const conflictsCsvRoute = createRoute({ method: "get", path: "/conflicts.csv", tags: ["facts"], summary: "The contradictions of `/conflicts` (same query) as CSV, most consequential first", request: { query: ConflictsQuery }, responses: csv("the contradictions") });
const timelineCsvRoute = createRoute({ method: "get", path: "/timeline.csv", tags: ["facts"], summary: "The timeline of `/timeline` (same query) as CSV: one row per period, one column per voice", request: { query: TimelineQuery }, responses: csv("the timeline") });

/** A CSV download named `tally-<name>.csv`. */
const headers = (name: string) => ({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="tally-${name}.csv"`, "Cache-Control": "no-store" });

export function registerExports(app: Api, deps: ApiDeps): void {
  app.openapi(factsCsvRoute, async (c) => {
    const { facets: _, ...filters } = c.req.valid("query");
    const facts = await (await deps.facts.service(scopeOf(storeOf(c)))).listFacts(filters);
    return c.body(`${factsCsv(facts)}\r\n`, 200, headers("facts"));
  });
  app.openapi(conflictsCsvRoute, async (c) => {
    const { facets: _, ...filters } = c.req.valid("query");
    const conflicts = await (await deps.facts.service(scopeOf(storeOf(c)))).conflicts(filters);
    return c.body(`${conflictsCsv(conflicts)}\r\n`, 200, headers("conflicts"));
  });
  app.openapi(timelineCsvRoute, async (c) => {
    const q = c.req.valid("query");
    const t = await (await deps.facts.service(scopeOf(storeOf(c)))).timeline({ event: q.event, place: q.place, by: q.by, ...(q.victims ? { victims: [q.victims] } : {}), ...(q.voices ? { voices: q.voices } : {}), parts: q.parts });
    return c.body(`${timelineCsv(t)}\r\n`, 200, headers(`timeline-${q.event}`));
  });
}
