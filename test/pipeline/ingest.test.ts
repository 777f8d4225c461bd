// The ingest pipeline over files and folders: on SQLite always, on PostgreSQL when DATABASE_URL is set.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { describe, expect, it } from "vitest";
import { INGEST_SQLITE_THREADS } from "../../src/pipeline/ingest.js";
import { openStore } from "../../src/store/index.js";
import { runIngestSuite } from "./ingest-suite.js";

/** An embedded store in a fresh data directory, its statements run on `threads` threads (0: this one). */
const sqliteStore = (threads: number) => async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "tally-pipeline-store-"));
  const store = await openStore({ dataDir, threads });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

runIngestSuite("sqlite", sqliteStore(0));
// As `tally ingest` opens the embedded store.
runIngestSuite("sqlite in a thread", sqliteStore(INGEST_SQLITE_THREADS));

const url = process.env.DATABASE_URL;


if (url) {
  runIngestSuite("postgres", async () => {
    const schema = freshSchema("tally_ingest");
    const store = await openStore({ url, schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(url, schema);
      },
    };
  });
} else {
  describe.skip("ingest pipeline (postgres; set DATABASE_URL=postgres://… to run)", () => {
    it("needs DATABASE_URL", () => {
      expect(url).toBeDefined();
    });
  });
}
