// Analyst decisions on claims, inside an audited transaction: review, hand-added claims,
// supersession, fact assignment and restriction. Each returns the events that describe it.
import type { Kysely, Selectable } from "kysely";
import { checkFields } from "../core/claim-fields.js";
import { claimsSnapshot } from "./audit-chain.js";
import type { ClaimRowForAudit } from "./audit-chain.js";
import { claimsState, documentState, sourceState } from "./audit-append.js";
import type { PendingEvent } from "./audit-append.js";
import { fieldColumns, fieldsOf } from "./claim-rows.js";
import { Conflict, Invalid, NotFound } from "../shared/errors.js";
import type { ClaimsTable, Database } from "./schema.js";
import { sourceKey } from "./source-keys.js";
import type { ClaimFields, FactOverride, ManualClaim, ReviewDecision } from "./store.js";

type ClaimRow = Selectable<ClaimsTable>;

/** What one claim looked like, for an event's before/after. */
function claimView(r: ClaimRow): Record<string, unknown> {
  return { id: Number(r.id), ...(claimsSnapshot([r as ClaimRowForAudit]).claims[0] as Record<string, unknown>) };
}

async function claimRowById(trx: Kysely<Database>, id: number): Promise<ClaimRow> {
  const row = await trx.selectFrom("claims").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFound("claim", id);
  return row;
}

/** The event recording a change to one claim: the claim before and after, and the document's new digest. */
async function claimEvent(trx: Kysely<Database>, action: string, before: ClaimRow | null, id: number, extra: Record<string, unknown> = {}): Promise<PendingEvent> {
  const after = await claimRowById(trx, id);
  const state = await claimsState(trx, Number(after.document_id));
  return {
    action,
    objectType: "claims",
    objectId: Number(after.document_id),
    before: before ? { claim: claimView(before) } : null,
    after: { digest: state.digest, count: state.count, claim: claimView(after), ...extra },
  };
}

/** Looks up the source record a source name belongs to. */
async function sourceIdOf(trx: Kysely<Database>, source: string | null): Promise<number | null> {
  if (!source) return null;
  const row = await trx.selectFrom("source_keys").select("source_id").where("key", "=", sourceKey(source)).executeTakeFirst();
  return row ? Number(row.source_id) : null;
}

async function rewriteVictims(trx: Kysely<Database>, claimId: number, victims: readonly string[]): Promise<void> {
  await trx.deleteFrom("claim_victims").where("claim_id", "=", claimId).execute();
  const unique = [...new Set(victims)];
  if (unique.length > 0) await trx.insertInto("claim_victims").values(unique.map((victim) => ({ claim_id: claimId, victim }))).execute();
}

async function publishedOf(trx: Kysely<Database>, documentId: number): Promise<string | null> {
  const doc = await trx.selectFrom("documents").select("published").where("id", "=", documentId).executeTakeFirst();
  return doc?.published ?? null;
}

const sameFields = (a: ClaimFields, b: ClaimFields): boolean => JSON.stringify(normal(a)) === JSON.stringify(normal(b));
const normal = (f: ClaimFields) => ({ ...f, victims: [...f.victims].sort() });

/** Writes fields into a claim row (and its victims and source link). */
async function writeFields(trx: Kysely<Database>, row: ClaimRow, fields: ClaimFields, rest: Partial<Selectable<ClaimsTable>>): Promise<void> {
  const published = await publishedOf(trx, Number(row.document_id));
  const sourceChanged = fields.source !== row.source;
  // The calendar label names the period the extractor read: it goes when the period is changed.
  const periodChanged = (fields.period?.start ?? null) !== row.period_start || (fields.period?.end ?? null) !== row.period_end;
  await trx
    .updateTable("claims")
    .set({
      ...fieldColumns(fields, published),
      ...(sourceChanged ? { source_id: await sourceIdOf(trx, fields.source) } : {}),
      ...(periodChanged && row.period_label !== null ? { period_label: null } : {}),
      ...rest,
    })
    .where("id", "=", Number(row.id))
    .execute();
  if (JSON.stringify([...fields.victims].sort()) !== JSON.stringify([...(JSON.parse(row.victims) as string[])].sort())) {
    await rewriteVictims(trx, Number(row.id), fields.victims);
  }
}

