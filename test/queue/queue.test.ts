// Scale-out ingest over pg-boss: enqueue a folder, run a worker until the queue is empty.
import { mkdtemp, rm, writeFile, copyFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { loadConfig } from "../../src/config.js";
import { enqueueInputs, INGEST_QUEUE, openQueue, runWorker } from "../../src/pipeline/queue.js";
import { openStore } from "../../src/store/index.js";

const url = process.env.DATABASE_URL;
const samples = join(import.meta.dirname, "..", "..", "samples", "corpus");
const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function io(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), isTTY: false, exitCode: 0 };
}

describe("queue commands without PostgreSQL", () => {
  it("ingest --queue and worker say they need --db postgres://…", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tally-queue-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const env = { ...process.env };
    delete process.env.DATABASE_URL;
    delete process.env.TALLY_DATABASE_URL;
    try {
      for (const args of [["ingest", "--queue", samples], ["worker", "--once"]]) {
        const out = io();
        expect(await main(["node", "tally", "--data", dir, ...args], out)).toBe(2);
        expect(out.errors.join("\n")).toMatch(/needs the PostgreSQL store: pass --db postgres:\/\//);
      }
    } finally {
      Object.assign(process.env, env);
    }
  });
});

describe.skipIf(!url)("ingest queue on PostgreSQL (needs DATABASE_URL)", () => {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const storeSchema = `tq_store_${id}`;
  const queueSchema = `tq_boss_${id}`;

  it("stores every document of an enqueued folder exactly once; a failing job is recorded and the worker goes on", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tally-queue-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    for (const f of await readdir(samples)) await copyFile(join(samples, f), join(dir, f));
    // Not a document: valid extension, invalid bytes for text (reading it fails).
    await writeFile(join(dir, "broken.txt"), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0xc3, 0x28, 0xa0, 0xa1]));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanup.push(async () => {
      await admin.query(`drop schema if exists ${storeSchema} cascade`);
      await admin.query(`drop schema if exists ${queueSchema} cascade`);
      await admin.end();
    });

    const store = await openStore({ url: url ?? "", schema: storeSchema });
    const boss = await openQueue(url ?? "", { schema: queueSchema });
    try {
      const config = { ...loadConfig({ db: url ?? "", collector: "queue-test" }, {}), workers: 1 };
      const { enqueued, errors } = await enqueueInputs(boss, [dir], { config });
      expect(errors).toEqual([]);
      const files = (await readdir(dir)).filter((f) => /\.(txt|md|html?)$/.test(f));
      expect(enqueued).toBe(files.length);
      // The same folder twice: its documents are still stored once.
      await enqueueInputs(boss, [dir], { config });

      const summary = await runWorker(boss, store, { config, concurrency: 3, once: true, pollSeconds: 0.1 });
      expect(summary.jobs).toBe(2 * files.length);
      expect(summary.failedJobs).toBe(2);
      expect(summary.new).toBe(files.length - 1);
      expect(summary.duplicate).toBe(files.length - 1);
      expect(await store.countDocuments()).toBe(files.length - 1);
      const names = (await store.listDocuments({ limit: 100, offset: 0 })).map((d) => d.name);
      expect(new Set(names).size).toBe(names.length);
      expect(await boss.getQueueSize(INGEST_QUEUE)).toBe(0);
      const failed = await admin.query(`select data, output from ${queueSchema}.job where name = $1 and state = 'failed'`, [INGEST_QUEUE]);
      expect(failed.rows).toHaveLength(2);
      expect(String(failed.rows[0].output.message)).toMatch(/broken\.txt/);
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true });
      await store.close();
    }
  });
});

describe.skipIf(!url)("tally ingest --queue and tally worker on PostgreSQL (needs DATABASE_URL)", () => {
  it("enqueue through the command, then a worker stores each document once, in the operator's name", async () => {
    const db = `tq_cli_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${db}`);
    cleanup.push(async () => {
      await admin.query(`drop database if exists ${db} with (force)`);
      await admin.end();
    });
    const dbUrl = new URL(url ?? "");
    dbUrl.pathname = `/${db}`;
    const files = (await readdir(samples)).filter((f) => /\.(txt|md|html)$/.test(f));
    const enqueue = io();
    expect(await main(["node", "tally", "--db", dbUrl.href, "--collector", "queue-cli", "ingest", "--queue", samples], enqueue)).toBe(0);
    expect(enqueue.lines.at(-1)).toMatch(new RegExp(`^jobs enqueued: ${files.length}; failed inputs: 0`));
    const work = io();
    expect(await main(["node", "tally", "--db", dbUrl.href, "--collector", "queue-cli", "worker", "--once", "--quiet", "--workers", "0"], work)).toBe(0);
    expect(work.lines.join("\n")).toMatch(new RegExp(`^jobs: ${files.length} \\(0 failed\\); documents: ${files.length} new`, "m"));
    const store = await openStore({ url: dbUrl.href });
    try {
      expect(await store.countDocuments()).toBe(files.length);
      expect(new Set((await store.listDocuments({ limit: 100, offset: 0 })).map((d) => d.collector))).toEqual(new Set(["queue-cli"]));
    } finally {
      await store.close();
    }
  });
});
