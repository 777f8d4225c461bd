// The `tally` command line: parses arguments and dispatches to one command module each.
import { Command, CommanderError, Help } from "commander";
import { COMMAND_MODULES, commandName, commandOf, moduleOf } from "./command-index.js";
import { ConfigError } from "../config.js";
import { TallyError } from "../shared/errors.js";
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

/**
 * Builds the program. With `argv`, only the module of the command it runs is loaded; when it
 * names none (`tally --help`, `tally --version`, a mistyped command), every command is listed
 * from the command index without loading any module. Without `argv`, every module is loaded.
 */
export async function buildProgram(io: CliIo, argv?: readonly string[]): Promise<Command> {
  const program = new Command("tally")
    .description("Tally: an evidence ledger of who claims what about state violence")
    .version("0.1.0")
    .option("--data <dir>", "data directory of the embedded store (env TALLY_DATA, default ./tally-data)")
    .option("--db <url>", "PostgreSQL server URL postgres://… (env DATABASE_URL); default: embedded SQLite")
    .option("--collector <name>", "who the audit trail records as making changes and capturing documents (env TALLY_COLLECTOR; default the OS user)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) });
  const name = argv ? commandOf(argv) : undefined;
  const wanted = name === undefined ? undefined : moduleOf(name);
  if (wanted) (await wanted.load())(program, io);
  else if (argv) listCommands(program);
  else for (const m of COMMAND_MODULES) (await m.load())(program, io);
  return program;
}

/** Lists every command for help and for commander's "unknown command" suggestions, with no action: none of them runs. */
function listCommands(program: Command): void {
  const terms = new Map<string, string>();
  for (const m of COMMAND_MODULES) {
    for (const [term, description] of m.commands) {
      program.command(commandName(term)).description(description);
      terms.set(commandName(term), term);
    }
  }
  program.configureHelp({
    subcommandTerm(this: Help, cmd: Command): string {
      return terms.get(cmd.name()) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
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
  const program = await buildProgram(io, argv);
  try {
    await program.parseAsync(argv);
    return io.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    // The one mapping of the typed errors (src/shared/errors.ts) and the CLI's own refusals: one
    // line on stderr, exit status 2. (src/core's ClaimFieldError is loaded only on this path, so
    // that `tally --version` does not load src/core.)
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof TallyError || (err instanceof Error && err instanceof (await import("../core/claim-fields.js")).ClaimFieldError)) {
      io.err(`tally: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
