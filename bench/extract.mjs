// Extraction benchmark: throughput and memory of the pure claim extractor on one core.
//
//   npm run build && npm run bench:extract [-- --mb 24 --seed 1 --json]
//   npm run bench:extract -- --language fa        (or ar, fr, en; default: English, then each pack)
//
// Documents come from the synthetic generator in bench/corpus.mjs and are streamed: each one is
// generated, extracted and dropped before the next, so the corpus is never held in memory and
// peak RSS reflects the extractor, not the benchmark. Generation time is excluded from the timed
// figures (it is measured separately and reported as `generateSeconds`).
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { documents } from "./corpus.mjs";
import { BENCH_LANGUAGES, documentsIn } from "./corpus-i18n.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "core", "extract", "index.js");

function usage(code) {
  (code ? process.stderr : process.stdout).write(
    "usage: node bench/extract.mjs [--mb N] [--seed S] [--warmup N] [--language L] [--json]\n" +
      "  --mb N      megabytes (UTF-8) of synthetic text to extract (default 24)\n" +
      "  --language L  en, fa, ar, fr or all (default all: English, then the Persian, Arabic and French packs)\n" +
      "  --mb-i18n N megabytes for each of Persian, Arabic and French (default 4)\n" +
      "  --seed S    corpus seed (default 1); the same seed gives the same documents\n" +
      "  --figure-share X  share of sentences stating a figure (default 0.2, about one claim per KB\n" +
      "              like real reporting; 0.55 is a dense worst case)\n" +
      "  --warmup N  documents extracted first and not counted (default 50)\n" +
      "  --command-docs N  documents (English, the same seed) written to a folder for the whole command\n" +
      "              `tally extract DIR --format jsonl` beside the naive reference (default 3000; 0: skip)\n" +
      "  --runs N    runs of each whole command, alternated (default 3; the median is shown)\n" +
      "  --workers N extraction threads of `tally extract` (default: its own default)\n" +
      "  --baseline P  also run another build's bin/tally.js (say, the code before a change), alternated\n" +
      "  --json      print the figures as JSON\n",
  );
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { mb: 24, seed: "1", warmup: 50, json: false, language: "all", mbI18n: 4, commandDocs: 3000, runs: 3, workers: undefined, baseline: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) usage(2);
      return v;
    };
    if (flag === "--mb") opts.mb = Number(value());
    else if (flag === "--seed") opts.seed = value();
    else if (flag === "--figure-share") opts.figureShare = Number(value());
    else if (flag === "--warmup") opts.warmup = Number(value());
    else if (flag === "--json") opts.json = true;
    else if (flag === "--language") opts.language = value();
    else if (flag === "--mb-i18n") opts.mbI18n = Number(value());
    else if (flag === "--command-docs") opts.commandDocs = Number(value());
    else if (flag === "--runs") opts.runs = Number(value());
    else if (flag === "--workers") opts.workers = value();
    else if (flag === "--baseline") opts.baseline = value();
    else if (flag === "--help" || flag === "-h") usage(0);
    else {
      process.stderr.write(`unknown argument: ${a}\n`);
      usage(2);
    }
  }
  if (!(opts.mb > 0) || !Number.isFinite(opts.mb)) {
    process.stderr.write("--mb must be a positive number\n");
    process.exit(2);
  }
  if (!(opts.warmup >= 0)) opts.warmup = 0;
  if (opts.language !== "all" && opts.language !== "en" && !BENCH_LANGUAGES.includes(opts.language)) {
    process.stderr.write(`--language must be en, ${BENCH_LANGUAGES.join(", ")} or all\n`);
    process.exit(2);
  }
  if (!(opts.mbI18n > 0) || !Number.isFinite(opts.mbI18n)) {
    process.stderr.write("--mb-i18n must be a positive number\n");
    process.exit(2);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));

if (!existsSync(entry)) {
  process.stderr.write(
    `bench:extract needs the compiled extractor at ${entry.slice(root.length + 1)}, which does not exist.\n` +
      "Run `npm run build` first, then `npm run bench:extract`.\n",
  );
  process.exit(1);
}
const { extract } = await import(pathToFileURL(entry).href);

const MB = 1024 * 1024;
const seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;

