// The audit trail's hash chain: canonical JSON, event hashes and the snapshots events record.
import { createHash } from "node:crypto";
import type { DocumentsTable } from "./schema.js";

/** prev_hash of the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of one event that its hash covers (`before`/`after` as the JSON text stored). */
export interface AuditEventFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  before: string | null;
  after: string | null;
}

/**
 * JSON with object keys sorted at every level, no whitespace: the same value always gives the same
 * text. (Built by concatenation, keys in code-unit order, undefined members left out, any other
 * value as JSON.stringify writes it, or null: the audit chain hashes it for every event.)
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    return text === undefined ? "null" : text;
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return out + "]";
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `a < b` does; keys are unique.
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += (first ? "" : ",") + JSON.stringify(k) + ":" + canonicalJson(v);
    first = false;
  }
  return out + "}";
}

/** Lower-case hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** hash = SHA-256(prev_hash + canonical JSON of the event's fields). */
export function eventHash(prevHash: string, e: AuditEventFields): string {
  return sha256Hex(
    prevHash +
      canonicalJson({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        action: e.action,
        object_type: e.objectType,
        object_id: e.objectId,
        before: e.before,
        after: e.after,
      }),
  );
}

/** A `documents` row as far as the audit trail records it (no bytes, no text: their digests). */
export type DocumentRowForAudit = Omit<DocumentsTable, "id" | "size" | "bytes" | "created_at" | "restricted"> & {
  id: number | string;
  size: number | string;
  restricted?: number | string;
};

/** What a document event records: SHA-256 of the original bytes and the metadata. */
export function documentSnapshot(r: DocumentRowForAudit): Record<string, unknown> {
  return {
    id: Number(r.id),
    sha256: r.sha256,
    size: Number(r.size),
    media_type: r.media_type,
    name: r.name,
    url: r.url,
    path: r.path,
    publisher: r.publisher,
    published: r.published,
    captured_at: r.captured_at,
    collector: r.collector,
    language: r.language,
    title: r.title,
    text_sha256: sha256Hex(r.text),
    text_map_sha256: r.text_map === null ? null : sha256Hex(r.text_map),
    headers: r.headers,
    simhash: r.simhash,
    // Covered only when set, so snapshots recorded before restriction existed still compare equal.
    ...(r.restricted !== undefined && Number(r.restricted) !== 0 ? { restricted: Number(r.restricted) } : {}),
  };
}

/** A `claims` row as far as the audit trail records it. */
export interface ClaimRowForAudit {
  id: number | string;
  event: string;
  count: number | string;
  qualifier: string;
  period_start: string | null;
  period_end: string | null;
  year: number | string | null;
  place: string | null;
  victims: string;
  source: string | null;
  quote: string;
  span_start: number | string;
  span_end: number | string;
  count_start: number | string | null;
  count_end: number | string | null;
  clutter: number | string | boolean;
  extractor_version: string;
  status?: string;
  proposal?: string | null;
  review_reason?: string | null;
  reviewed_by?: string | null;
  reviewed_at?: string | null;
  restricted?: number | string | null;
  superseded_by?: number | string | null;
  fact_override?: string | null;
  period_label?: string | null;
  period_from?: string | null;
  confidence?: number | string | null;
  confidence_reason?: string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** One claim's content (the source link is left out: `source.upsert` events record it). */
function claimContent(c: ClaimRowForAudit): Record<string, unknown> {
  const content: Record<string, unknown> = {
    event: c.event,
    count: Number(c.count),
    qualifier: c.qualifier,
    period_start: c.period_start,
    period_end: c.period_end,
    year: num(c.year),
    place: c.place,
    victims: c.victims,
    source: c.source,
    quote: c.quote,
    span_start: Number(c.span_start),
    span_end: Number(c.span_end),
    count_start: num(c.count_start),
    count_end: num(c.count_end),
    clutter: Number(c.clutter),
    extractor_version: c.extractor_version,
  };
  // Review fields, and the extractor's fields added since (migration 11), are covered only when
  // set, so digests recorded before they existed still hold.
  if (c.status !== undefined && c.status !== "proposed") content.status = c.status;
  for (const k of ["proposal", "review_reason", "reviewed_by", "reviewed_at", "fact_override", "period_label", "period_from", "confidence_reason"] as const) {
    const v = c[k];
    if (v !== undefined && v !== null) content[k] = v;
  }
  if (c.restricted !== undefined && c.restricted !== null && Number(c.restricted) !== 0) content.restricted = Number(c.restricted);
  if (c.superseded_by !== undefined && c.superseded_by !== null) content.superseded_by = Number(c.superseded_by);
  if (c.confidence !== undefined && c.confidence !== null) content.confidence = Number(c.confidence);
  return content;
}

const byId = (claims: readonly ClaimRowForAudit[]) => [...claims].sort((a, b) => Number(a.id) - Number(b.id));

/** SHA-256 of a claim list's content in id order (ids themselves are not covered). */
export function claimsDigest(claims: readonly ClaimRowForAudit[]): string {
  return sha256Hex(canonicalJson(byId(claims).map(claimContent)));
}

/** What a claims event records: the list's digest, its length and the claims. */
export function claimsSnapshot(claims: readonly ClaimRowForAudit[]): { digest: string; count: number; claims: unknown[] } {
  const sorted = byId(claims);
  // Each claim's content once: digested, then recorded with its id.
  const contents = sorted.map(claimContent);
  return { digest: sha256Hex(canonicalJson(contents)), count: sorted.length, claims: contents.map((content, i) => ({ id: Number(sorted[i]?.id), ...content })) };
}
