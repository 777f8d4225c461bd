// p50/p95 latency of the pages' API calls over HTTP (overview, a document, a filtered claims
// page) and the first paint of the overview in headless chromium. See bench/README.md.
//
//   npm run build && npm run build:web
//   node bench/web.mjs                                   # small store from samples/corpus
//   node bench/web.mjs --claims 1000000                  # 1,000,000 synthetic claims, SQLite
//   node bench/web.mjs --claims 1000000 --data /tmp/tally-1m      # fill once, reuse afterwards
//   DATABASE_URL=postgres://… node bench/web.mjs --claims 1000000 --dialect postgres --schema bench_1m
//
// Options: --requests N (per call and client, default 200; 50 at --claims), --per-doc N (claims per
// synthetic document, default 200), --paint-runs N (default 5; 0 skips chromium), --json,
// --clients N (N clients call at once, each its --requests: p50/p95 over all; default 1),
// --filters-only (only the claims filters, facets and documents filters of bench/web-filters.mjs:
// every single-column filter, each facet, some combinations; waits at most --fresh-wait S seconds,
// default 60, for the facts first), --match TEXT (only the calls whose
// name contains TEXT).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { mulberry32 } from "./corpus.mjs";
import { syntheticDocument } from "./synthetic.mjs";
import { FILTER_CALLS } from "./web-filters.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const execFileAsync = promisify(execFile);
const dist = (p) => pathToFileURL(join(root, "dist", p)).href;
const webRoot = join(root, "web-dist");

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const claimsWanted = Number(opt("claims", "0"));
const perDoc = Number(opt("per-doc", "200"));
const requests = Number(opt("requests", claimsWanted > 0 ? "50" : "200"));
const copies = Number(opt("copies", "20"));
const paintRuns = Number(opt("paint-runs", "5"));
const dialect = opt("dialect", "sqlite");
const dataOpt = opt("data", null);
const schemaOpt = opt("schema", null);
const json = flag("json");
const clients = Math.max(1, Number(opt("clients", "1")));
const filtersOnly = flag("filters-only");
const match = opt("match", null);
const databaseUrl = process.env.TALLY_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

for (const p of ["api/server.js", "store/index.js", "config.js"]) {
  if (!existsSync(fileURLToPath(dist(p)))) {
    console.error(`bench/web needs dist/${p}: run \`npm run build && npm run build:web\` first`);
    process.exit(1);
  }
}
const { loadConfig } = await import(dist("config.js"));
const { openStore } = await import(dist("store/index.js"));
const { startServer, SERVER_SQLITE_THREADS } = await import(dist("api/server.js"));

const log = (s) => process.stderr.write(`${s}\n`);
const out = { node: process.version, dialect, clients, claims: 0, documents: 0, calls: [], changes: [], paint: null };
const work = mkdtempSync(join(tmpdir(), "tally-bench-web-"));

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const ms = (x) => (x === null || x === undefined ? "—" : `${x.toFixed(1)} ms`);

/** Connections the server reset before answering (each retried once and said). */
let resets = 0;

/**
 * GETs a path; returns the time to the whole body and the parsed JSON. A request sent on a
 * kept-alive connection just as the server closes it idle fails with ECONNRESET before any answer;
 * such a GET is sent again once, and the reset is reported.
 */
async function get(base, path, retried = false) {
  const t0 = performance.now();
  let res;
  try {
    res = await fetch(base + path);
  } catch (error) {
    if (retried || error?.cause?.code !== "ECONNRESET") throw error;
    resets++;
    process.stderr.write(`  (connection reset before an answer to ${path}; sent again — ${resets} so far)\n`);
    return get(base, path, true);
  }
  const text = await res.text();
  const t = performance.now() - t0;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  return { t, body: JSON.parse(text) };
}

/** State of the linked facts an answer reports (absent before issue 5's change: "—"). */
const factsState = (body) => body?.factsStatus?.state ?? "—";

// --- the store --------------------------------------------------------------------------------

async function openSynthetic() {
  let store;
  let dataDir;
  if (dialect === "postgres") {
    const schema = schemaOpt ?? `bench_web_${process.pid}`;
    store = await openStore({ url: databaseUrl, schema });
    dataDir = dataOpt ?? join(work, "data");
    out.schema = schema;
  } else {
    dataDir = dataOpt ?? join(work, "data");
    // As `tally serve` opens it (filling it is done the same way, off the calling thread).
    store = await openStore({ dataDir, threads: SERVER_SQLITE_THREADS });
  }
  const have = await store.countClaims({ includeClutter: true });
  if (have < claimsWanted) {
    log(`${dialect}: storing ${(claimsWanted - have).toLocaleString("en-US")} synthetic claims (${perDoc} per document)…`);
    const docsHave = await store.countDocuments();
    const r = mulberry32(1 + docsHave);
    let stored = have;
    for (let i = docsHave; stored < claimsWanted; i++) {
      const per = Math.min(perDoc, claimsWanted - stored);
      const { doc, claims } = syntheticDocument(r, i, per);
      await store.putDocument(doc, claims);
      stored += per;
      if (i % 1000 === 999) log(`  ${stored.toLocaleString("en-US")} claims`);
    }
    // Planner statistics for the new rows (a new SQLite connection runs `pragma optimize`).
    await store.close();
    if (dialect === "postgres") {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`set search_path = "${out.schema}"`);
      await client.query("vacuum analyze");
      await client.end();
      store = await openStore({ url: databaseUrl, schema: out.schema });
    } else store = await openStore({ dataDir, threads: SERVER_SQLITE_THREADS });
  }
  return { store, dataDir };
}

