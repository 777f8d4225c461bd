// The backup bundle's format: which tables it carries, in which order, with which columns, and
// the header and end lines around the rows. See docs/backup.md.
import type { Selectable } from "kysely";
import type { AuditDatabase } from "./audit-append.js";
import { Invalid } from "../shared/errors.js";

/** `format` of the header line. */
export const BUNDLE_FORMAT = "tally-bundle";
/** Version of the bundle layout this Tally writes and reads. */
export const BUNDLE_VERSION = 1;

/** A bundle that cannot be read or restored (truncated, altered, wrong format, wrong schema). */
export class BundleError extends Invalid {
  constructor(message: string) {
    super(message);
    this.name = "BundleError";
  }
}

/** How a column is written: integer, real, text or bytes (base64 in the bundle); `?` when it may be null. */
export type ColumnKind = "int" | "int?" | "real" | "real?" | "text" | "text?" | "binary";

type KindOf<V> = V extends Uint8Array ? "binary" : V extends number ? "int" | "real" : V extends string ? "text" : never;
type KindFor<V> = null extends V ? `${KindOf<NonNullable<V>>}?` : KindOf<V>;
/** Every column of a table (as schema.ts declares it) with a kind that fits its type. */
type Columns<T> = { [K in keyof Selectable<T>]-?: KindFor<Selectable<T>[K]> };

/** The tables a bundle carries (sessions are short-lived credentials; migrations are the schema). */
export type BundledTable = Exclude<keyof AuditDatabase, "sessions" | "tally_migrations">;

/** How one table is written and restored. */
export interface TableSpec {
  name: BundledTable;
  columns: Readonly<Record<string, ColumnKind>>;
  /** Primary key columns: rows are paged and written in this order. */
  key: readonly string[];
  /** The `id` is a serial (PostgreSQL sequence to move past the restored ids). */
  serial: boolean;
  /** SQL condition selecting what a public export may show, or null when the table is left out. */
  publicWhere: string | null;
}

function spec<T extends BundledTable>(
  name: T,
  columns: Columns<AuditDatabase[T]>,
  key: ReadonlyArray<keyof Columns<AuditDatabase[T]> & string>,
  serial: boolean,
  publicWhere: string | null,
): TableSpec {
  return { name, columns: columns as Readonly<Record<string, ColumnKind>>, key, serial, publicWhere };
}

const VISIBLE_CLAIM =
  "restricted = 0 and document_id in (select id from documents where restricted = 0) and " +
  "(source_id is null or source_id in (select id from sources where restricted = 0))";

