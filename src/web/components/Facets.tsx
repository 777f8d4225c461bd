// A side panel of facets: for each field, its values among every claim (or document) of the
// current filter and how many have each. Choosing a value narrows the filter (in the address, so a view can be
// shared); a chosen value can be taken off again.
import { Link } from "../router.js";
import { fmt } from "../ui.js";

/** Facet values as the API gives them. */
export type FacetCounts = Record<string, Array<{ value: string | null; count: number }>>;

/** The facets the claims page shows, with the filter field each value sets. */
export const CLAIM_PAGE_FACETS: ReadonlyArray<readonly [facet: string, label: string]> = [
  ["event", "Event"],
  ["place", "Place"],
  ["source", "Source"],
  ["victims", "Victims"],
  ["year", "Year"],
];

/** The facets the documents page shows (year: of publication). */
export const DOCUMENT_PAGE_FACETS: ReadonlyArray<readonly [facet: string, label: string]> = [
  ["publisher", "Publisher"],
  ["language", "Language"],
  ["year", "Year published"],
];

const NONE: Record<string, string> = { source: "the publisher's own", language: "not detected", publisher: "no publisher", year: "undated" };
const label = (facet: string, value: string | null) => (value === null ? (NONE[facet] ?? "not named") : value.replaceAll("_", " "));

/** The filter a facet value sets: most fields by their name; a year as the range from its start to its end. */
function narrowed(params: Record<string, string | undefined>, facet: string, value: string): Record<string, string | undefined> {
  const next = { ...params, offset: undefined };
  if (facet === "year") return { ...next, from: value, to: value };
  return { ...next, [facet]: value };
}

/** True when the filter already holds this value of the facet. */
function chosen(params: Record<string, string | undefined>, facet: string, value: string | null): boolean {
  if (value === null) return false;
  if (facet === "year") return params.from === value && params.to === value;
  return params[facet] === value;
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
  fields?: ReadonlyArray<readonly [facet: string, label: string]>;
  noun?: string;
}) {
  return (
    <aside className="facets" aria-label={`Facets: counts of the matching ${noun}`} data-testid="facets">
      {fields.map(([facet, title]) => {
        const values = facets[facet] ?? [];
        if (values.length === 0) return null;
        return (
          <section key={facet} data-facet={facet}>
            <h2>{title}</h2>
            <ul className="plain">
              {values.map((v) => {
                const on = chosen(params, facet, v.value);
                const off = facet === "year" ? { ...params, from: undefined, to: undefined, offset: undefined } : { ...params, [facet]: undefined, offset: undefined };
                return (
                  <li key={v.value ?? "(none)"} className={on ? "current" : undefined}>
                    {v.value === null ? (
                      <span className="meta">{label(facet, v.value)}</span>
                    ) : on ? (
                      <Link href={href(off)} aria-label={`Remove the filter ${title.toLowerCase()} ${label(facet, v.value)}`}>
                        <bdi>{label(facet, v.value)}</bdi> ✕
                      </Link>
                    ) : (
                      <Link href={href(narrowed(params, facet, v.value))} data-facet-value={v.value}>
                        <bdi>{label(facet, v.value)}</bdi>
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
