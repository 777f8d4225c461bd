// Use case: facts from the stored claims. Reads the stored facts (kept current with the ledger by
// fact-sync.ts, linked by src/core/linking with the user's source registry), and answers the questions the CLI and the API ask: which facts, one
// fact side by side, the conflicts that matter most, and a timeline per independent network.
import { randomUUID } from "node:crypto";
import { factId, scopeKey, type Contradiction, type Fact, type LinkResult } from "../core/linking/index.js";
import { LruMap } from "../core/lru-map.js";
import { canonicalPlace, placeContains } from "../core/places.js";
import { FACET_VALUES, type ConflictFacet, type FacetCount, type FactFacet } from "../shared/facets.js";
import type { SourceRegistry } from "../core/sources.js";
import type { EventType, Period } from "../core/types.js";
import type { Store, StoredFacts } from "../store/index.js";
import { assemble } from "./fact-update.js";
import { audienceOf, syncFacts } from "./fact-sync.js";
import { FactViews } from "./fact-presenter.js";
import { LiveFacts } from "./live-facts.js";
import { loadRegistry } from "./registry-file.js";
import { pickTimelineFacts, sumParts, type Timeline, type TimelineRow, type VoiceView } from "./timeline-rows.js";

export type { Timeline, TimelineRow, VoiceView } from "./timeline-rows.js";
import { leadingVoices } from "./timeline-voices.js";
import { byConsequence, factOfClaim, linkedOf, linkedOfView, lookups, OVERVIEWS_KEPT, reasonOf, revisionsWritten, smallest, type Linked, type PlaceFacts } from "./fact-lookups.js";
import { checkEvent, FactsQueryError, type ConflictFilters, type ConflictView, type FactDetail, type FactFilters, type FactPage, type FactSummary, type ScopeOverview, type TimelineQuery } from "./fact-views.js";
import { checkFilters, conflictFacets, conflictMatcher, factFacets, factMatcher } from "./fact-facets.js";

export { FactsQueryError } from "./fact-views.js";
export type { ClaimView, ConflictFilters, ConflictView, FactDetail, FactFilters, FactSummary, ScopeOverview, TimelineQuery } from "./fact-views.js";

/** The questions the server asks of linked facts (of a FactsService here or in a linking thread). */
export type FactsQueries = Pick<FactsService, "listFacts" | "factsPage" | "factFacets" | "getFact" | "conflicts" | "conflictFacets" | "timeline" | "overview" | "factsOfClaims">;

/** What FactStore.load(audience, family) gives, of the facts of every family. */
function ofFamily(all: StoredFacts, family: EventType | undefined): StoredFacts {
  if (family === undefined) return all;
  const facts = all.facts.filter((f) => f.scope.family === family);
  const ids = new Set(facts.map((f) => f.id));
  return {
    version: all.version,
    facts,
    claims: all.claims.filter((r) => ids.has(r.factId)),
    conflicts: all.conflicts.filter((c) => c.contradiction.facts.some((id) => ids.has(id))),
  };
}

/** Facts over the stored claims, linked with a source registry. */
export class FactsService {
  private readonly cache = new Map<string, Promise<Linked>>();
  /** All the reader's facts, when read whole: kept current by refresh(). */
  private view: LiveFacts | null = null;

  /** How the linked facts are shown (their registry's names for networks). */
  private readonly views: FactViews;

  constructor(
    private store: Store,
    private readonly registry: SourceRegistry,
  ) {
    this.views = new FactViews(registry);
  }

  /** Reads through another connection to the same ledger from now on (a linking thread closes its own between refreshes). */
  reconnect(store: Store): void {
    this.store = store;
  }

  /** The service for a store and the registry of a data directory (seed + the user's sources.json). */
  static async open(store: Store, dataDir: string): Promise<FactsService> {
    return new FactsService(store, await loadRegistry(dataDir));
  }

  /** Links the stored claims (of one event family, or all), once per service. */
  private linked(event?: EventType): Promise<Linked> {
    // Facts never span families (linking is partitioned by family), so all claims' facts answer for any family.
    const all = this.cache.get("*");
    if (all) return all;
    const key = event ?? "*";
    let p = this.cache.get(key);
    if (!p) {
      p = this.link(event);
      this.cache.set(key, p);
    }
    return p;
  }

  /**
   * The stored facts (of one event family, or all) as this reader sees them, brought up to date
   * with the ledger first (an update of what changed since they were last synced; fact-sync.ts).
   */
  private async link(event?: EventType): Promise<Linked> {
    const audience = audienceOf(this.store);
    // A full linking done here hands over what it stored: a million rows are not read back.
    let rebuilt: StoredFacts | null = null;
    await syncFacts(this.store, this.registry, { audiences: [audience], rebuilt: (_, facts) => (rebuilt = facts) });
    const loaded = rebuilt ? ofFamily(rebuilt, event) : await this.store.factStore().load(audience, event);
    rebuilt = null;
    if (event !== undefined) return linkedOf(assemble(loaded), loaded.claims);
    this.view = new LiveFacts(loaded);
    return linkedOfView(this.view);
  }

