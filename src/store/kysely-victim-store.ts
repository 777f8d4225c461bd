// VictimStore over the store's database (SQLite or PostgreSQL). Every write is one audited
// transaction: lists and mentions record a digest of their rows, linkage records its merges,
// splits and removals with a digest of the registry, decisions record themselves.
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from "kysely";
import { Conflict, NotFound } from "../shared/errors.js";
import { auditedWrite } from "./audited.js";
import type { PendingEvent } from "./audit-append.js";
import type { Database, DialectName } from "./schema.js";
import type { Access, WriteOptions } from "./contracts/common.js";
import { chunks, decisionState, replaceDocumentMentions, listEvent, mentionRecord, mentionsEvent, registryEvent, rowRecord, setColumnById, type VictimDatabase, type VictimDb } from "./victim-rows.js";
import type {
  LinkageChanges, LinkageWrite, NewVictimList, NewVictimMention, StoredPerson, StoredVictimList, VictimDecision, VictimPair, VictimRecordFilter, VictimRecordRow, VictimStore,
} from "./victim-store.js";

export class KyselyVictimStore implements VictimStore {
  private readonly db: VictimDb;

  constructor(
    private readonly base: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly actor: string,
    private readonly access: Access,
  ) {
    this.db = base as unknown as VictimDb;
  }

  private write<T>(opts: WriteOptions | undefined, fn: (trx: VictimDb) => Promise<{ result: T; events: PendingEvent[] }>): Promise<T> {
    return auditedWrite(this.base, this.dialect, opts?.actor ?? this.actor, (trx) => fn(trx as unknown as VictimDb));
  }