/** Every bundled table, parents before children (foreign keys hold at every insert). */
export const BUNDLE_TABLES: readonly TableSpec[] = [
  spec("documents", {
    id: "int", sha256: "text", bytes: "binary", size: "int", media_type: "text", name: "text", url: "text?", path: "text?",
    publisher: "text?", published: "text?", captured_at: "text", collector: "text", language: "text?", title: "text?",
    text: "text", text_map: "text?", headers: "text?", simhash: "text?", created_at: "text", restricted: "int",
  }, ["id"], true, "restricted = 0"),
  spec("sources", { id: "int", name: "text", kind: "text", aliases: "text", created_at: "text", restricted: "int" }, ["id"], true, "restricted = 0"),
  spec("source_keys", { key: "text", source_id: "int" }, ["key"], false, "source_id in (select id from sources where restricted = 0)"),
  spec("claims", {
    id: "int", document_id: "int", event: "text", count: "int", qualifier: "text", period_start: "text?", period_end: "text?",
    year: "int?", place: "text?", victims: "text", source: "text?", source_id: "int?", quote: "text", span_start: "int",
    span_end: "int", count_start: "int?", count_end: "int?", clutter: "int", extractor_version: "text", created_at: "text",
    status: "text", proposal: "text?", review_reason: "text?", reviewed_by: "text?", reviewed_at: "text?", restricted: "int",
    superseded_by: "int?", fact_override: "text?", period_label: "text?", period_from: "text?", confidence: "real?", confidence_reason: "text?",
  }, ["id"], true, VISIBLE_CLAIM),
  spec("claim_victims", { claim_id: "int", victim: "text" }, ["claim_id", "victim"], false, `claim_id in (select id from claims where ${VISIBLE_CLAIM})`),
  spec("document_relations", { doc_a: "int", doc_b: "int", kind: "text", similarity: "real", created_at: "text" }, ["doc_a", "doc_b", "kind"], false,
    "doc_a in (select id from documents where restricted = 0) and doc_b in (select id from documents where restricted = 0)"),
  // Named victims (migration 14): lists and their rows, mentions in documents, the registry, review.
  spec("victim_lists", {
    id: "int", name: "text", source: "text", network: "text?", depends_on: "text", document_id: "int?", mapping: "text", imported_at: "text", restricted: "int",
  }, ["id"], true, "restricted = 0 and (document_id is null or document_id in (select id from documents where restricted = 0))"),
  spec("victim_rows", {
    id: "int", list_id: "int", line: "int", name: "text", age: "int?", sex: "text?", place: "text?", date: "text?", event: "text?", occupation: "text?", ethnicity: "text?",
    person_id: "int?", restricted: "int", extra: "text?",
  }, ["id"], true, "restricted = 0 and list_id in (select id from victim_lists where restricted = 0)"),
  spec("victim_mentions", {
    id: "int", document_id: "int", claim_id: "int?", span_start: "int", span_end: "int", sentence_start: "int", sentence_end: "int", source: "text?", name: "text", age: "int?",
    sex: "text?", place: "text?", date: "text?", event: "text?", occupation: "text?", ethnicity: "text?", person_id: "int?", restricted: "int",
  }, ["id"], true, "restricted = 0 and document_id in (select id from documents where restricted = 0)"),
  spec("victim_persons", { id: "int", records: "int", linked_at: "text", restricted: "int" }, ["id"], true, "restricted = 0"),
  spec("victim_pairs", { a: "text", b: "text", score: "real", class: "text", reasons: "text" }, ["a", "b"], false, null),
  spec("victim_decisions", {
    id: "int", a: "text", b: "text", same: "int", reason: "text?", decided_by: "text", decided_at: "text", undone_by: "text?", undone_at: "text?",
  }, ["id"], true, null),
  spec("users", {
    id: "int", name: "text", role: "text", password_hash: "text", disabled: "int", failed_logins: "int", locked_until: "text?",
    created_at: "text", updated_at: "text",
  }, ["id"], true, null),
  spec("api_tokens", {
    id: "int", user_id: "int", name: "text", token_hash: "text", created_at: "text", last_used_at: "text?", revoked_at: "text?",
  }, ["id"], true, null),
  spec("audit_events", {
    seq: "int", at: "text", actor: "text", action: "text", object_type: "text", object_id: "text", before: "text?", after: "text?",
    prev_hash: "text", hash: "text",
  }, ["seq"], false, null),
  spec("audit_head", { id: "int", seq: "int", hash: "text" }, ["id"], false, null),
];

/** The spec of a table by name, or undefined when bundles do not carry it. */
export function tableSpec(name: string): TableSpec | undefined {
  return BUNDLE_TABLES.find((t) => t.name === name);
}

/** The first line of a bundle. */
export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** Schema version (highest migration) of the store the bundle was written from. */
  schemaVersion: number;
  createdAt: string;
  tally: string;
  /** Which database the bundle was written from. */
  dialect: string;
  /** A public export: restricted material, users, tokens and the audit trail are left out. */
  public: boolean;
  /** Rows per table, in the order they follow. */
  tables: Record<string, number>;
  /** Columns per table, in the order of each row's keys. */
  columns: Record<string, string[]>;
  /** Columns written as base64, per table. */
  binary: Record<string, string[]>;
  note?: string;
}

/** The last line: row count and SHA-256 of every byte before it (header and rows, newlines included). */
export interface BundleEnd {
  end: true;
  rows: number;
  sha256: string;
}

/** What an export wrote or an import restored. */
export interface BundleSummary {
  header: BundleHeader;
  /** Rows written or restored (header and end line not counted). */
  rows: number;
  /** SHA-256 recorded in the end line. */
  sha256: string;
  /** Size of the compressed bundle in bytes. */
  bytes: number;
}

/** Version string written into headers. */
export const TALLY_VERSION = "0.1.0";