  /**
   * Brings the facts this service holds up to date with the ledger: updates the stored facts, then
   * reads only what changed since they were read (LiveFacts), unless they were rebuilt meanwhile
   * (then all are read again). A server keeps one service per reader and calls this on a change.
   */
  async refresh(): Promise<"current" | "updated" | "reloaded"> {
    const view = this.view;
    const held = this.cache.get("*");
    if (!view || !held) {
      this.cache.clear();
      await this.linked();
      return "reloaded";
    }
    const audience = audienceOf(this.store);
    await syncFacts(this.store, this.registry, { audiences: [audience] });
    const delta = await this.store.factStore().changesSince(audience, view.version);
    if (delta === null) {
      this.view = null;
      this.cache.clear();
      await this.linked();
      return "reloaded";
    }
    if (delta.version === view.version) return "current";
    // The ranking of the facts held is updated, not redone: the contradictions changed or removed are placed again.
    const before = (await held).lookups;
    view.apply(delta);
    const conflicts = new Set([...delta.droppedConflicts, ...delta.conflicts.map((c) => c.contradiction.id)]);
    this.cache.clear();
    this.cache.set("*", Promise.resolve(linkedOfView(view, before ? { lookups: before, conflicts } : undefined)));
    return "updated";
  }

  /** Merges facts by hand: the claims of `from` join the fact `into` (same event family only). Returns the claims moved. */
  async mergeFacts(into: string, from: readonly string[], actor: Store = this.store): Promise<number[]> {
    const { facts } = await this.linked();
    const target = facts.get(into);
    if (!target) throw new FactsQueryError(`no fact ${into}`);
    const claimIds: number[] = [];
    for (const id of from) {
      if (id === into) continue;
      const f = facts.get(id);
      if (!f) throw new FactsQueryError(`no fact ${id}`);
      if (f.scope.family !== target.scope.family) throw new FactsQueryError(`fact ${id} counts ${f.scope.family}s, fact ${into} counts ${target.scope.family}s: only facts about the same kind of event can be merged`);
      for (const c of f.claims) claimIds.push(Number(c.id));
    }
    if (claimIds.length === 0) throw new FactsQueryError("name at least one other fact to merge");
    const { family, place, period, victims, split, combined } = target.scope;
    await actor.setFactOverride(claimIds, { kind: "merge", scope: { family, place, period, victims, ...(split ? { split } : {}), ...(combined ? { combined } : {}) } });
    return claimIds;
  }

  /** Splits claims out of a fact by hand into a fact of their own; returns the new fact's id once relinked. */
  async splitFact(id: string, claimIds: readonly number[], actor: Store = this.store): Promise<string> {
    const { facts } = await this.linked();
    const fact = facts.get(id);
    if (!fact) throw new FactsQueryError(`no fact ${id}`);
    const own = new Set(fact.claims.map((c) => c.id));
    const stray = claimIds.filter((c) => !own.has(String(c)));
    if (stray.length > 0) throw new FactsQueryError(`claim${stray.length > 1 ? "s" : ""} ${stray.join(", ")} ${stray.length > 1 ? "are" : "is"} not part of fact ${id}`);
    if (claimIds.length === 0 || claimIds.length >= own.size) throw new FactsQueryError("split out some of the fact's claims, not none or all");
    const tag = `split-${randomUUID().slice(0, 8)}`;
    const { family, place, period, victims, combined } = fact.scope;
    const kept = combined ? { combined } : {};
    await actor.setFactOverride(claimIds, { kind: "split", tag, scope: { family, place, period, victims, ...kept } });
    return factId(scopeKey({ family, place, period, victims, split: tag, ...kept }));
  }

  /** How many claims the facts held count (how large a linking is, for the server). */
  async claimCount(): Promise<number> {
    return (await this.linked()).claims.size;
  }

  /** The whole linking result (facts, contradictions, revisions), every reason written out (lists of their own when they were held as codes). */
  async linkResult(): Promise<LinkResult> {
    const linked = await this.linked();
    const { facts, contradictions, revisions } = linked.result;
    return { facts, contradictions: contradictions.map((c) => ({ ...c, reason: reasonOf(linked, c) })), revisions: revisionsWritten(linked, revisions) };
  }

  /** Links now (if not yet) and builds the lookups that answers use, so that no request waits for them. */
  async prepare(): Promise<void> {
    lookups(await this.linked());
  }

