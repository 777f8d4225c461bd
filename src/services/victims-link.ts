// Linking every stored victim record (list rows and mentions) into the registry of unique people,
// and reviewers' decisions on pairs, which the next linkage obeys (a "different" splits a merge;
// undoing the decision and linking again restores it).
import { linkRecords } from "../core/victims/linkage.js";
import type { VictimRecord } from "../core/victims/types.js";
import { Invalid } from "../shared/errors.js";
import type { Store } from "../store/index.js";
import type { VictimDecision } from "../store/victim-store.js";
import type { DecideSettings, LinkOutput, LinkSettings } from "./victims-schemas.js";

/** Links every record (restricted ones too: the registry is one) and writes the people (input checked by the use case). */
export async function linkVictims(store: Store, input: LinkSettings): Promise<LinkOutput> {
  if (input.review > input.match) throw new Invalid(`the review threshold (${input.review}) is above the match threshold (${input.match})`, "review");
  const started = performance.now();
  const victims = store.withAccess({ restricted: true }).victimStore();
  const rows = await victims.records();
  const records: VictimRecord[] = rows.map((r) => ({ id: r.key, source: r.source, name: r.name, age: r.age, sex: r.sex, place: r.place, date: r.date, event: r.event }));
  const decisions = (await victims.decisions()).map((d) => ({ a: d.a, b: d.b, same: d.same }));
  const linkage = linkRecords(records, { thresholds: { match: input.match, review: input.review }, decisions });
  const changes = await victims.writeLinkage({ clusters: linkage.clusters, review: linkage.review });
  return {
    records: records.length, persons: changes.persons, compared: linkage.compared, review: linkage.review.length, created: changes.created,
    merges: changes.merges, splits: changes.splits, removed: changes.removed, seconds: (performance.now() - started) / 1000,
  };
}

/** Records a decision on a pair of records; both must be stored (input checked by the use case). */
export async function decideVictimPair(store: Store, input: DecideSettings): Promise<VictimDecision> {
  if (input.a === input.b) throw new Invalid("a decision is about two different records", "b");
  const keys = new Set((await store.victimStore().records()).map((r) => r.key));
  for (const k of [input.a, input.b]) if (!keys.has(k)) throw new Invalid(`no victim record ${k}`, "a");
  return store.victimStore().decide(input.a, input.b, input.same, input.reason);
}
