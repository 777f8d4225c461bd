// Ingest benchmark: throughput, memory and store size of `ingest()` into a fresh store, then the
// latency of the dashboard queries at that size.
//
//   npm run build && npm run bench:ingest [-- --n 100000 --workers N --seed 1 --json]
//   npm run bench:ingest -- --claims 1000000        # query latency at 1,000,000 claims
//
// Documents come from the synthetic generator in bench/corpus.mjs and are written as .txt files
// with a manifest.json (publication date, publisher) into a temporary folder first; writing them
// is not timed. They are ingested into an embedded SQLite store in a temporary data directory
// and — when DATABASE_URL is set — into a fresh PostgreSQL schema that is dropped afterwards.
//
// --claims N skips extraction: it stores N synthetic claims directly through putDocument
// (--per-doc claims per document, default 200) and measures the queries at that size.
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { documents, mulberry32 } from "./corpus.mjs";
import { syntheticDocument } from "./synthetic.mjs";
import { bareSqlite, barePostgres, readPostgresStore, readSqliteStore } from "./bare-insert.mjs";
import { parseArgs } from "./ingest-args.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => join(root, "dist", p);

const opts = parseArgs(process.argv.slice(2));

for (const p of ["pipeline/ingest.js", "store/index.js", "config.js"]) {
  if (!existsSync(dist(p))) {
    process.stderr.write(`bench:ingest needs the compiled code at dist/${p}, which does not exist.\nRun \`npm run build\` first.\n`);
    process.exit(1);
  }
}
const { ingest, INGEST_SQLITE_THREADS } = await import(pathToFileURL(dist("pipeline/ingest.js")).href);
// As `tally ingest` does: heaps kept near what is alive (src/pipeline/heap-growth.ts); --heap-growth 0 leaves V8's own factor.
const heapGrowth = await import(pathToFileURL(dist("pipeline/heap-growth.js")).href).catch(() => null);
if (heapGrowth && opts.heapGrowth !== 0) heapGrowth.limitHeapGrowth(opts.heapGrowth ?? heapGrowth.INGEST_HEAP_GROWING_PERCENT);
const { openStore, SQLITE_FILE } = await import(pathToFileURL(dist("store/index.js")).href);
const { loadConfig } = await import(pathToFileURL(dist("config.js")).href);

const MB = 1024 * 1024;
const seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
const databaseUrl = process.env.TALLY_DATABASE_URL ?? process.env.DATABASE_URL ?? null;
const dialects = ["sqlite", "postgres"].filter((d) => (opts.only ? d === opts.only : true) && (d === "sqlite" || databaseUrl));
if (opts.only === "postgres" && !databaseUrl) {
  process.stderr.write("--only postgres needs DATABASE_URL\n");
  process.exit(2);
}

let peakRss = process.memoryUsage().rss;
/**
 * Peaks of RSS's two parts (Linux): anonymous memory (heaps, SQLite's page cache) and file pages
 * (SQLite's memory map of the store, which the kernel can drop at any time).
 */
let peakAnon = 0;
let peakFile = 0;
const rssParts = () => {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN) * 1024;
    return { anon: kb("RssAnon"), file: kb("RssFile") + kb("RssShmem") };
  } catch {
    return { anon: NaN, file: NaN };
  }
};
const sampleRss = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
  const { anon, file } = rssParts();
  if (anon > peakAnon) peakAnon = anon;
  if (file > peakFile) peakFile = file;
};
const rssTimer = setInterval(sampleRss, 100);
rssTimer.unref();

const work = mkdtempSync(join(tmpdir(), "tally-bench-ingest-"));
const log = (s) => {
  if (!opts.json) process.stderr.write(s + "\n");
};

