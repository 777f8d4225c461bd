// Commands that read the store: docs, show, claims, search, reextract; and init, which creates one.
import type { Command } from "commander";
import { EVENT_TYPES, VICTIM_GROUPS, type EventType, type VictimGroup } from "../../core/types.js";
import type { ClaimFilter } from "../../services/use-cases/types.js";
import { SEARCH_WINDOW } from "../../shared/search-window.js";
import { claimsTable, toJsonLine } from "../claim-format.js";
import { CLAIM_SORTS } from "../../shared/entities/claim.js";
import { configOf, performWith } from "../context.js";
import { listClaims } from "../../services/use-cases/claims.js";
import { listDocuments, searchDocuments, showDocument } from "../../services/use-cases/documents.js";
import { initStore } from "../../services/use-cases/setup.js";
import { toCsv } from "../../shared/csv.js";
import { claimsCsv } from "../../shared/entities/claim.js";
import { nameOfLanguage, noRulesMessage, unsupportedLine } from "../../services/language-support.js";
import { isolate, renderTable } from "../bidi.js";
import { highlightClaims } from "../highlight.js";
import { parseCount, parseDateOption, parseFormat, parseLanguage, UsageError, type CliIo } from "../io.js";

interface FilterOptions {
  event?: string;
  from?: string;
  to?: string;
  place?: string;
  source?: string;
  victims?: string;
  clutter?: boolean;
}

/** Checks and converts the claim filter options shared by commands. */
export function claimFilter(o: FilterOptions): ClaimFilter {
  const f: ClaimFilter = {};
  if (o.event !== undefined) {
    const events = o.event.split(",").map((e) => e.trim());
    for (const e of events) if (!(EVENT_TYPES as readonly string[]).includes(e)) throw new UsageError(`--event must be one of ${EVENT_TYPES.join(", ")} (got "${e}")`);
    f.event = events.length === 1 ? (events[0] as EventType) : (events as EventType[]);
  }
  for (const k of ["from", "to"] as const) {
    const v = o[k];
    if (v !== undefined) {
      f[k] = parseDateOption(v, `--${k}`);
    }
  }
  if (o.place !== undefined) f.place = o.place;
  if (o.source !== undefined) f.source = o.source;
  if (o.victims !== undefined) {
    if (!(VICTIM_GROUPS as readonly string[]).includes(o.victims)) throw new UsageError(`--victims must be one of ${VICTIM_GROUPS.join(", ")} (got "${o.victims}")`);
    f.victims = o.victims as VictimGroup;
  }
  if (o.clutter) f.includeClutter = true;
  return f;
}

/** Adds the claim filter options to a command. */
export function withFilterOptions(cmd: Command): Command {
  return cmd
    .option("--event <type>", `event type(s), comma-separated: ${EVENT_TYPES.join(", ")}`)
    .option("--from <date>", "claims whose period ends on or after this date")
    .option("--to <date>", "claims whose period starts on or before this date")
    .option("--place <place>", "place as extracted (e.g. Iran, Zahedan)")
    .option("--source <name>", "source name or alias (e.g. Amnesty, IHRNGO)")
    .option("--victims <group>", `victim group: ${VICTIM_GROUPS.join(", ")}`);
}


function parseId(value: string): number | string {
  if (/^\d+$/.test(value)) return Number(value);
  if (/^[0-9a-f]{4,64}$/i.test(value)) return value.toLowerCase();
  throw new UsageError(`a document is named by its number or at least 4 hex digits of its SHA-256 (got "${value}")`);
}

