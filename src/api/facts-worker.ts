// The linking thread (worker_threads) of `tally serve` on a large ledger: links every claim with
// a FactsService of its own, then answers the server's questions about the facts. Linking a
// million claims takes many seconds of CPU; here it does not stop the server from answering.
// The thread reads the store through the server thread (the few read methods linking uses), so it
// needs no connection of its own. One thread holds one linking; a newer one is a new thread.
import { parentPort, workerData } from "node:worker_threads";
import { FactsService, type FactsQueries } from "../services/facts.js";
import type { Store } from "../store/index.js";
import { FACTS_QUERIES, STORE_READS, errorOf, type FromServer, type FromWorker } from "./facts-thread-protocol.js";

const port = parentPort;
if (!port) throw new Error("facts-worker runs as a worker thread");
const { dataDir } = workerData as { dataDir: string };
const post = (m: FromWorker) => port.postMessage(m);

const reads = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextRead = 0;
const store = Object.fromEntries(
  STORE_READS.map((method) => [
    method,
    (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = ++nextRead;
        reads.set(id, { resolve, reject });
        post({ kind: "read", id, method, args });
      }),
  ]),
) as unknown as Store;

const ready = (async () => {
  const service = await FactsService.open(store, dataDir);
  await service.prepare();
  return service;
})();
ready.then(
  async (service) => {
    const claims = (await service.linkResult()).facts.reduce((n, f) => n + f.claims.length, 0);
    post({ kind: "ready", claims });
  },
  (error: unknown) => post({ kind: "failed", error: errorOf(error) }),
);

port.on("message", (m: FromServer) => {
  if (m.kind === "read-result") {
    const r = reads.get(m.id);
    reads.delete(m.id);
    if (m.error) r?.reject(Object.assign(new Error(m.error.message), { name: m.error.name }));
    else r?.resolve(m.result);
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