/** Writes N synthetic documents and their manifest; returns the folder and its size. */
function writeCorpus(n) {
  const folder = join(work, "corpus");
  mkdirSync(folder);
  const manifest = [];
  let bytes = 0;
  let i = 0;
  for (const doc of documents(seed)) {
    if (i >= n) break;
    const sub = String(Math.floor(i / 1000)).padStart(3, "0");
    if (i % 1000 === 0) mkdirSync(join(folder, sub));
    const file = `${sub}/${doc.meta.document}`;
    writeFileSync(join(folder, file), doc.text);
    bytes += Buffer.byteLength(doc.text);
    manifest.push({ file, published: doc.meta.published, publisher: doc.meta.publisher, url: null });
    i++;
  }
  writeFileSync(join(folder, "manifest.json"), JSON.stringify({ documents: manifest }));
  return { folder, bytes };
}

async function openFresh(dialect) {
  if (dialect === "sqlite") {
    // As `tally ingest` opens it: statements in a thread of their own, memory kept flat (bulkWrites).
    if (opts.data) return { store: await openStore({ dataDir: opts.data, threads: INGEST_SQLITE_THREADS, bulkWrites: true }), dataDir: opts.data, schema: null };
    const dataDir = join(work, "data");
    rmSync(dataDir, { recursive: true, force: true });
    // As `tally ingest` opens it: statements in a thread of their own, memory kept flat (bulkWrites).
    return { store: await openStore({ dataDir, threads: INGEST_SQLITE_THREADS, bulkWrites: true }), dataDir, schema: null };
  }
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  return { store: await openStore({ url: databaseUrl, schema }), dataDir: null, schema };
}

async function storeSize(dialect, ctx) {
  if (dialect === "sqlite") {
    let total = 0;
    for (const suffix of ["", "-wal", "-shm"]) {
      const p = join(ctx.dataDir, SQLITE_FILE + suffix);
      if (existsSync(p)) total += statSync(p).size;
    }
    return total;
  }
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query(
      "select coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass)), 0)::bigint as n from pg_tables where schemaname = $1",
      [ctx.schema],
    );
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

async function dropSchema(schema) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

async function timeQueries(store, documentId) {
  const queries = [
    ["countsByYearAndEvent({})", () => store.countsByYearAndEvent({})],
    ["countsBySource({})", () => store.countsBySource({})],
    [`queryClaims({documentId}) (one document)`, () => store.queryClaims({ documentId }, { limit: 1000, offset: 0 })],
    ['queryClaims({event:"execution",from:"2020",to:"2023"}) limit 50', () => store.queryClaims({ event: "execution", from: "2020", to: "2023" }, { limit: 50, offset: 0 })],
    ['search("executed prisoners") (common words)', () => store.search("executed prisoners", { limit: 20 })],
    ['search("evin prison") (rarer words)', () => store.search("evin prison", { limit: 20 })],
  ];
  const out = [];
  for (const [name, run] of queries) {
    await run(); // warm-up
    const ms = [];
    let rows = 0;
    for (let i = 0; i < opts.runs; i++) {
      const t0 = performance.now();
      const r = await run();
      ms.push(performance.now() - t0);
      rows = Array.isArray(r) ? r.length : r.hits.length;
    }
    ms.sort((a, b) => a - b);
    out.push({ query: name, rows, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) });
  }
  return out;
}

// --- --claims mode: synthetic claims stored directly ---------------------------------------


async function runClaims(dialect) {
  const ctx = await openFresh(dialect);
  const { store } = ctx;
  try {
    const r = mulberry32(typeof seed === "number" ? seed : 1);
    const docs = Math.ceil(opts.claims / opts.perDoc);
    const t0 = performance.now();
    let stored = 0;
    let firstId = null;
    for (let i = 0; i < docs; i++) {
      const per = Math.min(opts.perDoc, opts.claims - stored);
      const { doc, claims } = syntheticDocument(r, i, per);
      const { id } = await store.putDocument(doc, claims);
      firstId ??= id;
      stored += per;
      if (i % 500 === 0) sampleRss();
      if (i % 1000 === 999) log(`  ${dialect}: ${stored.toLocaleString("en-US")} claims stored`);
    }
    const seconds = (performance.now() - t0) / 1000;
    // A fresh store has no planner statistics yet; a new connection runs `pragma optimize` on open.
    await store.close();
    const reopened = dialect === "sqlite" ? await openStore({ dataDir: ctx.dataDir }) : await openStore({ url: databaseUrl, schema: ctx.schema });
    ctx.store = reopened;
    if (dialect === "postgres") {
      // autovacuum would analyse eventually; do it now so the plans are the steady-state ones.
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`set search_path = "${ctx.schema}"`);
      await client.query("vacuum analyze");
      await client.end();
    }
    const size = await storeSize(dialect, ctx);
    const queries = await timeQueries(reopened, firstId);
    return { dialect, documents: docs, claims: stored, seconds, claimsPerSecond: stored / seconds, storeBytes: size, queries };
  } finally {
    await ctx.store.close();
    if (ctx.schema && !opts.keep) await dropSchema(ctx.schema);
    else if (ctx.schema) log(`kept PostgreSQL schema ${ctx.schema}`);
  }
}

