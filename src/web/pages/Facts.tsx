// Facts & conflicts side by side: facts with status badges, conflicts with their reasons; one
// fact in full (every voice, range and rule, contradictions, revisions).
import type { ConflictList, FactDetail, FactList } from "../api.js";
import { useApi } from "../hooks.js";
import { Link } from "../router.js";
import { Empty, SeverityBadge, Show, StatusBadge, fmt } from "../ui.js";

function FactFull({ id }: { id: string }) {
  const fact = useApi<FactDetail>(`/facts/${encodeURIComponent(id)}`);
  return (
    <Show value={fact} what="the fact">
      {(f) => (
        <section className="fact-detail" aria-labelledby="h-fact" data-testid="fact-detail">
          <h2 id="h-fact">
            {f.description} <StatusBadge status={f.status} />
          </h2>
          <p>
            Low <strong>{fmt(f.low)}</strong> · best <strong>{fmt(f.best)}</strong> · high <strong>{fmt(f.high)}</strong>
            {f.highIsMinimum ? "+" : ""}
          </p>
          <p className="reason">{f.rule}</p>
          <div className="table-wrap">
            <table className="data">
              <caption>Every voice side by side</caption>
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col">Voice</th>
                  <th scope="col">Network</th>
                  <th scope="col">Document</th>
                  <th scope="col">Sentence</th>
                </tr>
              </thead>
              <tbody>
                {f.claimViews.map((c) => (
                  <tr key={c.id}>
                    <td className="num">
                      {c.figure}
                      {c.standing ? "" : " (not standing)"}
                    </td>
                    <td>{c.voice ?? c.source ?? "publisher"}</td>
                    <td>{c.network ?? "—"}</td>
                    <td>
                      <Link href={`/documents/${c.documentId}`}>{c.document}</Link>
                      <div className="meta">{c.published ?? "undated"}</div>
                    </td>
                    <td className="quote">{c.quote}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {f.conflicts.length > 0 ? (
            <>
              <h3>Contradictions</h3>
              <ul className="plain">
                {f.conflicts.map((k) => (
                  <li key={k.id}>
                    <SeverityBadge severity={k.severity} /> {k.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {f.revisions.length > 0 ? (
            <>
              <h3>Revisions</h3>
              <ul className="plain">
                {f.revisions.map((r) => (
                  <li key={`${r.fromClaimId}-${r.toClaimId}`}>{r.reason}</li>
                ))}
              </ul>
            </>
          ) : null}
          {f.parent ? (
            <p>
              Part of <Link href={`/facts/${f.parent.id}`}>{f.parent.description}</Link>
            </p>
          ) : null}
        </section>
      )}
    </Show>
  );
}

export function FactsPage({ factId }: { factId: string | null }) {
  const facts = useApi<FactList>("/facts");
  const conflicts = useApi<ConflictList>("/conflicts");
  return (
    <>
      <h1>Facts &amp; conflicts</h1>
      {factId ? <FactFull id={factId} /> : null}
      <div className="two-col">
        <section aria-labelledby="h-facts">
          <h2 id="h-facts">Facts</h2>
          <Show value={facts} what="facts">
            {(d) =>
              d.facts.length === 0 ? (
                <Empty>No facts yet: add documents with dated figures.</Empty>
              ) : (
                <ul className="plain cards" data-testid="facts-list">
                  {d.facts.map((f) => (
                    <li key={f.id} className={f.id === factId ? "current" : undefined}>
                      <Link href={`/facts/${f.id}`}>{f.description}</Link> <StatusBadge status={f.status} />
                      <div className="meta">
                        {fmt(f.low)} – {fmt(f.high)}
                        {f.highIsMinimum ? "+" : ""} · best {fmt(f.best)} · {f.voices.length} voice{f.voices.length === 1 ? "" : "s"}
                        {f.contradictions ? ` · ${f.contradictions} contradiction${f.contradictions === 1 ? "" : "s"}` : ""}
                      </div>
                    </li>
                  ))}
                </ul>
              )
            }
          </Show>
        </section>
        <section aria-labelledby="h-conf">
          <h2 id="h-conf">Conflicts</h2>
          <Show value={conflicts} what="conflicts">
            {(d) =>
              d.conflicts.length === 0 ? (
                <Empty>No sources contradict each other.</Empty>
              ) : (
                <ul className="plain cards" data-testid="conflicts-list">
                  {d.conflicts.map((k) => (
                    <li key={k.id}>
                      <SeverityBadge severity={k.severity} /> <span className="kind">{k.kind.replaceAll("_", " ")}</span>
                      <p className="reason">{k.reason}</p>
                      <ul className="inline">
                        {k.facts.map((f) => (
                          <li key={f.id}>
                            <Link href={`/facts/${f.id}`} data-testid="conflict-fact-link">
                              Open {f.description}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )
            }
          </Show>
        </section>
      </div>
    </>
  );
}
