// Turns the facts feature's errors into CLI outcomes: a bad question is a usage error (exit 2);
// a broken registry file or dataset is one line on stderr naming the file (exit 1).
import { FactsQueryError } from "../../services/facts.js";
import { ReferenceError } from "../../services/reference.js";
import { RegistryFileError } from "../../services/registry-file.js";
import { UsageError, type CliIo } from "../io.js";

/** Wraps a command action so the feature's errors end the command cleanly. */
export function guarded<A extends unknown[]>(io: CliIo, action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (err) {
      if (err instanceof FactsQueryError) throw new UsageError(err.message);
      if (err instanceof RegistryFileError || err instanceof ReferenceError) {
        io.err(`tally: ${err.message}`);
        io.exitCode = 1;
        return;
      }
      throw err;
    }
  };
}