/** Registers docs, show, claims, search and reextract. */
export function registerStoreCommands(program: Command, io: CliIo): void {
  program
    .command("init")
    .description("create an empty store (every command but ingest and import refuses a store that does not exist)")
    .action(async (_o: unknown, cmd: Command) => {
      const config = configOf(cmd);
      const where = config.databaseUrl ? "the PostgreSQL store" : config.dataDir;
      const { created } = await performWith(config, initStore, {}, { create: true, probe: true });
      io.out(created ? `created an empty store at ${where}` : `a store already exists at ${where}; nothing changed`);
    });

  program
    .command("docs")
    .description("list stored documents, newest capture first")
    .option("--limit <n>", "how many", "50")
    .option("--offset <n>", "skip this many", "0")
    .option("--publisher <name>", "only this publisher")
    .option("--language <code>", "only this language (ISO 639-1: en, fa, ar, fr…; `unknown` for none detected)")
    .option("--format <format>", "table, jsonl or csv")
    .action(async (o: { limit: string; offset: string; publisher?: string; language?: string; format?: string }, cmd: Command) => {
      const format = parseFormat(o.format, ["table", "jsonl", "csv"], io.isTTY ? "table" : "jsonl");
      const language = o.language === undefined ? undefined : parseLanguage(o.language, "--language");
      const { documents: docs } = await performWith(configOf(cmd), listDocuments, {
        limit: parseCount(o.limit, "--limit"),
        offset: parseCount(o.offset, "--offset"),
        ...(o.publisher ? { publisher: o.publisher } : {}),
        ...(language !== undefined ? { language } : {}),
      });
      const note = (d: (typeof docs)[number]) => (d.claimCount === 0 ? noRulesMessage(d.language) : null);
      if (format === "jsonl") for (const d of docs) io.out(JSON.stringify({ ...d, ...(note(d) ? { unsupported: note(d) } : {}) }));
      else if (format === "csv") io.out(toCsv(["id", "sha256", "name", "title", "publisher", "published", "captured", "claims", "url", "path", "language"], docs.map((d) => [d.id, d.sha256, d.name, d.title, d.publisher, d.published, d.capturedAt, d.claimCount, d.url, d.path, d.language])));
      else {
        const head = ["id", "sha256", "name", "publisher", "published", "lang", "claims"];
        const rows = docs.map((d) => [d.id, d.sha256.slice(0, 12), d.name.slice(0, 50), d.publisher ?? "—", d.published ?? "—", d.language ?? "—", note(d) ? "0 (no rules)" : d.claimCount]);
        io.out(renderTable({ head, style: { head: [], border: [] } }, rows));
        const unsupported = docs.filter((d) => note(d) !== null);
        if (unsupported.length > 0) io.out(`${unsupported.length} document${unsupported.length === 1 ? "" : "s"} without claims: no extraction rules for ${[...new Set(unsupported.map((d) => nameOfLanguage(d.language ?? "")))].join(", ")}`);
      }
    });

  program
    .command("show")
    .description("a document's provenance and text, with claim sentences highlighted")
    .argument("<doc>", "document number or SHA-256 prefix")
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const id = parseId(ref);
      {
        const { document: doc, claims } = await performWith(configOf(cmd), showDocument, { ref: id });
        io.out(`document ${doc.id}: ${doc.name}`);
        io.out(`  sha256     ${doc.sha256}`);
        io.out(`  media type ${doc.mediaType}, ${doc.size} bytes`);
        if (doc.url) io.out(`  url        ${doc.url}`);
        if (doc.path) io.out(`  path       ${doc.path}`);
        io.out(`  publisher  ${doc.publisher ?? "unknown"}; published ${doc.published ?? "unknown"}`);
        io.out(`  captured   ${doc.capturedAt} by ${doc.collector}; language ${doc.language ? `${nameOfLanguage(doc.language)} (${doc.language})` : "unknown"}`);
        const noRules = claims.length === 0 ? noRulesMessage(doc.language) : null;
        io.out(`  claims     ${claims.length}${noRules ? ` (${noRules})` : ""}`);
        io.out("");
        // The text is escaped inside highlightClaims, which adds the colours.
        (io.styled ?? io.out)(highlightClaims(doc.text, claims, io.isTTY));
      }
    });

  withFilterOptions(
    program
      .command("claims")
      .description("list stored claims")
      .option("--limit <n>", "how many", "100")
      .option("--offset <n>", "skip this many", "0")
      .option("--sort <key>", "period, count, published or id", "period")
      .option("--clutter", "include claims that stand in page clutter")
      .option("--format <format>", "table, csv or jsonl"),
  ).action(async (o: FilterOptions & { limit: string; offset: string; sort: string; format?: string }, cmd: Command) => {
    const format = parseFormat(o.format, ["table", "csv", "jsonl"], io.isTTY ? "table" : "jsonl");
    const sort = parseFormat(o.sort, CLAIM_SORTS, "period", "--sort");
    const limit = parseCount(o.limit, "--limit");
    const offset = parseCount(o.offset, "--offset");
    const filter = claimFilter(o);
    const { claims, total } = await performWith(configOf(cmd), listClaims, { filter, sort, limit, offset });
    if (format === "jsonl") for (const c of claims) io.out(toJsonLine(c));
    else if (format === "csv") io.out(claimsCsv(claims).replace(/\r\n$/, ""));
    else {
      io.out(claimsTable(claims));
      io.out(`${claims.length} of ${total} claims`);
    }
  });

  program
    .command("search")
    .description("full-text search over stored documents, ranked, with snippets")
    .argument("<words...>", "words to find")
    .option("--limit <n>", "how many", "20")
    .option("--window <n>", "rank at most this many of the most recently stored matches", String(SEARCH_WINDOW))
    .option("--format <format>", "table or jsonl")
    .action(async (words: string[], o: { limit: string; window: string; format?: string }, cmd: Command) => {
      const format = parseFormat(o.format, ["table", "jsonl"], io.isTTY ? "table" : "jsonl");
      const opts = { limit: parseCount(o.limit, "--limit", 1000), window: parseCount(o.window, "--window", 1_000_000, 1) };
      const { hits, ranked, complete } = await performWith(configOf(cmd), searchDocuments, { words: words.join(" "), ...opts });
      if (format === "jsonl") for (const h of hits) io.out(JSON.stringify(h));
      else if (hits.length === 0) io.out("no documents match");
      else for (const h of hits) io.out(`${h.documentId}  ${isolate(h.name)} (${isolate(h.publisher ?? "?")}, ${h.published ?? "?"})\n    ${isolate(h.snippet.replace(/\s+/g, " "))}`);
      if (!complete) {
        const n = ranked.toLocaleString("en-US");
        io.err(`tally: more than ${n} documents match; ranked the ${n} most recently stored (add words to narrow the search, or raise --window)`);
      }
    });

  program
    .command("reextract")
    .description("re-run the current extractor over stored documents (no refetching)")
    .action(async (_o: unknown, cmd: Command) => {
      const { reextract } = await import("../../services/use-cases/maintenance.js"); // the extractor, loaded for this command only
      const r = await performWith(configOf(cmd), reextract, { progress: (n: number) => void (io.isTTY && io.err(`reextract: ${n} documents`)) });
      io.out(`re-extracted ${r.documents} documents: ${r.claims} claims (was ${r.before})`);
      const unsupported = unsupportedLine(r.unsupported);
      if (unsupported) io.out(unsupported);
    });
}
