// The country-year fact sheet (services/report.ts): as JSON for the web's report page, and as the
// Markdown and standalone HTML `tally report` prints, to download. And a source's page.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { EVENT_TYPES } from "../../core/types.js";
import { ReportOutput } from "../../services/report.js";
import { reportHtml, reportMarkdown } from "../../services/report-render.js";
import { SourcePageOutput } from "../../services/source-page.js";
import { report, sourcePage } from "../../services/use-cases/reports.js";
import { performFor } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { E400, E404, E500, json } from "./common.js";

export const ReportQuery = z.object({
  place: z.string().trim().min(1).max(200).openapi({ example: "Iran", description: "the place (any case, aliases; places inside it count)" }),
  year: z.coerce.number().int().min(1900).max(2100).openapi({ type: "integer", example: 2024 }),
  event: z.enum(EVENT_TYPES).optional().openapi({ description: "only this event type" }),
});

const reportJson = createRoute({
  method: "get",
  path: "/report",
  tags: ["reports"],
  summary: "A fact sheet for a place and a year: timelines with each voice and the band, facts with every quote cited, conflicts, sources, documents",
  request: { query: ReportQuery },
  responses: { 200: json(ReportOutput, "the fact sheet"), ...E400, ...E500 },
});

const reportMd = createRoute({
  method: "get",
  path: "/report.md",
  tags: ["reports"],
  summary: "The fact sheet as Markdown (as `tally report --format md`)",
  request: { query: ReportQuery },
  responses: { 200: { description: "Markdown", content: { "text/markdown": { schema: z.string() } } }, ...E400, ...E500 },
});

const reportPage = createRoute({
  method: "get",
  path: "/report.html",
  tags: ["reports"],
  summary: "The fact sheet as a standalone, printable HTML page (as `tally report --format html`), to download",
  request: { query: ReportQuery },
  responses: { 200: { description: "HTML", content: { "text/html": { schema: z.string() } } }, ...E400, ...E500 },
});

export function registerReport(app: Api, deps: ApiDeps): void {
  const build = (c: Context, query: z.infer<typeof ReportQuery>) => performFor(c, deps, report, query);
  const file = (q: { place: string; year: number }, ext: string) => `tally-report-${q.place.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${q.year}.${ext}`;
  app.openapi(reportJson, async (c) => c.json(await build(c, c.req.valid("query")), 200));
  app.openapi(reportMd, async (c) => {
    const r = await build(c, c.req.valid("query"));
    return c.body(reportMarkdown(r), 200, { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${file(r, "md")}"` });
  });
  app.openapi(reportPage, async (c) => {
    const r = await build(c, c.req.valid("query"));
    // A download, opened from disk: served here it would meet the API's policy against inline styles.
    return c.body(reportHtml(r), 200, { "Content-Type": "text/html; charset=utf-8", "Content-Disposition": `attachment; filename="${file(r, "html")}"` });
  });
}

/** The fact sheet as `/report` answers it (for the web's report page). */
export type ReportAnswer = z.infer<typeof ReportOutput>;

const SourceParam = z.object({ name: z.string().trim().min(1).max(200).openapi({ param: { name: "name", in: "path" }, example: "IHRNGO" }) });

const sourceRoute = createRoute({
  method: "get",
  path: "/sources/{name}",
  tags: ["reports"],
  summary: "One source: registry entry and network, its figures fact by fact beside the other networks', its claims, where it was contradicted",
  request: { params: SourceParam },
  responses: { 200: json(SourcePageOutput, "the source"), ...E400, ...E404, ...E500 },
});

/** A source's page (services/source-page.ts). */
export function registerSourcePage(app: Api, deps: ApiDeps): void {
  app.openapi(sourceRoute, async (c) => {
    return c.json(await performFor(c, deps, sourcePage, { name: c.req.valid("param").name }), 200);
  });
}

/** A source's page as `/sources/{name}` answers it. */
export type SourceAnswer = z.infer<typeof SourcePageOutput>;
