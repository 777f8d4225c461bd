// Use case: a printable fact sheet for a place and a year (a country-year), for a rapporteur's
// annex: for each event, the timeline of the year and the two before it with every voice's figure
// and the low/best/high band; the facts of the year with every quote, each cited with its
// document; the conflicts among them; the sources heard; the documents cited. `tally report`, the
// API (`/report`, `/report.md`, `/report.html`) and the web's report page all call it.
import { z } from "zod";
import { canonicalPlace } from "../core/places.js";
import { EVENT_TYPES, type EventType } from "../core/types.js";
import { Invalid } from "../shared/errors.js";
import type { Store, StoredDocument } from "../store/index.js";
import type { FactsQueries } from "./facts.js";

/** What to report on. */
export const ReportInput = z.object({
  place: z.string().trim().min(1, "place must not be empty").max(200),
  year: z.coerce.number().int().min(1900, "year must be from 1900 on").max(2100, "year must be before 2100"),
  event: z.enum(EVENT_TYPES).optional(),
});
export type ReportInput = z.input<typeof ReportInput>;

const Band = { low: z.number(), best: z.number(), high: z.number(), highIsMinimum: z.boolean() };

/** One quote of a fact, cited by the number of its document in `documents`. */
const ReportQuote = z.object({
  claimId: z.string(),
  figure: z.string(),
  voice: z.string().nullable(),
  network: z.string().nullable(),
  quote: z.string(),
  page: z.number().int().optional(),
  cite: z.number().int(),
});

export const ReportOutput = z.object({
  place: z.string(),
  year: z.number().int(),
  event: z.enum(EVENT_TYPES).nullable(),
  generatedAt: z.string(),
  timelines: z.array(
    z.object({
      event: z.enum(EVENT_TYPES),
      voices: z.array(z.object({ id: z.string(), label: z.string() })),
      rows: z.array(z.object({ label: z.string(), factId: z.string().nullable(), status: z.string(), ...Band, voices: z.record(z.string(), z.string()) })),
    }),
  ),
  facts: z.array(
    z.object({ id: z.string(), description: z.string(), event: z.string(), status: z.string(), bestRule: z.string(), ...Band, quotes: z.array(ReportQuote) }),
  ),
  conflicts: z.array(z.object({ id: z.string(), kind: z.string(), severity: z.string(), reason: z.string(), facts: z.array(z.object({ id: z.string(), description: z.string() })) })),
  sources: z.array(z.object({ voice: z.string(), network: z.string().nullable(), figures: z.number().int(), documents: z.number().int() })),
  documents: z.array(
    z.object({
      cite: z.number().int(),
      id: z.number().int(),
      title: z.string(),
      publisher: z.string().nullable(),
      published: z.string().nullable(),
      url: z.string().nullable(),
      sha256: z.string(),
    }),
  ),
});
export type Report = z.infer<typeof ReportOutput>;

/** The facts questions a report asks. */
export type ReportFacts = Pick<FactsQueries, "listFacts" | "getFact" | "conflicts" | "timeline">;

/** The input checked, or an Invalid naming the field at fault. */
export function parseReportInput(input: unknown): z.infer<typeof ReportInput> {
  const parsed = ReportInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "input";
  const message = issue?.message ?? "invalid";
  throw new Invalid(message.startsWith(field) ? message : `${field}: ${message}`, field);
}

/** Most facts a report spells out (the largest places and periods are a few dozen). */
const MAX_FACTS = 300;

