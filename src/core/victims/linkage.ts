// Record linkage: blocking keys so that only plausible pairs are compared, pairwise scores, and
// clusters of records (one per person) by union-find, with reviewers' decisions first: a pair
// declared the same is joined whatever its score; a pair declared different is never joined, not
// even through a third record (a merge that would join them is refused and its pair goes to review).
import { comparePrepared, DEFAULT_THRESHOLDS, prepare, type PairScore, type PreparedRecord, type Thresholds } from "./compare.js";
import type { PairDecision, VictimRecord } from "./types.js";

/** What linkage gives. */
export interface Linkage {
  /** Clusters of record ids, one per person: each sorted, the list sorted by its first id. */
  clusters: string[][];
  /** Every compared pair at or above the review threshold (matches and uncertain pairs), best first. */
  pairs: PairScore[];
  /** Pairs for review: uncertain ones, and matches refused because a decision keeps their clusters apart. */
  review: PairScore[];
  /** Pairs compared, and blocks too large to compare whole (their records were compared through their other keys). */
  compared: number;
  oversizedBlocks: number;
}

/** Options of linkage. */
export interface LinkOptions {
  thresholds?: Thresholds;
  decisions?: readonly PairDecision[];
  /** Blocks with more records than this are not compared whole; default 400. */
  maxBlock?: number;
}

/** The blocking keys of a prepared record: the whole name's keys in any order, each pair of its word keys, the joined name. */
export function blockingKeys(p: PreparedRecord): string[] {
  const keys = p.form.keys;
  const out = new Set<string>();
  if (keys.length === 0) return [];
  out.add(`n:${[...keys].sort().join(" ")}`);
  out.add(`j:${p.inOrder}`);
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const [x, y] = [keys[i] as string, keys[j] as string].sort();
      out.add(`p:${x} ${y}`);
      // A spelling slip in one word: the other word whole, this one's first two consonants.
      out.add(`s:${x}|${(y as string).slice(0, 2)}`);
      out.add(`s:${y}|${(x as string).slice(0, 2)}`);
    }
  }
  return [...out];
}

/** Union-find over record indexes that refuses joins across a "different" decision. */
class Clusters {
  private readonly parent: Int32Array;
  private readonly apart = new Map<number, Set<number>>();

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[i] !== r) {
      const next = this.parent[i] as number;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  keepApart(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    this.apartSet(ra).add(rb);
    this.apartSet(rb).add(ra);
  }

  private apartSet(r: number): Set<number> {
    let s = this.apart.get(r);
    if (!s) this.apart.set(r, (s = new Set()));
    return s;
  }

  /** Joins the clusters of a and b unless a decision keeps them apart; false when refused. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return true;
    const sa = this.apart.get(ra);
    if (sa?.has(rb)) return false;
    const sb = this.apart.get(rb);
    if (sb && sb.size > (sa?.size ?? 0)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    const from = this.apart.get(rb);
    if (from) {
      const into = this.apartSet(ra);
      for (const other of from) {
        into.add(other);
        const back = this.apart.get(other);
        back?.delete(rb);
        back?.add(ra);
      }
      this.apart.delete(rb);
    }
    return true;
  }
}

/** Links records into clusters of one person each. */
export function linkRecords(records: readonly VictimRecord[], opts: LinkOptions = {}): Linkage {
  const t = opts.thresholds ?? DEFAULT_THRESHOLDS;
  const maxBlock = opts.maxBlock ?? 400;
  const prepared = records.map(prepare);
  const index = new Map<string, number>();
  prepared.forEach((p, i) => index.set(p.record.id, i));

  const blocks = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const k of blockingKeys(p)) {
      let b = blocks.get(k);
      if (!b) blocks.set(k, (b = []));
      b.push(i);
    }
  });

  const seen = new Set<number>();
  const pairs: PairScore[] = [];
  let compared = 0;
  let oversizedBlocks = 0;
  const n = prepared.length;
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > maxBlock) {
      oversizedBlocks++;
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number;
        const j = members[y] as number;
        const key = i < j ? i * n + j : j * n + i;
        if (seen.has(key)) continue;
        seen.add(key);
        compared++;
        const s = comparePrepared(prepared[i] as PreparedRecord, prepared[j] as PreparedRecord, t);
        if (s.class === "non-match") continue;
        // Two rows of one list are one person only when a reviewer says so.
        if (s.class === "match" && prepared[i]?.record.source === prepared[j]?.record.source) {
          s.class = "uncertain";
          s.reasons.push({ field: "name", points: 0, note: "both rows of one list: for review" });
        }
        pairs.push(s);
      }
    }
  }
  pairs.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));

  const clusters = new Clusters(n);
  const decided = new Set<string>();
  for (const d of opts.decisions ?? []) {
    const i = index.get(d.a);
    const j = index.get(d.b);
    if (i === undefined || j === undefined) continue;
    decided.add(pairKey(d.a, d.b));
    if (!d.same) clusters.keepApart(i, j);
  }
  for (const d of opts.decisions ?? []) {
    const i = index.get(d.a);
    const j = index.get(d.b);
    if (d.same && i !== undefined && j !== undefined) clusters.union(i, j);
  }
  const review: PairScore[] = [];
  for (const p of pairs) {
    if (decided.has(pairKey(p.a, p.b))) continue;
    if (p.class === "uncertain") review.push(p);
    else if (!clusters.union(index.get(p.a) as number, index.get(p.b) as number)) review.push(p);
  }

  const groups = new Map<number, string[]>();
  prepared.forEach((p, i) => {
    const r = clusters.find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(p.record.id);
  });
  const out = [...groups.values()].map((g) => g.sort(byId)).sort((a, b) => byId(a[0] as string, b[0] as string));
  return { clusters: out, pairs, review, compared, oversizedBlocks };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Orders ids with numbers in them naturally ("row:2" before "row:10"). */
export function byId(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