async function openSamples() {
  const { ingest } = await import(dist("pipeline/ingest.js"));
  const corpus = join(root, "samples/corpus");
  const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8"));
  const docs = join(work, "docs");
  mkdirSync(docs);
  const entries = [];
  for (let k = 0; k < copies; k++) {
    for (const e of manifest.documents) {
      const text = readFileSync(join(corpus, e.file), "utf8");
      const file = `${k}-${e.file}`;
      // A distinct line per copy: distinct bytes, near-duplicate text (as syndicated copies are).
      writeFileSync(join(docs, file), e.file.endsWith(".html") ? text.replace("</body>", `<p>copy ${k}</p></body>`) : `${text}\n\ncopy ${k}\n`);
      entries.push({ ...e, file });
    }
  }
  writeFileSync(join(docs, "manifest.json"), JSON.stringify({ documents: entries }));
  const dataDir = join(work, "data");
  const config = loadConfig({ data: dataDir }, {});
  const ingesting = await openStore({ dataDir });
  await ingest([docs], ingesting, { config });
  await ingesting.close();
  return { store: await openStore({ dataDir, threads: SERVER_SQLITE_THREADS }), dataDir };
}

// --- the calls --------------------------------------------------------------------------------

/**
 * Times `requests` calls of each path produced by `next(i)` (by each of `clients` clients at once),
 * after one untimed call.
 */
