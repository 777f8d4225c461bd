// `audit verify` over the stored facts (derived data, like the claim tallies): a direct edit of
// fact_rows, fact_claims, fact_conflicts, fact_conflict_facts, fact_drops or fact_state is found and named.
// What the store can check without the source registry: each counted claim's snapshot against the
// claim itself; each fact's columns against its JSON, its voices' figures against their claims and
// its low/best/high against the estimate of its voices; each contradiction's id against its claims,
// and its facts and claims against the stored ones; the state against the audit trail's head; the
// versions that wrote and removed rows against the facts' version (readers follow changes by them).
// (`tally facts rebuild` recomputes everything from the claims.)
import type { Kysely } from "kysely";
import { estimate } from "../core/linking/estimate.js";
import { hashKey } from "../core/linking/hash.js";
import type { AuditProblem } from "./contracts/audit.js";
import type { ConflictRecord, FactClaimRecord, StoredFact } from "./fact-store.js";
import type { Database } from "./schema.js";

const PAGE = 5000;

/** Adds a problem for each stored fact, counted claim or contradiction that its sources do not bear out. */
export async function checkFactTables(db: Kysely<Database>, headSeq: number, add: (p: AuditProblem) => void): Promise<void> {
  // Facts behind the trail's head are replaced by the next update: their claims may differ from the ledger's until then.
  const current = new Set<string>();
  /** Each audience's version: no row was written or removed by a later one (readers follow changes by it). */
  const versions = new Map<string, number>();
  for (const s of await db.selectFrom("fact_state").selectAll().execute()) {
    if (Number(s.synced_seq) > headSeq) add({ message: `fact_state row ${s.audience}: follows audit event ${s.synced_seq}, past the trail's head ${headSeq}` });
    if (Number(s.synced_seq) === headSeq) current.add(s.audience);
    versions.set(s.audience, Number(s.version));
    if (Number(s.rebuilt) > Number(s.version)) add({ message: `fact_state row ${s.audience}: rebuilt at version ${s.rebuilt}, past its version ${s.version}` });
  }
  const pastVersion = (audience: string, changed: number) => changed > (versions.get(audience) ?? 0);
  // Counted claims against the claims (read page by page), remembered per fact.
  const members = new Map<string, Map<string, FactClaimRecord>>();
  for (let after = { audience: "", claim: "" }; ; ) {
    const rows = await db
      .selectFrom("fact_claims as fc")
      .leftJoin("claims as c", (j) => j.on((eb) => eb("c.id", "=", eb.cast<number>("fc.claim_id", "integer"))))
      .select(["fc.audience", "fc.claim_id", "fc.fact_id", "fc.document_id", "fc.data", "c.id as cid", "c.document_id as cdoc", "c.count", "c.qualifier", "c.event", "c.period_start", "c.period_end"])
      .where((eb) => eb.or([eb("fc.audience", ">", after.audience), eb.and([eb("fc.audience", "=", after.audience), eb("fc.claim_id", ">", after.claim)])]))
      .orderBy("fc.audience")
      .orderBy("fc.claim_id")
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      after = { audience: r.audience, claim: r.claim_id };
      const name = `fact_claims row ${r.audience}/${r.claim_id}`;
      let rec: FactClaimRecord;
      try {
        rec = JSON.parse(r.data) as FactClaimRecord;
      } catch {
        add({ message: `${name}: not readable` });
        continue;
      }
      const c = rec.claim;
      if (!current.has(r.audience)) {
        // Behind the head: only the claim's identity is checked.
        if (c.id !== r.claim_id || rec.factId !== r.fact_id || c.documentId !== r.document_id) add({ message: `${name}: differs from the claim it names` });
      } else if (r.cid === null) add({ message: `${name}: counts a claim the ledger does not hold` });
      else if (
        c.id !== r.claim_id || rec.factId !== r.fact_id || c.documentId !== r.document_id || String(r.cdoc) !== r.document_id ||
        c.count !== Number(r.count) || c.qualifier !== r.qualifier || (c.period?.start ?? null) !== r.period_start || (c.period?.end ?? null) !== r.period_end ||
        !(c.event === r.event)
      ) add({ message: `${name}: differs from claim ${r.claim_id} (rebuild the facts: tally facts rebuild)` });
      const key = `${r.audience}|${r.fact_id}`;
      let m = members.get(key);
      if (!m) members.set(key, (m = new Map()));
      m.set(r.claim_id, rec);
    }
  }
  const facts = new Set<string>();
  const changedAt = new Map<string, number>();
  for (let after = { audience: "", id: "" }; ; ) {
    const rows = await db
      .selectFrom("fact_rows")
      .selectAll()
      .where((eb) => eb.or([eb("audience", ">", after.audience), eb.and([eb("audience", "=", after.audience), eb("id", ">", after.id)])]))
      .orderBy("audience")
      .orderBy("id")
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      after = { audience: r.audience, id: r.id };
      facts.add(`${r.audience}|${r.id}`);
      changedAt.set(`${r.audience}|${r.id}`, Number(r.changed));
      const problem = pastVersion(r.audience, Number(r.changed))
        ? `written by version ${r.changed}, past the facts' version ${versions.get(r.audience) ?? 0}`
        : checkFact(r, members.get(`${r.audience}|${r.id}`) ?? new Map());
      if (problem) add({ message: `fact_rows row ${r.audience}/${r.id}: ${problem}` });
    }
  }
  for (const key of members.keys()) if (!facts.has(key)) add({ message: `fact_claims rows of ${key.replace("|", "/")}: count claims in a fact that is not stored` });
  const links = new Map<string, Set<string>>();
  for (const r of await db.selectFrom("fact_conflict_facts").selectAll().execute()) {
    const key = `${r.audience}|${r.conflict_id}`;
    let set = links.get(key);
    if (!set) links.set(key, (set = new Set()));
    set.add(r.fact_id);
  }
  for (const r of await db.selectFrom("fact_conflicts").selectAll().execute()) {
    const name = `fact_conflicts row ${r.audience}/${r.id}`;
    const key = `${r.audience}|${r.id}`;
    let con: ConflictRecord["contradiction"];
    try {
      con = JSON.parse(r.data) as ConflictRecord["contradiction"];
    } catch {
      add({ message: `${name}: not readable` });
      continue;
    }
    const linked = links.get(key) ?? new Set<string>();
    links.delete(key);
    changedAt.set(`conflict|${key}`, Number(r.changed));
    if (pastVersion(r.audience, Number(r.changed))) {
      add({ message: `${name}: written by version ${r.changed}, past the facts' version ${versions.get(r.audience) ?? 0}` });
      continue;
    }
    const claimsKnown = (con.claims ?? []).every((id) => [...(con.facts ?? [])].some((f) => members.get(`${r.audience}|${f}`)?.has(id)));
    if (con.id !== r.id || con.kind !== r.kind || r.id !== `con_${hashKey(`${con.kind}|${[...(con.claims ?? [])].sort().join(",")}`)}`) add({ message: `${name}: its id, kind or claims differ` });
    else if (!(con.facts ?? []).every((f) => facts.has(`${r.audience}|${f}`)) || !claimsKnown) add({ message: `${name}: names facts or claims that are not stored` });
    else if (linked.size !== con.facts.length || !con.facts.every((f) => linked.has(f))) add({ message: `${name}: its fact_conflict_facts rows differ from its facts` });
  }
  for (const key of links.keys()) add({ message: `fact_conflict_facts rows of ${key.replace("|", "/")}: name a contradiction that is not stored` });
  // A removal is later than what it removed, and no later than the facts' version; a row stored
  // now was written after its last removal (else a reader following the changes would drop it).
  for (const r of await db.selectFrom("fact_drops").selectAll().execute()) {
    const name = `fact_drops row ${r.audience}/${r.kind}/${r.id}`;
    const stored = changedAt.get(r.kind === "fact" ? `${r.audience}|${r.id}` : `conflict|${r.audience}|${r.id}`);
    if (pastVersion(r.audience, Number(r.changed))) add({ message: `${name}: removed by version ${r.changed}, past the facts' version ${versions.get(r.audience) ?? 0}` });
    else if (stored !== undefined && stored <= Number(r.changed)) add({ message: `${name}: removes a ${r.kind === "fact" ? "fact" : "contradiction"} that is stored` });
  }
}

/** What is wrong with a stored fact, or null. */
function checkFact(r: Database["fact_rows"], members: Map<string, FactClaimRecord>): string | null {
  let f: StoredFact;
  try {
    f = JSON.parse(r.data) as StoredFact;
  } catch {
    return "not readable";
  }
  const s = f.scope;
  if (f.id !== r.id || f.key !== r.key || s.family !== r.family || s.place !== r.place || (s.period?.start ?? null) !== r.period_start ||
    (s.period?.end ?? null) !== r.period_end || s.victims.join("+") !== r.victims || f.status !== r.status) return "its columns differ from the fact it stores";
  if (members.size === 0) return "counts no claim";
  for (const v of f.voices) {
    const fig = members.get(v.figureClaimId)?.claim;
    if (!fig || fig.count !== v.count || fig.qualifier !== v.qualifier || !v.claimIds.every((id) => members.has(id))) return `voice ${v.label}: its figure is not that of its claims`;
  }
  const e = estimate(f.voices);
  if (e.low !== f.low || e.best !== f.best || e.high !== f.high || e.highIsMinimum !== f.highIsMinimum || e.bestRule !== f.bestRule) return "its low / best / high are not those of its voices";
  return null;
}
