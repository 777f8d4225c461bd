// Scale-out ingest on PostgreSQL: `tally ingest --queue` turns inputs into one pg-boss job per
// file or URL, and any number of `tally worker` processes run the same pipeline over the jobs.
import { resolve } from "node:path";
import PgBoss from "pg-boss";
import type { Config } from "../config.js";
import { collectInputs } from "../ingest/collect.js";
import type { ManifestEntry } from "../ingest/manifest.js";
import type { Store } from "../store/index.js";
import { ExtractPool } from "./extract-pool.js";
import { countEvent, emptySummary, ingestCollected, type IngestEvent, type IngestSummary } from "./ingest.js";
import type { WriteSection } from "./batch-writer.js";
import { NearDuplicateIndex } from "./near-duplicates.js";

/** Name of the pg-boss queue of ingest jobs. */
export const INGEST_QUEUE = "tally-ingest";

/** One job: a file (with its manifest entry) or a URL, and the run's defaults. */
export interface IngestJob {
  input: string;
  kind: "file" | "url";
  manifestEntry?: ManifestEntry;
  published: string | null;
  publisher: string | null;
  collector: string;
}

/** Connects to the queue (pg-boss schema `TALLY_QUEUE_SCHEMA`, default pgboss), creating it if needed. */
export async function openQueue(url: string, opts: { schema?: string; onError?: (e: Error) => void } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: opts.schema ?? process.env.TALLY_QUEUE_SCHEMA ?? "pgboss",
    max: 4,
    schedule: false,
    supervise: true,
  });
  boss.on("error", opts.onError ?? (() => undefined));
  await boss.start();
  // Files fail for good (unreadable, not a document); URL jobs ask for retries when sent.
  await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: 0 });
  return boss;
}

