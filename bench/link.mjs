#!/usr/bin/env node
// Linking benchmark: links N synthetic claims (default 1,000,000) into facts on one core, then
// adds one document's claims incrementally, and prints the figures:
// - "link": a full linking (what `tally facts rebuild` computes);
// - "updateFacts": the core's partition-wise update of a linking held in memory (the old way);
// - "stored update": the update of stored facts (src/services/fact-update.ts) over the in-memory
//   FactStore, which touches only the facts the document's scopes share (and their relatives);
// - with --sqlite N (default 100,000; 0 to skip): the same stored update on an SQLite FactStore
//   rebuilt from N claims in a temporary directory.
//   npm run build && node bench/link.mjs [--claims N] [--seed S] [--sqlite N] [--memory 0] [--steps 1] [--updates N] [--keep DIR]
//   (--memory 0 skips the in-memory linkings; --steps 1 prints each update's time per step;
//   --keep DIR keeps the SQLite store in DIR and, when run again, updates it without rebuilding;
//   --postgres URL [--pg-claims N] [--pg-schema NAME]: the same on PostgreSQL;
//   --unshared 1 builds each claim's strings and period anew (see claim() below);
//   --link-only 1 stops after the full linking; --breakdown 1 (node --expose-gc) prints what its result keeps; --digest 1 prints a SHA-256 of the facts,
//   contradictions and revisions it produced, to check that a change leaves them identical)
// Memory is printed at each stage: the JS heap used, the RSS, and the peak RSS so far (maxRSS).
import { existsSync } from "node:fs";
import { mulberry32 } from "./corpus.mjs";

const dist = new URL("../dist/core/linking/index.js", import.meta.url);
if (!existsSync(dist)) {
  console.error("bench/link: build first (npm run build)");
  process.exit(2);
}
const { linkClaims, updateFacts } = await import(dist.href);
const { MemoryFactStore } = await import(new URL("../dist/services/fact-memory.js", import.meta.url).href);
const { rebuildFacts, updateDocuments } = await import(new URL("../dist/services/fact-update.js", import.meta.url).href);
const { LiveFacts } = await import(new URL("../dist/services/live-facts.js", import.meta.url).href);
const { linkedOfView, lookups } = await import(new URL("../dist/services/fact-lookups.js", import.meta.url).href);
const { openStore } = await import(new URL("../dist/store/index.js", import.meta.url).href);

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg("--claims", "1000000"));
const rand = mulberry32(Number(arg("--seed", "1")));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const EVENTS = ["execution", "execution", "execution", "killing", "arrest", "death_sentence"];
const PLACES = ["Iran", "Iran", "Iran", "Tehran", "Sistan and Baluchestan", "Kurdistan", "Zahedan", "Evin Prison", "Saudi Arabia", "Iraq", "Egypt", "Myanmar"];
const SOURCES = [["IHRNGO", "ihrngo"], ["Amnesty International", "amnesty"], ["HRANA", "hrana"], ["Hengaw", "hengaw"], ["NCRI", "ncri-pmoi"], ["PMOI/MEK", "ncri-pmoi"], ["Reuters", "reuters"], ["OHCHR", "un"], [null, null]];
const VICTIMS = [[], [], [], ["women"], ["protesters"], ["drug_offenders"], ["child_offenders"], ["political_prisoners"]];
const QUALS = ["exact", "exact", "at_least", "at_least", "more_than", "about"];
const pad = (n) => String(n).padStart(2, "0");

// The claims are built as the store's reader gives them to the linker (LinkClaimBuilder in
// src/services/facts-claims.ts): one object per distinct period, one copy of each repeated string
// (a document's id, name and group, a publication date). --unshared 1 builds every field anew
// per claim instead, as bench:link did before (the same values: the digests agree).
const shared = arg("--unshared", "0") === "0";
const periods = new Map();
const texts = new Map();
const text = (s) => {
  if (!shared) return s;
  let t = texts.get(s);
  if (t === undefined) texts.set(s, (t = s));
  return t;
};
const sharedPeriod = (start, end) => {
  if (!shared) return { start, end };
  const key = `${start}..${end}`;
  let p = periods.get(key);
  if (!p) periods.set(key, (p = { start, end }));
  return p;
};

function period() {
  const y = 2010 + Math.floor(rand() * 15);
  if (rand() < 0.5) return sharedPeriod(`${y}-01-01`, `${y}-12-31`);
  const m = 1 + Math.floor(rand() * 12);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return sharedPeriod(`${y}-${pad(m)}-01`, `${y}-${pad(m)}-${pad(last)}`);
}

