// The tamper-evident audit trail.
import type { WriteOptions } from "./common.js";

/** One event of the tamper-evident audit trail (`before`/`after` parsed from their JSON). */
export interface AuditEvent {
  /** 1, 2, 3, … without gaps. */
  seq: number;
  /** ISO timestamp of the change. */
  at: string;
  actor: string;
  /** "document.create", "document.simhash", "claims.create", "claims.replace", "source.upsert", "relation.add", "*.baseline". */
  action: string;
  /** "document", "claims" (of the document objectId), "source" or "relation" ("a-b-kind"). */
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  /** SHA-256(prevHash + canonical JSON of seq, at, actor, action, object_type, object_id, before, after). */
  hash: string;
}

/** Which audit events to list; every field narrows the set. */
export interface AuditFilter {
  /** ISO date or timestamp: events at or after it. */
  since?: string;
  actor?: string;
  objectType?: string;
  objectId?: string;
  afterSeq?: number;
  limit?: number;
}

/** One thing wrong with the audit trail or the data it covers. */
export interface AuditProblem {
  seq?: number;
  documentId?: number;
  message: string;
}

/** The result of verifying the audit trail. */
export interface AuditReport {
  ok: boolean;
  events: number;
  documents: number;
  claims: number;
  headSeq: number;
  headHash: string;
  /** All problems found; `problems` lists the first 100 in chain order. */
  problemCount: number;
  problems: AuditProblem[];
}

/** The audit trail: its head, its events, its verification, and changes to settings kept outside the database. */
export interface AuditStore {
  /** Records a change to a setting kept outside the database (the source registry file) in the audit trail. */
  recordSettingChange(setting: string, before: unknown, after: unknown, opts?: WriteOptions): Promise<void>;
  /** The last event of the audit trail: its number changes with every change to the ledger. */
  auditHead(): Promise<{ seq: number; hash: string }>;
  /** Audit events matching a filter, oldest first. */
  listAuditEvents(filter?: AuditFilter): Promise<AuditEvent[]>;
  /** Recomputes the audit hash chain and re-hashes every document's bytes and claims against it. */
  verifyAudit(): Promise<AuditReport>;
}
