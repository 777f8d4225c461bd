// p50/p95 latency of the pages' API calls over HTTP (overview, a document, a filtered claims
// page) against a temporary store filled from samples/corpus (repeated under new names to grow it).
// Usage: node bench/web.mjs [--copies N] [--requests N]
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tsImport } from "tsx/esm/api";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const copies = arg("copies", 20);
const requests = arg("requests", 200);

const load = (p) => tsImport(p, import.meta.url);
const { loadConfig } = await load("../src/config.ts");
const { openStore } = await load("../src/store/index.ts");
const { ingest } = await load("../src/pipeline/ingest.ts");
const { startServer } = await load("../src/api/server.ts");

const dir = await mkdtemp(join(tmpdir(), "tally-bench-web-"));
try {
  const corpus = new URL("../samples/corpus/", import.meta.url);
  const manifest = JSON.parse(await readFile(new URL("manifest.json", corpus), "utf8"));
  const docs = join(dir, "docs");
  await mkdir(docs);
  const entries = [];
  for (let k = 0; k < copies; k++) {
    for (const e of manifest.documents) {
      const text = await readFile(new URL(e.file, corpus), "utf8");
      const file = `${k}-${e.file}`;
      // A distinct line per copy: distinct bytes, near-duplicate text (as syndicated copies are).
      await writeFile(join(docs, file), e.file.endsWith(".html") ? text.replace("</body>", `<p>copy ${k}</p></body>`) : `${text}\n\ncopy ${k}\n`);
      entries.push({ ...e, file });
    }
  }
  await writeFile(join(docs, "manifest.json"), JSON.stringify({ documents: entries }));
  const config = loadConfig({ data: join(dir, "data") }, {});
  const store = await openStore({ dataDir: config.dataDir });
  const t0 = performance.now();
  const summary = await ingest([docs], store, { config });
  console.log(`store: ${summary.new} documents, ${summary.claims} claims (ingest ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const server = await startServer({ store, config, host: "127.0.0.1", port: 0, webRoot: null, log: () => {} });
  const base = server.url.replace(/\/$/, "");
  const calls = {
    "overview": "/api/v1/overview?event=execution&place=Iran",
    "document": "/api/v1/documents/1",
    "claims (filtered page)": "/api/v1/claims?event=execution&place=Iran&from=2020&sort=count&limit=100",
  };
  for (const [name, path] of Object.entries(calls)) {
    const first = performance.now();
    const r = await fetch(base + path);
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    await r.arrayBuffer();
    const cold = performance.now() - first;
    const times = [];
    for (let i = 0; i < requests; i++) {
      const s = performance.now();
      const res = await fetch(base + path);
      await res.arrayBuffer();
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    console.log(`${name.padEnd(24)} first ${cold.toFixed(1)} ms   p50 ${q(0.5)} ms   p95 ${q(0.95)} ms   (${requests} requests)`);
  }
  await server.close();
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
