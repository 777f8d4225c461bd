// Overview: key figures for one event and place, the yearly chart of each independent network
// with the low/best/high band, the latest documents and the open conflicts.
import { useState, type FormEvent } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { qs, type Overview } from "../api.js";
import { useApi } from "../hooks.js";
import { Link, navigate } from "../router.js";
import { EVENTS, Empty, RestrictedBadge, SeverityBadge, Show, fmt } from "../ui.js";

const LINE_COLOURS = ["#1f5fa8", "#b3401a", "#2a7a3b", "#7b3fa0", "#8a6d00", "#006d77", "#a3195b"];

function Chart({ data }: { data: Overview }) {
  const t = data.timeline;
  if (t.rows.length === 0) return <Empty>No whole-year figures for {data.event.replaceAll("_", " ")} in {data.place} yet.</Empty>;
  const rows = t.rows.map((r) => {
    const row: Record<string, unknown> = { label: r.label, band: [r.low, r.high], best: r.best };
    for (const v of t.voices) row[v.id] = r.voices[v.id]?.count ?? null;
    return row;
  });
  return (
    <figure className="chart" aria-labelledby="chart-caption">
      <div className="chart-box" data-testid="timeline-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#d7dbe0" strokeDasharray="3 3" />
            <XAxis dataKey="label" stroke="#3b4450" />
            <YAxis stroke="#3b4450" tickFormatter={(v: number) => fmt(v)} />
            <Tooltip formatter={(v: unknown) => (Array.isArray(v) ? v.map((x) => fmt(Number(x))).join(" – ") : fmt(Number(v)))} />
            <Legend />
            <Area dataKey="band" name="low – high" fill="#9db7d5" stroke="#6f8fb5" fillOpacity={0.45} isAnimationActive={false} />
            <Line dataKey="best" name="best" stroke="#111" strokeDasharray="6 3" dot={false} isAnimationActive={false} />
            {t.voices.map((v, i) => (
              <Line key={v.id} dataKey={v.id} name={v.label} stroke={LINE_COLOURS[i % LINE_COLOURS.length]} strokeWidth={2} connectNulls isAnimationActive={false} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption id="chart-caption">
        {data.event.replaceAll("_", " ")} in {data.place} per year: each independent network's figure, the best estimate (dashed) and the low–high band.
      </figcaption>
      <table className="data compact">
        <caption className="visually-hidden">The chart's figures</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Low</th>
            <th scope="col">Best</th>
            <th scope="col">High</th>
            {t.voices.map((v) => (
              <th scope="col" key={v.id}>
                {v.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((r) => (
            <tr key={r.factId}>
              <th scope="row">
                <Link href={`/facts/${r.factId}`}>{r.label}</Link>
              </th>
              <td>{fmt(r.low)}</td>
              <td>{fmt(r.best)}</td>
              <td>
                {fmt(r.high)}
                {r.highIsMinimum ? "+" : ""}
              </td>
              {t.voices.map((v) => (
                <td key={v.id}>{r.voices[v.id]?.figure ?? "—"}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function OverviewPage({ query }: { query: URLSearchParams }) {
  const event = query.get("event") ?? "execution";
  const place = query.get("place") ?? "Iran";
  const [draft, setDraft] = useState({ event, place });
  const data = useApi<Overview>(`/overview${qs({ event, place })}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/${qs(draft)}`);
  };
  return (
    <>
      <h1>Overview</h1>
      <form className="filters" onSubmit={submit} aria-label="Choose event and place">
        <label>
          Event
          <select value={draft.event} onChange={(e) => setDraft({ ...draft, event: e.target.value })}>
            {EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {ev.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          Place
          <input value={draft.place} onChange={(e) => setDraft({ ...draft, place: e.target.value })} required />
        </label>
        <button type="submit">Show</button>
      </form>
      <Show value={data} what="the overview">
        {(o) => (
          <>
            <section aria-label="Key figures">
              <dl className="figures">
                <div>
                  <dt>Documents in the ledger</dt>
                  <dd data-testid="fig-documents">{fmt(o.figures.documents)}</dd>
                </div>
                <div>
                  <dt>Claims naming {o.place}</dt>
                  <dd>{fmt(o.figures.claims)}</dd>
                </div>
                <div>
                  <dt>Facts</dt>
                  <dd>{fmt(o.figures.facts)}</dd>
                </div>
                <div>
                  <dt>Independent voices</dt>
                  <dd>{fmt(o.figures.sources)}</dd>
                </div>
                <div>
                  <dt>Open conflicts</dt>
                  <dd>{fmt(o.figures.conflicts)}</dd>
                </div>
              </dl>
            </section>
            <section aria-labelledby="h-chart">
              <h2 id="h-chart">Per year</h2>
              <Chart data={o} />
            </section>
            <div className="two-col">
              <section aria-labelledby="h-latest">
                <h2 id="h-latest">Latest documents</h2>
                {o.latestDocuments.length === 0 ? (
                  <Empty>The ledger is empty. Add a document to begin.</Empty>
                ) : (
                  <ul className="plain">
                    {o.latestDocuments.map((d) => (
                      <li key={d.id}>
                        <Link href={`/documents/${d.id}`}>{d.title ?? d.name}</Link>
                        <span className="meta">
                          {" "}
                          {d.publisher ?? "unknown publisher"}, {d.published ?? "undated"} · {d.claimCount} claims
                        </span>
                        {d.restricted ? <> <RestrictedBadge /></> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="h-conflicts">
                <h2 id="h-conflicts">Open conflicts</h2>
                {o.conflicts.length === 0 ? (
                  <Empty>No sources contradict each other here.</Empty>
                ) : (
                  <ul className="plain">
                    {o.conflicts.map((k) => (
                      <li key={k.id}>
                        <SeverityBadge severity={k.severity} /> <Link href={`/facts/${k.facts[0]?.id ?? ""}`}>{k.facts[0]?.description ?? "conflict"}</Link>
                        <p className="reason">{k.reason}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </>
        )}
      </Show>
    </>
  );
}
