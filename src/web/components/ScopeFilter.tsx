// The filter of the facts and conflicts pages: event, dates, place, source, victims and the
// list's own fields (a fact's status; a conflict's severity and kind). It lives in the address, so
// a view can be shared; the form follows the address (a facet chosen, the back button).
import { useState, type FormEvent } from "react";
import { CONFLICT_KINDS, CONFLICT_SEVERITIES, FACT_STATUSES } from "../../shared/facets.js";
import { qs } from "../api.js";
import { EVENTS, VICTIMS } from "../ui.js";

/** The facts page's filter fields, as they stand in the address and in the API's query. */
export const FACT_FILTER = ["event", "from", "to", "place", "source", "victims", "status", "language"] as const;
/** The conflicts page's filter fields. */
export const CONFLICT_FILTER = ["event", "from", "to", "place", "source", "victims", "severity", "kind"] as const;
/** The fields facts and conflicts are both narrowed by (the facts page's conflicts follow them). */
export const SCOPE_FILTER = ["event", "from", "to", "place", "source", "victims"] as const;

export type Filter = Record<string, string | undefined>;

/** The filter of the address: only the given fields, only those set. */
export function filterOf(query: URLSearchParams, fields: readonly string[]): Filter {
  const f: Filter = {};
  for (const k of fields) {
    const v = query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** Only the given fields of a filter. */
export function only(filter: Filter, fields: readonly string[]): Filter {
  return Object.fromEntries(fields.filter((k) => filter[k]).map((k) => [k, filter[k]]));
}

const CHOICES: Record<string, readonly string[]> = { event: EVENTS, victims: VICTIMS, status: FACT_STATUSES, severity: CONFLICT_SEVERITIES, kind: CONFLICT_KINDS };
const LABELS: Record<string, string> = { event: "Event", from: "From", to: "To", place: "Place", source: "Source or network", victims: "Victims", status: "Status", language: "Language (en, fa…)", severity: "Severity", kind: "Kind" };
const DATE = { placeholder: "YYYY[-MM[-DD]]", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" };

export function ScopeFilterForm({ fields, filter, label, onApply }: { fields: readonly string[]; filter: Filter; label: string; onApply(f: Filter): void }) {
  const [draft, setDraft] = useState<Filter>(filter);
  // A filter set from the address (a facet chosen, the back button) shows in the form too.
  const [shown, setShown] = useState(qs(filter));
  if (shown !== qs(filter)) {
    setShown(qs(filter));
    setDraft(filter);
  }
  const set = (k: string) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value || undefined });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean: Filter = {};
    for (const k of fields) if (draft[k]?.trim()) clean[k] = draft[k]?.trim();
    onApply(clean);
  };
  const filtered = Object.keys(filter).length > 0;
  return (
    <form className="filters" onSubmit={submit} aria-label={label}>
      {fields.map((k) => {
        const choices = CHOICES[k];
        return (
          <label key={k}>
            {LABELS[k] ?? k}
            {choices ? (
              <select name={k} value={draft[k] ?? ""} onChange={set(k)} data-testid={`filter-${k}`}>
                <option value="">any</option>
                {choices.map((v) => (
                  <option key={v} value={v}>
                    {v.replaceAll("_", " ")}
                  </option>
                ))}
              </select>
            ) : (
              <input name={k} value={draft[k] ?? ""} onChange={set(k)} data-testid={`filter-${k}`} {...(k === "from" || k === "to" ? DATE : {})} />
            )}
          </label>
        );
      })}
      <button type="submit">Apply filter</button>
      {filtered ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          Clear
        </button>
      ) : null}
    </form>
  );
}
