#!/usr/bin/env node
// The first linking of `tally serve`'s facts thread, in one process, as a check that a change
// leaves the served facts identical: CLEARS THE STORED FACTS of the store (derived tables, rebuilt
// here), links every claim as the thread does (FactsService.open + prepare over a store opened for
// bulk writes), and prints the time, the memory (JS heap, retained after collection with
// --expose-gc, RSS, peak RSS) and a SHA-256 of the facts (claims by id), contradictions and
// revisions the service answers from (the digest bench/link.mjs prints for the linker alone).
// --reload 1 then reads the stored facts back in a fresh service (what a restarted server
// does) and prints their digest too: both must equal the digest of the build before a change.
//   node --expose-gc bench/facts-digest.mjs --data DIR [--tally /other/build] [--reload 1]
//   node --expose-gc bench/facts-digest.mjs --url postgres://… --schema NAME [--tally …] [--reload 1]
// --tally names the root of another built checkout (its dist/ is used), e.g. main built apart.
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const dataDir = arg("--data", null);
const url = arg("--url", null);
const schema = arg("--schema", undefined);
if (!dataDir && !url) {
  console.error("usage: node --expose-gc bench/facts-digest.mjs (--data DIR | --url URL --schema NAME) [--tally ROOT] [--reload 1]");
  process.exit(2);
}
const root = resolve(arg("--tally", fileURLToPath(new URL("..", import.meta.url))));
const dist = (p) => pathToFileURL(join(root, "dist", p)).href;
const { openStore, FULL_ACCESS } = await import(dist("store/index.js"));
const { FactsService } = await import(dist("services/facts.js"));

const TABLES = ["fact_rows", "fact_claims", "fact_conflicts", "fact_conflict_facts", "fact_drops", "fact_state"];
if (url) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (schema) await client.query(`set search_path = "${schema}"`);
  for (const t of TABLES) await client.query(`delete from ${t}`);
  await client.end();
} else {
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(join(dataDir, "tally.sqlite"));
  for (const t of TABLES) db.prepare(`delete from ${t}`).run();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

const mb = (b) => (b / 2 ** 20).toFixed(0);
function mem(stage) {
  const m = process.memoryUsage();
  let retained = "";
  if (globalThis.gc) {
    globalThis.gc();
    retained = `, ${mb(process.memoryUsage().heapUsed)} MB retained after collection`;
  }
  console.log(`${stage}: JS heap ${mb(m.heapUsed)} MB${retained}; RSS ${mb(m.rss)} MB, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
}
function digest(r) {
  const h = createHash("sha256");
  for (const f of r.facts) h.update(JSON.stringify({ ...f, claims: f.claims.map((c) => c.id) }) + "\n");
  for (const c of r.contradictions) h.update(JSON.stringify(c) + "\n");
  for (const x of r.revisions) h.update(JSON.stringify(x) + "\n");
  return `${h.digest("hex")} (${r.facts.length} facts, ${r.contradictions.length} contradictions, ${r.revisions.length} revisions)`;
}
// As the facts thread opens its store (src/api/facts-worker.ts).
const open = (bulkWrites) =>
  openStore({ ...(url ? { url, schema } : { dataDir, threads: 0 }), maxConnections: 2, migrate: false, ...(bulkWrites ? { bulkWrites } : {}) }).then((s) =>
    s.withActor("system").withAccess(FULL_ACCESS),
  );

console.log(`${root}; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
mem("start");
let store = await open(true);
let t0 = performance.now();
const first = await FactsService.open(store, dataDir ?? root);
await first.prepare();
const linked = (performance.now() - t0) / 1000;
await store.close();
mem(`first linking ready in ${linked.toFixed(1)} s`);
console.log(`digest of the facts served: ${digest(await first.linkResult())}`);
if (arg("--reload", "0") !== "0") {
  store = await open(false);
  t0 = performance.now();
  const again = await FactsService.open(store, dataDir ?? root);
  await again.prepare();
  const read = (performance.now() - t0) / 1000;
  console.log(`stored facts read back in ${read.toFixed(1)} s; digest: ${digest(await again.linkResult())}`);
  await store.close();
}
