#!/usr/bin/env node
// A snapshot of everything `extract()` outputs, to prove that a change (a speed-up, say) alters
// no output at all.
//
//   npm run build && node scripts/extract-snapshot.mjs --out /tmp/before.jsonl
//   ...change, build...
//   node scripts/extract-snapshot.mjs --compare /tmp/before.jsonl
//   node scripts/extract-snapshot.mjs --root ../other-checkout --out /tmp/other.jsonl
//
// It runs dist/core/extract/index.js over the texts `scripts/eval.mjs` scores (read, dated and
// language-detected as `tally extract` does, with the same manifests), the project's samples, and
// a fixed slice of the benchmark corpora (bench/corpus.mjs and bench/corpus-i18n.mjs, fixed seeds).
// Every claim (all fields), every person mention, the "unsupported" note and, from a second run
// with `explain`, every figure decision are written one JSON line each; the SHA-256 of the lines
// is printed last. `--compare FILE` prints the first lines that differ and exits 1 when any do.
// The real texts of ../shared are read, never copied: the snapshot lives outside the repository.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { finishSnapshot, here, opt, snapshotOptions } from "./snapshot-io.mjs";

const options = snapshotOptions();
const { root, shared } = options;
const benchMb = Number(opt("--bench-mb", "1.5"));
const benchMbI18n = Number(opt("--bench-mb-i18n", "0.2"));
const sharedRoot = existsSync(join(shared, "eval")) ? shared : "/work/shared";

const dist = (p) => pathToFileURL(join(root, "dist", p)).href;
if (!existsSync(join(root, "dist", "core", "extract", "index.js"))) {
  console.error(`extract-snapshot: build ${root} first (npm run build)`);
  process.exit(2);
}
const { extract } = await import(dist("core/extract/index.js"));
const { collectInputs } = await import(dist("ingest/collect.js"));
const { readDocumentFile } = await import(dist("ingest/read-file.js"));
const { detectLanguage } = await import(dist("ingest/language.js"));
// The corpora come from this checkout, so both sides of a comparison read the same texts.
const { documents } = await import(pathToFileURL(join(here, "bench", "corpus.mjs")).href);
const { BENCH_LANGUAGES, documentsIn } = await import(pathToFileURL(join(here, "bench", "corpus-i18n.mjs")).href);

const lines = [];
let docs = 0;
let claims = 0;
let cpuUs = 0;
let bytes = 0;

/** Extracts one document twice (plain, then with explain) and records every output. */
function record(set, text, meta) {
  docs++;
  bytes += Buffer.byteLength(text, "utf8");
  const c0 = process.cpuUsage();
  const r = extract(text, meta);
  const c1 = process.cpuUsage(c0);
  cpuUs += c1.user + c1.system;
  const decisions = [];
  extract(text, meta, { explain: decisions });
  const doc = `${set}/${meta.document}`;
  lines.push(JSON.stringify({ doc, meta, unsupported: r.unsupported ?? null, claims: r.claims.length, people: r.people.length, decisions: decisions.length }));
  r.claims.forEach((c, i) => lines.push(JSON.stringify({ doc, claim: i, ...c })));
  r.people.forEach((p, i) => lines.push(JSON.stringify({ doc, person: i, ...p })));
  decisions.forEach((d, i) => lines.push(JSON.stringify({ doc, decision: i, ...d })));
  claims += r.claims.length;
}

// The sets of scripts/eval.mjs, read as `tally extract DIR [--manifest M]` reads them.
const sets = [
  { name: "samples", corpus: join(here, "samples", "corpus") },
  { name: "seeds", corpus: join(sharedRoot, "corpus", "seeds") },
  { name: "dev", corpus: join(sharedRoot, "eval", "dev", "texts"), manifest: join(sharedRoot, "eval", "dev", "manifest.json") },
  { name: "dev-i18n", corpus: join(sharedRoot, "eval", "dev-i18n", "texts") },
];
for (const set of sets) {
  if (!existsSync(set.corpus)) {
    console.error(`extract-snapshot: ${set.corpus} not found; skipped`);
    continue;
  }
  const collected = await collectInputs([set.corpus], set.manifest ? { manifestPath: set.manifest } : {});
  // (dev's manifest names files beside it, found in texts/ by base name, as `tally extract` does.)
  if (collected.errors.length > 0) console.error(`extract-snapshot: ${set.name}: ${collected.errors.length} notes on the inputs (as \`tally extract\` prints them)`);
  for (const file of collected.files) {
    const document = await readDocumentFile(file.path, file.manifestEntry ? { manifestEntry: file.manifestEntry } : {});
    const name = file.manifestEntry?.file ?? document.name;
    const language = detectLanguage(document.text);
    record(set.name, document.text, { document: name, published: document.published ?? null, publisher: document.publisher ?? null, language });
  }
}

// Fixed slices of the benchmark corpora, with the benchmark's own metadata.
const slice = (set, stream, mb) => {
  let n = 0;
  for (const doc of stream) {
    if (n >= mb * 1024 * 1024) break;
    n += Buffer.byteLength(doc.text, "utf8");
    record(set, doc.text, doc.meta);
  }
};
slice("bench-en", documents(1), benchMb);
slice("bench-en-dense", documents(7, 0.55), benchMb / 3);
for (const lang of BENCH_LANGUAGES) slice(`bench-${lang}`, documentsIn(lang, 1), benchMbI18n);

finishSnapshot(lines, options, `${docs} documents, ${(bytes / 1048576).toFixed(2)} MB, ${claims} claims, ${lines.length} lines; extract() ${(bytes / 1048576 / (cpuUs / 1e6)).toFixed(2)} MB per CPU s`);