/** Applies an analyst's decision to a claim. */
export async function reviewClaim(trx: Kysely<Database>, id: number, decision: ReviewDecision, actor: string): Promise<PendingEvent[]> {
  const row = await claimRowById(trx, id);
  const now = new Date().toISOString();
  const status = row.status;
  const reviewed = { reviewed_by: actor, reviewed_at: now };
  const reason = decision.reason?.trim() || null;
  switch (decision.action) {
    case "accept": {
      const next = status === "added" || status === "corrected" ? status : "accepted";
      await trx.updateTable("claims").set({ status: next, review_reason: reason, ...reviewed }).where("id", "=", id).execute();
      break;
    }
    case "reject": {
      if (!reason) throw new Invalid("rejecting a claim needs a reason", "reason");
      await trx.updateTable("claims").set({ status: "rejected", review_reason: reason, ...reviewed }).where("id", "=", id).execute();
      break;
    }
    case "correct": {
      const changes = checkFields(decision.fields);
      const current = fieldsOf(row);
      const fields: ClaimFields = { ...current, ...changes };
      // The extractor's proposal: kept once, the first time its values are changed.
      const proposal: ClaimFields | null = row.proposal !== null ? (JSON.parse(row.proposal) as ClaimFields) : status === "added" ? null : current;
      const backToProposal = proposal !== null && sameFields(fields, proposal);
      const next = status === "added" ? "added" : backToProposal ? "accepted" : "corrected";
      await writeFields(trx, row, fields, {
        status: next,
        proposal: backToProposal || proposal === null ? null : JSON.stringify(proposal),
        review_reason: reason,
        ...reviewed,
      });
      break;
    }
    case "reopen": {
      if (status === "added") throw new Conflict("a claim added by hand has no proposal to go back to", "action");
      const proposal = row.proposal !== null ? (JSON.parse(row.proposal) as ClaimFields) : fieldsOf(row);
      await writeFields(trx, row, proposal, { status: "proposed", proposal: null, review_reason: reason, reviewed_by: null, reviewed_at: null });
      break;
    }
    default:
      throw new Invalid("unknown review action", "action");
  }
  return [await claimEvent(trx, `claim.${decision.action}`, row, id, { decision: { action: decision.action, reason } })];
}

