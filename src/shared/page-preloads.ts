// What a page of the dashboard asks the API for first, known from the page's address alone. The
// server names these requests in the page's Link header, so the browser fetches them while the
// page's scripts load; the scripts ask for exactly the same paths and take those answers. One
// list for both sides keeps them from drifting apart (a preload nobody takes is a wasted query).

/** The id of the page's data block holding the answers the server put into it (page-answers.ts). */
export const ANSWERS_ELEMENT_ID = "tally-answers";

/** Voices drawn in the overview's chart and table: one colour each; the others are in each year's fact. */
export const OVERVIEW_CHART_VOICES = 7;

/** The overview's API path (under /api/v1) for the page's query: event and place (default execution in Iran). */
export function overviewApiPath(query: URLSearchParams): string {
  const params = new URLSearchParams({
    event: query.get("event") || "execution",
    place: query.get("place") || "Iran",
    voices: String(OVERVIEW_CHART_VOICES),
  });
  return `/overview?${params.toString()}`;
}

/** API paths (under /api/v1) the page at `pathname` asks for before anything else: the session, and the overview's data on the landing page. */
export function pagePreloads(pathname: string, query: URLSearchParams): string[] {
  const paths = ["/auth/session"];
  if (pathname === "/") paths.push(overviewApiPath(query));
  return paths;
}

/**
 * A Link header value preloading API paths under `apiBase`. The paths are built with
 * URLSearchParams, which percent-encodes every character that could end the link (`>`, `,`, `;`,
 * spaces, line breaks).
 */
export function preloadLinkHeader(apiBase: string, paths: readonly string[]): string {
  return paths.map((p) => `<${apiBase}${p}>; rel=preload; as=fetch; crossorigin`).join(", ");
}
