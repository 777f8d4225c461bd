// `tally victims …` and `tally victim <id>`: import lists, read victims out of documents, link
// them into a registry of people, review pairs, the overlap of sources with the estimate, and
// lists against counts. Each performs a use case of src/services/use-cases/victims.ts as the operator.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { EVENT_TYPES, type EventType } from "../../core/types.js";
import { perform } from "../../services/use-cases/use-case.js";
import {
  decideVictims, importVictims, linkVictimRecords, listVictimLists, listVictims, readVictimMentions, removeVictimList, restrictVictims, showVictim, undoVictimDecision, victimCounts,
  victimReviewPairs, victimsOverlap,
} from "../../services/use-cases/victims.js";
import { parseMapping } from "../../services/victims-import.js";
import { configOf, operatorContext, performWith, withStore } from "../context.js";
import { renderTable } from "../bidi.js";
import { parseCount, parseDateOption, parseFormat, UsageError, type CliIo } from "../io.js";
import { estimateLines, overlapCsv, personsTable, recordsTable } from "./victims-render.js";

const json = (io: CliIo, v: unknown) => io.out(JSON.stringify(v, null, 2));

/** Registers `victims` (with its subcommands) and `victim`. */
export function registerVictims(program: Command, io: CliIo): void {
  const listPersons = async (o: { limit: string; offset: string; format?: string }, cmd: Command) => {
    const format = parseFormat(o.format, ["table", "json"], io.isTTY ? "table" : "json");
    const page = { limit: parseCount(o.limit, "--limit", 1000, 1), offset: parseCount(o.offset, "--offset") };
    const r = await performWith(configOf(cmd), listVictims, page);
    if (format === "json") return json(io, r);
    io.out(personsTable(r.persons));
    io.out(`${r.persons.length} of ${r.total} people (run \`tally victims link\` after importing lists or reading mentions)`);
  };
  // `tally victims` alone lists the registry (its subcommands have options of their own: `victims list` takes the list's).
  const victims = program
    .command("victims")
    .description("named victims: lists, mentions in documents, a registry of unique people, overlap and estimate")
    .action((_o: unknown, cmd: Command) => listPersons({ limit: "50", offset: "0" }, cmd));

  victims
    .command("list")
    .description("the registry of people, a page at a time")
    .option("--limit <n>", "how many people", "50")
    .option("--offset <n>", "skip this many", "0")
    .option("--format <format>", "table or json")
    .action(listPersons);

  victims
    .command("import <file>")
    .description("import a CSV list of named victims; the original file is kept as a document, bad rows are reported by line")
    .requiredOption("--source <name>", "who keeps the list (a monitor, an NGO)")
    .option("--list <name>", "the list's name (default: source and file name)")
    .option("--map <col=field,...>", "CSV columns onto fields: name, age, sex, place, date, event, occupation, ethnicity")
    .option("--network <name>", "the source network the list belongs to (lists of one network are not independent)")
    .option("--depends-on <lists>", "comma-separated lists this one is copied from or shares sources with")
    .option("--restricted", "the names are sensitive: viewers, public exports and the public API never see them")
    .action(async (file: string, o: { source: string; list?: string; map?: string; network?: string; dependsOn?: string; restricted?: boolean }, cmd: Command) => {
      const bytes = new Uint8Array(await readFile(file).catch((err: NodeJS.ErrnoException) => {
        throw new UsageError(`${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
      }));
      const config = configOf(cmd);
      const r = await withStore(config, (store) => perform(importVictims, operatorContext(store, config), {
        fileName: file, path: file, bytes, source: o.source, ...(o.list ? { list: o.list } : {}), map: o.map ? parseMapping(o.map) : {}, network: o.network ?? null,
        dependsOn: o.dependsOn ? o.dependsOn.split(",").map((s) => s.trim()).filter(Boolean) : [], restricted: Boolean(o.restricted), collector: config.collector,
      }), { create: true });
      for (const p of r.rejected) io.err(`${file}:${p.line}: ${p.field}: ${p.message}`);
      io.out(`list ${r.listId} "${r.list}": ${r.imported} rows imported, ${r.rejected.length} rejected; original kept as document ${r.documentId}`);
      if (r.rejected.length > 0) io.exitCode = 1;
    });

  victims
    .command("lists")
    .description("the imported lists")
    .action(async (_o: unknown, cmd: Command) => {
      const { lists } = await performWith(configOf(cmd), listVictimLists, {});
      if (!io.isTTY) return json(io, lists);
      io.out(renderTable({ head: ["id", "list", "source", "network", "rows", "document", "imported"] }, lists.map((l) => [l.id, l.name, l.source, l.network ?? "", l.rows, l.documentId ?? "", l.importedAt.slice(0, 19)])));
    });

  victims
    .command("remove <list>")
    .description("remove a list and its rows (audited; the original file stays a document); run `tally victims link` after")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const { rows: n } = await performWith(configOf(cmd), removeVictimList, { id: parseCount(id, "list", Number.MAX_SAFE_INTEGER, 1) });
      io.out(`list ${id} removed with its ${n} rows; run \`tally victims link\` to update the people`);
    });

  victims
    .command("mentions")
    .description("read the victims named in stored documents (all, or --doc N) and store them as mentions")
    .option("--doc <ids>", "comma-separated document ids")
    .action(async (o: { doc?: string }, cmd: Command) => {
      const ids = o.doc?.split(",").map((s) => parseCount(s.trim(), "--doc", Number.MAX_SAFE_INTEGER, 1));
      const r = await performWith(configOf(cmd), readVictimMentions, ids ? { documentIds: ids } : {});
      io.out(`${r.mentions} victims named in ${r.documents} documents`);
    });

  victims
    .command("link")
    .description("link every list row and mention into the registry of unique people (merges and splits are audited)")
    .option("--match <score>", "score at which two records are one person", "5")
    .option("--review <score>", "score from which a pair goes to review", "2")
    .action(async (o: { match: string; review: string }, cmd: Command) => {
      const num = (v: string, opt: string) => {
        if (!/^-?\d+(?:\.\d+)?$/.test(v)) throw new UsageError(`${opt} must be a number (got "${v}")`);
        return Number(v);
      };
      const r = await performWith(configOf(cmd), linkVictimRecords, { match: num(o.match, "--match"), review: num(o.review, "--review") });
      io.out(`${r.records} records → ${r.persons} people (${r.compared} pairs compared, ${r.review} for review; ${r.created} new, ${r.merges.length} merges, ${r.splits.length} splits, ${r.removed.length} removed) in ${r.seconds.toFixed(1)} s`);
    });

  victims
    .command("review")
    .description("pairs of records linkage left for review, best score first, with the score's reasons")
    .option("--limit <n>", "how many", "20")
    .action(async (o: { limit: string }, cmd: Command) => {
      const { pairs } = await performWith(configOf(cmd), victimReviewPairs, { limit: parseCount(o.limit, "--limit", 10_000, 1) });
      if (!io.isTTY) return json(io, pairs);
      for (const p of pairs) io.out(`${p.a} ~ ${p.b}  score ${p.score} (${p.class}): ${p.reasons.map((r) => `${r.note} ${r.points >= 0 ? "+" : ""}${r.points}`).join("; ")}`);
      if (pairs.length === 0) io.out("nothing to review");
    });

  victims
    .command("decide <a> <b>")
    .description("decide whether two records (row:ID, mention:ID) are one person; the next link obeys")
    .option("--same", "the same person")
    .option("--different", "two people (splits a wrong merge)")
    .option("--reason <text>", "why")
    .action(async (a: string, b: string, o: { same?: boolean; different?: boolean; reason?: string }, cmd: Command) => {
      if (Boolean(o.same) === Boolean(o.different)) throw new UsageError("give one of --same or --different");
      const d = await performWith(configOf(cmd), decideVictims, { a, b, same: Boolean(o.same), reason: o.reason ?? null });
      io.out(`decision ${d.id}: ${d.a} and ${d.b} are ${d.same ? "one person" : "two people"}; run \`tally victims link\` to apply it`);
    });

  victims
    .command("undo <decision>")
    .description("undo a decision (kept in the trail); the next link no longer obeys it")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const d = await performWith(configOf(cmd), undoVictimDecision, { id: parseCount(id, "decision", Number.MAX_SAFE_INTEGER, 1) });
      io.out(`decision ${d.id} undone; run \`tally victims link\` to apply it`);
    });

  victims
    .command("overlap")
    .description("which source names whom for one event, place and period (one 0/1 column per source, as MSE tools take), and the estimate")
    .option("--event <type>", `event: ${EVENT_TYPES.join(", ")}`)
    .option("--place <place>", "place, with every place inside it")
    .option("--from <date>", "period start")
    .option("--to <date>", "period end")
    .option("--period <from..to>", "the period as FROM..TO")
    .option("--criterion <c>", "model choice for three lists or more: aic or bic", "aic")
    .option("--lists-only", "only imported lists, not the sources of mentions in documents")
    .option("--format <format>", "text, csv (the 0/1 layout only) or json")
    .action(async (o: { event?: string; place?: string; from?: string; to?: string; period?: string; criterion: string; listsOnly?: boolean; format?: string }, cmd: Command) => {
      if (o.event !== undefined && !(EVENT_TYPES as readonly string[]).includes(o.event)) throw new UsageError(`--event must be one of ${EVENT_TYPES.join(", ")} (got "${o.event}")`);
      const [pf, pt] = o.period ? o.period.split("..") : [undefined, undefined];
      const from = o.from ?? pf;
      const to = o.to ?? pt;
      const format = parseFormat(o.format, ["text", "csv", "json"], "text");
      const r = await performWith(configOf(cmd), victimsOverlap, {
        ...(o.event ? { event: o.event as EventType } : {}), ...(o.place ? { place: o.place } : {}), ...(from ? { from: parseDateOption(from, "--from") } : {}), ...(to ? { to: parseDateOption(to, "--to") } : {}),
        criterion: parseFormat(o.criterion, ["aic", "bic"] as const, "aic", "--criterion"), listsOnly: Boolean(o.listsOnly),
      });
      if (format === "json") return json(io, r);
      if (format === "csv") return io.out(overlapCsv(r).trimEnd());
      io.out(`${r.rows.length} people named by ${r.sources.length} sources: ${r.sources.join(", ")}`);
      for (const [h, n] of Object.entries(r.histories).sort()) io.out(`  ${h}: ${n}`);
      for (const line of estimateLines(r.estimate)) io.out(line);
    });

  victims
    .command("counts")
    .description("claims whose victims the text names: the count against the names Tally has (flagged when shorter or longer)")
    .action(async (_o: unknown, cmd: Command) => {
      const { claims: rows } = await performWith(configOf(cmd), victimCounts, {});
      if (!io.isTTY) return json(io, rows);
      io.out(renderTable({ head: ["claim", "count", "named", "flag", "names"] }, rows.map((r) => [r.claimId, `${r.qualifier === "exact" ? "" : `${r.qualifier} `}${r.count}`, r.named, r.flag, r.names.join(", ")])));
    });

  victims
    .command("restrict <kind> <id>")
    .description("mark a list, person, row or mention restricted (--undo to lift it)")
    .option("--undo", "lift the restriction")
    .action(async (kind: string, id: string, o: { undo?: boolean }, cmd: Command) => {
      const type = parseFormat(kind, ["list", "person", "row", "mention"], "list", "kind");
      await performWith(configOf(cmd), restrictVictims, { type, id: parseCount(id, "id", Number.MAX_SAFE_INTEGER, 1), restricted: !o.undo });
      io.out(`${type} ${id} ${o.undo ? "no longer restricted" : "restricted"}`);
    });

  program
    .command("victim <id>")
    .description("one person of the registry: what the records agree on, and every record that names them")
    .option("--format <format>", "table or json")
    .action(async (id: string, o: { format?: string }, cmd: Command) => {
      const p = await performWith(configOf(cmd), showVictim, { id: parseCount(id, "id", Number.MAX_SAFE_INTEGER, 1) });
      if (parseFormat(o.format, ["table", "json"], io.isTTY ? "table" : "json") === "json") return json(io, p);
      io.out(`person ${p.id}: ${p.names.join(" / ")}${p.restricted ? " (restricted)" : ""}`);
      io.out(`  age ${p.age ?? "?"}, ${p.sex ?? "sex ?"}, ${p.place ?? "place ?"}, ${p.date ?? "date ?"}, ${p.event ?? "event ?"}${p.occupation ? `, ${p.occupation}` : ""}${p.ethnicity ? `, ${p.ethnicity}` : ""}`);
      io.out(`  named by ${p.sources.join(", ")}`);
      io.out(recordsTable(p.recordList));
    });
}
