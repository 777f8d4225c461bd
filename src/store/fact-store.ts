// Stored facts: the linker's facts kept as data, per audience ("full": every claim; "public":
// what viewers may see), with the claims each counts, their contradictions and how far they
// follow the audit trail. The update (src/services/fact-update.ts) reads through this interface
// only what a change touches and writes back what changed; every dialect detail stays in the
// implementations (KyselyFactStore here, MemoryFactStore for benchmarks and tests).
import type { Contradiction, Fact, LinkClaim, Revision } from "../core/linking/index.js";
import type { Period } from "../core/types.js";

/** Who the stored facts are for: readers of restricted material, or everyone else. */
export type FactAudience = "full" | "public";
export const FACT_AUDIENCES: readonly FactAudience[] = ["full", "public"];

/** A stored fact: the linker's fact without its claims, children and contradictions (stored apart). */
export type StoredFact = Omit<Fact, "claims" | "children" | "contradictionIds"> & {
  revisions: Revision[];
  /** Standing figures another voice of the fact contradicts (dating errors weigh them). */
  contradictedClaims: string[];
};

/** A stored fact without its revisions: what the update reads around a change (the revisions of a much-reported fact are most of its size). */
export type FactHead = Omit<StoredFact, "revisions">;

/** What the update needs to know of a stored contradiction to decide whether it is recomputed. */
export interface ConflictRef {
  id: string;
  kind: Contradiction["kind"];
  owner: string;
  /** The facts it touches among those asked for. */
  facts: string[];
}

/** A claim counted in a stored fact: the linker's snapshot of it, and what the views show. */
export interface FactClaimRecord {
  factId: string;
  /** Key of the claim for dating errors (datingKey), null when not compared. */
  datingKey: string | null;
  claim: LinkClaim;
  /** The source name as stored (before the registry normalised it). */
  credited: string | null;
  /** The period in the text's own calendar, when it names one. */
  periodLabel: string | null;
}

/** A stored contradiction and the fact whose update recomputes it. */
export interface ConflictRecord {
  owner: string;
  contradiction: Contradiction;
}

/** How far the stored facts of an audience follow the audit trail, and what they were linked with. */
export interface FactState {
  syncedSeq: number;
  /** Digest of the source registry and linking rules the facts were linked with. */
  digest: string;
  builtAt: string;
}

/** One update of the stored facts of an audience, applied atomically. */
export interface FactChange {
  /** Drop every stored fact of the audience first (a full rebuild). */
  clear?: boolean;
  deleteFacts: string[];
  /** New or recomputed facts (their parentId included). */
  upsertFacts: StoredFact[];
  /** Facts that only change parent. */
  parents: { id: string; parentId: string | null }[];
  /** Documents whose claims leave their facts (before addClaims). */
  removeDocuments: string[];
  addClaims: FactClaimRecord[];
  deleteConflicts: string[];
  addConflicts: ConflictRecord[];
  state: FactState;
}

/** One partition's share of a rebuild: its facts, the claims they count and their contradictions. */
export interface FactPart {
  facts: StoredFact[];
  claims: FactClaimRecord[];
  conflicts: ConflictRecord[];
}

/** Everything stored for an audience (or one event family of it). */
export interface StoredFacts {
  facts: StoredFact[];
  claims: FactClaimRecord[];
  conflicts: ConflictRecord[];
  /** The version of the audience's facts read (raised by every change; 0 before the first). */
  version: number;
}

/**
 * What changed in an audience's stored facts since a version: the facts and contradictions written
 * since (as they are now, a fact with all its claims) and those removed. Applying the removals,
 * then the rest, to what was read at that version gives what is stored now.
 */
export interface FactDelta {
  version: number;
  facts: StoredFact[];
  /** Every claim of `facts`. */
  claims: FactClaimRecord[];
  conflicts: ConflictRecord[];
  droppedFacts: string[];
  droppedConflicts: string[];
}

/** Storage of facts; reads return what is stored (no order promised). */
export interface FactStore {
  state(audience: FactAudience): Promise<FactState | null>;
  facts(audience: FactAudience, ids: readonly string[]): Promise<FactHead[]>;
  claimsOfFacts(audience: FactAudience, factIds: readonly string[]): Promise<FactClaimRecord[]>;
  claimsOfDocuments(audience: FactAudience, documentIds: readonly string[]): Promise<FactClaimRecord[]>;
  claims(audience: FactAudience, claimIds: readonly string[]): Promise<FactClaimRecord[]>;
  /** Facts of a family at one of `places` (null: no place) whose period overlaps `period` (null: undated ones). */
  relatives(audience: FactAudience, family: string, places: readonly (string | null)[], period: Period | null): Promise<FactHead[]>;
  /** Facts whose parent is one of `parentIds`. */
  children(audience: FactAudience, parentIds: readonly string[]): Promise<FactHead[]>;
  /** The claims stored under one of these dating keys. */
  datingClaims(audience: FactAudience, keys: readonly string[]): Promise<FactClaimRecord[]>;
  /** Contradictions touching one of these facts. */
  conflictsOf(audience: FactAudience, factIds: readonly string[]): Promise<ConflictRef[]>;
  /**
   * Applies a change atomically. A contradiction both deleted and added unchanged (same owner and
   * content) may be left as it is. With `expectedSeq`, only when the stored state is still at that
   * audit sequence (another process may have updated the facts meanwhile); false when it is not.
   */
  apply(audience: FactAudience, change: FactChange, expectedSeq?: number | null): Promise<boolean>;
  /**
   * Replaces every stored fact of an audience by the parts given, atomically: each part is asked
   * for (linked) only once the one before is written, so that a rebuild never holds the linker's
   * output for every partition at once, and readers see the facts before or after, never half of
   * them. Resolves with the version written (the one load() then reports).
   */
  rebuild(audience: FactAudience, parts: Iterable<FactPart>, state: FactState): Promise<number>;
  /** Everything stored for an audience, or for one event family of it. */
  load(audience: FactAudience, family?: string): Promise<StoredFacts>;
  /** What changed since `version` (of a load or an earlier delta); null when the facts were rebuilt since. */
  changesSince(audience: FactAudience, version: number): Promise<FactDelta | null>;
}
