// Permalinks and single-item exports (Datasette's convention): `/conflicts/{id}` answers one
// conflict, and `/facts/{id}.csv|.json` and `/conflicts/{id}.csv|.json` download one fact or one
// conflict as its page shows it (the JSON is the item's own answer; the CSV a row per claim).
// Registered before the facts routes, which would take `/facts/{id}.csv` for a fact id.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { conflictCsv, factCsv } from "../../services/fact-views-csv.js";
import { showConflict } from "../../services/use-cases/conflict.js";
import { showFact } from "../../services/use-cases/facts.js";
import { ConflictSchema } from "../../shared/entities/fact.js";
import { performFor } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { E400, E404, E500, json } from "./common.js";

const ConflictRef = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: "id", in: "path" }, example: "con_3f9a0c1d2b4e5f60" }) });

const getConflict = createRoute({
  method: "get",
  path: "/conflicts/{id}",
  tags: ["facts"],
  summary: "One contradiction between claims (its permalink; `/conflicts/{id}.csv` and `.json` download it)",
  request: { params: ConflictRef },
  responses: { 200: json(ConflictSchema, "the conflict"), ...E400, ...E404, ...E500 },
});

/** A download named `tally-<name>.<ext>`. */
function download(c: Context, name: string, ext: "csv" | "json", body: string) {
  const type = ext === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
  return c.body(body, 200, { "Content-Type": type, "Content-Disposition": `attachment; filename="tally-${name.replace(/[^\w.-]/g, "_")}.${ext}"`, "Cache-Control": "no-store" });
}

/** The id and the format of `<id>.csv` or `<id>.json`. */
function split(file: string): { id: string; ext: "csv" | "json" } {
  const dot = file.lastIndexOf(".");
  return { id: file.slice(0, dot), ext: file.slice(dot + 1) === "csv" ? "csv" : "json" };
}

export function registerPermalinks(app: Api, deps: ApiDeps): void {
  app.get("/facts/:file{.+\\.(?:csv|json)}", async (c) => {
    const { id, ext } = split(c.req.param("file"));
    const fact = await performFor(c, deps, showFact, { id });
    return download(c, `fact-${id}`, ext, ext === "csv" ? `${factCsv(fact)}\r\n` : JSON.stringify(fact));
  });
  app.get("/conflicts/:file{.+\\.(?:csv|json)}", async (c) => {
    const { id, ext } = split(c.req.param("file"));
    const conflict = await performFor(c, deps, showConflict, { id });
    return download(c, `conflict-${id}`, ext, ext === "csv" ? `${conflictCsv(conflict)}\r\n` : JSON.stringify(conflict));
  });
  app.openapi(getConflict, async (c) => c.json(await performFor(c, deps, showConflict, { id: c.req.valid("param").id }), 200));
}
