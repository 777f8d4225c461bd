// Facts & conflicts side by side: facts with status badges, conflicts with their reasons; one
// fact in full (every voice, range and rule, contradictions, revisions). The filter (event, dates,
// place, source, victims, status, language) lives in the address and narrows both lists (the
// conflicts: those touching such facts); a side panel counts the matching facts by event, place
// (with the places containing it), year, status, network, source, victims and language, and
// choosing a value narrows the filter. The facts come a page at a time (`offset`, `limit` in the
// address; the server orders them), the facets count them all. Analysts merge ticked facts and
// split ticked claims out of a fact.
import { useState } from "react";
import { qs, type ConflictList, type FactList } from "../api.js";
import { MergeBar } from "../components/FactTools.js";
import { FACT_PAGE_FACETS, FacetPanel, facetNames } from "../components/Facets.js";
import { FACT_FILTER, SCOPE_FILTER, ScopeFilterForm, filterOf, only, type Filter } from "../components/ScopeFilter.js";
import { ConflictCards, ListExports } from "./Conflicts.js";
import { FactFull, toggled } from "./FactFull.js";
import { useApi } from "../hooks.js";
import { Link, navigate } from "../router.js";
import { useCanEdit } from "../session.js";
import { Announce, Empty, Show, StatusBadge, fmt } from "../ui.js";

/** Facts per page unless the address asks another number (`limit`). */
export const FACTS_PAGE = 50;

/** A whole number of the address, within bounds, or the fallback. */
function wholeParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const v = Number(query.get(name));
  return query.get(name) !== null && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
}

