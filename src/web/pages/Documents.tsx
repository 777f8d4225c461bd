// Documents: the stored documents, newest capture first, filtered by publisher, language,
// publication dates, with or without claims, restricted or not, reports or reference data. The
// filter lives in the address (a view can be shared), and the page exports exactly what it shows
// as CSV or JSON. A side panel counts the matching documents by publisher, language and year of
// publication; choosing a value narrows the filter. A document in a language without extraction
// rules says so.
import { useState, type ChangeEvent, type FormEvent } from "react";
import { API, qs, type DocumentList } from "../api.js";
import { useApi } from "../hooks.js";
import { DOCUMENT_PAGE_FACETS, FacetPanel } from "../components/Facets.js";
import { Link, navigate } from "../router.js";
import { useCanEdit } from "../session.js";
import { Empty, RestrictedBadge, Show, fmt } from "../ui.js";

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

/** The filter fields, as they stand in the address and in the API's query. */
const FIELDS = ["publisher", "language", "from", "to", "hasClaims", "restricted", "reference"] as const;
type Field = (typeof FIELDS)[number];
type Filter = Partial<Record<Field, string>>;

const PAGE = 50;

function filterOf(query: URLSearchParams): Filter {
  const f: Filter = {};
  for (const k of FIELDS) {
    const v = query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** A yes/no/any choice of the filter. */
function Choice({ label, name, value, yes, no, onChange }: { label: string; name: Field; value: string; yes: string; no: string; onChange(e: ChangeEvent<HTMLSelectElement>): void }) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={onChange} data-testid={`filter-${name}`}>
        <option value="">any</option>
        <option value="true">{yes}</option>
        <option value="false">{no}</option>
      </select>
    </label>
  );
}

