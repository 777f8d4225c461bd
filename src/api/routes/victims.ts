// Routes of named victims: the registry of people, one person, the lists, importing a list,
// linking, the review pairs and decisions, the overlap with its estimate, lists against counts,
// and restriction. Each performs a use case of src/services/use-cases/victims.ts (which decides
// the role); viewers never see restricted names (the store scoped to the reader leaves them out).
// The answers' schemas are the entities of src/shared/entities/victim.ts.
import { createRoute, z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../../core/types.js";
import {
  decideVictims, importVictims, linkVictimRecords, listVictimLists, listVictims, restrictVictims, showVictim, showVictimList, undoVictimDecision, victimCounts, victimReviewPairs, victimsOverlap,
} from "../../services/use-cases/victims.js";
import { ImportListOutput, LinkOutput, VICTIM_FIELDS } from "../../services/victims-schemas.js";
import {
  VictimCountsSchema, VictimDecisionSchema, VictimEstimateSchema, VictimListDetailSchema, VictimListSchema, VictimPairSchema, VictimPersonDetailSchema, VictimPersonListSchema,
} from "../../shared/entities/victim.js";
import { performFor, performs } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { E400, E403, E404, E500, json } from "./common.js";

const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: "id", in: "path" }, type: "integer", example: 1 }) });
const List = VictimListSchema;
const Pair = VictimPairSchema;
const Decision = VictimDecisionSchema;
const Estimate = VictimEstimateSchema;
const date = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
const OverlapQuery = z.object({
  event: z.enum(EVENT_TYPES).optional(), place: z.string().max(200).optional(), from: date.optional(), to: date.optional(),
  criterion: z.enum(["aic", "bic"]).default("aic"), lists_only: z.enum(["true", "false"]).default("false"),
});
const ImportBody = z.object({
  fileName: z.string().min(1).max(200), csv: z.string().max(50_000_000).openapi({ description: "the CSV file's text (UTF-8); kept as a document" }), source: z.string().trim().min(1).max(200),
  list: z.string().trim().min(1).max(200).optional(), network: z.string().trim().min(1).max(200).nullable().default(null), dependsOn: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  map: z.record(z.string(), z.enum(VICTIM_FIELDS)).default({}), restricted: z.boolean().default(false),
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

const routes = {
  persons: createRoute({ method: "get", path: "/victims", tags: ["victims"], summary: "The registry of named victims: unique people, a page at a time", request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50).openapi({ type: "integer" }), offset: z.coerce.number().int().min(0).default(0).openapi({ type: "integer" }) }) }, responses: { 200: json(VictimPersonListSchema, "people"), ...E400, ...E500 } }),
  person: createRoute({ method: "get", path: "/victims/{id}", tags: ["victims"], summary: "One person and every record that names them", request: { params: IdParam }, responses: { 200: json(VictimPersonDetailSchema, "the person"), ...E404, ...E500 } }),
  lists: createRoute({ method: "get", path: "/victim-lists", tags: ["victims"], summary: "Imported lists of named victims", responses: { 200: json(z.object({ lists: z.array(List) }), "lists"), ...E500 } }),
  list: createRoute({ method: "get", path: "/victim-lists/{id}", tags: ["victims"], summary: "One imported list with its rows and the people they were linked to", request: { params: IdParam }, responses: { 200: json(VictimListDetailSchema, "the list"), ...E404, ...E500 } }),
  importList: createRoute({ method: "post", path: "/victim-lists", tags: ["victims"], summary: "Import a CSV list (original kept as a document; bad rows reported by line)", request: body(ImportBody), responses: { 200: json(ImportListOutput, "imported"), ...E400, ...E403, ...E500 } }),
  link: createRoute({ method: "post", path: "/victims/link", tags: ["victims"], summary: "Link every list row and mention into the registry (merges and splits audited)", request: body(z.object({ match: z.number().default(5), review: z.number().default(2) })), responses: { 200: json(LinkOutput, "linked"), ...E400, ...E403, ...E500 } }),
  review: createRoute({ method: "get", path: "/victims/review", tags: ["victims"], summary: "Pairs linkage left for review, with the score's reasons (analysts)", request: { query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(50).openapi({ type: "integer" }) }) }, responses: { 200: json(z.object({ pairs: z.array(Pair) }), "pairs"), ...E400, ...E403, ...E500 } }),
  decide: createRoute({ method: "post", path: "/victims/decisions", tags: ["victims"], summary: "Decide whether two records are one person (the next link obeys)", request: body(z.object({ a: z.string().max(40), b: z.string().max(40), same: z.boolean(), reason: z.string().max(2000).nullable().default(null) })), responses: { 200: json(Decision, "the decision"), ...E400, ...E403, ...E500 } }),
  undo: createRoute({ method: "post", path: "/victims/decisions/{id}/undo", tags: ["victims"], summary: "Undo a decision (kept in the trail, marked undone)", request: { params: IdParam }, responses: { 200: json(Decision, "the decision"), ...E403, ...E404, ...E500 } }),
  overlap: createRoute({ method: "get", path: "/victims/overlap", tags: ["victims"], summary: "Which source names whom (one 0/1 column per source) for an event, place and period, and the estimate", request: { query: OverlapQuery }, responses: { 200: json(z.object({ sources: z.array(z.string()), rows: z.array(z.object({ person: z.number().int(), in: z.array(z.number().int()) })), histories: z.record(z.string(), z.number().int()), estimate: Estimate }), "the overlap"), ...E400, ...E500 } }),
  counts: createRoute({ method: "get", path: "/victims/counts", tags: ["victims"], summary: "Claims whose victims the text names: the count against the names (shorter, longer, matches)", responses: { 200: json(VictimCountsSchema, "claims"), ...E500 } }),
  restrict: createRoute({ method: "post", path: "/victims/restrict", tags: ["victims"], summary: "Mark a list, person, row or mention restricted, or release it", request: body(z.object({ type: z.enum(["list", "person", "row", "mention"]), id: z.number().int().min(1), restricted: z.boolean() })), responses: { 200: json(z.object({ ok: z.boolean() }), "done"), ...E400, ...E403, ...E404, ...E500 } }),
};

