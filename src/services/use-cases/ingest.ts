// Use cases of ingest: files, folders, URLs and feeds as `tally ingest` reads them; a document
// uploaded to the server; a URL the server fetches. Each goes through the same pipeline
// (src/pipeline/ingest.ts). `tally ingest`, POST /ingest and POST /ingest/url perform these; the
// command line loads this module only when it ingests.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Config } from "../../config.js";
import { ingest, type IngestEvent } from "../../pipeline/ingest.js";
import { IngestSummarySchema, IngestResultSchema } from "../../shared/entities/ingest.js";
import { useCase } from "./use-case.js";

const fn = <T>() => z.custom<T>((v) => typeof v === "function");
const settings = z.custom<Config>((v) => typeof v === "object" && v !== null);
const metadata = { published: z.string().nullable().default(null), publisher: z.string().nullable().default(null) };

/** Files, folders (with a manifest), URLs and feeds, stored with their claims; the caller's name is the collector. */
export const ingestInputs = useCase({
  name: "ingest.inputs",
  role: "analyst",
  input: z.object({
    inputs: z.array(z.string()).min(1),
    /** The pipeline's settings (workers, write batch, fetching). */
    config: settings,
    manifestPath: z.string().optional(),
    ...metadata,
    onEvent: fn<(e: IngestEvent) => void>().optional(),
    onTotal: fn<(n: number) => void>().optional(),
  }),
  output: IngestSummarySchema,
  run: ({ store, caller }, i) =>
    ingest(i.inputs, store, {
      config: { ...i.config, collector: caller.name },
      ...(i.manifestPath ? { manifestPath: i.manifestPath } : {}),
      published: i.published,
      publisher: i.publisher,
      ...(i.onEvent ? { onEvent: i.onEvent } : {}),
      ...(i.onTotal ? { onTotal: i.onTotal } : {}),
    }),
});

/** What an ingest through the server stored, or why it stored nothing (`failed`: the message). */
const ServerIngest = IngestResultSchema.extend({ failed: z.string().nullable() });

/**
 * A document uploaded to the server (its name made safe, its type checked by the route): written
 * under <data>/uploads (kept only when new), stored with its claims, collected as "<name> (web upload)".
 */
export const ingestUpload = useCase({
  name: "ingest.upload",
  role: "analyst",
  input: z.object({ name: z.string().min(1), bytes: z.instanceof(Uint8Array), config: settings, ...metadata }),
  output: ServerIngest,
  async run({ store, caller, dataDir }, { name, bytes, config, published, publisher }) {
    const dir = join(dataDir, "uploads", `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`);
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    await writeFile(path, bytes);
    const events: IngestEvent[] = [];
    let summary;
    try {
      summary = await ingest([path], store, { config: { ...config, collector: `${caller.name} (web upload)` }, published, publisher, onEvent: (e) => events.push(e) });
    } finally {
      // The original bytes are in the store; the copy on disk is kept only for new documents.
      if (!events.some((e) => e.status === "new")) await rm(dir, { recursive: true, force: true });
    }
    const failed = events.find((e) => e.status === "failed");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const doc = failed ? null : await store.getDocument(sha256);
    return {
      summary,
      events: events.map((e) => ({ ...e, name })),
      documents: doc ? [{ id: doc.id, sha256: doc.sha256, name: doc.name }] : [],
      failed: failed ? (failed.message ?? "the document could not be read").replaceAll(dir, "").replace(/^\/+/, "") : null,
    };
  },
});

/**
 * A page, text or feed the server fetches by URL, collected as "<name> (web)". Users of the server
 * must not make it reach the machine's own or its network's services unless the server allows it.
 */
export const ingestUrl = useCase({
  name: "ingest.url",
  role: "analyst",
  input: z.object({ url: z.string().min(1), config: settings, ...metadata }),
  output: ServerIngest,
  async run({ store, caller }, { url, config, published, publisher }) {
    const events: IngestEvent[] = [];
    const summary = await ingest([url], store, {
      config: { ...config, collector: `${caller.name} (web)`, fetch: { ...config.fetch, blockPrivate: !config.serverAllowsPrivateUrls } },
      published,
      publisher,
      onEvent: (e) => events.push(e),
    });
    if (summary.new === 0 && summary.duplicate === 0) {
      return { summary, events, documents: [], failed: events.find((e) => e.status === "failed")?.message ?? "nothing could be read from the URL" };
    }
    const newest = summary.new > 0 ? await store.listDocuments({ limit: summary.new, offset: 0 }) : [];
    return { summary, events, documents: newest.map((d) => ({ id: d.id, sha256: d.sha256, name: d.name })), failed: null };
  },
});
