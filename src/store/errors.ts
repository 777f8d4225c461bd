// Errors the store reports to its callers.

/** The database was migrated by a newer Tally than this one. */
export class NewerSchemaError extends Error {
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

/** A request the store cannot answer as asked (bad prefix, ambiguous prefix, bad schema name). */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

/** A store opened with `create: false` does not exist (a mistyped --data directory or database). */
export class MissingStoreError extends StoreError {
  constructor(readonly where: string) {
    super(`no Tally store at ${where}: check --data / TALLY_DATA (or --db / DATABASE_URL), or create one with \`tally init\` (ingest and import create one too)`);
    this.name = "MissingStoreError";
  }
}
