// `tally sources` and its subcommands: the source registry, its networks and stored claims; edits
// of the user's registry file (<data>/sources.json).
import { renderTable } from "../bidi.js";
import type { Command } from "commander";
import type { RegistryOverview } from "../../services/registry-overview.js";
import { SOURCE_KINDS } from "../../services/registry-file.js";
import { addSource, addSourceAlias, listSources, setSourceNetwork } from "../../services/use-cases/overview.js";
import { configOf, performWith } from "../context.js";
import { parseFormat, UsageError, type CliIo } from "../io.js";
import { toCsv } from "./fact-csv.js";
import { guarded } from "./fact-errors.js";

function overviewText(o: RegistryOverview): string {
  const sources = renderTable(
    { head: ["id", "short", "name", "kind", "network", "aliases", "claims"], style: { head: [], border: [] } },
    o.sources.map((s) => [s.id, s.short, s.name, s.kind, s.network, String(s.aliases.length), String(s.claims)]),
  );
  const networks = renderTable(
    { head: ["network", "name", "sources", "claims"], style: { head: [], border: [] }, wordWrap: true, colWidths: [24, 40, 50, 8] },
    o.networks.map((n) => [n.id, n.name, n.sources.join(", ") || "—", String(n.claims)]),
  );
  const lines = ["Sources:", sources, "", "Networks (sources of one network count as one voice):", networks];
  if (o.unregistered.length > 0) {
    const un = renderTable({ head: ["credited name not in the registry", "claims"], style: { head: [], border: [] } }, o.unregistered.map((u) => [u.name, String(u.claims)]));
    lines.push("", un, "Add one with: tally sources add <name> [--alias A] [--network N]");
  }
  lines.push("", `${o.uncredited} stored claims credit no source (the publisher's own figures).`);
  return lines.join("\n");
}

function overviewCsv(o: RegistryOverview): string {
  return toCsv(
    ["id", "short", "name", "kind", "network", "aliases", "claims"],
    [
      ...o.sources.map((s) => [s.id, s.short, s.name, s.kind, s.network, s.aliases.join(";"), s.claims]),
      ...o.unregistered.map((u) => ["", u.name, u.name, "", "", "", u.claims]),
    ],
  );
}

/** Registers `tally sources` with add, alias and network. */
export function registerSources(program: Command, io: CliIo): void {
  const sources = program
    .command("sources")
    .description("the source registry (seed + <data>/sources.json), its networks and the stored claims per source")
    .option("--format <format>", "table, json or csv (default: table on a terminal, else json)")
    .action(
      guarded(io, async (opts: { format?: string }, cmd: Command) => {
        const format = parseFormat(opts.format, ["table", "json", "csv"], io.isTTY ? "table" : "json");
        const overview = (await performWith(configOf(cmd), listSources, {})) as RegistryOverview;
        if (format === "json") io.out(JSON.stringify(overview, null, 2));
        else if (format === "csv") io.out(overviewCsv(overview));
        else io.out(overviewText(overview));
      }),
    );

  sources
    .command("add")
    .description("add a source to the registry file")
    .argument("<name>", "full name of the organisation, outlet or person")
    .option("--id <id>", "registry id (default: from the short name)")
    .option("--short <short>", "the normalised name claims will carry (default: the name)")
    .option("--kind <kind>", `one of ${SOURCE_KINDS.join(", ")}`, "organisation")
    .option("--network <network>", "network id it belongs to (a new network is created when unknown; default: its own)")
    .option("--alias <aliases...>", "other names texts use for it")
    .action(
      guarded(io, async (name: string, opts: { id?: string; short?: string; kind: string; network?: string; alias?: string[] }, cmd: Command) => {
        if (!(SOURCE_KINDS as readonly string[]).includes(opts.kind)) {
          throw new UsageError(`--kind must be one of ${SOURCE_KINDS.join(", ")} (got "${opts.kind}")`);
        }
        // The store is opened first: a mistyped --data gets no registry file.
        const { entry, file } = await performWith(configOf(cmd), addSource, {
          name,
          kind: opts.kind,
          aliases: opts.alias ?? [],
          ...(opts.id ? { id: opts.id } : {}),
          ...(opts.short ? { short: opts.short } : {}),
          ...(opts.network ? { network: opts.network } : {}),
        });
        io.out(`added source "${entry.id}" (${entry.short}, network ${entry.network}) to ${file}`);
      }),
    );

  sources
    .command("alias")
    .description("add an alias to a source")
    .argument("<id>", "registry id of the source")
    .argument("<alias>", "another name for it")
    .action(
      guarded(io, async (id: string, alias: string, _opts: unknown, cmd: Command) => {
        const { entry, file } = await performWith(configOf(cmd), addSourceAlias, { id, alias });
        io.out(`"${alias}" is now an alias of "${entry.id}" (${entry.short}) in ${file}`);
      }),
    );

  sources
    .command("network")
    .description("put a source in a network (sources of one network count as one voice)")
    .argument("<id>", "registry id of the source")
    .argument("<network>", "network id (created when unknown)")
    .action(
      guarded(io, async (id: string, network: string, _opts: unknown, cmd: Command) => {
        const { entry, file } = await performWith(configOf(cmd), setSourceNetwork, { id, network });
        io.out(`"${entry.id}" (${entry.short}) is now in network "${entry.network}" in ${file}`);
      }),
    );
}
