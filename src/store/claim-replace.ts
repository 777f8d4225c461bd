// Re-extraction inside a transaction: a document's undecided claims give way to a new
// extractor's proposals; decided claims stay, and a proposal for one's figure attaches to it.
import type { Kysely } from "kysely";
import { claimsState, type PendingEvent } from "./audit-append.js";
import { insertClaims } from "./claim-writes.js";
import type { NewClaim } from "./contracts/claims.js";
import * as review from "./review-ops.js";
import type { Database, DialectName } from "./schema.js";
import { NotFound } from "../shared/errors.js";
import { replaceDocumentMentions, type VictimDb } from "./victim-rows.js";
import type { DocumentMention } from "./victim-store.js";

/**
 * replaceClaims inside a transaction; returns its audit events. With `mentions`, the document's
 * victim mentions are replaced too, each linked to the claim (new or decided) it belongs to.
 */
export async function replaceClaimsIn(
  trx: Kysely<Database>,
  dialect: DialectName,
  documentId: number,
  claims: NewClaim[],
  extractorVersion: string,
  mentions?: readonly DocumentMention[],
): Promise<PendingEvent[]> {
  const now = new Date().toISOString();
  {
    const doc = await trx.selectFrom("documents").select("published").where("id", "=", documentId).executeTakeFirst();
    if (!doc) throw new NotFound("document", documentId);
    const before = await claimsState(trx, documentId);
    // Decisions survive: a proposal for a decided claim's figure attaches to it, the rest are new.
    const decided = await review.dropUndecided(trx, documentId);
    const fresh: NewClaim[] = [];
    /** Each claim's id: a decided claim's now, a fresh one's once inserted (its position among the fresh). */
    const ids: Array<number | { fresh: number }> = [];
    let attached = 0;
    for (const c of claims) {
      const key = review.proposalKey({ span_start: c.span[0], span_end: c.span[1], count_start: c.countSpan?.[0] ?? null, count_end: c.countSpan?.[1] ?? null, event: c.event, count: c.count });
      const match = decided.get(key);
      if (match) {
        const { event, count, qualifier, period, place, victims, source } = c;
        await review.attachProposal(trx, match, { event, count, qualifier, period, place, victims, source }, extractorVersion);
        decided.delete(key);
        ids.push(Number(match.id));
        attached++;
      } else ids.push({ fresh: fresh.push(c) - 1 });
    }
    const [inserted = []] = await insertClaims(trx, dialect, [{ documentId, published: doc.published, claims: fresh }], extractorVersion, now);
    const after = { extractor: extractorVersion, attached, ...(await claimsState(trx, documentId)) };
    const events: PendingEvent[] = [{ action: "claims.replace", objectType: "claims", objectId: documentId, before, after }];
    if (mentions) {
      const claimIds = ids.map((id) => (typeof id === "number" ? id : Number(inserted[id.fresh]?.id ?? -1)));
      events.push(...(await replaceDocumentMentions(trx as unknown as VictimDb, documentId, mentions, claimIds)));
    }
    return events;
  }
}
