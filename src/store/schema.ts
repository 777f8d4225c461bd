// Kysely table types: the database schema as the query builder sees it.
import type { VictimTables } from "./victim-schema.js";
import type { Generated } from "kysely";

/** Row of `documents`. */
export interface DocumentsTable {
  id: Generated<number>;
  sha256: string;
  bytes: Uint8Array;
  size: number;
  media_type: string;
  name: string;
  url: string | null;
  path: string | null;
  publisher: string | null;
  published: string | null;
  captured_at: string;
  collector: string;
  language: string | null;
  title: string | null;
  text: string;
  text_map: string | null;
  headers: string | null;
  simhash: string | null;
  created_at: string;
  restricted: Generated<number>;
}

/** Row of `claims`. */
export interface ClaimsTable {
  id: Generated<number>;
  document_id: number;
  event: string;
  count: number;
  qualifier: string;
  period_start: string | null;
  period_end: string | null;
  /** Year of period_start, else of the document's publication; for aggregates. */
  year: number | null;
  place: string | null;
  /** JSON array of victim groups. */
  victims: string;
  source: string | null;
  source_id: number | null;
  quote: string;
  span_start: number;
  span_end: number;
  count_start: number | null;
  count_end: number | null;
  clutter: number;
  extractor_version: string;
  created_at: string;
  /** proposed | accepted | corrected | rejected | added. */
  status: Generated<string>;
  /** JSON of the extractor's proposal when an analyst corrected it (or a newer extractor proposed otherwise). */
  proposal: string | null;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  restricted: Generated<number>;
  /** A later claim of the same source that replaces this figure. */
  superseded_by: number | null;
  /** JSON {scope} (merged into another fact) or {split} (split into a fact of its own), set by hand. */
  fact_override: string | null;
  /** The period as the text names it in its own calendar ("آبان ۱۴۰۳"), beside the Gregorian one. */
  period_label: string | null;
  /** Where the period came from: sentence, paragraph, heading, title or publication. */
  period_from: string | null;
  /** The extractor's confidence, 0–1, and why it is not higher. */
  confidence: number | null;
  confidence_reason: string | null;
}

/** Row of `claim_victims`: one per (claim, victim group), for filtering. */
export interface ClaimVictimsTable {
  claim_id: number;
  victim: string;
}

/** Row of `sources`. */
export interface SourcesTable {
  id: Generated<number>;
  name: string;
  kind: string;
  /** JSON array of aliases as given. */
  aliases: string;
  created_at: string;
  restricted: Generated<number>;
}

/** Row of `source_keys`: lower-cased name and aliases pointing to their source. */
export interface SourceKeysTable {
  key: string;
  source_id: number;
}

/** Row of `document_relations`; doc_a < doc_b. */
export interface DocumentRelationsTable {
  doc_a: number;
  doc_b: number;
  kind: string;
  similarity: number;
  created_at: string;
}

/** Row of `users`. */
export interface UsersTable {
  id: Generated<number>;
  name: string;
  /** admin | analyst | viewer. */
  role: string;
  /** scrypt$N$r$p$salt$hash. */
  password_hash: string;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** Row of `sessions`: a web login; the cookie holds the token, the table its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Row of `api_tokens`: a script's credential, stored as its SHA-256. */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Row of `tally_migrations`. */
export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

/** Row of `claim_tallies`: how many claims share these values (kept by triggers on claims). */
export interface ClaimTalliesTable {
  key: string;
  event: string;
  place: string | null;
  year: number | null;
  source_id: number | null;
  clutter: number;
  status: string;
  restricted: number;
  /** 1 when superseded_by is set. */
  superseded: number;
  n: number;
}

/** Row of `claim_source_tallies`: the same counts by source record and raw source string, without the year. */
export interface ClaimSourceTalliesTable {
  key: string;
  source_id: number | null;
  source: string | null;
  event: string;
  place: string | null;
  clutter: number;
  status: string;
  restricted: number;
  superseded: number;
  n: number;
}

/** Row of `claim_victim_tallies`: claim_tallies' counts per victim group the claims name. */
export interface ClaimVictimTalliesTable extends ClaimTalliesTable {
  victim: string;
}

/** The whole database. */
/** Row of `fact_rows`: one stored fact of one audience ("full" or "public"). */
export interface FactRowsTable {
  audience: string;
  id: string;
  key: string;
  family: string;
  place: string | null;
  period_start: string | null;
  period_end: string | null;
  /** Victim groups joined with "+" ("" for all victims). */
  victims: string;
  parent_id: string | null;
  status: string;
  /** JSON of the fact without its claims and revisions (FactHead). */
  data: string;
  /** JSON of the fact's revisions (migration 16). */
  revisions: string;
  /** The version of the audience's facts that last wrote the row (migration 16). */
  changed: number;
}

/** Row of `fact_claims`: a claim counted in a stored fact, with the linker's snapshot of it. */
export interface FactClaimsTable {
  audience: string;
  claim_id: string;
  fact_id: string;
  document_id: string;
  dating_key: string | null;
  data: string;
}

/** Row of `fact_conflicts`. */
export interface FactConflictsTable {
  audience: string;
  id: string;
  kind: string;
  /** The fact whose update recomputes it (the fact, the whole, or the earlier of two misdated facts). */
  owner: string;
  data: string;
  /** The version of the audience's facts that last wrote the row (migration 16). */
  changed: number;
}

/** Row of `fact_drops`: a fact or contradiction removed, and by which version (migration 16). */
export interface FactDropsTable {
  audience: string;
  kind: "fact" | "conflict";
  id: string;
  changed: number;
}

/** Row of `fact_conflict_facts`: which facts a contradiction touches. */
export interface FactConflictFactsTable {
  audience: string;
  conflict_id: string;
  fact_id: string;
}

/** Row of `fact_state`: how far the stored facts of an audience follow the audit trail. */
export interface FactStateTable {
  audience: string;
  synced_seq: number;
  digest: string;
  built_at: string;
  /** Raised by every change of the audience's facts (migration 16). */
  version: number;
  /** The version of the last rebuild: what changed before it cannot be read as changes. */
  rebuilt: number;
}

/** Every table; the victim tables (migration 14) are declared in victim-schema.ts. */
export interface Database extends VictimTables {
  documents: DocumentsTable;
  claims: ClaimsTable;
  claim_tallies: ClaimTalliesTable;
  claim_source_tallies: ClaimSourceTalliesTable;
  claim_victim_tallies: ClaimVictimTalliesTable;
  claim_victims: ClaimVictimsTable;
  sources: SourcesTable;
  source_keys: SourceKeysTable;
  document_relations: DocumentRelationsTable;
  tally_migrations: MigrationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  fact_rows: FactRowsTable;
  fact_claims: FactClaimsTable;
  fact_conflicts: FactConflictsTable;
  fact_conflict_facts: FactConflictFactsTable;
  fact_state: FactStateTable;
  fact_drops: FactDropsTable;
}

/** Which SQL engine a connection talks to. */
export type DialectName = "sqlite" | "postgres";
