#!/usr/bin/env node
// Scores the extractor against gold annotations with the shared scorer (../shared/eval/score.mjs):
// the seed articles when ../shared exists, and always the project's own samples/gold.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// ../shared beside the checkout, or TALLY_SHARED (a worktree elsewhere).
const shared = process.env["TALLY_SHARED"] ? resolve(process.env["TALLY_SHARED"]) : resolve(root, "..", "shared");
const scorer = join(shared, "eval", "score.mjs");
const verbose = process.argv.includes("--verbose");
if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  console.error("eval: build first (npm run build)");
  process.exit(2);
}
if (!existsSync(scorer)) {
  console.log("eval: ../shared/eval/score.mjs not found; nothing to score");
  process.exit(0);
}
const out = mkdtempSync(join(tmpdir(), "tally-eval-"));
const sets = [
  { name: "project samples", corpus: join(root, "samples", "corpus"), gold: join(root, "samples", "gold.json") },
  { name: "seed articles", corpus: join(shared, "corpus", "seeds"), gold: join(shared, "eval", "seeds-gold.json") },
  // Real published texts, for measurement only (../shared/eval/dev/README.md).
  { name: "dev: 21 real English texts", corpus: join(shared, "eval", "dev", "texts"), gold: join(shared, "eval", "dev", "gold.json"), manifest: join(shared, "eval", "dev", "manifest.json") },
  { name: "dev-i18n: Persian, Arabic and French texts", corpus: join(shared, "eval", "dev-i18n", "texts"), gold: join(shared, "eval", "dev-i18n", "gold.json"), byLanguage: join(shared, "eval", "dev-i18n", "score-by-language.mjs") },
];
const summary = [];
let status = 0;
for (const set of sets) {
  if (!existsSync(set.gold)) continue;
  const args0 = [join(root, "bin", "tally.js"), "extract", set.corpus, "--format", "jsonl"];
  if (set.manifest) args0.push("--manifest", set.manifest);
  const run = spawnSync(process.execPath, args0, { encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0 && run.status !== 1) {
    console.error(run.stderr);
    status = 1;
    continue;
  }
  const pred = join(out, `${set.name.replace(/\W+/g, "-")}.jsonl`);
  writeFileSync(pred, run.stdout);
  const args = [scorer, "--gold", set.gold, "--pred", pred, "--corpus", set.corpus];
  if (verbose) args.push("--verbose");
  const score = spawnSync(process.execPath, args, { encoding: "utf8" });
  console.log(`\n== ${set.name} (${set.corpus})`);
  process.stdout.write(score.stdout);
  if (score.status !== 0) status = 1;
  const last = score.stdout.trim().split("\n").pop() ?? "";
  summary.push(`${set.name.padEnd(45)} ${last}`);
  if (set.byLanguage && existsSync(set.byLanguage)) {
    const byLang = spawnSync(process.execPath, [set.byLanguage, pred], { encoding: "utf8" });
    process.stdout.write(byLang.stdout);
  }
}
console.log("\n== summary");
for (const line of summary) console.log(line);
process.exit(status);
