// `tally extract`: extract claims from files and folders and print them.
import type { Command } from "commander";
import type { Claim } from "../../core/types.js";
import { parseCount, parseFormat, parsePublished, type CliIo } from "../io.js";

/** Extraction threads by default: one beside the main thread, which reads the files and prints. */
const DEFAULT_WORKERS = 1;
/** Fewest files for which the default thread is started (it takes about as long to start as a few hundred files take to extract). */
const POOL_FROM_FILES = 256;

/** Registers the extract command. */
export function registerExtract(program: Command, io: CliIo): void {
  program
    .command("extract")
    .description("extract quantitative claims from .txt, .md, .html and .pdf files or folders (with their manifest.json)")
    .argument("<inputs...>", "files or folders")
    .option("--manifest <file>", "manifest.json describing the files (publication dates, publishers)")
    .option("--published <date>", "publication date (YYYY, YYYY-MM or YYYY-MM-DD) for files that have none")
    .option("--publisher <name>", "publisher for files that have none")
    .option("--format <format>", "table, jsonl or json (default: table on a terminal, else jsonl)")
    .option("--max-bytes <n>", "largest file to read, in bytes", (v) => Number(v))
    .option("--explain", "for every figure in the text, say whether it became a claim and why not")
    .option("--workers <n>", `extraction worker threads (env TALLY_WORKERS; default ${DEFAULT_WORKERS} from ${POOL_FROM_FILES} files on, else 0 = on the main thread)`)
    .action(async (inputs: string[], opts: { manifest?: string; published?: string; publisher?: string; format?: string; maxBytes?: number; explain?: boolean; workers?: string }) => {
      const format = parseFormat(opts.format, ["table", "jsonl", "json"], io.isTTY ? "table" : "jsonl");
      const published = opts.published === undefined ? null : parsePublished(opts.published);
      const workersOption = opts.workers ?? (process.env.TALLY_WORKERS || undefined);
      const workers = workersOption === undefined ? DEFAULT_WORKERS : parseCount(workersOption, opts.workers === undefined ? "TALLY_WORKERS" : "--workers", 64);
      // The extractor and the formats are loaded when the command runs (not for its --help).
      const [{ extractFiles }, { claimsTable, interchange, toJsonLine }, { explainDocument }] = await Promise.all([
        import("../../services/extract-files.js"),
        import("../claim-format.js"),
        import("../explain.js"),
      ]);
      // JSON Lines leave in blocks of about 64 KB instead of one write per claim; a message on
      // stderr first lets out the lines before it, so the two streams keep their order.
      let block: string[] = [];
      let blockChars = 0;
      const flush = () => {
        if (block.length > 0) io.out(block.join("\n"));
        block = [];
        blockChars = 0;
      };
      const err = (line: string) => {
        flush();
        io.err(line);
      };
      let failed = 0;
      let documents = 0;
      const collected: Claim[] = [];
      const unsupported: Array<{ document: string; language: string | null; message: string }> = [];
      for await (const outcome of extractFiles(inputs, {
        ...(opts.manifest ? { manifestPath: opts.manifest } : {}),
        published,
        publisher: opts.publisher ?? null,
        ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
        ...(opts.explain ? { explain: true } : {}),
        workers,
        // Unless asked for, threads only for a folder large enough to repay their start.
        poolFrom: workersOption === undefined ? POOL_FROM_FILES : 1,
      })) {
        if (!outcome.ok) {
          failed++;
          err(`tally: ${outcome.error.message}`);
          continue;
        }
        documents++;
        if (outcome.unsupported) {
          // Never a silent zero: the document was read, its language has no rules.
          unsupported.push({ document: outcome.document.name, language: outcome.language, message: outcome.unsupported });
          err(`tally: ${outcome.document.name}: ${outcome.unsupported}`);
        }
        if (opts.explain) {
          explainDocument(io, outcome.document.name, outcome.document.text, outcome.decisions ?? [], format);
          continue;
        }
        if (format === "jsonl") {
          for (const c of outcome.claims) {
            const line = toJsonLine(c);
            block.push(line);
            blockChars += line.length;
          }
          if (blockChars >= 65_536) flush();
        } else collected.push(...outcome.claims);
      }
      flush();
      if (opts.explain) {
        io.exitCode = failed > 0 ? 1 : 0;
        return;
      }
      if (format === "json") io.out(JSON.stringify({ claims: collected.map(interchange), ...(unsupported.length > 0 ? { unsupported } : {}) }, null, 1));
      if (format === "table") {
        io.out(claimsTable(collected));
        const noRules = unsupported.length > 0 ? `; ${unsupported.length} without extraction rules for their language` : "";
        io.out(`${collected.length} claims from ${documents} documents${noRules}${failed ? `, ${failed} problems` : ""}`);
      }
      io.exitCode = failed > 0 ? 1 : 0;
    });
}
