// Instructions extract() executes a pass over the first KB of the English bench corpus, counted by
// valgrind's cachegrind: a count does not depend on what else the machine runs, as CPU time does.
//
//   node bench/extract-instructions.mjs [ROOT ...] [--kb 200] [--passes 7]
//
// Each ROOT (default: this checkout, built) is run twice under cachegrind, with 2 and with
// `passes` passes over the same documents; the difference divided by passes − 2 leaves out start-up,
// compilation and warm-up. Node runs single-threaded with fixed hash and random seeds. Even so the
// count of one build has moved by 1–3% between runs on a loaded machine (tiering and the collector
// still follow the clock): compare builds run at the same time, more than once.
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));

if (args[0] === "--child") {
  // node bench/extract-instructions.mjs --child ROOT PASSES KB
  const [, root, passes, kb] = args;
  const { extract } = await import(pathToFileURL(join(root, "dist", "core", "extract", "index.js")).href);
  const { documentsUpTo } = await import(new URL("./corpus.mjs", import.meta.url).href);
  const { docs, bytes } = documentsUpTo(Number(kb) * 1000);
  let claims = 0;
  for (let p = 0; p < Number(passes); p++) for (const d of docs) claims += extract(d.text, d.meta).claims.length;
  process.stdout.write(`${docs.length} documents, ${bytes} bytes, ${claims} claims\n`);
  process.exit(0);
}

const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const kb = flag("--kb", 200);
const passes = flag("--passes", 7);
const roots = args.filter((a, i) => !a.startsWith("--") && !(args[i - 1] ?? "").startsWith("--")).map((r) => resolve(r));
if (roots.length === 0) roots.push(resolve(here, ".."));
if (!(passes > 2)) {
  process.stderr.write("--passes must be more than 2\n");
  process.exit(2);
}

function instructions(root, n) {
  const res = spawnSync("valgrind", [
    "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
    process.execPath, "--single-threaded", "--hash-seed=1", "--random-seed=1", "--predictable-gc-schedule",
    fileURLToPath(import.meta.url), "--child", root, String(n), String(kb),
  ], { encoding: "utf8" });
  if (res.error) throw res.error;
  const m = /I\s+refs:\s+([\d,]+)/.exec(res.stderr ?? "");
  if (res.status !== 0 || !m) throw new Error(`valgrind on ${root} failed (${res.status}):\n${(res.stderr ?? "").slice(-2000)}`);
  return Number(m[1].replaceAll(",", ""));
}

for (const root of roots) {
  const few = instructions(root, 2);
  const many = instructions(root, passes);
  const perPass = (many - few) / (passes - 2);
  process.stdout.write(`${root}: ${(perPass / 1e6).toFixed(0)} M instructions a pass over ${kb} KB (${(perPass / 1e3 / kb / 1e3).toFixed(2)} M per KB)\n`);
}
