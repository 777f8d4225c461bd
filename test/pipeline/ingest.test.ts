// The ingest pipeline over files and folders: on SQLite always, on PostgreSQL when DATABASE_URL is set.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { runIngestSuite } from "./ingest-suite.js";

runIngestSuite("sqlite", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "tally-pipeline-store-"));
  const store = await openStore({ dataDir });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

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
