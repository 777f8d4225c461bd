// `tally worker`: processes queued ingest jobs (see `tally ingest --queue`) until stopped.
import type { Command } from "commander";
import type { Config } from "../../config.js";
import type { IngestEvent } from "../../pipeline/ingest.js";
import { unsupportedLine } from "../../services/language-support.js";
import { configOf, performWith } from "../context.js";
import { parseCount, UsageError, type CliIo } from "../io.js";

/** The PostgreSQL URL a queue command needs, or a usage error naming --db (checked before any store is opened). */
export function queueUrl(config: Config, what: string): string {
  if (!config.databaseUrl) {
    throw new UsageError(`${what} needs the PostgreSQL store: pass --db postgres://… (or set DATABASE_URL); the embedded SQLite store has no job queue`);
  }
  return config.databaseUrl;
}

/** Registers the worker command. */
export function registerWorker(program: Command, io: CliIo): void {
  program
    .command("worker")
    .description("process queued ingest jobs (tally ingest --queue) until stopped; PostgreSQL only")
    .option("--concurrency <n>", "batches of jobs processed at once by this process (default 2)")
    .option("--batch <n>", "jobs taken from the queue at once and ingested together (default 200)")
    .option("--workers <n>", "extraction worker threads (env TALLY_WORKERS; 0 = on the main thread)")
    .option("--once", "exit when the queue is empty instead of waiting for more jobs")
    .option("--quiet", "print only problems and the summary")
    .action(async (opts: { concurrency?: string; batch?: string; once?: boolean; quiet?: boolean }, cmd: Command) => {
      const config = configOf(cmd);
      queueUrl(config, "tally worker");
      const concurrency = opts.concurrency === undefined ? 2 : parseCount(opts.concurrency, "--concurrency", 64, 1);
      const batchSize = opts.batch === undefined ? 200 : parseCount(opts.batch, "--batch", 10_000, 1);
      const { runIngestWorker } = await import("../../services/use-cases/queue.js"); // the queue (pg-boss), for this command only
      // SIGINT/SIGTERM: finish the jobs under way, then exit.
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        const summary = await performWith(
          config,
          runIngestWorker,
          {
            config,
            concurrency,
            batchSize,
            once: opts.once === true,
            signal: stop.signal,
            onQueueError: (e: Error) => io.err(`tally: queue: ${e.message}`),
            onEvent: (e: IngestEvent) => {
              if (e.status === "failed") io.err(`tally: ${e.message ?? e.name}`);
              else if (!opts.quiet) io.out(`${e.status === "new" ? "new      " : e.corrected ? "corrected" : "duplicate"} ${e.name} (${e.unsupported ?? `${e.claims} claims`}${e.corrected ? "; metadata corrected from the manifest" : ""})`);
            },
          },
          // Workers store what `tally ingest --queue` enqueued: like ingest, they may create the store.
          { create: true },
        );
        io.out(
          `jobs: ${summary.jobs} (${summary.failedJobs} failed); documents: ${summary.new} new, ${summary.duplicate} duplicate, ${summary.failed} failed; ` +
            `claims added: ${summary.claims}; related documents found: ${summary.related}`,
        );
        const unsupported = unsupportedLine(summary.unsupported);
        if (unsupported) io.out(unsupported);
        io.exitCode = summary.failedJobs > 0 ? 1 : 0;
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    });
}
