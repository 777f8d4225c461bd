// A PostgreSQL store survives the server ending one of its idle connections (a restart, an
// administrator's pg_terminate_backend, a dropped database): the process does not die on the
// pool's error, and the next query connects again.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";

const url = process.env.DATABASE_URL;

describe.skipIf(!url)("PostgreSQL store and idle connections ended by the server (needs DATABASE_URL)", () => {
  it("keeps working after the server terminates its idle connections", async () => {
    const schema = `idle_${process.pid}_${Date.now().toString(36)}`;
    const store = await openStore({ url: url as string, schema });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      expect(await store.countDocuments()).toBe(0);
      const ended = await admin.query(
        "select pid, pg_terminate_backend(pid) as ok from pg_stat_activity where pid <> pg_backend_pid() and datname = current_database() and state = 'idle' and query ilike '%documents%'",
      );
      expect(ended.rows.length).toBeGreaterThan(0);
      // Until the server has ended them, then one more round trip: by then the store's pool has
      // read the server's message on those connections (its 'error' event).
      const pids = ended.rows.map((r: { pid: number }) => r.pid);
      while ((await admin.query("select count(*)::int as n from pg_stat_activity where pid = any($1)", [pids])).rows[0].n > 0);
      await admin.query("select 1");
      expect(await store.countDocuments()).toBe(0);
    } finally {
      await store.close();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });
});
