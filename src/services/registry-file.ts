// The user's source registry: <dataDir>/sources.json, merged over the seed registry, with
// validation that names the file and edits (add a source, an alias, a network) written back.
import { readFile, rename, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import seed from "../core/data/sources.json" with { type: "json" };
import { aliasKey, SourceRegistry, type NetworkEntry, type RegistryData, type SourceEntry } from "../core/sources.js";

/** File name of the user's registry inside the data directory. */
export const REGISTRY_FILE = "sources.json";

/** Kinds a source may have. */
export const SOURCE_KINDS = ["organisation", "outlet", "person", "government", "other"] as const;

/** A problem with the registry file or an edit of it; the message names the file. */
export class RegistryFileError extends Error {}

/** Path of the user's registry file. */
export function registryPath(dataDir: string): string {
  return join(dataDir, REGISTRY_FILE);
}

const SEED = seed as RegistryData;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmpty(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "";
}

/** Checks parsed JSON against the registry schema; every problem is listed, prefixed by the file. */
export function validateRegistryData(raw: unknown, file: string): RegistryData {
  const problems: string[] = [];
  if (!isObject(raw)) throw new RegistryFileError(`${file}: the registry must be a JSON object with "networks" and "sources"`);
  if (raw.version !== undefined && raw.version !== 1) problems.push(`"version" must be 1 (got ${JSON.stringify(raw.version)})`);
  const networks: NetworkEntry[] = [];
  const sources: SourceEntry[] = [];
  const rawNetworks = raw.networks ?? [];
  const rawSources = raw.sources ?? [];
  if (!Array.isArray(rawNetworks)) problems.push(`"networks" must be an array`);
  else {
    const seen = new Set<string>();
    rawNetworks.forEach((n: unknown, i) => {
      const at = `networks[${i}]`;
      if (!isObject(n)) return problems.push(`${at} must be an object`);
      if (!nonEmpty(n.id)) return problems.push(`${at}.id must be a non-empty string`);
      if (seen.has(n.id)) problems.push(`${at}: network id "${n.id}" appears twice`);
      seen.add(n.id);
      if (!nonEmpty(n.name)) problems.push(`${at} ("${n.id}").name must be a non-empty string`);
      if (n.note !== undefined && typeof n.note !== "string") problems.push(`${at} ("${n.id}").note must be a string`);
      networks.push({ id: n.id, name: String(n.name ?? n.id), ...(typeof n.note === "string" ? { note: n.note } : {}) });
      return undefined;
    });
  }
  if (!Array.isArray(rawSources)) problems.push(`"sources" must be an array`);
  else {
    const seen = new Set<string>();
    rawSources.forEach((s: unknown, i) => {
      const at = `sources[${i}]`;
      if (!isObject(s)) return problems.push(`${at} must be an object`);
      if (!nonEmpty(s.id)) return problems.push(`${at}.id must be a non-empty string`);
      const label = `${at} ("${s.id}")`;
      if (seen.has(s.id)) problems.push(`${label}: source id appears twice`);
      seen.add(s.id);
      for (const field of ["short", "name", "network"] as const) {
        if (!nonEmpty(s[field])) problems.push(`${label}.${field} must be a non-empty string`);
      }
      if (!nonEmpty(s.kind) || !(SOURCE_KINDS as readonly string[]).includes(s.kind)) {
        problems.push(`${label}.kind must be one of ${SOURCE_KINDS.join(", ")} (got ${JSON.stringify(s.kind)})`);
      }
      const aliases = s.aliases ?? [];
      if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === "string")) {
        problems.push(`${label}.aliases must be an array of strings`);
      }
      sources.push({
        id: s.id,
        short: String(s.short ?? ""),
        name: String(s.name ?? ""),
        kind: String(s.kind ?? ""),
        network: String(s.network ?? ""),
        aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === "string") : [],
      });
      return undefined;
    });
  }
  if (problems.length > 0) throw new RegistryFileError(`${file}: ${problems.join("; ")}`);
  return { version: 1, networks, sources };
}

/** Merges user entries over the seed: the same id replaces, new ids are added. */
export function mergeRegistry(base: RegistryData, user: RegistryData): RegistryData {
  const networks = new Map(base.networks.map((n) => [n.id, n]));
  for (const n of user.networks) networks.set(n.id, n);
  const sources = new Map(base.sources.map((s) => [s.id, s]));
  for (const s of user.sources) sources.set(s.id, s);
  return { version: 1, networks: [...networks.values()], sources: [...sources.values()] };
}

/** Checks that every source's network exists in the merged registry. */
function checkNetworks(merged: RegistryData, file: string): void {
  const known = new Set(merged.networks.map((n) => n.id));
  const missing = merged.sources.filter((s) => !known.has(s.network));
  if (missing.length > 0) {
    throw new RegistryFileError(
      `${file}: ${missing.map((s) => `source "${s.id}" names network "${s.network}", which is neither in the file nor in the seed`).join("; ")}`,
    );
  }
}

