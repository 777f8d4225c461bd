// A mistyped --data (issue 22, item 6): every command but ingest, import and init refuses a store
// that does not exist, with a message naming where it looked and a non-zero exit, and creates
// nothing there.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../facts/helpers.js";
import { MissingStoreError, openStore } from "../../src/store/index.js";


let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-missing-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const READ_COMMANDS = [
  ["docs"],
  ["claims"],
  ["search", "executed"],
  ["show", "1"],
  ["reextract"],
  ["facts"],
  ["fact", "1"],
  ["conflicts"],
  ["timeline", "--event", "execution", "--place", "Iran"],
  ["sources"],
  ["sources", "add", "Some Watch Group"],
  ["reference", "load"],
  ["audit", "verify"],
  ["audit", "log"],
  ["review", "list"],
  ["review", "accept", "1"],
  ["restrict", "document", "1"],
  ["user", "list"],
  ["user", "add", "someone", "--role", "viewer"],
  ["token", "list"],
  ["export", "--all", "bundle.tally"],
  ["serve", "--port", "0"],
];

describe("a store that does not exist", () => {
  it.each(READ_COMMANDS)("tally %s … refuses it, names it, exits non-zero and creates nothing", async (...args: string[]) => {
    const missing = join(dir, "mistyped-data");
    const extra = args[0] === "export" ? [join(dir, "bundle.tally")] : [];
    const r = await runCli(["--data", missing, ...(extra.length ? [...args.slice(0, -1), ...extra] : args)]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`no Tally store at ${missing}`);
    expect(r.err).toMatch(/tally init/);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, "bundle.tally"))).toBe(false);
  });

  it("is created by `tally init`, after which reading commands answer (empty)", async () => {
    const data = join(dir, "fresh");
    const created = await runCli(["--data", data, "init"]);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/created an empty store/);
    expect((await runCli(["--data", data, "init"])).out).toMatch(/already exists at .*; nothing changed/);
    const docs = await runCli(["--data", data, "docs", "--format", "jsonl"]);
    expect(docs.code).toBe(0);
    expect(docs.out).toBe("");
    expect((await runCli(["--data", data, "audit", "verify"])).code).toBe(0);
  });

  it("is created by ingest", async () => {
    const data = join(dir, "by-ingest");
    const file = join(dir, "note.txt");
    await writeFile(file, "Guards said at least 4 prisoners were executed in Ardmore Prison last week.\n");
    const r = await runCli(["--data", data, "ingest", "--quiet", "--published", "2024-03-01", file]);
    expect(r.code).toBe(0);
    expect((await runCli(["--data", data, "docs", "--format", "jsonl"])).out.split("\n")).toHaveLength(1);
  });

  const url = process.env["DATABASE_URL"];
  it.skipIf(!url)("on PostgreSQL: a schema without Tally's tables is refused, and not created", async () => {
    const schema = `missing_${process.pid}_${Date.now()}`;
    await expect(openStore({ url: url as string, schema, create: false })).rejects.toBeInstanceOf(MissingStoreError);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const r = await client.query("select 1 from information_schema.schemata where schema_name = $1", [schema]);
      expect(r.rowCount).toBe(0);
    } finally {
      await client.end();
    }
    const store = await openStore({ url: url as string, schema });
    await store.close();
    const again = await openStore({ url: url as string, schema, create: false });
    expect(await again.countUsers()).toBe(0);
    await again.close();
    const drop = new pg.Client({ connectionString: url });
    await drop.connect();
    await drop.query(`drop schema ${schema} cascade`);
    await drop.end();
  });
});
