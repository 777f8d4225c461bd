// Stored facts in both databases: kept current after ingest, restriction, review and relations,
// always equal to a rebuild from the claims. PostgreSQL runs when DATABASE_URL is set (each test
// in a fresh schema, dropped afterwards).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { LinkResult } from "../../src/core/linking/index.js";
import type { SourceRegistry } from "../../src/core/sources.js";
import { assemble } from "../../src/services/fact-update.js";
import { syncFacts } from "../../src/services/fact-sync.js";
import { FactsService } from "../../src/services/facts.js";
import { LiveFacts } from "../../src/services/live-facts.js";
import { loadRegistry } from "../../src/services/registry-file.js";
import { openStore, PUBLIC_ACCESS, type FactAudience, type Store } from "../../src/store/index.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { putDoc, runCli, year } from "./helpers.js";

type Factory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

const sqlite: Factory = async () => {
  const dir = await mkdtemp(join(tmpdir(), "tally-stored-facts-"));
  const store = await openStore({ dataDir: dir });
  return { store, cleanup: async () => { await store.close(); await rm(dir, { recursive: true, force: true }); } };
};

const url = process.env.DATABASE_URL;
const postgres: Factory = async () => {
  const schema = freshSchema();
  const store = await openStore({ url: url as string, schema });
  return { store, cleanup: async () => { await store.close(); await dropSchema(url as string, schema); } };
};

function view(r: LinkResult) {
  return { facts: r.facts.map((f) => ({ ...f, claims: f.claims.map((c) => c.id) })), contradictions: r.contradictions, revisions: r.revisions };
}

async function stored(store: Store, audience: FactAudience) {
  return view(assemble(await store.factStore().load(audience)));
}

/** A reader per store and audience holding the facts as last read, kept current from what changed (as the server does). */
const readers = new WeakMap<Store, Map<FactAudience, LiveFacts>>();

async function readerAgrees(store: Store, audience: FactAudience, now: Awaited<ReturnType<typeof stored>>) {
  const held = readers.get(store) ?? new Map<FactAudience, LiveFacts>();
  readers.set(store, held);
  const reader = held.get(audience);
  const delta = reader ? await store.factStore().changesSince(audience, reader.version) : null;
  if (reader && delta) {
    reader.apply(delta);
    expect(view(reader.written())).toEqual(now);
  }
}

/** After a rebuild, readers must read everything again. */
async function readersReload(store: Store) {
  const held = readers.get(store) ?? new Map<FactAudience, LiveFacts>();
  readers.set(store, held);
  for (const audience of ["full", "public"] as const) {
    const reader = held.get(audience);
    if (reader) expect(await store.factStore().changesSince(audience, reader.version)).toBeNull();
    held.set(audience, new LiveFacts(await store.factStore().load(audience)));
  }
}

/** The stored facts of both audiences equal a rebuild from the claims; returns them. */
async function expectRebuildEqual(store: Store, registry: SourceRegistry) {
  const reports = await syncFacts(store, registry);
  const now = { full: await stored(store, "full"), public: await stored(store, "public") };
  await readerAgrees(store, "full", now.full);
  await readerAgrees(store, "public", now.public);
  expect((await store.verifyAudit()).problems).toEqual([]);
  await syncFacts(store, registry, { rebuild: true });
  expect(now.full).toEqual(await stored(store, "full"));
  expect(now.public).toEqual(await stored(store, "public"));
  await readersReload(store);
  return { ...now, reports };
}

const iran2020 = (r: Awaited<ReturnType<typeof stored>>) => r.facts.find((f) => f.key === "execution|Iran|2020-01-01..2020-12-31|");

