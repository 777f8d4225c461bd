// Fault injection (issue 22): SIGKILL at random points of ingest and review (both stores), a full
// disk during ingest and import, and concurrent writers (the embedded store). After each fault the work is
// run again; nothing may be lost or half-stored: every document once, each with all its claims,
// every decision with its audit event, and `audit verify` passing. The default run does one kill
// run; `npm run test:faults` (TALLY_FAULT_RUNS=10) every fault, ten times each, with random seeds.
// Each run prints what it tried. On PostgreSQL (with DATABASE_URL) the long suite kills ingest and
// review too; a restarted server is not in this suite yet.
import { execFileSync, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { openStore, type Store } from "../../src/store/index.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import pg from "pg";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RUNS = Math.max(1, Number(process.env["TALLY_FAULT_RUNS"] ?? 1));
/** The long suite (npm run test:faults); the default run does one kill run only, with a fixed seed. */
const FULL = process.env["TALLY_FAULT_RUNS"] !== undefined;
const SEED = FULL ? {} : { seed: 22 };
const DOCS = 40;
const figures = { runs: 0, kills: 0, fullDisks: 0, concurrent: 0, restarts: 0 };

function log(line: string): void {
  process.stdout.write(`[faults] ${line}\n`);
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a child (the CLI, or a script) and, with `killAfterLines`, SIGKILLs it as soon as it has
 * printed that many lines: the kill lands between two committed steps or in the middle of the
 * next one, wherever the child is then. `fileLimitBlocks` caps the size of files it may write
 * (ulimit -f, 512-byte blocks): a full disk.
 */
function run(args: string[], opts: { killAfterLines?: number; fileLimitBlocks?: number; afterLines?: { lines: number; then: () => void } } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TALLY_COLLECTOR: "fault-suite" };
    delete env.DATABASE_URL;
    const node = [process.execPath, "--import", "tsx", ...args];
    const child = opts.fileLimitBlocks === undefined
      ? spawn(node[0] as string, node.slice(1), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
      : spawn("bash", ["-c", `ulimit -f ${opts.fileLimitBlocks}; exec "$@"`, "bash", ...node], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (opts.killAfterLines !== undefined && stdout.split("\n").length > opts.killAfterLines) child.kill("SIGKILL");
      if (opts.afterLines && stdout.split("\n").length > opts.afterLines.lines) {
        const { then } = opts.afterLines;
        delete opts.afterLines;
        then();
      }
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The CLI over a data directory, or over PostgreSQL for a postgres:// URL. */
const cli = (data: string, ...args: string[]) => [join(ROOT, "test", "cli", "cli-child.ts"), /^postgres/.test(data) ? "--db" : "--data", data, ...args];

let dir: string;
let corpus: string;
/** Claims per document SHA-256 in a clean, uninterrupted ingest. */
const reference = new Map<string, number>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-faults-"));
  corpus = join(dir, "corpus");
  await mkdir(corpus);
  const places = ["the northern jail", "the river district", "the capital", "the border town"];
  for (let i = 0; i < DOCS; i++) {
    const lines = [
      `Bulletin ${i}: at least ${3 + i} prisoners were executed in ${places[i % 4]} in ${2010 + (i % 12)}, the Lantern Rights group said.`,
      i % 3 ? `Police arrested ${20 + i * 2} protesters in ${places[(i + 1) % 4]} last week.` : `Families waited outside the court on day ${i}.`,
      `${"Background paragraph without figures. ".repeat(30 + i)}`,
    ];
    await writeFile(join(corpus, `doc-${String(i).padStart(3, "0")}.txt`), lines.join("\n\n"));
  }
  const store = await openStore({ dataDir: join(dir, "reference") });
  await ingest([corpus], store, { config: loadConfig({ data: join(dir, "reference"), collector: "reference", workers: "0" }, {}), published: "2024-01-01" });
  for (const d of await store.listDocuments({ limit: DOCS, offset: 0 })) reference.set(d.sha256, d.claimCount);
  await store.close();
  expect(reference.size).toBe(DOCS);
});
afterAll(async () => {
  log(`runs ${figures.runs}, SIGKILLs ${figures.kills}, full disks ${figures.fullDisks}, server restarts ${figures.restarts}, concurrent writers ${figures.concurrent}: nothing lost or half-stored`);
  await rm(dir, { recursive: true, force: true });
});

/** A new, empty schema on the PostgreSQL server, and the URL the CLI takes for it (the schema travels as the connection's search_path). */
async function freshDatabase(url: string): Promise<{ schema: string; db: string }> {
  const schema = freshSchema("tally_faults");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return { schema, db: `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}` };
}

/** Every document once with all its claims, every decision audited, and the trail verifying. */
async function expectWhole(data: string, what: string): Promise<void> {
  const store: Store = await openStore(/^postgres/.test(data) ? { url: data } : { dataDir: data });
  try {
    const docs = await store.listDocuments({ limit: DOCS * 2, offset: 0 });
    expect(docs.length, what).toBe(DOCS);
    for (const d of docs) expect(d.claimCount, `${what}: ${d.name}`).toBe(reference.get(d.sha256));
    const accepted = await store.countClaims({ status: "accepted" });
    const events = (await store.listAuditEvents({ objectType: "claims", limit: 100_000 })).filter((e) => e.action === "claim.accept");
    const decided = new Set(events.map((e) => (e.after as { claim: { id: number } }).claim.id));
    expect(decided.size, `${what}: accepted claims and their events`).toBe(accepted);
    const report = await store.verifyAudit();
    expect(report.problems, what).toEqual([]);
  } finally {
    await store.close();
  }
}

describe("faults on the embedded store", () => {
  it("SIGKILL during ingest, then during review: resumed, nothing lost", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: DOCS - 1 }), fc.integer({ min: 0, max: 60 }), async (ingestAt, reviewAt) => {
        const data = join(dir, `kill-${figures.runs++}`);
        const first = await run(cli(data, "ingest", "--published", "2024-01-01", "--workers", "0", "--write-batch", "5", corpus), { killAfterLines: ingestAt });
        if (first.signal === "SIGKILL") figures.kills++;
        expect((await run(cli(data, "ingest", "--published", "2024-01-01", "--quiet", corpus))).code).toBe(0);
        const review = await run([join(ROOT, "test", "faults", "review-child.ts"), data], { killAfterLines: reviewAt });
        if (review.signal === "SIGKILL") figures.kills++;
        log(`ingest killed after ${ingestAt} lines (${first.signal ?? `exit ${first.code}`}), review killed after ${reviewAt} decisions (${review.signal ?? `exit ${review.code}`})`);
        await expectWhole(data, `kill at ${ingestAt}/${reviewAt}`);
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 60_000 * RUNS);

  const url = process.env["DATABASE_URL"];
  it.runIf(FULL && url !== undefined)("on PostgreSQL: SIGKILL during ingest, then during review: resumed, nothing lost", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: DOCS - 1 }), fc.integer({ min: 0, max: 60 }), async (ingestAt, reviewAt) => {
        const { schema, db } = await freshDatabase(url as string);
        figures.runs++;
        try {
          const first = await run(cli(db, "ingest", "--published", "2024-01-01", "--workers", "0", "--write-batch", "5", corpus), { killAfterLines: ingestAt });
          if (first.signal === "SIGKILL") figures.kills++;
          const again = await run(cli(db, "ingest", "--published", "2024-01-01", "--quiet", corpus));
          expect(again.code, again.stderr).toBe(0);
          const review = await run([join(ROOT, "test", "faults", "review-child.ts"), db], { killAfterLines: reviewAt });
          if (review.signal === "SIGKILL") figures.kills++;
          log(`PostgreSQL: ingest killed after ${ingestAt} lines (${first.signal ?? `exit ${first.code}`}), review killed after ${reviewAt} decisions (${review.signal ?? `exit ${review.code}`})`);
          await expectWhole(db, `PostgreSQL kill at ${ingestAt}/${reviewAt}`);
        } finally {
          await dropSchema(url as string, schema);
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 60_000 * RUNS);

  // Restarting the server ends every session on it: only on request (TALLY_FAULT_PG_RESTART=1),
  // on a server no one else is using, and as root (pg_ctlcluster).
  const restart = process.env["TALLY_FAULT_PG_RESTART"] === "1";
  it.runIf(FULL && url !== undefined && restart)("on PostgreSQL: the server restarted during ingest: the ingest stops or goes on, a second completes it, nothing lost", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: DOCS - 5 }), async (restartAt) => {
        const { schema, db } = await freshDatabase(url as string);
        figures.runs++;
        try {
          const first = await run(cli(db, "ingest", "--published", "2024-01-01", "--workers", "0", "--write-batch", "5", corpus), {
            afterLines: { lines: restartAt, then: () => execFileSync("bash", ["-c", "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -1) main restart"], { stdio: "ignore" }) },
          });
          figures.restarts++;
          const again = await run(cli(db, "ingest", "--published", "2024-01-01", "--quiet", corpus));
          expect(again.code, again.stderr).toBe(0);
          log(`PostgreSQL restarted after ${restartAt} lines of ingest: first run ${first.signal ?? `exit ${first.code}`}, second run exit ${again.code}`);
          await expectWhole(db, `PostgreSQL restarted at ${restartAt}`);
        } finally {
          await dropSchema(url as string, schema);
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 90_000 * RUNS);

  it.runIf(FULL)("a full disk during ingest and during import: refused cleanly, then completed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 40, max: 900 }), async (blocks) => {
        const data = join(dir, `full-${figures.runs++}`);
        const full = await run(cli(data, "ingest", "--quiet", "--published", "2024-01-01", corpus), { fileLimitBlocks: blocks });
        figures.fullDisks++;
        log(`ingest with files limited to ${blocks * 512} bytes: ${full.signal ?? `exit ${full.code}`}`);
        expect((await run(cli(data, "ingest", "--quiet", "--published", "2024-01-01", corpus))).code).toBe(0);
        await expectWhole(data, `full disk at ${blocks} blocks`);
        // Import into a store on a full disk: refused, and the store stays empty (or absent).
        const bundle = join(dir, `bundle-${figures.runs}.tally`);
        expect((await run(cli(data, "export", "--all", bundle))).code).toBe(0);
        const target = join(dir, `import-${figures.runs}`);
        const imported = await run(cli(target, "import", bundle), { fileLimitBlocks: blocks });
        figures.fullDisks++;
        log(`import with files limited to ${blocks * 512} bytes: ${imported.signal ?? `exit ${imported.code}`}`);
        if (imported.code !== 0) {
          const again = await run(cli(target, "import", bundle));
          expect(again.code, again.stderr).toBe(0);
        }
        await expectWhole(target, `import after a full disk at ${blocks} blocks`);
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 90_000 * RUNS);

  it.runIf(FULL)("concurrent writers: two ingests of the same folder and a reviewer at once", async () => {
    for (let i = 0; i < RUNS; i++) {
      const data = join(dir, `concurrent-${figures.runs++}`);
      expect((await run(cli(data, "init"))).code).toBe(0);
      const [a, b] = await Promise.all([
        run(cli(data, "ingest", "--quiet", "--published", "2024-01-01", "--write-batch", "3", corpus)),
        run(cli(data, "ingest", "--quiet", "--published", "2024-01-01", "--write-batch", "7", corpus)),
        run([join(ROOT, "test", "faults", "review-child.ts"), data]),
      ]);
      figures.concurrent += 3;
      expect(a?.code, a?.stderr).toBe(0);
      expect(b?.code, b?.stderr).toBe(0);
      log(`two ingests and a reviewer at once: ${a?.stdout.trim().split("\n").pop()} / ${b?.stdout.trim().split("\n").pop()}`);
      await expectWhole(data, "concurrent writers");
    }
  }, 60_000 * RUNS);
});
