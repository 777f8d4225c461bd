// Facts & conflicts side by side: facts with status badges, conflicts with their reasons; one
// fact in full (every voice, range and rule, contradictions, revisions). The filter (event, dates,
// place, source, victims, status) lives in the address and narrows both lists (the conflicts: those
// touching such facts); a side panel counts the matching facts by event, place (with the places
// containing it), year, status, network, source and victims, and choosing a value narrows the
// filter. Analysts merge ticked facts and split ticked claims out of a fact.
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

/** Facts in the order of the ranked conflicts they take part in (most consequential first, as `/conflicts` ranks them), then the rest by name. */
export function consequentialOrder<F extends { id: string; description: string; contradictions: number }>(facts: readonly F[], conflicts: ConflictList | null): F[] {
  const rank = new Map<string, number>();
  (conflicts?.conflicts ?? []).forEach((k, i) => {
    for (const f of k.facts) if (!rank.has(f.id)) rank.set(f.id, i);
  });
  return [...facts].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || b.contradictions - a.contradictions || a.description.localeCompare(b.description));
}

export function FactsPage({ factId, query }: { factId: string | null; query: URLSearchParams }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState("");
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const canEdit = useCanEdit();
  const filter = filterOf(query, FACT_FILTER);
  const scope = only(filter, SCOPE_FILTER);
  const filtered = Object.keys(filter).length > 0;
  // The facts list is whole (not paged): its facets come with it, counted over the same facts.
  const facts = useApi<FactList>(`/facts${qs({ ...filter, facets: facetNames(FACT_PAGE_FACETS) })}`, version, true);
  const conflicts = useApi<ConflictList>(`/conflicts${qs(scope)}`, version, true);
  const [order, setOrder] = useState<"consequential" | "name">("consequential");
  const here = (p: Filter, id = factId) => `/facts${id ? `/${id}` : ""}${qs(p)}`;
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
                d.facts.length === 0 ? (
                  <Empty>{filtered ? "No facts match this filter." : "No facts yet: add documents with dated figures."}</Empty>
                ) : (
                  <>
                    {canEdit ? <MergeBar facts={d.facts} ticked={ticked} onMerged={changed} /> : null}
                    <p role="status" data-testid="facts-count">
                      {fmt(d.facts.length)} fact{d.facts.length === 1 ? "" : "s"}
                      {filtered ? (d.facts.length === 1 ? " matches this filter" : " match this filter") : ""}
                    </p>
                    <ListExports list="facts" query={qs(filter)} noun="facts" testId="facts" />
                    <label className="order">
                      Order{" "}
                      <select value={order} onChange={(e) => setOrder(e.target.value === "name" ? "name" : "consequential")} data-testid="facts-order">
                        <option value="consequential">most consequential first (ranked conflicts)</option>
                        <option value="name">by name</option>
                      </select>
                    </label>
                    <ul className="plain cards" data-testid="facts-list">
                      {(order === "name" ? d.facts : consequentialOrder(d.facts, conflicts.state === "done" ? conflicts.data : null)).map((f) => (
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
