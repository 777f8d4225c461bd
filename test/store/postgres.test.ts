// Runs the Store contract on PostgreSQL (DATABASE_URL), each test in a fresh schema dropped afterwards.
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { latestVersion, migrate } from "../../src/store/migrate.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { searchVector } from "../../src/store/search-vector.js";
import { crowdedText, makeDoc } from "./fixtures.js";
import { runLanguageContract } from "./language-contract.js";
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
  runLanguageContract("postgres", pgFactory);

  describe("PostgreSQL store schema", () => {
    /** Runs `fn` in a fresh schema, dropped afterwards. */
    async function inFreshSchema(fn: (schema: string) => Promise<void>): Promise<void> {
      const schema = freshSchema();
      try {
        await fn(schema);
      } finally {
        await dropSchema(url as string, schema);
      }
    }

    /** Runs `fn` with a client whose search path is `schema`. */
    async function withClient<T>(schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    }

    /** Whether the stored vector of document `id` is the one Tally builds for this title and text. */
    async function storedVectorIs(client: pg.Client, id: number, title: string | null, text: string): Promise<boolean> {
      const r = await client.query<{ same: boolean }>("select search_vector = $1::tsvector as same from documents where id = $2", [Buffer.from(searchVector(title, text)), id]);
      return r.rows[0]?.same === true;
    }

    it("refuses a database created by a newer Tally", async () => {
      await inFreshSchema(async (schema) => {
        await (await openStore({ url, schema })).close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`insert into "${schema}".tally_migrations (version, name, applied_at) values (${latestVersion(MIGRATIONS) + 1}, 'future', '2099')`);
        await client.end();
        await expect(openStore({ url, schema })).rejects.toThrow(
          `this store was created by a newer version of Tally (schema ${latestVersion(MIGRATIONS) + 1}, this version knows up to ${latestVersion(MIGRATIONS)}); upgrade Tally`,
        );
      });
    });

    it("keeps documents' full-text vectors in their rows (storage MAIN), where ranking a search reads them", async () => {
      await inFreshSchema(async (schema) => {
        const store = await openStore({ url, schema });
        await store.close();
        await withClient(schema, async (client) => {
          const storage = await client.query(`select attstorage from pg_attribute where attrelid = '"${schema}".documents'::regclass and attname = 'search_vector'`);
          expect(storage.rows[0]?.attstorage).toBe("m");
        });
      });
    });

    it("stores the full-text vector Tally builds (or was handed), which the server reads back as built", async () => {
      await inFreshSchema(async (schema) => {
        const store = await openStore({ url, schema });
        const text = "Tips to tips@example.org: 2.5% of death-row cases, Zāhedān.";
        const { id } = await store.putDocument(makeDoc(text, { title: "Death-row tips" }), []);
        const handed = searchVector("Handed", "a vector built elsewhere");
        const other = await store.putDocument(makeDoc("Some other text.", { name: "other.txt", searchVector: handed }), []);
        expect((await store.search("example org", { limit: 5 })).hits.map((h) => h.documentId)).toEqual([id]);
        expect((await store.search("DEATH row zāhedān", { limit: 5 })).hits.map((h) => h.documentId)).toEqual([id]);
        expect((await store.search("built elsewhere", { limit: 5 })).hits.map((h) => h.documentId)).toEqual([other.id]);
        await store.close();
        await withClient(schema, async (client) => {
          expect(await storedVectorIs(client, id, "Death-row tips", text)).toBe(true);
          expect(await storedVectorIs(client, other.id, "Handed", "a vector built elsewhere")).toBe(true);
          const printed = await client.query<{ v: string }>("select search_vector::text as v from documents where id = $1", [id]);
          expect(printed.rows[0]?.v).toContain("'death':1A,12B");
          const column = await client.query<{ attgenerated: string; attnotnull: boolean }>(
            "select attgenerated, attnotnull from pg_attribute where attrelid = 'documents'::regclass and attname = 'search_vector'",
          );
          // Written by Tally, never left out: a writer that forgot it fails rather than hiding a document from search.
          expect(column.rows[0]).toEqual({ attgenerated: "", attnotnull: true });
          // Compressed with LZ4 where the server has it.
          const lz4 = await client.query<{ lz4: boolean }>("select coalesce(bool_or('lz4' = any(enumvals)), false) as lz4 from pg_settings where name = 'default_toast_compression'");
          const compression = await client.query<{ attname: string; attcompression: string }>(
            "select attname, attcompression from pg_attribute where attrelid = 'documents'::regclass and attname in ('bytes', 'text', 'search_vector') order by attname",
          );
          const expected = lz4.rows[0]?.lz4 ? "l" : "";
          expect(compression.rows).toEqual(["bytes", "search_vector", "text"].map((attname) => ({ attname, attcompression: expected })));
        });
      });
    });

    it("stores a text too crowded with words for one vector, indexing as many as fit", async () => {
      await inFreshSchema(async (schema) => {
        const store = await openStore({ url, schema });
        const text = crowdedText();
        const { id } = await store.putDocument(makeDoc(text, { name: "crowded.txt" }), []);
        const first = [...text].slice(0, 2).join("");
        expect((await store.search(first, { limit: 5 })).hits.map((h) => h.documentId)).toEqual([id]);
        await store.close();
      });
    });

    it("migration 10 rebuilds the vectors the server generated, so older documents are found by the same words", async () => {
      await inFreshSchema(async (schema) => {
        const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 1 });
        const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
        await db.schema.createSchema(schema).execute();
        await migrate(db, "postgres", MIGRATIONS.filter((m) => m.version < 10));
        await db.destroy();
        const text = "Write to press@watch.example.org: executions rose 2.5 times.";
        const id = await withClient(schema, async (client) => {
          const doc = makeDoc(text, { title: "Old bulletin" });
          const r = await client.query<{ id: number }>(
            "insert into documents (sha256, bytes, size, media_type, name, captured_at, collector, title, text, created_at) values ($1, $2, $3, 'text/plain', 'old.txt', '2020', 'file', 'Old bulletin', $4, '2020') returning id",
            [doc.sha256, Buffer.from(doc.bytes), doc.bytes.byteLength, text],
          );
          // The server's own parser kept the address whole: a search for its words missed it.
          const before = await client.query<{ n: string }>("select count(*) as n from documents where search_vector @@ $1::tsquery", ["'watch' & 'example'"]);
          expect(before.rows[0]?.n).toBe("0");
          return Number(r.rows[0]?.id);
        });
        const store = await openStore({ url, schema });
        expect((await store.search("watch example", { limit: 5 })).hits.map((h) => h.documentId)).toEqual([id]);
        expect((await store.search("bulletin executions", { limit: 5 })).hits.map((h) => h.documentId)).toEqual([id]);
        await store.close();
        await withClient(schema, async (client) => expect(await storedVectorIs(client, id, "Old bulletin", text)).toBe(true));
      });
    });

    it("migration 11 rebuilds the vectors of Persian and Arabic documents with the folded words", async () => {
      await inFreshSchema(async (schema) => {
        const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 1 });
        const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
        await db.schema.createSchema(schema).execute();
        await migrate(db, "postgres", MIGRATIONS.filter((m) => m.version < 11));
        await db.destroy();
        // Invented: دست‌کم with ZWNJ and Arabic kaf in زندانيان.
        const text = "به گفته این گروه دست‌کم ۱۲ زندانيان اعدام شدند.";
        const id = await withClient(schema, async (client) => {
          const doc = makeDoc(text);
          const r = await client.query<{ id: number }>(
            "insert into documents (sha256, bytes, size, media_type, name, captured_at, collector, text, created_at, search_vector) values ($1, $2, $3, 'text/plain', 'fa.txt', '2020', 'file', $4, '2020', to_tsvector('simple', $4)) returning id",
            [doc.sha256, Buffer.from(doc.bytes), doc.bytes.byteLength, text],
          );
          return Number(r.rows[0]?.id);
        });
        const store = await openStore({ url, schema });
        for (const q of ["دستکم", "دست‌کم", "زندانیان 12"]) expect((await store.search(q, { limit: 5 })).hits.map((h) => h.documentId), q).toEqual([id]);
        await store.close();
        await withClient(schema, async (client) => expect(await storedVectorIs(client, id, null, text)).toBe(true));
      });
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
