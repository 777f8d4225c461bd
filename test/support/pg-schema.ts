// PostgreSQL helpers for tests: each test run works in a fresh schema and drops it afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** A new, unused schema name with the given prefix. */
export function freshSchema(prefix = "tally_test"): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** Drops a schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
