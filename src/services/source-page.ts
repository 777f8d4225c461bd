// Use case: one source's page — who it is (registry name, kind, network), its figures fact by fact
// beside the other networks' figures for the same scope (a source × period table), its claims, and
// where it was contradicted. The API's `/sources/{name}` and the web's source page call it.
import { z } from "zod";
import type { SourceRegistry } from "../core/sources.js";
import { NotFound } from "../shared/errors.js";
import type { FactsQueries } from "./facts.js";

export const SourcePageInput = z.object({ name: z.string().trim().min(1, "name must not be empty").max(200) });

export const SourcePageOutput = z.object({
  name: z.string(),
  fullName: z.string().nullable(),
  kind: z.string().nullable(),
  network: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** One row per fact the source speaks to: its figure, and each other network's figure for that scope. */
  figures: z.array(
    z.object({
      factId: z.string(),
      description: z.string(),
      event: z.string(),
      place: z.string().nullable(),
      period: z.object({ start: z.string(), end: z.string() }).nullable(),
      figure: z.string(),
      best: z.number(),
      status: z.string(),
      others: z.record(z.string(), z.string()),
    }),
  ),
  /**
   * The same figures as a source × year table: a row per year and event (the year the fact's
   * period starts in), the source's figures and each other network's for those facts (a place
   * named when the row holds facts of more than one place).
   */
  years: z.array(z.object({ year: z.string(), event: z.string(), facts: z.number().int(), figure: z.string(), others: z.record(z.string(), z.string()) })),
  /** Networks heard beside it (the columns of `others`). */
  otherNetworks: z.array(z.string()),
  claims: z.array(z.object({ id: z.string(), documentId: z.number().int(), document: z.string(), published: z.string().nullable(), figure: z.string(), quote: z.string() })),
  contradicted: z.array(z.object({ id: z.string(), severity: z.string(), kind: z.string(), reason: z.string(), facts: z.array(z.object({ id: z.string(), description: z.string() })) })),
});
export type SourcePage = z.infer<typeof SourcePageOutput>;

/** The page of a source named by its short name, full name or an alias (or an unregistered name as credited). */
export async function sourcePage(facts: Pick<FactsQueries, "listFacts" | "getFact" | "conflicts">, registry: SourceRegistry, input: unknown): Promise<SourcePage> {
  const { name } = SourcePageInput.parse(input);
  const entry = registry.lookup(name);
  const short = entry?.short ?? name;
  const networkId = entry?.network ?? null;
  const isOurs = (c: { source: string | null; reportedBy: string | null; credited: string | null; network: string | null }) => {
    const speaker = c.source ?? c.reportedBy;
    if (entry) return speaker === entry.short;
    return (speaker ?? c.credited ?? "").toLowerCase() === name.toLowerCase();
  };
  const listed = await facts.listFacts({ source: short });
  if (listed.length === 0 && !entry) throw new NotFound("source", name, "name");
  const figures: SourcePage["figures"] = [];
  const claims: SourcePage["claims"] = [];
  const others = new Set<string>();
  const ids = new Set<string>();
  for (const f of listed) {
    const detail = await facts.getFact(f.id);
    if (!detail) continue;
    const own = detail.claimViews.filter(isOurs);
    if (own.length === 0) continue;
    ids.add(f.id);
    const rest: Record<string, string> = {};
    for (const c of detail.claimViews) {
      if (isOurs(c) || (networkId !== null && c.network === networkId)) continue;
      const key = c.network ?? c.voice ?? c.source ?? "the publisher";
      others.add(key);
      rest[key] = rest[key] ? `${rest[key]}; ${c.figure}` : c.figure;
    }
    figures.push({ factId: f.id, description: f.description, event: f.event, place: f.place, period: f.period, figure: [...new Set(own.map((c) => c.figure))].join("; "), best: f.best, status: f.status, others: rest });
    for (const c of own) claims.push({ id: c.id, documentId: c.documentId, document: c.document, published: c.published, figure: c.figure, quote: c.quote });
  }
  figures.sort((a, b) => a.event.localeCompare(b.event) || (a.place ?? "").localeCompare(b.place ?? "") || (b.period?.start ?? "").localeCompare(a.period?.start ?? ""));
  const contradicted = (await facts.conflicts())
    .filter((k) => k.claims.some(isOurs))
    .map((k) => ({ id: k.id, severity: k.severity, kind: k.kind, reason: k.reason, facts: k.facts }));
  const network = networkId ? registry.networks.get(networkId) : undefined;
  return {
    name: short,
    fullName: entry?.name ?? null,
    kind: entry?.kind ?? null,
    network: network ? { id: network.id, name: network.name } : null,
    figures,
    years: byYear(figures),
    otherNetworks: [...others].sort(),
    claims: [...new Map(claims.map((c) => [c.id, c])).values()],
    contradicted,
  };
}

/** The figures of a source page grouped by the year their period starts in and their event, newest year first. */
export function byYear(figures: SourcePage["figures"]): SourcePage["years"] {
  const rows = new Map<string, SourcePage["figures"]>();
  for (const f of figures) {
    const key = `${f.period?.start.slice(0, 4) ?? "undated"}|${f.event}`;
    rows.set(key, [...(rows.get(key) ?? []), f]);
  }
  return [...rows.entries()]
    .map(([key, fs]) => {
      const [year = "", event = ""] = key.split("|");
      const places = new Set(fs.map((f) => f.place)).size > 1;
      const label = (f: SourcePage["figures"][number], figure: string) => (places ? `${figure} (${f.place ?? "no place"})` : figure);
      const others: Record<string, string> = {};
      for (const f of fs) for (const [n, v] of Object.entries(f.others)) others[n] = others[n] ? `${others[n]}; ${label(f, v)}` : label(f, v);
      return { year, event, facts: fs.length, figure: fs.map((f) => label(f, f.figure)).join("; "), others };
    })
    .sort((a, b) => b.year.localeCompare(a.year) || a.event.localeCompare(b.event));
}
