// Named victims as the registry shows them: a record (a list's row or a document's mention), a
// person, a list, a pair for review and a decision on it, lists against counts, the overlap of
// sources and the estimate from it. Plain zod, shared by the use cases
// (src/services/use-cases/victims.ts), the API's answers and OpenAPI document, the command line's
// tables and the web's types; `.meta({ id })` names each in the OpenAPI document.
import { z } from "zod";

const Sex = z.enum(["male", "female"]);

/** What a record or a person says of the victim besides the name. */
const traits = {
  age: z.number().int().nullable(),
  sex: Sex.nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  event: z.string().nullable(),
  occupation: z.string().nullable(),
  ethnicity: z.string().nullable(),
};

export const VictimRecordSchema = z
  .object({
    key: z.string(),
    kind: z.enum(["row", "mention"]),
    id: z.number().int(),
    source: z.string(),
    network: z.string().nullable(),
    listId: z.number().int().nullable(),
    documentId: z.number().int().nullable(),
    claimId: z.number().int().nullable(),
    line: z.number().int().nullable(),
    span: z.tuple([z.number().int(), z.number().int()]).nullable(),
    name: z.string(),
    ...traits,
    personId: z.number().int().nullable(),
    restricted: z.boolean(),
  })
  .meta({ id: "VictimRecord" });
export type VictimRecordEntity = z.infer<typeof VictimRecordSchema>;

/** A person of the registry: what their records agree on (a viewer sees no restricted record). */
export const VictimPersonSchema = z
  .object({
    id: z.number().int(),
    restricted: z.boolean(),
    name: z.string(),
    names: z.array(z.string()),
    ...traits,
    sources: z.array(z.string()),
    records: z.number().int(),
  })
  .meta({ id: "VictimPerson" });
export type VictimPersonEntity = z.infer<typeof VictimPersonSchema>;

/** One person with every record (the person page). */
export const VictimPersonDetailSchema = z
  .intersection(VictimPersonSchema, z.object({ linkedAt: z.string(), recordList: z.array(VictimRecordSchema) }))
  .meta({ id: "VictimPersonDetail" });

/** The registry, a page at a time, with the total a reader may see. */
export const VictimPersonListSchema = z.object({ total: z.number().int(), persons: z.array(VictimPersonSchema) }).meta({ id: "VictimPersonList" });

export const VictimListSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    source: z.string(),
    network: z.string().nullable(),
    dependsOn: z.array(z.string()),
    documentId: z.number().int().nullable(),
    mapping: z.record(z.string(), z.string()),
    importedAt: z.string(),
    restricted: z.boolean(),
    rows: z.number().int(),
  })
  .meta({ id: "VictimList" });

/** One list with its rows (the list page). */
export const VictimListDetailSchema = z.object({ list: VictimListSchema, records: z.array(VictimRecordSchema) }).meta({ id: "VictimListDetail" });

/** A pair linkage left for review, with the score's reasons. */
export const VictimPairSchema = z
  .object({ a: z.string(), b: z.string(), score: z.number(), class: z.string(), reasons: z.array(z.object({ field: z.string(), points: z.number(), note: z.string() })) })
  .meta({ id: "VictimPair" });

/** A reviewer's decision on two records (kept when undone, marked undone). */
export const VictimDecisionSchema = z
  .object({
    id: z.number().int(),
    a: z.string(),
    b: z.string(),
    same: z.boolean(),
    reason: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.string(),
    undoneBy: z.string().nullable(),
    undoneAt: z.string().nullable(),
  })
  .meta({ id: "VictimDecision" });

/** A claim whose victims the text names: the count against the names. */
export const ListAgainstCountSchema = z.object({
  claimId: z.number().int(),
  count: z.number().int(),
  qualifier: z.string(),
  named: z.number().int(),
  flag: z.enum(["shorter", "longer", "matches"]),
  names: z.array(z.string()),
  quote: z.string(),
});
export const VictimCountsSchema = z.object({ claims: z.array(ListAgainstCountSchema) }).meta({ id: "VictimCounts" });

/** The estimate from the overlap of sources, or why there is none. */
export const VictimEstimateSchema = z
  .union([
    z.object({
      ok: z.literal(true),
      label: z.string(),
      method: z.enum(["chapman", "log-linear"]),
      observed: z.number(),
      estimate: z.number(),
      unseen: z.number(),
      standardError: z.number(),
      interval: z.object({ low: z.number(), high: z.number(), level: z.number(), method: z.string() }),
      model: z.string().optional(),
      criterion: z.enum(["aic", "bic"]).optional(),
      models: z.array(z.object({ name: z.string(), deviance: z.number(), df: z.number(), aic: z.number(), bic: z.number(), estimate: z.number() })).optional(),
      assumptions: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
    z.object({ ok: z.literal(false), reason: z.string(), assumptions: z.array(z.string()) }),
  ])
  .meta({ id: "VictimEstimate" });

/** Which source names whom (one 0/1 column per source, in `sources` order), and the estimate. */
export const VictimOverlapSchema = z.object({
  sources: z.array(z.string()),
  rows: z.array(z.object({ person: z.number().int(), in: z.array(z.number().int()) })),
  histories: z.record(z.string(), z.number().int()),
  estimate: VictimEstimateSchema,
});
export type VictimOverlapEntity = z.infer<typeof VictimOverlapSchema>;
