// Commands over facts and sources (facts, fact, conflicts, timeline, sources, reference).
// They parse and print; the logic lives in src/services/facts.ts, reference.ts and registry-*.ts.
import type { Command } from "commander";
import { EVENT_TYPES, VICTIM_GROUPS, type EventType, type VictimGroup } from "../../core/types.js";
import type { FactFilters } from "../../services/facts.js";
import * as uc from "../../services/use-cases/facts.js";
import { NotFound } from "../../shared/errors.js";
import { CONFLICT_KINDS, CONFLICT_SEVERITIES, FACT_STATUSES } from "../../shared/facets.js";
import { TIMELINE_PARTS } from "../../services/timeline-rows.js";
import { REFERENCE_DATASETS } from "../../services/reference.js";
import { exportConflicts, exportFacts, exportTimeline } from "../../services/use-cases/exports.js";
import { loadReferenceDataset, rebuildFacts } from "../../services/use-cases/maintenance.js";
import { csvOf } from "../../shared/entities/fact-csv.js";
import { configOf, performWith } from "../context.js";
import { parseCount, parseFormat, parseLanguage, UsageError, type CliIo } from "../io.js";
import { guarded } from "./fact-errors.js";
import { conflictsTable, factsTable, factText, timelineTable } from "./fact-render.js";
import { registerSources } from "./fact-sources.js";

const LIST_FORMATS = ["table", "json", "csv"] as const;

function width(): number {
  return process.stdout.columns ?? 160;
}

function parseEvent(value: string | undefined): EventType | undefined {
  if (value === undefined) return undefined;
  if ((EVENT_TYPES as readonly string[]).includes(value)) return value as EventType;
  throw new UsageError(`--event must be one of ${EVENT_TYPES.join(", ")} (got "${value}")`);
}

/** One of `allowed` for the option `--name`, or a usage error naming them. */
function parseOne<const T extends readonly string[]>(name: string, value: string | undefined, allowed: T): T[number] | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
}

function parseVictims(value: string | undefined): VictimGroup | undefined {
  if (value === undefined) return undefined;
  if ((VICTIM_GROUPS as readonly string[]).includes(value)) return value as VictimGroup;
  throw new UsageError(`--victims must be one of ${VICTIM_GROUPS.join(", ")} (got "${value}")`);
}