/** The fact sheet of a place and a year. */
export async function buildReport(store: Store, facts: ReportFacts, input: unknown, now = new Date()): Promise<Report> {
  const q = parseReportInput(input);
  const place = canonicalPlace(q.place);
  const start = `${q.year}-01-01`;
  const end = `${q.year}-12-31`;
  // The facts of the year: periods inside it (a month, a quarter, the year), about the place or places inside it.
  const listed = (await facts.listFacts({ place: q.place, from: String(q.year), to: String(q.year), ...(q.event ? { event: q.event } : {}) }))
    .filter((f) => f.period !== null && f.period.start >= start && f.period.end <= end)
    .slice(0, MAX_FACTS);
  const ids = new Set(listed.map((f) => f.id));
  const conflicts = (await facts.conflicts()).filter((k) => k.facts.some((f) => ids.has(f.id)));
  // Facts in the order of their most consequential conflict, then by event and description.
  const rank = new Map<string, number>();
  conflicts.forEach((k, i) => k.facts.forEach((f) => rank.has(f.id) || rank.set(f.id, i)));
  listed.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || a.event.localeCompare(b.event) || b.best - a.best || a.description.localeCompare(b.description));

  const cites = new Map<number, number>();
  const citeOf = (documentId: number) => {
    let n = cites.get(documentId);
    if (n === undefined) {
      n = cites.size + 1;
      cites.set(documentId, n);
    }
    return n;
  };
  const sources = new Map<string, { voice: string; network: string | null; figures: number; documents: Set<number> }>();
  const pages = new Map<string, number>();
  const docs = new Map<number, Promise<StoredDocument | null>>();
  const documentOf = (id: number) => {
    let d = docs.get(id);
    if (!d) {
      d = store.getDocument(id);
      docs.set(id, d);
    }
    return d;
  };
  const outFacts: Report["facts"] = [];
  for (const f of listed) {
    const detail = await facts.getFact(f.id);
    if (!detail) continue;
    // Pages, for the quotes of documents read from pages (PDF).
    for (const c of detail.claimViews) {
      if (pages.has(c.id) || (await documentOf(c.documentId))?.textMap == null) continue;
      const stored = await store.getClaim(Number(c.id));
      if (stored?.page !== undefined) pages.set(c.id, stored.page);
    }
    const quotes = detail.claimViews.map((c) => {
      const voice = c.voice ?? c.source ?? null;
      const key = voice ?? "(the publisher's own figure)";
      const s = sources.get(key) ?? { voice: key, network: c.network, figures: 0, documents: new Set<number>() };
      s.figures++;
      s.documents.add(c.documentId);
      sources.set(key, s);
      const page = pages.get(c.id);
      return { claimId: c.id, figure: c.figure, voice, network: c.network, quote: c.quote, ...(page !== undefined ? { page } : {}), cite: citeOf(c.documentId) };
    });
    outFacts.push({ id: f.id, description: f.description, event: f.event, status: f.status, bestRule: f.bestRule, low: f.low, best: f.best, high: f.high, highIsMinimum: f.highIsMinimum, quotes });
  }

  const events = [...new Set(listed.map((f) => f.event as EventType))].sort();
  const timelines: Report["timelines"] = [];
  for (const event of events) {
    const t = await facts.timeline({ event, place: q.place, by: "year" });
    const monthly = await facts.timeline({ event, place: q.place, by: "month" });
    const rows = [
      ...t.rows.filter((r) => Number(r.label.slice(0, 4)) >= q.year - 2 && Number(r.label.slice(0, 4)) <= q.year),
      ...monthly.rows.filter((r) => r.label.startsWith(String(q.year))),
    ];
    if (rows.length === 0) continue; // facts only of places inside the place: no row of its own
    const voiceIds = new Set(rows.flatMap((r) => Object.keys(r.voices)));
    const labels = new Map([...t.voices, ...monthly.voices].map((v) => [v.id, v.label]));
    timelines.push({
      event,
      voices: [...voiceIds].map((id) => ({ id, label: labels.get(id) ?? id })),
      rows: rows.map((r) => ({
        label: r.label,
        factId: r.factId,
        status: r.status,
        low: r.low,
        best: r.best,
        high: r.high,
        highIsMinimum: r.highIsMinimum,
        voices: Object.fromEntries(Object.entries(r.voices).map(([id, v]) => [id, v.figure])),
      })),
    });
  }

  const documents: Report["documents"] = [];
  for (const [id, cite] of [...cites.entries()].sort((a, b) => a[1] - b[1])) {
    const d = await documentOf(id);
    documents.push({ cite, id, title: d?.title ?? d?.name ?? `document ${id}`, publisher: d?.publisher ?? null, published: d?.published ?? null, url: d?.url ?? null, sha256: d?.sha256 ?? "" });
  }
  return {
    place,
    year: q.year,
    event: q.event ?? null,
    generatedAt: now.toISOString(),
    timelines,
    facts: outFacts,
    conflicts: conflicts.map((k) => ({ id: k.id, kind: k.kind, severity: k.severity, reason: k.reason, facts: k.facts })),
    sources: [...sources.values()]
      .map((s) => ({ voice: s.voice, network: s.network, figures: s.figures, documents: s.documents.size }))
      .sort((a, b) => b.figures - a.figures || a.voice.localeCompare(b.voice)),
    documents,
  };
}
