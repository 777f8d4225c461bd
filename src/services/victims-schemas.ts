// The inputs and outputs of the named-victims use cases (shared by `tally victims …` and the API).
import { z } from "zod";
import { EVENT_TYPES } from "../core/types.js";

/** The fields a list's column can map onto. */
export const VICTIM_FIELDS = ["name", "age", "sex", "place", "date", "event", "occupation", "ethnicity"] as const;
export type VictimField = (typeof VICTIM_FIELDS)[number];

/** Import a CSV list: the file's bytes and name, the list's source, and the column mapping. */
export const ImportListInput = z.object({
  fileName: z.string().min(1),
  path: z.string().nullable().default(null),
  bytes: z.instanceof(Uint8Array),
  source: z.string().trim().min(1, "a list needs its source (--source NAME)"),
  /** The list's name; default the source and the file name. */
  list: z.string().trim().min(1).optional(),
  network: z.string().trim().min(1).nullable().default(null),
  dependsOn: z.array(z.string().trim().min(1)).default([]),
  /** CSV column → field; columns named like a field map by themselves. */
  map: z.record(z.string(), z.enum(VICTIM_FIELDS)).default({}),
  restricted: z.boolean().default(false),
  collector: z.string().default("file"),
});
export type ImportListInput = z.input<typeof ImportListInput>;
/** What the use case hands on, checked and with its defaults. */
export type ImportSettings = z.output<typeof ImportListInput>;

/** One row that was not imported, and why. */
export const RowProblem = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export type RowProblem = z.infer<typeof RowProblem>;

export const ImportListOutput = z.object({
  listId: z.number().int(),
  list: z.string(),
  documentId: z.number().int(),
  imported: z.number().int(),
  rejected: z.array(RowProblem),
});
export type ImportListOutput = z.infer<typeof ImportListOutput>;

/** Run linkage: thresholds of the score. */
export const LinkInput = z.object({
  match: z.number().default(5),
  review: z.number().default(2),
});
export type LinkInput = z.input<typeof LinkInput>;
/** What the use case hands on, checked and with its defaults. */
export type LinkSettings = z.output<typeof LinkInput>;

export const LinkOutput = z.object({
  records: z.number().int(),
  persons: z.number().int(),
  compared: z.number().int(),
  review: z.number().int(),
  created: z.number().int(),
  merges: z.array(z.object({ into: z.number().int(), from: z.array(z.number().int()) })),
  splits: z.array(z.object({ from: z.number().int(), into: z.array(z.number().int()) })),
  removed: z.array(z.number().int()),
  seconds: z.number(),
});
export type LinkOutput = z.infer<typeof LinkOutput>;

/** A reviewer's decision on two records ("row:12", "mention:7"). */
export const DecideInput = z.object({
  a: z.string().regex(/^(?:row|mention):\d+$/, "a record is row:ID or mention:ID"),
  b: z.string().regex(/^(?:row|mention):\d+$/, "a record is row:ID or mention:ID"),
  same: z.boolean(),
  reason: z.string().nullable().default(null),
});
export type DecideInput = z.input<typeof DecideInput>;
/** What the use case hands on, checked and with its defaults. */
export type DecideSettings = z.output<typeof DecideInput>;

/** The scope of an overlap: event, place (with everything inside it), period. */
export const OverlapInput = z.object({
  event: z.enum(EVENT_TYPES).optional(),
  place: z.string().trim().min(1).optional(),
  from: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD").optional(),
  to: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD").optional(),
  criterion: z.enum(["aic", "bic"]).default("aic"),
  /** Count only imported lists (not the sources of mentions in documents). */
  listsOnly: z.boolean().default(false),
});
export type OverlapInput = z.input<typeof OverlapInput>;
/** What the use case hands on, checked and with its defaults. */
export type OverlapScope = z.output<typeof OverlapInput>;

export const PageInput = z.object({ limit: z.number().int().min(1).max(1000).default(50), offset: z.number().int().min(0).default(0) });
export type PageInput = z.input<typeof PageInput>;
/** What the use case hands on, checked and with its defaults. */
export type Page = z.output<typeof PageInput>;
