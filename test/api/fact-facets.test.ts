// Facets of facts and contradictions (`/api/v1/facts?facets=…`, `/api/v1/conflicts?facets=…`):
// per field, its values among every matching item and their counts, which follow the filter. Each
// count is the number of items the filter on that value lists (a fact counts under the places
// containing its own, under every year its period touches, under each source and network heard).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/pipeline/ingest.js";
import { makeLedger, type Ledger } from "./helpers.js";

type Facets = Record<string, Array<{ value: string | null; count: number; label?: string }>>;
interface FactItem {
  id: string;
  event: string;
  place: string | null;
  period: { start: string; end: string } | null;
  status: string;
}
interface ConflictItem {
  id: string;
  severity: string;
  kind: string;
  facts: Array<{ id: string }>;
}

const FACT_FIELDS = ["event", "place", "year", "source", "network", "victims", "status", "language"];
const CONFLICT_FIELDS = ["event", "place", "year", "source", "network", "severity", "kind"];

/** The query of the filter that a facet value sets: a year as the range of that year, a network as a source. */
function narrowing(field: string, value: string): Record<string, string> {
  if (field === "year") return { from: value, to: value };
  if (field === "network") return { source: value };
  return { [field]: value };
}

const asRecord = (values: Facets[string] | undefined) => Object.fromEntries((values ?? []).map((v) => [String(v.value), v.count]));

/** Invented figures for a city inside a province (Shiraz in Fars) and another (Karaj in Alborz), with a disagreement. */
const CITY_REPORT = [
  "Figures from two cities",
  "",
  "At least 52 people were executed in Shiraz in 2024, according to HRANA.",
  "",
  "Hengaw said 19 people were executed in Shiraz in 2024.",
  "",
  "Security forces killed 12 protesters in Karaj in 2024, Hengaw said.",
].join("\n");

