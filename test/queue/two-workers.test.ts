// Two queue workers store exactly what one stores: the same documents, claims and near-duplicate
// relations (compared by the documents' SHA-256, since ids follow the order of storing). Copies
// and documents sharing passages are placed a batch or more after their originals, so that with
// two workers an original and its copy are often ingested at the same time by different workers.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { enqueueInputs, openQueue, runWorker } from "../../src/pipeline/queue.js";
import { openStore } from "../../src/store/index.js";
import { freshSchema } from "../support/pg-schema.js";
// @ts-expect-error -- plain JavaScript benchmark helper without types
import { documents } from "../../bench/corpus.mjs";

const url = process.env.DATABASE_URL;
const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

interface SyntheticDoc {
  text: string;
  meta: { document: string; published: string; publisher: string };
}

const BATCH = 6;

/** 120 generated documents, 24 near-copies (one sentence changed) and 12 that reprint two paragraphs of another, interleaved. */
async function writeCorpus(dir: string): Promise<number> {
  const base: SyntheticDoc[] = [];
  for (const d of documents(23) as Iterable<SyntheticDoc>) {
    if (base.length >= 120) break;
    base.push(d);
  }
  const files: Array<[string, string]> = base.map((d, i) => [`${String(i * 10).padStart(5, "0")}.txt`, d.text]);
  for (let k = 0; k < 24; k++) {
    // The copy lands 1 to 4 batches after its original.
    const i = k * 4;
    const offset = BATCH * (1 + (k % 4));
    const original = base[i] as SyntheticDoc;
    const copy = original.text.replace(/\d+/, (n) => String(Number(n) + 7)) + "\n\nThis report was updated with a correction from our invented desk.";
    files.push([`${String((i + offset) * 10 + 5).padStart(5, "0")}.txt`, copy]);
  }
  for (let k = 0; k < 12; k++) {
    const i = 100 - k * 7;
    const paragraphs = (base[i] as SyntheticDoc).text.split(/\n\n+/).filter((p) => p.length > 200).slice(0, 2);
    const filler = (base[(i + 50) % 120] as SyntheticDoc).text.split(/\n\n+/).slice(0, 3).join("\n\n");
    files.push([`${String((i + BATCH * 2) * 10 + 7).padStart(5, "0")}.txt`, `Digest of the week\n\n${filler}\n\n${paragraphs.join("\n\n")}`]);
  }
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return files.length;
}

/** Documents, claims and relations of a store schema, keyed by SHA-256 instead of ids. */
async function snapshot(admin: pg.Client, schema: string) {
  const docs = await admin.query(`select sha256, name, language, simhash from ${schema}.documents order by sha256`);
  const claims = await admin.query(
    `select d.sha256, to_jsonb(c) - 'id' - 'document_id' - 'created_at' - 'source_id' as claim from ${schema}.claims c join ${schema}.documents d on d.id = c.document_id`,
  );
  const relations = await admin.query(
    `select least(a.sha256, b.sha256) as one, greatest(a.sha256, b.sha256) as other, r.kind, round(r.similarity::numeric, 6) as similarity
       from ${schema}.document_relations r join ${schema}.documents a on a.id = r.doc_a join ${schema}.documents b on b.id = r.doc_b
      order by 1, 2, 3`,
  );
  const claimLines = claims.rows.map((r: { sha256: string; claim: unknown }) => `${r.sha256} ${JSON.stringify(r.claim)}`).sort();
  return { docs: docs.rows, claims: claimLines, relations: relations.rows };
}

describe.skipIf(!url)("two queue workers on PostgreSQL (needs DATABASE_URL)", () => {
  it("store the same documents, claims and near-duplicate relations as one worker", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tally-two-workers-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const count = await writeCorpus(dir);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanup.push(() => admin.end());

    /** Enqueues the folder in fresh schemas and drains it with `workers` workers at once, each with its own store and index. */
    const runWith = async (workers: number): Promise<string> => {
      const storeSchema = freshSchema("tw_store");
      const queueSchema = freshSchema("tw_boss");
      cleanup.push(async () => {
        await admin.query(`drop schema if exists ${storeSchema} cascade`);
        await admin.query(`drop schema if exists ${queueSchema} cascade`);
      });
      const config = { ...loadConfig({ db: url ?? "", collector: "two-workers-test" }, {}), workers: 0 };
      const boss = await openQueue(url ?? "", { schema: queueSchema });
      try {
        const { enqueued } = await enqueueInputs(boss, [dir], { config, published: "2024-06-01" });
        expect(enqueued).toBe(count);
        const stores = [];
        for (let i = 0; i < workers; i++) stores.push(await openStore({ url: url ?? "", schema: storeSchema })); // the first creates the schema
        try {
          const summaries = await Promise.all(stores.map((store) => runWorker(boss, store, { config, batchSize: BATCH, concurrency: 2, once: true, pollSeconds: 0.05 })));
          expect(summaries.reduce((n, s) => n + s.new, 0)).toBe(count);
          expect(summaries.every((s) => s.jobs > 0)).toBe(true); // both workers took part
        } finally {
          await Promise.all(stores.map((s) => s.close()));
        }
      } finally {
        await boss.stop({ graceful: false, close: true, wait: true });
      }
      return storeSchema;
    };

    const one = await snapshot(admin, await runWith(1));
    const two = await snapshot(admin, await runWith(2));
    expect(one.docs).toHaveLength(count);
    // The planted copies and reprints are found (and whatever the generator's wording relates).
    expect(one.relations.length).toBeGreaterThanOrEqual(20);
    expect(two.docs).toEqual(one.docs);
    expect(two.claims).toEqual(one.claims);
    expect(two.relations).toEqual(one.relations);
  });
});
