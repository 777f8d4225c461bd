// Use cases of reading facts: the facts of a filter, one fact side by side, the contradictions,
// a timeline. `tally facts|fact|conflicts|timeline` and GET /facts, /facts/{id}, /conflicts and
// /timeline perform these, each from the facts its context links (see CaseContext.facts).
import { z } from "zod";
import { EVENT_TYPES, VICTIM_GROUPS } from "../../core/types.js";
import { ConflictSchema, FactDetailSchema, FactSummarySchema, TimelineSchema } from "../../shared/entities/fact.js";
import { NotFound } from "../../shared/errors.js";
import { FactsService, type FactsQueries } from "../facts.js";
import type { ScopedContext } from "./use-case.js";
import { useCase } from "./use-case.js";

/** The facts the caller's store answers from. */
/** The facts the caller's store answers from (the server's provider, or the stored facts read here). */
export function factsOf(ctx: ScopedContext): Promise<FactsQueries> {
  return ctx.facts ? ctx.facts(ctx.store) : FactsService.open(ctx.store, ctx.dataDir);
}

/** The facts of a filter (every field narrows the set). */
export const listFacts = useCase({
  name: "facts.list",
  role: "viewer",
  input: z.object({
    event: z.enum(EVENT_TYPES).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    place: z.string().optional(),
    source: z.string().optional(),
    victims: z.enum(VICTIM_GROUPS).optional(),
  }),
  output: z.object({ facts: z.array(FactSummarySchema) }),
  async run(ctx, filters) {
    return { facts: await (await factsOf(ctx)).listFacts(filters) };
  },
});

/** One fact by id (or a unique prefix of at least 6 characters): every voice side by side, its rule, its contradictions. */
export const showFact = useCase({
  name: "facts.show",
  role: "viewer",
  input: z.object({ id: z.string().min(1) }),
  output: FactDetailSchema,
  async run(ctx, { id }) {
    const fact = await (await factsOf(ctx)).getFact(id);
    if (!fact) throw new NotFound("fact", id, "id", `no fact ${id}`);
    return fact;
  },
});

/** The contradictions between claims, most consequential first. */
export const listConflicts = useCase({
  name: "facts.conflicts",
  role: "viewer",
  input: z.object({}),
  output: z.object({ conflicts: z.array(ConflictSchema) }),
  async run(ctx) {
    return { conflicts: await (await factsOf(ctx)).conflicts() };
  },
});

/** Figures per year or month for one event and place: each independent network, and low / best / high. */
export const timeline = useCase({
  name: "facts.timeline",
  role: "viewer",
  input: z.object({
    event: z.enum(EVENT_TYPES),
    place: z.string().min(1),
    by: z.enum(["year", "month"]).default("year"),
    parts: z.enum(["none", "show", "sum"]).default("none"),
    victims: z.array(z.enum(VICTIM_GROUPS)).optional(),
    voices: z.number().int().min(1).optional(),
  }),
  output: TimelineSchema,
  async run(ctx, query) {
    return (await factsOf(ctx)).timeline(query);
  },
});
