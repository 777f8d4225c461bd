// The typed errors of Tally. The store, the pipeline and the services throw these for a refusal
// the caller can act on; the API maps them to HTTP statuses once (src/api/errors.ts) and the CLI
// to its one-line message and exit status once (src/cli/main.ts). Nobody classifies an error by
// its message text. src/core stays free of imports and keeps its own errors (ClaimFieldError).

/** The kinds of refusal, one per class below. */
export type ErrorKind = "not_found" | "invalid" | "conflict" | "forbidden" | "unavailable";

/** A refusal with a kind and a message for the user. */
export abstract class TallyError extends Error {
  abstract readonly kind: ErrorKind;
}

/** A record that does not exist: `no claim with id 7`, `no user named "ana"`. */
export class NotFound extends TallyError {
  readonly kind = "not_found";
  /**
   * @param thing what was looked for ("claim", "document", "source", "user")
   * @param value the value asked for
   * @param field the field it was looked up by ("id" unless told)
   * @param message replaces the default `no <thing> with <field> <value>`
   */
  constructor(
    readonly thing: string,
    readonly value: string | number,
    readonly field: string = "id",
    message?: string,
  ) {
    super(message ?? `no ${thing} with ${field} ${value}`);
    this.name = "NotFound";
  }
}

/** Input the caller must change: a bad field, a bad span, a reference in the wrong form. */
export class Invalid extends TallyError {
  readonly kind = "invalid";
  /** @param field the field or argument at fault, when there is one */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "Invalid";
  }
}

/** A request at odds with what is stored: a name taken, the last admin, an ambiguous prefix. */
export class Conflict extends TallyError {
  readonly kind = "conflict";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "Conflict";
  }
}

/** The caller may not do this (it lacks access to restricted material, say). */
export class Forbidden extends TallyError {
  readonly kind = "forbidden";
  constructor(message: string) {
    super(message);
    this.name = "Forbidden";
  }
}

/** The store (or another resource) is not there or not usable as it is: missing, not migrated. */
export class Unavailable extends TallyError {
  readonly kind = "unavailable";
  constructor(message: string) {
    super(message);
    this.name = "Unavailable";
  }
}

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
