#!/usr/bin/env node
// Peak memory of `tally serve` during its first linking (issue 26: under 1.5 GB at 1,000,000
// claims). CLEARS THE STORED FACTS of the SQLite store in DIR (fact_rows, fact_claims,
// fact_conflicts, fact_conflict_facts, fact_drops, fact_state: derived tables, rebuilt by the
// server), starts `tally serve` on it, samples /proc/PID/status every 200 ms until the overview
// answers with fresh facts, and prints the peak RSS (VmHWM) and the anonymous and file-mapped parts.
//   node bench/serve-memory.mjs --data DIR [--tally path/to/bin/tally.js] [--port N]
// A store of a million synthetic claims: node bench/web.mjs --claims 1000000 --data DIR --paint-runs 0
// (or its first step alone). Linux only (/proc).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const dataDir = arg("--data", null);
if (!dataDir) {
  console.error("usage: node bench/serve-memory.mjs --data DIR [--tally bin/tally.js] [--port N]");
  process.exit(2);
}
const tally = arg("--tally", fileURLToPath(new URL("../bin/tally.js", import.meta.url)));
const port = arg("--port", "18431");

const db = new Database(join(dataDir, "tally.sqlite"));
for (const t of ["fact_rows", "fact_claims", "fact_conflicts", "fact_conflict_facts", "fact_drops", "fact_state"]) db.prepare(`delete from ${t}`).run();
db.pragma("wal_checkpoint(TRUNCATE)");
db.close();

const child = spawn(process.execPath, [tally, "--data", dataDir, "serve", "--port", port], { stdio: ["ignore", "ignore", "inherit"] });
const mb = (line) => Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) / 1024;
const peak = { hwm: 0, anon: 0, file: 0, sum: 0, anonAtPeak: 0, fileAtPeak: 0, cpu: 0 };
function sample() {
  let status;
  try {
    status = readFileSync(`/proc/${child.pid}/status`, "utf8").split("\n");
  } catch {
    return;
  }
  try {
    // utime and stime (fields 14 and 15, in clock ticks: 100 a second on Linux), every thread of the process.
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    peak.cpu = (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    // the process has ended
  }
  const get = (k) => mb(status.find((l) => l.startsWith(k)));
  const anon = get("RssAnon:");
  const file = get("RssFile:") + get("RssShmem:");
  peak.hwm = Math.max(peak.hwm, get("VmHWM:"));
  peak.anon = Math.max(peak.anon, anon);
  peak.file = Math.max(peak.file, file);
  if (anon + file > peak.sum) Object.assign(peak, { sum: anon + file, anonAtPeak: anon, fileAtPeak: file });
}
const timer = setInterval(sample, 200);
const t0 = Date.now();
let state = "";
while (state !== "fresh" && Date.now() - t0 < 3_600_000) {
  await new Promise((r) => setTimeout(r, 1000));
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/overview?event=execution&place=Iran`);
    state = (await res.json())?.factsStatus?.state ?? `HTTP ${res.status}`;
  } catch (e) {
    state = String(e.code ?? e.message);
  }
}
const seconds = (Date.now() - t0) / 1000;
await new Promise((r) => setTimeout(r, 3000));
sample();
clearInterval(timer);
child.kill("SIGTERM");
const f = (x) => x.toFixed(0);
console.log(
  `tally serve: facts ${state} after ${f(seconds)} s (${f(peak.cpu)} CPU seconds, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}); peak RSS (VmHWM) ${f(peak.hwm)} MB; largest sampled RSS ${f(peak.sum)} MB ` +
    `(anonymous ${f(peak.anonAtPeak)}, file ${f(peak.fileAtPeak)}); peak anonymous ${f(peak.anon)} MB, peak file-mapped ${f(peak.file)} MB`,
);
