// Two builds of extract() in one process, on the same English documents, timed alternately.
//
//   node bench/extract-ab.mjs BEFORE_ROOT AFTER_ROOT [runs=30] [mb=1.5]
//
// Each root is a checkout with `npm run build` done (say, main in a second worktree, and this
// one). Prints the fastest and median CPU time of a run over the documents for each build and
// their ratio. The build loaded second has come out a few per cent faster on this machine
// whichever it is: run it a second time with the roots swapped and take the geometric mean of
// the two ratios (the first one, and the inverse of the second).
import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";

const [beforeRoot, afterRoot, runsArg, mbArg] = process.argv.slice(2);
if (!beforeRoot || !afterRoot) {
  process.stderr.write("usage: node bench/extract-ab.mjs BEFORE_ROOT AFTER_ROOT [runs] [mb]\n");
  process.exit(2);
}
const runs = Number(runsArg ?? 30);
const mb = Number(mbArg ?? 1.5);
const load = async (root) => (await import(pathToFileURL(join(resolve(root), "dist/core/extract/index.js")).href)).extract;
const { documentsUpTo } = await import(new URL("./corpus.mjs", import.meta.url).href);
const before = await load(beforeRoot);
const after = await load(afterRoot);
const { docs, bytes } = documentsUpTo(mb * 1e6);
const run = (extract) => {
  const c0 = process.cpuUsage();
  for (const d of docs) extract(d.text, d.meta);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
for (let i = 0; i < 2; i++) { run(before); run(after); }
const tb = [];
const ta = [];
for (let i = 0; i < runs; i++) {
  if (i % 2) { ta.push(run(after)); tb.push(run(before)); } else { tb.push(run(before)); ta.push(run(after)); }
}
const median = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
const fastest = (x) => Math.min(...x);
const line = (name, x) => `${name} fastest ${fastest(x).toFixed(0)} ms (${(bytes / 1e3 / fastest(x)).toFixed(2)} MB per CPU s), median ${median(x).toFixed(0)} ms`;
console.log(`${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB, ${runs} runs each`);
console.log(line("before", tb));
console.log(line("after ", ta));
console.log(`speed-up: fastest ${(fastest(tb) / fastest(ta)).toFixed(3)}x, median ${(median(tb) / median(ta)).toFixed(3)}x`);