export function FactsPage({ factId, query }: { factId: string | null; query: URLSearchParams }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState("");
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const canEdit = useCanEdit();
  const filter = filterOf(query, FACT_FILTER);
  const scope = only(filter, SCOPE_FILTER);
  const filtered = Object.keys(filter).length > 0;
  const limit = wholeParam(query, "limit", FACTS_PAGE, 1, 1000);
  const offset = wholeParam(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER);
  // The order lives in the address too (`order=scope`: by name), so that a view and its export agree.
  const order: "consequential" | "scope" = query.get("order") === "scope" ? "scope" : "consequential";
  // Exactly what the list shows: the filter, the order and the page (the exports ask the same).
  const shown = { ...filter, limit, offset: offset || undefined, order };
  const facetsAsked = facetNames(FACT_PAGE_FACETS);
  // A page of the facts, ordered by the server; the facets come with it, counted over every matching fact.
  const facts = useApi<FactList>(`/facts${qs({ ...shown, facets: facetsAsked })}`, version, true);
  const conflicts = useApi<ConflictList>(`/conflicts${qs(scope)}`, version, true);
  const pageSize = limit === FACTS_PAGE ? undefined : limit;
  const here = (p: Filter, id = factId, at?: number, o = order) =>
    `/facts${id ? `/${id}` : ""}${qs({ ...p, limit: pageSize, offset: at || undefined, order: o === "scope" ? "scope" : undefined })}`;
  const changed = (m: string, goTo?: string) => {
    setMessage(m);
    setTicked(new Set());
    setVersion((v) => v + 1);
    if (goTo) navigate(here(filter, goTo));
  };
  return (
    <>
      <h1>Facts &amp; conflicts</h1>
      <Announce message={message} />
      <ScopeFilterForm fields={FACT_FILTER} filter={filter} label="Filter facts" onApply={(f) => navigate(here(f))} />
      {factId ? <FactFull key={factId} id={factId} version={version} onChanged={changed} /> : null}
      <div className="with-facets">
        {facts.state === "done" && facts.data.facets ? (
          <FacetPanel facets={facts.data.facets} params={filter} href={(p) => here(p)} fields={FACT_PAGE_FACETS} noun="facts" />
        ) : (
          <div className="facets meta">{facts.state === "loading" ? "Counting…" : null}</div>
        )}
        <div className="two-col">
          <section aria-labelledby="h-facts">
            <h2 id="h-facts">Facts</h2>
            <Show value={facts} what="facts">
              {(d) =>
                d.total === 0 ? (
                  <Empty>{filtered ? "No facts match this filter." : "No facts yet: add documents with dated figures."}</Empty>
                ) : (
                  <>
                    {canEdit ? <MergeBar facts={d.facts} ticked={ticked} onMerged={changed} /> : null}
                    <p role="status" data-testid="facts-count">
                      {fmt(d.total)} fact{d.total === 1 ? "" : "s"}
                      {filtered ? (d.total === 1 ? " matches this filter" : " match this filter") : ""}
                    </p>
                    {d.total > d.facts.length ? (
                      <p className="meta" data-testid="facts-range">
                        Showing {fmt(d.offset + 1)}–{fmt(d.offset + d.facts.length)} of {fmt(d.total)}
                      </p>
                    ) : null}
                    <ListExports list="facts" query={qs(shown)} facets={facetsAsked} noun="facts" testId="facts" />
                    <label className="order">
                      Order{" "}
                      <select
                        value={order}
                        onChange={(e) => navigate(here(filter, factId, 0, e.target.value === "scope" ? "scope" : "consequential"))}
                        data-testid="facts-order"
                      >
                        <option value="consequential">most consequential first (ranked conflicts)</option>
                        <option value="scope">by name</option>
                      </select>
                    </label>
                    <ul className="plain cards" data-testid="facts-list">
                      {d.facts.map((f) => (
                        <li key={f.id} className={f.id === factId ? "current" : undefined} data-fact-id={f.id}>
                          {canEdit ? (
                            <input type="checkbox" className="tick" aria-label={`Select “${f.description}” for merging`} checked={ticked.has(f.id)} onChange={() => setTicked(toggled(ticked, f.id))} />
                          ) : null}
                          <Link href={here(filter, f.id)}>{f.description}</Link> <StatusBadge status={f.status} />
                          <div className="meta">
                            {fmt(f.low)} – {fmt(f.high)}
                            {f.highIsMinimum ? "+" : ""} · best {fmt(f.best)} · {f.voices.length} voice{f.voices.length === 1 ? "" : "s"}
                            {f.contradictions ? ` · ${f.contradictions} contradiction${f.contradictions === 1 ? "" : "s"}` : ""}
                          </div>
                        </li>
                      ))}
                    </ul>
                    {d.total > d.facts.length || d.offset > 0 ? (
                      <nav className="pager" aria-label="Pages of facts" data-testid="facts-pager">
                        <button type="button" disabled={d.offset === 0} onClick={() => navigate(here(filter, factId, Math.max(0, d.offset - limit)))}>
                          Previous page
                        </button>
                        <button type="button" disabled={d.offset + d.facts.length >= d.total} onClick={() => navigate(here(filter, factId, d.offset + limit))}>
                          Next page
                        </button>
                      </nav>
                    ) : null}
                  </>
                )
              }
            </Show>
          </section>
          <section aria-labelledby="h-conf">
            <h2 id="h-conf">Conflicts</h2>
            <Show value={conflicts} what="conflicts">
              {(d) =>
                d.conflicts.length === 0 ? (
                  <Empty>{Object.keys(scope).length > 0 ? "No conflicts touch these facts." : "No sources contradict each other."}</Empty>
                ) : (
                  <>
                    <ListExports list="conflicts" query={qs(scope)} noun="conflicts" testId="conflicts" />
                    <p>
                      <Link href={`/conflicts${qs(scope)}`} data-testid="conflicts-page-link">
                        Filter and count these conflicts
                      </Link>
                    </p>
                    <ConflictCards conflicts={d.conflicts} />
                  </>
                )
              }
            </Show>
          </section>
        </div>
      </div>
    </>
  );
}
