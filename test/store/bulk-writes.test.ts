// A store opened for a long run of writes (`tally ingest`: StoreConfig.bulkWrites) keeps its memory
// flat: a smaller page cache and no memory map, on the calling thread and on SQLite threads alike.
// Other connections keep the reading settings.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { SQLITE_FILE } from "../../src/store/open-store.js";
import { openSqliteDatabase } from "../../src/store/sqlite-database.js";
import { SqliteThreadsDialect } from "../../src/store/sqlite-threads.js";

const dirs: string[] = [];
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tally-bulk-"));
  dirs.push(dir);
  return join(dir, SQLITE_FILE);
}

describe("bulk-write connections", () => {
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("a connection opened for bulk writes has a 64 MB page cache and no memory map; others 256 MB and a map", async () => {
    const file = await tempFile();
    const bulk = openSqliteDatabase(file, { busyTimeoutMs: 1000, optimize: false, bulkWrites: true });
    const reading = openSqliteDatabase(file, { busyTimeoutMs: 1000, optimize: false });
    try {
      expect(bulk.pragma("cache_size", { simple: true })).toBe(-65536);
      expect(bulk.pragma("mmap_size", { simple: true })).toBe(0);
      expect(reading.pragma("cache_size", { simple: true })).toBe(-262144);
      expect(Number(reading.pragma("mmap_size", { simple: true }))).toBeGreaterThan(0);
    } finally {
      bulk.close();
      reading.close();
    }
  });

  it("SQLite threads open their connections with the setting", async () => {
    const file = await tempFile();
    for (const bulkWrites of [true, false]) {
      const db = new Kysely<unknown>({ dialect: new SqliteThreadsDialect({ file, threads: 1, busyTimeoutMs: 1000, optimize: false, bulkWrites }) });
      try {
        const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
        expect(rows[0]?.cache_size).toBe(bulkWrites ? -65536 : -262144);
      } finally {
        await db.destroy();
      }
    }
  });
});