/** Extracts `mb` megabytes of one stream of documents and measures time and memory. */
function measure(stream, mb) {
  const targetBytes = Math.round(mb * MB);
  // Warm-up on documents from a different seed, so the timed run sees the same documents whatever
  // --warmup is.
  {
    let i = 0;
    for (const doc of stream(`warmup:${opts.seed}`)) {
      if (i++ >= opts.warmup) break;
      extract(doc.text, doc.meta);
    }
  }
  globalThis.gc?.();

  const rssStart = process.memoryUsage().rss;
  let bytes = 0;
  let docs = 0;
  let claims = 0;
  let people = 0;
  let peakRss = rssStart;
  let rssQuarter = null;
  let extractNs = 0n;
  let extractCpuUs = 0; // CPU time (user + system) of the process inside extract(): steadier than wall time on a busy machine
  let generateNs = 0n;

  const wallStart = process.hrtime.bigint();
  const iter = stream(seed);
  while (bytes < targetBytes) {
    const g0 = process.hrtime.bigint();
    const doc = iter.next().value;
    const size = Buffer.byteLength(doc.text, "utf8");
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const out = extract(doc.text, doc.meta);
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    extractCpuUs += c1.user + c1.system;
    generateNs += t0 - g0;
    extractNs += t1 - t0;
    bytes += size;
    docs++;
    claims += out.claims.length;
    people += out.people.length;
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) peakRss = rss;
    if (rssQuarter === null && bytes >= targetBytes / 4) rssQuarter = rss;
  }
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  const rssEnd = process.memoryUsage().rss;

  const seconds = Number(extractNs) / 1e9;
  return {
    mb: bytes / MB,
    bytes,
    documents: docs,
    claims,
    people,
    seconds, // time inside extract() only
    wallSeconds, // including generation and measurement overhead
    generateSeconds: Number(generateNs) / 1e9,
    mbPerSecond: bytes / MB / seconds,
    cpuSeconds: extractCpuUs / 1e6, // CPU time inside extract(), all threads of the process (GC helpers included)
    mbPerCpuSecond: bytes / MB / (extractCpuUs / 1e6),
    docsPerSecond: docs / seconds,
    claimsPerDocument: claims / docs,
    rssStartMb: rssStart / MB,
    rssQuarterMb: (rssQuarter ?? rssEnd) / MB,
    rssEndMb: rssEnd / MB,
    peakRssMb: peakRss / MB,
    seed: opts.seed,
    warmupDocuments: opts.warmup,
    node: process.version,
  };
}

