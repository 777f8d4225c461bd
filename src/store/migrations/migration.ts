// The shape of one numbered, forward-only schema migration.
import type { Kysely } from "kysely";
import type { DialectName } from "../schema.js";

/** One schema step; `up` runs inside a transaction and may branch on the dialect. */
export interface Migration {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}
