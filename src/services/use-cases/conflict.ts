// Use case of one conflict by its id (`con_…`, stable across runs): its permalink, the page
// /conflicts/{id}, and its `.csv` and `.json` exports perform it.
import { z } from "zod";
import { ConflictSchema } from "../../shared/entities/fact.js";
import { NotFound } from "../../shared/errors.js";
import { factsOf } from "./facts.js";
import { useCase } from "./use-case.js";

/** One contradiction between claims, as `/conflicts` lists it. */
export const showConflict = useCase({
  name: "facts.conflict",
  role: "viewer",
  input: z.object({ id: z.string().min(1).max(200) }),
  output: ConflictSchema,
  async run(ctx, { id }) {
    const found = (await (await factsOf(ctx)).conflicts()).find((k) => k.id === id);
    if (!found) throw new NotFound("conflict", id, "id", `no conflict ${id}`);
    return found;
  },
});
