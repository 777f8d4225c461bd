// What store-backed commands share: the configuration from global options and an open store.
import type { Command } from "commander";
import { loadConfig, type Config } from "../config.js";
import type { z } from "zod";
import { openLedger, operatorContext, storeExists } from "../compose.js";
import { perform, type UseCase } from "../services/use-cases/use-case.js";
import type { Store } from "../store/index.js";

export { operatorContext } from "../compose.js";

/** Global options every command accepts. */
export interface GlobalOptions {
  data?: string;
  db?: string;
  collector?: string;
}

/** The configuration for a command, from its global options and the environment. */
export function configOf(cmd: Command): Config {
  const o = cmd.optsWithGlobals<GlobalOptions & { workers?: string; writeBatch?: string }>();
  return loadConfig({
    ...(o.data !== undefined ? { data: o.data } : {}),
    ...(o.db !== undefined ? { db: o.db } : {}),
    ...(o.collector !== undefined ? { collector: o.collector } : {}),
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
    ...(o.writeBatch !== undefined ? { writeBatch: o.writeBatch } : {}),
  });
}

/** How withStore opens the store. */
export interface WithStoreOptions {
  /** SQLite threads (default 0: statements run in this thread). */
  threads?: number;
  /** Create the store when it does not exist (ingest, import, init); default false. */
  create?: boolean;
  /** A long run of writes (ingest): an embedded store keeps its memory flat (StoreConfig.bulkWrites). */
  bulkWrites?: boolean;
  /** Tell the use case whether this open created the store (`opened`; tally init): looked at before opening. */
  probe?: boolean;
}

/**
 * Opens the configured store (acting as the configured collector), runs `fn` and always closes
 * it. A store that does not exist is refused (MissingStoreError) unless `create` is set.
 */
export async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>, opts: WithStoreOptions = {}): Promise<T> {
  // Every change the command makes is recorded in the audit trail as done by the collector.
  const store = await openLedger(config, opts);
  try {
    const before = (await store.auditHead()).seq;
    const result = await fn(store);
    if ((await store.auditHead()).seq !== before) await updateStoredFacts(store, config);
    return result;
  } finally {
    await store.close();
  }
}

/**
 * After a command changed the ledger (ingest, review, restrict, re-extract, import): the stored
 * facts of the documents it touched are updated at once. A failure (a broken sources.json) leaves
 * the change made and the facts to the next reader, which reports it.
 */
async function updateStoredFacts(store: Store, config: Config): Promise<void> {
  try {
    const [{ syncFacts }, { loadRegistry }] = await Promise.all([import("../services/fact-sync.js"), import("../services/registry-file.js")]);
    await syncFacts(store, await loadRegistry(config.dataDir));
  } catch (error) {
    process.stderr.write(`tally: the change is stored, but its facts were not updated (${error instanceof Error ? error.message : String(error)}); the next \`tally facts\` tries again\n`);
  }
}

/** Performs one use case as the operator inside `withStore` (opened as `opts` tell). */
export async function performWith<I extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(config: Config, uc: UseCase<I, O, R>, input: z.input<I>, opts: WithStoreOptions = {}): Promise<R> {
  const opened = opts.probe ? { opened: { created: !(await storeExists(config)) } } : {};
  return withStore(config, (store) => perform(uc, { ...operatorContext(store, config), ...opened }, input), opts);
}
