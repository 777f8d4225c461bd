// Scale-out benchmark: N synthetic documents are enqueued (`tally ingest --queue`) into a fresh
// pg-boss queue and PostgreSQL store, then K `tally worker --once` processes drain the queue; the
// same for each K asked for. Prints documents/s per K and the ratio to one worker.
//
//   npm run build && DATABASE_URL=postgres://… node bench/queue.mjs [--n 3000] [--workers 1,2] [--batch 50]
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { documents } from "./corpus.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args0 = process.argv.slice(2);
// --tally PATH runs another build's bin/tally.js (to compare with the code before a change).
const tally = args0.includes("--tally") ? args0[args0.indexOf("--tally") + 1] : join(root, "bin", "tally.js");
const url = process.env.TALLY_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  process.stderr.write("bench/queue.mjs needs DATABASE_URL (a PostgreSQL server)\n");
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const n = Number(option("--n", "3000"));
const counts = option("--workers", "1,2").split(",").map(Number);
const batch = option("--batch", "200");
if (!Number.isInteger(n) || n < 1 || counts.some((k) => !Number.isInteger(k) || k < 1)) {
  process.stderr.write("usage: node bench/queue.mjs [--n N] [--workers 1,2] [--batch N] [--tally path/to/bin/tally.js]\n");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "tally-bench-queue-"));
const folder = join(work, "corpus");
mkdirSync(folder);
const manifest = [];
let i = 0;
for (const doc of documents(1)) {
  if (i >= n) break;
  writeFileSync(join(folder, doc.meta.document), doc.text);
  manifest.push({ file: doc.meta.document, published: doc.meta.published, publisher: doc.meta.publisher, url: null });
  i++;
}
writeFileSync(join(folder, "manifest.json"), JSON.stringify({ documents: manifest }));

/** Runs bin/tally.js with a store schema and queue schema; resolves with its exit code. */
function run(argv, schema, queueSchema) {
  return new Promise((resolve, reject) => {
    // The store's schema travels in the URL (search_path); the queue's in TALLY_QUEUE_SCHEMA.
    const db = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const child = spawn(process.execPath, [tally, "--db", db, ...argv], {
      env: { ...process.env, TALLY_QUEUE_SCHEMA: queueSchema, TALLY_COLLECTOR: "bench" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const results = [];
try {
  for (const k of counts) {
    const tag = `${process.pid}_${k}`;
    const schema = `bench_queue_store_${tag}`;
    const queueSchema = `bench_queue_boss_${tag}`;
    try {
      await admin.query(`create schema ${schema}`);
      if ((await run(["ingest", "--queue", folder], schema, queueSchema)) !== 0) throw new Error("enqueueing failed");
      const t0 = performance.now();
      const codes = await Promise.all(Array.from({ length: k }, () => run(["worker", "--once", "--quiet", "--batch", batch], schema, queueSchema)));
      const seconds = (performance.now() - t0) / 1000;
      if (codes.some((c) => c !== 0)) throw new Error(`a worker exited with ${codes.join(", ")}`);
      const stored = Number((await admin.query(`select count(*) as n from ${schema}.documents`)).rows[0].n);
      const claims = Number((await admin.query(`select count(*) as n from ${schema}.claims`)).rows[0].n);
      const relations = Number((await admin.query(`select count(*) as n from ${schema}.document_relations`)).rows[0].n);
      results.push({ workers: k, documents: stored, claims, relations, seconds, docsPerSecond: stored / seconds });
      process.stdout.write(
        `${k} worker${k > 1 ? "s" : " "}: ${stored} documents (${claims} claims, ${relations} near-duplicate relations) in ${seconds.toFixed(1)} s — ${(stored / seconds).toFixed(0)} docs/s\n`,
      );
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.query(`drop schema if exists ${queueSchema} cascade`);
    }
  }
  const one = results.find((r) => r.workers === 1);
  if (one) for (const r of results) if (r !== one) process.stdout.write(`${r.workers} workers / 1 worker: ${(r.docsPerSecond / one.docsPerSecond).toFixed(2)}×\n`);
} finally {
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
