// Claims: a filterable, sortable table (the filter lives in the address, so it can be shared)
// and an export of exactly the rows shown.
import { useState, type FormEvent } from "react";
import { API, qs, type ClaimList } from "../api.js";
import { useApi } from "../hooks.js";
import { Link, navigate } from "../router.js";
import { CLAIM_PAGE_FACETS, FacetPanel } from "../components/Facets.js";
import { EVENTS, Empty, EventTag, PeriodCell, RestrictedBadge, ReviewBadge, Show, VICTIMS, fmt } from "../ui.js";

const KEYS = ["event", "from", "to", "place", "source", "network", "language", "victims", "sort", "limit", "offset"] as const;
type Params = Partial<Record<(typeof KEYS)[number], string>>;

function paramsOf(query: URLSearchParams): Params {
  const p: Params = {};
  for (const k of KEYS) {
    const v = query.get(k);
    if (v) p[k] = v;
  }
  return p;
}

export function ClaimsPage({ query }: { query: URLSearchParams }) {
  const params = paramsOf(query);
  const [draft, setDraft] = useState<Params>(params);
  const data = useApi<ClaimList>(`/claims${qs(params)}`);
  // The facets count every matching claim (not only this page) by each field of the side panel;
  // asked apart, so that the table never waits for them on a large ledger.
  const counted = useApi<ClaimList>(`/claims${qs({ ...params, sort: undefined, offset: undefined, limit: 1, facets: CLAIM_PAGE_FACETS.map(([f]) => f).join(",") })}`);
  const facets = counted.state === "done" ? (counted.data.facets ?? null) : null;
  const go = (p: Params) => navigate(`/claims${qs(p)}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, offset: undefined });
  };
  const set = (k: keyof Params) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value || undefined });
  return (
    <>
      <h1>Claims</h1>
      <form className="filters" onSubmit={submit} aria-label="Filter claims">
        <label>
          Event
          <select name="event" value={draft.event ?? ""} onChange={set("event")}>
            <option value="">any</option>
            {EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {ev.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input name="from" value={draft.from ?? ""} onChange={set("from")} placeholder="YYYY[-MM[-DD]]" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
        </label>
        <label>
          To
          <input name="to" value={draft.to ?? ""} onChange={set("to")} placeholder="YYYY[-MM[-DD]]" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
        </label>
        <label>
          Place
          <input name="place" value={draft.place ?? ""} onChange={set("place")} />
        </label>
        <label>
          Source
          <input name="source" value={draft.source ?? ""} onChange={set("source")} />
        </label>
        <label>
          Victims
          <select name="victims" value={draft.victims ?? ""} onChange={set("victims")}>
            <option value="">any</option>
            {VICTIMS.map((v) => (
              <option key={v} value={v}>
                {v.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select name="sort" value={draft.sort ?? "period"} onChange={set("sort")}>
            <option value="period">period</option>
            <option value="count">count</option>
            <option value="published">publication</option>
            <option value="id">order stored</option>
          </select>
        </label>
        <label>
          Per page
          <select name="limit" value={draft.limit ?? "100"} onChange={set("limit")}>
            {["25", "50", "100", "500"].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="submit">Apply filter</button>
      </form>
      <Show value={data} what="claims">
        {(d) => {
          const from = d.total === 0 ? 0 : d.offset + 1;
          const to = d.offset + d.claims.length;
          return (
            <div className="with-facets">
              {facets ? <FacetPanel facets={facets} params={params} href={(p) => `/claims${qs(p)}`} /> : <div className="facets meta">Counting…</div>}
              <div>
              <div className="toolbar">
                <p role="status" data-testid="claims-count">
                  Showing {from}–{to} of {fmt(d.total)}
                  {d.totalExact ? "" : "+"} claims
                </p>
                <a className="button" href={`${API}/claims.csv${qs(params)}`} download="tally-claims.csv" data-testid="export-csv">
                  Export these {d.claims.length} as CSV
                </a>
                <a className="button" href={`${API}/claims.json${qs({ ...params, facets: CLAIM_PAGE_FACETS.map(([f]) => f).join(",") })}`} download="tally-claims.json" data-testid="export-json">
                  Export as JSON
                </a>
                <a className="button" href={`${API}/claims.csv${qs({ ...params, offset: undefined, limit: "all" })}`} download="tally-claims.csv" data-testid="export-all-csv">
                  Export all {fmt(d.total)}
                  {d.totalExact ? "" : "+"} matching as CSV
                </a>
              </div>
              {d.claims.length === 0 ? (
                <Empty>No claims match this filter.</Empty>
              ) : (
                <div className="table-wrap">
                  <table className="data" data-testid="claims-table">
                    <caption className="visually-hidden">Claims matching the filter</caption>
                    <thead>
                      <tr>
                        <th scope="col">Figure</th>
                        <th scope="col">Event</th>
                        <th scope="col">Period</th>
                        <th scope="col">Place</th>
                        <th scope="col">Victims</th>
                        <th scope="col">Source</th>
                        <th scope="col">Document</th>
                        <th scope="col">Sentence</th>
                        <th scope="col">Review</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.claims.map((c) => (
                        <tr key={c.id} data-claim-id={c.id}>
                          <td className="num">
                            {c.qualifier === "exact" ? "" : `${c.qualifier.replaceAll("_", " ")} `}
                            {fmt(c.count)}
                          </td>
                          <td>
                            <EventTag event={c.event} />
                          </td>
                          <td>
                            <PeriodCell claim={c} />
                          </td>
                          <td>
                            <bdi>{c.place ?? "—"}</bdi>
                          </td>
                          <td>{c.victims.join(", ").replaceAll("_", " ") || "—"}</td>
                          <td>
                            <bdi>{c.source ?? "publisher"}</bdi>
                          </td>
                          <td className="doc">
                            <Link href={`/documents/${c.documentId}?claim=${c.id}`}>
                              <bdi>{c.document}</bdi>
                            </Link>
                            <div className="meta">{c.documentPublished ?? "undated"}</div>
                          </td>
                          <td className="quote" dir="auto">
                            {c.quote}
                          </td>
                          <td>
                            <ReviewBadge status={c.status} /> {c.restricted ? <RestrictedBadge /> : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <nav className="pager" aria-label="Pages of claims">
                <button type="button" disabled={d.offset === 0} onClick={() => go({ ...params, offset: String(Math.max(0, d.offset - d.limit)) })}>
                  Previous page
                </button>
                <button type="button" disabled={d.totalExact ? to >= d.total : d.claims.length < d.limit} onClick={() => go({ ...params, offset: String(d.offset + d.limit) })}>
                  Next page
                </button>
              </nav>
              </div>
            </div>
          );
        }}
      </Show>
    </>
  );
}
