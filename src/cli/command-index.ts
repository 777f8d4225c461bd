// The top-level commands of `tally`: the module that defines each (loaded only when one of its
// commands runs) and how `tally --help` lists it. `tally --version` and `tally --help` load none
// of the modules, so this list repeats their terms and descriptions; a test checks that it says
// exactly what the modules register (test/cli/startup.test.ts), so a new or changed command
// fails it until it is listed here too.
import type { Command } from "commander";
import type { CliIo } from "./io.js";

/** Registers a module's commands on the program. */
export type Register = (program: Command, io: CliIo) => void;

/** One command module: how to load its register function, and the top-level commands it registers, in order. */
export interface CommandModule {
  load: () => Promise<Register>;
  /** `[usage term, description]` of each top-level command, as `tally --help` lists them. */
  commands: ReadonlyArray<readonly [string, string]>;
}

/** Every command module, in the order `tally --help` lists their commands. */
export const COMMAND_MODULES: readonly CommandModule[] = [
  {
    load: async () => (await import("./commands/extract.js")).registerExtract,
    commands: [["extract [options] <inputs...>", "extract quantitative claims from .txt, .md and .html files or folders (with their manifest.json)"]],
  },
  {
    load: async () => (await import("./commands/ingest.js")).registerIngest,
    commands: [["ingest [options] <inputs...>", "store documents (files, folders with manifest.json, URLs, RSS/Atom feeds) and their claims"]],
  },
  {
    load: async () => (await import("./commands/store-commands.js")).registerStoreCommands,
    commands: [
      ["init", "create an empty store (every command but ingest and import refuses a store that does not exist)"],
      ["docs [options]", "list stored documents, newest capture first"],
      ["show <doc>", "a document's provenance and text, with claim sentences highlighted"],
      ["claims [options]", "list stored claims"],
      ["search [options] <words...>", "full-text search over stored documents, ranked, with snippets"],
      ["reextract", "re-run the current extractor over stored documents (no refetching)"],
    ],
  },
  {
    load: async () => (await import("./commands/facts-commands.js")).registerFactCommands,
    commands: [
      ["facts [options]", "facts linked from the stored claims: one per event, place, period and victims, with low / best / high"],
      ["fact [options] <id>", "one fact side by side: every claim, its source, network and document; the range and its rule; contradictions"],
      ["conflicts [options]", "contradictions between claims, most consequential first: independent voices, a precise scope, registered sources, the relative gap"],
      ["timeline [options]", "figures per year or month for one event and place: each independent network, and low / best / high"],
      ["sources [options]", "the source registry (seed + <data>/sources.json), its networks and the stored claims per source"],
      ["reference", "reference datasets shipped with Tally (data/reference)"],
    ],
  },
  {
    load: async () => (await import("./commands/victims.js")).registerVictims,
    commands: [
      ["victims", "named victims: lists, mentions in documents, a registry of unique people, overlap and estimate"],
      ["victim [options] <id>", "one person of the registry: what the records agree on, and every record that names them"],
    ],
  },
  {
    load: async () => (await import("./commands/worker.js")).registerWorker,
    commands: [["worker [options]", "process queued ingest jobs (tally ingest --queue) until stopped; PostgreSQL only"]],
  },
  {
    load: async () => (await import("./commands/serve.js")).registerServe,
    commands: [["serve [options]", "serve the web dashboard and the JSON API (/api/v1) over the store"]],
  },
  {
    load: async () => (await import("./commands/audit.js")).registerAudit,
    commands: [["audit", "the tamper-evident audit trail of every change"]],
  },
  {
    load: async () => (await import("./commands/review.js")).registerReview,
    commands: [
      ["review", "decide on proposed claims: accept, correct, reject, add by hand (recorded in the audit trail)"],
      [
        "restrict [options] <kind> <id>",
        "mark a document, claim or source restricted: viewers, public exports and the public API never see it (a source by its id, name or alias)",
      ],
    ],
  },
  {
    load: async () => (await import("./commands/users.js")).registerUsers,
    commands: [
      ["user", "accounts of the web server: admin (everything, users), analyst (ingest, review, edit), viewer (read)"],
      ["token", "API tokens for scripts (sent as Authorization: Bearer …)"],
    ],
  },
  {
    load: async () => (await import("./commands/backup.js")).registerBackup,
    commands: [
      ["export [options] <file>", "write a backup bundle of the store (documents, claims, sources, relations, users, tokens, audit trail)"],
      ["import [options] <file>", "restore a backup bundle into an empty store"],
    ],
  },
];

/** A command's name: the first word of its usage term. */
export function commandName(term: string): string {
  return term.split(" ")[0] as string;
}

/** The module that registers the top-level command `name`, if any. */
export function moduleOf(name: string): CommandModule | undefined {
  return COMMAND_MODULES.find((m) => m.commands.some(([term]) => commandName(term) === name));
}

/** Global options that take a value (`--data DIR`): their value is not a command name. */
const VALUE_OPTIONS = new Set(["--data", "--db", "--collector"]);

/**
 * The top-level command process-style `argv` runs (`tally --data d claims` → "claims"; `tally
 * help extract` → "extract"), or undefined when it names none (`tally --help`, `tally --version`).
 */
export function commandOf(argv: readonly string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") return undefined;
    if (arg.startsWith("-")) {
      if (VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    return arg === "help" ? args.slice(i + 1).find((a) => !a.startsWith("-")) : arg;
  }
  return undefined;
}
