// Start-up benchmark: wall time of short `tally` invocations, beside `node -e 0` in the same run.
//
//   npm run build && node bench/startup.mjs [--runs 15] [--json]
//
// Each case is a fresh `node` process spawned N times; the cases are interleaved run by run so a
// change in the machine's load hits them alike. Prints the median and the fastest run of each, and
// the median's ratio to `node -e 0`. `--modules` also prints how many modules each case loads
// (counted by loader hooks; CommonJS modules required from CommonJS are not seen).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tally = join(root, "bin", "tally.js");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(option("--runs", "15"));
const json = args.includes("--json");
const modules = args.includes("--modules");
// --baseline path/to/bin/tally.js: the same cases for another build (the code before a change), interleaved.
const baseline = option("--baseline", null);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write("usage: node bench/startup.mjs [--runs N] [--modules] [--baseline path/to/bin/tally.js] [--json]\n");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "tally-bench-startup-"));
const sample = join(work, "one.txt");
writeFileSync(sample, "Reporters in the invented town of Brell said on 3 March 2024 that at least 12 people were detained.\n");

const cases = [
  { name: "node -e 0", argv: ["-e", "0"] },
  { name: "tally --version", argv: [tally, "--version"] },
  { name: "tally --help", argv: [tally, "--help"] },
  { name: "tally extract --help", argv: [tally, "extract", "--help"] },
  { name: "tally extract one.txt", argv: [tally, "extract", "--format", "jsonl", "--published", "2024-03-04", sample] },
];
if (baseline) {
  for (const c of cases.slice(1)) cases.push({ name: `baseline ${c.name.slice("tally ".length)}`, argv: [baseline, ...c.argv.slice(1)] });
}

const times = cases.map(() => []);
try {
  for (let r = 0; r < runs; r++) {
    cases.forEach((c, i) => {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, c.argv, { stdio: ["ignore", "ignore", "pipe"] });
      const ms = performance.now() - t0;
      if (res.status !== 0) throw new Error(`${c.name} exited with ${res.status}: ${res.stderr}`);
      times[i].push(ms);
    });
  }
  const loaded = modules ? cases.map((c) => countModules(c.argv)) : null;
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const rows = cases.map((c, i) => ({
    case: c.name,
    medianMs: median(times[i]),
    minMs: Math.min(...times[i]),
    ...(loaded ? { modules: loaded[i] } : {}),
  }));
  const ref = rows[0].medianMs;
  if (json) process.stdout.write(`${JSON.stringify({ runs, rows: rows.map((r) => ({ ...r, ratio: r.medianMs / ref })) }, null, 2)}\n`);
  else {
    process.stdout.write(`${runs} runs each, interleaved\n`);
    for (const r of rows) {
      const extra = loaded ? `  ${String(r.modules).padStart(5)} modules` : "";
      process.stdout.write(`${r.case.padEnd(32)} median ${r.medianMs.toFixed(0).padStart(5)} ms  fastest ${r.minMs.toFixed(0).padStart(5)} ms  ${(r.medianMs / ref).toFixed(1).padStart(5)}× node -e 0${extra}\n`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** How many modules (ESM and CommonJS) one run loads, counted by loader hooks (module.register). */
function countModules(argv) {
  const out = join(work, "modules.txt");
  const hooks = join(work, "hooks.mjs");
  const register = join(work, "register.mjs");
  writeFileSync(
    hooks,
    `import { appendFileSync } from "node:fs";\n` +
      `export async function load(url, context, next) { if (!url.startsWith("node:")) appendFileSync(${JSON.stringify(out)}, url + "\\n"); return next(url, context); }\n`,
  );
  writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  writeFileSync(out, "");
  const res = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, ...argv], { stdio: "ignore" });
  if (res.status !== 0) return NaN;
  return new Set(readFileSync(out, "utf8").split("\n").filter(Boolean)).size;
}
