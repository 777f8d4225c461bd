// A source's record in the store, made on demand from the name claims credit: restricting a
// source by name (`tally restrict source "Kestrel Watch"`) creates its record with the registry's
// aliases and links every claim credited to it, so that the restriction hides them.
import type { SourceRegistry } from "../core/sources.js";
import { Invalid, NotFound } from "../shared/errors.js";
import type { ClaimStore, StoredSource } from "../store/index.js";

/**
 * The store's record of the source `ref` names: a record id, or a name or alias (normalised
 * through the registry, as claims' sources are). A name without a record gets one (audited as
 * source.upsert), linked to the claims credited to it; later claims are linked as they are stored.
 */
export async function sourceRecord(store: ClaimStore, registry: SourceRegistry, ref: string): Promise<StoredSource> {
  const text = ref.trim();
  if (text === "") throw new Invalid("name a source: its record id, name or alias", "source");
  if (/^\d+$/.test(text)) {
    const found = (await store.listSources()).find((x) => x.id === Number(text));
    if (!found) throw new NotFound("source", text);
    return found;
  }
  const entry = registry.lookup(text);
  const name = entry ? entry.short : registry.normalize(text);
  const aliases = entry ? [entry.name, ...entry.aliases] : text === name ? [] : [text];
  return store.upsertSource({ name, kind: entry?.kind ?? "other", aliases });
}
