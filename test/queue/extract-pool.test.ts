// The extraction pool gives exactly what inline extraction gives, and ingest with workers stores
// exactly what ingest without them stores, in the same order.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ExtractPool, extractInline } from "../../src/pipeline/extract-pool.js";
import { ingest, type IngestEvent } from "../../src/pipeline/ingest.js";
import { openStore, type Store } from "../../src/store/index.js";
import { searchVector } from "../../src/store/search-vector.js";
import { PERSIAN_REPORT, TURKISH_REPORT } from "../support/languages.js";
// @ts-expect-error -- plain JavaScript benchmark helper without types
import { documents } from "../../bench/corpus.mjs";

const samples = join(import.meta.dirname, "..", "..", "samples", "corpus");
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

interface SyntheticDoc {
  text: string;
  meta: { document: string; published: string; publisher: string };
}

function synthetic(n: number): SyntheticDoc[] {
  const out: SyntheticDoc[] = [];
  for (const d of documents(11) as Iterable<SyntheticDoc>) {
    if (out.length >= n) break;
    out.push(d);
  }
  return out;
}

async function snapshot(store: Store) {
  const docs = await store.listDocuments({ limit: 1000, offset: 0 });
  const claims = await store.queryClaims({ includeClutter: true }, { limit: 100_000, offset: 0, sort: "id" });
  return {
    docs: docs.map((d) => ({ id: d.id, sha256: d.sha256, name: d.name, language: d.language, simhash: d.simhash, claims: d.claimCount })).sort((a, b) => a.id - b.id),
    claims: claims.map(({ id: _i, createdAt: _c, ...c }) => c),
  };
}

describe("extraction pool", () => {
  it("returns what inline extraction returns, whatever the pool size", async () => {
    const docs = synthetic(40);
    const inline = docs.map((d) => extractInline(d.text, d.meta.document, d.meta.published, d.meta.publisher));
    for (const size of [0, 2]) {
      const pool = ExtractPool.create(size);
      try {
        const got = await Promise.all(docs.map((d) => pool.extract(d.text, d.meta.document, d.meta.published, d.meta.publisher)));
        expect(got).toEqual(inline);
        // From the TypeScript sources the worker runs through tsx; every worker is still alive.
        expect(pool.size).toBe(size);
      } finally {
        await pool.close();
      }
    }
  });

  it("detects each document's language, extracts for it and says when it has no rules, on a worker as inline", async () => {
    for (const size of [0, 1]) {
      const pool = ExtractPool.create(size);
      try {
        const turkish = await pool.extract(TURKISH_REPORT, "gozlem.txt", "2024-12-01", null);
        expect(turkish).toMatchObject({ claims: [], language: "tr", unsupported: "no claims extracted: language Turkish has no extraction rules" });
        const persian = await pool.extract(PERSIAN_REPORT, "report.txt", "2024-12-01", null);
        expect(persian.language).toBe("fa");
        // Until the Persian pack lands its note says so; after, the claims come with no note.
        expect(persian.unsupported === undefined ? persian.claims.length > 0 : persian.unsupported.includes("Persian")).toBe(true);
        const english = await pool.extract(documents(11).next().value.text as string, "en.txt", "2024-12-01", null);
        expect(english.language).toBe("en");
        expect(english.unsupported).toBeUndefined();
      } finally {
        await pool.close();
      }
    }
  });

  it("builds the full-text vector when asked, on a worker as inline, and only then", async () => {
    const docs = synthetic(6);
    const title = (d: SyntheticDoc) => `Bulletin of ${d.meta.publisher}`;
    for (const size of [0, 1]) {
      const pool = ExtractPool.create(size);
      try {
        const asked = await Promise.all(docs.map((d) => pool.extract(d.text, d.meta.document, d.meta.published, d.meta.publisher, { title: title(d) })));
        expect(asked.map((r) => Buffer.from(r.searchVector ?? []))).toEqual(docs.map((d) => Buffer.from(searchVector(title(d), d.text))));
        const plain = await pool.extract(docs[0]?.text ?? "", "a.txt", null, null);
        expect(plain.searchVector).toBeUndefined();
      } finally {
        await pool.close();
      }
    }
  });

  it("ingest with extraction workers stores the same documents, claims and events, in input order", async () => {
    const results = [];
    for (const workers of [0, 2]) {
      const dir = await mkdtemp(join(tmpdir(), "tally-pool-"));
      dirs.push(dir);
      const store = await openStore({ dataDir: dir });
      try {
        const events: IngestEvent[] = [];
        const config = { ...loadConfig({ data: dir, collector: "test" }, {}), workers };
        const summary = await ingest([samples, samples], store, { config, onEvent: (e) => events.push(e) });
        results.push({ summary, events, ...(await snapshot(store)) });
      } finally {
        await store.close();
      }
    }
    const [inline, pooled] = results;
    expect(inline?.summary.new).toBeGreaterThan(5);
    expect(pooled).toEqual(inline);
  });
});
