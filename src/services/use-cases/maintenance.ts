// Use cases of keeping the ledger: verifying the audit trail, linking the stored facts anew, and
// loading a reference dataset. `tally audit verify`, `tally facts rebuild` and
// `tally reference load` perform these.
import { z } from "zod";
import type { AuditReport } from "../../store/index.js";
import { syncFacts } from "../fact-sync.js";
import { loadReference, REFERENCE_DATASETS } from "../reference.js";
import { loadRegistry } from "../registry-file.js";
import { useCase } from "./use-case.js";

/** Recomputes the audit trail's hash chain and re-hashes every document and claim against it. */
export const verifyAudit = useCase({
  name: "audit.verify",
  role: "analyst",
  input: z.object({}),
  output: z.custom<AuditReport>((v) => typeof v === "object" && v !== null),
  run: ({ store }) => store.verifyAudit(),
});

const SyncReportSchema = z.object({
  audience: z.enum(["full", "public"]),
  mode: z.enum(["current", "update", "rebuild"]),
  seq: z.number().int(),
  documents: z.number().int(),
  facts: z.number().int().nullable(),
  ms: z.number(),
});

/** Links every stored claim again into the stored facts of both audiences. */
export const rebuildFacts = useCase({
  name: "facts.rebuild",
  role: "admin",
  input: z.object({}),
  output: z.object({ rebuilt: z.array(SyncReportSchema) }),
  async run({ store, dataDir }) {
    return { rebuilt: await syncFacts(store, await loadRegistry(dataDir), { rebuild: true }) };
  },
});

/** Loads a reference dataset shipped with Tally as documents and claims (idempotent). */
export const loadReferenceDataset = useCase({
  name: "reference.load",
  role: "analyst",
  // Any name: an unknown one is refused by the loader with the datasets it knows.
  input: z.object({ dataset: z.string().min(1).default(REFERENCE_DATASETS[0]) }),
  output: z.object({ dataset: z.string(), entries: z.number().int(), created: z.number().int(), existing: z.number().int(), claims: z.number().int() }),
  run: ({ store }, { dataset }) => loadReference(store, dataset),
});

/** Re-runs the current extractor over every stored document (no refetching); `progress` is told the documents done. */
export const reextract = useCase({
  name: "documents.reextract",
  role: "analyst",
  input: z.object({ progress: z.custom<(documents: number) => void>((v) => typeof v === "function").optional() }),
  output: z.object({ documents: z.number().int(), claims: z.number().int(), before: z.number().int(), unsupported: z.record(z.string(), z.number().int()) }),
  async run({ store }, { progress }) {
    const { reextractAll } = await import("../../pipeline/reextract.js"); // the extractor, loaded for this use case only
    return reextractAll(store, progress);
  },
});
