// Report: a printable fact sheet for a place and a year (the report use case, as `tally report`):
// for each event the timeline with every voice's figure and the low/best/high band, the facts with
// every quote cited with its document, the conflicts, the sources, the documents cited. Print CSS
// leaves the menu and the form off the paper; Markdown and HTML downloads are the CLI's outputs.
import { useState, type FormEvent } from "react";
import type { ReportAnswer } from "../../api/routes/report.js";
import { API, qs } from "../api.js";
import { useApi } from "../hooks.js";
import { Downloads } from "../components/Downloads.js";
import { Link, navigate } from "../router.js";
import { Empty, Show, fmt } from "../ui.js";

const words = (s: string) => s.replaceAll("_", " ");
const band = (r: { low: number; best: number; high: number; highIsMinimum: boolean }) => `low ${fmt(r.low)} · best ${fmt(r.best)} · high ${fmt(r.high)}${r.highIsMinimum ? "+" : ""}`;

function Sheet({ r }: { r: ReportAnswer }) {
  return (
    <article className="report" data-testid="report">
      <h1>
        Fact sheet: <bdi>{r.place}</bdi>, {r.year}
        {r.event ? ` (${words(r.event)})` : ""}
      </h1>
      <p className="meta">
        Generated {r.generatedAt} from the Tally ledger. Tally records who claims what; it never asserts a figure as true on its own. Each quote is cited with the number of its document.
      </p>
      {r.facts.length === 0 ? <Empty>No dated facts about this place in this year.</Empty> : null}
      {r.timelines.map((t) => (
        <section key={t.event} aria-labelledby={`h-tl-${t.event}`} data-testid={`report-timeline-${t.event}`}>
          <h2 id={`h-tl-${t.event}`}>Timeline: {words(t.event)}</h2>
          <p className="no-print">
            <Downloads path="/report/timeline" query={{ place: r.place, year: r.year, event: r.event ?? undefined, timeline: t.event }} what="This timeline" testId={`timeline-${t.event}`} />
          </p>
          <div className="table-wrap">
            <table className="data compact">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Low</th>
                  <th scope="col">Best</th>
                  <th scope="col">High</th>
                  <th scope="col">Status</th>
                  {t.voices.map((v) => (
                    <th scope="col" key={v.id}>
                      {v.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.factId ? <Link href={`/facts/${row.factId}`}>{row.label}</Link> : row.label}</th>
                    <td className="num">{fmt(row.low)}</td>
                    <td className="num">{fmt(row.best)}</td>
                    <td className="num">
                      {fmt(row.high)}
                      {row.highIsMinimum ? "+" : ""}
                    </td>
                    <td>{words(row.status)}</td>
                    {t.voices.map((v) => (
                      <td className="num" key={v.id}>
                        {row.voices[v.id] ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {r.facts.length > 0 ? <h2>Facts and every voice</h2> : null}
      {r.facts.map((f) => (
        <section key={f.id} className="report-fact" data-testid="report-fact">
          <h3>
            <Link href={`/facts/${f.id}`}>{f.description}</Link>
          </h3>
          <p>
            {band(f)} — {words(f.status)}. <span className="meta">{f.bestRule}</span>
          </p>
          <ul className="plain">
            {f.quotes.map((q) => (
              <li key={q.claimId}>
                <strong>{q.figure}</strong> — <bdi>{q.voice ?? "the publisher"}</bdi>
                {q.network ? ` (${q.network})` : ""}
                <blockquote dir="auto" className="report-quote">
                  “{q.quote}”{" "}
                  <a href={`#doc-${q.cite}`} data-testid="report-cite">
                    [{q.cite}
                    {q.page !== undefined ? `, p. ${q.page}` : ""}]
                  </a>
                </blockquote>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {r.conflicts.length > 0 ? (
        <section aria-labelledby="h-report-conflicts">
          <h2 id="h-report-conflicts">Conflicts</h2>
          <ul className="plain" data-testid="report-conflicts">
            {r.conflicts.map((k) => (
              <li key={k.id}>
                <strong>{k.severity}</strong> {words(k.kind)}: {k.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {r.sources.length > 0 ? (
        <section aria-labelledby="h-report-sources">
          <h2 id="h-report-sources">Sources</h2>
          <table className="data compact" data-testid="report-sources">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Network</th>
                <th scope="col">Figures</th>
                <th scope="col">Documents</th>
              </tr>
            </thead>
            <tbody>
              {r.sources.map((s) => (
                <tr key={s.voice}>
                  <td>
                    <bdi>{s.voice}</bdi>
                  </td>
                  <td>{s.network ?? "—"}</td>
                  <td className="num">{s.figures}</td>
                  <td className="num">{s.documents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {r.documents.length > 0 ? (
        <section aria-labelledby="h-report-docs">
          <h2 id="h-report-docs">Documents cited</h2>
          <ol className="citations" data-testid="report-documents">
            {r.documents.map((d) => (
              <li key={d.cite} id={`doc-${d.cite}`} value={d.cite}>
                <Link href={`/documents/${d.id}`}>
                  <bdi>{d.title}</bdi>
                </Link>{" "}
                — <bdi>{d.publisher ?? "unknown publisher"}</bdi>, {d.published ?? "undated"}. {d.url ? <span className="hash">{d.url}</span> : null} <span className="meta hash">SHA-256 {d.sha256}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

export function ReportPage({ query }: { query: URLSearchParams }) {
  const place = query.get("place") ?? "";
  const year = query.get("year") ?? "";
  const [draft, setDraft] = useState({ place: place || "Iran", year: year || String(new Date().getFullYear() - 1) });
  const params = { place, year };
  const data = useApi<ReportAnswer>(place && year ? `/report${qs(params)}` : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/report${qs(draft)}`);
  };
  return (
    <>
      <form className="filters no-print" onSubmit={submit} aria-label="Choose the place and year">
        <label>
          Place
          <input name="place" value={draft.place} onChange={(e) => setDraft({ ...draft, place: e.target.value })} required data-testid="report-place" />
        </label>
        <label>
          Year
          <input name="year" value={draft.year} onChange={(e) => setDraft({ ...draft, year: e.target.value })} required pattern="\d{4}" inputMode="numeric" data-testid="report-year" />
        </label>
        <button type="submit">Make the fact sheet</button>
        {place && year ? (
          <>
            <button type="button" className="secondary" onClick={() => window.print()}>
              Print
            </button>
            <a className="button secondary" href={`${API}/report.md${qs(params)}`} download data-testid="report-md">
              Markdown
            </a>
            <a className="button secondary" href={`${API}/report.html${qs(params)}`} download data-testid="report-html">
              HTML
            </a>
            <a className="button secondary" href={`${API}/report${qs(params)}`} download={`tally-report-${year}.json`}>
              JSON
            </a>
          </>
        ) : null}
      </form>
      {place && year ? <Show value={data} what="the fact sheet">{(r) => <Sheet r={r} />}</Show> : <Empty>Choose a place and a year.</Empty>}
    </>
  );
}
