// The embedded store with its statements run on threads (as `tally serve` opens it): the whole Store
// contract, and what the threads are for: the calling thread keeps running while SQLite works, and
// this process's writers queue for each other instead of failing on SQLite's lock.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, SQLITE_FILE } from "../../src/store/open-store.js";
import { SqliteThreadError, SqliteThreadsDialect } from "../../src/store/sqlite-threads.js";
import { makeClaim, makeDoc } from "./fixtures.js";
import { runReviewContract } from "./review-contract.js";
import { runStoreContract, sqliteStoreFactory } from "./store-contract.js";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tally-threads-"));
  dirs.push(dir);
  return dir;
}

const threadedFactory = sqliteStoreFactory({ threads: 3 });
runStoreContract("sqlite on threads", threadedFactory);
runReviewContract("sqlite on threads", threadedFactory);

/** A statement that keeps SQLite busy for a while (a few hundred ms here). */
const SLOW = sql<{ n: number }>`with recursive r(i) as (select 1 union all select i + 1 from r where i < 3000000) select count(*) as n from r`;

describe("SQLite on threads", () => {
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function rawDb(threads: number, busyTimeoutMs = 5000): Promise<Kysely<unknown>> {
    const file = join(await tempDir(), SQLITE_FILE);
    return new Kysely<unknown>({ dialect: new SqliteThreadsDialect({ file, threads, busyTimeoutMs, optimize: false }) });
  }

  it("leaves the calling thread free while a statement runs, and answers a quick one on another connection first", async () => {
    const db = await rawDb(2);
    try {
      await sql`select 1`.execute(db);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const order: string[] = [];
      const slow = SLOW.execute(db).then((r) => {
        order.push("slow");
        return r.rows[0]?.n;
      });
      await new Promise((r) => setTimeout(r, 20));
      const quick = sql<{ v: number }>`select 42 as v`.execute(db).then((r) => {
        order.push("quick");
        return r.rows[0]?.v;
      });
      expect(await Promise.all([slow, quick])).toEqual([3000000, 42]);
      clearInterval(timer);
      expect(order).toEqual(["quick", "slow"]);
      // The event loop ran all along (an in-thread statement would have let no timer fire).
      expect(ticks).toBeGreaterThan(5);
    } finally {
      await db.destroy();
    }
  });

  it("queues this process's write transactions rather than failing on the lock, even without a busy timeout", async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, threads: 3, busyTimeoutMs: 0 });
    try {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.putDocument(makeDoc(`Document number ${i} written at the same time as the others.`), [makeClaim({ count: i + 1 })])),
      );
      expect(results.every((r) => r.created)).toBe(true);
      expect(await store.countDocuments()).toBe(12);
      expect(await store.countClaims({})).toBe(12);
      expect((await store.verifyAudit()).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("reports SQLite's errors with their message and code, and the connection goes on working", async () => {
    const db = await rawDb(1);
    try {
      await sql`create table t (id integer primary key, v text unique)`.execute(db);
      await sql`insert into t (v) values ('a')`.execute(db);
      const dup = await sql`insert into t (v) values ('a')`.execute(db).catch((e: unknown) => e);
      expect(dup).toBeInstanceOf(SqliteThreadError);
      expect((dup as SqliteThreadError).code).toBe("SQLITE_CONSTRAINT_UNIQUE");
      expect((dup as Error).message).toMatch(/UNIQUE constraint failed: t\.v/);
      await expect(sql`select * from missing_table`.execute(db)).rejects.toThrow(/no such table: missing_table/);
      const bytes = Buffer.from([0, 1, 2, 255]);
      await sql`create table b (data blob)`.execute(db);
      await sql`insert into b (data) values (${bytes})`.execute(db);
      const row = (await sql<{ data: Buffer }>`select data from b`.execute(db)).rows[0];
      expect(Buffer.isBuffer(row?.data)).toBe(true);
      expect(row?.data.equals(bytes)).toBe(true);
      const inserted = await sql`insert into t (v) values ('b')`.execute(db);
      expect(inserted.numAffectedRows).toBe(1n);
      expect(inserted.insertId).toBe(2n);
    } finally {
      await db.destroy();
    }
  });

  it("lets a process finish its work on the threads and exit on its own once the pool is idle", async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "threads-child.ts"), dir], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.once("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect({ code, out, err }).toEqual({ code: 0, out: "claims 1\nclosed\n", err: "" });
  });

  it("fails to open a file that cannot be opened, with SQLite's reason", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, SQLITE_FILE)); // a directory where the database file should be
    await expect(openStore({ dataDir: dir, threads: 1 })).rejects.toThrow(/unable to open database file/);
  });
});
