// Which linked facts and contradictions a filter selects, and their facets: for each asked field,
// its values among every fact (or contradiction) the filter selects and how many have each. Each
// count is the number of items that the filter on that value (added to the others) lists: a fact
// counts under its place and every place containing it (the place filter takes the places inside),
// under every year its period touches (the year filter is a range of dates), and under each source
// name and network heard in it (decided as FactViews.sourceMatcher decides, for each value).
// Computed over the facts the FactsService already holds: nothing is linked again.
import type { Contradiction, Fact, FactScope, LinkClaim } from "../core/linking/index.js";
import { canonicalPlace, placeAncestors, placeContains } from "../core/places.js";
import type { SourceRegistry } from "../core/sources.js";
import { rangeEnd, rangeStart } from "../store/iso-range.js";
import { CONFLICT_KINDS, CONFLICT_SEVERITIES, FACET_VALUES, FACT_STATUSES, type ConflictFacet, type FacetCount, type FactFacet } from "../shared/facets.js";
import type { Linked } from "./fact-lookups.js";
import { nameOfLanguage } from "./language-support.js";
import { checkDate, checkEvent, FactsQueryError, type ConflictFilters, type FactFilters } from "./fact-views.js";

/** What a fact or contradiction is about, for the scope filters. */
type Scope = Pick<FactScope, "family" | "place" | "period" | "victims">;

// The shared lists of statuses, severities and kinds hold only the linking core's.
const STATUSES: readonly Fact["status"][] = FACT_STATUSES;
const SEVERITIES: readonly Contradiction["severity"][] = CONFLICT_SEVERITIES;
const KINDS: readonly Contradiction["kind"][] = CONFLICT_KINDS;

/** Refuses a filter with an unknown event, status, severity or kind or a malformed date. */
export function checkFilters(filters: FactFilters & Omit<ConflictFilters, keyof FactFilters>): void {
  checkEvent(filters.event);
  checkDate("--from", filters.from);
  checkDate("--to", filters.to);
  const one = (name: string, value: string | undefined, allowed: readonly string[]) => {
    if (value !== undefined && !allowed.includes(value)) throw new FactsQueryError(`unknown ${name} "${value}"; one of ${allowed.join(", ")}`);
  };
  one("status", filters.status, STATUSES);
  one("severity", filters.severity, SEVERITIES);
  one("kind", filters.kind, KINDS);
  if (filters.language !== undefined && !/^([a-z]{2,3}|unknown)$/.test(filters.language)) {
    throw new FactsQueryError(`language must be a language code such as en, fa, ar or fr, or unknown (got "${filters.language}")`);
  }
}

/** The language of a claim's document as the language filter names it ("unknown": none detected). */
const languageOf = (c: LinkClaim): string => c.language ?? "unknown";

/** The test of a scope against the filter's event, dates, place and victims. */
function scopeTest(filters: FactFilters): (s: Scope) => boolean {
  const from = filters.from ? rangeStart(filters.from) : null;
  const to = filters.to ? rangeEnd(filters.to) : null;
  const place = filters.place ? canonicalPlace(filters.place) : null;
  return (s) => {
    if (filters.event && s.family !== filters.event) return false;
    if (from && (!s.period || s.period.end < from)) return false;
    if (to && (!s.period || s.period.start > to)) return false;
    if (place && (s.place === null || !placeContains(place, s.place))) return false;
    if (filters.victims && !s.victims.includes(filters.victims)) return false;
    return true;
  };
}

/** The facts of a filter (the source matched by `bySource`, FactViews.sourceMatcher). */
export function factMatcher(filters: FactFilters, bySource: ((c: LinkClaim) => boolean) | null): (f: Fact) => boolean {
  const inScope = scopeTest(filters);
  const language = filters.language;
  return (f) =>
    inScope(f.scope) && (!filters.status || f.status === filters.status) && (!bySource || f.claims.some(bySource)) && (!language || f.claims.some((c) => languageOf(c) === language));
}

/** The scopes a contradiction touches: its facts', or (when none is linked) its claims'. */
export function conflictScopes(con: Contradiction, linked: Linked): Scope[] {
  const facts = con.facts.flatMap((id) => {
    const f = linked.facts.get(id);
    return f ? [f.scope] : [];
  });
  if (facts.length > 0) return facts;
  return con.claims.flatMap((id) => {
    const c = linked.claims.get(id);
    return c ? [{ family: c.event, place: c.place, period: c.period, victims: c.victims }] : [];
  });
}

const claimsOf = (con: Contradiction, linked: Linked): LinkClaim[] =>
  con.claims.flatMap((id) => {
    const c = linked.claims.get(id);
    return c ? [c] : [];
  });

/** The contradictions of a filter: one of the facts they touch is in its scope, one of their claims heard from its source. */
export function conflictMatcher(filters: ConflictFilters, linked: Linked, bySource: ((c: LinkClaim) => boolean) | null): (con: Contradiction) => boolean {
  const inScope = scopeTest(filters);
  const scoped = Boolean(filters.event || filters.from || filters.to || filters.place || filters.victims);
  return (con) => {
    if (filters.severity && con.severity !== filters.severity) return false;
    if (filters.kind && con.kind !== filters.kind) return false;
    if (scoped && !conflictScopes(con, linked).some(inScope)) return false;
    if (bySource && !claimsOf(con, linked).some(bySource)) return false;
    return true;
  };
}

