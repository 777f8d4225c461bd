#!/usr/bin/env node
// Measures the facts' acceptance figures (issue 21) on the shared dev texts + the seed articles +
// the reference data: ingests them into a fresh data directory and prints the share of conflicts
// within one document, the share rated high, the ranks of the two known real contradictions of
// the seeds (2020: 225 against at least 246 / 267; the same 1,500 dated November 2018 and
// November 2019), and the best figure of the execution timeline for Iran in 2020.
// Usage: npm run build && node scripts/eval-facts.mjs [--shared DIR] [--keep] [--top N]
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const shared = resolve(opt("--shared") ?? join(root, "..", "shared"));
const top = Number(opt("--top") ?? 12);
const keep = args.includes("--keep");
if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  console.error("eval-facts: build first (npm run build)");
  process.exit(2);
}
const devTexts = join(shared, "eval", "dev", "texts");
const seeds = join(shared, "corpus", "seeds");
if (!existsSync(devTexts) || !existsSync(seeds)) {
  console.log(`eval-facts: ${shared}/eval/dev or corpus/seeds not found; nothing to measure`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "tally-eval-facts-"));
const data = join(work, "data");
function tally(...argv) {
  const r = spawnSync(process.execPath, [join(root, "bin", "tally.js"), "--data", data, ...argv], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    console.error(`tally ${argv.join(" ")} failed (${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}

try {
  // The dev manifest names the files of texts/; put them side by side so that ingest reads it.
  const dev = join(work, "dev");
  mkdirSync(dev);
  for (const f of readdirSync(devTexts)) cpSync(join(devTexts, f), join(dev, f));
  cpSync(join(shared, "eval", "dev", "manifest.json"), join(dev, "manifest.json"));
  tally("ingest", dev, "--quiet");
  tally("ingest", seeds, "--quiet");
  tally("reference", "load");

  const { conflicts } = JSON.parse(tally("conflicts", "--format", "json"));
  const timeline = JSON.parse(tally("timeline", "--event", "execution", "--place", "Iran", "--format", "json"));

  const oneDocument = conflicts.filter((c) => new Set(c.claims.map((x) => x.documentId)).size === 1);
  const high = conflicts.filter((c) => c.severity === "high");
  const pct = (n) => (conflicts.length ? `${((100 * n) / conflicts.length).toFixed(1)} %` : "n/a");
  const is2020 = (c) => {
    const counts = c.claims.map((x) => x.count);
    return counts.includes(225) && (counts.includes(246) || counts.includes(267));
  };
  const isDating = (c) =>
    c.claims.some((x) => x.count === 1500 && x.period?.start.startsWith("2018-11")) &&
    c.claims.some((x) => x.count === 1500 && x.period?.start.startsWith("2019-11"));
  const rankOf = (pred) => {
    const i = conflicts.findIndex(pred);
    return i < 0 ? "not found" : `${i + 1} (${conflicts[i].kind}, ${conflicts[i].severity})`;
  };
  const row2020 = timeline.rows.find((r) => r.label === "2020");
  const kinds = {};
  for (const c of conflicts) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;

  console.log(`conflicts: ${conflicts.length} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(", ")})`);
  console.log(`within one document: ${oneDocument.length} (${pct(oneDocument.length)}; target < 10 %)`);
  console.log(`rated high: ${high.length} (${pct(high.length)}; target < 33.3 %)`);
  console.log(`rank of 2020 (225 against at least 246 / 267): ${rankOf(is2020)} (target: top 10)`);
  console.log(`rank of 1,500 in November 2018 / November 2019: ${rankOf(isDating)} (target: top 10)`);
  console.log(
    `timeline execution Iran 2020: ${row2020 ? `low ${row2020.low} / best ${row2020.best} / high ${row2020.high}${row2020.highIsMinimum ? "+" : ""}` : "no row"} (target: best not 225)`,
  );
  console.log(`timeline years: ${timeline.rows.map((r) => r.label).join(" ")}`);
  console.log(`\ntop ${top} conflicts:`);
  conflicts.slice(0, top).forEach((c, i) => console.log(`${String(i + 1).padStart(3)}. [${c.severity}] ${c.kind}: ${c.reason}`));
} finally {
  if (keep) console.log(`\ndata directory kept: ${data}`);
  else rmSync(work, { recursive: true, force: true });
}
