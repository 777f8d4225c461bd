// A source's page: who it is and its network; a source × year table of its figures beside the
// other networks'; a table of its figures fact by fact (event, place, period) beside every other
// network's figure for the same scope; where it was contradicted; its
// claims, each linked to its sentence in its document.
import type { SourceAnswer } from "../../api/routes/report.js";
import { API } from "../api.js";
import { useApi } from "../hooks.js";
import { Link } from "../router.js";
import { Empty, SeverityBadge, Show } from "../ui.js";

const periodText = (p: { start: string; end: string } | null) => {
  if (!p) return "undated";
  if (p.start.endsWith("-01-01") && p.end.endsWith("-12-31") && p.start.slice(0, 4) === p.end.slice(0, 4)) return p.start.slice(0, 4);
  return `${p.start} – ${p.end}`;
};

function SourceView({ s }: { s: SourceAnswer }) {
  return (
    <>
      <h1>
        <bdi>{s.name}</bdi>
      </h1>
      <p className="meta" data-testid="source-identity">
        {s.fullName ? <bdi>{s.fullName}</bdi> : "not in the source registry"}
        {s.kind ? ` · ${s.kind}` : ""}
        {s.network ? ` · network: ${s.network.name}` : ""}
      </p>
      {s.years.length > 0 ? (
        <section aria-labelledby="h-years">
          <h2 id="h-years">Year by year</h2>
          <div className="table-wrap">
            <table className="data compact" data-testid="source-years">
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Event</th>
                  <th scope="col">{s.name}</th>
                  {s.otherNetworks.map((n) => (
                    <th scope="col" key={n}>
                      {n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.years.map((y) => (
                  <tr key={`${y.year}-${y.event}`}>
                    <th scope="row">{y.year}</th>
                    <td>{y.event.replaceAll("_", " ")}</td>
                    <td className="num">
                      <strong>{y.figure}</strong>
                    </td>
                    {s.otherNetworks.map((n) => (
                      <td className="num" key={n}>
                        {y.others[n] ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="h-figures">
        <h2 id="h-figures">Its figures beside the other networks', fact by fact</h2>
        {s.figures.length === 0 ? (
          <Empty>No dated figure of this source is part of a fact.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data compact" data-testid="source-figures">
              <thead>
                <tr>
                  <th scope="col">Fact</th>
                  <th scope="col">Period</th>
                  <th scope="col">{s.name}</th>
                  {s.otherNetworks.map((n) => (
                    <th scope="col" key={n}>
                      {n}
                    </th>
                  ))}
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {s.figures.map((f) => (
                  <tr key={f.factId}>
                    <td>
                      <Link href={`/facts/${f.factId}`}>{f.description}</Link>
                    </td>
                    <td>{periodText(f.period)}</td>
                    <td className="num">
                      <strong>{f.figure}</strong>
                    </td>
                    {s.otherNetworks.map((n) => (
                      <td className="num" key={n}>
                        {f.others[n] ?? "—"}
                      </td>
                    ))}
                    <td>{f.status.replaceAll("_", " ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="h-contradicted">
        <h2 id="h-contradicted">Where it was contradicted</h2>
        {s.contradicted.length === 0 ? (
          <Empty>No contradiction involves its figures.</Empty>
        ) : (
          <ul className="plain" data-testid="source-contradicted">
            {s.contradicted.map((k) => (
              <li key={k.id}>
                <SeverityBadge severity={k.severity} /> {k.reason}{" "}
                {k.facts.map((f) => (
                  <Link key={f.id} href={`/facts/${f.id}`}>
                    {" "}
                    Open {f.description}
                  </Link>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="h-source-claims">
        <h2 id="h-source-claims">Its claims</h2>
        <p className="exports">
          Its figures fact by fact as{" "}
          <a href={`${API}/sources/${encodeURIComponent(s.name)}.csv`} download data-testid="source-csv">
            CSV
          </a>
          , the whole page as{" "}
          <a href={`${API}/sources/${encodeURIComponent(s.name)}.json`} download data-testid="source-json">
            JSON
          </a>
        </p>
        <ul className="plain" data-testid="source-claims">
          {s.claims.map((c) => (
            <li key={c.id}>
              <strong>{c.figure}</strong> —{" "}
              <q dir="auto">{c.quote}</q>{" "}
              <Link href={`/documents/${c.documentId}?claim=${c.id}`}>
                <bdi>{c.document}</bdi>
              </Link>
              <span className="meta"> {c.published ?? "undated"}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function SourcePage({ name }: { name: string }) {
  const data = useApi<SourceAnswer>(`/sources/${encodeURIComponent(name)}`);
  return <Show value={data} what="the source">{(s) => <SourceView s={s} />}</Show>;
}
