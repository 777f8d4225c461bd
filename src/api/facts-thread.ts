// The server's side of a linking thread (facts-worker.ts): starts it, serves its store reads,
// and asks it the facts questions. Linking runs there, off the thread that answers requests.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { FactsQueryError, type FactsQueries } from "../services/facts.js";
import type { Store } from "../store/index.js";
import { errorOf, type ErrorData, type FACTS_QUERIES, type FromServer, type FromWorker } from "./facts-thread-protocol.js";

function toError(e: ErrorData): Error {
  return e.name === "FactsQueryError" ? new FactsQueryError(e.message) : Object.assign(new Error(e.message), { name: e.name });
}

/** The worker's file next to this one; from the TypeScript sources (the tests) through tsx. */
function spawn(dataDir: string): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./facts-worker.js", import.meta.url), { workerData: { dataDir } });
  // tsx's ESM API registers its loader hooks for the thread that calls it.
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  const worker = new URL("./facts-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); })`;
  return new Worker(boot, { eval: true, workerData: { dataDir } });
}

/** Facts linked and held in a thread of their own. */
export class FactsThread implements FactsQueries {
  /** Resolves with the number of claims linked once the thread is ready to answer. */
  readonly ready: Promise<number>;
  private readonly worker: Worker;
  private readonly answers = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private next = 0;
  private closing = false;
  private exited: Error | null = null;

  constructor(store: Store, dataDir: string) {
    this.worker = spawn(dataDir);
    // The thread never keeps the process alive on its own (the HTTP server does).
    this.worker.unref();
    let ready!: (claims: number) => void;
    let failed!: (e: Error) => void;
    this.ready = new Promise<number>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    const post = (m: FromServer) => this.worker.postMessage(m);
    this.worker.on("message", (m: FromWorker) => {
      if (m.kind === "read") {
        const read = (store[m.method] as (...a: unknown[]) => Promise<unknown>).apply(store, m.args);
        read.then(
          (result) => post({ kind: "read-result", id: m.id, result }),
          (error: unknown) => post({ kind: "read-result", id: m.id, error: errorOf(error) }),
        );
      } else if (m.kind === "ready") ready(m.claims);
      else if (m.kind === "failed") {
        failed(toError(m.error));
        void this.worker.terminate();
      } else {
        const a = this.answers.get(m.id);
        this.answers.delete(m.id);
        if (m.error) a?.reject(toError(m.error));
        else a?.resolve(m.result);
        if (this.closing && this.answers.size === 0) void this.worker.terminate();
      }
    });
    const gone = (error: Error) => {
      this.exited = error;
      failed(error);
      for (const a of this.answers.values()) a.reject(error);
      this.answers.clear();
    };
    this.worker.on("error", gone);
    this.worker.on("exit", (code) => gone(new Error(`the linking thread stopped (exit code ${code})`)));
    // Reported through `ready`; a thread that failed is not asked anything.
    this.ready.catch(() => undefined);
  }

  private ask<T>(method: (typeof FACTS_QUERIES)[number], args: unknown[]): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise<T>((resolve, reject) => {
      const id = ++this.next;
      this.answers.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ kind: "query", id, method, args } satisfies FromServer);
    });
  }

  listFacts(...args: Parameters<FactsQueries["listFacts"]>): ReturnType<FactsQueries["listFacts"]> {
    return this.ask("listFacts", args);
  }

  getFact(...args: Parameters<FactsQueries["getFact"]>): ReturnType<FactsQueries["getFact"]> {
    return this.ask("getFact", args);
  }

  conflicts(): ReturnType<FactsQueries["conflicts"]> {
    return this.ask("conflicts", []);
  }

  timeline(...args: Parameters<FactsQueries["timeline"]>): ReturnType<FactsQueries["timeline"]> {
    return this.ask("timeline", args);
  }

  overview(...args: Parameters<FactsQueries["overview"]>): ReturnType<FactsQueries["overview"]> {
    return this.ask("overview", args);
  }

  factsOfClaims(...args: Parameters<FactsQueries["factsOfClaims"]>): ReturnType<FactsQueries["factsOfClaims"]> {
    return this.ask("factsOfClaims", [[...args[0]]]);
  }

  /** Ends the thread once the questions it was asked are answered, or at once. */
  close(now = false): void {
    this.closing = true;
    if (now || this.answers.size === 0) void this.worker.terminate();
  }
}
