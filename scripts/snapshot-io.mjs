// What the two extraction snapshots (extract-snapshot.mjs, extract-snapshot-i18n.mjs) share: their
// command-line options, and writing, hashing and comparing the lines they produce.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** This checkout's root. */
export const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The value after `name` on the command line, or `fallback`. */
export function opt(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}

/** --root (the build to run), --out, --compare, and the shared evaluation folder. */
export function snapshotOptions() {
  return {
    root: resolve(opt("--root", here)),
    out: opt("--out", null),
    compare: opt("--compare", null),
    shared: process.env["TALLY_SHARED"] ? resolve(process.env["TALLY_SHARED"]) : resolve(here, "..", "shared"),
  };
}

/**
 * Writes the lines (with --out), prints `summary` and their SHA-256, and with --compare prints the
 * first lines that differ from the saved snapshot and exits 1 when any do.
 */
export function finishSnapshot(lines, { out, compare }, summary) {
  const body = lines.join("\n") + "\n";
  const sha = createHash("sha256").update(body).digest("hex");
  if (out) writeFileSync(out, body);
  console.log(summary);
  console.log(`sha256 ${sha}`);
  if (!compare) return;
  const before = readFileSync(compare, "utf8").split("\n");
  const after = body.split("\n");
  let differ = 0;
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (before[i] === after[i]) continue;
    if (differ++ < 10) console.log(`line ${i + 1}:\n  - ${before[i] ?? "(none)"}\n  + ${after[i] ?? "(none)"}`);
  }
  const beforeSha = createHash("sha256").update(before.join("\n")).digest("hex");
  console.log(differ === 0 ? `identical to ${compare} (sha256 ${beforeSha})` : `${differ} lines differ from ${compare}`);
  process.exit(differ === 0 ? 0 : 1);
}
