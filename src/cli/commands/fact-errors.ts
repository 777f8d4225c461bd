// Turns the facts feature's errors into CLI outcomes (a bad question, FactsQueryError, is an
// Invalid that main.ts maps to exit 2): a broken registry file or dataset is one line on stderr naming the file (exit 1).
import { ReferenceError } from "../../services/reference.js";
import { RegistryFileError } from "../../services/registry-file.js";
import type { CliIo } from "../io.js";

/** Wraps a command action so the feature's errors end the command cleanly. */
export function guarded<A extends unknown[]>(io: CliIo, action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (err) {
      if (err instanceof RegistryFileError || err instanceof ReferenceError) {
        io.err(`tally: ${err.message}`);
        io.exitCode = 1;
        return;
      }
      throw err;
    }
  };
}
