// Backup bundles: a store exported and imported SQLite → SQLite, and SQLite → PostgreSQL → SQLite
// (with DATABASE_URL), equal table by table; damaged, foreign and misplaced bundles refused.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUNDLE_TABLES } from "../../src/store/bundle-format.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { makeDoc } from "../store/fixtures.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { bundleLines, bundleStream, dumpAll, exportToBuffer, fillStore, makeBundle, postgresTables, sqliteTables } from "./backup-fixture.js";
import { expectCopy, expectWorkingCopy } from "./round-trip.js";

const url = process.env.DATABASE_URL;
const dirs: string[] = [];

async function sqliteStore(): Promise<{ store: Store; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), "tally-backup-"));
  dirs.push(dir);
  return { store: await openStore({ dataDir: dir }), dir };
}

/** The store holds nothing: no documents, users or audit events. */
async function expectEmpty(store: Store): Promise<void> {
  expect(await store.countDocuments()).toBe(0);
  expect(await store.listUsers()).toEqual([]);
  expect(await store.listAuditEvents()).toEqual([]);
  expect(await store.listSources()).toEqual([]);
}

let source: Store;
let sourceDir: string;
let bundle: Buffer;

beforeAll(async () => {
  ({ store: source, dir: sourceDir } = await sqliteStore());
  await fillStore(source);
  bundle = await exportToBuffer(source);
});

