// What an ingest stored (POST /ingest, /ingest/url): the run's summary, one event per input, and
// the documents it stored. Plain zod, shared by the ingest use cases, the API and the pages.
import { z } from "zod";

export const IngestSummarySchema = z.object({
  new: z.number().int(),
  duplicate: z.number().int(),
  failed: z.number().int(),
  claims: z.number().int(),
  related: z.number().int(),
  unsupported: z.record(z.string(), z.number().int()).meta({ description: "new documents stored without claims because their language has no extraction rules, by language" }),
});

export const IngestEventSchema = z.object({
  name: z.string(),
  status: z.enum(["new", "duplicate", "failed"]),
  claims: z.number().int(),
  message: z.string().optional(),
  language: z.string().nullable().optional(),
  unsupported: z.string().optional().meta({ example: "no claims extracted: language Turkish has no extraction rules" }),
  notice: z.string().optional().meta({ example: "no text layer (a scanned PDF?): stored without claims" }),
});

export const StoredDocumentRefSchema = z.object({ id: z.number().int(), sha256: z.string(), name: z.string() });

export const IngestResultSchema = z
  .object({ summary: IngestSummarySchema, events: z.array(IngestEventSchema), documents: z.array(StoredDocumentRefSchema) })
  .meta({ id: "IngestResult" });
