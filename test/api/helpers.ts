// Test helper: a temporary SQLite ledger filled through the real ingest pipeline from the
// invented fixture documents, and the app over it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type AppOptions } from "../../src/api/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { openStore, type Store } from "../../src/store/index.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { FIXTURE_DOCS, HOSTILE_HTML } from "./fixtures.js";

export interface Ledger {
  dir: string;
  store: Store;
  config: Config;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/** A fresh ledger with the fixture documents (and the hostile page when asked); in a fresh schema of the PostgreSQL database at `url` when given. */
export async function makeLedger(opts: { hostile?: boolean; app?: Partial<AppOptions>; url?: string } = {}): Promise<Ledger> {
  const dir = await mkdtemp(join(tmpdir(), "tally-api-"));
  const docs = join(dir, "docs");
  const { mkdir } = await import("node:fs/promises");
  await mkdir(docs);
  const manifest = FIXTURE_DOCS.map((d) => ({ file: d.file, published: d.published, publisher: d.publisher, url: null }));
  for (const d of FIXTURE_DOCS) await writeFile(join(docs, d.file), d.text);
  if (opts.hostile) {
    await writeFile(join(docs, "hostile.html"), HOSTILE_HTML);
    manifest.push({ file: "hostile.html", published: "2024-05-02", publisher: "Hostile Site", url: null });
  }
  await writeFile(join(docs, "manifest.json"), JSON.stringify({ documents: manifest }));
  const config = loadConfig({ data: join(dir, "data"), collector: "tests" }, {});
  const schema = opts.url ? freshSchema("tally_api") : null;
  const store = opts.url && schema ? await openStore({ url: opts.url, schema }) : await openStore({ dataDir: config.dataDir });
  const summary = await ingest([docs], store, { config });
  if (summary.failed > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(summary)}`);
  const app = createApp({ store, config, log: () => {}, ...opts.app });
  return {
    dir,
    store,
    config,
    app,
    async close() {
      await store.close();
      if (opts.url && schema) await dropSchema(opts.url, schema);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
