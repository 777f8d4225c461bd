// `tally review …`: the analyst's decisions from the command line, for scripted use; the same
// store operations as the web review queue. `tally restrict` marks material restricted.
import { renderTable } from "../bidi.js";
import type { Command } from "commander";
import { EVENT_TYPES, QUALIFIERS, VICTIM_GROUPS, type EventType, type Qualifier, type VictimGroup } from "../../core/types.js";
import { reviewQueue, showClaim } from "../../services/use-cases/claims.js";
import { addClaim, mergeFacts, restrict, reviewClaim, splitFact, supersedeClaim } from "../../services/use-cases/review.js";
import { perform } from "../../services/use-cases/use-case.js";
import type { ClaimRecord } from "../../shared/entities/claim.js";
import type { ClaimFields, ClaimFilter, ReviewDecision } from "../../services/use-cases/types.js";
import { configOf, operatorContext, performWith, withStore } from "../context.js";
import { parseCount, parseFormat, UsageError, type CliIo } from "../io.js";

interface FieldOptions {
  event?: string;
  count?: string;
  qualifier?: string;
  period?: string;
  place?: string;
  victims?: string;
  source?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The fields given as options (only those given). */
function fieldsOf(o: FieldOptions): Partial<ClaimFields> {
  const f: Partial<ClaimFields> = {};
  if (o.event !== undefined) {
    if (!(EVENT_TYPES as readonly string[]).includes(o.event)) throw new UsageError(`--event must be one of ${EVENT_TYPES.join(", ")} (got "${o.event}")`);
    f.event = o.event as EventType;
  }
  if (o.count !== undefined) f.count = parseCount(o.count, "--count", Number.MAX_SAFE_INTEGER);
  if (o.qualifier !== undefined) {
    if (!(QUALIFIERS as readonly string[]).includes(o.qualifier)) throw new UsageError(`--qualifier must be one of ${QUALIFIERS.join(", ")} (got "${o.qualifier}")`);
    f.qualifier = o.qualifier as Qualifier;
  }
  if (o.period !== undefined) {
    if (o.period === "none") f.period = null;
    else {
      const [start, end] = o.period.split("..");
      if (!start || !end || !DAY.test(start) || !DAY.test(end)) throw new UsageError(`--period must be START..END as YYYY-MM-DD..YYYY-MM-DD, or none (got "${o.period}")`);
      f.period = { start, end };
    }
  }
  if (o.place !== undefined) f.place = o.place === "none" ? null : o.place;
  if (o.source !== undefined) f.source = o.source === "none" ? null : o.source;
  if (o.victims !== undefined) {
    const groups = o.victims === "none" || o.victims === "" ? [] : o.victims.split(",").map((v) => v.trim());
    for (const g of groups) if (!(VICTIM_GROUPS as readonly string[]).includes(g)) throw new UsageError(`--victims takes ${VICTIM_GROUPS.join(", ")} (got "${g}")`);
    f.victims = groups as VictimGroup[];
  }
  return f;
}

function withFieldOptions(cmd: Command): Command {
  return cmd
    .option("--event <type>", `event: ${EVENT_TYPES.join(", ")}`)
    .option("--count <n>", "the figure")
    .option("--qualifier <q>", `qualifier: ${QUALIFIERS.join(", ")}`)
    .option("--period <start..end>", "period as YYYY-MM-DD..YYYY-MM-DD, or none")
    .option("--place <place>", "place, or none")
    .option("--victims <groups>", `victim groups, comma-separated (${VICTIM_GROUPS.join(", ")}), or none`)
    .option("--source <name>", "credited source, or none");
}

function parseIds(values: string[], what = "claim"): number[] {
  return values.map((v) => {
    if (!/^\d+$/.test(v)) throw new UsageError(`a ${what} is named by its number (got "${v}")`);
    return Number(v);
  });
}

function line(c: ClaimRecord): string {
  const period = c.period ? ` ${c.period.start}..${c.period.end}` : "";
  return `#${c.id} ${c.status} ${c.event} ${c.qualifier} ${c.count}${period}${c.place ? ` ${c.place}` : ""}${c.source ? ` (${c.source})` : ""}`;
}


/** Registers `review` (list, show, accept, reject, correct, reopen, add, supersede, merge-facts, split-fact) and `restrict`. */
export function registerReview(program: Command, io: CliIo): void {
  const review = program.command("review").description("decide on proposed claims: accept, correct, reject, add by hand (recorded in the audit trail)");

  review
    .command("list")
    .description("the review queue: proposed claims, the extractor's least certain readings first (or oldest, or the claims of the most consequential conflicts first)")
    .option("--order <order>", "uncertain, oldest or consequential", "uncertain")
    .option("--status <statuses>", "statuses to list instead of proposed, comma-separated")
    .option("--event <type>", "only this event type")
    .option("--limit <n>", "how many", "50")
    .option("--format <format>", "table or jsonl")
    .action(async (o: { order: string; status?: string; event?: string; limit: string; format?: string }, cmd: Command) => {
      const order = parseFormat(o.order, ["uncertain", "oldest", "consequential"], "uncertain", "--order");
      const format = parseFormat(o.format, ["table", "jsonl"], io.isTTY ? "table" : "jsonl");
      const filter: ClaimFilter = { status: (o.status ? o.status.split(",") : ["proposed"]) as ClaimFilter["status"] & string[] };
      if (o.event) filter.event = o.event as EventType;
      const { claims, total } = await performWith(configOf(cmd), reviewQueue, { filter, order, limit: parseCount(o.limit, "--limit"), offset: 0 });
      if (format === "jsonl") {
        for (const c of claims) io.out(JSON.stringify(c));
        return;
      }
      const head = ["id", "status", "event", "figure", "period", "place", "source", "document", "quote"];
      const rows = claims.map((c) => [
        c.id, c.status, c.event, `${c.qualifier} ${c.count}`, (c.period ? `${c.period.start}..${c.period.end}` : "") + (c.periodLabel ? `\n${c.periodLabel}` : ""),
        c.place ?? "", c.source ?? "", c.document, c.quote,
      ]);
      io.out(renderTable({ head, style: { head: [], border: [] }, colWidths: [null, null, null, null, null, null, null, null, 50], wordWrap: true }, rows));
      io.out(`${claims.length} of ${total} claim${total === 1 ? "" : "s"}`);
    });

  review
    .command("show <claim>")
    .description("one claim with the extractor's proposal and its history")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const [claimId] = parseIds([id]) as [number];
      const { claim, history } = await performWith(configOf(cmd), showClaim, { id: claimId });
      io.out(line(claim));
      io.out(`  "${claim.quote}" — ${claim.document}`);
      if (claim.proposal) io.out(`  extractor proposed: ${JSON.stringify(claim.proposal)}`);
      if (claim.reviewReason) io.out(`  reason: ${claim.reviewReason}`);
      for (const h of history ?? []) io.out(`  ${h.at} ${h.actor}: ${h.action}${h.reason ? ` — ${h.reason}` : ""}`);
    });

  const decide = (name: "accept" | "reject" | "reopen", description: string) =>
    review
      .command(`${name} <claims...>`)
      .description(description)
      .option("--reason <text>", name === "reject" ? "why (required)" : "why (optional)")
      .action(async (ids: string[], o: { reason?: string }, cmd: Command) => {
        if (name === "reject" && !o.reason?.trim()) throw new UsageError("rejecting needs --reason");
        const decision = { action: name, ...(o.reason ? { reason: o.reason } : {}) } as ReviewDecision;
        const config = configOf(cmd);
        const done = await withStore(config, async (s) => {
          const out: ClaimRecord[] = [];
          for (const id of parseIds(ids)) out.push(await perform(reviewClaim, operatorContext(s, config), { id, decision }));
          return out;
        });
        for (const c of done) io.out(line(c));
      });
  decide("accept", "accept claims as proposed");
  decide("reject", "reject claims, with a reason");
  decide("reopen", "undo a decision: back to the queue with the extractor's proposal");

  withFieldOptions(review.command("correct <claim>").description("correct fields of a claim; the extractor's proposal is kept beside it"))
    .option("--reason <text>", "why")
    .action(async (id: string, o: FieldOptions & { reason?: string }, cmd: Command) => {
      const fields = fieldsOf(o);
      if (Object.keys(fields).length === 0) throw new UsageError("name at least one field to correct (--count, --period, …)");
      const [claimId] = parseIds([id]) as [number];
      const c = await performWith(configOf(cmd), reviewClaim, { id: claimId, decision: { action: "correct", fields, ...(o.reason ? { reason: o.reason } : {}) } });
      io.out(line(c));
    });

  withFieldOptions(review.command("add <document>").description("add a claim by hand from a span of a document's text"))
    .requiredOption("--span <start:end>", "character offsets of the supporting text in the document's working text")
    .option("--reason <text>", "why")
    .action(async (doc: string, o: FieldOptions & { span: string; reason?: string }, cmd: Command) => {
      const m = /^(\d+):(\d+)$/.exec(o.span);
      if (!m) throw new UsageError(`--span must be START:END (got "${o.span}")`);
      const f = fieldsOf(o);
      if (f.event === undefined || f.count === undefined) throw new UsageError("a claim needs at least --event and --count");
      const [documentId] = parseIds([doc], "document") as [number];
      const c = await performWith(configOf(cmd), addClaim, {
        documentId,
        claim: {
          span: [Number(m[1]), Number(m[2])],
          event: f.event as EventType,
          count: f.count as number,
          qualifier: f.qualifier ?? "exact",
          period: f.period ?? null,
          place: f.place ?? null,
          victims: f.victims ?? [],
          source: f.source ?? null,
          ...(o.reason ? { reason: o.reason } : {}),
        },
      });
      io.out(line(c));
    });

  review
    .command("supersede <claim>")
    .description("mark a figure superseded by a later claim of the same source")
    .option("--by <claim>", "the later claim")
    .option("--clear", "no longer superseded")
    .action(async (id: string, o: { by?: string; clear?: boolean }, cmd: Command) => {
      if (!o.by === !o.clear) throw new UsageError("give either --by CLAIM or --clear");
      const [claimId] = parseIds([id]) as [number];
      const by = o.by ? (parseIds([o.by])[0] as number) : null;
      io.out(line(await performWith(configOf(cmd), supersedeClaim, { id: claimId, by })));
    });

  review
    .command("merge-facts <into> <from...>")
    .description("merge facts by hand: the claims of the other facts join the first")
    .action(async (into: string, from: string[], _o: unknown, cmd: Command) => {
      const { claims: moved } = await performWith(configOf(cmd), mergeFacts, { into, from });
      io.out(`${moved.length} claim${moved.length === 1 ? "" : "s"} joined ${into}`);
    });

  review
    .command("split-fact <fact> <claims...>")
    .description("split claims out of a fact into a fact of their own")
    .action(async (fact: string, claims: string[], _o: unknown, cmd: Command) => {
      const { fact: id } = await performWith(configOf(cmd), splitFact, { fact, claimIds: parseIds(claims) });
      io.out(`split out into ${id}`);
    });

  program
    .command("restrict <kind> <id>")
    .description("mark a document, claim or source restricted: viewers, public exports and the public API never see it (a source by its id, name or alias)")
    .option("--release", "lift the restriction")
    .action(async (kind: string, id: string, o: { release?: boolean }, cmd: Command) => {
      const type = parseFormat(kind, ["document", "claim", "source"], "document", "kind");
      const done = await performWith(configOf(cmd), restrict, { type, id: type === "source" ? id : (parseIds([id], type)[0] as number), restricted: !o.release });
      const { source } = done;
      if (source) io.out(`source ${source.id} (${source.name}; ${source.claims} claim${source.claims === 1 ? "" : "s"}) ${o.release ? "released" : "restricted"}`);
      else io.out(`${type} ${done.id} ${o.release ? "released" : "restricted"}`);
    });
}
