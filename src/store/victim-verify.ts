// `audit verify` over the victim tables: each list (with a digest of its rows), each document's
// mentions, the registry (people, who belongs to whom, pairs for review) and each decision against
// the last state the audit trail recorded of it, so that an edit made outside Tally is named.
import type { Kysely } from "kysely";
import { canonicalJson } from "./audit-chain.js";
import type { Database } from "./schema.js";
import type { AuditProblem } from "./contracts/audit.js";
import { decisionState, listState, mentionsState, registryState, type VictimDb } from "./victim-rows.js";

interface Recorded {
  state: Record<string, unknown> | null;
  seq: number;
}

/** Checks the victim tables against the trail; adds a problem for each difference. */
export async function checkVictimTables(base: Kysely<Database>, add: (p: AuditProblem) => void): Promise<void> {
  const db = base as unknown as VictimDb;
  const a = base as unknown as Kysely<{ audit_events: { seq: number; object_type: string; object_id: string; after: string | null } }>;
  const last = new Map<string, Recorded>();
  for (let after = 0; ; ) {
    const rows = await a.selectFrom("audit_events").select(["seq", "object_type", "object_id", "after"]).where("object_type", "like", "victim%").where("seq", ">", after).orderBy("seq").limit(2000).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      after = Number(r.seq);
      last.set(`${r.object_type}/${r.object_id}`, { state: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>), seq: Number(r.seq) });
    }
  }
  const differs = (recorded: Recorded | undefined, state: Record<string, unknown> | null, what: string, keys?: string[]) => {
    if (!recorded?.state) {
      if (state) add({ message: `${what}: no audit event records it (inserted outside Tally?)` });
      return;
    }
    if (!state) return add({ seq: recorded.seq, message: `${what}: recorded by event ${recorded.seq} but no longer stored (deleted?)` });
    const k = keys ?? Object.keys(state);
    if (k.some((key) => canonicalJson(state[key]) !== canonicalJson(recorded.state?.[key]))) add({ seq: recorded.seq, message: `${what}: differs from what event ${recorded.seq} recorded (edited?)` });
  };

  const lists = (await db.selectFrom("victim_lists").select("id").execute()).map((l) => Number(l.id));
  for (const id of lists) differs(last.get(`victim_list/${id}`), await listState(db, id), `victim_lists row ${id} (or its victim_rows)`);
  for (const [key, r] of last) if (key.startsWith("victim_list/") && r.state && !lists.includes(Number(key.slice(12)))) differs(r, null, `victim_lists row ${key.slice(12)}`);
  const orphans = await db.selectFrom("victim_rows").select("id").where("list_id", "not in", db.selectFrom("victim_lists").select("id")).limit(3).execute();
  for (const o of orphans) add({ message: `victim_rows row ${o.id}: belongs to no list (inserted outside Tally?)` });

  const docs = new Set((await db.selectFrom("victim_mentions").select("document_id").distinct().execute()).map((d) => Number(d.document_id)));
  for (const [key] of last) if (key.startsWith("victim_mentions/")) docs.add(Number(key.slice(16)));
  for (const id of docs) {
    const state = await mentionsState(db, id);
    const recorded = last.get(`victim_mentions/${id}`);
    if (!recorded && state.mentions === 0) continue;
    differs(recorded, state, `victim_mentions of document ${id}`);
  }

  const registry = await registryState(db);
  const recorded = last.get("victim_registry/registry");
  if (recorded || registry.persons !== 0) differs(recorded, registry, "victim_persons, victim_pairs or the people of victim_rows and victim_mentions", ["persons", "digest"]);

  const decisions = await db.selectFrom("victim_decisions").selectAll().orderBy("id").execute();
  const seen = new Set<number>();
  for (const d of decisions) {
    seen.add(Number(d.id));
    differs(last.get(`victim_decision/${d.id}`), decisionState(d), `victim_decisions row ${d.id}`);
  }
  for (const [key, r] of last) if (key.startsWith("victim_decision/") && !seen.has(Number(key.slice(16)))) differs(r, null, `victim_decisions row ${key.slice(16)}`);
}