/** Adds a claim by hand from a span of a document's working text. */
export async function addClaim(trx: Kysely<Database>, documentId: number, claim: ManualClaim, actor: string): Promise<{ id: number; events: PendingEvent[] }> {
  const doc = await trx.selectFrom("documents").select(["text", "published"]).where("id", "=", documentId).executeTakeFirst();
  if (!doc) throw new NotFound("document", documentId);
  const [start, end] = claim.span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start >= end) {
    throw new Invalid(`span [${start}, ${end}) is not inside the document's text (0–${doc.text.length})`, "span");
  }
  const fields = checkFields<ClaimFields>({
    event: claim.event, count: claim.count, qualifier: claim.qualifier, period: claim.period, place: claim.place, victims: claim.victims, source: claim.source,
  });
  const now = new Date().toISOString();
  const inserted = await trx
    .insertInto("claims")
    .values({
      document_id: documentId,
      ...fieldColumns(fields, doc.published),
      source_id: await sourceIdOf(trx, fields.source),
      quote: doc.text.slice(start, end),
      span_start: start,
      span_end: end,
      count_start: null,
      count_end: null,
      clutter: 0,
      extractor_version: "manual",
      created_at: now,
      status: "added",
      review_reason: claim.reason?.trim() || null,
      reviewed_by: actor,
      reviewed_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  await rewriteVictims(trx, id, fields.victims);
  return { id, events: [await claimEvent(trx, "claim.add", null, id)] };
}

/** Marks a claim superseded by a later claim of the same source (or clears it). */
export async function supersedeClaim(trx: Kysely<Database>, id: number, by: number | null, actor: string): Promise<PendingEvent[]> {
  const row = await claimRowById(trx, id);
  if (by !== null) {
    if (by === id) throw new Invalid("a claim cannot supersede itself", "by");
    const later = await claimRowById(trx, by);
    const sameSource =
      (row.source_id !== null && row.source_id === later.source_id) ||
      (row.source !== null && later.source !== null && sourceKey(row.source) === sourceKey(later.source));
    if (!sameSource) throw new Invalid(`claim ${by} is not from the same source as claim ${id}`, "by");
    const [a, b] = [await publishedOf(trx, Number(row.document_id)), await publishedOf(trx, Number(later.document_id))];
    if (a !== null && b !== null && b < a) throw new Invalid(`claim ${by} was published before claim ${id} (${b} < ${a}); only a later figure supersedes`, "by");
  }
  const now = new Date().toISOString();
  await trx.updateTable("claims").set({ superseded_by: by, reviewed_by: actor, reviewed_at: now }).where("id", "=", id).execute();
  return [await claimEvent(trx, "claim.supersede", row, id)];
}

/** Assigns claims to a fact by hand (or clears the assignment). */
export async function setFactOverride(trx: Kysely<Database>, claimIds: readonly number[], override: FactOverride | null, actor: string): Promise<PendingEvent[]> {
  if (claimIds.length === 0) throw new Invalid("no claims to assign", "claimIds");
  const now = new Date().toISOString();
  const events: PendingEvent[] = [];
  for (const id of [...new Set(claimIds)].sort((a, b) => a - b)) {
    const row = await claimRowById(trx, id);
    await trx
      .updateTable("claims")
      .set({ fact_override: override === null ? null : JSON.stringify(override), reviewed_by: actor, reviewed_at: now })
      .where("id", "=", id)
      .execute();
    events.push(await claimEvent(trx, override === null ? "claim.fact_clear" : `claim.fact_${override.kind}`, row, id));
  }
  return events;
}

/** Marks a document, claim or source restricted or not. */
export async function setRestricted(
  trx: Kysely<Database>,
  target: { type: "document" | "claim" | "source"; id: number },
  restricted: boolean,
): Promise<PendingEvent[]> {
  const flag = restricted ? 1 : 0;
  const action = restricted ? "restrict" : "unrestrict";
  if (target.type === "claim") {
    const row = await claimRowById(trx, target.id);
    if (Number(row.restricted) === flag) return [];
    await trx.updateTable("claims").set({ restricted: flag }).where("id", "=", target.id).execute();
    return [await claimEvent(trx, `claim.${action}`, row, target.id)];
  }
  if (target.type === "document") {
    const before = await documentState(trx, target.id);
    if (!before) throw new NotFound("document", target.id);
    const updated = await trx.updateTable("documents").set({ restricted: flag }).where("id", "=", target.id).where("restricted", "!=", flag).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return [];
    return [{ action: `document.${action}`, objectType: "document", objectId: target.id, before, after: await documentState(trx, target.id) }];
  }
  const before = await sourceState(trx, target.id);
  if (!before) throw new NotFound("source", target.id);
  const updated = await trx.updateTable("sources").set({ restricted: flag }).where("id", "=", target.id).where("restricted", "!=", flag).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return [];
  return [{ action: `source.${action}`, objectType: "source", objectId: target.id, before, after: await sourceState(trx, target.id) }];
}

/** True when a claim carries a decision a re-extraction must keep. */
export function isDecided(r: Pick<ClaimRow, "status" | "restricted" | "superseded_by" | "fact_override">): boolean {
  return r.status !== "proposed" || Number(r.restricted) !== 0 || r.superseded_by !== null || r.fact_override !== null;
}

/** Where a proposal stands in its text: the figure's span when known, else the sentence and the figure. */
export function proposalKey(r: { span_start: number; span_end: number; count_start: number | null; count_end: number | null; event: string; count: number }): string {
  return r.count_start !== null && r.count_end !== null
    ? `n:${Number(r.count_start)}-${Number(r.count_end)}:${r.event}`
    : `s:${Number(r.span_start)}-${Number(r.span_end)}:${r.event}:${Number(r.count)}`;
}

/** Removes the undecided claims of a document; returns the decided ones keyed by where their proposal stood. */
export async function dropUndecided(trx: Kysely<Database>, documentId: number): Promise<Map<string, ClaimRow>> {
  const rows = await trx.selectFrom("claims").selectAll().where("document_id", "=", documentId).execute();
  const undecided = rows.filter((r) => !isDecided(r)).map((r) => Number(r.id));
  for (let i = 0; i < undecided.length; i += 500) {
    const ids = undecided.slice(i, i + 500);
    await trx.deleteFrom("claim_victims").where("claim_id", "in", ids).execute();
    await trx.deleteFrom("claims").where("id", "in", ids).execute();
  }
  const decided = new Map<string, ClaimRow>();
  for (const r of rows) {
    if (!isDecided(r)) continue;
    // A corrected claim is found by its original proposal (the figure the extractor saw).
    const proposal = r.proposal !== null ? (JSON.parse(r.proposal) as ClaimFields) : null;
    decided.set(proposalKey({ ...r, span_start: Number(r.span_start), span_end: Number(r.span_end), count_start: r.count_start, count_end: r.count_end, event: proposal?.event ?? r.event, count: proposal?.count ?? Number(r.count) }), r);
  }
  return decided;
}

/** Attaches a new proposal to its decided claim: the decision stays, the newer proposal is kept beside it when it differs. */
export async function attachProposal(trx: Kysely<Database>, decided: ClaimRow, proposal: ClaimFields, extractorVersion: string): Promise<void> {
  const recorded = decided.proposal !== null ? (JSON.parse(decided.proposal) as ClaimFields) : decided.status === "added" ? null : fieldsOf(decided);
  const changed = recorded === null || !sameFields(recorded, proposal);
  await trx
    .updateTable("claims")
    .set({ extractor_version: extractorVersion, ...(changed ? { proposal: JSON.stringify(proposal) } : {}) })
    .where("id", "=", Number(decided.id))
    .execute();
}
