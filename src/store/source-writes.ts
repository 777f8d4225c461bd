// Writing a source record: created, or extended with a kind and aliases when a key matches;
// the claims crediting one of its keys are linked to it. Runs inside an audited transaction.
import type { Kysely } from "kysely";
import { sourceState, type PendingEvent } from "./audit-append.js";
import type { NewSource } from "./contracts/claims.js";
import type { Database } from "./schema.js";
import { cleanAliases, sourceKey } from "./source-keys.js";

/** Creates or extends the source `name` (trimmed, not empty) names; its id and the audit event. */
export async function upsertSourceIn(trx: Kysely<Database>, name: string, source: NewSource): Promise<{ result: number; events: PendingEvent[] }> {
    const keys = [sourceKey(name), ...source.aliases.map(sourceKey)].filter((k) => k !== "");
    const found = await trx.selectFrom("source_keys").selectAll().where("key", "in", keys).execute();
    const match = found.find((r) => r.key === keys[0]) ?? found[0];
    let sourceId: number;
    const before = match ? await sourceState(trx, Number(match.source_id)) : null;
    if (match) {
      sourceId = Number(match.source_id);
      const current = await trx.selectFrom("sources").selectAll().where("id", "=", sourceId).executeTakeFirstOrThrow();
      const aliases = cleanAliases(current.name, [...(JSON.parse(current.aliases) as string[]), name, ...source.aliases]);
      await trx.updateTable("sources").set({ kind: source.kind, aliases: JSON.stringify(aliases) }).where("id", "=", sourceId).execute();
    } else {
      const row = await trx
        .insertInto("sources")
        .values({ name, kind: source.kind, aliases: JSON.stringify(cleanAliases(name, source.aliases)), created_at: new Date().toISOString() })
        .returning("id")
        .executeTakeFirstOrThrow();
      sourceId = Number(row.id);
    }
    // A key already naming another source keeps naming it: first registration wins.
    await trx
      .insertInto("source_keys")
      .values([...new Set(keys)].map((key) => ({ key, source_id: sourceId })))
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const mine = await trx.selectFrom("source_keys").select("key").where("source_id", "=", sourceId).execute();
    const linked = await trx
      .updateTable("claims")
      .set({ source_id: sourceId })
      .where("source_id", "is", null)
      .where((eb) => eb(eb.fn("lower", ["source"]), "in", mine.map((k) => k.key)))
      .returning("id")
      .execute();
    const after = { ...(await sourceState(trx, sourceId)), linked_claims: linked.map((r) => Number(r.id)).sort((x, y) => x - y) };
    return { result: sourceId, events: [{ action: "source.upsert", objectType: "source", objectId: sourceId, before, after }] };
}
