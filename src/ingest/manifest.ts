// Reads and strictly validates a corpus manifest (FORMAT.md): per-file date, publisher and URL.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { isIsoDatePrefix } from "./dates.js";
import { InputError } from "./errors.js";

/** Metadata for one document of a corpus. */
export interface ManifestEntry {
  file: string;
  /** ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) or null when unknown. */
  published: string | null;
  publisher: string | null;
  url: string | null;
}

/** An entry refused on its own: the others keep their metadata. */
export interface RejectedEntry {
  /** The document file the entry names, when it names one. */
  file: string | null;
  /** The manifest's path and the entry's problem, naming the field. */
  error: InputError;
}

/** A corpus manifest: `{ "documents": [ … ] }`, its good entries and those refused. */
export interface Manifest {
  documents: ManifestEntry[];
  rejected: RejectedEntry[];
}

/** Line and column (1-based) of a character offset, for JSON error messages. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/** The JSON parser's complaint, with the line and column when it names a position. */
function jsonProblem(json: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /position (\d+)/.exec(message);
  return at && !/line \d/.test(message) ? `${message} (${lineAndColumn(json, Number(at[1]))})` : message;
}

/** A problem of one entry (its field named in the message). */
class EntryProblem extends Error {}

/** An optional string field: absent or null gives null; anything else but a string is an error. */
function optionalString(entry: Record<string, unknown>, key: string): string | null {
  const value = entry[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new EntryProblem(`${key} must be a string or null, not ${JSON.stringify(value)}`);
  return value;
}

/** One entry checked field by field; throws EntryProblem naming the field. */
function parseEntry(entry: Record<string, unknown>, file: string): ManifestEntry {
  const published = entry["published"];
  if (published !== undefined && published !== null && (typeof published !== "string" || !isIsoDatePrefix(published))) {
    throw new EntryProblem(`published is ${JSON.stringify(published)}; expected YYYY, YYYY-MM, YYYY-MM-DD or null`);
  }
  return {
    file,
    published: typeof published === "string" ? published : null,
    publisher: optionalString(entry, "publisher"),
    url: optionalString(entry, "url"),
  };
}

/**
 * Parses and validates manifest JSON: throws InputError(path, reason) when the file as a whole is
 * unreadable; a bad entry is set aside in `rejected` (naming the entry, its file and the field).
 */
export function parseManifest(json: string, path: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new InputError(path, `not valid JSON: ${jsonProblem(json, err)}`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new InputError(path, 'manifest must be a JSON object with a "documents" array');
  }
  const documents = (data as Record<string, unknown>)["documents"];
  if (!Array.isArray(documents)) {
    throw new InputError(path, 'no "documents" array; expected { "documents": [ { "file": … } ] }');
  }
  const seen = new Set<string>();
  const entries: ManifestEntry[] = [];
  const rejected: RejectedEntry[] = [];
  // A bad entry is an error of its own, naming the entry, its file and the field; the rest stand.
  for (const [i, raw] of documents.entries()) {
    const where = `documents[${i}]`;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      rejected.push({ file: null, error: new InputError(path, `${where} must be an object with a "file" string`) });
      continue;
    }
    const entry = raw as Record<string, unknown>;
    const file = entry["file"];
    if (typeof file !== "string" || file.trim() === "") {
      rejected.push({ file: null, error: new InputError(path, `${where} has no "file" string`) });
      continue;
    }
    if (seen.has(file)) {
      rejected.push({ file: null, error: new InputError(path, `${where}.file "${file}" is listed twice`) });
      continue;
    }
    seen.add(file);
    try {
      entries.push(parseEntry(entry, file));
    } catch (err) {
      if (!(err instanceof EntryProblem)) throw err;
      rejected.push({ file, error: new InputError(path, `${where} (${JSON.stringify(file)}): ${err.message}`) });
    }
  }
  return { documents: entries, rejected };
}

/** Reads and validates a manifest file. */
export async function loadManifest(path: string): Promise<Manifest> {
  let json: string;
  try {
    json = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(path, code === "ENOENT" ? "no such file" : `cannot read manifest (${code ?? String(err)})`);
  }
  return parseManifest(json, path);
}

/** A manifest's entries by path as listed and by base name, built once per entry list. */
interface ManifestLookup {
  entries: number;
  byPath: Map<string, ManifestEntry>;
  byBase: Map<string, ManifestEntry[]>;
}

const lookups = new WeakMap<ManifestEntry[], ManifestLookup>();

function lookupOf(manifest: Manifest): ManifestLookup {
  const cached = lookups.get(manifest.documents);
  if (cached && cached.entries === manifest.documents.length) return cached;
  const byPath = new Map<string, ManifestEntry>();
  const byBase = new Map<string, ManifestEntry[]>();
  for (const d of manifest.documents) {
    const path = d.file.replace(/\\/g, "/");
    if (!byPath.has(path)) byPath.set(path, d);
    const base = basename(path);
    const list = byBase.get(base);
    if (list) list.push(d);
    else byBase.set(base, [d]);
  }
  const lookup = { entries: manifest.documents.length, byPath, byBase };
  lookups.set(manifest.documents, lookup);
  return lookup;
}

/** The manifest entry for a file: exact match of the path as listed, else a unique base-name match. */
export function manifestEntryFor(manifest: Manifest, fileName: string): ManifestEntry | undefined {
  // Indexed: a linear search per file made collecting a 100,000-file folder quadratic.
  const wanted = fileName.replace(/\\/g, "/");
  const { byPath, byBase } = lookupOf(manifest);
  const exact = byPath.get(wanted);
  if (exact) return exact;
  const byName = byBase.get(basename(wanted)) ?? [];
  return byName.length === 1 ? byName[0] : undefined;
}