async function timeCall(base, name, next) {
  if (match !== null && !name.includes(match)) return null;
  const first = await get(base, next(0));
  const times = [];
  const t0 = performance.now();
  const client = async () => {
    for (let i = 1; i <= requests; i++) {
      times.push((await get(base, next(i))).t);
      // A slow call is not repeated for minutes: at least 10 samples, else stop after 60 s.
      if (i >= 10 && performance.now() - t0 > 60_000) break;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  times.sort((a, b) => a - b);
  const row = { call: name, first: first.t, p50: quantile(times, 0.5), p95: quantile(times, 0.95), n: times.length, state: factsState(first.body) };
  if (typeof first.body?.total === "number") row.total = first.body.total;
  out.calls.push(row);
  // (on stderr: with --json too, so that a long run shows its progress)
  log(`  ${name.padEnd(44)} first ${ms(row.first).padStart(10)}   p50 ${ms(row.p50).padStart(9)}   p95 ${ms(row.p95).padStart(9)}   (${row.n})`);
  return first.body;
}

/** Polls the overview until its facts are linked for the current ledger; returns the wait. */
async function untilFresh(base, path, atMost = Number.POSITIVE_INFINITY) {
  const t0 = performance.now();
  for (;;) {
    const { body } = await get(base, path);
    const state = factsState(body);
    if (state === "fresh" || state === "—" || performance.now() - t0 > atMost) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function firstPaint(base) {
  if (paintRuns <= 0 || !existsSync("/usr/bin/chromium") || !existsSync(join(webRoot, "index.html"))) return null;
  // In a process of its own, as a monitor's browser is: playwright's handling of chromium's many
  // events must not share the thread that serves the page (asynchronously, so the server serves).
  const { stdout } = await execFileAsync(process.execPath, [join(root, "bench", "paint.mjs"), base, String(paintRuns)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

// --- main -------------------------------------------------------------------------------------

let store;
let server;
try {
  const opened = claimsWanted > 0 ? await openSynthetic() : await openSamples();
  store = opened.store;
  out.claims = await store.countClaims({ includeClutter: true });
  out.documents = await store.countDocuments();
  const config = loadConfig(dialect === "postgres" ? { db: databaseUrl, data: opened.dataDir } : { data: opened.dataDir }, {});
  if (!json) log(`${dialect}: ${out.documents.toLocaleString("en-US")} documents, ${out.claims.toLocaleString("en-US")} claims`);

  const loadBefore = loadavg();
  const tStart = performance.now();
  server = await startServer({ store, config, host: "127.0.0.1", port: 0, webRoot: existsSync(join(webRoot, "index.html")) ? webRoot : null, log: () => {} });
  const base = server.url.replace(/\/$/, "");
  const overview = "/api/v1/overview?event=execution&place=Iran";

  if (filtersOnly) {
    // After the facts are linked (at most --fresh-wait seconds, default 60: linking a new store of a
    // million claims takes many minutes), so that the linking thread does not take a core from the calls.
    const overviewPath = "/api/v1/overview?event=execution&place=Iran";
    const waited = await untilFresh(base, overviewPath, Number(opt("fresh-wait", "60")) * 1000);
    log(`  waited ${ms(waited)} for the facts: ${factsState((await get(base, overviewPath)).body)}`);
    log(`  ${clients} client(s); load average before ${loadBefore.map((x) => x.toFixed(2)).join(" ")}`);
    for (const [name, path] of FILTER_CALLS) await timeCall(base, name, () => path);
    out.load = { before: loadBefore, after: loadavg() };
    if (!json) log(`  load average after ${out.load.after.map((x) => x.toFixed(2)).join(" ")}`);
  } else {
  // Cold: the first overview right after the server started, then until its facts are linked.
  const cold = await get(base, overview);
  out.coldStart = { first: cold.t, state: factsState(cold.body), untilFresh: null };
  out.coldStart.untilFresh = await untilFresh(base, overview);
  out.coldStart.sinceStart = performance.now() - tStart;
  if (!json) log(`  cold start: first overview ${ms(cold.t)} (facts ${out.coldStart.state}); facts linked ${ms(out.coldStart.untilFresh)} later`);

  // Warm: the pages' calls, repeated.
  const scopes = [
    ["execution", "Iran"],
    ["execution", "Tehran"],
    ["arrest", "Iraq"],
    ["killing", "Iran"],
    ["death_sentence", "Egypt"],
  ];
  await timeCall(base, "overview execution/Iran", () => overview);
  await timeCall(base, "overview (5 event/place scopes in turn)", (i) => {
    const [event, place] = scopes[i % scopes.length];
    return `/api/v1/overview?event=${event}&place=${encodeURIComponent(place)}`;
  });
  const firstDoc = (await get(base, "/api/v1/documents?limit=1&offset=0")).body.documents[0]?.id ?? 1;
  const rand = mulberry32(7);
  const docIds = Array.from({ length: requests + 1 }, () => 1 + Math.floor(rand() * firstDoc));
  const doc = await timeCall(base, "document (random documents)", (i) => `/api/v1/documents/${docIds[i]}`);
  const factIds = [...new Set(Object.values(doc.facts ?? {}))];
  if (factIds.length > 0) await timeCall(base, "a fact of a document (claim chosen)", (i) => `/api/v1/facts/${factIds[i % factIds.length]}`);
  await timeCall(base, "claims execution/Iran from 2020 by count", () => "/api/v1/claims?event=execution&place=Iran&from=2020&sort=count&limit=100");
  const claimQueries = [
    "/api/v1/claims?event=execution&place=Iran&from=2020&sort=count&limit=100",
    "/api/v1/claims?event=arrest&place=Iraq&sort=period&limit=100",
    "/api/v1/claims?source=HRANA&from=2015&to=2018&sort=published&limit=100",
    "/api/v1/claims?victims=women&event=execution&sort=period&limit=100&offset=200",
    "/api/v1/claims?place=Tehran&sort=count&limit=100",
  ];
  await timeCall(base, "claims (5 filters in turn)", (i) => claimQueries[i % claimQueries.length]);

  // First paint on the warm server, as a monitor opening the dashboard finds it (the change below
  // starts a relinking, during which the linking thread competes for the cores).
  out.paint = await firstPaint(base);
  if (!json && out.paint) {
    log(`  first paint of / in chromium (median of ${out.paint.runs}, empty cache): FCP ${ms(out.paint.fcp)}, LCP ${ms(out.paint.lcp)}, key figures on screen ${ms(out.paint.figures)}, load event ${ms(out.paint.load)}; JS ${(out.paint.jsBytes / 1024).toFixed(0)} kB`);
  }

  // A change: one more document with claims, written while the server runs.
  if (claimsWanted > 0) {
    const r = mulberry32(Date.now() % 100000);
    const { doc: newDoc, claims } = syntheticDocument(r, 10_000_000 + Math.floor(Math.random() * 1e6), perDoc);
    newDoc.name = `bench-change-${Date.now()}.txt`;
    const { id } = await store.putDocument(newDoc, claims);
    const after = await get(base, overview);
    const change = { first: after.t, state: factsState(after.body), untilFresh: await untilFresh(base, overview) };
    const docAfter = await get(base, `/api/v1/documents/${id}`);
    change.document = docAfter.t;
    out.changes.push(change);
    if (!json) log(`  after adding a document (${perDoc} claims): overview ${ms(change.first)} (facts ${change.state}), fresh ${ms(change.untilFresh)} later; its document page ${ms(change.document)}`);
  }
  }

} finally {
  await server?.close();
  await store?.close();
  rmSync(work, { recursive: true, force: true });
}
if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
