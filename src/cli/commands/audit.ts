// `tally audit verify` and `tally audit log`: the tamper-evident audit trail.
import Table from "cli-table3";
import type { Command } from "commander";
import { describeChange, parseObjectFilter, reportLines, AUDIT_OBJECT_TYPES } from "../../services/audit.js";
import type { AuditFilter } from "../../services/use-cases/types.js";
import { listAuditEvents } from "../../services/use-cases/documents.js";
import { verifyAudit } from "../../services/use-cases/maintenance.js";
import { configOf, performWith } from "../context.js";
import { parseCount, parseDateOption, parseFormat, UsageError, type CliIo } from "../io.js";

/** Registers `audit verify` and `audit log`. */
export function registerAudit(program: Command, io: CliIo): void {
  const audit = program.command("audit").description("the tamper-evident audit trail of every change");

  audit
    .command("verify")
    .description("recompute the hash chain and re-hash every document; exit 1 when anything is broken")
    .option("--format <format>", "text or json")
    .action(async (o: { format?: string }, cmd: Command) => {
      const format = parseFormat(o.format, ["text", "json"], "text");
      const report = await performWith(configOf(cmd), verifyAudit, {});
      if (format === "json") io.out(JSON.stringify(report));
      else for (const line of reportLines(report)) io.out(line);
      if (!report.ok) io.exitCode = 1;
    });

  audit
    .command("log")
    .description("list audit events, oldest first")
    .option("--since <date>", "events at or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--actor <name>", "events by this actor")
    .option("--object <type[:id]>", `events about one kind of object (${AUDIT_OBJECT_TYPES.join(", ")}) or one object`)
    .option("--limit <n>", "at most this many events")
    .option("--format <format>", "table or jsonl")
    .action(async (o: { since?: string; actor?: string; object?: string; limit?: string; format?: string }, cmd: Command) => {
      const format = parseFormat(o.format, ["table", "jsonl"], io.isTTY ? "table" : "jsonl");
      const filter: AuditFilter = {};
      if (o.since !== undefined) filter.since = parseDateOption(o.since, "--since");
      if (o.actor !== undefined) filter.actor = o.actor;
      if (o.object !== undefined) {
        const object = parseObjectFilter(o.object);
        if (!object) throw new UsageError(`--object must be TYPE or TYPE:ID with TYPE one of ${AUDIT_OBJECT_TYPES.join(", ")} (got "${o.object}")`);
        Object.assign(filter, object);
      }
      if (o.limit !== undefined) filter.limit = parseCount(o.limit, "--limit");
      const { events } = await performWith(configOf(cmd), listAuditEvents, filter);
      if (format === "jsonl") {
        for (const e of events) io.out(JSON.stringify(e));
        return;
      }
      const t = new Table({ head: ["seq", "at", "actor", "action", "object", "change", "hash"], style: { head: [], border: [] } });
      for (const e of events) t.push([e.seq, e.at, e.actor, e.action, `${e.objectType}:${e.objectId}`, describeChange(e).slice(0, 60), `${e.hash.slice(0, 12)}…`]);
      io.out(t.toString());
      io.out(`${events.length} event${events.length === 1 ? "" : "s"}`);
    });
}
