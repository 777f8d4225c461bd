// Conflicts: the contradictions between claims, most consequential first, filtered by the event,
// dates, place and victims of the facts they touch, the source of their claims, their severity and
// kind. The filter lives in the address; a side panel counts the matching conflicts by each of
// these (and by network), and choosing a value narrows the filter. Exports give exactly the list
// shown, as CSV or JSON.
import { API, qs, type ConflictList } from "../api.js";
import { CONFLICT_PAGE_FACETS, FacetPanel, facetNames } from "../components/Facets.js";
import { CONFLICT_FILTER, ScopeFilterForm, filterOf, type Filter } from "../components/ScopeFilter.js";
import { useApi } from "../hooks.js";
import { Link, navigate } from "../router.js";
import { Empty, SeverityBadge, Show, fmt } from "../ui.js";

/** The conflicts as cards: severity, kind, reason, permalink and the facts each touches. */
export function ConflictCards({ conflicts }: { conflicts: ConflictList["conflicts"] }) {
  return (
    <ul className="plain cards" data-testid="conflicts-list">
      {conflicts.map((k) => (
        <li key={k.id} data-conflict-id={k.id}>
          <SeverityBadge severity={k.severity} /> <span className="kind">{k.kind.replaceAll("_", " ")}</span>
          <p className="reason">{k.reason}</p>
          <Link href={`/conflicts/${k.id}`} data-testid="conflict-permalink">
            Permalink
          </Link>
          <ul className="inline">
            {k.facts.map((f) => (
              <li key={f.id}>
                <Link href={`/facts/${f.id}`} data-testid="conflict-fact-link">
                  Open {f.description}
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/**
 * Download links of exactly the list shown: `/<list>.csv` and `/<list>.json` with the query the
 * list was asked with (filter, order, page); the JSON also counts the facets of the side panel.
 */
export function ListExports({ list, query, facets, noun, testId }: { list: string; query: string; facets?: string; noun: string; testId: string }) {
  const json = facets ? `${query}${query ? "&" : "?"}facets=${encodeURIComponent(facets)}` : query;
  return (
    <p className="exports">
      {query ? `These ${noun}` : `All ${noun}`} as{" "}
      <a href={`${API}/${list}.csv${query}`} download data-testid={`${testId}-csv`}>
        CSV
      </a>{" "}
      or{" "}
      <a href={`${API}/${list}.json${json}`} download={`tally-${list}.json`} data-testid={`${testId}-json`}>
        JSON
      </a>
    </p>
  );
}

export function ConflictsPage({ query }: { query: URLSearchParams }) {
  const filter = filterOf(query, CONFLICT_FILTER);
  const data = useApi<ConflictList>(`/conflicts${qs({ ...filter, facets: facetNames(CONFLICT_PAGE_FACETS) })}`, 0, true);
  const go = (f: Filter) => navigate(`/conflicts${qs(f)}`);
  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <h1>Conflicts</h1>
      <ScopeFilterForm fields={CONFLICT_FILTER} filter={filter} label="Filter conflicts" onApply={go} />
      <Show value={data} what="conflicts">
        {(d) => (
          <div className="with-facets">
            {d.facets ? <FacetPanel facets={d.facets} params={filter} href={(p) => `/conflicts${qs(p)}`} fields={CONFLICT_PAGE_FACETS} noun="conflicts" /> : <div />}
            <section aria-label="Conflicts">
              <p role="status" data-testid="conflicts-count">
                {fmt(d.conflicts.length)} conflict{d.conflicts.length === 1 ? "" : "s"}
                {filtered ? (d.conflicts.length === 1 ? " matches this filter" : " match this filter") : ""}, most consequential first
              </p>
              <ListExports list="conflicts" query={qs(filter)} facets={facetNames(CONFLICT_PAGE_FACETS)} noun="conflicts" testId="conflicts" />
              {d.conflicts.length === 0 ? <Empty>{filtered ? "No conflicts match this filter." : "No sources contradict each other."}</Empty> : <ConflictCards conflicts={d.conflicts} />}
            </section>
          </div>
        )}
      </Show>
    </>
  );
}
