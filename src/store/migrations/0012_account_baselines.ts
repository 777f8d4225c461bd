// Migration 12: accounts enter the tamper-evident trail. Every user, API token and session the
// store holds gets a baseline event recording the digest of its row, which `audit verify` compares
// with the row from now on (the changes after it record their own digests).
import type { Kysely } from "kysely";
import { appendEvents, lockChainHead } from "../audit-append.js";
import { accountBaselines } from "../row-digests.js";
import type { Database } from "../schema.js";
import type { Migration } from "./migration.js";

/** Appends user.baseline, token.baseline and session.baseline events for the existing accounts. */
export const accountBaselinesMigration: Migration = {
  version: 12,
  name: "account baselines",
  async up(db, dialect) {
    const trx = db as Kysely<Database>;
    const events = await accountBaselines(trx);
    if (events.length === 0) return;
    await appendEvents(trx, await lockChainHead(trx, dialect), "tally (migration 12)", events);
  },
};
