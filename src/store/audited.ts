// Every write goes through here: a transaction that holds the audit chain head, makes the change,
// and appends the events describing it before committing.
import type { Kysely } from "kysely";
import { appendEvents, lockChainHead } from "./audit-append.js";
import type { PendingEvent } from "./audit-append.js";
import { withRowDigests } from "./row-digests.js";
import type { Database, DialectName } from "./schema.js";
import { inTransaction } from "./transaction.js";

/** Runs `fn` in a transaction and appends the events it returns, in the same transaction. */
export function auditedWrite<T>(
  db: Kysely<Database>,
  dialect: DialectName,
  actor: string,
  fn: (trx: Kysely<Database>) => Promise<{ result: T; events: PendingEvent[] }>,
): Promise<T> {
  return inTransaction(db, dialect, async (trx) => {
    const head = await lockChainHead(trx, dialect);
    const { result, events } = await fn(trx);
    // A change of an account records the digest of its row as it now stands (row-digests.ts).
    await appendEvents(trx, head, actor, await withRowDigests(trx, events));
    return result;
  });
}