// --- document mode: the real pipeline -------------------------------------------------------

async function runIngest(dialect, folder, corpusBytes) {
  const ctx = await openFresh(dialect);
  const { store } = ctx;
  try {
    const config = loadConfig({ ...(opts.workers !== undefined ? { workers: opts.workers } : {}), collector: "bench", data: ctx.dataDir ?? work });
    peakRss = process.memoryUsage().rss;
    peakAnon = 0;
    peakFile = 0;
    const rssStart = peakRss;
    let done = 0;
    // How the figures grow with the store: documents/s since the last mark, at each claim count.
    const marks = [];
    const MARKS = [100_000, 250_000, 500_000, 750_000, 1_000_000, 1_500_000, 2_000_000];
    let claims = 0;
    let last = { docs: 0, at: 0 };
    // CPU time of every thread of the process (load on a shared machine stretches wall time, much less this).
    const cpu0 = process.cpuUsage();
    let lastLog = performance.now();
    const t0 = performance.now();
    const summary = await ingest([folder], store, {
      config,
      onEvent: (e) => {
        done++;
        if (e.status === "new") claims += e.claims;
        if (claims >= (MARKS[marks.length] ?? Infinity)) {
          const at = (performance.now() - t0) / 1000;
          sampleRss();
          const m = process.memoryUsage();
          marks.push({ claims, documents: done, seconds: at, docsPerSecond: done / at, sinceLastDocsPerSecond: (done - last.docs) / (at - last.at), rssMb: m.rss / MB, peakAnonMb: peakAnon / MB, peakFileMb: peakFile / MB });
          last = { docs: done, at };
        }
        if (e.status === "failed") log(`  failed: ${e.message}`);
        if (done % 1000 === 0) {
          sampleRss();
          const now = performance.now();
          if (now - lastLog > 10_000) {
            lastLog = now;
            const m = process.memoryUsage();
            log(
              `  ${dialect}: ${done.toLocaleString("en-US")} documents, ${(done / ((now - t0) / 1000)).toFixed(0)} docs/s; ` +
                `RSS ${(m.rss / MB).toFixed(0)} MB (JS heap ${(m.heapUsed / MB).toFixed(0)}, buffers ${(m.arrayBuffers / MB).toFixed(0)})`,
            );
          }
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    sampleRss();
    const size = await storeSize(dialect, ctx);
    const first = (await store.listDocuments({ limit: 1, offset: 0 }))[0];
    const queries = await timeQueries(store, first?.id ?? 1);
    const reference = await runReference(dialect, ctx, summary.new);
    return {
      dialect,
      reference,
      marks,
      cpuSeconds,
      peakAnonMb: peakAnon / MB,
      peakFileMb: peakFile / MB,
      workers: config.workers,
      documents: summary.new,
      duplicate: summary.duplicate,
      failed: summary.failed,
      claims: summary.claims,
      related: summary.related,
      seconds,
      docsPerSecond: summary.new / seconds,
      claimsPerSecond: summary.claims / seconds,
      mbPerSecond: corpusBytes / MB / seconds,
      rssStartMb: rssStart / MB,
      peakRssMb: peakRss / MB,
      storeBytes: size,
      queries,
    };
  } finally {
    await store.close();
    if (ctx.schema && !opts.keep) await dropSchema(ctx.schema);
    else if (ctx.schema) log(`kept PostgreSQL schema ${ctx.schema}`);
  }
}

/** The bare-insert reference over the first documents Tally stored (bare-insert.mjs), timed after Tally's run. */
async function runReference(dialect, ctx, stored) {
  // Over a store given with --data, the first documents stored are not this run's.
  const limit = opts.data ? 0 : Math.min(stored, opts.reference ?? 20_000);
  if (limit === 0) return null;
  log(`${dialect}: the bare-insert reference over ${limit.toLocaleString("en-US")} documents…`);
  const docs = dialect === "sqlite" ? await readSqliteStore(join(ctx.dataDir, SQLITE_FILE), limit) : await readPostgresStore(databaseUrl, ctx.schema, limit);
  const r = dialect === "sqlite" ? await bareSqlite(docs) : await barePostgres(databaseUrl, docs);
  return { documents: docs.length, ...r };
}

const n = (x, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const results = [];
try {
  if (opts.claims > 0) {
    for (const dialect of dialects) {
      log(`${dialect}: storing ${n(opts.claims)} synthetic claims (${opts.perDoc} per document)…`);
      results.push(await runClaims(dialect));
    }
  } else {
    log(`writing ${n(opts.n)} synthetic documents…`);
    const { folder, bytes } = writeCorpus(opts.n);
    log(`  ${n(bytes / MB, 1)} MB in ${folder}`);
    for (const dialect of dialects) {
      log(`${dialect}: ingesting…`);
      results.push(await runIngest(dialect, folder, bytes));
    }
  }
} finally {
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

if (opts.json) {
  process.stdout.write(JSON.stringify({ node: process.version, seed: opts.seed, results }, null, 2) + "\n");
} else {
  for (const r of results) {
    if (opts.claims > 0) {
      process.stdout.write(
        `${r.dialect}: ${n(r.claims)} claims in ${n(r.documents)} documents stored in ${n(r.seconds, 1)} s (${n(r.claimsPerSecond)} claims/s); ` +
          `store ${n(r.storeBytes / MB, 1)} MB\n`,
      );
    } else {
      process.stdout.write(
        `${r.dialect}: ${n(r.documents)} documents (${r.duplicate} duplicate, ${r.failed} failed), ${n(r.claims)} claims, ${n(r.related)} relations in ${n(r.seconds, 1)} s — ` +
          `${n(r.docsPerSecond)} docs/s, ${n(r.claimsPerSecond)} claims/s, ${n(r.mbPerSecond, 2)} MB/s; workers ${r.workers}; ` +
          `CPU ${n(r.cpuSeconds, 1)} s (${n((r.cpuSeconds * 1000) / Math.max(1, r.documents), 2)} ms a document, every thread); ` +
          `peak RSS ${n(r.peakRssMb)} MB (start ${n(r.rssStartMb)} MB; peaks: anonymous ${n(r.peakAnonMb)} MB, mapped file ${n(r.peakFileMb)} MB); store ${n(r.storeBytes / MB, 1)} MB\n`,
      );
      if (r.reference) {
        process.stdout.write(
          `  reference (bare indexed insert, same run): ${n(r.reference.documents)} documents in ${n(r.reference.seconds, 2)} s — ${n(r.reference.docsPerSecond)} docs/s; ` +
            `Tally/reference ${n(r.docsPerSecond / r.reference.docsPerSecond, 3)}×\n`,
        );
      }
      for (const m of r.marks) {
        process.stdout.write(
          `  at ${n(m.claims)} claims (${n(m.documents)} documents, ${n(m.seconds, 1)} s): ${n(m.docsPerSecond)} docs/s so far, ${n(m.sinceLastDocsPerSecond)} since the last mark; ` +
            `RSS ${n(m.rssMb)} MB (peaks so far: anonymous ${n(m.peakAnonMb)}, file ${n(m.peakFileMb)})\n`,
        );
      }
    }
    for (const q of r.queries) {
      process.stdout.write(`  ${q.query.padEnd(66)} p50 ${n(q.p50, 1).padStart(7)} ms  p95 ${n(q.p95, 1).padStart(7)} ms  (${q.rows} rows)\n`);
    }
  }
}
