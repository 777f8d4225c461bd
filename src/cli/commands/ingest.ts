// `tally ingest`: read files, folders, URLs and feeds into the store, with progress and a summary.
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { limitHeapGrowth } from "../../pipeline/heap-growth.js";
import { INGEST_SQLITE_THREADS, type IngestEvent } from "../../pipeline/ingest.js";
import { unsupportedLine } from "../../services/language-support.js";
import { configOf, performWith } from "../context.js";
import { parsePublished, type CliIo } from "../io.js";
import { escapeControls } from "../terminal-safe.js";

/** Registers the ingest command. */
export function registerIngest(program: Command, io: CliIo): void {
  program
    .command("ingest")
    .description("store documents (files, folders with manifest.json, URLs, RSS/Atom feeds) and their claims")
    .argument("<inputs...>", "files, folders, http(s) URLs or feed URLs")
    .option("--manifest <file>", "manifest.json describing the files")
    .option("--published <date>", "publication date for documents that have none (YYYY[-MM[-DD]])")
    .option("--publisher <name>", "publisher for documents that have none")
    .option("--collector <name>", "who captures the documents (default: the OS user)")
    .option("--workers <n>", "extraction worker threads (env TALLY_WORKERS; 0 = on the main thread)")
    .option("--write-batch <n>", "documents stored per transaction (env TALLY_WRITE_BATCH; default 2000 on SQLite, 1000 on PostgreSQL)")
    .option("--queue", "only enqueue one job per file or URL for `tally worker` (PostgreSQL only)")
    .option("--quiet", "print only problems and the summary")
    .action(async (inputs: string[], opts: { manifest?: string; published?: string; publisher?: string; quiet?: boolean; queue?: boolean }, cmd: Command) => {
      const config = configOf(cmd);
      const published = opts.published === undefined ? null : parsePublished(opts.published);
      if (opts.queue) {
        // The job queue (pg-boss) is loaded only to enqueue.
        const [{ enqueueIngest }, { queueUrl }] = await Promise.all([import("../../services/use-cases/queue.js"), import("./worker.js")]);
        queueUrl(config, "tally ingest --queue");
        const { enqueued, errors } = await performWith(
          config,
          enqueueIngest,
          {
            inputs,
            config,
            ...(opts.manifest ? { manifestPath: opts.manifest } : {}),
            published,
            publisher: opts.publisher ?? null,
            onQueueError: (e: Error) => io.err(`tally: queue: ${e.message}`),
          },
          { create: true },
        );
        for (const e of errors) io.err(`tally: ${e.message}`);
        io.out(`jobs enqueued: ${enqueued}; failed inputs: ${errors.length}; run \`tally worker\` to process them`);
        io.exitCode = errors.length > 0 ? 1 : 0;
        return;
      }
      const bar = io.isTTY && !opts.quiet ? new SingleBar({ format: "ingest [{bar}] {value}/{total} {name}", hideCursor: true, clearOnComplete: true }) : null;
      let done = 0;
      const onEvent = (e: IngestEvent) => {
        done++;
        if (e.status === "failed") {
          if (bar) bar.stop();
          io.err(`tally: ${e.message ?? e.name}`);
        }
        if (bar) {
          if (e.status === "failed") bar.start(total, done, { name: "" });
          else bar.update(done, { name: escapeControls(e.name.slice(0, 40)) });
        } else if (!opts.quiet) {
          if (e.status !== "failed") io.out(`${e.status === "new" ? "new      " : e.corrected ? "corrected" : "duplicate"} ${e.name} (${e.notice ?? e.unsupported ?? `${e.claims} claims`}${e.corrected ? "; metadata corrected from the manifest" : ""})`);
        }
      };
      let total = 0;
      const { ingestInputs } = await import("../../services/use-cases/ingest.js"); // zod and the use cases, for this command only
      // The heaps kept near what is alive (docs/performance.md, issue 26).
      limitHeapGrowth();
      const summary = await performWith(
        config,
        ingestInputs,
        {
          inputs,
          config,
          ...(opts.manifest ? { manifestPath: opts.manifest } : {}),
          published,
          publisher: opts.publisher ?? null,
          onEvent,
          onTotal: (n: number) => {
            total = n;
            bar?.start(n, 0, { name: "" });
          },
        },
        { threads: INGEST_SQLITE_THREADS, create: true, bulkWrites: true },
      );
      bar?.stop();
      io.out(`documents: ${summary.new} new, ${summary.duplicate} duplicate, ${summary.failed} failed; claims added: ${summary.claims}; related documents found: ${summary.related}`);
      const unsupported = unsupportedLine(summary.unsupported);
      if (unsupported) io.out(unsupported);
      io.exitCode = summary.failed > 0 ? 1 : 0;
    });
}
