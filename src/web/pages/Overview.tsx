// Overview: key figures for one event and place, the yearly chart of each independent network
// with the low/best/high band, the latest documents and the open conflicts.
import { Suspense, lazy, useDeferredValue, useEffect, useState, type FormEvent } from "react";
import { keyFigures } from "../../shared/key-figures.js";
import { overviewApiPath } from "../../shared/page-preloads.js";
import { API, qs, type Overview } from "../api.js";
import { useApi } from "../hooks.js";
import { Link, navigate } from "../router.js";
import { EVENTS, Empty, RestrictedBadge, SeverityBadge, Show, fmt } from "../ui.js";

const OverviewChart = lazy(() => import("./OverviewChart.js"));

/** How often the page asks again while its facts are being linked. */
const RECHECK_MS = 2000;

function FactsNotice({ status }: { status: Overview["factsStatus"] }) {
  if (status.state === "fresh") return null;
  const when = status.linkedAt ? new Date(status.linkedAt).toLocaleTimeString("en-GB") : "";
  return (
    <p className="state notice" role="status" data-testid="facts-status">
      {status.state === "linking"
        ? "Tally is linking the ledger's claims into facts (it does so once after starting). The counts of documents and claims are current; facts, voices, conflicts and the chart appear here when linking is done."
        : `The ledger has changed since its facts were linked at ${when}. Facts, voices, conflicts and the chart below are from then; they are being brought up to date and this page updates itself.`}
    </p>
  );
}

function Chart({ data }: { data: Overview }) {
  const t = data.timeline;
  const hidden = t.hiddenVoices;
  if (t.rows.length === 0) {
    if (data.factsStatus.state === "linking") return <Empty>The chart appears when the facts are linked.</Empty>;
    return <Empty>No whole-year figures for {data.event.replaceAll("_", " ")} in {data.place} yet.</Empty>;
  }
  return (
    <figure className="chart" aria-labelledby="chart-caption">
      <div className="chart-box" data-testid="timeline-chart">
        <Suspense fallback={null}>
          <OverviewChart timeline={t} />
        </Suspense>
      </div>
      <figcaption id="chart-caption">
        {data.event.replaceAll("_", " ")} in {data.place} per year: each independent network's figure, the best estimate (dashed) and the low–high band.
        {hidden > 0 ? ` The ${t.voices.length} networks with the most yearly figures are drawn; ${hidden} more are in each year's fact.` : ""}
      </figcaption>
      <p className="exports">
        The table below as{" "}
        <a href={`${API}/timeline.csv${qs({ event: data.event, place: data.place, voices: hidden > 0 ? t.voices.length : undefined })}`} download data-testid="timeline-csv">
          CSV
        </a>{" "}
        or{" "}
        <a href={`${API}/timeline.json${qs({ event: data.event, place: data.place, voices: hidden > 0 ? t.voices.length : undefined })}`} download={`tally-timeline-${data.event}.json`}>
          JSON
        </a>
      </p>
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
  const [version, setVersion] = useState(0);
  // The same path as the page's Link header preloads (the server names it from the address).
  const data = useApi<Overview>(overviewApiPath(query), version);
  // While the facts are stale or being linked, ask again until they are current.
  const pending = data.state === "done" && data.data.factsStatus.state !== "fresh";
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), RECHECK_MS);
    return () => clearTimeout(timer);
  }, [pending, data]);
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
        {(o) => <OverviewBody o={o} />}
      </Show>
    </>
  );
}

/**
 * The overview once its data is in. The key figures are drawn first; the chart, its table and the
 * lists follow in a second, interruptible render (a deferred value), so the figures a monitor
 * opens the page for are on screen without waiting for the rest to be laid out.
 */
function OverviewBody({ o }: { o: Overview }) {
  const rest = useDeferredValue<Overview | null>(o, null);
  return (
    <>
      <FactsNotice status={o.factsStatus} />
      <section aria-label="Key figures">
        <dl className="figures">
          {keyFigures(o).map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd data-testid={f.testId}>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {rest ? (
        <OverviewDetails o={rest} />
      ) : (
        <p className="state" role="status">
          Drawing the chart…
        </p>
      )}
    </>
  );
}

/** The yearly chart with its table, the latest documents and the open conflicts. */
function OverviewDetails({ o }: { o: Overview }) {
  return (
    <>
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
                  <Link href={`/documents/${d.id}`}>
                    <bdi>{d.title ?? d.name}</bdi>
                  </Link>
                  <span className="meta">
                    {" "}
                    {d.publisher ?? "unknown publisher"}, {d.published ?? "undated"} · {d.claimCount} claims
                    {d.unsupported ? ` (no extraction rules for ${d.languageName ?? "its language"})` : ""}
                  </span>
                  {d.restricted ? <> <RestrictedBadge /></> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="h-conflicts">
          <h2 id="h-conflicts">Open conflicts</h2>
          {o.factsStatus.state === "linking" ? (
            <Empty>Conflicts appear when the facts are linked.</Empty>
          ) : o.conflicts.length === 0 ? (
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
          {o.factsStatus.state !== "linking" ? (
            <p>
              <Link href={`/conflicts${qs({ event: o.event, place: o.place })}`} data-testid="overview-conflicts-link">
                Every conflict here, filtered and counted
              </Link>
            </p>
          ) : null}
        </section>
      </div>
    </>
  );
}
