// A side panel of facets: for each field, its values among every claim (document, fact or
// conflict) of the current filter and how many have each. Choosing a value narrows the filter (in the address, so a view can be
// shared); a chosen value can be taken off again.
import { Link } from "../router.js";
import { fmt } from "../ui.js";

/** Facet values as the API gives them. */
export type FacetCounts = Record<string, Array<{ value: string | null; count: number; label?: string | undefined }>>;

/** A facet the panel shows: its field, its heading and, when not the field's own name, the filter field a value sets. */
export type PanelFacet = readonly [facet: string, label: string, param?: string];

/** The facets the claims page shows, with the filter field each value sets. */
export const CLAIM_PAGE_FACETS: ReadonlyArray<PanelFacet> = [
  ["event", "Event"],
  ["place", "Place"],
  ["network", "Network"],
  ["source", "Source"],
  ["victims", "Victims"],
  ["year", "Year"],
  ["language", "Language"],
];

/** The facets the documents page shows (year: of publication). */
export const DOCUMENT_PAGE_FACETS: ReadonlyArray<PanelFacet> = [
  ["publisher", "Publisher"],
  ["language", "Language"],
  ["year", "Year published"],
];

/** The facets the facts page shows (a fact counts under the places containing its own, and every year its period touches; a network is chosen as a source). */
export const FACT_PAGE_FACETS: ReadonlyArray<PanelFacet> = [
  ["event", "Event"],
  ["place", "Place"],
  ["year", "Year"],
  ["status", "Status"],
  ["network", "Network", "source"],
  ["source", "Source"],
  ["victims", "Victims"],
  ["language", "Language"],
];

/** The facets the conflicts page shows (of the facts each conflict touches, and of its claims). */
export const CONFLICT_PAGE_FACETS: ReadonlyArray<PanelFacet> = [
  ["event", "Event"],
  ["place", "Place"],
  ["year", "Year"],
  ["severity", "Severity"],
  ["kind", "Kind"],
  ["network", "Network", "source"],
  ["source", "Source"],
];

/** The field names of a panel's facets, as the API's `facets` parameter takes them. */
export const facetNames = (fields: ReadonlyArray<PanelFacet>) => fields.map(([f]) => f).join(",");

const NONE: Record<string, string> = { source: "the publisher's own", language: "not detected", publisher: "no publisher", year: "undated", network: "no known network" };
const label = (facet: string, value: string | null) => (value === null ? (NONE[facet] ?? "not named") : value.replaceAll("_", " "));

/** The filter a facet value sets: most fields by their name (or the field `param` names); a year as the range from its start to its end. */
function narrowed(params: Record<string, string | undefined>, facet: string, param: string, value: string): Record<string, string | undefined> {
  const next = { ...params, offset: undefined };
  if (facet === "year") return { ...next, from: value, to: value };
  return { ...next, [param]: value };
}

/** True when the filter already holds this value of the facet. */
function chosen(params: Record<string, string | undefined>, facet: string, param: string, value: string | null): boolean {
  if (value === null) return false;
  if (facet === "year") return params.from === value && params.to === value;
  return params[param] === value;
}

export function FacetPanel({
  facets,
  params,
  href,
  fields = CLAIM_PAGE_FACETS,
  noun = "claims",
}: {
  facets: FacetCounts;
  params: Record<string, string | undefined>;
  href(p: Record<string, string | undefined>): string;
  fields?: ReadonlyArray<PanelFacet>;
  noun?: string;
}) {
  return (
    <aside className="facets" aria-label={`Facets: counts of the matching ${noun}`} data-testid="facets">
      {fields.map(([facet, title, param = facet]) => {
        const values = facets[facet] ?? [];
        if (values.length === 0) return null;
        return (
          <section key={facet} data-facet={facet}>
            <h2>{title}</h2>
            <ul className="plain">
              {values.map((v) => {
                const on = chosen(params, facet, param, v.value);
                const text = v.label ?? label(facet, v.value);
                const off = facet === "year" ? { ...params, from: undefined, to: undefined, offset: undefined } : { ...params, [param]: undefined, offset: undefined };
                return (
                  <li key={v.value ?? "(none)"} className={on ? "current" : undefined}>
                    {v.value === null ? (
                      <span className="meta">{label(facet, v.value)}</span>
                    ) : on ? (
                      <Link href={href(off)} aria-label={`Remove the filter ${title.toLowerCase()} ${text}`}>
                        <bdi>{text}</bdi> ✕
                      </Link>
                    ) : (
                      <Link href={href(narrowed(params, facet, param, v.value))} data-facet-value={v.value}>
                        <bdi>{text}</bdi>
                      </Link>
                    )}{" "}
                    <span className="count" data-testid={`facet-count-${facet}`}>
                      {fmt(v.count)}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
