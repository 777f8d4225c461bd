// Commands over facts and sources (facts, fact, conflicts, timeline, sources, reference).
import type { Command } from "commander";
import type { CliIo } from "../io.js";

/** Registers the fact and source commands. */
export function registerFactCommands(_program: Command, _io: CliIo): void {
  // Filled in by the facts feature.
}
