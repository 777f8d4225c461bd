// Errors the store reports to its callers, besides the typed errors of src/shared/errors.ts
// (NotFound, Invalid, Conflict, Forbidden, Unavailable) that it throws for refusals.
import { Unavailable } from "../shared/errors.js";

/** The database was migrated by a newer Tally than this one. */
export class NewerSchemaError extends Unavailable {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `this store was created by a newer version of Tally (schema ${found}, this version knows up to ${known}); upgrade Tally`,
    );
    this.name = "NewerSchemaError";
  }
}

/** A store opened with `create: false` does not exist (a mistyped --data directory or database). */
export class MissingStoreError extends Unavailable {
  constructor(readonly where: string) {
    super(`no Tally store at ${where}: check --data / TALLY_DATA (or --db / DATABASE_URL), or create one with \`tally init\` (ingest and import create one too)`);
    this.name = "MissingStoreError";
  }
}
