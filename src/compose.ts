// The composition root: builds what Tally runs on from its configuration — the store (where it
// lives, as whom it writes), the context the use cases are performed in, and the server. Only the
// command line (src/cli) imports this file; the layers below take what is built here as arguments.
import type { Config } from "./config.js";
import type { ServerOptions, RunningServer } from "./api/server.js";
import type { CaseContext } from "./services/use-cases/use-case.js";
import { MissingStoreError } from "./shared/errors.js";
import { openStore, type Store, type StoreConfig } from "./store/index.js";

/**
 * Where the configured store is; an embedded one runs its statements on `sqliteThreads` threads
 * (0: in this one). Only with `create` is a store that does not exist yet created: every other
 * command refuses a mistyped --data directory instead of reporting an empty ledger.
 */
export function storeLocation(config: Config, sqliteThreads = 0, create = false, bulkWrites = false): StoreConfig {
  return config.databaseUrl ? { url: config.databaseUrl, create } : { dataDir: config.dataDir, threads: sqliteThreads, create, ...(bulkWrites ? { bulkWrites } : {}) };
}

/** How a ledger is opened. */
export interface OpenLedgerOptions {
  /** SQLite threads (default 0: statements run in this thread). */
  threads?: number;
  /** Create the store when it does not exist (ingest, import, init); default false. */
  create?: boolean;
  /** Who the store's writes name in the audit trail (default: the configured collector). */
  actor?: string;
  /** A long run of writes (ingest): an embedded store keeps its memory flat (StoreConfig.bulkWrites). */
  bulkWrites?: boolean;
}

/** Opens the configured store, writing as `actor` (default the collector). */
export async function openLedger(config: Config, opts: OpenLedgerOptions = {}): Promise<Store> {
  return (await openStore(storeLocation(config, opts.threads ?? 0, opts.create ?? false, opts.bulkWrites ?? false))).withActor(opts.actor ?? config.collector);
}

/** Whether the configured store exists (opened without creating it, and closed). */
export async function storeExists(config: Config): Promise<boolean> {
  try {
    await (await openStore(storeLocation(config))).close();
    return true;
  } catch (err) {
    if (err instanceof MissingStoreError) return false;
    throw err;
  }
}

/** The context the command line performs use cases in: the operator (the configured collector, as admin) on `store`. */
export function operatorContext(store: Store, config: Config): CaseContext {
  return { store, caller: { name: config.collector, role: "admin" }, dataDir: config.dataDir };
}

/**
 * The server over the configured store: the store opened with the server's SQLite threads, acting
 * as `${collector} (tally serve)` when no one is signed in, and the API and pages listening. The
 * store is closed when the server cannot start; `close` ends both.
 */
export async function serveLedger(
  config: Config,
  opts: Omit<ServerOptions, "store" | "config">,
  beforeListening?: (store: Store) => Promise<void>,
): Promise<{ store: Store; server: RunningServer; close(): Promise<void> }> {
  const { SERVER_SQLITE_THREADS, startServer } = await import("./api/server.js"); // the server's modules, for `tally serve` only
  const store = await openLedger(config, { threads: SERVER_SQLITE_THREADS, actor: `${config.collector} (tally serve)` });
  try {
    await beforeListening?.(store);
    const server = await startServer({ ...opts, store, config });
    return {
      store,
      server,
      close: async () => {
        await server.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