  async createList(list: NewVictimList, opts?: WriteOptions): Promise<StoredVictimList> {
    const id = await this.write(opts, async (trx) => {
      if (await trx.selectFrom("victim_lists").select("id").where("name", "=", list.name).executeTakeFirst()) throw new Conflict(`a victim list named "${list.name}" exists already`, "source");
      const inserted = await trx
        .insertInto("victim_lists")
        .values({ name: list.name, source: list.source, network: list.network, depends_on: JSON.stringify(list.dependsOn), document_id: list.documentId, mapping: JSON.stringify(list.mapping), imported_at: new Date().toISOString(), restricted: list.restricted ? 1 : 0 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const listId = Number(inserted.id);
      for (const part of chunks(list.rows)) {
        await trx
          .insertInto("victim_rows")
          .values(part.map((r) => ({ list_id: listId, line: r.line, name: r.name, age: r.age, sex: r.sex, place: r.place, date: r.date, event: r.event, occupation: r.occupation, ethnicity: r.ethnicity, person_id: null, restricted: 0, extra: r.extra ? JSON.stringify(r.extra) : null })))
          .execute();
      }
      return { result: listId, events: [await listEvent(trx, listId, "victims.import")] };
    });
    return (await this.getList(id)) as StoredVictimList;
  }

  async listLists(): Promise<StoredVictimList[]> {
    let q = this.db.selectFrom("victim_lists").selectAll().orderBy("id");
    if (!this.access.restricted) q = q.where("restricted", "=", 0);
    const lists = await q.execute();
    const counts = await this.db.selectFrom("victim_rows").select(["list_id"]).select((eb) => eb.fn.countAll<number>().as("n")).groupBy("list_id").execute();
    const n = new Map(counts.map((c) => [Number(c.list_id), Number(c.n)]));
    return lists.map((l) => toList(l, n.get(Number(l.id)) ?? 0));
  }

  async deleteList(id: number, opts?: WriteOptions): Promise<number> {
    return this.write(opts, async (trx) => {
      const before = await listEvent(trx, id, "victims.list.delete");
      if (before.after === null) throw new NotFound("victim list", id);
      const linked = await trx.selectFrom("victim_rows").select("id").where("list_id", "=", id).where("person_id", "is not", null).limit(1).execute();
      const rows = await trx.deleteFrom("victim_rows").where("list_id", "=", id).executeTakeFirst();
      await trx.deleteFrom("victim_lists").where("id", "=", id).execute();
      const events: PendingEvent[] = [{ ...before, before: before.after, after: null }];
      if (linked.length > 0) events.push(await registryEvent(trx, "victims.unlink", { list: id }));
      return { result: Number(rows.numDeletedRows), events };
    });
  }

  async getList(idOrName: number | string): Promise<StoredVictimList | null> {
    return (await this.listLists()).find((l) => (typeof idOrName === "number" ? l.id === idOrName : l.name === idOrName)) ?? null;
  }

  async replaceMentions(documentId: number, mentions: readonly NewVictimMention[], opts?: WriteOptions): Promise<number> {
    return this.write(opts, async (trx) => {
      const ids = mentions.map((m) => m.claimId ?? -1);
      const events = await replaceDocumentMentions(trx, documentId, mentions.map((m, i) => ({ ...m, claim: m.claimId === null ? null : i })), ids);
      return { result: mentions.length, events: events.length > 0 ? events : [await mentionsEvent(trx, documentId)] };
    });
  }

  async records(filter: VictimRecordFilter = {}): Promise<VictimRecordRow[]> {
    const out: VictimRecordRow[] = [];
    if (filter.documentId === undefined && filter.claimIds === undefined) {
      let q = this.db
        .selectFrom("victim_rows as r")
        .innerJoin("victim_lists as l", "l.id", "r.list_id")
        .selectAll("r")
        .select(["l.name as list_name", "l.network as network", "l.restricted as list_restricted"]);
      if (filter.listId !== undefined) q = q.where("r.list_id", "=", filter.listId);
      if (filter.personIds) q = q.where("r.person_id", "in", filter.personIds.length > 0 ? [...filter.personIds] : [-1]);
      if (filter.linked) q = q.where("r.person_id", "is not", null);
      q = this.visibleRows(q);
      for (const r of await q.orderBy("r.id").execute()) out.push(rowRecord(r));
    }
    if (filter.listId === undefined) {
      let q = this.db.selectFrom("victim_mentions as m").innerJoin("documents as d", "d.id", "m.document_id").selectAll("m").select(["d.restricted as doc_restricted"]);
      if (filter.documentId !== undefined) q = q.where("m.document_id", "=", filter.documentId);
      if (filter.claimIds) q = q.where("m.claim_id", "in", filter.claimIds.length > 0 ? [...filter.claimIds] : [-1]);
      if (filter.personIds) q = q.where("m.person_id", "in", filter.personIds.length > 0 ? [...filter.personIds] : [-1]);
      if (filter.linked) q = q.where("m.person_id", "is not", null);
      // A mention of a restricted claim is as restricted as the claim.
      q = this.visibleMentions(q);
      for (const r of await q.orderBy("m.id").execute()) out.push(mentionRecord(r));
    }
    if (!this.access.restricted && out.length > 0) {
      const hidden = new Set((await this.db.selectFrom("victim_persons").select("id").where("restricted", "=", 1).execute()).map((p) => Number(p.id)));
      return out.filter((r) => r.personId === null || !hidden.has(r.personId));
    }
    return out;
  }

  async writeLinkage(linkage: LinkageWrite, opts?: WriteOptions): Promise<LinkageChanges> {
    return this.write(opts, async (trx) => {
      const old = new Map<string, number | null>();
      for (const r of await trx.selectFrom("victim_rows").select(["id", "person_id"]).execute()) old.set(`row:${r.id}`, r.person_id === null ? null : Number(r.person_id));
      for (const r of await trx.selectFrom("victim_mentions").select(["id", "person_id"]).execute()) old.set(`mention:${r.id}`, r.person_id === null ? null : Number(r.person_id));
      const existing = new Set((await trx.selectFrom("victim_persons").select("id").execute()).map((p) => Number(p.id)));
      const clusters = linkage.clusters.map((keys) => keys.filter((k) => old.has(k))).filter((keys) => keys.length > 0);
      // Each cluster keeps the person most of its records had (largest clusters choose first).
      const order = clusters.map((_, i) => i).sort((a, b) => (clusters[b]?.length ?? 0) - (clusters[a]?.length ?? 0) || a - b);
      const chosen = new Array<number | null>(clusters.length).fill(null);
      const taken = new Set<number>();
      for (const i of order) {
        const votes = new Map<number, number>();
        for (const k of clusters[i] ?? []) {
          const p = old.get(k);
          if (p != null && existing.has(p)) votes.set(p, (votes.get(p) ?? 0) + 1);
        }
        const best = [...votes.entries()].filter(([p]) => !taken.has(p)).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
        if (best) {
          chosen[i] = best[0];
          taken.add(best[0]);
        }
      }
      const now = new Date().toISOString();
      const fresh = clusters.map((c, i) => ({ c, i })).filter((x) => chosen[x.i] === null);
      for (const part of chunks(fresh)) {
        const ids = await trx.insertInto("victim_persons").values(part.map((x) => ({ records: x.c.length, linked_at: now, restricted: 0 }))).returning("id").execute();
        part.forEach((x, j) => (chosen[x.i] = Number(ids[j]?.id)));
      }
      const merges: LinkageChanges["merges"] = [];
      const intoOf = new Map<number, Set<number>>();
      const rowUpdates: Array<[number, number | null]> = [];
      const mentionUpdates: Array<[number, number | null]> = [];
      const counts: Array<[number, number]> = [];
      clusters.forEach((keys, i) => {
        const person = chosen[i] as number;
        const from = new Set<number>();
        for (const k of keys) {
          const before = old.get(k) ?? null;
          if (before !== null) {
            from.add(before);
            let s = intoOf.get(before);
            if (!s) intoOf.set(before, (s = new Set()));
            s.add(person);
          }
          if (before !== person) (k.startsWith("row:") ? rowUpdates : mentionUpdates).push([Number(k.slice(k.indexOf(":") + 1)), person]);
        }
        if (from.size > 1) merges.push({ into: person, from: [...from].sort((a, b) => a - b) });
        if (existing.has(person)) counts.push([person, keys.length]);
      });
      const splits = [...intoOf.entries()].filter(([, s]) => s.size > 1).map(([from, s]) => ({ from, into: [...s].sort((a, b) => a - b) }));
      const used = new Set(chosen as number[]);
      const removed = [...existing].filter((p) => !used.has(p)).sort((a, b) => a - b);
      await setColumnById(trx, "victim_rows", "person_id", rowUpdates);
      await setColumnById(trx, "victim_mentions", "person_id", mentionUpdates);
      await setColumnById(trx, "victim_persons", "records", counts);
      for (const part of chunks(removed)) await trx.deleteFrom("victim_persons").where("id", "in", part).execute();
      await trx.deleteFrom("victim_pairs").execute();
      for (const part of chunks(linkage.review)) {
        await trx.insertInto("victim_pairs").values(part.map((p) => ({ a: p.a, b: p.b, score: p.score, class: p.class, reasons: JSON.stringify(p.reasons) }))).execute();
      }
      const changes: LinkageChanges = { persons: clusters.length, created: fresh.length, merges, splits, removed };
      return { result: changes, events: [await registryEvent(trx, "victims.link", { created: fresh.length, merges, splits, removed })] };
    });
  }

  async listPersons(page: { limit: number; offset: number }): Promise<StoredPerson[]> {
    let persons: Array<Selectable<VictimDatabase["victim_persons"]>>;
    if (this.access.restricted) persons = await this.db.selectFrom("victim_persons").selectAll().orderBy("id").limit(page.limit).offset(page.offset).execute();
    else {
      // A viewer's page is of the people they may see some record of.
      const ids = (await this.visiblePersonIds()).slice(page.offset, page.offset + page.limit);
      persons = ids.length > 0 ? await this.db.selectFrom("victim_persons").selectAll().where("id", "in", ids).orderBy("id").execute() : [];
    }
    const records = await this.records({ personIds: persons.map((p) => Number(p.id)) });
    return persons
      .map((p) => ({ id: Number(p.id), restricted: Number(p.restricted) === 1, linkedAt: p.linked_at, records: records.filter((r) => r.personId === Number(p.id)) }))
      .filter((p) => p.records.length > 0);
  }

  async countPersons(): Promise<number> {
    if (!this.access.restricted) return (await this.visiblePersonIds()).length;
    const n = await this.db.selectFrom("victim_persons").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
    return Number(n?.n ?? 0);
  }

  /** Ids (ascending) of the unrestricted people with at least one record this reader may see: a person all of whose records are restricted is not counted. */
  private async visiblePersonIds(): Promise<number[]> {
    const ids = new Set<number>();
    const rows = await this.visibleRows(this.db.selectFrom("victim_rows as r").innerJoin("victim_lists as l", "l.id", "r.list_id").select("r.person_id").distinct().where("r.person_id", "is not", null)).execute();
    const mentions = await this.visibleMentions(this.db.selectFrom("victim_mentions as m").innerJoin("documents as d", "d.id", "m.document_id").select("m.person_id").distinct().where("m.person_id", "is not", null)).execute();
    for (const r of [...rows, ...mentions]) ids.add(Number(r.person_id));
    for (const p of await this.db.selectFrom("victim_persons").select("id").where("restricted", "=", 1).execute()) ids.delete(Number(p.id));
    return [...ids].sort((a, b) => a - b);
  }

  /** List rows a reader without restricted access may see: neither the row nor its list restricted. */
  private visibleRows<Q extends SelectQueryBuilder<VictimDatabase & { r: VictimDatabase["victim_rows"]; l: VictimDatabase["victim_lists"] }, "r" | "l", O>, O>(q: Q): Q {
    return this.access.restricted ? q : (q.where("r.restricted", "=", 0).where("l.restricted", "=", 0) as Q);
  }

  /** Mentions a reader without restricted access may see: neither the mention, its document nor its claim restricted. */
  private visibleMentions<Q extends SelectQueryBuilder<VictimDatabase & { m: VictimDatabase["victim_mentions"]; d: VictimDatabase["documents"] }, "m" | "d", O>, O>(q: Q): Q {
    if (this.access.restricted) return q;
    return q.where("m.restricted", "=", 0).where("d.restricted", "=", 0).where(sql<boolean>`(m.claim_id is null or m.claim_id not in (select id from claims where restricted = 1))`) as Q;
  }

  async getPerson(id: number): Promise<StoredPerson | null> {
    const p = await this.db.selectFrom("victim_persons").selectAll().where("id", "=", id).executeTakeFirst();
    if (!p || (!this.access.restricted && Number(p.restricted) === 1)) return null;
    const records = await this.records({ personIds: [id] });
    if (records.length === 0) return null;
    return { id, restricted: Number(p.restricted) === 1, linkedAt: p.linked_at, records };
  }

  async reviewPairs(limit: number): Promise<VictimPair[]> {
    const rows = await this.db.selectFrom("victim_pairs").selectAll().orderBy("score", "desc").orderBy("a").orderBy("b").execute();
    const visible = this.access.restricted ? null : new Set((await this.records()).map((r) => r.key));
    return rows
      .filter((p) => !visible || (visible.has(p.a) && visible.has(p.b)))
      .slice(0, limit)
      .map((p) => ({ a: p.a, b: p.b, score: Number(p.score), class: p.class, reasons: JSON.parse(p.reasons) as VictimPair["reasons"] }));
  }

  async decide(a: string, b: string, same: boolean, reason: string | null, opts?: WriteOptions): Promise<VictimDecision> {
    const [x, y] = a < b ? [a, b] : [b, a];
    const actor = opts?.actor ?? this.actor;
    return this.write(opts, async (trx) => {
      const events: PendingEvent[] = [];
      const now = new Date().toISOString();
      const open = await trx.selectFrom("victim_decisions").selectAll().where("a", "=", x).where("b", "=", y).where("undone_at", "is", null).execute();
      for (const d of open) {
        await trx.updateTable("victim_decisions").set({ undone_by: actor, undone_at: now }).where("id", "=", d.id).execute();
        events.push({ action: "victims.decision.undo", objectType: "victim_decision", objectId: Number(d.id), before: decisionState(d), after: decisionState({ ...d, undone_by: actor, undone_at: now }) });
      }
      const row = { a: x, b: y, same: same ? 1 : 0, reason, decided_by: actor, decided_at: now, undone_by: null, undone_at: null };
      const inserted = await trx.insertInto("victim_decisions").values(row).returning("id").executeTakeFirstOrThrow();
      events.push({ action: "victims.decision", objectType: "victim_decision", objectId: Number(inserted.id), before: null, after: decisionState({ id: Number(inserted.id), ...row }) });
      return { result: toDecision({ id: Number(inserted.id), ...row }), events };
    });
  }

  async undoDecision(id: number, opts?: WriteOptions): Promise<VictimDecision> {
    const actor = opts?.actor ?? this.actor;
    return this.write(opts, async (trx) => {
      const d = await trx.selectFrom("victim_decisions").selectAll().where("id", "=", id).executeTakeFirst();
      if (!d) throw new NotFound("decision", id, "id");
      if (d.undone_at !== null) return { result: toDecision(d), events: [] };
      const now = new Date().toISOString();
      await trx.updateTable("victim_decisions").set({ undone_by: actor, undone_at: now }).where("id", "=", id).execute();
      const after = { ...d, undone_by: actor, undone_at: now };
      return { result: toDecision(after), events: [{ action: "victims.decision.undo", objectType: "victim_decision", objectId: id, before: decisionState(d), after: decisionState(after) }] };
    });
  }

  async decisions(all = false): Promise<VictimDecision[]> {
    let q = this.db.selectFrom("victim_decisions").selectAll().orderBy("id");
    if (!all) q = q.where("undone_at", "is", null);
    return (await q.execute()).map(toDecision);
  }

  async setRestricted(target: { type: "list" | "person" | "row" | "mention"; id: number }, restricted: boolean, opts?: WriteOptions): Promise<void> {
    const v = restricted ? 1 : 0;
    await this.write(opts, async (trx) => {
      if (target.type === "list" || target.type === "row") {
        const listId = target.type === "list" ? target.id : Number((await trx.selectFrom("victim_rows").select("list_id").where("id", "=", target.id).executeTakeFirst())?.list_id ?? NaN);
        if (Number.isNaN(listId) || !(await trx.selectFrom("victim_lists").select("id").where("id", "=", listId).executeTakeFirst())) throw new NotFound(target.type, target.id, "id");
        if (target.type === "list") await trx.updateTable("victim_lists").set({ restricted: v }).where("id", "=", listId).execute();
        else await trx.updateTable("victim_rows").set({ restricted: v }).where("id", "=", target.id).execute();
        return { result: undefined, events: [await listEvent(trx, listId, "victims.restrict")] };
      }
      if (target.type === "mention") {
        const m = await trx.selectFrom("victim_mentions").select("document_id").where("id", "=", target.id).executeTakeFirst();
        if (!m) throw new NotFound("mention", target.id, "id");
        await trx.updateTable("victim_mentions").set({ restricted: v }).where("id", "=", target.id).execute();
        return { result: undefined, events: [await mentionsEvent(trx, Number(m.document_id))] };
      }
      const p = await trx.selectFrom("victim_persons").select("id").where("id", "=", target.id).executeTakeFirst();
      if (!p) throw new NotFound("person", target.id, "id");
      await trx.updateTable("victim_persons").set({ restricted: v }).where("id", "=", target.id).execute();
      return { result: undefined, events: [await registryEvent(trx, "victims.restrict", { person: target.id, restricted })] };
    });
  }
}

function toList(l: Selectable<VictimDatabase["victim_lists"]>, rows: number): StoredVictimList {
  return {
    id: Number(l.id), name: l.name, source: l.source, network: l.network, dependsOn: JSON.parse(l.depends_on) as string[], documentId: l.document_id === null ? null : Number(l.document_id),
    mapping: JSON.parse(l.mapping) as Record<string, string>, importedAt: l.imported_at, restricted: Number(l.restricted) === 1, rows,
  };
}

function toDecision(d: Selectable<VictimDatabase["victim_decisions"]>): VictimDecision {
  return { id: Number(d.id), a: d.a, b: d.b, same: Number(d.same) === 1, reason: d.reason, decidedBy: d.decided_by, decidedAt: d.decided_at, undoneBy: d.undone_by, undoneAt: d.undone_at };
}
