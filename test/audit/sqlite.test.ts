// The audit trail on embedded SQLite: the shared suite, writers in separate processes, the
// baseline of a store created before the audit trail, and the `tally audit` commands.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { migrate } from "../../src/store/migrate.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openStore, SQLITE_FILE } from "../../src/store/open-store.js";
import type { Database } from "../../src/store/schema.js";
import { makeClaim, makeDoc } from "../store/fixtures.js";
import { runAuditSuite } from "./audit-suite.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tally-audit-"));
  dirs.push(dir);
  return dir;
}

runAuditSuite("sqlite", async () => {
  const dir = await tempDir();
  const store = await openStore({ dataDir: dir });
  const raw = new BetterSqlite3(join(dir, SQLITE_FILE));
  raw.pragma("busy_timeout = 5000");
  return {
    store,
    raw: {
      exec: async (statement) => {
        raw.exec(statement);
      },
      setBytes: async (id, bytes) => {
        raw.prepare("update documents set bytes = ?, size = ? where id = ?").run(bytes, bytes.byteLength, id);
      },
      dropGuard: async () => {
        raw.exec("drop trigger audit_events_no_update; drop trigger audit_events_no_delete");
      },
    },
    cleanup: async () => {
      raw.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "test", "audit", "writer-child.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${args[1]} exited ${code}: ${stderr}`))));
  });
}

function testIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => errors.push(l), isTTY: false, exitCode: 0, lines, errors };
}

describe("audit trail: sqlite file", () => {
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("keeps one unbroken chain when two processes write the same file at once", async () => {
    const dir = await tempDir();
    await (await openStore({ dataDir: dir })).close();
    await Promise.all([run([dir, "a", "15"]), run([dir, "b", "15"])]);
    const store = await openStore({ dataDir: dir });
    try {
      const report = await store.verifyAudit();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.documents).toBe(30);
      const events = await store.listAuditEvents();
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      // Per writer: 15 documents + 15 claim lists + 15 re-extractions + 14 relations + 3 sources.
      expect(events.filter((e) => e.actor === "writer-a")).toHaveLength(62);
      expect(events.filter((e) => e.actor === "writer-b")).toHaveLength(62);
    } finally {
      await store.close();
    }
  }, 60_000);

  it("records what a store already held as baseline events when the audit trail is added", async () => {
    const dir = await tempDir();
    const database = new BetterSqlite3(join(dir, SQLITE_FILE));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    await migrate(db, "sqlite", MIGRATIONS.filter((m) => m.version < 3));
    const doc = makeDoc("Old document: 7 executed.");
    database
      .prepare("insert into documents (sha256, bytes, size, media_type, name, captured_at, collector, text, created_at) values (?, ?, ?, 'text/plain', 'old.txt', '2020', 'file', ?, '2020')")
      .run(doc.sha256, Buffer.from(doc.bytes), doc.bytes.byteLength, doc.text);
    database
      .prepare("insert into claims (document_id, event, count, qualifier, victims, quote, span_start, span_end, clutter, extractor_version, created_at) values (1, 'execution', 7, 'exact', '[]', 'q', 0, 1, 0, 'old', '2020')")
      .run();
    database.prepare("insert into sources (name, kind, aliases, created_at) values ('Old Watch', 'ngo', '[]', '2020')").run();
    await db.destroy();

    const store = await openStore({ dataDir: dir });
    try {
      expect((await store.listAuditEvents()).map((e) => [e.action, e.actor])).toEqual([
        ["document.baseline", "migration"],
        ["claims.baseline", "migration"],
        ["source.baseline", "migration"],
      ]);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, events: 3, documents: 1, claims: 1 });
      await store.putDocument(makeDoc("New document."), [makeClaim()]);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, events: 5, documents: 2, claims: 2 });
    } finally {
      await store.close();
    }
  });

  it("tally audit verify prints the result and exits 1 when the trail is broken; tally audit log lists events", async () => {
    const dir = await tempDir();
    const store = (await openStore({ dataDir: dir })).withActor("alice");
    const { id } = await store.putDocument(makeDoc("A bulletin: 4 executed."), [makeClaim({ count: 4 })]);
    await store.upsertSource({ name: "Beta Monitor", kind: "ngo", aliases: [] }, { actor: "bob" });
    await store.close();

    let io = testIo();
    expect(await main(["node", "tally", "--data", dir, "audit", "verify"], io)).toBe(0);
    expect(io.lines[0]).toBe("audit trail verified: OK");
    expect(io.lines.join("\n")).toMatch(/events {5}3 \(chain head: event 3, [0-9a-f]{64}\)/);

    io = testIo();
    expect(await main(["node", "tally", "--data", dir, "audit", "log", "--actor", "alice"], io)).toBe(0);
    expect(io.lines.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual(["document.create", "claims.create"]);
    io = testIo();
    expect(await main(["node", "tally", "--data", dir, "audit", "log", "--object", `claims:${id}`, "--since", "2020-01-01"], io)).toBe(0);
    expect(io.lines).toHaveLength(1);
    io = testIo();
    expect(await main(["node", "tally", "--data", dir, "audit", "log", "--format", "table"], io)).toBe(0);
    expect(io.lines.join("\n")).toContain("source.upsert");
    expect(io.lines.at(-1)).toBe("3 events");
    io = testIo();
    expect(await main(["node", "tally", "--data", dir, "audit", "log", "--object", "bogus"], io)).toBe(2);
    expect(io.errors[0]).toMatch(/--object must be TYPE or TYPE:ID/);

    const raw = new BetterSqlite3(join(dir, SQLITE_FILE));
    raw.exec("drop trigger audit_events_no_update");
    raw.prepare("update audit_events set actor = 'mallory' where seq = 2").run();
    raw.close();
    io = testIo();
    expect(await main(["node", "tally", "--data", dir, "audit", "verify"], io)).toBe(1);
    expect(io.lines[0]).toBe("audit trail BROKEN: 1 problem");
    expect(io.lines).toContain("  event 2: hash does not match its content (edited?)");
    io = testIo();
    expect(await main(["node", "tally", "--data", dir, "audit", "verify", "--format", "json"], io)).toBe(1);
    expect(JSON.parse(io.lines[0] ?? "{}")).toMatchObject({ ok: false, problems: [{ seq: 2 }] });
  });
});
