// The frame of every page: skip link, navigation, who is signed in, the page for the current path.
// Until the session is known nothing else loads; without one (or after a 401) the sign-in page shows.
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { fetchSession, logout, onSignedOut, setCsrf, takeLoaded, type Session } from "./api.js";
import { Link, useLocation } from "./router.js";
import { SessionContext, roleAtLeast, useSession } from "./session.js";
import { LoginPage } from "./pages/Login.js";
import { OverviewPage } from "./pages/Overview.js";

// The other pages load when first visited, so the overview (the first page) starts sooner.
const ReviewPage = lazy(() => import("./pages/Review.js").then((m) => ({ default: m.ReviewPage })));
const ClaimsPage = lazy(() => import("./pages/Claims.js").then((m) => ({ default: m.ClaimsPage })));
const DocumentPage = lazy(() => import("./pages/Document.js").then((m) => ({ default: m.DocumentPage })));
const DocumentsPage = lazy(() => import("./pages/Documents.js").then((m) => ({ default: m.DocumentsPage })));
const FactsPage = lazy(() => import("./pages/Facts.js").then((m) => ({ default: m.FactsPage })));
const ConflictsPage = lazy(() => import("./pages/Conflicts.js").then((m) => ({ default: m.ConflictsPage })));
const ConflictPage = lazy(() => import("./pages/Conflict.js").then((m) => ({ default: m.ConflictPage })));
const IngestPage = lazy(() => import("./pages/Ingest.js").then((m) => ({ default: m.IngestPage })));
const SearchPage = lazy(() => import("./pages/Search.js").then((m) => ({ default: m.SearchPage })));
const VictimsPage = lazy(() => import("./pages/Victims.js").then((m) => ({ default: m.VictimsPage })));
const VictimPage = lazy(() => import("./pages/Victims.js").then((m) => ({ default: m.VictimPage })));
const VictimListPage = lazy(() => import("./pages/Victims.js").then((m) => ({ default: m.VictimListPage })));
const AccountsPage = lazy(() => import("./pages/Accounts.js").then((m) => ({ default: m.AccountsPage })));
const SourcePage = lazy(() => import("./pages/Source.js").then((m) => ({ default: m.SourcePage })));
const ReportPage = lazy(() => import("./pages/Report.js").then((m) => ({ default: m.ReportPage })));
const SourcesPage = lazy(() => import("./pages/Sources.js").then((m) => ({ default: m.SourcesPage })));
import { Empty, Loading, Problem } from "./ui.js";

/** Menu entries; `edit` ones are for roles that may change the ledger. */
const NAV: readonly (readonly [string, string, boolean])[] = [
  ["/", "Overview", false],
  ["/claims", "Claims", false],
  ["/documents", "Documents", false],
  ["/review", "Review", true],
  ["/facts", "Facts & conflicts", false],
  ["/conflicts", "Conflicts", false],
  ["/sources", "Sources", false],
  ["/victims", "Victims", false],
  ["/search", "Search", false],
  ["/report", "Report", false],
  ["/add", "Add a document", true],
  ["/admin/accounts", "Accounts", true],
];

/** Pages of wide tables: they use the whole width of the window (no cap), so that no column is cut off. */
const WIDE_PAGES: ReadonlySet<string> = new Set(["/claims", "/documents", "/facts", "/conflicts", "/review"]);

const SIGNED_OUT: Session = { mode: "users", user: null, csrf: null };

type SessionState = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; session: Session; expired: boolean };

/** The session if its answer was preloaded and is in: the first render shows the page at once. */
function preloadedSession(): SessionState {
  const early = takeLoaded<Session>("/auth/session");
  if (!early) return { state: "loading" };
  setCsrf(early.data.csrf);
  return { state: "ready", session: early.data, expired: false };
}

export function App() {
  const [s, setS] = useState<SessionState>(preloadedSession);
  const load = useCallback(() => {
    fetchSession().then(
      (session) => setS({ state: "ready", session, expired: false }),
      (err: unknown) => setS({ state: "error", message: err instanceof Error ? err.message : String(err) }),
    );
  }, []);
  // A session preloaded into the first render needs no second request.
  const preloaded = useRef(s.state === "ready");
  useEffect(() => {
    if (!preloaded.current) load();
  }, [load]);
  useEffect(
    () =>
      onSignedOut(() => {
        setCsrf(null);
        setS((prev) => ({ state: "ready", session: SIGNED_OUT, expired: prev.state === "ready" && prev.session.user !== null }));
      }),
    [],
  );
  const signOut = useCallback(() => {
    void logout().finally(() => setS({ state: "ready", session: SIGNED_OUT, expired: false }));
  }, []);
  const info = useMemo(() => (s.state === "ready" ? { session: s.session, signOut } : null), [s, signOut]);

  if (s.state === "loading") return <Frame><Loading what="your session" /></Frame>;
  if (s.state === "error") return <Frame><Problem message={s.message} /></Frame>;
  if (!s.session.user || !info) {
    return (
      <Frame>
        <LoginPage expired={s.expired} onSignedIn={(session) => setS({ state: "ready", session, expired: false })} />
      </Frame>
    );
  }
  return (
    <SessionContext.Provider value={info}>
      <Pages />
    </SessionContext.Provider>
  );
}

