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
  // Candidates by place, victims and year: a parent whose period lies within one calendar year
  // shares its child's first year; parents spanning years (or undated) are kept under "*".
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
    f.parentId = null;
    f.children = [];
  }
  const byId = new Map(facts.map((f) => [f.id, f]));
  for (const f of facts) {
    const victimKeys = [...new Set([f.scope.victims.join("+"), ""])];
    let best: Fact | null = null;
    let bestRank: number[] = [];
    const chain = placeChain(f.scope.place);
    for (let distance = 0; distance < chain.length; distance++) {
      const place = chain[distance] ?? null;
      for (let vi = 0; vi < victimKeys.length; vi++) {
        const base = `${place ?? ""}|${victimKeys[vi] ?? ""}|`;
        const year = f.scope.period ? f.scope.period.start.slice(0, 4) : "*";
        const candidates = year === "*" ? (index.get(`${base}*`) ?? []) : [...(index.get(base + year) ?? []), ...(index.get(`${base}*`) ?? [])];
        for (const p of candidates) {
          if (p === f || p.scope.part || !periodContains(p.scope.period, f.scope.period)) continue;
          // The same scope is a parent only of the breakdown ("32 of them") taken from its figures.
          const same = distance === 0 && vi === 0 && periodKey(p.scope.period) === periodKey(f.scope.period);
          if (same && !f.scope.part) continue;
          const rank = [distance, periodDays(p.scope.period), vi];
          if (!best || lessRank(rank, bestRank)) {
            best = p;
            bestRank = rank;
          }
        }
      }
    }
    const chosen: Fact | null = best;
    if (chosen) f.parentId = chosen.id;
  }
  for (const f of facts) {
    if (f.parentId) byId.get(f.parentId)?.children.push(f.id);
  }
  for (const f of facts) f.children.sort();
}

function lessRank(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}
