#!/usr/bin/env node
// Regenerates samples/expected/*.claims.jsonl: the extractor's output on each sample document.
// Review the diff like code (git diff samples/expected) before committing it.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { extractFiles } = await import(join(root, "dist", "services", "extract-files.js"));
const { toJsonLine } = await import(join(root, "dist", "cli", "claim-format.js"));
const outDir = join(root, "samples", "expected");
mkdirSync(outDir, { recursive: true });
let files = 0;
for await (const o of extractFiles([join(root, "samples", "corpus")])) {
  if (!o.ok) {
    console.error(o.error.message);
    process.exitCode = 1;
    continue;
  }
  const lines = o.claims.map((c) => toJsonLine({ ...c, extractor: undefined }));
  writeFileSync(join(outDir, `${o.document.name}.claims.jsonl`), lines.join("\n") + (lines.length ? "\n" : ""));
  files++;
}
console.log(`wrote ${files} golden files to ${outDir}`);
