// Expands command-line arguments (files and folders) into the document files to read, with manifests.
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fsReason, InputError } from "./errors.js";
import { loadManifest, manifestEntryFor, type Manifest, type ManifestEntry } from "./manifest.js";
import { mediaTypeOf } from "./media-type.js";

/** A file to read and the manifest entry that describes it, if any. */
export interface InputFile {
  path: string;
  manifestEntry?: ManifestEntry;
}

/** What collectInputs found: files to read, and problems that did not stop the rest. */
export interface CollectedInputs {
  files: InputFile[];
  errors: InputError[];
}

const MANIFEST_NAME = "manifest.json";

/** Every readable document under `folder` (recursive, sorted, no dot-files or node_modules), relative paths. */
async function listDocuments(folder: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [""];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    const entries = await readdir(join(folder, rel), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      let isFile = entry.isFile();
      if (entry.isDirectory()) {
        pending.push(child);
        continue;
      }
      if (entry.isSymbolicLink()) isFile = await stat(join(folder, child)).then((s) => s.isFile(), () => false);
      if (isFile && mediaTypeOf(entry.name)) found.push(child);
    }
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Loads a manifest and checks that every file it names exists next to it; problems go to `errors`. */
async function manifestWithChecks(path: string, errors: InputError[]): Promise<Manifest | undefined> {
  let manifest: Manifest;
  try {
    manifest = await loadManifest(path);
  } catch (err) {
    if (err instanceof InputError) errors.push(err);
    else errors.push(new InputError(path, fsReason(err)));
    return undefined;
  }
  // Each refused entry is reported; its document is not read, so that it is not stored without
  // the metadata its manifest meant it to have (fix the entry and run again).
  for (const r of manifest.rejected) errors.push(r.error);
  const base = dirname(path);
  for (const entry of manifest.documents) {
    const exists = await stat(join(base, entry.file)).then((s) => s.isFile(), () => false);
    if (!exists) errors.push(new InputError(path, `manifest names missing file ${entry.file}`));
  }
  return manifest;
}

/** True when the manifest refused the entry of this file (by its path as listed, or its base name). */
function isRejected(manifest: Manifest, name: string): boolean {
  const wanted = name.replace(/\\/g, "/");
  const files = manifest.rejected.flatMap((r) => (r.file === null ? [] : [r.file.replace(/\\/g, "/")]));
  if (files.length === 0) return false;
  if (files.includes(wanted)) return true;
  // By base name only when no good entry describes the file.
  return manifestEntryFor(manifest, name) === undefined && files.some((f) => basename(f) === basename(wanted));
}

/** Expands files and folders into document files; bad paths and manifests are reported, not thrown. */
export async function collectInputs(args: string[], opts: { manifestPath?: string } = {}): Promise<CollectedInputs> {
  const errors: InputError[] = [];
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const explicit = opts.manifestPath ? await manifestWithChecks(opts.manifestPath, errors) : undefined;
  const explicitBase = opts.manifestPath ? dirname(resolve(opts.manifestPath)) : "";
  const add = (path: string, manifest: Manifest | undefined, name: string): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    if (manifest && isRejected(manifest, name)) return;
    const entry = manifest ? manifestEntryFor(manifest, name) : undefined;
    files.push(entry ? { path, manifestEntry: entry } : { path });
  };
  const explicitName = (path: string): string => relative(explicitBase, resolve(path)).replace(/\\/g, "/");
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch (err) {
      errors.push(new InputError(arg, fsReason(err)));
      continue;
    }
    if (!info.isDirectory()) {
      add(arg, explicit, explicit ? explicitName(arg) : arg);
      continue;
    }
    let manifest = explicit;
    if (!opts.manifestPath) {
      const own = join(arg, MANIFEST_NAME);
      const hasOwn = await stat(own).then((s) => s.isFile(), () => false);
      if (hasOwn) manifest = await manifestWithChecks(own, errors);
    }
    let listed: string[];
    try {
      listed = await listDocuments(arg);
    } catch (err) {
      errors.push(new InputError(arg, fsReason(err)));
      continue;
    }
    for (const rel of listed) {
      const path = join(arg, rel);
      add(path, manifest, opts.manifestPath ? explicitName(path) : rel);
    }
  }
  return { files, errors };
}