describe("fact and conflict facets", () => {
  let L: Ledger;
  const get = async <T>(path: string, query: Record<string, string> = {}): Promise<T> => {
    const r = await L.app.request(`/api/v1${path}?${new URLSearchParams(query).toString()}`);
    expect(r.status, `${path}?${new URLSearchParams(query).toString()}`).toBe(200);
    return (await r.json()) as T;
  };
  const facts = (q: Record<string, string> = {}) => get<{ facts: FactItem[]; facets?: Facets }>("/facts", q);
  const conflicts = (q: Record<string, string> = {}) => get<{ conflicts: ConflictItem[]; facets?: Facets }>("/conflicts", q);

  beforeAll(async () => {
    L = await makeLedger();
    const dir = join(L.dir, "cities");
    await mkdir(dir);
    await writeFile(join(dir, "lark-gazette-cities.txt"), CITY_REPORT);
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ documents: [{ file: "lark-gazette-cities.txt", published: "2025-01-15", publisher: "Lark Gazette", url: null }] }));
    await ingest([dir], L.store, { config: L.config });
  });
  afterAll(() => L.close());

  it("counts every fact by event and status, and under its place and the places containing it", async () => {
    const all = await facts();
    const counted = await facts({ facets: FACT_FIELDS.join(",") });
    expect(counted.facts).toEqual(all.facts);
    const f = counted.facets as Facets;
    const tally = (key: (x: FactItem) => string) => all.facts.reduce<Record<string, number>>((o, x) => ({ ...o, [key(x)]: (o[key(x)] ?? 0) + 1 }), {});
    expect(asRecord(f.event)).toEqual(tally((x) => x.event));
    expect(asRecord(f.status)).toEqual(tally((x) => x.status));
    // Nesting: Shiraz lies in Fars, Karaj in Alborz, all in Iran.
    const places = asRecord(f.place);
    expect(places.Iran).toBe(all.facts.length);
    expect(places.Shiraz).toBe(all.facts.filter((x) => x.place === "Shiraz").length);
    expect(places.Shiraz).toBeGreaterThan(0);
    expect(places.Fars).toBe(places.Shiraz);
    expect(places.Alborz).toBe(places.Karaj);
    expect(asRecord(f.year)).toEqual(tally((x) => x.period?.start.slice(0, 4) ?? "null"));
    // A network reads as its registry name; the value stays its id, as the source filter takes it.
    expect(f.network?.find((v) => v.value === "ihrngo")?.label).toBe("Iran Human Rights (IHRNGO)");
    const counts = (f.place ?? []).map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await facts()).facets).toBeUndefined();
  });

  it("gives each value of each fact facet the number of facts its filter lists", async () => {
    const f = (await facts({ facets: FACT_FIELDS.join(",") })).facets as Facets;
    for (const field of FACT_FIELDS) {
      expect(f[field]?.length, field).toBeGreaterThan(0);
      for (const { value, count } of f[field] ?? []) {
        if (value === null) continue;
        expect((await facts(narrowing(field, value))).facts.length, `${field}=${value}`).toBe(count);
      }
    }
  });

  it("counts facts among the filter only: a province's facts by year, source and status", async () => {
    const all = await facts({ facets: "place,year,status" });
    const fars = await facts({ place: "fars", facets: "event,place,year,source,status" });
    expect(fars.facts.length).toBeGreaterThan(0);
    expect(fars.facts.length).toBeLessThan(all.facts.length);
    expect(fars.facts.every((x) => x.place === "Shiraz")).toBe(true);
    const f = fars.facets as Facets;
    expect(asRecord(f.place)).toEqual({ Shiraz: fars.facts.length, Fars: fars.facts.length, Iran: fars.facts.length });
    expect(asRecord(f.year)).toEqual({ "2024": fars.facts.length });
    expect(asRecord(f.year)).not.toEqual(asRecord(all.facets?.year));
    expect(Object.keys(asRecord(f.source)).sort()).toEqual(["HRANA", "Hengaw"]);
    expect((f.status ?? []).reduce((n, v) => n + v.count, 0)).toBe(fars.facts.length);
    // A status narrows the list too.
    const contested = await facts({ status: "contested" });
    expect(contested.facts.length).toBe(asRecord(all.facets?.status).contested);
    expect(contested.facts.every((x) => x.status === "contested")).toBe(true);
  });

  it("gives each value of each conflict facet the number of contradictions its filter lists", async () => {
    const all = await conflicts();
    const counted = await conflicts({ facets: CONFLICT_FIELDS.join(",") });
    expect(counted.conflicts).toEqual(all.conflicts);
    const f = counted.facets as Facets;
    const tally = (key: (x: ConflictItem) => string) => all.conflicts.reduce<Record<string, number>>((o, x) => ({ ...o, [key(x)]: (o[key(x)] ?? 0) + 1 }), {});
    expect(asRecord(f.severity)).toEqual(tally((x) => x.severity));
    expect(asRecord(f.kind)).toEqual(tally((x) => x.kind));
    expect(asRecord(f.place).Shiraz).toBeGreaterThan(0);
    expect(asRecord(f.place).Iran).toBe(all.conflicts.length);
    for (const field of CONFLICT_FIELDS) {
      expect(f[field]?.length, field).toBeGreaterThan(0);
      for (const { value, count } of f[field] ?? []) {
        if (value === null) continue;
        expect((await conflicts(narrowing(field, value))).conflicts.length, `${field}=${value}`).toBe(count);
      }
    }
  });

  it("counts contradictions among the filter only, and the CSV takes the same filter", async () => {
    const all = await conflicts({ facets: "place,source,year" });
    const shiraz = await conflicts({ place: "Shiraz", facets: "place,source,year" });
    expect(shiraz.conflicts.length).toBeGreaterThan(0);
    expect(shiraz.conflicts.length).toBeLessThan(all.conflicts.length);
    const f = shiraz.facets as Facets;
    expect(asRecord(f.year)).toEqual({ "2024": shiraz.conflicts.length });
    expect(asRecord(f.source)).not.toEqual(asRecord(all.facets?.source));
    expect(asRecord(f.place).Iran).toBe(shiraz.conflicts.length);
    const csv = await (await L.app.request("/api/v1/conflicts.csv?place=Shiraz")).text();
    expect(csv.trim().split(/\r\n/).length - 1).toBe(shiraz.conflicts.length);
  });

  it("refuses an unknown facet, status or severity with 400", async () => {
    for (const q of ["/facts?facets=event,colour", "/conflicts?facets=place,status", "/facts?status=agreed", "/conflicts?severity=grave"]) {
      const r = await L.app.request(`/api/v1${q}`);
      expect(r.status, q).toBe(400);
    }
    const r = await L.app.request("/api/v1/conflicts?facets=colour");
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain("facets must be one or more of");
  });
});
