// Use cases of the printed and browsed reports: the country-year fact sheet and a source's page.
// `tally report`, GET /report (.md, .html) and GET /sources/{name} perform these; the Markdown
// and HTML are rendered by the caller (src/services/report-render.ts).
import { z } from "zod";
import { buildReport, ReportOutput } from "../report.js";
import { sourcePage as buildSourcePage, SourcePageOutput } from "../source-page.js";
import { loadRegistry } from "../registry-file.js";
import { factsOf } from "./facts.js";
import { useCase } from "./use-case.js";

/** A fact sheet for a place and a year (and an event): its input is checked by the report's own schema (ReportInput), which names the field at fault. */
export const report = useCase({
  name: "report",
  role: "viewer",
  input: z.object({ place: z.unknown(), year: z.unknown(), event: z.unknown().optional() }),
  output: ReportOutput,
  async run(ctx, input) {
    return buildReport(ctx.store, await factsOf(ctx), input);
  },
});

/** One source: its registry entry and network, its figures fact by fact beside the other networks', where it was contradicted. */
export const sourcePage = useCase({
  name: "sources.page",
  role: "viewer",
  input: z.object({ name: z.unknown() }),
  output: SourcePageOutput,
  async run(ctx, input) {
    return buildSourcePage(await factsOf(ctx), ctx.registry ? await ctx.registry() : await loadRegistry(ctx.dataDir), input);
  },
});