/** A "true" figure per scope, so that independent voices mostly agree as in real reporting. */
function trueFigure(event, place, p, victims) {
  let h = 2166136261;
  for (const ch of `${event}|${place}|${p.start}|${victims.join(",")}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return 20 + ((h >>> 0) % 1000);
}

function claim(i, doc) {
  const [source, net] = pick(SOURCES);
  const event = pick(EVENTS);
  const place = pick(PLACES);
  const p = period();
  const victims = pick(VICTIMS);
  // Most voices within a few percent of the true figure, one in twenty far off.
  const base = trueFigure(event, place, p, victims);
  const count = rand() < 0.05 ? Math.round(base * (1.5 + rand())) : Math.round(base * (0.97 + rand() * 0.06));
  return {
    id: `c${i}`, documentId: text(`d${doc}`), documentName: text(`doc-${doc}.txt`), published: text(`20${10 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}`),
    event, count, qualifier: pick(QUALS), period: p, place,
    victims, source, sourceNetwork: net, reportedBy: null, duplicateGroup: text(`d${doc}`), quote: "synthetic",
  };
}

const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);
/** Heap used, RSS and peak RSS so far, in MB. */
function memLine(stage) {
  const m = process.memoryUsage();
  console.log(`memory ${stage}: heap used ${mb(m.heapUsed)} MB, RSS ${mb(m.rss)} MB, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
}
memLine("at start");

const claims = [];
for (let i = 0; i < N; i++) claims.push(claim(i, Math.floor(i / 10)));
// The builder's tables go with it once the claims are built.
texts.clear();
periods.clear();
memLine(`after generating ${N.toLocaleString("en-US")} claims`);
const networkOf = (name) => SOURCES.find(([s]) => s === name)?.[1] ?? null;

const memory = arg("--memory", "1") !== "0";
const t0 = performance.now();
let result = memory ? linkClaims(claims, { networkOf }) : null;
const full = (performance.now() - t0) / 1000;
if (memory) {
  console.log(`link: ${N.toLocaleString("en-US")} claims → ${result.facts.length.toLocaleString("en-US")} facts, ${result.contradictions.length.toLocaleString("en-US")} contradictions, ${result.revisions.length.toLocaleString("en-US")} revisions in ${full.toFixed(1)} s on one core`);
  memLine("after the full linking");
}
if (memory && arg("--digest", "0") !== "0") {
  const { createHash } = await import("node:crypto");
  const h = createHash("sha256");
  for (const f of result.facts) h.update(JSON.stringify({ ...f, claims: f.claims.map((c) => c.id) }) + "\n");
  for (const c of result.contradictions) h.update(JSON.stringify(c) + "\n");
  for (const r of result.revisions) h.update(JSON.stringify(r) + "\n");
  console.log(`digest: ${h.digest("hex")}`);
}
// --breakdown 1 (with node --expose-gc): what the linking's result keeps, part by part, after collection.
if (memory && arg("--breakdown", "0") !== "0" && globalThis.gc) {
  const used = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const all = used();
  const counts = { contradictions: result.contradictions.length, revisions: result.revisions.length };
  result.contradictions = [];
  const noContradictions = used();
  result.revisions = [];
  const noRevisions = used();
  result = null;
  const rest = used();
  console.log(
    `retained after collection: ${all.toFixed(0)} MB: contradictions (${counts.contradictions.toLocaleString("en-US")}) ${(all - noContradictions).toFixed(0)} MB, ` +
      `revisions (${counts.revisions.toLocaleString("en-US")}) ${(noContradictions - noRevisions).toFixed(0)} MB, facts ${(noRevisions - rest).toFixed(0)} MB, the claims and the rest ${rest.toFixed(0)} MB`,
  );
  process.exit(0);
}
if (arg("--snap", null)) (await import("node:v8")).writeHeapSnapshot(arg("--snap"));
if (arg("--link-only", "0") !== "0") process.exit(0);

const added = Array.from({ length: 12 }, (_, k) => claim(N + k, "new"));
const t1 = performance.now();
let updated = memory ? updateFacts(result, added, [], { networkOf }) : null;
const incremental = (performance.now() - t1) / 1000;

const mem = process.memoryUsage().rss / 2 ** 20;
if (memory) console.log(`updateFacts (in memory, partition-wise): one document (12 claims) added in ${(incremental * 1000).toFixed(0)} ms → ${updated.facts.length.toLocaleString("en-US")} facts; RSS ${mem.toFixed(0)} MB`);
if (memory) memLine("after updateFacts");

const snap = (c) => ({ claim: c, credited: c.source, periodLabel: null });
const state = (seq) => ({ syncedSeq: seq, digest: "bench", builtAt: new Date().toISOString() });

/** Rebuilds stored facts from `claims`, then adds documents one at a time (and replaces one) and prints the times. */
async function storedUpdate(label, fs, claims) {
  const t2 = performance.now();
  // With --keep DIR, a store already built there is updated further instead of rebuilt.
  const kept = await fs.state("full");
  if (!kept) await rebuildFacts(fs, "full", claims.map(snap), networkOf, state(1));
  const rebuild = (performance.now() - t2) / 1000;
  // A reader (the server's facts thread) reads every fact once, then only what each update changed.
  const t3 = performance.now();
  const reader = new LiveFacts(await fs.load("full"));
  reader.result();
  const readAll = (performance.now() - t3) / 1000;
  // ... and the server's lookups over them (prepare()): built whole once, then updated.
  const t4 = performance.now();
  let held = lookups(linkedOfView(reader));
  const lookupsAll = (performance.now() - t4) / 1000;
  const lookupTimes = [];
  const readerTimes = [];
  const readerSteps = [];
  const times = [];
  const steps = [];
  let stats = null;
  let seq = kept?.syncedSeq ?? 1;
  let next = claims.length + 100 + seq * 100;
  const tag = kept ? `r${seq}` : "stored";
  const once = async (docId) => {
    const doc = Array.from({ length: 12 }, () => claim(next++, docId));
    const t = performance.now();
    stats = await updateDocuments(fs, "full", [`d${docId}`], doc.map(snap), networkOf, state(seq + 1), seq);
    seq++;
    times.push(performance.now() - t);
    steps.push(stats.ms);
    const r = performance.now();
    const delta = await fs.changesSince("full", reader.version);
    const r1 = performance.now();
    reader.apply(delta);
    const r2 = performance.now();
    reader.result();
    readerTimes.push(performance.now() - r);
    const l = performance.now();
    const conflicts = new Set([...delta.droppedConflicts, ...delta.conflicts.map((c) => c.contradiction.id)]);
    held = lookups(linkedOfView(reader, { lookups: held, conflicts }));
    lookupTimes.push(performance.now() - l);
    readerSteps.push({ read: Math.round(r1 - r), apply: Math.round(r2 - r1), result: Math.round(performance.now() - r2) });
  };
  const n = Number(arg("--updates", "5"));
  for (let k = 0; k < n; k++) await once(`${tag}-${k}`);
  await once(`${tag}-0`); // a document's claims replaced (re-extracted, corrected)
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `stored update (${label}, ${claims.length.toLocaleString("en-US")} claims): ${kept ? "kept store" : `rebuild ${rebuild.toFixed(1)} s`}; one document (12 claims) ` +
      `added in ${times.slice(0, n).map((t) => t.toFixed(0)).join(", ")} ms (median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms), ` +
      `replaced in ${times[n].toFixed(0)} ms (last: ${stats.relinked} facts relinked, ${stats.read} read around them)`,
  );
  console.log(
    `  reader: every fact read once in ${readAll.toFixed(1)} s; after each update, what changed read and applied in ` +
      `${readerTimes.map((t) => t.toFixed(0)).join(", ")} ms; its lookups built once in ${lookupsAll.toFixed(1)} s, updated in ` +
      `${lookupTimes.map((t) => t.toFixed(0)).join(", ")} ms`,
  );
  if (arg("--steps", "0") !== "0") {
    for (const s of steps) console.log(`  steps (ms): ${JSON.stringify(s)}`);
    for (const s of readerSteps) console.log(`  reader steps (ms): ${JSON.stringify(s)}`);
  }
}