function contract(name: string, factory: Factory): void {
  describe(`stored facts (${name})`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0)) await c();
    });
    async function setup() {
      const { store, cleanup } = await factory();
      cleanups.push(cleanup);
      const dir = await mkdtemp(join(tmpdir(), "tally-registry-"));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return { store, registry: await loadRegistry(dir) };
    }

    it("update each ingested document's facts, as a rebuild would", async () => {
      const { store, registry } = await setup();
      await putDoc(store, { name: "first.txt", published: "2021-03-01" }, [{ quote: "The Oslo group counted at least 246 executions in 2020.", count: 246, qualifier: "at_least", period: year(2020), source: "IHRNGO" }]);
      const first = await expectRebuildEqual(store, registry);
      expect(first.reports.map((r) => r.mode)).toEqual(["rebuild", "rebuild"]);
      await putDoc(store, { name: "second.txt", published: "2021-04-01" }, [
        { quote: "Amnesty recorded 225 executions in 2020, including 9 women.", count: 225, period: year(2020), source: "Amnesty International" },
        { quote: "Amnesty recorded 225 executions in 2020, including 9 women.", count: 9, period: year(2020), source: "Amnesty International", victims: ["women"] },
      ]);
      const second = await expectRebuildEqual(store, registry);
      expect(second.reports.map((r) => r.mode)).toEqual(["update", "update"]);
      const fact = iran2020(second.full);
      expect(fact?.voices.map((v) => v.count).sort()).toEqual([225, 246]);
      expect(fact?.status).toBe("contested");
      expect(second.full.facts.find((f) => f.scope.victims.includes("women"))?.parentId).toBe(fact?.id);
    });

    it("hand a rebuild's facts to the service that ran it: the same facts as those read back, and a rebuild in two partitions stored whole", async () => {
      const { store, registry } = await setup();
      await putDoc(store, { name: "north.txt", published: "2021-03-01" }, [
        { quote: "The Oslo group counted at least 246 executions in 2020.", count: 246, qualifier: "at_least", period: year(2020), source: "IHRNGO" },
        { quote: "Monitors counted 31 executions in Iraq in 2020.", count: 31, period: year(2020), place: "Iraq", source: "HRANA" },
      ]);
      await putDoc(store, { name: "south.txt", published: "2021-04-01" }, [{ quote: "Amnesty recorded 225 executions in 2020.", count: 225, period: year(2020), source: "Amnesty International" }]);
      const linked = await new FactsService(store, registry).linkResult();
      expect(new Set(linked.facts.map((f) => f.partition)).size).toBe(2);
      const readBack = await new FactsService(store, registry).linkResult();
      expect(view(linked)).toEqual(view(readBack));
      expect(view(linked)).toEqual(await stored(store, "full"));
      expect((await store.factStore().changesSince("full", 0))).toBeNull();
    });

    it("keep a contradiction deleted and added again unchanged, and rewrite one whose content changed", async () => {
      const { store } = await setup();
      const fs = store.factStore();
      const scope = { family: "execution", place: "Iran", period: year(2020), victims: [] };
      const fact = { id: "f1", key: "k1", partition: "execution|Iran", scope, voices: [], low: null, best: null, high: null, highIsMinimum: false, bestRule: "", rule: "", status: "single", parentId: null, revisions: [], contradictedClaims: [] };
      const conflict = (id: string, reason: string) => ({
        owner: "f1",
        contradiction: { id, kind: "incompatible_figures" as const, reason, claims: ["a", "b"], facts: ["f1"], independent: true, severity: "high" as const, score: 1 },
      });
      const state = (seq: number) => ({ syncedSeq: seq, digest: "d", builtAt: "2026-01-01T00:00:00Z" });
      const empty = { deleteFacts: [], upsertFacts: [], parents: [], removeDocuments: [], addClaims: [] };
      await fs.apply("full", { ...empty, upsertFacts: [fact as never], deleteConflicts: [], addConflicts: [conflict("c1", "one"), conflict("c2", "two")], state: state(1) });
      await fs.apply("full", { ...empty, deleteConflicts: ["c1", "c2"], addConflicts: [conflict("c1", "one"), conflict("c2", "two, revised")], state: state(2) });
      const loaded = await fs.load("full");
      expect(loaded.conflicts.map((c) => [c.contradiction.id, c.contradiction.reason]).sort()).toEqual([["c1", "one"], ["c2", "two, revised"]]);
      expect((await fs.conflictsOf("full", ["f1"])).map((r) => ({ ...r })).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: "c1", kind: "incompatible_figures", owner: "f1", facts: ["f1"] },
        { id: "c2", kind: "incompatible_figures", owner: "f1", facts: ["f1"] },
      ]);
      await fs.apply("full", { ...empty, deleteConflicts: ["c1", "c2"], addConflicts: [conflict("c2", "two, revised")], state: state(3) });
      expect((await fs.load("full")).conflicts.map((c) => c.contradiction.id)).toEqual(["c2"]);
    });

    it("leave a restricted document out of the public facts only, and bring it back when released", async () => {
      const { store, registry } = await setup();
      await putDoc(store, { name: "open.txt", published: "2021-03-01" }, [{ quote: "At least 246 people were executed in 2020, the Oslo group said.", count: 246, qualifier: "at_least", period: year(2020), source: "IHRNGO" }]);
      const hidden = await putDoc(store, { name: "witness.txt", published: "2021-03-02" }, [{ quote: "A witness group counted 300 executions in 2020.", count: 300, period: year(2020), source: "HRANA" }]);
      await syncFacts(store, registry);
      await store.setRestricted({ type: "document", id: hidden }, true);
      const restricted = await expectRebuildEqual(store, registry);
      expect(iran2020(restricted.full)?.voices).toHaveLength(2);
      expect(iran2020(restricted.public)?.voices.map((v) => v.count)).toEqual([246]);
      // The public reader's service answers from the public facts.
      const publicFacts = await new FactsService(store.withAccess(PUBLIC_ACCESS), registry).listFacts({ event: "execution" });
      expect(publicFacts.find((f) => f.period?.start === "2020-01-01" && f.place === "Iran")?.voices).toHaveLength(1);
      await store.setRestricted({ type: "document", id: hidden }, false);
      const released = await expectRebuildEqual(store, registry);
      expect(iran2020(released.public)?.voices).toHaveLength(2);
    });

    it("leave out the claims of a restricted source and a restricted claim, when the public reader asks first", async () => {
      const { store, registry } = await setup();
      await store.upsertSource({ name: "HRANA", kind: "organisation", aliases: [] });
      await putDoc(store, { name: "open.txt", published: "2021-03-01" }, [{ quote: "At least 246 people were executed in 2020, the Oslo group said.", count: 246, qualifier: "at_least", period: year(2020), source: "IHRNGO" }]);
      const doc = await putDoc(store, { name: "mixed.txt", published: "2021-03-02" }, [
        { quote: "A witness group counted 300 executions in 2020.", count: 300, period: year(2020), source: "HRANA" },
        { quote: "Another count gave 310 executions in 2020.", count: 310, period: year(2020), source: "Hengaw" },
      ]);
      await syncFacts(store, registry);
      const viewer = new FactsService(store.withAccess(PUBLIC_ACCESS), registry);
      const voicesSeen = async () => (await viewer.listFacts({ event: "execution" })).find((f) => f.period?.start === "2020-01-01" && f.place === "Iran")?.voices.map((v) => v.count).sort();
      const source = (await store.listSources()).find((x) => x.name === "HRANA");
      expect(source).toBeDefined();
      await store.setRestricted({ type: "source", id: source?.id as number }, true);
      expect(await voicesSeen()).toEqual([246, 310]);
      const [, hengaw] = await store.queryClaims({ documentId: doc }, { limit: 10, offset: 0, sort: "id" });
      await store.setRestricted({ type: "claim", id: hengaw?.id as number }, true);
      expect(await new FactsService(store.withAccess(PUBLIC_ACCESS), registry).listFacts({ event: "execution" }).then((l) => l.find((f) => f.period?.start === "2020-01-01")?.voices.map((v) => v.count))).toEqual([246]);
      const after = await expectRebuildEqual(store, registry);
      expect(iran2020(after.full)?.voices).toHaveLength(3);
    });

    it("follow a claim rejected or corrected in review", async () => {
      const { store, registry } = await setup();
      const doc = await putDoc(store, { name: "report.txt", published: "2021-05-01" }, [
        { quote: "The monitors counted 267 executions in 2020.", count: 267, period: year(2020), source: "IHRNGO" },
        { quote: "Another monitor counted 180 executions in 2020.", count: 180, period: year(2020), source: "HRANA" },
      ]);
      await syncFacts(store, registry);
      const [a, b] = await store.queryClaims({ documentId: doc }, { limit: 10, offset: 0, sort: "id" });
      await store.reviewClaim(b?.id as number, { action: "reject", reason: "misread figure" });
      const rejected = await expectRebuildEqual(store, registry);
      expect(iran2020(rejected.full)?.claims).toEqual([String(a?.id)]);
      await store.reviewClaim(a?.id as number, { action: "correct", fields: { count: 276 }, reason: "typo" });
      const corrected = await expectRebuildEqual(store, registry);
      expect(iran2020(corrected.full)?.best).toBe(276);
    });

    it("count syndicated copies once after their relation is stored", async () => {
      const { store, registry } = await setup();
      const a = await putDoc(store, { name: "wire.txt", published: "2021-01-10" }, [{ quote: "At least 150 executions took place in 2020, a wire report said.", count: 150, qualifier: "at_least", period: year(2020) }]);
      const b = await putDoc(store, { name: "copy.txt", published: "2021-01-11" }, [{ quote: "At least 150 executions took place in 2020, a wire report said.", count: 150, qualifier: "at_least", period: year(2020) }]);
      const before = await expectRebuildEqual(store, registry);
      expect(iran2020(before.full)?.voices).toHaveLength(2);
      await store.addRelation(a, b, "syndicated", 1);
      const after = await expectRebuildEqual(store, registry);
      expect(iran2020(after.full)?.voices).toHaveLength(1);
    });
  });
}

contract("SQLite", sqlite);
if (url) contract("PostgreSQL", postgres);

describe("stored facts from the CLI", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it("are updated by the command that changed the ledger, and rebuilt on demand", async () => {
    const data = await mkdtemp(join(tmpdir(), "tally-stored-cli-"));
    dirs.push(data);
    expect((await runCli(["--data", data, "init"])).code).toBe(0);
    expect((await runCli(["--data", data, "reference", "load"])).code).toBe(0);
    const store = await openStore({ dataDir: data });
    try {
      const head = (await store.auditHead()).seq;
      for (const audience of ["full", "public"] as const) expect((await store.factStore().state(audience))?.syncedSeq).toBe(head);
      const before = await stored(store, "full");
      expect(before.facts.length).toBeGreaterThan(0);
      const r = await runCli(["--data", data, "facts", "rebuild", "--format", "json"]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as { rebuilt: { mode: string }[] }).rebuilt.map((x) => x.mode)).toEqual(["rebuild", "rebuild"]);
      expect(await stored(store, "full")).toEqual(before);
    } finally {
      await store.close();
    }
  });
});