/** Counts of values, each item counted once per value. */
class Tally {
  private readonly counts = new Map<string | null, number>();

  /** Counts one item under each of its values (repeats within the item count once). */
  add(values: Iterable<string | null>): void {
    for (const v of values instanceof Set ? values : new Set(values)) this.counts.set(v, (this.counts.get(v) ?? 0) + 1);
  }

  /** Most counted first, then by value (no value last); at most `limit`. */
  top(limit: number): FacetCount[] {
    return [...this.counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value === null ? 1 : b.value === null ? -1 : a.value.localeCompare(b.value)))
      .slice(0, limit);
  }
}

/** A place and every place containing it (the values under which the place filter lists it). */
const PLACES = new Map<string, string[]>();
function placesOf(place: string | null): Array<string | null> {
  if (place === null) return [null];
  let kept = PLACES.get(place);
  if (!kept) {
    const own = canonicalPlace(place);
    kept = [own, ...placeAncestors(own)];
    if (PLACES.size >= 10_000) PLACES.clear();
    PLACES.set(place, kept);
  }
  return kept;
}

/** Every year a period touches (the values under which the year filter, from=Y&to=Y, lists it). */
function yearsOf(period: Scope["period"]): Array<string | null> {
  if (!period) return [null];
  const first = Number(period.start.slice(0, 4));
  const last = Math.min(Number(period.end.slice(0, 4)), first + 200);
  const out: string[] = [];
  for (let y = first; y <= last; y++) out.push(String(y).padStart(4, "0"));
  return out;
}

/** Who a claim is heard from (its credited source, or the outlet carrying it), or null for none. */
const speakerOf = (c: LinkClaim): string | null => c.source ?? c.reportedBy;

/**
 * The values (of some source names or network ids) a claim is heard from, as
 * FactViews.sourceMatcher decides for each value: the registry's entry of the value, the value as a
 * network id, or the value as the name itself (in any case).
 */
function sourceValues(registry: SourceRegistry, values: Iterable<string>): (c: LinkClaim) => string[] {
  const byShort = new Map<string, string[]>();
  const byNetwork = new Map<string, string[]>();
  const byLower = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, key: string, v: string) => {
    const list = m.get(key);
    if (list) list.push(v);
    else m.set(key, [v]);
  };
  for (const v of values) {
    const entry = registry.lookup(v);
    if (entry) add(byShort, entry.short, v);
    const q = v.trim().toLowerCase();
    if (registry.networks.has(q)) add(byNetwork, q, v);
    add(byLower, q, v);
  }
  return (c) => {
    const speaker = speakerOf(c);
    if (!speaker) return [];
    const out = [...(byShort.get(speaker) ?? []), ...(byLower.get(speaker.toLowerCase()) ?? [])];
    if (byNetwork.size > 0) {
      const network = c.sourceNetwork ?? registry.networkOf(speaker);
      if (network) out.push(...(byNetwork.get(network) ?? []));
    }
    return out;
  };
}

/** Memo per speaker and network stated on the claim: a ledger has few of them, and a million claims. */
class BySpeaker<T> {
  private readonly memo = new Map<string, Map<string | null, T>>();
  constructor(private readonly compute: (c: LinkClaim, speaker: string) => T) {}

  of(c: LinkClaim, speaker: string): T {
    let inner = this.memo.get(speaker);
    if (!inner) this.memo.set(speaker, (inner = new Map()));
    const network = c.sourceNetwork ?? null;
    let v = inner.get(network);
    if (v === undefined) inner.set(network, (v = this.compute(c, speaker)));
    return v;
  }
}

/**
 * One claim per speaker and network stated among a fact's claims (what the source facets need of
 * them), kept per claim list: a fact changed is a new object with a list of its own (LiveFacts), so
 * the facts held answer again without walking every claim.
 */
const DISTINCT = new WeakMap<readonly LinkClaim[], readonly LinkClaim[]>();
function distinctSpeakers(claims: readonly LinkClaim[]): readonly LinkClaim[] {
  if (claims.length < 3) return claims;
  let kept = DISTINCT.get(claims);
  if (!kept) {
    const seen = new Map<string, Set<string | null>>();
    const out: LinkClaim[] = [];
    for (const c of claims) {
      const speaker = speakerOf(c);
      if (!speaker) continue;
      let networks = seen.get(speaker);
      if (!networks) seen.set(speaker, (networks = new Set()));
      if (networks.has(c.sourceNetwork ?? null)) continue;
      networks.add(c.sourceNetwork ?? null);
      out.push(c);
    }
    DISTINCT.set(claims, (kept = out));
  }
  return kept;
}

