// The VictimStore: named victims' lists, mentions in documents, the registry of people linkage
// makes of them, the pairs left for review and reviewers' decisions. Kept beside the Store (which
// gives it through one accessor, `victimStore()`), over the same database and audit trail.
import type { VictimFields } from "../core/victims/types.js";
import type { WriteOptions } from "./contracts/common.js";

/** What a list row or a mention says of a person (core/victims/types.ts). */
export type { VictimFields };

/** A list to import: its name, who keeps it, its network, and the rows that read well. */
export interface NewVictimList {
  name: string;
  source: string;
  network: string | null;
  dependsOn: string[];
  /** The stored document holding the original file. */
  documentId: number | null;
  /** How the file's columns map onto fields ("col=field"). */
  mapping: Record<string, string>;
  restricted: boolean;
  rows: Array<VictimFields & { line: number; extra: Record<string, string> | null }>;
}

/** A stored list. */
export interface StoredVictimList {
  id: number;
  name: string;
  source: string;
  network: string | null;
  dependsOn: string[];
  documentId: number | null;
  mapping: Record<string, string>;
  importedAt: string;
  restricted: boolean;
  rows: number;
}

/** A mention to store with its document (offsets into the document's working text). */
export interface NewVictimMention extends VictimFields {
  claimId: number | null;
  span: [number, number];
  sentence: [number, number];
  /** Who names the victim: the claim's source, else the document's publisher. */
  source: string | null;
}

/**
 * A mention stored with its document when the document (or its re-extraction) is written:
 * `claim` is the index, among the claims written with it, of the claim whose count it belongs to.
 */
export interface DocumentMention extends Omit<NewVictimMention, "claimId"> {
  claim: number | null;
}

/** One record of the registry: a list row ("row:ID") or a mention ("mention:ID"). */
export interface VictimRecordRow extends VictimFields {
  key: string;
  kind: "row" | "mention";
  id: number;
  /** The list's name, or the mention's source (else "document N"). */
  source: string;
  network: string | null;
  listId: number | null;
  documentId: number | null;
  claimId: number | null;
  line: number | null;
  span: [number, number] | null;
  personId: number | null;
  restricted: boolean;
}

/** A pair a linkage left for review. */
export interface VictimPair {
  a: string;
  b: string;
  score: number;
  class: string;
  reasons: Array<{ field: string; points: number; note: string }>;
}

/** A reviewer's decision on a pair of records. */
export interface VictimDecision {
  id: number;
  a: string;
  b: string;
  same: boolean;
  reason: string | null;
  decidedBy: string;
  decidedAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
}

/** What a linkage run writes: the clusters (record keys), and the pairs for review. */
export interface LinkageWrite {
  clusters: string[][];
  review: VictimPair[];
}

/** What writing a linkage changed, as also recorded in the audit trail. */
export interface LinkageChanges {
  persons: number;
  created: number;
  merges: Array<{ into: number; from: number[] }>;
  splits: Array<{ from: number; into: number[] }>;
  removed: number[];
}

/** A person of the registry, with the records that name them. */
export interface StoredPerson {
  id: number;
  restricted: boolean;
  linkedAt: string;
  records: VictimRecordRow[];
}

/** Which records to read; every field narrows. */
export interface VictimRecordFilter {
  listId?: number;
  documentId?: number;
  claimIds?: readonly number[];
  personIds?: readonly number[];
  /** Only records of people (person_id set). */
  linked?: boolean;
}

/** Named victims' storage. Reads leave restricted material out unless the store's access allows it. */
export interface VictimStore {
  /** Stores a list and its rows (one audited transaction); refuses a name already taken. */
  createList(list: NewVictimList, opts?: WriteOptions): Promise<StoredVictimList>;
  listLists(): Promise<StoredVictimList[]>;
  /** Removes a list and its rows (audited; the original file stays a document); its people are re-linked by the next linkage. */
  deleteList(id: number, opts?: WriteOptions): Promise<number>;
  getList(idOrName: number | string): Promise<StoredVictimList | null>;
  /** Replaces a document's mentions by these (audited); their people are re-linked by the next linkage. */
  replaceMentions(documentId: number, mentions: readonly NewVictimMention[], opts?: WriteOptions): Promise<number>;
  /** Every record (rows and mentions) matching the filter, ordered by key. */
  records(filter?: VictimRecordFilter): Promise<VictimRecordRow[]>;
  /** Writes a linkage: people kept stable where their records stay together; merges, splits and removals audited. */
  writeLinkage(linkage: LinkageWrite, opts?: WriteOptions): Promise<LinkageChanges>;
  /** People, newest ids last, a page at a time, with their (visible) records. */
  listPersons(page: { limit: number; offset: number }): Promise<StoredPerson[]>;
  countPersons(): Promise<number>;
  getPerson(id: number): Promise<StoredPerson | null>;
  /** The pairs left for review, best score first. */
  reviewPairs(limit: number): Promise<VictimPair[]>;
  /** Records a decision on a pair (the previous one on the same pair is undone). */
  decide(a: string, b: string, same: boolean, reason: string | null, opts?: WriteOptions): Promise<VictimDecision>;
  /** Undoes a decision (kept, marked undone). */
  undoDecision(id: number, opts?: WriteOptions): Promise<VictimDecision>;
  /** Decisions in force (not undone), or every decision with `all`. */
  decisions(all?: boolean): Promise<VictimDecision[]>;
  /** Marks a list, a person or one record restricted (or not). */
  setRestricted(target: { type: "list" | "person" | "row" | "mention"; id: number }, restricted: boolean, opts?: WriteOptions): Promise<void>;
}
