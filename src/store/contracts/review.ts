// Review: analysts' decisions on claims, claims added by hand, fact edits, restriction.
import type { ClaimFields, FactOverride, StoredClaim } from "./claims.js";
import type { WriteOptions } from "./common.js";

/** An analyst's decision on one claim. */
export type ReviewDecision =
  | { action: "accept"; reason?: string }
  | { action: "reject"; reason: string }
  | { action: "correct"; fields: Partial<ClaimFields>; reason?: string }
  /** Back to the queue: the decision is undone, the extractor's proposal restored. */
  | { action: "reopen"; reason?: string };

/** A claim added by hand from a span of a document's text. */
export interface ManualClaim extends ClaimFields {
  /** Span of the sentence (or any stretch) of the document's working text the claim rests on. */
  span: [number, number];
  reason?: string;
}

/** Review decisions, hand-added claims, fact edits and restriction. */
export interface ReviewStore {
  /** One claim by id (null when absent or not visible under the store's access). */
  getClaim(id: number): Promise<StoredClaim | null>;
  /** Applies an analyst's decision; the extractor's proposal is kept beside a correction. */
  reviewClaim(id: number, decision: ReviewDecision, opts?: WriteOptions): Promise<StoredClaim>;
  /** Adds a claim by hand from a span of the document's working text (status "added"). */
  addClaim(documentId: number, claim: ManualClaim, opts?: WriteOptions): Promise<StoredClaim>;
  /** Marks a claim superseded by a later claim of the same source, or clears it (null). */
  supersedeClaim(id: number, by: number | null, opts?: WriteOptions): Promise<StoredClaim>;
  /** Assigns claims to a fact by hand (merge into a scope, split out), or clears the assignment (null). */
  setFactOverride(claimIds: readonly number[], override: FactOverride | null, opts?: WriteOptions): Promise<void>;
  /** Marks a document, claim or source restricted (or not). */
  setRestricted(target: { type: "document" | "claim" | "source"; id: number }, restricted: boolean, opts?: WriteOptions): Promise<void>;
}
