// The one place that picks a database's module by name.
import type { DialectName } from "../schema.js";
import type { StoreConfig } from "../store.js";
import { POSTGRES_TRAITS, postgresWriteLock } from "./postgres.js";
import { SQLITE_TRAITS, sqliteWriteLock } from "./sqlite.js";
import type { StoreTraits, WriteLock } from "./traits.js";

export type { StoreTraits, WriteLock } from "./traits.js";

/** The traits of a database. */
export function traitsOf(dialect: DialectName): StoreTraits {
  return dialect === "postgres" ? POSTGRES_TRAITS : SQLITE_TRAITS;
}

/** A cross-process write lock on the store at `location`, or null where the database needs none. */
export function openWriteLock(dialect: DialectName, location: StoreConfig): Promise<WriteLock | null> {
  return dialect === "postgres" ? postgresWriteLock(location) : sqliteWriteLock();
}
