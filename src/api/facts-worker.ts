// The linking thread (worker_threads) of `tally serve` on a large ledger: links every claim with
// a FactsService of its own, then answers the server's questions about the facts. Linking a
// million claims takes many seconds of CPU and reads every claim; here neither stops the server
// from answering: the thread reads through a connection of its own (SQLite in this thread, or a
// small PostgreSQL pool). On "refresh" it reads only what changed since (FactsService.refresh),
// answering from the facts it holds meanwhile; a newer linking after a rebuild is a new thread.
import { parentPort, workerData } from "node:worker_threads";
import { FactsService, type FactsQueries } from "../services/facts.js";
import { openStore, type Store } from "../store/index.js";
import { FACTS_QUERIES, errorOf, type FactsThreadData, type FromServer, type FromWorker } from "./facts-thread-protocol.js";

const port = parentPort;
if (!port) throw new Error("facts-worker runs as a worker thread");
const { dataDir, location, access } = workerData as FactsThreadData;
const post = (m: FromWorker) => port.postMessage(m);

// For the first linking an embedded store is opened as for bulk writes (a 64 MB page cache, no
// memory map): it reads every claim and writes every fact once, and a map of the whole file stayed
// in the server's resident memory (docs/performance.md). A refresh reads little, through a
// connection closed after it, and keeps the map's faster reads.
const open = (bulkWrites = false): Promise<Store> =>
  openStore({ ...location, threads: 0, maxConnections: 2, migrate: false, ...(bulkWrites ? { bulkWrites } : {}) }).then((s) => s.withActor("system").withAccess(access));
const ready = (async () => {
  const store = await open(true);
  try {
    const service = await FactsService.open(store, dataDir);
    await service.prepare();
    return service;
  } finally {
    // The linked facts are held in memory: the connection is not needed once linking is done.
    await store.close();
  }
})();
ready.then(
  async (service) => {
    post({ kind: "ready", claims: await service.claimCount() });
  },
  (error: unknown) => post({ kind: "failed", error: errorOf(error) }),
);

/** Refreshes one at a time, each through a connection opened for it. */
let refreshing: Promise<unknown> = Promise.resolve();

port.on("message", (m: FromServer) => {
  if (m.kind === "refresh") {
    const run = refreshing.then(async () => {
      const service = await ready;
      const store = await open();
      try {
        service.reconnect(store);
        await service.refresh();
        await service.prepare();
        return await service.claimCount();
      } finally {
        await store.close();
      }
    });
    refreshing = run.catch(() => undefined);
    run.then(
      (result) => post({ kind: "answer", id: m.id, result }),
      (error: unknown) => post({ kind: "answer", id: m.id, error: errorOf(error) }),
    );
    return;
  }
  if (!(FACTS_QUERIES as readonly string[]).includes(m.method)) {
    post({ kind: "answer", id: m.id, error: { name: "Error", message: `no such question: ${m.method}` } });
    return;
  }
  ready
    .then((service: FactsQueries) => (service[m.method] as (...a: unknown[]) => Promise<unknown>).apply(service, m.args))
    .then(
      (result) => post({ kind: "answer", id: m.id, result }),
      (error: unknown) => post({ kind: "answer", id: m.id, error: errorOf(error) }),
    );
});