/** Registers the fact and source commands. */
export function registerFactCommands(program: Command, io: CliIo): void {
  const facts = program
    .command("facts")
    .description("facts linked from the stored claims: one per event, place, period and victims, with low / best / high")
    .option("--event <event>", `one of ${EVENT_TYPES.join(", ")}`)
    .option("--from <date>", "facts whose period ends on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)")
    .option("--to <date>", "facts whose period starts on or before this date")
    .option("--place <place>", "facts about this place or places inside it (any case, or an alias of the gazetteer)")
    .option("--source <source>", "facts with a claim from this source (name, alias or network id)")
    .option("--victims <group>", `one of ${VICTIM_GROUPS.join(", ")}`)
    .option("--status <status>", `how far the independent voices agree: one of ${FACT_STATUSES.join(", ")}`)
    .option("--language <code>", "facts with a claim from a document in this language (ISO 639-1: en, fa, ar, fr…; `unknown` for none detected)")
    .option("--format <format>", "table, json or csv (default: table on a terminal, else json)")
    .action(
      guarded(io, async (opts: { event?: string; from?: string; to?: string; place?: string; source?: string; victims?: string; status?: string; language?: string; format?: string }, cmd: Command) => {
        const format = parseFormat(opts.format, LIST_FORMATS, io.isTTY ? "table" : "json");
        const filters: FactFilters = {};
        const event = parseEvent(opts.event);
        const victims = parseVictims(opts.victims);
        if (event) filters.event = event;
        if (victims) filters.victims = victims;
        if (opts.from) filters.from = opts.from;
        if (opts.to) filters.to = opts.to;
        if (opts.place) filters.place = opts.place;
        if (opts.source) filters.source = opts.source;
        const status = parseOne("status", opts.status, FACT_STATUSES);
        if (status) filters.status = status;
        if (opts.language !== undefined) filters.language = parseLanguage(opts.language, "--language") ?? "unknown";
        if (format === "csv") return io.out(csvOf(await performWith(configOf(cmd), exportFacts, filters)));
        const { facts } = await performWith(configOf(cmd), uc.listFacts, filters);
        if (format === "json") io.out(JSON.stringify({ facts }, null, 2));
        else {
          io.out(factsTable(facts));
          io.out(`${facts.length} facts`);
        }
      }),
    );

  facts
    .command("rebuild")
    .description("link every stored claim again into the stored facts (both audiences); the facts are otherwise kept current after each change")
    .option("--format <format>", "text or json (default: text)")
    .action(
      guarded(io, async (opts: { format?: string }, cmd: Command) => {
        // `facts` has a --format of its own, which commander gives the option to when it follows "rebuild".
        const format = parseFormat(opts.format ?? cmd.parent?.opts<{ format?: string }>().format, ["text", "json"], "text");
        const { rebuilt: reports } = await performWith(configOf(cmd), rebuildFacts, {});
        if (format === "json") io.out(JSON.stringify({ rebuilt: reports }, null, 2));
        else for (const r of reports) io.out(`${r.audience}: ${r.facts ?? 0} facts from ${r.documents} documents in ${(r.ms / 1000).toFixed(1)} s (audit sequence ${r.seq})`);
      }),
    );

  program
    .command("fact")
    .description("one fact side by side: every claim, its source, network and document; the range and its rule; contradictions")
    .argument("<id>", "fact id (or a unique prefix of at least 6 characters)")
    .option("--format <format>", "text or json (default: text)")
    .action(
      guarded(io, async (id: string, opts: { format?: string }, cmd: Command) => {
        const format = parseFormat(opts.format, ["text", "json"], "text");
        const fact = await performWith(configOf(cmd), uc.showFact, { id }).catch((err: unknown) => {
          if (err instanceof NotFound && err.thing === "fact") return null;
          throw err;
        });
        if (!fact) {
          io.err(`tally: no fact "${id}" (see \`tally facts\`)`);
          io.exitCode = 1;
          return;
        }
        io.out(format === "json" ? JSON.stringify(fact, null, 2) : factText(fact, width()));
      }),
    );

  program
    .command("conflicts")
    .description("contradictions between claims, most consequential first: independent voices, a precise scope, registered sources, the relative gap")
    .option("--event <event>", `touching a fact of this event: one of ${EVENT_TYPES.join(", ")}`)
    .option("--from <date>", "touching a fact whose period ends on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)")
    .option("--to <date>", "touching a fact whose period starts on or before this date")
    .option("--place <place>", "touching a fact about this place or places inside it")
    .option("--source <source>", "with a claim from this source (name, alias or network id)")
    .option("--victims <group>", `touching a fact about these victims: one of ${VICTIM_GROUPS.join(", ")}`)
    .option("--severity <severity>", `one of ${CONFLICT_SEVERITIES.join(", ")}`)
    .option("--kind <kind>", `one of ${CONFLICT_KINDS.join(", ")}`)
    .option("--format <format>", "table, json or csv (default: table on a terminal, else json)")
    .action(
      guarded(io, async (opts: { event?: string; from?: string; to?: string; place?: string; source?: string; victims?: string; severity?: string; kind?: string; format?: string }, cmd: Command) => {
        const format = parseFormat(opts.format, LIST_FORMATS, io.isTTY ? "table" : "json");
        const filters = {
          event: parseEvent(opts.event),
          victims: parseVictims(opts.victims),
          severity: parseOne("severity", opts.severity, CONFLICT_SEVERITIES),
          kind: parseOne("kind", opts.kind, CONFLICT_KINDS),
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
          ...(opts.place ? { place: opts.place } : {}),
          ...(opts.source ? { source: opts.source } : {}),
        };
        if (format === "csv") return io.out(csvOf(await performWith(configOf(cmd), exportConflicts, filters)));
        const { conflicts } = await performWith(configOf(cmd), uc.listConflicts, filters);
        if (format === "json") io.out(JSON.stringify({ conflicts }, null, 2));
        else {
          io.out(conflicts.length ? conflictsTable(conflicts, width()) : "no contradictions");
          if (conflicts.length) io.out(`${conflicts.length} contradictions`);
        }
      }),
    );

  program
    .command("timeline")
    .description("figures per year or month for one event and place: each independent network, and low / best / high")
    .requiredOption("--event <event>", `one of ${EVENT_TYPES.join(", ")}`)
    .requiredOption("--place <place>", "the place (any case, or an alias of the gazetteer)")
    .option("--by <unit>", "year or month", "year")
    .option("--parts <how>", "places inside the place: none (default), show (rows of their own) or sum (added up per period)", "none")
    .option("--victims <group>", "a victim group (default: all victims)")
    .option("--voices <n>", "keep only the n voices with the most figures (default: all)")
    .option("--format <format>", "table, json or csv (default: table on a terminal, else json)")
    .action(
      guarded(io, async (opts: { event: string; place: string; by: string; parts: string; victims?: string; voices?: string; format?: string }, cmd: Command) => {
        const format = parseFormat(opts.format, LIST_FORMATS, io.isTTY ? "table" : "json");
        if (opts.by !== "year" && opts.by !== "month") throw new UsageError(`--by must be year or month (got "${opts.by}")`);
        const parts = TIMELINE_PARTS.find((p) => p === opts.parts);
        if (!parts) throw new UsageError(`--parts must be one of ${TIMELINE_PARTS.join(", ")} (got "${opts.parts}")`);
        const event = parseEvent(opts.event) as EventType;
        const victims = parseVictims(opts.victims);
        const by: "year" | "month" = opts.by === "month" ? "month" : "year";
        const voices = opts.voices === undefined ? undefined : parseCount(opts.voices, "--voices", 1000, 1);
        const query = { event, place: opts.place, by, parts, ...(victims ? { victims: [victims] } : {}), ...(voices ? { voices } : {}) };
        if (format === "csv") return io.out(csvOf(await performWith(configOf(cmd), exportTimeline, query)));
        const timeline = await performWith(configOf(cmd), uc.timeline, query);
        if (format === "json") io.out(JSON.stringify(timeline, null, 2));
        else if (timeline.rows.length === 0) io.out(`no ${event} facts for ${timeline.place} by ${by}`);
        else {
          io.out(timelineTable(timeline));
          if (timeline.hiddenVoices > 0) io.out(`${timeline.hiddenVoices} more voices not shown (each period's fact lists them: tally fact <id>)`);
        }
      }),
    );

  registerSources(program, io);

  const reference = program.command("reference").description("reference datasets shipped with Tally (data/reference)");
  reference
    .command("load")
    .description("load a reference dataset into the store as documents and claims (idempotent)")
    .option("--dataset <name>", `one of ${REFERENCE_DATASETS.join(", ")}`, "iran-executions")
    .action(
      guarded(io, async (opts: { dataset: string }, cmd: Command) => {
        const r = await performWith(configOf(cmd), loadReferenceDataset, { dataset: opts.dataset });
        io.out(
          `${r.dataset}: ${r.entries} entries, ${r.created} new documents stored, ${r.existing} already in the store (${r.claims} claims in all)`,
        );
      }),
    );
}
