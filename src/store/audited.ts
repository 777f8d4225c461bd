// Every write goes through here: a transaction that holds the audit chain head, makes the change,
// and appends the events describing it before committing.
import type { Kysely } from "kysely";
import { appendEvents, lockChainHead } from "./audit-append.js";
import type { PendingEvent } from "./audit-append.js";
import { withRowDigests } from "./row-digests.js";
import type { Database, DialectName } from "./schema.js";
import { inTransaction } from "./transaction.js";

/**
 * Appends events to the chain at once, inside the transaction (`auditedWrite`): a large write
 * hands over its events part by part instead of holding them all until the end. An account's
 * event records its row's digest as it stands when appended: such events are returned instead.
 */
export type AppendEvents = (events: readonly PendingEvent[]) => Promise<void>;

/**
 * Runs `fn` in a transaction and appends the events it returns, in the same transaction, after
 * those it appended itself through `append`. Every event of the transaction has the same time:
 * that of its first append.
 */
export function auditedWrite<T>(
  db: Kysely<Database>,
  dialect: DialectName,
  actor: string,
  fn: (trx: Kysely<Database>, append: AppendEvents) => Promise<{ result: T; events: PendingEvent[] }>,
): Promise<T> {
  return inTransaction(db, dialect, async (trx) => {
    let head = await lockChainHead(trx, dialect);
    let at: string | null = null;
    const append: AppendEvents = async (events) => {
      if (events.length === 0) return;
      at ??= new Date().toISOString();
      // A change of an account records the digest of its row as it now stands (row-digests.ts).
      head = await appendEvents(trx, head, actor, await withRowDigests(trx, events), at);
    };
    const { result, events } = await fn(trx, append);
    await append(events);
    return result;
  });
}
