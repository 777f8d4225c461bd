// The audit trail on PostgreSQL (DATABASE_URL), each test in a fresh schema dropped afterwards;
// concurrent writers are separate connection pools, as separate processes would be.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { makeClaim, makeDoc } from "../store/fixtures.js";
import { runAuditSuite } from "./audit-suite.js";

const url = process.env.DATABASE_URL;

async function withClient<T>(schema: string | null, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function freshSchema(): string {
  return `tally_test_${randomBytes(6).toString("hex")}`;
}

if (url) {
  runAuditSuite("postgres", async () => {
    const schema = freshSchema();
    const store = await openStore({ url, schema });
    return {
      store,
      raw: {
        exec: (statement) => withClient(schema, async (c) => void (await c.query(statement))),
        setBytes: (id, bytes) => withClient(schema, async (c) => void (await c.query("update documents set bytes = $1, size = $2 where id = $3", [bytes, bytes.byteLength, id]))),
        dropGuard: () => withClient(schema, async (c) => void (await c.query("drop trigger audit_events_append_only on audit_events"))),
      },
      cleanup: async () => {
        await store.close();
        await withClient(null, async (c) => void (await c.query(`drop schema if exists "${schema}" cascade`)));
      },
    };
  });

  describe("audit trail: postgres connections", () => {
    it("keeps one unbroken chain when two connections write at once", async () => {
      const schema = freshSchema();
      const one = await openStore({ url, schema });
      const two = await openStore({ url, schema });
      try {
        const writer = async (store: typeof one, tag: string): Promise<void> => {
          const s = store.withActor(tag);
          let previous: number | null = null;
          for (let i = 0; i < 15; i++) {
            const { id } = await s.putDocument(makeDoc(`${tag} document ${i}`), [makeClaim({ count: i })]);
            if (i % 5 === 0) await s.upsertSource({ name: `Monitor ${tag} ${i}`, kind: "ngo", aliases: [] });
            if (previous !== null) await s.addRelation(previous, id, "near_duplicate", 0.5);
            await s.replaceClaims(id, [makeClaim({ count: i + 1 })], "pg-1");
            previous = id;
          }
        };
        // Several writers per pool too, so connections really contend for the chain head.
        await Promise.all([writer(one, "a"), writer(two, "b"), writer(one, "c"), writer(two, "d")]);
        const report = await one.verifyAudit();
        expect(report.problems).toEqual([]);
        expect(report).toMatchObject({ ok: true, documents: 60, events: 4 * 62 });
        const events = await two.listAuditEvents();
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      } finally {
        await one.close();
        await two.close();
        await withClient(null, async (c) => void (await c.query(`drop schema if exists "${schema}" cascade`)));
      }
    });
  });
} else {
  describe.skip("audit trail: postgres (set DATABASE_URL=postgres://… to run)", () => {
    it("needs DATABASE_URL", () => {
      expect(url).toBeDefined();
    });
  });
}
