// Use cases of named victims: the registry (a page of people, one person), the lists (all, one,
// import, remove), reading mentions out of documents, linkage, review pairs and decisions, the
// overlap with its estimate, lists against counts, and restriction. `tally victims …`, `tally
// victim <id>` and /api/v1/victims…, /api/v1/victim-lists perform these; the work is in
// src/services/victims-*.ts, the outputs are the entities of src/shared/entities/victim.ts, the
// roles are decided here: viewers read (never a restricted name: the store is scoped to the
// caller), analysts change.
import { z } from "zod";
import { NotFound } from "../../shared/errors.js";
import {
  VictimCountsSchema, VictimDecisionSchema, VictimListDetailSchema, VictimListSchema, VictimOverlapSchema, VictimPairSchema, VictimPersonDetailSchema, VictimPersonListSchema,
} from "../../shared/entities/victim.js";
import { importVictimList } from "../victims-import.js";
import { decideVictimPair, linkVictims } from "../victims-link.js";
import { extractVictimMentions, getVictimPerson, listsAgainstCounts, listVictimPersons, victimOverlap } from "../victims-registry.js";
import { DecideInput, ImportListInput, ImportListOutput, LinkInput, LinkOutput, OverlapInput, PageInput } from "../victims-schemas.js";
import { useCase } from "./use-case.js";

const Id = z.object({ id: z.number().int().min(1) });

/** The registry of people, a page at a time, with the total a reader may see. */
export const listVictims = useCase({
  name: "victims.list",
  role: "viewer",
  input: PageInput,
  output: VictimPersonListSchema,
  run: ({ store }, page) => listVictimPersons(store, page),
});

/** One person: what the records agree on, and every record a reader may see. */
export const showVictim = useCase({
  name: "victims.show",
  role: "viewer",
  input: Id,
  output: VictimPersonDetailSchema,
  run: ({ store }, { id }) => getVictimPerson(store, id),
});

/** The imported lists. */
export const listVictimLists = useCase({
  name: "victims.lists",
  role: "viewer",
  input: z.object({}),
  output: z.object({ lists: z.array(VictimListSchema) }),
  run: async ({ store }) => ({ lists: await store.victimStore().listLists() }),
});

/** One list with its rows. */
export const showVictimList = useCase({
  name: "victims.lists.show",
  role: "viewer",
  input: Id,
  output: VictimListDetailSchema,
  async run({ store }, { id }) {
    const list = await store.victimStore().getList(id);
    if (!list) throw new NotFound("victim list", id);
    return { list, records: await store.victimStore().records({ listId: id }) };
  },
});

/** Imports a CSV list: the good rows, and the bad ones reported by line. */
export const importVictims = useCase({
  name: "victims.import",
  role: "analyst",
  input: ImportListInput,
  output: ImportListOutput,
  run: ({ store }, input) => importVictimList(store, input),
});

/** Removes a list and its rows (audited; the original file stays a document). */
export const removeVictimList = useCase({
  name: "victims.lists.remove",
  role: "analyst",
  input: Id,
  output: z.object({ rows: z.number().int() }),
  run: async ({ store }, { id }) => ({ rows: await store.victimStore().deleteList(id) }),
});

/** Reads the victims named in stored documents (all, or these) and stores them as mentions. */
export const readVictimMentions = useCase({
  name: "victims.mentions",
  role: "analyst",
  input: z.object({ documentIds: z.array(z.number().int().min(1)).optional() }),
  output: z.object({ documents: z.number().int(), mentions: z.number().int() }),
  run: ({ store }, { documentIds }) => extractVictimMentions(store, documentIds),
});

/** Links every record into the registry of people. */
export const linkVictimRecords = useCase({
  name: "victims.link",
  role: "analyst",
  input: LinkInput,
  output: LinkOutput,
  run: ({ store }, input) => linkVictims(store, input),
});

/** The pairs linkage left for review, best score first. */
export const victimReviewPairs = useCase({
  name: "victims.review",
  role: "analyst",
  input: z.object({ limit: z.number().int().min(1).max(10_000).default(50) }),
  output: z.object({ pairs: z.array(VictimPairSchema) }),
  run: async ({ store }, { limit }) => ({ pairs: await store.victimStore().reviewPairs(limit) }),
});

/** Decides whether two records are one person (the next linkage obeys). */
export const decideVictims = useCase({
  name: "victims.decide",
  role: "analyst",
  input: DecideInput,
  output: VictimDecisionSchema,
  run: ({ store }, input) => decideVictimPair(store, input),
});

/** Undoes a decision (kept, marked undone). */
export const undoVictimDecision = useCase({
  name: "victims.undo",
  role: "analyst",
  input: Id,
  output: VictimDecisionSchema,
  run: ({ store }, { id }) => store.victimStore().undoDecision(id),
});

/** Which source names whom in a scope, and the estimate from the overlap (or why there is none). */
export const victimsOverlap = useCase({
  name: "victims.overlap",
  role: "viewer",
  input: OverlapInput,
  output: VictimOverlapSchema.extend({ scope: OverlapInput.partial() }),
  async run({ store }, input) {
    const o = await victimOverlap(store, input);
    return { ...o, estimate: { ...o.estimate, assumptions: [...o.estimate.assumptions] } };
  },
});

/** Claims whose victims the text names: the count against the names. */
export const victimCounts = useCase({
  name: "victims.counts",
  role: "viewer",
  input: z.object({}),
  output: VictimCountsSchema,
  run: async ({ store }) => ({ claims: await listsAgainstCounts(store) }),
});

/** Marks a list, person, row or mention restricted, or releases it. */
export const restrictVictims = useCase({
  name: "victims.restrict",
  role: "analyst",
  input: z.object({ type: z.enum(["list", "person", "row", "mention"]), id: z.number().int().min(1), restricted: z.boolean() }),
  output: z.object({ ok: z.boolean() }),
  async run({ store }, { type, id, restricted }) {
    await store.victimStore().setRestricted({ type, id }, restricted);
    return { ok: true };
  },
});
