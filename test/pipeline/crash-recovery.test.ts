// Reliability: an ingest killed at random points (SIGKILL, no clean-up) and run again stores every
// document exactly once, never a document without its claims, and finishes every SimHash.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimsFor } from "../../src/pipeline/ingest.js";
import { openStore, SQLITE_FILE } from "../../src/store/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin", "tally.js");
const DOCUMENTS = 2000;
const KILLS = 4;

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.TALLY_CRASH_SEED ?? 20240611);

/** Newest modification time of the TypeScript sources under a folder. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than the sources. */
function ensureBuilt(): void {
  const main = join(ROOT, "dist", "cli", "main.js");
  if (existsSync(main) && statSync(main).mtimeMs >= newestSource(join(ROOT, "src"))) return;
  execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "pipe" });
}

const PLACES = ["the northern province", "the river district", "the eastern jail", "the capital", "the border town"];
const GROUPS = ["the Harbour Rights Watch group", "the Coastal Observatory", "the Lantern Justice Project", "the Willow Monitor"];
const MONTHS = ["January", "March", "May", "August", "October", "December"];

/** One invented short document, built from templates; some have no figures at all. */
function document(i: number, rnd: () => number): { name: string; text: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const n = () => 2 + Math.floor(rnd() * 300);
  const sentences = [
    `Bulletin ${i}: at least ${n()} prisoners were executed in ${pick(PLACES)} in ${pick(MONTHS)}, according to ${pick(GROUPS)}.`,
    `Police arrested ${n()} protesters in ${pick(PLACES)} last week, ${pick(GROUPS)} said.`,
    `More than ${n()} people were sentenced to death last year, the group said.`,
    `Security forces killed ${n()} demonstrators during the night, witnesses told reporters.`,
    `Families gathered outside the court on day ${i} asking for news of their relatives.`,
    `The report ${i} was published in ${2010 + (i % 14)} and runs to ${n()} pages.`,
  ];
  const count = 1 + Math.floor(rnd() * 4);
  const chosen = Array.from({ length: count }, () => pick(sentences));
  const ext = i % 7 === 0 ? "md" : "txt";
  return { name: `${String(Math.floor(i / 500))}/doc-${String(i).padStart(5, "0")}.${ext}`, text: chosen.join(i % 2 ? " " : "\n\n") };
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** When to kill a run: after a delay, or once the store holds this many documents (checked every few ms). */
type KillAt = { afterMs: number } | { documents: number; jitterMs: number };

/** Documents stored so far, read through a separate SQLite connection (null before the schema exists). */
function storedCount(dataDir: string): number | null {
  const file = join(dataDir, SQLITE_FILE);
  if (!existsSync(file)) return null;
  const db = new BetterSqlite3(file, { timeout: 50 });
  try {
    return (db.prepare("select count(*) as n from documents").get() as { n: number }).n;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** Runs the compiled CLI; with killAt, sends SIGKILL at that point if the run is still going. */
function runCli(args: string[], dataDir: string, killAt?: KillAt): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TALLY_COLLECTOR: "crash-test" };
    delete env.DATABASE_URL;
    delete env.TALLY_DATABASE_URL;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timers: NodeJS.Timeout[] = [];
    const kill = () => child.kill("SIGKILL");
    if (killAt && "afterMs" in killAt) timers.push(setTimeout(kill, killAt.afterMs));
    else if (killAt) {
      const poll = setInterval(() => {
        if ((storedCount(dataDir) ?? 0) >= killAt.documents) {
          clearInterval(poll);
          timers.push(setTimeout(kill, killAt.jitterMs));
        }
      }, 5);
      timers.push(poll);
      // Never wait forever for a target the run does not reach.
      timers.push(setTimeout(kill, 60_000));
    }
    child.on("error", reject);
    child.on("close", (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe("crash recovery of the ingest command", () => {
  let dir: string;
  let corpus: string;
  let dataDir: string;
  const texts = new Map<string, string>();

  beforeAll(async () => {
    ensureBuilt();
    dir = await mkdtemp(join(tmpdir(), "tally-crash-"));
    corpus = join(dir, "corpus");
    dataDir = join(dir, "data");
    const rnd = prng(SEED);
    for (let i = 0; i < DOCUMENTS; i++) {
      const { name, text } = document(i, rnd);
      // Unique bytes per document: the bulletin number or the day number is in most of them; make sure.
      const unique = `${text}\n\n(ref ${i})`;
      texts.set(name.split("/").pop() ?? name, unique);
      await mkdir(join(corpus, name, ".."), { recursive: true });
      await writeFile(join(corpus, name), unique);
    }
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    `stores ${DOCUMENTS} documents exactly once with all their claims after ${KILLS} SIGKILLs (seed ${SEED})`,
    async () => {
      const rnd = prng(SEED ^ 0x5eed);
      // The first kill after a random 0.3–2 s lands during start-up or migration of the fresh store;
      // the others once a random number of documents is stored, plus a random few milliseconds, so
      // they land mid-batch (inside a transaction, between storing and relating, …) however fast
      // the machine is.
      const plan: KillAt[] = [{ afterMs: Math.round(300 + rnd() * 1700) }];
      let target = 0;
      for (let k = 1; k < KILLS; k++) {
        target += 100 + Math.floor(rnd() * 400);
        plan.push({ documents: target, jitterMs: Math.floor(rnd() * 40) });
      }
      const killed: string[] = [];
      const progress: number[] = [];
      for (const killAt of plan) {
        // Transactions of 500 documents, so that the corpus takes several and kills land between and inside them.
        const r = await runCli(["--data", dataDir, "ingest", corpus, "--quiet", "--write-batch", "500"], dataDir, killAt);
        if (r.signal === "SIGKILL") killed.push("afterMs" in killAt ? `${killAt.afterMs} ms` : `${killAt.documents} documents + ${killAt.jitterMs} ms`);
        else expect(r.code, r.stderr).toBe(0);
        // Between runs the store opens cleanly (WAL recovery) and only ever grows.
        const store = await openStore({ dataDir });
        try {
          const count = await store.countDocuments();
          expect(count).toBeGreaterThanOrEqual(progress.at(-1) ?? 0);
          expect(count).toBeLessThanOrEqual(DOCUMENTS);
          progress.push(count);
        } finally {
          await store.close();
        }
      }
      const story = `killed after ${killed.join("; ")}; documents stored after each run: ${progress.join(" → ")}`;
      console.log(`crash recovery (seed ${SEED}): ${story}`);
      // The progress-triggered kills really interrupted the batch.
      expect(killed.length, story).toBeGreaterThanOrEqual(KILLS - 1);
      expect(progress.at(-1), story).toBeLessThan(DOCUMENTS);

      const final = await runCli(["--data", dataDir, "ingest", corpus, "--quiet"], dataDir);
      expect(final.stderr).toBe("");
      expect(final.code).toBe(0);
      const m = /documents: (\d+) new, (\d+) duplicate, (\d+) failed/.exec(final.stdout);
      expect(m, final.stdout).not.toBeNull();
      expect(Number(m?.[1]) + Number(m?.[2])).toBe(DOCUMENTS);
      expect(Number(m?.[3])).toBe(0);
      // The interrupted runs had stored something, and the last one did not start over.
      expect(Number(m?.[2])).toBeGreaterThan(0);

      const store = await openStore({ dataDir });
      try {
        expect(await store.countDocuments()).toBe(DOCUMENTS);
        const shas = new Set<string>();
        const names = new Set<string>();
        let checked = 0;
        for (let offset = 0; ; offset += 500) {
          const page = await store.listDocuments({ limit: 500, offset });
          if (page.length === 0) break;
          for (const summary of page) {
            shas.add(summary.sha256);
            names.add(summary.name);
            expect(summary.simhash, `simhash of ${summary.name}`).toMatch(/^[0-9a-f]{16}$/);
            const doc = await store.getDocument(summary.id);
            if (!doc) throw new Error(`document ${summary.id} vanished`);
            expect(doc.text).toBe(texts.get(doc.name));
            const expected = claimsFor(doc.text, doc.name, doc.published, doc.publisher).length;
            const stored = await store.countClaims({ documentId: doc.id, includeClutter: true });
            expect(stored, `claims of ${doc.name}`).toBe(expected);
            expect(doc.claimCount).toBe(expected);
            checked++;
          }
        }
        expect(checked).toBe(DOCUMENTS);
        expect(shas.size).toBe(DOCUMENTS);
        expect(names.size).toBe(DOCUMENTS);
        // The corpus has figures: most documents carry claims.
        expect(await store.countClaims({ includeClutter: true })).toBeGreaterThan(DOCUMENTS);
      } finally {
        await store.close();
      }
    },
    180_000,
  );
});
