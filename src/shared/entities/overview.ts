// The source registry beside the store (GET /sources, `tally sources`) and the overview of one
// event and place (GET /overview, the dashboard's first page). Plain zod, shared by the use cases
// (src/services/use-cases/overview.ts), the API's answers and OpenAPI document, and the pages' types.
import { z } from "zod";
import { EVENT_TYPES } from "../../core/types.js";
import { DocumentSummarySchema } from "./document.js";
import { ConflictSchema, FactsStatusSchema, TimelineSchema } from "./fact.js";

export const SourcesSchema = z
  .object({
    sources: z.array(
      z.object({ id: z.string(), short: z.string(), name: z.string(), kind: z.string(), network: z.string(), networkName: z.string(), aliases: z.array(z.string()), claims: z.number().int() }),
    ),
    networks: z.array(z.object({ id: z.string(), name: z.string(), note: z.string().nullable(), sources: z.array(z.string()), claims: z.number().int() })),
    unregistered: z.array(z.object({ name: z.string(), claims: z.number().int() })),
    uncredited: z.number().int(),
  })
  .meta({ id: "Sources" });

export const OverviewSchema = z
  .object({
    event: z.enum(EVENT_TYPES),
    place: z.string(),
    factsStatus: FactsStatusSchema,
    figures: z.object({
      documents: z.number().int(),
      claims: z.number().int(),
      facts: z.number().int().nullable().meta({ description: "null while the first linking runs (factsStatus.state = linking); likewise conflicts and sources" }),
      conflicts: z.number().int().nullable(),
      sources: z.number().int().nullable(),
    }),
    byYear: z.array(z.object({ year: z.number().int().nullable(), claims: z.number().int() })),
    timeline: TimelineSchema,
    latestDocuments: z.array(DocumentSummarySchema),
    conflicts: z.array(ConflictSchema),
  })
  .meta({ id: "Overview" });
export type OverviewEntity = z.infer<typeof OverviewSchema>;
