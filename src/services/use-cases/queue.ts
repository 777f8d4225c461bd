// Use cases of the ingest job queue (PostgreSQL only): enqueue documents for workers, and run a
// worker over the queue until it is stopped or empty. `tally ingest --queue` and `tally worker`
// perform these; the queue itself (pg-boss) is opened here, for the run, and loaded only by them.
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { Config } from "../../config.js";
import type { IngestEvent } from "../../pipeline/ingest.js";
import type { IngestJob } from "../../pipeline/queue.js";
import { IngestSummarySchema } from "../../shared/entities/ingest.js";
import { Invalid } from "../../shared/errors.js";
import { useCase } from "./use-case.js";

const fn = <T>() => z.custom<T>((v) => typeof v === "function");
const settings = z.custom<Config>((v) => typeof v === "object" && v !== null);

/** The queue's database: the configured PostgreSQL store (the embedded SQLite store has no queue). */
function queueUrl(config: Config): string {
  if (!config.databaseUrl) throw new Invalid("the job queue needs the PostgreSQL store; the embedded SQLite store has no job queue", "config");
  return config.databaseUrl;
}

/** Opens the queue for `run` and always closes it. */
async function withQueue<T>(config: Config, onError: ((e: Error) => void) | undefined, run: (boss: PgBoss) => Promise<T>): Promise<T> {
  const { openQueue } = await import("../../pipeline/queue.js");
  const boss = await openQueue(queueUrl(config), onError ? { onError } : {});
  try {
    return await run(boss);
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
}

export const EnqueueResultSchema = z.object({
  enqueued: z.number().int(),
  /** Inputs that could not be enqueued (an unreadable folder, a bad manifest entry). */
  errors: z.array(z.object({ name: z.string(), message: z.string() })),
});

/** Files (folders expanded, manifest entries carried), URLs and feeds as one job each; the caller's name is the collector. */
export const enqueueIngest = useCase({
  name: "ingest.enqueue",
  role: "analyst",
  input: z.object({
    inputs: z.array(z.string()).min(1),
    config: settings,
    manifestPath: z.string().optional(),
    published: z.string().nullable().default(null),
    publisher: z.string().nullable().default(null),
    /** Told of the queue's own errors (a lost connection) while it is open. */
    onQueueError: fn<(e: Error) => void>().optional(),
  }),
  output: EnqueueResultSchema,
  run: ({ caller }, i) =>
    withQueue(i.config, i.onQueueError, async (boss) => {
      const { enqueueInputs } = await import("../../pipeline/queue.js");
      return enqueueInputs(boss, i.inputs, {
        config: { ...i.config, collector: caller.name },
        ...(i.manifestPath ? { manifestPath: i.manifestPath } : {}),
        published: i.published,
        publisher: i.publisher,
      });
    }),
});

export const WorkerSummarySchema = IngestSummarySchema.extend({ jobs: z.number().int(), failedJobs: z.number().int() });

/** Processes queued jobs with the ingest pipeline until `signal` stops it or, with `once`, the queue is empty. */
export const runIngestWorker = useCase({
  name: "ingest.worker",
  role: "analyst",
  input: z.object({
    config: settings,
    /** Batches of jobs processed at once by this process. */
    concurrency: z.number().int().min(1).max(64).default(2),
    /** Jobs taken from the queue at once and ingested together. */
    batchSize: z.number().int().min(1).max(10_000).default(200),
    once: z.boolean().default(false),
    /** Aborting finishes the jobs under way, then the worker returns. */
    signal: z.instanceof(AbortSignal).optional(),
    onEvent: fn<(e: IngestEvent, job: IngestJob) => void>().optional(),
    onQueueError: fn<(e: Error) => void>().optional(),
  }),
  output: WorkerSummarySchema,
  run: ({ store }, i) =>
    withQueue(i.config, i.onQueueError, async (boss) => {
      const { runWorker } = await import("../../pipeline/queue.js");
      return runWorker(boss, store, {
        config: i.config,
        concurrency: i.concurrency,
        batchSize: i.batchSize,
        once: i.once,
        ...(i.signal ? { signal: i.signal } : {}),
        ...(i.onEvent ? { onEvent: i.onEvent } : {}),
      });
    }),
});
