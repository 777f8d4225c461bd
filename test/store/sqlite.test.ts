// Runs the Store contract on embedded SQLite, plus SQLite-only behaviour (pragmas, shared file, newer schema).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { latestVersion, migrate } from "../../src/store/migrate.js";
import type { Database } from "../../src/store/schema.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, SQLITE_FILE } from "../../src/store/open-store.js";
import { makeClaim, makeDoc } from "./fixtures.js";
import { runLanguageContract } from "./language-contract.js";
import { runReviewContract } from "./review-contract.js";
import { runStoreContract, sqliteStoreFactory } from "./store-contract.js";

const require = createRequire(import.meta.url);
const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tally-store-"));
  dirs.push(dir);
  return dir;
}

const sqliteFactory = sqliteStoreFactory();
runStoreContract("sqlite", sqliteFactory);
runReviewContract("sqlite", sqliteFactory);
runLanguageContract("sqlite", sqliteFactory);

describe("SQLite migration 11", () => {
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("rebuilds the full-text index of stored documents with folded Persian and Arabic words", async () => {
    const dir = await tempDir();
    const database = new BetterSqlite3(join(dir, SQLITE_FILE));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    await migrate(db, "sqlite", MIGRATIONS.filter((m) => m.version < 11));
    // Invented: ZWNJ, harakat and Arabic yeh and kaf.
    const text = "قالت المنظمة إن دست‌کم ۱۲ سجينا أُعْدِمُوا في كانون الثاني.";
    const doc = makeDoc(text);
    database
      .prepare("insert into documents (sha256, bytes, size, media_type, name, captured_at, collector, text, created_at) values (?, ?, ?, 'text/plain', 'old.txt', '2020', 'file', ?, '2020')")
      .run(doc.sha256, Buffer.from(doc.bytes), doc.bytes.byteLength, doc.text);
    await db.destroy();
    const store = await openStore({ dataDir: dir });
    try {
      for (const q of ["دستکم", "دست‌کم", "اعدموا", "کانون", "12"]) expect((await store.search(q, { limit: 5 })).hits.map((h) => h.name), q).toEqual(["old.txt"]);
      const [hit] = (await store.search("کانون", { limit: 1 })).hits;
      expect(hit?.snippet).toContain("[كانون]");
    } finally {
      await store.close();
    }
  });
});

describe("SQLite store file", () => {
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("creates the data directory and a WAL-mode database file", async () => {
    const dir = join(await tempDir(), "nested", "data");
    const store = await openStore({ dataDir: dir });
    await store.close();
    const raw = new BetterSqlite3(join(dir, SQLITE_FILE));
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.prepare("select version, name from tally_migrations").all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    raw.close();
  });

  it("waits for another process's write lock instead of failing (busy_timeout)", async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    // Another connection on another thread holds the write lock for 300 ms, as a second process would.
    const holder = new Worker(
      `const { parentPort, workerData } = require("node:worker_threads");
       const Database = require(workerData.module);
       const db = new Database(workerData.file);
       db.exec("begin immediate");
       db.prepare("insert into sources (name, kind, aliases, created_at) values ('Held', 'ngo', '[]', 'now')").run();
       parentPort.postMessage("locked");
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec("commit");
       db.close();`,
      { eval: true, workerData: { module: require.resolve("better-sqlite3"), file: join(dir, SQLITE_FILE) } },
    );
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    await new Promise((resolve) => holder.once("message", resolve));
    const started = Date.now();
    const { created } = await store.putDocument(makeDoc("Written while another writer held the lock."), [makeClaim()]);
    expect(created).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect((await store.listSources()).map((s) => s.name)).toEqual(["Held"]);
    await exited;
    await store.close();
  });

  it("keeps data across reopening and enforces foreign keys", async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    const { id } = await store.putDocument(makeDoc("Persistent text."), [makeClaim()]);
    await expect(store.addRelation(id, id + 50, "syndicated", 0.5)).rejects.toThrow(/FOREIGN KEY/);
    await store.close();
    const reopened = await openStore({ dataDir: dir });
    expect((await reopened.getDocument(id))?.text).toBe("Persistent text.");
    await reopened.close();
  });

  it("refuses a database created by a newer Tally", async () => {
    const dir = await tempDir();
    await (await openStore({ dataDir: dir })).close();
    const raw = new BetterSqlite3(join(dir, SQLITE_FILE));
    raw.prepare(`insert into tally_migrations (version, name, applied_at) values (${latestVersion(MIGRATIONS) + 1}, 'future', '2099-01-01')`).run();
    raw.close();
    await expect(openStore({ dataDir: dir })).rejects.toThrow(
      `this store was created by a newer version of Tally (schema ${latestVersion(MIGRATIONS) + 1}, this version knows up to ${latestVersion(MIGRATIONS)}); upgrade Tally`,
    );
  });
});
