#!/usr/bin/env node
// The answers the API gives about facts, as a check that a change leaves them byte for byte the
// same: over the stored facts of a store (linked first if they are not current), prints a SHA-256
// of the JSON of FactsService's answers: the facts list, every contradiction (/conflicts), every
// 25th fact side by side (/facts/{id}, with its conflicts and revisions), and the timelines and
// overviews of each event and place (by year, by month with the parts summed). Run it with two
// builds over copies of one store; every line must be equal. The HTTP layer serialises these.
//   node bench/facts-answers.mjs --data DIR [--tally /other/build/root]
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const dataDir = arg("--data", null);
if (!dataDir) {
  console.error("usage: node bench/facts-answers.mjs --data DIR [--tally ROOT]");
  process.exit(2);
}
const root = resolve(arg("--tally", fileURLToPath(new URL("..", import.meta.url))));
const dist = (p) => pathToFileURL(join(root, "dist", p)).href;
const { openStore, FULL_ACCESS } = await import(dist("store/index.js"));
const { FactsService } = await import(dist("services/facts.js"));

console.log(`${root}; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
const store = (await openStore({ dataDir, threads: 0 })).withActor("system").withAccess(FULL_ACCESS);
const facts = await FactsService.open(store, dataDir);
const hash = (label, values) => {
  const h = createHash("sha256");
  let n = 0;
  for (const v of values) {
    h.update(JSON.stringify(v) + "\n");
    n++;
  }
  console.log(`${label}: ${h.digest("hex").slice(0, 16)} (${n})`);
};
const list = await facts.listFacts();
hash("facts", list);
hash("conflicts", await facts.conflicts());
hash("conflicts of severity high", await facts.conflicts({ severity: "high" }));
const details = [];
for (let i = 0; i < list.length; i += 25) details.push(await facts.getFact(list[i].id));
hash("facts side by side", details);
const scopes = [...new Set(list.filter((f) => f.place && f.period).map((f) => `${f.event}\u0000${f.place}`))].sort().slice(0, 60);
const timelines = [];
const overviews = [];
for (const s of scopes) {
  const [event, place] = s.split("\u0000");
  timelines.push(await facts.timeline({ event, place }), await facts.timeline({ event, place, by: "month", parts: "sum" }));
  overviews.push(await facts.overview(event, place, 10));
}
hash("timelines", timelines);
hash("overviews", overviews);
await store.close();
