// The form of a claim's fields (event, count, qualifier, period, place, victims, source) for a
// correction or a claim added by hand. Enter in any field saves; Escape cancels.
import { useState, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from "react";
import type { ClaimFields } from "../api.js";
import { EVENTS, VICTIMS } from "../ui.js";

const QUALIFIERS = ["exact", "at_least", "more_than", "about", "up_to"] as const;

interface Draft {
  event: string;
  count: string;
  qualifier: string;
  start: string;
  end: string;
  place: string;
  victims: string[];
  source: string;
}

function draftOf(f: ClaimFields | null): Draft {
  return {
    event: f?.event ?? "execution",
    count: f ? String(f.count) : "",
    qualifier: f?.qualifier ?? "exact",
    start: f?.period?.start ?? "",
    end: f?.period?.end ?? "",
    place: f?.place ?? "",
    victims: f ? [...f.victims] : [],
    source: f?.source ?? "",
  };
}

/** The fields of a draft, or what is wrong with it in plain words. */
function fieldsOf(d: Draft): ClaimFields | string {
  const count = Number(d.count);
  if (d.count.trim() === "" || !Number.isSafeInteger(count) || count < 0) return "The count must be a whole number, 0 or more.";
  if ((d.start === "") !== (d.end === "")) return "Give both the start and the end of the period, or neither.";
  if (d.start && d.end && d.start > d.end) return "The period must not start after it ends.";
  return {
    event: d.event as ClaimFields["event"],
    count,
    qualifier: d.qualifier as ClaimFields["qualifier"],
    period: d.start && d.end ? { start: d.start, end: d.end } : null,
    place: d.place.trim() || null,
    victims: [...d.victims].sort() as ClaimFields["victims"],
    source: d.source.trim() || null,
  };
}

/** The fields that differ between two versions of a claim. */
export function changedFields(before: ClaimFields, after: ClaimFields): Partial<ClaimFields> {
  const out: Record<string, unknown> = {};
  for (const k of ["event", "count", "qualifier", "period", "place", "victims", "source"] as const) {
    const a = k === "victims" ? [...before.victims].sort() : before[k];
    if (JSON.stringify(a) !== JSON.stringify(after[k])) out[k] = after[k];
  }
  return out as Partial<ClaimFields>;
}

const words = (s: string) => s.replaceAll("_", " ");

export interface ClaimFormProps {
  /** Prefix of the fields' ids (unique on the page). */
  id: string;
  legend: string;
  initial: ClaimFields | null;
  submitLabel: string;
  busy?: boolean;
  onSubmit(fields: ClaimFields, reason: string): void;
  onCancel(): void;
  /** The first field, to focus it. */
  firstField?: Ref<HTMLSelectElement>;
  /** Shown above the fields (the sentence of a new claim). */
  children?: ReactNode;
}

export function ClaimForm({ id, legend, initial, submitLabel, busy = false, onSubmit, onCancel, firstField, children }: ClaimFormProps) {
  const [d, setD] = useState<Draft>(() => draftOf(initial));
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const toggleVictim = (v: string) => setD({ ...d, victims: d.victims.includes(v) ? d.victims.filter((x) => x !== v) : [...d.victims, v] });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = fieldsOf(d);
    if (typeof f === "string") return setProblem(f);
    setProblem(null);
    onSubmit(f, reason.trim());
  };
  const keys = (e: KeyboardEvent<HTMLFormElement>) => {
    const t = e.target as HTMLElement;
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && !e.shiftKey && t.tagName !== "BUTTON" && t.tagName !== "TEXTAREA") {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };

  return (
    <form className="claim-form" onSubmit={submit} onKeyDown={keys} aria-labelledby={`${id}-legend`} data-testid={`${id}-form`}>
      <h3 id={`${id}-legend`}>{legend}</h3>
      {children}
      <div className="form-grid">
        <label>
          Event
          <select ref={firstField} name="event" value={d.event} onChange={set("event")}>
            {EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {words(ev)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Count
          <input name="count" type="number" inputMode="numeric" min={0} step={1} value={d.count} onChange={set("count")} required />
        </label>
        <label>
          Qualifier
          <select name="qualifier" value={d.qualifier} onChange={set("qualifier")}>
            {QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {words(q)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Period start
          <input name="start" type="date" value={d.start} onChange={set("start")} />
        </label>
        <label>
          Period end
          <input name="end" type="date" value={d.end} onChange={set("end")} />
        </label>
        <label>
          Place
          <input name="place" value={d.place} onChange={set("place")} maxLength={500} />
        </label>
        <label>
          Source
          <input name="source" value={d.source} onChange={set("source")} maxLength={500} placeholder="empty: the publisher's own figure" />
        </label>
      </div>
      <fieldset className="victims">
        <legend>Victims</legend>
        {VICTIMS.map((v) => (
          <label key={v} className="check">
            <input type="checkbox" name="victims" value={v} checked={d.victims.includes(v)} onChange={() => toggleVictim(v)} /> {words(v)}
          </label>
        ))}
      </fieldset>
      <label className="wide">
        Reason (optional)
        <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      </label>
      {problem ? (
        <p className="state problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="hint">Enter saves, Escape cancels.</p>
    </form>
  );
}