const n = (x, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const languages = opts.language === "all" ? ["en", ...BENCH_LANGUAGES] : [opts.language];
const results = {};
for (const lang of languages) {
  const result = lang === "en"
    ? measure((s) => documents(s, opts.figureShare), opts.mb)
    : measure((s) => documentsIn(lang, s, opts.figureShare), opts.mbI18n);
  results[lang] = result;
  if (opts.json) continue;
  if (lang === "en") {
    process.stdout.write(
      `extract: ${n(result.mb, 1)} MB, ${n(result.documents)} docs, ${n(result.claims)} claims in ${n(result.seconds, 1)} s — ` +
        `${n(result.mbPerSecond, 1)} MB/s (${n(result.mbPerCpuSecond, 1)} MB per CPU second), ${n(result.docsPerSecond)} docs/s on one core; ` +
        `peak RSS ${n(result.peakRssMb)} MB (start: ${n(result.rssStartMb)} MB, after 25%: ${n(result.rssQuarterMb)} MB, end: ${n(result.rssEndMb)} MB)\n` +
        `         seed ${opts.seed}, ${n(result.claimsPerDocument, 1)} claims/doc, ${n(result.people)} people; ` +
        `wall ${n(result.wallSeconds, 1)} s incl. ${n(result.generateSeconds, 1)} s generating the corpus; node ${process.version}\n`,
    );
  } else {
    process.stdout.write(
      `extract ${lang}: ${n(result.mb, 1)} MB, ${n(result.documents)} docs, ${n(result.claims)} claims in ${n(result.seconds, 1)} s — ` +
        `${n(result.mbPerSecond, 1)} MB/s (${n(result.mbPerCpuSecond, 1)} MB per CPU second); peak RSS ${n(result.peakRssMb)} MB\n`,
    );
  }
}
if ((opts.language === "all" || opts.language === "en") && opts.commandDocs > 0) {
  results.command = measureCommand();
  const c = results.command;
  if (!opts.json) {
    process.stdout.write(
      `whole command on ${n(c.documents)} documents (${n(c.mb, 1)} MB, ${n(c.runs)} runs alternated, medians):\n` +
        `  tally extract DIR --format jsonl   ${n(c.tally.mbPerSecond, 2)} MB/s (${n(c.tally.seconds, 2)} s, ${n(c.tally.cpuSeconds, 1)} CPU s, ${n(c.tally.lines)} claim lines)\n` +
        `  naive reference (regexes only)     ${n(c.naive.mbPerSecond, 2)} MB/s (${n(c.naive.seconds, 2)} s, ${n(c.naive.cpuSeconds, 1)} CPU s, ${n(c.naive.lines)} lines)   ratio ${n(c.ratio, 2)}×\n` +
        `  extract() alone on the same texts  ${n(c.extractMbPerSecond, 2)} MB/s on one core, in the same run\n` +
        (c.baseline ? `  baseline ${c.baseline.path}: ${n(c.baseline.mbPerSecond, 2)} MB/s (${n(c.baseline.seconds, 2)} s, ${n(c.baseline.cpuSeconds, 1)} CPU s, ${n(c.baseline.lines)} lines)\n` : ""),
    );
  }
}

/**
 * `tally extract DIR --format jsonl` as a whole command (a process, its reads and its output to a
 * file) beside bench/naive-extract.mjs on the same folder, alternated run by run; and extract()
 * alone on the same texts in this process.
 */
function measureCommand() {
  const work = mkdtempSync(join(tmpdir(), "tally-bench-extract-"));
  try {
    const folder = join(work, "corpus");
    mkdirSync(folder);
    const manifest = [];
    const texts = [];
    let bytes = 0;
    for (const doc of documents(seed, opts.figureShare)) {
      if (texts.length >= opts.commandDocs) break;
      writeFileSync(join(folder, doc.meta.document), doc.text);
      texts.push(doc);
      bytes += Buffer.byteLength(doc.text, "utf8");
      manifest.push({ file: doc.meta.document, published: doc.meta.published, publisher: doc.meta.publisher, url: null });
    }
    writeFileSync(join(folder, "manifest.json"), JSON.stringify({ documents: manifest }));
    const t0 = process.hrtime.bigint();
    for (const doc of texts) extract(doc.text, doc.meta);
    const extractSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    texts.length = 0;
    const output = join(work, "out.jsonl");
    const runOne = (argv) => {
      const fd = openSync(output, "w");
      const t = performance.now();
      const res = spawnSync(process.execPath, argv, { stdio: ["ignore", fd, "inherit"] });
      const seconds = (performance.now() - t) / 1000;
      closeSync(fd);
      if (res.status !== 0) throw new Error(`${argv.join(" ")} exited with ${res.status}`);
      const lines = readFileSync(output, "utf8").split("\n").length - 1;
      const ticks = childTicks();
      const cpuSeconds = (ticks - lastTicks) / 100;
      lastTicks = ticks;
      return { seconds, lines, cpuSeconds };
    };
    let lastTicks = childTicks();
    const tallyArgv = [join(root, "bin", "tally.js"), "extract", folder, "--format", "jsonl", ...(opts.workers !== undefined ? ["--workers", String(opts.workers)] : [])];
    const naiveArgv = [join(root, "bench", "naive-extract.mjs"), folder];
    const baselineArgv = opts.baseline ? [opts.baseline, "extract", folder, "--format", "jsonl"] : null;
    const tally = [];
    const naive = [];
    const baseline = [];
    for (let r = 0; r < opts.runs; r++) {
      tally.push(runOne(tallyArgv));
      naive.push(runOne(naiveArgv));
      if (baselineArgv) baseline.push(runOne(baselineArgv));
    }
    const median = (rows) => [...rows].sort((a, b) => a.seconds - b.seconds)[Math.floor((rows.length - 1) / 2)];
    const mb = bytes / MB;
    const t = median(tally);
    const v = median(naive);
    return {
      documents: manifest.length,
      mb,
      runs: opts.runs,
      tally: { ...t, mbPerSecond: mb / t.seconds, all: tally.map((x) => x.seconds) },
      naive: { ...v, mbPerSecond: mb / v.seconds, all: naive.map((x) => x.seconds) },
      ratio: v.seconds / t.seconds,
      ...(baselineArgv ? { baseline: { ...median(baseline), mbPerSecond: mb / median(baseline).seconds, path: opts.baseline } } : {}),
      extractMbPerSecond: mb / extractSeconds,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** CPU time of the finished children (user + system), in clock ticks (100 a second on Linux); NaN without /proc. */
function childTicks() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return Number(fields[13]) + Number(fields[14]); // cutime, cstime (fields 16 and 17 of proc(5))
  } catch {
    return NaN;
  }
}

if (opts.json) {
  // English figures stay at the top level (as before); the packs' figures sit under `languages`.
  const { en, command, ...packs } = results;
  const out = { ...(en ?? {}), ...(Object.keys(packs).length ? { languages: packs } : {}), ...(command ? { command } : {}) };
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
}