// The linking results above are no longer needed: free them before timing the stored updates.
result = null;
updated = null;
if (memory) {
  await storedUpdate("in memory", new MemoryFactStore(), claims);
  memLine("after the in-memory stored update");
}

const sqliteN = Number(arg("--sqlite", "100000"));
if (sqliteN > 0) {
  const { mkdtemp, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const keep = arg("--keep", null);
  const dir = keep ?? (await mkdtemp(join(tmpdir(), "tally-bench-link-")));
  const store = await openStore({ dataDir: dir });
  try {
    await storedUpdate("SQLite", store.factStore(), claims.slice(0, sqliteN));
  } finally {
    await store.close();
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

// With --postgres URL [--pg-claims N] (default: all claims): the same on PostgreSQL, in a schema
// of its own (kept with --pg-schema NAME, else dropped afterwards).
const pgUrl = arg("--postgres", null);
if (pgUrl) {
  const { default: pg } = await import("pg");
  const schema = arg("--pg-schema", null) ?? `bench_link_${process.pid}`;
  const store = await openStore({ url: pgUrl, schema });
  try {
    await storedUpdate("PostgreSQL", store.factStore(), claims.slice(0, Number(arg("--pg-claims", String(N)))));
  } finally {
    await store.close();
    if (!arg("--pg-schema", null)) {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}
memLine("at the end");
