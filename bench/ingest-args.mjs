// bench/ingest.mjs's command line: its usage text and options.

function usage(code) {
  (code ? process.stderr : process.stdout).write(
    "usage: node bench/ingest.mjs [--n N] [--claims N] [--per-doc N] [--workers N] [--seed S] [--runs N]\n" +
      "                             [--only sqlite|postgres] [--reference N] [--heap-growth P] [--data DIR] [--keep] [--json]\n" +
      "  --n N        synthetic documents to ingest (default 100000)\n" +
      "  --claims N   instead: store N synthetic claims directly, then time the queries\n" +
      "  --per-doc N  claims per document in --claims mode (default 200)\n" +
      "  --workers N  extraction worker threads (default: the configuration's, TALLY_WORKERS)\n" +
      "  --seed S     corpus seed (default 1)\n" +
      "  --runs N     runs of each query (default 50)\n" +
      "  --only D     only the sqlite or the postgres store (postgres needs DATABASE_URL)\n" +
      "  --reference N  the bare-insert reference over the first N documents stored (default: all, at most 20000; 0: none)\n" +
      "  --heap-growth P  V8's heap growth after a full collection, in per cent (default: as tally ingest sets it; 0: V8's own)\n" +
      "  --data DIR   ingest into the SQLite store in DIR (kept; a store of some size, to see how ingest grows) instead of a fresh one\n" +
      "  --keep       keep the generated documents and the SQLite data directory\n" +
      "  --json       print the figures as JSON\n",
  );
  process.exit(code);
}

export function parseArgs(argv) {
  const opts = { n: 100_000, claims: 0, perDoc: 200, workers: undefined, seed: "1", runs: 50, only: null, reference: null, heapGrowth: undefined, data: null, keep: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) usage(2);
      return v;
    };
    const int = (name) => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) {
        process.stderr.write(`${name} must be a whole number\n`);
        process.exit(2);
      }
      return v;
    };
    if (flag === "--n") opts.n = int("--n");
    else if (flag === "--claims") opts.claims = int("--claims");
    else if (flag === "--per-doc") opts.perDoc = Math.max(1, int("--per-doc"));
    else if (flag === "--workers") opts.workers = int("--workers");
    else if (flag === "--seed") opts.seed = value();
    else if (flag === "--runs") opts.runs = Math.max(1, int("--runs"));
    else if (flag === "--only") opts.only = value();
    else if (flag === "--reference") opts.reference = int("--reference");
    else if (flag === "--heap-growth") opts.heapGrowth = int("--heap-growth");
    else if (flag === "--data") opts.data = value();
    else if (flag === "--keep") opts.keep = true;
    else if (flag === "--json") opts.json = true;
    else if (flag === "--help" || flag === "-h") usage(0);
    else {
      process.stderr.write(`unknown argument: ${a}\n`);
      usage(2);
    }
  }
  if (opts.only !== null && opts.only !== "sqlite" && opts.only !== "postgres") usage(2);
  return opts;
}
