// Nesting of facts: monthly figures under the year, a province under its country, a victim
// group under all victims. Each fact gets its smallest containing fact as parent.
import { periodContains, periodDays, placeChain, periodKey } from "./scope.js";
import type { Fact } from "./types.js";

/**
 * Sets parentId and children on facts of one partition. The parent is the containing fact
 * (same family; place, period and victims the same or wider, one of them strictly) at the
 * nearest place, then with the shortest period, then with the same victims. A breakdown's
 * figures ("including 6 women") sit under the fact of the same scope they break down.
 */
export function nestFacts(facts: Fact[]): void {
  for (const f of facts) {
    f.parentId = null;
    f.children = [];
  }
  const parentOf = parentFinder(facts);
  const byId = new Map(facts.map((f) => [f.id, f]));
  for (const f of facts) f.parentId = parentOf(f)?.id ?? null;
  for (const f of facts) {
    if (f.parentId) byId.get(f.parentId)?.children.push(f.id);
  }
  for (const f of facts) f.children.sort();
}

/**
 * A lookup of the parent of a fact among `facts` (see nestFacts), through an index of them by
 * place, victims and year: a parent whose period lies within one calendar year shares its child's
 * first year; parents spanning years (or undated) are kept under "*".
 */
export function parentFinder(facts: readonly Fact[]): (f: Fact) => Fact | null {
  const index = new Map<string, Fact[]>();
  const yearOf = (f: Fact) => {
    const p = f.scope.period;
    return p && p.start.slice(0, 4) === p.end.slice(0, 4) ? p.start.slice(0, 4) : "*";
  };
  for (const f of facts) {
    const k = `${f.scope.place ?? ""}|${f.scope.victims.join("+")}|${yearOf(f)}`;
    const list = index.get(k);
    if (list) list.push(f);
    else index.set(k, [f]);
  }
  return (f) => {
    const year = f.scope.period ? f.scope.period.start.slice(0, 4) : "*";
    const candidates: Fact[] = [];
    for (const place of placeChain(f.scope.place)) {
      for (const victims of new Set([f.scope.victims.join("+"), ""])) {
        const base = `${place ?? ""}|${victims}|`;
        if (year !== "*") for (const p of index.get(base + year) ?? []) candidates.push(p);
        for (const p of index.get(`${base}*`) ?? []) candidates.push(p);
      }
    }
    return chooseParent(f, candidates);
  };
}

/**
 * How near a containing fact is as a parent of `f` ([place distance, period length, victims
 * distance]), or null when it cannot be its parent. Same family and country are the caller's.
 */
export function parentRank(f: Fact, p: Fact, chain: readonly (string | null)[] = placeChain(f.scope.place)): number[] | null {
  if (p === f || p.id === f.id || p.scope.part || p.scope.family !== f.scope.family || !p.scope.combined !== !f.scope.combined || !periodContains(p.scope.period, f.scope.period)) return null;
  const distance = chain.indexOf(p.scope.place);
  if (distance < 0) return null;
  const own = f.scope.victims.join("+");
  const theirs = p.scope.victims.join("+");
  const vi = theirs === own ? 0 : theirs === "" ? 1 : -1;
  if (vi < 0) return null;
  // The same scope is a parent only of the breakdown ("32 of them") taken from its figures.
  const same = distance === 0 && vi === 0 && periodKey(p.scope.period) === periodKey(f.scope.period);
  if (same && !f.scope.part) return null;
  return [distance, periodDays(p.scope.period), vi];
}

/** The parent of `f` among candidates (any order): the nearest by parentRank, then the smaller id. */
export function chooseParent(f: Fact, candidates: Iterable<Fact>): Fact | null {
  let best: Fact | null = null;
  let bestRank: number[] = [];
  const chain = placeChain(f.scope.place);
  for (const p of candidates) {
    const rank = parentRank(f, p, chain);
    if (!rank) continue;
    if (!best || lessRank(rank, bestRank) || (!lessRank(bestRank, rank) && p.id < best.id)) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}

function lessRank(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}
