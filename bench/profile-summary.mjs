// Summarises a V8 .cpuprofile: the hottest functions by self time and by total (inclusive) time,
// with locations mapped back to src/*.ts through dist's source maps when they exist.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/extract.mjs --mb 4
//   node bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--top 25]
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--top");
if (!file) {
  process.stderr.write("usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N]\n");
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const profile = JSON.parse(readFileSync(file, "utf8"));

const maps = new Map();
function sourceMapFor(path) {
  if (maps.has(path)) return maps.get(path);
  let map = null;
  try {
    if (existsSync(path + ".map")) map = new SourceMap(JSON.parse(readFileSync(path + ".map", "utf8")));
  } catch {
    map = null;
  }
  maps.set(path, map);
  return map;
}

function where(cf) {
  if (!cf.url) return "(native)";
  const path = cf.url.startsWith("file://") ? fileURLToPath(cf.url) : cf.url;
  const map = sourceMapFor(path);
  if (map) {
    const e = map.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      const src = e.originalSource.startsWith("file://") ? fileURLToPath(e.originalSource) : resolve(dirname(path), e.originalSource);
      return `${relative(root, src)}:${e.originalLine + 1}`;
    }
  }
  return `${path.startsWith(root) ? relative(root, path) : path}:${cf.lineNumber + 1}`;
}

// Sample counts per node, then self and inclusive time per function (keyed by name + location).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
const deltas = profile.timeDeltas ?? [];
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (deltas[i] ?? 0)));
const total = [...dt.values()].reduce((a, b) => a + b, 0);

const self = new Map();
const incl = new Map();
const keyOf = (n) => `${n.callFrame.functionName || "(anonymous)"}  ${where(n.callFrame)}`;
for (const [id, t] of dt) {
  const n = byId.get(id);
  const k = keyOf(n);
  self.set(k, (self.get(k) ?? 0) + t);
  // inclusive: count each function once per sample stack
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = keyOf(byId.get(cur));
    if (seen.has(kk)) continue;
    seen.add(kk);
    incl.set(kk, (incl.get(kk) ?? 0) + t);
  }
}

function table(title, m) {
  process.stdout.write(`\n${title} (of ${(total / 1e6).toFixed(2)} s sampled)\n`);
  const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, t] of rows) process.stdout.write(`${((100 * t) / total).toFixed(1).padStart(6)}%  ${(t / 1e3).toFixed(0).padStart(7)} ms  ${k}\n`);
}
table("Self time", self);
table("Total time", incl);