/** Expands folders into files (manifest entries travel with the jobs) and sends one job per file or URL. */
export async function enqueueInputs(
  boss: PgBoss,
  inputs: string[],
  opts: { config: Config; manifestPath?: string; published?: string | null; publisher?: string | null },
): Promise<{ enqueued: number; errors: Array<{ name: string; message: string }> }> {
  const urls = inputs.filter((i) => /^https?:\/\//i.test(i));
  const paths = inputs.filter((i) => !/^https?:\/\//i.test(i));
  const base = { published: opts.published ?? null, publisher: opts.publisher ?? null, collector: opts.config.collector };
  const jobs: IngestJob[] = [];
  const errors: Array<{ name: string; message: string }> = [];
  if (paths.length > 0) {
    const collected = await collectInputs(paths, opts.manifestPath ? { manifestPath: opts.manifestPath } : {});
    for (const e of collected.errors) errors.push({ name: e.file, message: e.message });
    for (const f of collected.files) {
      jobs.push({ ...base, kind: "file", input: resolve(f.path), ...(f.manifestEntry ? { manifestEntry: f.manifestEntry } : {}) });
    }
  }
  for (const url of urls) jobs.push({ ...base, kind: "url", input: url });
  const CHUNK = 1000;
  for (let i = 0; i < jobs.length; i += CHUNK) {
    await boss.insert(
      jobs.slice(i, i + CHUNK).map((data) =>
        data.kind === "url" ? { name: INGEST_QUEUE, data, retryLimit: 2, retryDelay: 60, retryBackoff: true } : { name: INGEST_QUEUE, data },
      ),
    );
  }
  return { enqueued: jobs.length, errors };
}

/** Options of a worker run. */
export interface WorkerOptions {
  config: Config;
  /** Batches of jobs processed at once by this process (default 2: one extracts while the other is written). */
  concurrency?: number;
  /** Jobs taken from the queue at once and ingested together, in batched transactions (default 200). */
  batchSize?: number;
  /** Stop when the queue has no job left instead of waiting for more. */
  once?: boolean;
  /** Stop after the current jobs: aborting finishes them, then the worker returns. */
  signal?: AbortSignal;
  /** Seconds between polls of an empty queue (default 2). */
  pollSeconds?: number;
  onEvent?: (e: IngestEvent, job: IngestJob) => void;
}

/** What a worker run did. */
export interface WorkerSummary extends IngestSummary {
  jobs: number;
  failedJobs: number;
}

/** Jobs that share the run defaults (collector, publication date, publisher) are ingested together. */
function groupsOf(jobs: PgBoss.Job<IngestJob>[]): PgBoss.Job<IngestJob>[][] {
  const groups = new Map<string, PgBoss.Job<IngestJob>[]>();
  for (const job of jobs) {
    const key = JSON.stringify([job.data.collector, job.data.published, job.data.publisher]);
    const group = groups.get(key);
    if (group) group.push(job);
    else groups.set(key, [job]);
  }
  return [...groups.values()];
}

/**
 * Processes ingest jobs with the ingest pipeline until stopped or, with `once`, until the queue
 * is empty. Jobs are taken in batches and ingested together (documents written many to a
 * transaction, as by `tally ingest`); each job is then completed, or failed with its problems.
 */
export async function runWorker(boss: PgBoss, store: Store, opts: WorkerOptions): Promise<WorkerSummary> {
  const total: WorkerSummary = { jobs: 0, failedJobs: 0, ...emptySummary() };
  const index = await NearDuplicateIndex.load(store);
  const writeSection = await openWriteSection(store, index);
  const pool = ExtractPool.create(opts.config.workers);
  const pollMs = Math.max(0.05, opts.pollSeconds ?? 2) * 1000;
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 200));
  const stopped = () => opts.signal?.aborted === true;

  /** Ingests jobs with the same run defaults together; returns each job's events, in job order. */
  const ingestGroup = async (jobs: PgBoss.Job<IngestJob>[]): Promise<IngestEvent[][]> => {
    const files = jobs.filter((j) => j.data.kind === "file");
    const urls = jobs.filter((j) => j.data.kind === "url");
    // The pipeline numbers its inputs: files first, then URLs.
    const byInput = [...files, ...urls];
    const events = new Map<PgBoss.Job<IngestJob>, IngestEvent[]>(jobs.map((j) => [j, []]));
    const first = jobs[0]?.data;
    if (!first) return [];
    try {
      const summary = await ingestCollected(
        {
          files: files.map((j) => ({ path: j.data.input, ...(j.data.manifestEntry ? { manifestEntry: j.data.manifestEntry } : {}) })),
          urls: urls.map((j) => j.data.input),
        },
        store,
        {
          config: { ...opts.config, collector: first.collector },
          published: first.published,
          publisher: first.publisher,
          onEvent: (e) => {
            const job = byInput[e.input];
            if (!job) return;
            events.get(job)?.push(e);
            opts.onEvent?.(e, job.data);
          },
        },
        { index, pool, writeSection: writeSection.run },
      );
      total.related += summary.related;
    } catch (err) {
      // Not expected (the pipeline reports problems per input): every job without an outcome fails.
      const message = err instanceof Error ? err.message : String(err);
      for (const job of jobs) {
        const mine = events.get(job) ?? [];
        if (mine.length > 0) continue;
        const e: IngestEvent = { name: job.data.input, status: "failed", claims: 0, message, input: byInput.indexOf(job) };
        mine.push(e);
        opts.onEvent?.(e, job.data);
      }
    }
    return jobs.map((j) => events.get(j) ?? []);
  };

  /** Records a job's outcome in the queue and in the run's totals. */
  const settle = async (job: PgBoss.Job<IngestJob>, events: IngestEvent[]) => {
    const summary = emptySummary();
    for (const e of events) countEvent(summary, e);
    total.jobs++;
    total.new += summary.new;
    total.duplicate += summary.duplicate;
    total.failed += summary.failed;
    total.claims += summary.claims;
    for (const [language, n] of Object.entries(summary.unsupported)) total.unsupported[language] = (total.unsupported[language] ?? 0) + n;
    if (summary.failed > 0) {
      total.failedJobs++;
      const messages = events.filter((e) => e.status === "failed").map((e) => e.message ?? e.name);
      await boss.fail(INGEST_QUEUE, job.id, { message: messages.join("; "), summary });
    } else {
      await boss.complete(INGEST_QUEUE, job.id, { summary });
    }
  };

  const processBatch = async (jobs: PgBoss.Job<IngestJob>[]) => {
    for (const group of groupsOf(jobs)) {
      const outcomes = await ingestGroup(group);
      await Promise.all(group.map((job, i) => settle(job, outcomes[i] ?? [])));
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((done) => {
      const t = setTimeout(finish, ms);
      function finish() {
        clearTimeout(t);
        opts.signal?.removeEventListener("abort", finish);
        done();
      }
      opts.signal?.addEventListener("abort", finish, { once: true });
    });

  const lane = async () => {
    while (!stopped()) {
      const jobs = await boss.fetch<IngestJob>(INGEST_QUEUE, { batchSize });
      if (jobs.length === 0) {
        if (opts.once) return;
        await sleep(pollMs);
        continue;
      }
      await processBatch(jobs);
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, lane));
  } finally {
    await pool.close();
    await writeSection.close();
  }
  return total;
}

/** The write section of a worker's batches, and how to let go of it. */
interface WorkerWriteSection {
  run: WriteSection;
  close: () => Promise<void>;
}

/**
 * Workers write one batch at a time: the lanes of this process by a chain of promises, the
 * workers of every process by a PostgreSQL advisory lock (keyed by the store's schema, held on a
 * connection of its own) around each batch's last near-duplicate comparisons and transaction.
 * Before comparing, the index takes in the documents other workers stored meanwhile; since ids
 * are given out inside the section, "stored since" is "a larger id". So every document is
 * compared with every document stored before it, whichever worker stored it, as one worker does.
 */
async function openWriteSection(store: Store, index: NearDuplicateIndex): Promise<WorkerWriteSection> {
  const lock = await store.openWriteLock();
  let tail: Promise<unknown> = Promise.resolve();
  const run: WriteSection = (write) => {
    const turn = tail.then(async () => {
      await lock?.acquire();
      try {
        await index.catchUp(store);
        await write();
      } finally {
        await lock?.release();
      }
    });
    tail = turn.catch(() => undefined);
    return turn;
  };
  return { run, close: async () => void (await lock?.close()) };
}
