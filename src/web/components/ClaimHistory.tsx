// A claim's history from the audit trail: who did what when, the fields before → after, the reason.
import type { ClaimDetail, HistoryEntry } from "../api.js";
import { useApi } from "../hooks.js";
import { Show } from "../ui.js";

const ACTIONS: Record<string, string> = {
  "claims.create": "proposed by the extractor",
  "claims.replace": "re-extracted",
  "claim.accept": "accepted",
  "claim.reject": "rejected",
  "claim.correct": "corrected",
  "claim.reopen": "reopened",
  "claim.add": "added by hand",
  "claim.supersede": "superseded",
  "claim.fact_merge": "merged into a fact",
  "claim.fact_split": "split out of a fact",
  "claim.fact_clear": "hand-made fact assignment undone",
  "claim.restrict": "restricted",
  "claim.unrestrict": "released from restriction",
};

/** Fields worth showing, in order, with their plain names. */
const FIELDS: readonly [string, string][] = [
  ["status", "status"],
  ["event", "event"],
  ["count", "count"],
  ["qualifier", "qualifier"],
  ["period_start", "period start"],
  ["period_end", "period end"],
  ["place", "place"],
  ["victims", "victims"],
  ["source", "source"],
  ["restricted", "restricted"],
  ["superseded_by", "superseded by claim"],
  ["fact_override", "fact assignment"],
];

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function show(v: unknown, key: string): string {
  if (v === undefined || v === null || v === "") return key === "status" ? "proposed" : key === "restricted" ? "no" : "none";
  if (key === "restricted") return Number(v) ? "yes" : "no";
  const value: unknown = typeof v === "string" && /^[[{]/.test(v) ? parsed(v) : v;
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ").replaceAll("_", " ") : "none";
  if (value !== null && typeof value === "object") return key === "fact_override" ? String((value as { kind?: unknown }).kind ?? "set") : JSON.stringify(value);
  return String(value).replaceAll("_", " ");
}

function Changes({ e }: { e: HistoryEntry }) {
  const before = (e.before ?? null) as Record<string, unknown> | null;
  const after = (e.after ?? null) as Record<string, unknown> | null;
  if (!after) return null;
  if (!before) {
    const summary = ["event", "qualifier", "count", "period_start", "period_end", "place"].map((k) => show(after[k], k)).join(" · ");
    return <p className="change">{summary}</p>;
  }
  const rows = FIELDS.filter(([k]) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  if (rows.length === 0) return null;
  return (
    <ul className="changes">
      {rows.map(([k, label]) => (
        <li key={k}>
          {label}: <del>{show(before[k], k)}</del> → <ins>{show(after[k], k)}</ins>
        </li>
      ))}
    </ul>
  );
}

const when = (at: string) => {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
};

export function HistoryList({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <p className="state empty">No recorded history for this claim.</p>;
  return (
    <ol className="plain history" data-testid="claim-history">
      {[...history].reverse().map((e) => (
        <li key={e.seq}>
          <p className="who">
            <strong>{e.actor}</strong> {ACTIONS[e.action] ?? e.action.replaceAll("_", " ")} · <time dateTime={e.at}>{when(e.at)}</time>
          </p>
          <Changes e={e} />
          {e.reason ? <p className="reason">Reason: {e.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The history panel of one claim (analysts; viewers get no history from the API). */
export function ClaimHistoryPanel({ claimId, version = 0, headingLevel = 3 }: { claimId: number; version?: number; headingLevel?: 2 | 3 }) {
  const detail = useApi<ClaimDetail>(`/claims/${claimId}`, version);
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="history-panel" aria-labelledby={`h-history-${claimId}`}>
      <H id={`h-history-${claimId}`}>History of claim {claimId}</H>
      <Show value={detail} what="the claim's history">
        {(d) => (d.history ? <HistoryList history={d.history} /> : <p className="state empty">The history is shown to analysts only.</p>)}
      </Show>
    </section>
  );
}