afterAll(async () => {
  await source.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("backup bundle format", () => {
  it("lists every table but sessions and migrations, parents first", () => {
    expect(BUNDLE_TABLES.map((t) => t.name)).toEqual(["documents", "sources", "source_keys", "claims", "claim_victims", "document_relations", "victim_lists", "victim_rows", "victim_mentions", "victim_persons", "victim_pairs", "victim_decisions", "users", "api_tokens", "audit_events", "audit_head"]);
  });

  it("starts with a header describing the tables and ends with a checksum", async () => {
    const lines = bundleLines(bundle);
    const header = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(header).toMatchObject({ format: "tally-bundle", version: 1, schemaVersion: await source.schemaVersion(), tally: "0.1.0", dialect: "sqlite", public: false, binary: { documents: ["bytes"] } });
    expect(header.tables).toMatchObject({ documents: 4, sources: 2, users: 2, api_tokens: 2, audit_head: 1 });
    expect(Object.keys(header.tables as object)).not.toContain("sessions");
    const end = JSON.parse(lines.at(-1) as string) as { end: boolean; rows: number; sha256: string };
    expect(end.end).toBe(true);
    expect(end.rows).toBe(lines.length - 2);
    expect(lines.some((l) => l.includes("scrypt$16384$8$1$salt$hash-a"))).toBe(true);
    const doc = lines.map((l) => JSON.parse(l) as { table?: string; row?: Record<string, unknown> }).find((l) => l.table === "documents" && l.row?.name === "b.bin");
    expect(Buffer.from(doc?.row?.bytes as string, "base64")).toEqual(Buffer.from([0x48, 0x69, 0x80, 0xc0, 0xaf, 0x00, 0xff, 0xfe, 0xe2, 0x82, 0x0a]));
  });
});

describe("backup bundle: sqlite → sqlite", () => {
  it("restores every table, byte for byte, and the copy verifies and searches", async () => {
    const { store, dir } = await sqliteStore();
    try {
      const summary = await store.withActor("restorer").importBundle(bundleStream(bundle));
      expect(summary.bytes).toBe(bundle.length);
      expect(summary.header.tables.documents).toBe(4);
      const a = sqliteTables(sourceDir);
      const b = sqliteTables(dir);
      expectCopy(await dumpAll(a), await dumpAll(b), "restorer");
      await a.close();
      await b.close();
      await expectWorkingCopy(store);
    } finally {
      await store.close();
    }
  });

  it("refuses a store that is not empty and leaves it alone", async () => {
    const { store } = await sqliteStore();
    try {
      await store.importBundle(bundleStream(bundle));
      const events = (await store.listAuditEvents()).length;
      await expect(store.importBundle(bundleStream(bundle))).rejects.toThrow(/^the store is not empty \(4 documents, .*\); import restores into an empty store only$/);
      expect((await store.listAuditEvents()).length).toBe(events);
    } finally {
      await store.close();
    }
  });

  it("refuses a store that has only a session or an audit trail", async () => {
    const { store } = await sqliteStore();
    try {
      await store.upsertSource({ name: "Only one", kind: "ngo", aliases: [] });
      await expect(store.importBundle(bundleStream(bundle))).rejects.toThrow(/not empty \(1 sources, 1 source keys, 1 audit events\)/);
    } finally {
      await store.close();
    }
  });

  describe("damaged bundles leave the store empty", () => {
    // A store of its own for each test, so that no test depends on the ones before it.
    let store: Store;
    beforeEach(async () => {
      ({ store } = await sqliteStore());
    });
    afterEach(async () => {
      await store.close();
    });

    const refused = async (input: Buffer, message: RegExp | string): Promise<void> => {
      await expect(store.importBundle(bundleStream(input))).rejects.toThrow(message);
      await expectEmpty(store);
    };

    it("a truncated bundle (gzip cut short)", async () => {
      await refused(bundle.subarray(0, Math.floor(bundle.length * 0.6)), "bundle is truncated");
    });

    it("a bundle whose last lines are missing (well-formed gzip)", async () => {
      const lines = bundleLines(bundle);
      await refused(gzipSync(lines.slice(0, -3).map((l) => `${l}\n`).join("")), "bundle is truncated");
    });

    it("a bundle with one altered byte in a row (re-compressed)", async () => {
      const lines = bundleLines(bundle);
      const i = lines.findIndex((l) => l.includes('"table":"claims"') && l.includes('"count":31'));
      lines[i] = (lines[i] as string).replace('"count":31', '"count":37');
      await refused(makeBundle(lines), "bundle checksum mismatch");
    });

    it("a bundle with an altered row that no longer fits its table (re-compressed)", async () => {
      const lines = bundleLines(bundle);
      const i = lines.findIndex((l) => l.includes('"table":"claims"'));
      lines[i] = (lines[i] as string).replace('"count":', '"count":"x","was":');
      await refused(makeBundle(lines), "bundle checksum mismatch");
    });

    it("a bundle with one byte flipped anywhere in the compressed data", async () => {
      // Past the 10-byte gzip header, at eleven places from the start to the end of the data
      // (damage early in the data once read as "not gzip data").
      for (let k = 0; k <= 10; k++) {
        const flipped = Buffer.from(bundle);
        const at = 10 + Math.floor(((flipped.length - 11) * k) / 10);
        flipped[at] = (flipped[at] as number) ^ 0x20;
        // (Damage to the first line can leave no readable header, which is said as such.)
        await refused(flipped, /^(bundle (is corrupt|is truncated|checksum mismatch)|not a Tally bundle \(no bundle header\))/);
      }
    });

    it("a bundle whose rows do not fit, even with a matching checksum", async () => {
      const lines = bundleLines(bundle);
      const i = lines.findIndex((l) => l.includes('"table":"claims"'));
      lines[i] = (lines[i] as string).replace('"count":', '"count":"x","was":');
      await refused(makeBundle(lines, true), /^bundle is corrupt: line \d+: claims.count is not int$/);
      await refused(makeBundle([lines[0] as string, "null", ...lines.slice(1)], true), /^bundle is corrupt: line 2 is not a row$/);
      await refused(makeBundle([lines[0] as string, '{"table":"sessions","row":{}}', ...lines.slice(1)], true), /^bundle is corrupt: line 2 names no table of the bundle \("sessions"\)$/);
    });

    it("a bundle from a newer schema, or another one", async () => {
      const lines = bundleLines(bundle);
      const header = JSON.parse(lines[0] as string) as { schemaVersion: number };
      const v = header.schemaVersion;
      await refused(makeBundle([JSON.stringify({ ...header, schemaVersion: v + 1 }), ...lines.slice(1)], true), `bundle was written by a newer Tally (schema ${v + 1}, this store has schema ${v}); upgrade Tally`);
      await refused(makeBundle([JSON.stringify({ ...header, schemaVersion: v - 1 }), ...lines.slice(1)], true), `bundle has schema ${v - 1} but this store has schema ${v}`);
      await refused(makeBundle([JSON.stringify({ ...header, version: 2 }), ...lines.slice(1)], true), "bundle format version 2 is newer than this Tally reads (1); upgrade Tally");
    });

    it("files that are not bundles", async () => {
      await refused(Buffer.from("documents,claims\n1,2\n"), "not a Tally bundle (not gzip data)");
      await refused(gzipSync('{"hello":"world"}\n'), "not a Tally bundle (no bundle header)");
      await refused(gzipSync(""), "bundle is empty");
    });

    it("and a good bundle still restores after a damaged one was refused", async () => {
      await refused(bundle.subarray(0, Math.floor(bundle.length * 0.6)), "bundle is truncated");
      await refused(makeBundle([JSON.stringify({ ...(JSON.parse(bundleLines(bundle)[0] as string) as object), version: 2 }), ...bundleLines(bundle).slice(1)], true), /newer than this Tally reads/);
      await store.importBundle(bundleStream(bundle));
      expect(await store.countDocuments()).toBe(4);
      expect((await store.verifyAudit()).ok).toBe(true);
    });
  });

  it("a public export leaves out restricted material, users, tokens and the trail, and restores with a new trail", async () => {
    const publicBundle = await exportToBuffer(source, { public: true });
    const lines = bundleLines(publicBundle);
    const header = JSON.parse(lines[0] as string) as { public: boolean; tables: Record<string, number>; note: string };
    expect(header.public).toBe(true);
    expect(header.note).toMatch(/cannot be verified against the full audit trail/);
    expect(Object.keys(header.tables)).toEqual(["documents", "sources", "source_keys", "claims", "claim_victims", "document_relations", "victim_lists", "victim_rows", "victim_mentions", "victim_persons"]);
    expect(header.tables).toMatchObject({ documents: 3, sources: 1 });
    expect(lines.join("\n")).not.toMatch(/witness|scrypt|counted twice/i);
    const { store } = await sqliteStore();
    try {
      await store.withActor("publisher").importBundle(bundleStream(publicBundle));
      expect(await store.countDocuments()).toBe(3);
      expect(await store.listUsers()).toEqual([]);
      expect((await store.search("hanged", { limit: 10 })).hits.length).toBe(2);
      const report = await store.verifyAudit();
      expect(report.problems).toEqual([]);
      const events = await store.listAuditEvents();
      expect(events.at(-1)).toMatchObject({ action: "store.import", actor: "publisher" });
      expect(events.filter((e) => e.action === "document.baseline")).toHaveLength(3);
      // A viewer's export sees only public material, so it can only be a public one.
      await expect(exportToBuffer(source.withAccess({ restricted: false }))).rejects.toThrow(/--public/);
    } finally {
      await store.close();
    }
  });
});

if (url) {
  describe("backup bundle: sqlite → postgres → sqlite", () => {
    it("restores every table on PostgreSQL and back, and each copy verifies and searches", async () => {
      const schema = freshSchema("tally_backup");
      const pgStore = await openStore({ url, schema });
      const { store: back, dir: backDir } = await sqliteStore();
      const rawA = sqliteTables(sourceDir);
      const rawB = await postgresTables(url, schema);
      const rawC = sqliteTables(backDir);
      try {
        await pgStore.withActor("to-pg").importBundle(bundleStream(bundle));
        const original = await dumpAll(rawA);
        const onPg = await dumpAll(rawB);
        expectCopy(original, onPg, "to-pg");
        const pgBundle = await exportToBuffer(pgStore);
        expect(JSON.parse(bundleLines(pgBundle)[0] as string)).toMatchObject({ dialect: "postgres" });
        await back.withActor("from-pg").importBundle(bundleStream(pgBundle));
        expectCopy(onPg, await dumpAll(rawC), "from-pg");
        await expectWorkingCopy(pgStore);
        await expectWorkingCopy(back);
      } finally {
        await rawA.close();
        await rawB.close();
        await rawC.close();
        await back.close();
        await pgStore.close();
        await dropSchema(url, schema);
      }
    });

    it("refuses a damaged bundle on PostgreSQL and leaves the store empty", async () => {
      const schema = freshSchema("tally_backup");
      const pgStore = await openStore({ url, schema });
      try {
        const lines = bundleLines(bundle);
        const i = lines.findIndex((l) => l.includes('"table":"audit_events"'));
        lines[i] = (lines[i] as string).replace('"actor":"', '"actor":"X');
        await expect(pgStore.importBundle(bundleStream(makeBundle(lines)))).rejects.toThrow("bundle checksum mismatch");
        await expect(pgStore.importBundle(bundleStream(bundle.subarray(0, bundle.length - 40)))).rejects.toThrow("bundle is truncated");
        await expectEmpty(pgStore);
        await pgStore.importBundle(bundleStream(bundle));
        expect((await pgStore.verifyAudit()).ok).toBe(true);
        await expect(pgStore.importBundle(bundleStream(bundle))).rejects.toThrow(/the store is not empty/);
      } finally {
        await pgStore.close();
        await dropSchema(url, schema);
      }
    });

    it("reports rows PostgreSQL cannot take (a NUL in text) and leaves the store empty", async () => {
      const { store: withNul } = await sqliteStore();
      const schema = freshSchema("tally_backup");
      const pgStore = await openStore({ url, schema });
      try {
        await withNul.putDocument(makeDoc("a NUL \u0000 in the working text"), []);
        const nulBundle = await exportToBuffer(withNul);
        await expect(pgStore.importBundle(bundleStream(nulBundle))).rejects.toThrow(/^cannot restore documents \(lines 2–2\): /);
        await expectEmpty(pgStore);
      } finally {
        await withNul.close();
        await pgStore.close();
        await dropSchema(url, schema);
      }
    });
  });
} else {
  describe.skip("backup bundle: sqlite → postgres → sqlite (set DATABASE_URL=postgres://… to run)", () => {
    it("needs DATABASE_URL", () => {
      expect(url).toBeDefined();
    });
  });
}
