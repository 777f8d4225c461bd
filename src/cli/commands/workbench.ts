// The analyst's workbench on the command line: `tally documents` (the documents use case, as the
// web's documents page and `/api/v1/documents` answer it) and `tally report` (a country-year fact
// sheet, as the web's report page shows it).
import type { Command } from "commander";
import { documentsCsv } from "../../services/documents.js";
import { documentsPage } from "../../services/use-cases/documents.js";
import { reportHtml, reportMarkdown } from "../../services/report-render.js";
import { report as reportCase } from "../../services/use-cases/reports.js";
import { isolate, renderTable } from "../bidi.js";
import { configOf, performWith } from "../context.js";
import { parseFormat, type CliIo } from "../io.js";

interface DocumentsOptions {
  limit: string;
  offset: string;
  publisher?: string;
  language?: string;
  from?: string;
  to?: string;
  claims?: boolean;
  restricted?: boolean;
  reference?: boolean;
  format?: string;
}

/** Registers `tally documents` and `tally report`. */
export function registerWorkbench(program: Command, io: CliIo): void {
  registerDocuments(program, io);
  registerReport(program, io);
}

function registerDocuments(program: Command, io: CliIo): void {
  program
    .command("documents")
    .description("stored documents with filters (publisher, language, publication dates, claims, restricted, reference data), newest capture first")
    .option("--limit <n>", "how many (1–500)", "50")
    .option("--offset <n>", "skip this many", "0")
    .option("--publisher <name>", "only this publisher (any case)")
    .option("--language <code>", "only this language (ISO 639-1: en, fa, ar, fr…; `unknown` for none detected)")
    .option("--from <date>", "published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--to <date>", "published on or before")
    .option("--claims", "only documents with standing claims")
    .option("--no-claims", "only documents without standing claims")
    .option("--restricted", "only restricted documents")
    .option("--no-restricted", "only unrestricted documents")
    .option("--reference", "only the pseudo-documents of reference datasets")
    .option("--no-reference", "only reports (no reference data)")
    .option("--format <format>", "table, json, jsonl or csv")
    .action(async (o: DocumentsOptions, cmd: Command) => {
      const format = parseFormat(o.format, ["table", "json", "jsonl", "csv"], io.isTTY ? "table" : "jsonl");
      // Commander gives a negatable flag `true` by default: only an explicit one narrows the list.
      const given = (name: string) => cmd.getOptionValueSource(name) === "cli";
      const input = {
        limit: o.limit,
        offset: o.offset,
        ...(o.publisher !== undefined ? { publisher: o.publisher } : {}),
        ...(o.language !== undefined ? { language: o.language } : {}),
        ...(o.from !== undefined ? { from: o.from } : {}),
        ...(o.to !== undefined ? { to: o.to } : {}),
        ...(given("claims") ? { hasClaims: o.claims } : {}),
        ...(given("restricted") ? { restricted: o.restricted } : {}),
        ...(given("reference") ? { reference: o.reference } : {}),
      };
      const page = await performWith(configOf(cmd), documentsPage, input);
      if (format === "json") io.out(JSON.stringify(page, null, 2));
      else if (format === "jsonl") for (const d of page.documents) io.out(JSON.stringify(d));
      else if (format === "csv") io.out(documentsCsv(page).replace(/\r\n$/, ""));
      else {
        const head = ["id", "title", "publisher", "published", "lang", "claims", "kind"];
        const rows = page.documents.map((d) => [
          d.id,
          isolate((d.title ?? d.name).slice(0, 60)),
          isolate(d.publisher ?? "—"),
          d.published ?? "—",
          d.language ?? "—",
          d.unsupported ? "0 (no rules)" : d.claimCount,
          d.collector === "tally reference" ? "reference" : d.mediaType.replace(/^(text|application)\//, ""),
        ]);
        io.out(renderTable({ head, style: { head: [], border: [] } }, rows));
        io.out(`${page.total === 0 ? "no documents" : `documents ${page.offset + 1}–${page.offset + page.documents.length} of ${page.total}`}`);
      }
    });
}

/** Registers `tally report` on the program (called by registerWorkbench). */
function registerReport(program: Command, io: CliIo): void {
  program
    .command("report")
    .description("a printable fact sheet for a place and a year: timeline with each network's figure and the band, facts with every quote cited, conflicts, sources, documents")
    .requiredOption("--place <place>", "the place (any case, aliases; places inside it count)")
    .requiredOption("--year <year>", "the year")
    .option("--event <type>", "only this event type")
    .option("--format <format>", "md, html or json", "md")
    .action(async (o: { place: string; year: string; event?: string; format: string }, cmd: Command) => {
      const format = parseFormat(o.format, ["md", "html", "json"], "md");
      const report = await performWith(configOf(cmd), reportCase, { place: o.place, year: o.year, ...(o.event !== undefined ? { event: o.event } : {}) });
      io.out(format === "json" ? JSON.stringify(report, null, 2) : format === "html" ? reportHtml(report) : reportMarkdown(report));
    });
}
