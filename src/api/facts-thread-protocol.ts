// Messages between the server thread and a linking thread (facts-worker.ts).
import type { FactsQueries } from "../services/facts.js";
import type { Access, StoreConfig } from "../store/index.js";

/** What a linking thread is started with: where the store is and what its readers may see. */
export interface FactsThreadData {
  dataDir: string;
  location: StoreConfig;
  access: Access;
}

/** The questions the linking thread answers. */
export const FACTS_QUERIES = ["listFacts", "factsPage", "factFacets", "getFact", "conflicts", "conflictFacets", "timeline", "overview", "factsOfClaims"] as const satisfies readonly (keyof FactsQueries)[];

/** An error as it crosses threads: its class name and message. */
export interface ErrorData {
  name: string;
  message: string;
}

export type FromWorker = { kind: "ready"; claims: number } | { kind: "failed"; error: ErrorData } | { kind: "answer"; id: number; result?: unknown; error?: ErrorData };

/** A question, or "refresh": bring the thread's facts up to date with the ledger (answered with the number of claims). */
export type FromServer = { kind: "query"; id: number; method: (typeof FACTS_QUERIES)[number]; args: unknown[] } | { kind: "refresh"; id: number };

export function errorOf(error: unknown): ErrorData {
  return error instanceof Error ? { name: error.name === "Error" ? error.constructor.name : error.name, message: error.message } : { name: "Error", message: String(error) };
}