/** The frame without menu (while the session loads, and for signing in). */
function Frame({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Tally</span>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function UserBox() {
  const { session, signOut } = useSession();
  if (session.mode === "single-user" || !session.user) return null;
  return (
    <div className="user-box" data-testid="user-box">
      <span>
        Signed in as <strong>{session.user.name}</strong> <span className="role">({session.user.role})</span>
      </span>
      <button type="button" className="secondary" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}

function Pages() {
  const loc = useLocation();
  const { session } = useSession();
  const canEdit = roleAtLeast(session, "analyst");
  const isAdmin = roleAtLeast(session, "admin");
  const main = useRef<HTMLElement>(null);
  const docMatch = /^\/documents\/([0-9a-fA-F]+)$/.exec(loc.path);
  const factMatch = /^\/facts\/([\w:.-]+)$/.exec(loc.path);
  const conflictMatch = /^\/conflicts\/([\w:.-]+)$/.exec(loc.path);
  const victimMatch = /^\/victims\/(\d+)$/.exec(loc.path);
  const victimListMatch = /^\/victims\/lists\/(\d+)$/.exec(loc.path);
  const sourceMatch = /^\/sources\/([^/]+)$/.exec(loc.path);
  let page;
  let title = "Tally";
  if (loc.path === "/") [page, title] = [<OverviewPage query={loc.query} />, "Overview"];
  else if (docMatch) [page, title] = [<DocumentPage id={docMatch[1] ?? ""} />, "Document"];
  else if (loc.path === "/claims") [page, title] = [<ClaimsPage query={loc.query} />, "Claims"];
  else if (loc.path === "/documents") [page, title] = [<DocumentsPage query={loc.query} />, "Documents"];
  else if (loc.path === "/facts" || factMatch) [page, title] = [<FactsPage factId={factMatch?.[1] ?? null} query={loc.query} />, "Facts & conflicts"];
  else if (loc.path === "/conflicts") [page, title] = [<ConflictsPage query={loc.query} />, "Conflicts"];
  else if (conflictMatch) [page, title] = [<ConflictPage id={conflictMatch[1] ?? ""} />, "Conflict"];
  else if (loc.path === "/sources") [page, title] = [<SourcesPage />, "Sources"];
  else if (loc.path === "/victims") [page, title] = [<VictimsPage query={loc.query} />, "Named victims"];
  else if (victimListMatch) [page, title] = [<VictimListPage id={victimListMatch[1] ?? ""} />, "Victim list"];
  else if (victimMatch) [page, title] = [<VictimPage id={victimMatch[1] ?? ""} />, "Victim"];
  else if (loc.path === "/search") [page, title] = [<SearchPage query={loc.query} />, "Search"];
  else if (loc.path === "/add") [page, title] = [<IngestPage />, "Add a document"];
  else if (loc.path === "/admin/accounts") [page, title] = [isAdmin ? <AccountsPage /> : <Empty>Accounts are for admins.</Empty>, "Accounts"];
  else if (sourceMatch) [page, title] = [<SourcePage name={decodeURIComponent(sourceMatch[1] ?? "")} />, "Source"];
  else if (loc.path === "/report") [page, title] = [<ReportPage query={loc.query} />, "Report"];
  else if (loc.path === "/review") [page, title] = [<ReviewPage query={loc.query} />, "Review"];
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
            {NAV.filter(([href, , edit]) => (href === "/admin/accounts" ? isAdmin : canEdit || !edit)).map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={active(href) ? "page" : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <UserBox />
      </header>
      <main id="main" ref={main} tabIndex={-1} className={WIDE_PAGES.has(loc.path) ? "wide" : undefined}>
        <Suspense fallback={<Loading what="the page" />}>{page}</Suspense>
      </main>
      <footer className="foot">Tally records who claims what; it never asserts a figure as true on its own.</footer>
    </>
  );
}
