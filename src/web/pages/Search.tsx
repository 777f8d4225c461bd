// Search: ranked full-text search with the matched words highlighted in each snippet.
import { useState, type FormEvent, type ReactNode } from "react";
import { MAX_SEARCH_WINDOW } from "../../shared/search-window.js";
import { qs, type SearchResults } from "../api.js";
import { useApi } from "../hooks.js";
import { Downloads } from "../components/Downloads.js";
import { Link, navigate } from "../router.js";
import { Empty, Show } from "../ui.js";

/** The snippet with [matched] words as <mark>, everything else as text. */
function snippet(s: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\[([^\]]*)\]/g;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m.index > at) out.push(s.slice(at, m.index));
    out.push(<mark key={m.index}>{m[1]}</mark>);
    at = m.index + m[0].length;
  }
  if (at < s.length) out.push(s.slice(at));
  return out;
}

export function SearchPage({ query }: { query: URLSearchParams }) {
  const q = query.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  const window = query.get("window") ?? undefined;
  const data = useApi<SearchResults>(q ? `/search${qs({ q, window })}` : null);
  /** How many the link under an incomplete result asks to rank: ten times as many, within the server's bound. */
  const wider = (ranked: number) => Math.min(MAX_SEARCH_WINDOW, ranked * 10);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search${qs({ q: draft.trim() })}`);
  };
  return (
    <>
      <h1>Search</h1>
      <form className="filters" role="search" onSubmit={submit}>
        <label>
          Words to find
          <input type="search" name="q" value={draft} onChange={(e) => setDraft(e.target.value)} required />
        </label>
        <button type="submit">Search</button>
      </form>
      {q === "" ? (
        <Empty>Type words to search the text of every document.</Empty>
      ) : (
        <Show value={data} what="results">
          {(r) =>
            r.hits.length === 0 ? (
              <Empty>No document contains all of “{q}”.</Empty>
            ) : (
              <>
                {!r.complete && (
                  <p className="state" data-testid="search-window">
                    More than {r.ranked.toLocaleString("en-US")} documents contain all of “{q}”: these are the best of the{" "}
                    {r.ranked.toLocaleString("en-US")} most recently stored. Add words to narrow the search
                    {r.ranked < MAX_SEARCH_WINDOW && (
                      <>
                        , or <Link href={`/search${qs({ q, window: wider(r.ranked) })}`}>rank the {wider(r.ranked).toLocaleString("en-US")} most recent</Link> (slower)
                      </>
                    )}
                    .
                  </p>
                )}
                <Downloads path="/search" query={{ q, window }} what="These results" testId="search" />
                <ol className="plain cards" data-testid="search-results">
                  {r.hits.map((h) => (
                    <li key={h.documentId}>
                      <Link href={`/documents/${h.documentId}`}>
                        <bdi>{h.title ?? h.name}</bdi>
                      </Link>
                      <span className="meta">
                        {" "}
                        {h.publisher ?? "unknown publisher"}, {h.published ?? "undated"}
                      </span>
                      <p className="snippet" dir="auto">
                        {snippet(h.snippet)}
                      </p>
                    </li>
                  ))}
                </ol>
              </>
            )
          }
        </Show>
      )}
    </>
  );
}
