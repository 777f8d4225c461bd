// What store-backed commands share: the configuration from global options and an open store.
import type { Command } from "commander";
import { loadConfig, type Config } from "../config.js";
import { openStore, type Store } from "../store/index.js";

/** Global options every command accepts. */
export interface GlobalOptions {
  data?: string;
  db?: string;
  collector?: string;
}

/** The configuration for a command, from its global options and the environment. */
export function configOf(cmd: Command): Config {
  const o = cmd.optsWithGlobals<GlobalOptions & { workers?: string }>();
  return loadConfig({
    ...(o.data !== undefined ? { data: o.data } : {}),
    ...(o.db !== undefined ? { db: o.db } : {}),
    ...(o.collector !== undefined ? { collector: o.collector } : {}),
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
  });
}

/** Opens the configured store (acting as the configured collector), runs `fn` and always closes it. */
export async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  // Every change the command makes is recorded in the audit trail as done by the collector.
  const store = (await openStore(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir })).withActor(config.collector);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
