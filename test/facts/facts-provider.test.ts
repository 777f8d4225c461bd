// The server's linked facts: linked again when the audit trail or the registry file moved, and on a
// large ledger linked in a thread and answered at once (stale, or still linking).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FactsProvider } from "../../src/api/facts-provider.js";
import { FactsThread } from "../../src/api/facts-thread.js";
import { FactsQueryError, FactsService } from "../../src/services/facts.js";
import { PUBLIC_ACCESS, type Store } from "../../src/store/index.js";
import { openStore } from "../../src/store/index.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { cleanup, month, putDoc, tempDir, tempStore, year } from "./helpers.js";

afterEach(cleanup);

async function seed(store: Store): Promise<number[]> {
  return [
    await putDoc(store, { name: "a.txt", publisher: "IHRNGO", published: "2022-01-10" }, [
      { quote: "At least 300 people were executed in 2021, IHRNGO said.", count: 300, qualifier: "at_least", period: year(2021), source: "IHRNGO" },
      { quote: "In March 2021, 25 prisoners were executed.", count: 25, period: month(2021, 3), source: "IHRNGO" },
    ]),
    await putDoc(store, { name: "b.txt", publisher: "Amnesty International", published: "2022-02-01" }, [
      { quote: "Amnesty recorded 310 executions in Iran in 2021.", count: 310, period: year(2021), source: "Amnesty International" },
      { quote: "Ten women were executed in 2021.", count: 10, period: year(2021), victims: ["women"], source: "Amnesty International" },
    ]),
    await putDoc(store, { name: "c.txt", publisher: "Wire", published: "2022-02-02" }, [
      { quote: "HRANA counted 520 executions in 2021.", count: 520, period: year(2021), source: "HRANA" },
      { quote: "In Iraq, 17 people were executed in 2021.", count: 17, period: year(2021), place: "Iraq", source: "HRANA" },
    ]),
  ];
}

/** A service linking the ledger afresh, here. */
function fresh(store: Store, dataDir: string): Promise<FactsService> {
  return FactsService.open(store, dataDir);
}

