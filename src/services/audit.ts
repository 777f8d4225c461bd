// The audit trail for people: parsing `--object TYPE[:ID]`, summarising an event's change, and
// the verification report as lines of text.
import type { AuditEvent, AuditFilter, AuditReport } from "../store/store.js";

/** Object types the audit trail records. */
export const AUDIT_OBJECT_TYPES = ["document", "claims", "source", "relation", "user", "token", "setting", "store"] as const;

/** Parses TYPE or TYPE:ID into filter fields; null when TYPE is unknown. */
export function parseObjectFilter(value: string): Pick<AuditFilter, "objectType" | "objectId"> | null {
  const i = value.indexOf(":");
  const type = (i < 0 ? value : value.slice(0, i)).trim();
  const id = i < 0 ? undefined : value.slice(i + 1).trim();
  if (!(AUDIT_OBJECT_TYPES as readonly string[]).includes(type) || id === "") return null;
  return id === undefined ? { objectType: type } : { objectType: type, objectId: id };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

/** A one-line description of what an event changed. */
export function describeChange(e: AuditEvent): string {
  switch (e.objectType) {
    case "document": {
      const sha = String(field(e.after, "sha256") ?? "").slice(0, 12);
      if (e.action === "document.simhash") return `simhash ${String(field(e.before, "simhash") ?? "none")} → ${String(field(e.after, "simhash") ?? "none")}`;
      return `${String(field(e.after, "name") ?? "")} sha256 ${sha}…`;
    }
    case "claims": {
      const claim = field(e.after, "claim") as Record<string, unknown> | undefined;
      if (claim && typeof claim === "object") {
        const reason = field(field(e.after, "decision"), "reason");
        return `claim ${String(claim.id)}: ${e.action.replace(/^claim\./, "")} (${String(claim.status ?? "proposed")}, ${String(claim.qualifier)} ${String(claim.count)})${typeof reason === "string" ? ` — ${reason}` : ""}`;
      }
      const before = field(e.before, "count");
      const after = field(e.after, "count");
      const digest = String(field(e.after, "digest") ?? "").slice(0, 12);
      return `${before === undefined ? "" : `${String(before)} → `}${String(after ?? 0)} claims, digest ${digest}…`;
    }
    case "source": {
      const linked = field(e.after, "linked_claims");
      return `${String(field(e.after, "name") ?? "")}${Array.isArray(linked) && linked.length > 0 ? `, linked ${linked.length} claims` : ""}`;
    }
    case "relation":
      return `${String(field(e.after, "kind") ?? "")} ${String(field(e.before, "similarity") ?? "new")} → ${String(field(e.after, "similarity") ?? "")}`;
    case "user":
      return `${String(field(e.after, "name") ?? "")}${field(e.after, "role") ? ` (${String(field(e.after, "role"))})` : ""}${field(e.after, "password_changed") ? ", password changed" : ""}${field(e.after, "disabled") === true ? ", disabled" : ""}`;
    case "token":
      return `${String(field(e.after, "name") ?? "")}${field(e.after, "revoked") ? " revoked" : ""}`;
    case "setting":
      return e.objectId;
    case "store":
      return `${e.action === "store.import" ? "imported " : ""}${String(field(e.after, "rows") ?? "")} rows, bundle sha256 ${e.objectId.slice(0, 12)}…`;
    default:
      return "";
  }
}

/** The verification result as printable lines: verdict, counts, head, then each problem. */
export function reportLines(r: AuditReport): string[] {
  const lines = [
    r.ok ? "audit trail verified: OK" : `audit trail BROKEN: ${r.problemCount} problem${r.problemCount === 1 ? "" : "s"}`,
    `  events     ${r.events} (chain head: event ${r.headSeq}, ${r.headHash})`,
    `  documents  ${r.documents} re-hashed`,
    `  claims     ${r.claims} checked against their recorded digests`,
  ];
  for (const p of r.problems) lines.push(`  ${p.message}`);
  if (r.problemCount > r.problems.length) lines.push(`  … and ${r.problemCount - r.problems.length} more`);
  return lines;
}
