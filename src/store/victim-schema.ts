// Rows of the victim tables (migration 14), as Kysely sees them.
import type { Generated } from "kysely";

/** The victim tables (migration 14). */
export interface VictimTables {
  victim_lists: { id: Generated<number>; name: string; source: string; network: string | null; depends_on: string; document_id: number | null; mapping: string; imported_at: string; restricted: number };
  victim_rows: PersonColumns & { id: Generated<number>; list_id: number; line: number; extra: string | null };
  victim_mentions: PersonColumns & { id: Generated<number>; document_id: number; claim_id: number | null; span_start: number; span_end: number; sentence_start: number; sentence_end: number; source: string | null };
  victim_persons: { id: Generated<number>; records: number; linked_at: string; restricted: number };
  victim_pairs: { a: string; b: string; score: number; class: string; reasons: string };
  victim_decisions: { id: Generated<number>; a: string; b: string; same: number; reason: string | null; decided_by: string; decided_at: string; undone_by: string | null; undone_at: string | null };
}

/** Columns a list row and a mention share. */
export interface PersonColumns {
  name: string;
  age: number | null;
  sex: string | null;
  place: string | null;
  date: string | null;
  event: string | null;
  occupation: string | null;
  ethnicity: string | null;
  person_id: number | null;
  restricted: number;
}

