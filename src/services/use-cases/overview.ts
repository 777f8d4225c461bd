// Use cases of the source registry and the overview: the registry beside the store, its edits
// (the user's <data>/sources.json, each recorded in the audit trail), and the key figures of one
// event and place. `tally sources …`, GET /sources and GET /overview perform these.
import { z } from "zod";
import { canonicalPlace } from "../../core/places.js";
import type { SourceEntry, SourceRegistry } from "../../core/sources.js";
import { EVENT_TYPES } from "../../core/types.js";
import { OverviewSchema, SourcesSchema } from "../../shared/entities/overview.js";
import { documentListItem } from "../documents.js";
import { registryOverview } from "../registry-overview.js";
import { addAlias, addSource as addRegistrySource, loadRegistry, registryPath, setNetwork } from "../registry-file.js";
import { leadingVoices } from "../timeline-voices.js";
import { factsOf } from "./facts.js";
import { useCase, type ScopedContext } from "./use-case.js";

/** The registry the context reads (the server's provider, or the data directory's files). */
const registryOf = (ctx: ScopedContext): Promise<SourceRegistry> => (ctx.registry ? ctx.registry() : loadRegistry(ctx.dataDir));

/** The source registry and its networks, each with the stored claims credited to it. */
export const listSources = useCase({
  name: "sources.list",
  role: "viewer",
  input: z.object({}),
  output: SourcesSchema,
  async run(ctx) {
    return registryOverview(ctx.store, await registryOf(ctx));
  },
});

const SourceEntryOut = z.custom<SourceEntry>((v) => typeof v === "object" && v !== null);
const edited = z.object({ entry: SourceEntryOut, file: z.string() });

/** Adds a source to the user's registry file. */
export const addSource = useCase({
  name: "sources.add",
  role: "analyst",
  input: z.object({
    name: z.string(),
    kind: z.string(),
    aliases: z.array(z.string()).default([]),
    id: z.string().optional(),
    short: z.string().optional(),
    network: z.string().optional(),
  }),
  output: edited,
  async run({ store, dataDir }, input) {
    const entry = await addRegistrySource(dataDir, {
      name: input.name,
      kind: input.kind,
      aliases: input.aliases,
      ...(input.id ? { id: input.id } : {}),
      ...(input.short ? { short: input.short } : {}),
      ...(input.network ? { network: input.network } : {}),
    });
    await store.recordSettingChange(`registry:${entry.id}`, null, entry);
    return { entry, file: registryPath(dataDir) };
  },
});

/** One edit of a registry source, recorded with the entry before and after. */
async function editSource({ store, dataDir }: ScopedContext, id: string, edit: () => Promise<SourceEntry>) {
  const before = (await loadRegistry(dataDir)).data.sources.find((e) => e.id === id) ?? null;
  const entry = await edit();
  await store.recordSettingChange(`registry:${entry.id}`, before, entry);
  return { entry, file: registryPath(dataDir) };
}

/** Adds an alias to a source (a seed source is copied into the user's file first). */
export const addSourceAlias = useCase({
  name: "sources.alias",
  role: "analyst",
  input: z.object({ id: z.string(), alias: z.string() }),
  output: edited,
  run: (ctx, { id, alias }) => editSource(ctx, id, () => addAlias(ctx.dataDir, id, alias)),
});

/** Puts a source in a network (created when unknown): sources of one network count as one voice. */
export const setSourceNetwork = useCase({
  name: "sources.network",
  role: "analyst",
  input: z.object({ id: z.string(), network: z.string() }),
  output: edited,
  run: (ctx, { id, network }) => editSource(ctx, id, () => setNetwork(ctx.dataDir, id, network)),
});

/**
 * Key figures, the yearly timeline, the latest documents and the open conflicts of one event and
 * place. The facts are those to answer from at once: on a large ledger they may predate the last
 * change ("stale") or not exist yet ("linking"), and the answer says so.
 */
export const overview = useCase({
  name: "overview",
  role: "viewer",
  input: z.object({ event: z.enum(EVENT_TYPES), place: z.string().min(1), voices: z.number().int().min(1).optional() }),
  output: OverviewSchema,
  async run(ctx, { event, place, voices }) {
    const { store } = ctx;
    const { facts, status } = ctx.snapshot ? await ctx.snapshot(store) : { facts: await factsOf(ctx), status: { state: "fresh" as const, linkedAt: new Date().toISOString() } };
    const [scoped, documents, claims, latest, byYear] = await Promise.all([
      facts ? facts.overview(event, place, 10) : null,
      store.countDocuments(),
      store.countClaims({ event, place }),
      store.listDocuments({ limit: 5, offset: 0, reference: false }), // reports, not the pseudo-documents of reference datasets
      store.countsByYearAndEvent({ event, place }),
    ]);
    const timeline = scoped?.timeline ?? { event, place: canonicalPlace(place), by: "year" as const, voices: [], hiddenVoices: 0, rows: [] };
    return {
      event,
      place: canonicalPlace(place),
      factsStatus: status,
      figures: {
        documents,
        claims,
        facts: scoped?.facts ?? null,
        conflicts: scoped?.conflictCount ?? null,
        sources: scoped?.voices ?? null,
      },
      byYear: byYear.filter((r) => r.event === event).map((r) => ({ year: r.year, claims: r.claims })),
      timeline: voices ? leadingVoices(timeline, voices) : timeline,
      latestDocuments: latest.map(documentListItem),
      conflicts: scoped?.conflicts ?? [],
    };
  },
});
