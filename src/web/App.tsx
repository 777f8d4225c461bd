// The frame of every page: skip link, navigation, the page for the current path.
import { Suspense, lazy, useEffect, useRef } from "react";
import { Link, useLocation } from "./router.js";
import { OverviewPage } from "./pages/Overview.js";
import { Empty, Loading } from "./ui.js";

// The other pages load when first visited, so the overview (the first page) starts sooner.
const ClaimsPage = lazy(() => import("./pages/Claims.js").then((m) => ({ default: m.ClaimsPage })));
const DocumentPage = lazy(() => import("./pages/Document.js").then((m) => ({ default: m.DocumentPage })));
const FactsPage = lazy(() => import("./pages/Facts.js").then((m) => ({ default: m.FactsPage })));
const IngestPage = lazy(() => import("./pages/Ingest.js").then((m) => ({ default: m.IngestPage })));
const SearchPage = lazy(() => import("./pages/Search.js").then((m) => ({ default: m.SearchPage })));
const SourcesPage = lazy(() => import("./pages/Sources.js").then((m) => ({ default: m.SourcesPage })));

const NAV = [
  ["/", "Overview"],
  ["/claims", "Claims"],
  ["/facts", "Facts & conflicts"],
  ["/sources", "Sources"],
  ["/search", "Search"],
  ["/add", "Add a document"],
] as const;

export function App() {
  const loc = useLocation();
  const main = useRef<HTMLElement>(null);
  const docMatch = /^\/documents\/([0-9a-fA-F]+)$/.exec(loc.path);
  const factMatch = /^\/facts\/([\w:.-]+)$/.exec(loc.path);
  let page;
  let title = "Tally";
  if (loc.path === "/") [page, title] = [<OverviewPage query={loc.query} />, "Overview"];
  else if (docMatch) [page, title] = [<DocumentPage id={docMatch[1] ?? ""} />, "Document"];
  else if (loc.path === "/claims") [page, title] = [<ClaimsPage query={loc.query} />, "Claims"];
  else if (loc.path === "/facts" || factMatch) [page, title] = [<FactsPage factId={factMatch?.[1] ?? null} />, "Facts & conflicts"];
  else if (loc.path === "/sources") [page, title] = [<SourcesPage />, "Sources"];
  else if (loc.path === "/search") [page, title] = [<SearchPage query={loc.query} />, "Search"];
  else if (loc.path === "/add") [page, title] = [<IngestPage />, "Add a document"];
  else page = <Empty>There is no page at {loc.path}. Choose one from the menu.</Empty>;

  useEffect(() => {
    document.title = `${title} · Tally`;
  }, [title]);

  const active = (href: string) => (href === "/" ? loc.path === "/" : loc.path.startsWith(href));
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Tally
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={active(href) ? "page" : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>{page}</Suspense>
      </main>
      <footer className="foot">Tally records who claims what; it never asserts a figure as true on its own.</footer>
    </>
  );
}
