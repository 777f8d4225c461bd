// `tally export --all FILE` and `tally import FILE`: backup bundles of the whole ledger (docs/backup.md).
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { exportBundle, importBundle } from "../../services/use-cases/bundles.js";
import { Invalid, NewerSchemaError, TallyError } from "../../shared/errors.js";
import type { BundleSummary } from "../../services/use-cases/bundles.js";
import { configOf, performWith } from "../context.js";
import { UsageError, type CliIo } from "../io.js";

function summaryLines(s: BundleSummary): string[] {
  const names = Object.keys(s.header.tables);
  const width = Math.max(...names.map((n) => n.length));
  return [
    ...names.map((n) => `  ${n.padEnd(width)}  ${s.header.tables[n] ?? 0}`),
    `  ${s.rows} rows, ${s.bytes} bytes (schema ${s.header.schemaVersion}${s.header.public ? ", public" : ""}), sha256 ${s.sha256}`,
  ];
}

/** Runs a bundle command; a bundle, store or file problem is one line naming the file, exit 1. */
async function reporting(io: CliIo, what: string, file: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message = error instanceof TallyError && !(error instanceof NewerSchemaError) ? error.message
      : e.code === "ENOENT" ? "no such file or directory"
      : e.code === "EEXIST" ? "a partial export of this file is being written"
      : e.code === "EACCES" ? "permission denied"
      : e.code === "EISDIR" ? "is a directory"
      : e.syscall !== undefined ? e.message
      : null;
    if (message === null) throw error;
    io.err(`tally: ${what} ${file}: ${message}`);
    io.exitCode = 1;
  }
}

/** Registers `export` and `import`. */
export function registerBackup(program: Command, io: CliIo): void {
  program
    .command("export")
    .description("write a backup bundle of the store (documents, claims, sources, relations, users, tokens, audit trail)")
    .argument("<file>", "bundle to write (gzip JSON Lines; created with mode 0600)")
    .option("--all", "the whole ledger (required)")
    .option("--public", "leave out restricted material, users, API tokens and the audit trail (for sharing)")
    .action(async (file: string, o: { all?: boolean; public?: boolean }, cmd: Command) => {
      if (!o.all) throw new UsageError("export needs --all: exporting part of the ledger is not supported yet");
      const config = configOf(cmd);
      await reporting(io, "export", file, async () => {
        const summary = await performWith(config, exportBundle, { file, public: Boolean(o.public) });
        io.out(`exported ${file}${summary.header.public ? " (public: no restricted material, users, tokens or audit trail)" : ""}`);
        for (const line of summaryLines(summary)) io.out(line);
      });
    });

  program
    .command("import")
    .description("restore a backup bundle into an empty store")
    .argument("<file>", "bundle written by `tally export`")
    .option("--collector <name>", "who the audit trail names as importing (env TALLY_COLLECTOR, default: the OS user)")
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const config = configOf(cmd);
      await reporting(io, "import", file, async () => {
        if (!(await stat(file)).isFile()) throw new Invalid("not a file", "file");
        const { summary, audit: report } = await performWith(config, importBundle, { file }, { create: true });
        io.out(`imported ${file}`);
        for (const line of summaryLines(summary)) io.out(line);
        if (report.ok) io.out(`audit trail verified: OK (${report.events} events)`);
        else {
          io.err(`tally: import ${file}: restored, but the audit trail does not verify (${report.problemCount} problems; see \`tally audit verify\`)`);
          io.exitCode = 1;
        }
      });
    });
}
