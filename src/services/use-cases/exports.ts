// Use cases of the tables to download: the facts, the contradictions and a timeline of a query as
// rows and columns (src/shared/entities/fact-csv.ts), exactly the rows of the list's own answer in
// its order. `tally facts|conflicts|timeline --format csv` and GET /facts.csv, /conflicts.csv and
// /timeline.csv perform these and write the table as CSV.
import { conflictsTable, CsvTableSchema, factsTable, timelineTable } from "../../shared/entities/fact-csv.js";
import { listConflicts, listFacts, timeline } from "./facts.js";
import { useCase } from "./use-case.js";

/** The facts of a filter (the input of `facts.list` without facets) as a table. */
export const exportFacts = useCase({
  name: "facts.export",
  role: "viewer",
  input: listFacts.input.omit({ facets: true }),
  output: CsvTableSchema,
  run: async (ctx, filters) => factsTable((await listFacts.run(ctx, filters)).facts),
});

/** The contradictions of a filter, most consequential first, as a table. */
export const exportConflicts = useCase({
  name: "facts.conflicts.export",
  role: "viewer",
  input: listConflicts.input.omit({ facets: true }),
  output: CsvTableSchema,
  run: async (ctx, filters) => conflictsTable((await listConflicts.run(ctx, filters)).conflicts),
});

/** A timeline as a table: a row per period, a column per voice. */
export const exportTimeline = useCase({
  name: "facts.timeline.export",
  role: "viewer",
  input: timeline.input,
  output: CsvTableSchema,
  run: async (ctx, query) => timelineTable(await timeline.run(ctx, query)),
});
