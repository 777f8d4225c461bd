// Use cases of review: a decision on a claim (accept, correct, reject, reopen), a claim added by
// hand, supersession, restriction, and merging and splitting facts by hand. `tally review …`,
// `tally restrict` and the API's review routes all perform these.
import { z } from "zod";
import { ClaimEntity } from "../../shared/entities/claim.js";
import { Invalid } from "../../shared/errors.js";
import type { ManualClaim, ReviewDecision } from "../../store/index.js";
import { FactsService } from "../facts.js";
import { loadRegistry } from "../registry-file.js";
import { sourceRecord } from "../source-records.js";
import { DecisionInput, ManualClaimInput } from "./claim-inputs.js";
import { useCase } from "./use-case.js";

const claimId = z.number().int().min(1);
const claimIds = z.array(claimId).min(1).max(10_000);
const factId = z.string().trim().min(1).max(200);

/** Applies an analyst's decision to a claim; the extractor's proposal is kept beside a correction. */
export const reviewClaim = useCase({
  name: "claims.review",
  role: "analyst",
  input: z.object({ id: claimId, decision: DecisionInput }),
  output: ClaimEntity,
  run: ({ store }, { id, decision }) => store.reviewClaim(id, decision as ReviewDecision),
});

/** Adds a claim by hand from a span of a document's working text (status "added"). */
export const addClaim = useCase({
  name: "claims.add",
  role: "analyst",
  input: z.object({ documentId: z.number().int().min(1), claim: ManualClaimInput }),
  output: ClaimEntity,
  run: ({ store }, { documentId, claim }) => store.addClaim(documentId, claim as ManualClaim),
});

/** Marks a figure superseded by a later claim of the same source, or clears it (`by` null). */
export const supersedeClaim = useCase({
  name: "claims.supersede",
  role: "analyst",
  input: z.object({ id: claimId, by: claimId.nullable() }),
  output: ClaimEntity,
  run: ({ store }, { id, by }) => store.supersedeClaim(id, by),
});

/**
 * Marks a document, claim or source restricted (hidden from viewers and public exports) or
 * releases it. A source is named by its record id, name or alias (a record is made for a name
 * that has none, linked to its claims); documents and claims by their number.
 */
export const restrict = useCase({
  name: "restrict",
  role: "analyst",
  input: z.object({ type: z.enum(["document", "claim", "source"]), id: z.union([z.number().int().min(1), z.string().max(200)]), restricted: z.boolean() }),
  output: z.object({ type: z.enum(["document", "claim", "source"]), id: z.number().int(), restricted: z.boolean(), source: z.object({ id: z.number().int(), name: z.string(), claims: z.number().int() }).nullable() }),
  async run({ store, dataDir }, { type, id, restricted }) {
    if (type !== "source") {
      if (typeof id === "string") throw new Invalid(`id: a ${type} is named by its number`, "id");
      await store.setRestricted({ type, id }, restricted);
      return { type, id, restricted, source: null };
    }
    const record = await sourceRecord(store, await loadRegistry(dataDir), String(id));
    await store.setRestricted({ type, id: record.id }, restricted);
    return { type, id: record.id, restricted, source: { id: record.id, name: record.name, claims: record.claims } };
  },
});

/** Merges facts by hand: the claims of `from` join the fact `into` (linked afresh from the caller's claims). */
export const mergeFacts = useCase({
  name: "facts.merge",
  role: "analyst",
  input: z.object({ into: factId, from: z.array(factId).min(1).max(100) }),
  output: z.object({ fact: z.string(), claims: z.array(z.number().int()) }),
  async run({ store, dataDir }, { into, from }) {
    const claims = await (await FactsService.open(store, dataDir)).mergeFacts(into, from, store);
    return { fact: into, claims };
  },
});

/** Splits claims out of a fact into a fact of their own. */
export const splitFact = useCase({
  name: "facts.split",
  role: "analyst",
  input: z.object({ fact: factId, claimIds }),
  output: z.object({ fact: z.string() }),
  async run({ store, dataDir }, { fact, claimIds }) {
    return { fact: await (await FactsService.open(store, dataDir)).splitFact(fact, claimIds, store) };
  },
});

/** Undoes merges and splits of these claims. */
export const clearFactAssignment = useCase({
  name: "facts.clear-assignment",
  role: "analyst",
  input: z.object({ claimIds }),
  output: z.object({ ok: z.boolean() }),
  async run({ store }, { claimIds }) {
    await store.setFactOverride(claimIds, null);
    return { ok: true };
  },
});