export function registerVictims(app: Api, deps: ApiDeps): void {
  const run = performFor;
  app.openapi(routes.persons, async (c) => c.json(await run(c, deps, listVictims, c.req.valid("query")), 200));

  app.openapi(routes.lists, async (c) => c.json(await run(c, deps, listVictimLists, {}), 200));

  app.openapi(routes.list, async (c) => c.json(await run(c, deps, showVictimList, { id: c.req.valid("param").id }), 200));

  app.openapi(performs(routes.importList, importVictims), async (c) => {
    const b = c.req.valid("json");
    const r = await run(c, deps, importVictims, {
      fileName: b.fileName, path: null, bytes: new TextEncoder().encode(b.csv), source: b.source, ...(b.list ? { list: b.list } : {}), network: b.network, dependsOn: b.dependsOn, map: b.map,
      restricted: b.restricted, collector: deps.config.collector,
    });
    return c.json(r, 200);
  });

  app.openapi(performs(routes.link, linkVictimRecords), async (c) => c.json(await run(c, deps, linkVictimRecords, c.req.valid("json")), 200));

  app.openapi(performs(routes.review, victimReviewPairs), async (c) => c.json(await run(c, deps, victimReviewPairs, c.req.valid("query")), 200));

  app.openapi(performs(routes.decide, decideVictims), async (c) => c.json(await run(c, deps, decideVictims, c.req.valid("json")), 200));

  app.openapi(performs(routes.undo, undoVictimDecision), async (c) => c.json(await run(c, deps, undoVictimDecision, { id: c.req.valid("param").id }), 200));

  app.openapi(routes.overlap, async (c) => {
    const q = c.req.valid("query");
    const o = await run(c, deps, victimsOverlap, { ...(q.event ? { event: q.event } : {}), ...(q.place ? { place: q.place } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), criterion: q.criterion, listsOnly: q.lists_only === "true" });
    return c.json({ sources: o.sources, rows: o.rows, histories: o.histories, estimate: o.estimate }, 200);
  });

  app.openapi(routes.counts, async (c) => c.json(await run(c, deps, victimCounts, {}), 200));

  app.openapi(performs(routes.restrict, restrictVictims), async (c) => c.json(await run(c, deps, restrictVictims, c.req.valid("json")), 200));

  // Last: /victims/{id} would otherwise take /victims/review, /victims/overlap and /victims/counts.
  app.openapi(routes.person, async (c) => c.json(await run(c, deps, showVictim, { id: c.req.valid("param").id }), 200));
}