export function DocumentsPage({ query }: { query: URLSearchParams }) {
  const filter = filterOf(query);
  const offset = Number(query.get("offset") ?? 0) || 0;
  const [draft, setDraft] = useState<Filter>(filter);
  // A filter set from the address (a facet chosen, the back button) shows in the form too.
  const [shown, setShown] = useState(qs(filter));
  if (shown !== qs(filter)) {
    setShown(qs(filter));
    setDraft(filter);
  }
  const canEdit = useCanEdit();
  const params = { ...filter, offset, limit: PAGE };
  const data = useApi<DocumentList>(`/documents${qs(params)}`);
  // The facets count every matching document (not only this page); asked apart, as on the claims page.
  const counted = useApi<DocumentList>(`/documents${qs({ ...filter, limit: 1, facets: DOCUMENT_PAGE_FACETS.map(([f]) => f).join(",") })}`);
  const facets = counted.state === "done" ? (counted.data.facets ?? null) : null;
  const go = (f: Filter, at = 0) => navigate(`/documents${qs({ ...f, offset: at || undefined })}`);
  const set = (k: Field) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean: Filter = {};
    for (const k of FIELDS) if (draft[k]?.trim()) clean[k] = draft[k]?.trim();
    go(clean);
  };
  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <h1>Documents</h1>
      <form className="filters" onSubmit={submit} aria-label="Filter documents">
        <label>
          Publisher
          <input name="publisher" value={draft.publisher ?? ""} onChange={set("publisher")} data-testid="filter-publisher" />
        </label>
        <label>
          Language
          <select name="language" value={draft.language ?? ""} onChange={set("language")} data-testid="language-filter">
            <option value="">any</option>
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
            {draft.language && !LANGUAGES.some(([code]) => code === draft.language) ? <option value={draft.language}>{draft.language}</option> : null}
          </select>
        </label>
        <label>
          Published from
          <input name="from" value={draft.from ?? ""} onChange={set("from")} placeholder="YYYY[-MM[-DD]]" pattern="\d{4}(-\d{2}(-\d{2})?)?" data-testid="filter-from" />
        </label>
        <label>
          to
          <input name="to" value={draft.to ?? ""} onChange={set("to")} placeholder="YYYY[-MM[-DD]]" pattern="\d{4}(-\d{2}(-\d{2})?)?" data-testid="filter-to" />
        </label>
        <Choice label="Claims" name="hasClaims" value={draft.hasClaims ?? ""} yes="with claims" no="without claims" onChange={set("hasClaims")} />
        {canEdit ? <Choice label="Restricted" name="restricted" value={draft.restricted ?? ""} yes="restricted only" no="unrestricted only" onChange={set("restricted")} /> : null}
        <Choice label="Kind" name="reference" value={draft.reference ?? ""} yes="reference data" no="reports" onChange={set("reference")} />
        <button type="submit">Show</button>
        {filtered ? (
          <button type="button" className="secondary" onClick={() => { setDraft({}); go({}); }}>
            Clear
          </button>
        ) : null}
      </form>
      <Show value={data} what="the documents">
        {(d) =>
          d.documents.length === 0 ? (
            <Empty>No documents{filtered ? " match this filter" : " yet"}.</Empty>
          ) : (
            <div className="with-facets">
              {facets ? <FacetPanel facets={facets} params={filter} href={(p) => `/documents${qs(p)}`} fields={DOCUMENT_PAGE_FACETS} noun="documents" /> : <div className="facets meta">Counting…</div>}
              <div>
              <div className="toolbar">
                <p role="status" data-testid="documents-count">
                  Showing {d.offset + 1}–{d.offset + d.documents.length} of {fmt(d.total)} documents
                </p>
                <a className="button" href={`${API}/documents.csv${qs(params)}`} download="tally-documents.csv" data-testid="export-documents-csv">
                  Export these {d.documents.length} as CSV
                </a>
                <a className="button" href={`${API}/documents.json${qs({ ...params, facets: DOCUMENT_PAGE_FACETS.map(([f]) => f).join(",") })}`} download="tally-documents.json" data-testid="export-documents-json">
                  Export as JSON
                </a>
              </div>
              <div className="table-wrap">
                <table className="data" data-testid="documents-table">
                  <caption className="visually-hidden">Stored documents</caption>
                  <thead>
                    <tr>
                      <th scope="col">Document</th>
                      <th scope="col">Publisher</th>
                      <th scope="col">Published</th>
                      <th scope="col">Language</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Claims</th>
                      <th scope="col">Captured</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.documents.map((doc) => (
                      <tr key={doc.id} data-document-id={doc.id}>
                        <td className="doc">
                          <Link href={`/documents/${doc.id}`}>
                            <bdi>{doc.title ?? doc.name}</bdi>
                          </Link>
                          {doc.title && doc.title !== doc.name ? <div className="meta"><bdi>{doc.name}</bdi></div> : null}
                          {doc.restricted ? <RestrictedBadge /> : null}
                        </td>
                        <td>
                          <bdi>{doc.publisher ?? "—"}</bdi>
                        </td>
                        <td>{doc.published ?? "undated"}</td>
                        <td>{doc.languageName ?? "not detected"}</td>
                        <td>{doc.collector === "tally reference" ? "reference data" : doc.mediaType === "application/pdf" ? "PDF" : doc.mediaType.replace(/^text\//, "")}</td>
                        <td className="num">
                          {fmt(doc.claimCount)}
                          {doc.unsupported ? <div className="meta">no extraction rules for this language</div> : null}
                        </td>
                        <td className="meta">{doc.capturedAt.slice(0, 10)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label="Pages of documents">
                <button type="button" disabled={d.offset === 0} onClick={() => go(filter, Math.max(0, d.offset - d.limit))}>
                  Previous page
                </button>
                <button type="button" disabled={d.offset + d.documents.length >= d.total} onClick={() => go(filter, d.offset + d.limit)}>
                  Next page
                </button>
              </nav>
              </div>
            </div>
          )
        }
      </Show>
    </>
  );
}
