// The first answers a page needs, put into the page itself: index.html comes with the answers of
// the API calls its script makes first (the session; the overview's data on the landing page),
// in a JSON data block the script reads instead of asking, and with the overview's key figures
// already written as HTML, so they are on screen as soon as the page and its stylesheet are in,
// before the script has loaded. The answers are asked from the API in-process with the
// visitor's own credentials (cookie, token), so the page holds exactly what the API would have
// given them. An answer that fails or takes too long is left to the script, and named in the
// Link header so that the browser starts fetching it at once.
import { html } from "hono/html";
import { keyFigures, type FiguresOf } from "../shared/key-figures.js";
import { ANSWERS_ELEMENT_ID, overviewApiPath, pagePreloads, preloadLinkHeader } from "../shared/page-preloads.js";

/** What a page is served with beyond index.html. */
export interface PageStart {
  /** The Link header preloading the answers not in the page (null: none). */
  link: string | null;
  /** HTML for the page's root element, shown until the script draws the page. */
  markup: string;
  /** The data block with the answers (empty: none). */
  data: string;
  /** Answers were put into the page: it must not be kept in a cache. */
  personal: boolean;
}

/** Asks the API for a path under its base (a GET with the visitor's credentials). */
export type AskApi = (path: string) => Promise<Response>;

/** How long the page waits for an answer before it leaves the answer to the script. */
export const PAGE_ANSWER_MS = 400;

/**
 * JSON that can sit inside a <script> element: every `<`, `>` and `&` escaped (no `</script>` or
 * `<!--` can end or change the element), and the line separators JavaScript once rejected.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The answer of one path, or undefined when it failed or is not in within `ms`. */
async function answerOf(ask: AskApi, path: string, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  const asked = ask(path).then(
    async (res) => (res.ok && (res.headers.get("content-type") ?? "").startsWith("application/json") ? ((await res.json()) as unknown) : undefined),
    () => undefined,
  );
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The key figures as the overview page writes them, with the page's frame around them. */
async function overviewMarkup(o: FiguresOf): Promise<string> {
  const figures = keyFigures(o).map(
    (f) => html`<div><dt>${f.label}</dt><dd${f.testId ? html` data-testid="${f.testId}"` : ""}>${f.value}</dd></div>`,
  );
  const page = html`<header class="top"><span class="brand">Tally</span></header><main id="main" tabindex="-1"><h1>Overview</h1><section aria-label="Key figures"><dl class="figures">${figures}</dl></section></main>`;
  return String(await page);
}

const isFigures = (v: unknown): v is FiguresOf =>
  typeof v === "object" && v !== null && typeof (v as FiguresOf).place === "string" && typeof (v as FiguresOf).figures === "object";

/** What the page at `pathname` (with `query`) is served with; `apiBase` prefixes the Link header's paths. */
export async function pageStart(pathname: string, query: URLSearchParams, ask: AskApi, apiBase: string, ms = PAGE_ANSWER_MS): Promise<PageStart> {
  const paths = pagePreloads(pathname, query);
  const answers: Record<string, unknown> = {};
  await Promise.all(
    paths.map(async (p) => {
      const answer = await answerOf(ask, p, ms);
      if (answer !== undefined) answers[p] = answer;
    }),
  );
  const missing = paths.filter((p) => !(p in answers));
  const overview = pathname === "/" ? answers[overviewApiPath(query)] : undefined;
  const personal = missing.length < paths.length;
  return {
    link: missing.length > 0 ? preloadLinkHeader(apiBase, missing) : null,
    markup: isFigures(overview) ? await overviewMarkup(overview) : "",
    data: personal ? `<script type="application/json" id="${ANSWERS_ELEMENT_ID}">${jsonForScript(answers)}</script>` : "",
    personal,
  };
}
