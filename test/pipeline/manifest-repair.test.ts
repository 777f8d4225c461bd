// One bad manifest entry (issue 22, item 4): an error for that entry, naming the manifest and the
// field; the other documents keep their dates and publishers; a re-ingest with the fixed manifest
// stores the refused document and corrects the metadata of stored copies, in the audit trail.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ingest, type IngestEvent } from "../../src/pipeline/ingest.js";
import { openStore, type Store } from "../../src/store/index.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";

const DOCS: Record<string, string> = {
  "north.txt": "Monitors said at least 14 prisoners were executed in Ardmore Prison last year.\n",
  "south.txt": "The Kestrel Watch group counted 9 executions in Ardmore Prison last year.\n",
  "west.txt": "Lawyers reported that 6 protesters were killed by security forces last month.\n",
};

const GOOD = [
  { file: "north.txt", published: "2023-04-02", publisher: "North Courier" },
  { file: "south.txt", published: "2023-05-09", publisher: "South Ledger" },
  { file: "west.txt", published: "2024-02-20", publisher: "West Bulletin" },
];

const url = process.env["DATABASE_URL"];
const stores: Array<[string, () => Promise<{ store: Store; done: () => Promise<void> }>]> = [
  ["sqlite", async () => {
    const store = await openStore({ dataDir: join(dir, "data") });
    return { store, done: () => store.close() };
  }],
];
if (url) {
  stores.push(["postgres", async () => {
    const schema = freshSchema("tally_manifest");
    const store = await openStore({ url, schema });
    return { store, done: async () => { await store.close(); await dropSchema(url, schema); } };
  }]);
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-manifest-"));
  await mkdir(join(dir, "docs"));
  for (const [name, text] of Object.entries(DOCS)) await writeFile(join(dir, "docs", name), text);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(store: Store, manifest: unknown[] | null, writeBatch?: string): Promise<IngestEvent[]> {
  const docs = join(dir, "docs");
  if (manifest) await writeFile(join(docs, "manifest.json"), JSON.stringify({ documents: manifest }));
  else await rm(join(docs, "manifest.json"), { force: true });
  const events: IngestEvent[] = [];
  const config = loadConfig({ data: join(dir, "data"), collector: "tests", workers: "0", ...(writeBatch ? { writeBatch } : {}) }, {});
  await ingest([docs], store, { config, onEvent: (e) => events.push(e) });
  return events;
}

async function metadata(store: Store): Promise<Record<string, [string | null, string | null]>> {
  const docs = await store.listDocuments({ limit: 10, offset: 0 });
  return Object.fromEntries(docs.map((d) => [d.name, [d.published, d.publisher]]));
}

describe.each(stores)("manifest entries (%s)", (_name, open) => {
  it("reads the named victims again with the corrected metadata, linked to the new claims", async () => {
    const { store, done } = await open();
    try {
      await writeFile(join(dir, "docs", "named.txt"), "Two prisoners were hanged in Ardmore Prison on Tuesday. The executed were Tobias Wren, 31, and Milo Hartley, 45.\n");
      await run(store, null);
      const named = (await store.listDocuments({ limit: 10, offset: 0 })).find((d) => d.name === "named.txt");
      const victims = store.victimStore();
      const before = await victims.records({ documentId: named?.id });
      expect(before.map((r) => r.name).sort()).toEqual(["Milo Hartley", "Tobias Wren"]);

      await run(store, [...GOOD, { file: "named.txt", published: "2024-03-08", publisher: "Ardmore Post" }]);
      const claims = (await store.queryClaims({ includeClutter: true }, { limit: 50, offset: 0, sort: "id" })).filter((c) => c.documentId === named?.id);
      expect(claims.map((c) => [c.count, c.period?.start])).toEqual([[2, "2024-03-05"]]);
      const after = await victims.records({ documentId: named?.id });
      expect(after.map((r) => r.name).sort()).toEqual(["Milo Hartley", "Tobias Wren"]);
      // Each mention belongs to the re-extracted claim, not to the one the correction replaced.
      expect(after.every((r) => r.claimId === claims[0]?.id)).toBe(true);
      expect((await store.verifyAudit()).ok).toBe(true);
    } finally {
      await done();
    }
  });

  it("refuses one bad entry alone, naming the manifest and the field; the others keep their metadata", async () => {
    const { store, done } = await open();
    try {
      const bad = GOOD.map((e) => (e.file === "south.txt" ? { ...e, published: "2023-13-45" } : e));
      const events = await run(store, bad);
      const failed = events.filter((e) => e.status === "failed");
      expect(failed).toHaveLength(1);
      expect(failed[0]?.message).toMatch(/manifest\.json: documents\[1\] \("south\.txt"\): published is "2023-13-45"/);
      expect(await metadata(store)).toEqual({ "north.txt": ["2023-04-02", "North Courier"], "west.txt": ["2024-02-20", "West Bulletin"] });

      // Fixed: the refused document is stored with its metadata; the others are unchanged duplicates.
      const again = await run(store, GOOD);
      expect(again.map((e) => [e.name, e.status, e.corrected ?? false]).sort()).toEqual([
        ["north.txt", "duplicate", false],
        ["south.txt", "new", false],
        ["west.txt", "duplicate", false],
      ]);
      expect(await metadata(store)).toEqual({ "north.txt": ["2023-04-02", "North Courier"], "south.txt": ["2023-05-09", "South Ledger"], "west.txt": ["2024-02-20", "West Bulletin"] });
    } finally {
      await done();
    }
  });

  it("corrects stored copies whose metadata was lost, re-dates their claims and records it in the audit trail", async () => {
    const { store, done } = await open();
    try {
      await run(store, null);
      expect(Object.values(await metadata(store))).toEqual([[null, null], [null, null], [null, null]]);
      const north = (await store.listDocuments({ limit: 10, offset: 0 })).find((d) => d.name === "north.txt");
      const before = await store.queryClaims({ includeClutter: true }, { limit: 50, offset: 0, sort: "id" });
      expect(before.filter((c) => c.documentId === north?.id).every((c) => c.period === null)).toBe(true);

      const events = await run(store, GOOD);
      expect(events.every((e) => e.status === "duplicate" && e.corrected === true)).toBe(true);
      expect(await metadata(store)).toEqual({ "north.txt": ["2023-04-02", "North Courier"], "south.txt": ["2023-05-09", "South Ledger"], "west.txt": ["2024-02-20", "West Bulletin"] });
      const after = await store.queryClaims({ includeClutter: true }, { limit: 50, offset: 0, sort: "id" });
      const northClaims = after.filter((c) => c.documentId === north?.id);
      expect(northClaims.length).toBeGreaterThan(0);
      expect(northClaims.every((c) => c.period?.start === "2022-01-01" && c.period.end === "2022-12-31")).toBe(true);

      const audit = await store.listAuditEvents({ objectType: "document" });
      const corrections = audit.filter((e) => e.action === "document.metadata");
      expect(corrections).toHaveLength(3);
      const first = corrections.find((e) => e.objectId === String(north?.id) || Number(e.objectId) === north?.id);
      expect(first?.before).toMatchObject({ published: null, publisher: null });
      expect(first?.after).toMatchObject({ published: "2023-04-02", publisher: "North Courier" });
      expect((await store.verifyAudit()).ok).toBe(true);

      // The same manifest again changes nothing.
      const third = await run(store, GOOD);
      expect(third.some((e) => e.corrected)).toBe(false);
      expect((await store.listAuditEvents({ objectType: "document" })).filter((e) => e.action === "document.metadata")).toHaveLength(3);
    } finally {
      await done();
    }
  });

  it("gives the same bytes listed twice with two entries in one run the later entry, however the run is batched", async () => {
    // The copy sorts after the original; in one write batch it used to be a plain duplicate whose
    // entry was dropped, in two batches a correction: the result depended on the batching.
    await writeFile(join(dir, "docs", "north2.txt"), DOCS["north.txt"] as string);
    const twice = [...GOOD, { file: "north2.txt", published: "2023-04-03", publisher: "North Courier Weekly" }];
    const outcomes: unknown[] = [];
    for (const writeBatch of ["1", "50"]) {
      const { store, done } = await open();
      try {
        const events = await run(store, twice, writeBatch);
        const copy = events.find((e) => e.name === "north2.txt");
        outcomes.push([copy?.status, copy?.corrected ?? false, await metadata(store)]);
      } finally {
        await done();
      }
      await rm(join(dir, "data"), { recursive: true, force: true });
    }
    expect(outcomes[0]).toEqual([
      "duplicate",
      true,
      { "north.txt": ["2023-04-03", "North Courier Weekly"], "south.txt": ["2023-05-09", "South Ledger"], "west.txt": ["2024-02-20", "West Bulletin"] },
    ]);
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
});
