// Checking a bundle's header and end line before trusting the rows between them.
import { BUNDLE_FORMAT, BUNDLE_VERSION, BundleError, tableSpec } from "./bundle-format.js";
import type { BundleEnd, BundleHeader } from "./bundle-format.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Whether a parsed first line claims to be a bundle header at all. */
export function looksLikeHeader(value: unknown): boolean {
  return isRecord(value) && value.format === BUNDLE_FORMAT;
}

/** The header, when it describes a bundle this store can restore; throws BundleError otherwise. */
export function checkHeader(value: unknown, storeSchema: number): BundleHeader {
  if (!looksLikeHeader(value)) throw new BundleError("not a Tally bundle (no bundle header)");
  const h = value as unknown as BundleHeader;
  if (!Number.isInteger(h.version) || h.version > BUNDLE_VERSION) {
    throw new BundleError(`bundle format version ${String(h.version)} is newer than this Tally reads (${BUNDLE_VERSION}); upgrade Tally`);
  }
  if (!Number.isInteger(h.schemaVersion)) throw new BundleError("bundle is corrupt: the header has no schema version");
  if (h.schemaVersion > storeSchema) {
    throw new BundleError(`bundle was written by a newer Tally (schema ${h.schemaVersion}, this store has schema ${storeSchema}); upgrade Tally`);
  }
  if (h.schemaVersion < storeSchema) {
    throw new BundleError(`bundle has schema ${h.schemaVersion} but this store has schema ${storeSchema}; import it with the Tally that wrote it, then upgrade`);
  }
  if (!isRecord(h.tables) || !isRecord(h.columns)) throw new BundleError("bundle is corrupt: the header lists no tables");
  for (const [name, count] of Object.entries(h.tables)) {
    const t = tableSpec(name);
    if (!t) throw new BundleError(`bundle is corrupt: unknown table ${JSON.stringify(name)} in the header`);
    if (!Number.isSafeInteger(count) || (count as number) < 0) throw new BundleError(`bundle is corrupt: bad row count for ${name} in the header`);
    const columns = h.columns[name];
    const expected = Object.keys(t.columns);
    if (!Array.isArray(columns) || columns.length !== expected.length || !expected.every((c) => columns.includes(c))) {
      throw new BundleError(`bundle's columns of ${name} differ from this store's (${expected.join(", ")})`);
    }
  }
  if (typeof h.public !== "boolean") throw new BundleError("bundle is corrupt: the header does not say whether it is public");
  if (!h.public && !Object.hasOwn(h.tables, "audit_events")) throw new BundleError("bundle is corrupt: a full bundle without its audit trail");
  return h;
}

/** The end line, or null when `value` is not one. */
export function asEnd(value: unknown): BundleEnd | null {
  if (!isRecord(value) || value.end !== true) return null;
  if (typeof value.sha256 !== "string" || !Number.isSafeInteger(value.rows)) throw new BundleError("bundle is corrupt: bad end line");
  return value as unknown as BundleEnd;
}
