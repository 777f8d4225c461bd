#!/usr/bin/env node
// Snapshot of what the Persian, Arabic and French packs extract, to prove that a speed-up changes
// no output. Runs the compiled `extract()` (dist/) over:
//   - every text of $TALLY_SHARED/eval/dev-i18n/texts (when present), read, dated and told apart by
//     language exactly as `tally extract DIR` (and so scripts/eval.mjs) does; again with other
//     publication dates; and 40 documents per language of their paragraphs drawn at random (fixed seed);
//   - about --mb megabytes per language of bench/corpus-i18n.mjs documents, fixed seeds, at the
//     usual and at a dense share of figure sentences;
//   - every string literal of the packs' tests (src/core/extract/lang/*.test.ts), alone with two
//     publication dates, and all of one file's literals as one document.
// Every claim (all fields), each document's people, language and note are written as JSON lines,
// and the SHA-256 of those lines is printed.
//
//   node scripts/extract-snapshot-i18n.mjs [--out FILE] [--compare FILE] [--root DIR] [--mb N]
//
// --root DIR runs another checkout's build (say, main's) with this script's inputs.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mulberry32 } from "../bench/corpus.mjs";
import { documentsIn } from "../bench/corpus-i18n.mjs";
import { finishSnapshot, here, opt, snapshotOptions } from "./snapshot-io.mjs";

const options = snapshotOptions();
const { root, shared } = options;
const mb = Number(opt("--mb", "3"));

const load = (rel) => import(pathToFileURL(join(root, "dist", ...rel.split("/"))).href);
const { extract } = await load("core/extract/index.js");
const { collectInputs } = await load("ingest/collect.js");
const { readDocumentFile } = await load("ingest/read-file.js");
const { detectLanguage } = await load("ingest/language.js");

const lines = [];
let docs = 0;
let claims = 0;
/** Records one document's extraction: a line for the document, then one per claim. */
function record(id, text, meta) {
  const r = extract(text, meta);
  docs++;
  claims += r.claims.length;
  lines.push(JSON.stringify({ id, language: meta.language ?? null, published: meta.published ?? null, outLanguage: r.language ?? null, unsupported: r.unsupported ?? null, claims: r.claims.length, people: r.people }));
  r.claims.forEach((c, i) => lines.push(JSON.stringify({ id, i, ...c })));
}

// 1. dev-i18n, as `tally extract DIR` reads it (services/extract-files.ts: extractOne).
const devDir = join(shared, "eval", "dev-i18n", "texts");
const devParagraphs = [];
if (existsSync(devDir)) {
  const collected = await collectInputs([devDir]);
  for (const file of collected.files) {
    const document = await readDocumentFile(file.path, file.manifestEntry ? { manifestEntry: file.manifestEntry } : {});
    const published = document.published ?? null;
    const publisher = document.publisher ?? null;
    const name = file.manifestEntry?.file ?? document.name;
    const language = detectLanguage(document.text);
    record(`dev:${name}`, document.text, { document: name, published, publisher, language });
    // The same text with other publication dates, and its paragraphs in other orders (context across sentences).
    for (const other of [null, "2023-03-21", "2019"]) record(`dev:${name}:${other}`, document.text, { document: name, published: other, publisher, language });
    devParagraphs.push(...document.text.split(/\n\s*\n/).map((p) => ({ p, language })));
  }
  const next = mulberry32(26);
  for (const language of ["fa", "ar", "fr"]) {
    const pool = devParagraphs.filter((x) => x.language === language).map((x) => x.p);
    for (let k = 0; k < 40 && pool.length > 0; k++) {
      const picked = Array.from({ length: 3 + Math.floor(next() * 8) }, () => pool[Math.floor(next() * pool.length)]);
      record(`dev-mix:${language}:${k}`, picked.join("\n\n"), { document: `mix-${k}`, published: `20${10 + Math.floor(next() * 15)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`, publisher: null, language });
    }
  }
} else process.stderr.write(`extract-snapshot-i18n: ${devDir} not found; dev-i18n left out\n`);

// 2. Synthetic documents, fixed seeds.
const MB = 1024 * 1024;
for (const lang of ["fa", "ar", "fr"]) {
  for (const [seed, share, part] of [["snapshot-1", 0.2, 0.7], ["snapshot-2", 0.55, 0.3]]) {
    let bytes = 0;
    let k = 0;
    for (const doc of documentsIn(lang, seed, share)) {
      if (bytes >= mb * part * MB) break;
      bytes += Buffer.byteLength(doc.text);
      record(`synthetic:${lang}:${seed}:${k++}`, doc.text, doc.meta);
    }
  }
}

// 3. The packs' test sentences.
const testDir = join(here, "src", "core", "extract", "lang");
const literal = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\$]|\\.)*)`/g;
const unescape = (s) => {
  try {
    return JSON.parse(`"${s.replace(/\\'/g, "'").replace(/\\`/g, "`").replace(/(?<!\\)"/g, '\\"').replace(/\n/g, "\\n")}"`);
  } catch {
    return s;
  }
};
for (const file of readdirSync(testDir).filter((f) => f.endsWith(".test.ts")).sort()) {
  const src = readFileSync(join(testDir, file), "utf8");
  const texts = [];
  for (const m of src.matchAll(literal)) {
    const s = unescape(m[1] ?? m[2] ?? m[3] ?? "");
    if (s.length >= 12 && /[\s]/.test(s) && /\d|[\u0600-\u06ff]|[a-zà-ÿ]{3}/i.test(s)) texts.push(s);
  }
  const langs = (s) => (/[\u0600-\u06ff]/.test(s) ? ["fa", "ar"] : ["fr"]);
  texts.forEach((s, k) => {
    for (const language of langs(s)) for (const published of ["2024-01-10", "2021-05-20", null]) record(`test:${file}:${k}:${language}:${published}`, s, { document: file, published, language });
  });
  for (const language of ["fa", "ar", "fr"]) record(`test:${file}:all:${language}`, texts.join("\n\n"), { document: file, published: "2023-06-15", language });
}

finishSnapshot(lines, options, `${docs} documents, ${claims} claims, ${lines.length} lines`);
