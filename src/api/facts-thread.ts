// The server's side of a linking thread (facts-worker.ts): starts it and asks it the facts
// questions. Linking (reading every claim through a connection of its own) runs there, off the
// thread that answers requests.
import type { Worker } from "node:worker_threads";
import { LruMap } from "../core/lru-map.js";
import { FactsQueryError, type FactsQueries } from "../services/facts.js";
import { spawnThread } from "../spawn-thread.js";
import type { Store } from "../services/use-cases/types.js";
import type { ErrorData, FACTS_QUERIES, FactsThreadData, FromServer, FromWorker } from "./facts-thread-protocol.js";

/** Answers kept per linking thread. */
const KEPT_ANSWERS = 256;

function toError(e: ErrorData): Error {
  return e.name === "FactsQueryError" ? new FactsQueryError(e.message) : Object.assign(new Error(e.message), { name: e.name });
}

/** Facts linked and held in a thread of their own. */
export class FactsThread implements FactsQueries {
  /** Resolves with the number of claims linked once the thread is ready to answer. */
  readonly ready: Promise<number>;
  private readonly worker: Worker;
  private readonly answers = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private next = 0;
  private closing = false;
  /** Answers kept (overviews, timelines, facts), most recently asked last. */
  private readonly kept = new LruMap<string, Promise<unknown>>(KEPT_ANSWERS);
  private exited: Error | null = null;

  constructor(store: Store, dataDir: string) {
    // The thread opens a connection of its own to the store, with the access of `store`'s readers.
    const data: FactsThreadData = { dataDir, location: store.location, access: store.access };
    this.worker = spawnThread(import.meta.url, "facts-worker", data);
    // The thread never keeps the process alive on its own (the HTTP server does).
    this.worker.unref();
    let ready!: (claims: number) => void;
    let failed!: (e: Error) => void;
    this.ready = new Promise<number>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    this.worker.on("message", (m: FromWorker) => {
      if (m.kind === "ready") ready(m.claims);
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

  /** A page of facts: a small answer asked again as a reader pages back and forth, kept. */
  factsPage(...args: Parameters<FactsQueries["factsPage"]>): ReturnType<FactsQueries["factsPage"]> {
    return this.askKept("factsPage", args);
  }

  /**
   * An answer asked before of this linking (which never changes) is given again from here: the
   * thread, which holds a heap of gigabytes on a large ledger, may be collecting its garbage.
   */
  private askKept<T>(method: (typeof FACTS_QUERIES)[number], args: unknown[]): Promise<T> {
    const key = `${method}\u0000${JSON.stringify(args)}`;
    const kept = this.kept.get(key);
    if (kept) return kept as Promise<T>;
    const answer = this.ask<T>(method, args);
    this.kept.set(key, answer);
    answer.catch(() => this.kept.delete(key));
    return answer;
  }

  getFact(...args: Parameters<FactsQueries["getFact"]>): ReturnType<FactsQueries["getFact"]> {
    return this.askKept("getFact", args);
  }

  /** Facets are small answers asked again as a reader goes back and forth between filters: kept, as timelines are. */
  factFacets(...args: Parameters<FactsQueries["factFacets"]>): ReturnType<FactsQueries["factFacets"]> {
    return this.askKept("factFacets", args);
  }

  conflicts(...args: Parameters<FactsQueries["conflicts"]>): ReturnType<FactsQueries["conflicts"]> {
    return this.ask("conflicts", args);
  }

  conflictFacets(...args: Parameters<FactsQueries["conflictFacets"]>): ReturnType<FactsQueries["conflictFacets"]> {
    return this.askKept("conflictFacets", args);
  }

  timeline(...args: Parameters<FactsQueries["timeline"]>): ReturnType<FactsQueries["timeline"]> {
    return this.askKept("timeline", args);
  }

  overview(...args: Parameters<FactsQueries["overview"]>): ReturnType<FactsQueries["overview"]> {
    return this.askKept("overview", args);
  }

  factsOfClaims(...args: Parameters<FactsQueries["factsOfClaims"]>): ReturnType<FactsQueries["factsOfClaims"]> {
    return this.ask("factsOfClaims", [[...args[0]]]);
  }

  /**
   * Brings the thread's facts up to date with the ledger (reading only what changed since they were
   * read); resolves with the number of claims. Answers kept from before are dropped.
   */
  update(): Promise<number> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise<number>((resolve, reject) => {
      const id = ++this.next;
      this.answers.set(id, {
        resolve: (v) => {
          this.kept.clear();
          resolve(v as number);
        },
        reject,
      });
      this.worker.postMessage({ kind: "refresh", id } satisfies FromServer);
    });
  }

  /** Ends the thread once the questions it was asked are answered, or at once. */
  close(now = false): void {
    this.closing = true;
    if (now || this.answers.size === 0) void this.worker.terminate();
  }
}