describe("FactsProvider", () => {
  it("brings its facts up to date when the ledger changed, and links anew when the registry file changed, as a new service would", async () => {
    const { store, dataDir } = await tempStore();
    try {
      const [a] = await seed(store);
      const provider = new FactsProvider(store, dataDir);
      const first = await provider.service();
      expect(await first.listFacts()).toEqual(await (await fresh(store, dataDir)).listFacts());
      expect(await provider.service()).toBe(first); // nothing changed: the same facts

      await putDoc(store, { name: "d.txt", publisher: "HRANA", published: "2022-03-01" }, [
        { quote: "HRANA now counts 530 executions in 2021.", count: 530, period: year(2021), source: "HRANA" },
      ]);
      const second = await provider.service();
      expect(second).toBe(first); // updated in place: only what changed is read
      expect(await second.conflicts()).toEqual(await (await fresh(store, dataDir)).conflicts());
      expect(await second.listFacts()).toEqual(await (await fresh(store, dataDir)).listFacts());
      await store.replaceClaims(
        a as number,
        [{ event: "execution", count: 333, qualifier: "exact", period: year(2021), place: "Iran", victims: [], source: "IHRNGO", quote: "IHRNGO: 333 executions in 2021.", span: [0, 10] }],
        "test",
      );
      expect(await (await provider.service()).listFacts()).toEqual(await (await fresh(store, dataDir)).listFacts());

      const third = await provider.service();
      await writeFile(join(dataDir, "sources.json"), JSON.stringify({ networks: [], sources: [] }));
      expect(await provider.service()).not.toBe(third);
    } finally {
      await store.close();
    }
  });

  it("links a large ledger in a thread of its own, answering at once: none while first linking, then the last facts marked stale", async () => {
    const { store, dataDir } = await tempStore();
    try {
      const [a] = await seed(store);
      const provider = new FactsProvider(store, dataDir, { smallLedgerClaims: 0 });
      const first = await provider.snapshot();
      expect(first.facts).toBeNull();
      expect(first.status).toEqual({ state: "linking", linkedAt: null });
      const threaded = await provider.service();
      expect(threaded).toBeInstanceOf(FactsThread);
      const now = await provider.snapshot();
      expect(now.status.state).toBe("fresh");
      expect(now.facts).toBe(threaded);

      // The thread answers as a service here would.
      const here = await fresh(store, dataDir);
      expect(await threaded.listFacts({ event: "execution" })).toEqual(await here.listFacts({ event: "execution" }));
      expect(await threaded.conflicts()).toEqual(await here.conflicts());
      // Facets and filtered conflicts too, counted in the thread over the facts it holds.
      const factFacets = await threaded.factFacets({ place: "Iran" }, ["event", "place", "year", "source", "network", "status"]);
      expect(factFacets.event?.length).toBeGreaterThan(0);
      expect(factFacets).toEqual(await here.factFacets({ place: "Iran" }, ["event", "place", "year", "source", "network", "status"]));
      expect(await threaded.conflicts({ event: "execution" })).toEqual(await here.conflicts({ event: "execution" }));
      expect(await threaded.conflictFacets({}, ["severity", "kind", "network"])).toEqual(await here.conflictFacets({}, ["severity", "kind", "network"]));
      expect(await threaded.overview("execution", "Iran")).toEqual(await here.overview("execution", "Iran"));
      const facts = await here.listFacts();
      expect(await threaded.getFact(facts[0]?.id ?? "")).toEqual(await here.getFact(facts[0]?.id ?? ""));
      const ids = (await store.queryClaims({ documentId: a as number }, { limit: 10, offset: 0 })).map((c) => String(c.id));
      expect(Object.keys(await threaded.factsOfClaims(ids))).toHaveLength(ids.length);
      await expect(threaded.timeline({ event: "beheading" as "execution", place: "Iran" })).rejects.toBeInstanceOf(FactsQueryError);
      // Asked again, an answer of this linking is given as kept; a refusal is not kept.
      expect(await threaded.overview("execution", "Iran")).toBe(await threaded.overview("execution", "Iran"));
      await expect(threaded.timeline({ event: "beheading" as "execution", place: "Iran" })).rejects.toBeInstanceOf(FactsQueryError);

      const overviewBefore = await threaded.overview("execution", "Iran");
      await putDoc(store, { name: "e.txt", published: "2023-01-01" }, [{ quote: "Five people were executed in 2022.", count: 5, period: year(2022) }]);
      const stale = await provider.snapshot();
      expect(stale.status).toEqual({ state: "stale", linkedAt: now.status.linkedAt });
      expect(stale.facts).toBe(threaded);
      const relinked = await provider.service();
      expect(relinked).toBe(threaded); // the thread read what changed, not everything
      expect((await provider.snapshot()).status.state).toBe("fresh");
      expect(await relinked.listFacts()).toEqual(await (await fresh(store, dataDir)).listFacts());
      // Answers kept from before the change are not given again.
      expect(await relinked.overview("execution", "Iran")).not.toEqual(overviewBefore);
      expect(await relinked.overview("execution", "Iran")).toEqual(await (await fresh(store, dataDir)).overview("execution", "Iran"));
      expect(await relinked.timeline({ event: "execution", place: "Iran" })).toEqual(await (await fresh(store, dataDir)).timeline({ event: "execution", place: "Iran" }));
      provider.close();
      await expect(relinked.listFacts()).rejects.toThrow(/linking thread stopped/);
    } finally {
      await store.close();
    }
  });

  it("links in its thread only what the scope's readers may see, through a connection of its own", async () => {
    const { store, dataDir } = await tempStore();
    try {
      const [a] = await seed(store);
      await store.setRestricted({ type: "document", id: a as number }, true);
      const provider = new FactsProvider(store, dataDir, { smallLedgerClaims: 0 });
      const shown = await provider.service("public");
      expect(shown).toBeInstanceOf(FactsThread);
      const publicFacts = await shown.listFacts();
      expect(publicFacts).toEqual(await (await fresh(store.withAccess(PUBLIC_ACCESS), dataDir)).listFacts());
      const claims = (facts: typeof publicFacts) => facts.reduce((n, f) => n + f.claims, 0);
      // The restricted document's two claims are missing from the public facts only.
      expect(claims(await (await provider.service()).listFacts())).toBe(claims(publicFacts) + 2);
      provider.close();
    } finally {
      await store.close();
    }
  });

  it("waits for the facts of a small ledger", async () => {
    const { store, dataDir } = await tempStore();
    try {
      await seed(store);
      const provider = new FactsProvider(store, dataDir);
      provider.warm();
      const snap = await provider.snapshot();
      expect(snap.status.state).toBe("fresh");
      expect((await snap.facts?.listFacts())?.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it("reports a broken registry file, and links again once it is mended", async () => {
    const { store, dataDir } = await tempStore();
    try {
      await seed(store);
      const provider = new FactsProvider(store, dataDir, { smallLedgerClaims: 0 });
      await writeFile(join(dataDir, "sources.json"), "{ not json");
      await expect(provider.service()).rejects.toThrow(/sources\.json/);
      await expect(provider.snapshot()).rejects.toThrow(/sources\.json/);
      await writeFile(join(dataDir, "sources.json"), JSON.stringify({ networks: [], sources: [] }));
      expect(await (await provider.service()).listFacts()).not.toHaveLength(0);
      provider.close();
    } finally {
      await store.close();
    }
  });
});

const pgUrl = process.env.DATABASE_URL;
describe.runIf(pgUrl)("FactsProvider on PostgreSQL", () => {
  it("links in a thread with a connection of its own to the same schema", async () => {
    const url = pgUrl as string;
    const schema = freshSchema();
    const dataDir = await tempDir();
    const store = await openStore({ url, schema });
    try {
      await seed(store);
      const provider = new FactsProvider(store, dataDir, { smallLedgerClaims: 0 });
      const threaded = await provider.service();
      expect(threaded).toBeInstanceOf(FactsThread);
      expect(await threaded.listFacts()).toEqual(await (await fresh(store, dataDir)).listFacts());
      provider.close();
    } finally {
      await store.close();
      await dropSchema(url, schema);
    }
  });
});