/** The source and network values of a set of claim lists: the names heard, and their networks. */
function sourceFacets(registry: SourceRegistry, items: readonly (readonly LinkClaim[])[], fields: ReadonlySet<string>, limit: number): Record<string, FacetCount[]> {
  const out: Record<string, FacetCount[]> = {};
  const candidates = { source: new Set<string>(), network: new Set<string>() };
  const seen = new BySpeaker<true>((c, speaker) => {
    candidates.source.add(speaker);
    const network = c.sourceNetwork ?? registry.networkOf(speaker);
    if (network) candidates.network.add(network);
    return true;
  });
  const lists = items.map(distinctSpeakers);
  for (const claims of lists) {
    for (const c of claims) {
      const speaker = speakerOf(c);
      if (speaker) seen.of(c, speaker);
    }
  }
  for (const field of ["source", "network"] as const) {
    if (!fields.has(field)) continue;
    const valuesOf = sourceValues(registry, candidates[field]);
    const memo = new BySpeaker<string[]>((c) => valuesOf(c));
    const tally = new Tally();
    for (const claims of lists) {
      const values = new Set<string>();
      for (const c of claims) {
        const speaker = speakerOf(c);
        if (speaker) for (const v of memo.of(c, speaker)) values.add(v);
      }
      tally.add(values.size > 0 ? values : [null]);
    }
    out[field] = tally.top(limit);
  }
  // A network reads as its registry name.
  for (const v of out.network ?? []) {
    const name = v.value === null ? undefined : registry.networks.get(v.value)?.name;
    if (name && name !== v.value) v.label = name;
  }
  return out;
}

/** The facets of some facts (those a filter selected). */
export function factFacets(facts: readonly Fact[], fields: readonly FactFacet[], registry: SourceRegistry, limit = FACET_VALUES): Record<string, FacetCount[]> {
  const asked = new Set<string>(fields);
  const tallies = new Map<string, Tally>([...asked].filter((f) => f !== "source" && f !== "network").map((f) => [f, new Tally()]));
  const valuesOf: Record<string, (f: Fact) => Array<string | null>> = {
    event: (f) => [f.scope.family],
    place: (f) => placesOf(f.scope.place),
    year: (f) => yearsOf(f.scope.period),
    victims: (f) => (f.scope.victims.length > 0 ? f.scope.victims : [null]),
    status: (f) => [f.status],
    language: (f) => languagesOf(f.claims),
  };
  for (const f of facts) for (const [field, tally] of tallies) tally.add(valuesOf[field]?.(f) ?? []);
  const out: Record<string, FacetCount[]> = Object.fromEntries([...tallies].map(([field, tally]) => [field, tally.top(limit)]));
  if (asked.has("source") || asked.has("network")) Object.assign(out, sourceFacets(registry, facts.map((f) => f.claims), asked, limit));
  // A language reads as its name; "not detected" is the null value (the filter's "unknown").
  for (const v of out.language ?? []) if (v.value !== null) v.label = nameOfLanguage(v.value);
  return out;
}

/** The languages of a fact's claims' documents (null for none detected), each once: a few per fact. */
const LANGUAGES = new WeakMap<readonly LinkClaim[], Array<string | null>>();
function languagesOf(claims: readonly LinkClaim[]): Array<string | null> {
  let kept = LANGUAGES.get(claims);
  if (!kept) {
    const seen = new Set<string | null>();
    for (const c of claims) seen.add(c.language ?? null);
    LANGUAGES.set(claims, (kept = [...seen]));
  }
  return kept;
}

/**
 * The facets of the contradictions a filter selected. Their event, places and years are those of
 * the facts they touch that are in the filter's scope (the filter asks one of them to be).
 */
export function conflictFacets(conflicts: readonly Contradiction[], filters: ConflictFilters, fields: readonly ConflictFacet[], linked: Linked, registry: SourceRegistry, limit = FACET_VALUES): Record<string, FacetCount[]> {
  const inScope = scopeTest(filters);
  const asked = new Set<string>(fields);
  const tallies = new Map<string, Tally>([...asked].filter((f) => f !== "source" && f !== "network").map((f) => [f, new Tally()]));
  const valuesOf: Record<string, (con: Contradiction, scopes: Scope[]) => Array<string | null>> = {
    event: (_, scopes) => scopes.map((s) => s.family),
    place: (_, scopes) => scopes.flatMap((s) => placesOf(s.place)),
    year: (_, scopes) => scopes.flatMap((s) => yearsOf(s.period)),
    severity: (con) => [con.severity],
    kind: (con) => [con.kind],
  };
  for (const con of conflicts) {
    const scopes = conflictScopes(con, linked).filter(inScope);
    for (const [field, tally] of tallies) tally.add(valuesOf[field]?.(con, scopes) ?? []);
  }
  const out: Record<string, FacetCount[]> = Object.fromEntries([...tallies].map(([field, tally]) => [field, tally.top(limit)]));
  if (asked.has("source") || asked.has("network")) Object.assign(out, sourceFacets(registry, conflicts.map((con) => claimsOf(con, linked)), asked, limit));
  return out;
}