  /** The fact each of the given claims is counted in (claims in no fact are left out). */
  async factsOfClaims(claimIds: readonly string[]): Promise<Record<string, string>> {
    const map = factOfClaim(await this.linked());
    const out: Record<string, string> = {};
    for (const id of claimIds) {
      const f = map.get(id);
      if (f !== undefined) out[id] = f;
    }
    return out;
  }

  /** Facts matching the filters, in a stable order (event, place, period, victims). */
  async listFacts(filters: FactFilters = {}): Promise<FactSummary[]> {
    return (await this.matchingFacts(filters)).map((f) => this.views.summary(f));
  }

  /**
   * A page of the facts of the filter, and how many match: in scope order (as listFacts), or the
   * facts of the most consequential conflicts first (their rank in `conflicts()`), then those with
   * more contradictions, then by description.
   */
  async factsPage(filters: FactFilters, page: FactPage = {}): Promise<{ total: number; facts: FactSummary[] }> {
    const matching = await this.matchingFacts(filters);
    const offset = page.offset ?? 0;
    const end = page.limit === undefined ? undefined : offset + page.limit;
    if (page.order !== "consequential") return { total: matching.length, facts: matching.slice(offset, end).map((f) => this.views.summary(f)) };
    const { ranked } = lookups(await this.linked());
    const rank = new Map<string, number>();
    ranked.forEach((con, i) => {
      for (const id of con.facts) if (!rank.has(id)) rank.set(id, i);
    });
    const summaries = matching.map((f) => this.views.summary(f));
    summaries.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || b.contradictions - a.contradictions || a.description.localeCompare(b.description));
    return { total: matching.length, facts: summaries.slice(offset, end) };
  }

  /** For each field, its values among every fact of the filter and how many facts have each, most first. */
  async factFacets(filters: FactFilters, fields: readonly FactFacet[], limit = FACET_VALUES): Promise<Record<string, FacetCount[]>> {
    return factFacets(await this.matchingFacts(filters), fields, this.registry, limit);
  }

  private async matchingFacts(filters: FactFilters): Promise<Fact[]> {
    checkFilters(filters);
    const { result } = await this.linked(filters.event);
    return result.facts.filter(factMatcher(filters, filters.source ? this.views.sourceMatcher(filters.source) : null));
  }

  /** One fact by id (or a unique prefix of it), with its claims side by side; null when unknown. */
  async getFact(id: string): Promise<FactDetail | null> {
    const linked = await this.linked();
    let fact = linked.facts.get(id);
    if (!fact && id.length >= 6) {
      const matches = linked.result.facts.filter((f) => f.id.startsWith(id));
      if (matches.length > 1) throw new FactsQueryError(`"${id}" matches ${matches.length} facts; give more of the id`);
      fact = matches[0];
    }
    if (!fact) return null;
    const f = fact;
    const summaryOf = (fid: string | null) => {
      const other = fid ? linked.facts.get(fid) : undefined;
      return other ? this.views.summary(other) : null;
    };
    return {
      ...this.views.summary(f),
      rule: f.rule,
      claimViews: [...f.claims]
        .sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || Number(a.id) - Number(b.id))
        .map((c) => this.views.claimView(c, f, linked)),
      conflicts: f.contradictionIds
        .flatMap((cid) => {
          const con = linked.contradictions.get(cid);
          return con ? [this.views.conflictView(con, linked)] : [];
        })
        .sort(byConsequence),
      revisions: revisionsWritten(linked, lookups(linked).revisions.get(f.id) ?? []),
      parent: summaryOf(f.parentId),
      childFacts: f.children.flatMap((cid) => {
        const s = summaryOf(cid);
        return s ? [s] : [];
      }),
    };
  }

  /** The contradictions of the filter (every one without), most consequential first (RANKING_RULE: independence, precise scope, sourcing, relative gap). */
  async conflicts(filters: ConflictFilters = {}): Promise<ConflictView[]> {
    const { linked, ranked } = await this.matchingConflicts(filters);
    return ranked.map((c) => this.views.conflictView(c, linked));
  }

  /** For each field, its values among every contradiction of the filter and how many have each, most first. */
  async conflictFacets(filters: ConflictFilters, fields: readonly ConflictFacet[], limit = FACET_VALUES): Promise<Record<string, FacetCount[]>> {
    const { linked, ranked } = await this.matchingConflicts(filters);
    return conflictFacets(ranked, filters, fields, linked, this.registry, limit);
  }

  private async matchingConflicts(filters: ConflictFilters): Promise<{ linked: Linked; ranked: Contradiction[] }> {
    checkFilters(filters);
    const linked = await this.linked();
    const { ranked } = lookups(linked);
    if (Object.values(filters).every((v) => v === undefined)) return { linked, ranked };
    return { linked, ranked: ranked.filter(conflictMatcher(filters, linked, filters.source ? this.views.sourceMatcher(filters.source) : null)) };
  }

  /**
   * The overview of one event and place: how many facts (about the place or places inside it)
   * and independent voices, the yearly timeline, and the contradictions touching those facts with
   * the `limit` most consequential spelled out (in the order of `conflicts()`).
   */
  async overview(event: EventType, place: string, limit = 10): Promise<ScopeOverview> {
    checkEvent(event);
    const linked = await this.linked(event);
    const where = canonicalPlace(place);
    const key = `${event}\u0000${where}\u0000${limit}`;
    const kept = (linked.overviews ??= new LruMap(OVERVIEWS_KEPT)).get(key);
    if (kept) return kept;
    const answer = await this.scopeOverview(linked, event, place, where, limit);
    linked.overviews.set(key, answer);
    return answer;
  }

  private async scopeOverview(linked: Linked, event: EventType, place: string, where: string, limit: number): Promise<ScopeOverview> {
    const { byPlace, ranked } = lookups(linked);
    const inside = [...(byPlace.get(event) ?? new Map<string, PlaceFacts>()).entries()].filter(([p]) => placeContains(where, p)).map(([, facts]) => facts);
    const voices = new Set(inside.flatMap((p) => [...p.voices]));
    // One place's contradictions, or those of several without counting one twice.
    const conflicts = inside.length === 1 ? (inside[0] as PlaceFacts).conflicts : new Set(inside.flatMap((p) => [...p.conflicts]));
    return {
      facts: inside.reduce((n, p) => n + p.facts, 0),
      voices: voices.size,
      timeline: await this.timeline({ event, place, by: "year" }),
      conflictCount: conflicts.size,
      conflicts: smallest(conflicts, limit).flatMap((r) => {
        const con = ranked[r];
        return con ? [this.views.conflictView(con, linked)] : [];
      }),
    };
  }

  /**
   * The facts of one event and place (all victims unless given) for whole calendar years or
   * months, oldest first, with each independent voice's figure and the fact's low/best/high. The
   * place is matched case-insensitively and through the gazetteer's aliases; `parts: "show"` adds
   * rows for the places inside it, `parts: "sum"` adds to each period the sum of its parts (and a
   * row for periods that only parts speak of).
   */
  async timeline(query: TimelineQuery): Promise<Timeline> {
    checkEvent(query.event);
    const by = query.by ?? "year";
    const parts = query.parts ?? "none";
    const place = canonicalPlace(query.place);
    const victims = [...(query.victims ?? [])].sort().join("+");
    const linked = await this.linked(query.event);
    const rows: TimelineRow[] = [];
    const seen = new Map<string, { label: string; n: number }>();
    const rowOf = (f: Fact, p: Period, part: boolean): TimelineRow => {
      const voices: Record<string, VoiceView> = {};
      for (const v of f.voices) {
        const view = this.views.voiceView(v);
        voices[v.id] = view;
        const s = seen.get(v.id);
        seen.set(v.id, { label: view.networkName ?? view.label, n: (s?.n ?? 0) + 1 });
      }
      const row: TimelineRow = {
        period: p,
        label: by === "year" ? p.start.slice(0, 4) : p.start.slice(0, 7),
        factId: f.id,
        low: f.low,
        best: f.best,
        high: f.high,
        highIsMinimum: f.highIsMinimum,
        status: f.status,
        voices,
      };
      if (part) row.place = f.scope.place as string;
      return row;
    };
    const pick = pickTimelineFacts(lookups(linked).byFamily.get(query.event) ?? [], place, victims, by, parts);
    const ownPeriods = new Set<string>();
    for (const f of pick.own) {
      const p = f.scope.period as Period;
      ownPeriods.add(p.start);
      const row = rowOf(f, p, false);
      const inside = pick.parts.get(p.start);
      if (parts === "sum" && inside) row.partsSum = sumParts(inside);
      rows.push(row);
    }
    for (const [start, inside] of pick.parts) {
      if (parts === "show") for (const f of inside) rows.push(rowOf(f, f.scope.period as Period, true));
      else if (parts === "sum" && !ownPeriods.has(start)) {
        const sum = sumParts(inside);
        const p = inside[0]?.scope.period as Period;
        rows.push({
          period: p, label: by === "year" ? p.start.slice(0, 4) : p.start.slice(0, 7), factId: null,
          low: sum.low, best: sum.best, high: sum.high, highIsMinimum: false, status: "sum_of_parts", voices: {}, partsSum: sum,
        });
      }
    }
    rows.sort((a, b) => a.period.start.localeCompare(b.period.start) || (a.place ?? "").localeCompare(b.place ?? ""));
    const voices = [...seen.entries()]
      .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
      .map(([id, s]) => ({ id, label: s.label }));
    const all: Timeline = { event: query.event, place, by, voices, hiddenVoices: 0, rows };
    return query.voices === undefined ? all : leadingVoices(all, query.voices);
  }
}
