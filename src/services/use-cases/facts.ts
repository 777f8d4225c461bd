// Use cases of reading facts: the facts of a filter, one fact side by side, the contradictions,
// a timeline. `tally facts|fact|conflicts|timeline` and GET /facts, /facts/{id}, /conflicts and
// /timeline perform these, each from the facts its context links (see CaseContext.facts).
import { z } from "zod";
import { EVENT_TYPES, VICTIM_GROUPS } from "../../core/types.js";
import { ConflictSchema, FactDetailSchema, FactSummarySchema, TimelineSchema, type FactsStatusEntity } from "../../shared/entities/fact.js";
import { NotFound } from "../../shared/errors.js";
import { CONFLICT_FACETS, CONFLICT_KINDS, CONFLICT_SEVERITIES, FACT_FACETS, FACT_STATUSES } from "../../shared/facets.js";
import { FactsService, type FactsQueries } from "../facts.js";
import type { ScopedContext } from "./use-case.js";
import { useCase } from "./use-case.js";

/** The facts the caller's store answers from (the server's provider, or the stored facts read here). */
export function factsOf(ctx: ScopedContext): Promise<FactsQueries> {
  return ctx.facts ? ctx.facts(ctx.store) : FactsService.open(ctx.store, ctx.dataDir);
}

/** Facts to answer from at once, and how current they are (the server's provider; else the stored facts, fresh). */
export async function snapshotOf(ctx: ScopedContext): Promise<{ facts: FactsQueries | null; status: FactsStatusEntity }> {
  return ctx.snapshot ? ctx.snapshot(ctx.store) : { facts: await factsOf(ctx), status: { state: "fresh", linkedAt: new Date().toISOString() } };
}

/** A list of facet names, comma-separated or as an array, each one of `allowed`. */
function facetList<const T extends readonly [string, ...string[]]>(allowed: T) {
  return z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((e) => e.trim()).filter((e) => e !== "") : v),
      z.array(z.enum(allowed, { error: `facets must be one or more of ${allowed.join(", ")}, comma-separated` })),
    )
    .optional();
}

/** Per field, its values among every matching item and how many have each, most first. */
export const FacetsOutput = z.record(z.string(), z.array(z.object({ value: z.string().nullable(), count: z.number().int(), label: z.string().optional() }))).optional();

const scopeFilters = {
  event: z.enum(EVENT_TYPES).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  place: z.string().optional(),
  source: z.string().optional(),
  victims: z.enum(VICTIM_GROUPS).optional(),
};

/** Drops the fields not given (the facts service's filters have no undefined fields). */
function given<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The facts of a filter (every field narrows the set; a page of them with `limit` and `offset`, and
 * how many match) and, with `facets`, all the matching facts counted by those fields (from the facts already linked; a fact counts under its place and the
 * places containing it, and under each year its period touches).
 */
export const listFacts = useCase({
  name: "facts.list",
  role: "viewer",
  input: z.object({
    ...scopeFilters,
    status: z.enum(FACT_STATUSES).optional(),
    language: z.string().trim().toLowerCase().regex(/^([a-z]{2,3}|unknown)$/, "language must be a language code such as en, fa, ar or fr, or unknown").optional(),
    facets: facetList(FACT_FACETS),
    /** A page of the matching facts (default: all of them); the total and the facets count them all. */
    limit: z.number().int().min(1).max(10_000).optional(),
    offset: z.number().int().min(0).default(0),
    order: z.enum(["scope", "consequential"]).default("scope"),
  }),
  output: z.object({ total: z.number().int(), limit: z.number().int().nullable(), offset: z.number().int(), facts: z.array(FactSummarySchema), facets: FacetsOutput }),
  async run(ctx, { facets: fields, limit, offset, order, ...rest }) {
    const facts = await factsOf(ctx);
    const filters = given(rest);
    const [page, facets] = await Promise.all([
      facts.factsPage(filters, { ...(limit !== undefined ? { limit } : {}), offset, order }),
      fields && fields.length > 0 ? facts.factFacets(filters, fields) : null,
    ]);
    return { total: page.total, limit: limit ?? null, offset, facts: page.facts, ...(facets ? { facets } : {}) };
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

/**
 * The contradictions between claims of a filter (all without one), most consequential first; the
 * event, dates, place and victims ask one of the facts a contradiction touches to be in that scope,
 * the source one of its claims to be heard from it. With `facets`, the matching contradictions
 * counted by those fields.
 */
export const listConflicts = useCase({
  name: "facts.conflicts",
  role: "viewer",
  input: z.object({ ...scopeFilters, severity: z.enum(CONFLICT_SEVERITIES).optional(), kind: z.enum(CONFLICT_KINDS).optional(), facets: facetList(CONFLICT_FACETS) }),
  output: z.object({ conflicts: z.array(ConflictSchema), facets: FacetsOutput }),
  async run(ctx, { facets: fields, ...rest }) {
    const facts = await factsOf(ctx);
    const filters = given(rest);
    const [list, facets] = await Promise.all([facts.conflicts(filters), fields && fields.length > 0 ? facts.conflictFacets(filters, fields) : null]);
    return { conflicts: list, ...(facets ? { facets } : {}) };
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
