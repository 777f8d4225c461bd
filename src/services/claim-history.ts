// Use case: the history of one claim, read from the audit trail (proposal, decisions, changes).
import type { AuditEvent, AuditStore } from "../store/index.js";

/** One step of a claim's history: who did what when, and the claim before and after. */
export interface ClaimHistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

function claimIn(value: unknown, id: number): unknown {
  if (!value || typeof value !== "object") return null;
  const v = value as { claim?: { id?: unknown }; claims?: Array<{ id?: unknown }> };
  if (v.claim && v.claim.id === id) return v.claim;
  return v.claims?.find((c) => c.id === id) ?? null;
}

/** The events of a claim's document that concern the claim, oldest first. */
export async function claimHistory(store: AuditStore, documentId: number, claimId: number): Promise<ClaimHistoryEntry[]> {
  const events: AuditEvent[] = await store.listAuditEvents({ objectType: "claims", objectId: String(documentId) });
  const out: ClaimHistoryEntry[] = [];
  for (const e of events) {
    const after = claimIn(e.after, claimId);
    const before = claimIn(e.before, claimId);
    if (after === null && before === null) continue;
    const decision = (e.after as { decision?: { reason?: unknown } } | null)?.decision;
    out.push({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, before, after, reason: typeof decision?.reason === "string" ? decision.reason : null });
  }
  return out;
}
