// Routes over the facts service: facts, one fact, conflicts, timeline, sources, overview.
import { createRoute } from "@hono/zod-openapi";
import * as uc from "../../services/use-cases/facts.js";
import { listSources, overview as overviewCase } from "../../services/use-cases/overview.js";
import { performFor } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import {
  ConflictListSchema,
  ConflictsQuery,
  FactDetailSchema,
  FactListSchema,
  FactRef,
  FactsQuery,
  OverviewQuery,
  OverviewSchema,
  SourcesSchema,
  TimelineQuery,
  TimelineSchema,
} from "../schemas.js";
import { E400, E404, E500, json } from "./common.js";

const listFacts = createRoute({
  method: "get",
  path: "/facts",
  tags: ["facts"],
  summary: "Facts linked from the claims (one per event, place, period and victims) with low/best/high and status; counted by facets when asked",
  request: { query: FactsQuery },
  responses: { 200: json(FactListSchema, "the facts"), ...E400, ...E500 },
});

const getFact = createRoute({
  method: "get",
  path: "/facts/{id}",
  tags: ["facts"],
  summary: "One fact: every voice side by side, the rule for its range, conflicts and revisions",
  request: { params: FactRef },
  responses: { 200: json(FactDetailSchema, "the fact"), ...E400, ...E404, ...E500 },
});

const conflicts = createRoute({
  method: "get",
  path: "/conflicts",
  tags: ["facts"],
  summary: "Contradictions between claims (of a filter, and counted by facets when asked), most consequential first",
  request: { query: ConflictsQuery },
  responses: { 200: json(ConflictListSchema, "the contradictions"), ...E400, ...E500 },
});

const timeline = createRoute({
  method: "get",
  path: "/timeline",
  tags: ["facts"],
  summary: "Figures per year or month for one event and place: each independent network and low/best/high",
  request: { query: TimelineQuery },
  responses: { 200: json(TimelineSchema, "the timeline"), ...E400, ...E500 },
});

const sources = createRoute({
  method: "get",
  path: "/sources",
  tags: ["facts"],
  summary: "The source registry and its networks with the stored claims of each",
  responses: { 200: json(SourcesSchema, "sources and networks"), ...E500 },
});

const overview = createRoute({
  method: "get",
  path: "/overview",
  tags: ["facts"],
  summary: "Key figures, yearly timeline, latest documents and open conflicts for one event and place",
  request: { query: OverviewQuery },
  responses: { 200: json(OverviewSchema, "the overview"), ...E400, ...E500 },
});

export function registerFacts(app: Api, deps: ApiDeps): void {

  app.openapi(listFacts, async (c) => c.json(await performFor(c, deps, uc.listFacts, c.req.valid("query")), 200));

  app.openapi(getFact, async (c) => c.json(await performFor(c, deps, uc.showFact, { id: c.req.valid("param").id }), 200));

  app.openapi(conflicts, async (c) => c.json(await performFor(c, deps, uc.listConflicts, c.req.valid("query")), 200));

  app.openapi(timeline, async (c) => {
    const q = c.req.valid("query");
    const t = await performFor(c, deps, uc.timeline, { event: q.event, place: q.place, by: q.by, ...(q.victims ? { victims: [q.victims] } : {}), ...(q.voices ? { voices: q.voices } : {}), parts: q.parts });
    return c.json(t, 200);
  });

  app.openapi(sources, async (c) => c.json(await performFor(c, deps, listSources, {}), 200));

  app.openapi(overview, async (c) => c.json(await performFor(c, deps, overviewCase, c.req.valid("query")), 200));
}
