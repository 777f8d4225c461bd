// Documents: the stored documents, newest first, with their language, filtered by language (the
// filter lives in the address). A document in a language without extraction rules says so.
import { useState, type FormEvent } from "react";
import { qs, type DocumentList } from "../api.js";
import { useApi } from "../hooks.js";
import { Link, navigate } from "../router.js";
import { Empty, Show, fmt } from "../ui.js";

/** The languages offered in the filter (any other code can be given in the address). */
const LANGUAGES: ReadonlyArray<readonly [string, string]> = [
  ["en", "English"],
  ["fa", "Persian"],
  ["ar", "Arabic"],
  ["fr", "French"],
  ["ku", "Kurdish"],
  ["tr", "Turkish"],
  ["unknown", "not detected"],
];

export function DocumentsPage({ query }: { query: URLSearchParams }) {
  const language = query.get("language") ?? "";
  const offset = Number(query.get("offset") ?? 0) || 0;
  const [draft, setDraft] = useState(language);
  const data = useApi<DocumentList>(`/documents${qs({ language, offset, limit: 50 })}`);
  const go = (p: { language?: string; offset?: number }) => navigate(`/documents${qs(p)}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ language: draft });
  };
  return (
    <>
      <h1>Documents</h1>
      <form className="filters" onSubmit={submit} aria-label="Filter documents">
        <label>
          Language
          <select name="language" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="language-filter">
            <option value="">any</option>
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
            {draft && !LANGUAGES.some(([code]) => code === draft) ? <option value={draft}>{draft}</option> : null}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      <Show value={data} what="the documents">
        {(d) =>
          d.documents.length === 0 ? (
            <Empty>No documents{language ? " in this language" : ""}.</Empty>
          ) : (
            <>
              <p role="status" data-testid="documents-count">
                Showing {d.offset + 1}–{d.offset + d.documents.length} of {fmt(d.total)} documents
              </p>
              <div className="table-wrap">
                <table className="data" data-testid="documents-table">
                  <caption className="visually-hidden">Stored documents</caption>
                  <thead>
                    <tr>
                      <th scope="col">Document</th>
                      <th scope="col">Publisher</th>
                      <th scope="col">Published</th>
                      <th scope="col">Language</th>
                      <th scope="col">Claims</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.documents.map((doc) => (
                      <tr key={doc.id} data-document-id={doc.id}>
                        <td>
                          <Link href={`/documents/${doc.id}`}>
                            <bdi>{doc.title ?? doc.name}</bdi>
                          </Link>
                        </td>
                        <td>
                          <bdi>{doc.publisher ?? "—"}</bdi>
                        </td>
                        <td>{doc.published ?? "undated"}</td>
                        <td>{doc.languageName ?? "not detected"}</td>
                        <td className="num">
                          {fmt(doc.claimCount)}
                          {doc.unsupported ? <div className="meta">no extraction rules for this language</div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label="Pages of documents">
                <button type="button" disabled={d.offset === 0} onClick={() => go({ language, offset: Math.max(0, d.offset - d.limit) })}>
                  Previous page
                </button>
                <button type="button" disabled={d.offset + d.documents.length >= d.total} onClick={() => go({ language, offset: d.offset + d.limit })}>
                  Next page
                </button>
              </nav>
            </>
          )
        }
      </Show>
    </>
  );
}
