#!/usr/bin/env node
// Linking benchmark: links N synthetic claims (default 1,000,000) into facts on one core, then
// adds one document's claims incrementally, and prints the figures.
//   npm run build && node bench/link.mjs [--claims N] [--seed S]
import { existsSync } from "node:fs";
import { mulberry32 } from "./corpus.mjs";

const dist = new URL("../dist/core/linking/index.js", import.meta.url);
if (!existsSync(dist)) {
  console.error("bench/link: build first (npm run build)");
  process.exit(2);
}
const { linkClaims, updateFacts } = await import(dist.href);

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

function period() {
  const y = 2010 + Math.floor(rand() * 15);
  if (rand() < 0.5) return { start: `${y}-01-01`, end: `${y}-12-31` };
  const m = 1 + Math.floor(rand() * 12);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(last)}` };
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
    id: `c${i}`, documentId: `d${doc}`, documentName: `doc-${doc}.txt`, published: `20${10 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}`,
    event, count, qualifier: pick(QUALS), period: p, place,
    victims, source, sourceNetwork: net, reportedBy: null, duplicateGroup: `d${doc}`, quote: "synthetic",
  };
}

const claims = [];
for (let i = 0; i < N; i++) claims.push(claim(i, Math.floor(i / 10)));
const networkOf = (name) => SOURCES.find(([s]) => s === name)?.[1] ?? null;

const t0 = performance.now();
const result = linkClaims(claims, { networkOf });
const full = (performance.now() - t0) / 1000;

const added = Array.from({ length: 12 }, (_, k) => claim(N + k, "new"));
const t1 = performance.now();
const updated = updateFacts(result, added, [], { networkOf });
const incremental = (performance.now() - t1) / 1000;

const mem = process.memoryUsage().rss / 2 ** 20;
console.log(`link: ${N.toLocaleString("en-US")} claims → ${result.facts.length.toLocaleString("en-US")} facts, ${result.contradictions.length.toLocaleString("en-US")} contradictions, ${result.revisions.length.toLocaleString("en-US")} revisions in ${full.toFixed(1)} s on one core`);
console.log(`incremental: one document (12 claims) added in ${(incremental * 1000).toFixed(0)} ms → ${updated.facts.length.toLocaleString("en-US")} facts; RSS ${mem.toFixed(0)} MB`);
