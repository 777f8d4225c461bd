// Runs the Store contract on PostgreSQL (DATABASE_URL), each test in a fresh schema dropped afterwards.
import pg from "pg";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { runReviewContract } from "./review-contract.js";
import { runStoreContract } from "./store-contract.js";

const url = process.env.DATABASE_URL;



if (url) {
  const pgFactory = async () => {
    const schema = freshSchema();
    const store = await openStore({ url, schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(url, schema);
      },
    };
  };
  runStoreContract("postgres", pgFactory);
  runReviewContract("postgres", pgFactory);

  describe("PostgreSQL store schema", () => {
    it("refuses a database created by a newer Tally", async () => {
      const schema = freshSchema();
      try {
        await (await openStore({ url, schema })).close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`insert into "${schema}".tally_migrations (version, name, applied_at) values (${MIGRATIONS.length + 1}, 'future', '2099')`);
        await client.end();
        await expect(openStore({ url, schema })).rejects.toThrow(
          `this store was created by a newer version of Tally (schema ${MIGRATIONS.length + 1}, this version knows up to ${MIGRATIONS.length}); upgrade Tally`,
        );
      } finally {
        await dropSchema(url, schema);
      }
    });

    it("keeps documents' full-text vectors in their rows (storage MAIN), where ranking a search reads them", async () => {
      const schema = freshSchema();
      try {
        const store = await openStore({ url, schema });
        await store.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const storage = await client.query(`select attstorage from pg_attribute where attrelid = '"${schema}".documents'::regclass and attname = 'search_vector'`);
          expect(storage.rows[0]?.attstorage).toBe("m");
        } finally {
          await client.end();
        }
      } finally {
        await dropSchema(url, schema);
      }
    });

    it("rejects schema names that are not plain identifiers", async () => {
      await expect(openStore({ url, schema: 'x"; drop table y; --' })).rejects.toThrow(/schema names/);
    });
  });
} else {
  describe.skip("Store contract: postgres (set DATABASE_URL=postgres://… to run)", () => {
    it("needs DATABASE_URL", () => {
      expect(url).toBeDefined();
    });
  });
}