/** The user's registry file as data, or null when there is none. */
export async function readUserRegistry(dataDir: string): Promise<RegistryData | null> {
  const file = registryPath(dataDir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new RegistryFileError(`${file}: cannot read the registry file (${(err as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new RegistryFileError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return validateRegistryData(raw, file);
}

/** The merged registry data: the seed with the user's file (if any) over it. */
export async function loadRegistryData(dataDir: string): Promise<RegistryData> {
  const user = await readUserRegistry(dataDir);
  if (!user) return SEED;
  const merged = mergeRegistry(SEED, user);
  checkNetworks(merged, registryPath(dataDir));
  return merged;
}

/** The source registry for a data directory: the seed, with the user's sources.json merged over it. */
export async function loadRegistry(dataDir: string): Promise<SourceRegistry> {
  return new SourceRegistry(await loadRegistryData(dataDir));
}

async function writeUserRegistry(dataDir: string, data: RegistryData): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const file = registryPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(data, null, 1)}\n`, "utf8");
  await rename(tmp, file);
}

/** A lower-case slug usable as an id: "Kurdistan Human Rights Network" → "kurdistan-human-rights-network". */
export function slugId(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Throws when a name is already an alias of another source. */
function checkAliasFree(merged: RegistryData, names: readonly string[], ownId: string | null, file: string): void {
  for (const name of names) {
    const key = aliasKey(name);
    if (!key) throw new RegistryFileError(`${file}: the name ${JSON.stringify(name)} has no letters or digits`);
    const owner = merged.sources.find((s) => s.id !== ownId && [s.short, s.name, ...s.aliases].some((a) => aliasKey(a) === key));
    if (owner) throw new RegistryFileError(`${file}: "${name}" already names source "${owner.id}" (${owner.short})`);
  }
}

/** Adds a network when unknown: its id is the slug of the given text, its name the text. */
function ensureNetwork(user: RegistryData, merged: RegistryData, network: string): string {
  const byId = merged.networks.find((n) => n.id === network || n.id === slugId(network));
  if (byId) return byId.id;
  const id = slugId(network);
  if (!id) throw new RegistryFileError(`the network ${JSON.stringify(network)} has no letters or digits`);
  user.networks.push({ id, name: network });
  return id;
}

/** Replaces (or adds) a source in the user's data. */
function putUserSource(user: RegistryData, entry: SourceEntry): void {
  const i = user.sources.findIndex((s) => s.id === entry.id);
  if (i >= 0) user.sources[i] = entry;
  else user.sources.push(entry);
}

/** What `addSource` needs. */
export interface NewRegistrySource {
  id?: string;
  name: string;
  short?: string;
  kind: string;
  /** Network id (or a new network's name); default: a network of its own. */
  network?: string;
  aliases: string[];
}

/** Adds a source to the user's registry file; returns the entry as stored. */
export async function addSource(dataDir: string, input: NewRegistrySource): Promise<SourceEntry> {
  const file = registryPath(dataDir);
  const user = (await readUserRegistry(dataDir)) ?? { version: 1, networks: [], sources: [] };
  const merged = mergeRegistry(SEED, user);
  const name = input.name.trim();
  const short = (input.short ?? name).trim();
  if (!name) throw new RegistryFileError(`${file}: a source needs a name`);
  if (!(SOURCE_KINDS as readonly string[]).includes(input.kind)) {
    throw new RegistryFileError(`${file}: kind must be one of ${SOURCE_KINDS.join(", ")} (got "${input.kind}")`);
  }
  const id = input.id ? slugId(input.id) : slugId(short);
  if (!id) throw new RegistryFileError(`${file}: cannot make an id from ${JSON.stringify(short)}; give --id`);
  if (merged.sources.some((s) => s.id === id)) {
    throw new RegistryFileError(`${file}: a source with id "${id}" already exists; add an alias to it instead`);
  }
  const aliases = [...new Set([short, name, ...input.aliases.map((a) => a.trim()).filter(Boolean)])];
  checkAliasFree(merged, aliases, null, file);
  let network: string;
  if (input.network) network = ensureNetwork(user, merged, input.network);
  else {
    network = merged.networks.some((n) => n.id === id) ? id : ensureNetwork(user, merged, id);
    const created = user.networks.find((n) => n.id === network);
    if (created && created.name === id) created.name = name;
  }
  const entry: SourceEntry = { id, short, name, kind: input.kind, network, aliases };
  putUserSource(user, entry);
  await writeUserRegistry(dataDir, user);
  return entry;
}

async function editSource(dataDir: string, id: string, edit: (entry: SourceEntry, user: RegistryData, merged: RegistryData) => SourceEntry): Promise<SourceEntry> {
  const file = registryPath(dataDir);
  const user = (await readUserRegistry(dataDir)) ?? { version: 1, networks: [], sources: [] };
  const merged = mergeRegistry(SEED, user);
  const current = merged.sources.find((s) => s.id === id);
  if (!current) throw new RegistryFileError(`${file}: no source with id "${id}" (see \`tally sources\`)`);
  const entry = edit({ ...current, aliases: [...current.aliases] }, user, merged);
  putUserSource(user, entry);
  await writeUserRegistry(dataDir, user);
  return entry;
}

/** Adds an alias to a source (a seed source is copied into the user's file first). */
export async function addAlias(dataDir: string, id: string, alias: string): Promise<SourceEntry> {
  return editSource(dataDir, id, (entry, _user, merged) => {
    const a = alias.trim();
    checkAliasFree(merged, [a], entry.id, registryPath(dataDir));
    if (!entry.aliases.some((x) => aliasKey(x) === aliasKey(a))) entry.aliases.push(a);
    return entry;
  });
}

/** Moves a source into a network (created when unknown). */
export async function setNetwork(dataDir: string, id: string, network: string): Promise<SourceEntry> {
  return editSource(dataDir, id, (entry, user, merged) => {
    if (!network.trim()) throw new RegistryFileError(`${registryPath(dataDir)}: the network must not be empty`);
    entry.network = ensureNetwork(user, merged, network.trim());
    return entry;
  });
}
