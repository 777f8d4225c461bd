// The `tally` command line: parses arguments and dispatches to one command module each.
import { Command, CommanderError } from "commander";
import { registerAudit } from "./commands/audit.js";
import { registerBackup } from "./commands/backup.js";
import { registerExtract } from "./commands/extract.js";
import { registerFactCommands } from "./commands/facts-commands.js";
import { registerIngest } from "./commands/ingest.js";
import { registerReview } from "./commands/review.js";
import { registerServe } from "./commands/serve.js";
import { registerStoreCommands } from "./commands/store-commands.js";
import { registerUsers } from "./commands/users.js";
import { registerWorker } from "./commands/worker.js";
import { ConfigError } from "../config.js";
import { MissingStoreError, NewerSchemaError } from "../store/index.js";
import { UsageError, type CliIo } from "./io.js";
import { terminalSafe } from "./terminal-safe.js";

/** The io of a real process: stdout, stderr and the terminal check. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    isTTY: Boolean(process.stdout.isTTY),
    exitCode: 0,
  };
}

/** Builds the program with every command registered. */
export function buildProgram(io: CliIo): Command {
  const program = new Command("tally")
    .description("Tally: an evidence ledger of who claims what about state violence")
    .version("0.1.0")
    .option("--data <dir>", "data directory of the embedded store (env TALLY_DATA, default ./tally-data)")
    .option("--db <url>", "PostgreSQL server URL postgres://… (env DATABASE_URL); default: embedded SQLite")
    .option("--collector <name>", "who the audit trail records as making changes and capturing documents (env TALLY_COLLECTOR; default the OS user)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) });
  registerExtract(program, io);
  registerIngest(program, io);
  registerStoreCommands(program, io);
  registerFactCommands(program, io);
  registerWorker(program, io);
  registerServe(program, io);
  registerAudit(program, io);
  registerReview(program, io);
  registerUsers(program, io);
  registerBackup(program, io);
  return program;
}

/** Runs the CLI with process-style argv; resolves to the exit status. */
export async function main(argv: string[], rawIo: CliIo = processIo()): Promise<number> {
  // Every line leaves through terminalSafe: names and texts from documents cannot drive the terminal.
  const io: CliIo = {
    out: (line) => rawIo.out(terminalSafe(line)),
    err: (line) => rawIo.err(terminalSafe(line)),
    styled: (line) => (rawIo.styled ?? rawIo.out)(line),
    isTTY: rawIo.isTTY,
    get exitCode() {
      return rawIo.exitCode;
    },
    set exitCode(code: number) {
      rawIo.exitCode = code;
    },
  };
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return io.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof NewerSchemaError || err instanceof MissingStoreError) {
      io.err(`tally: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
