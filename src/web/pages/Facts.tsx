// Facts & conflicts side by side: facts with status badges, conflicts with their reasons; one
// fact in full (every voice, range and rule, contradictions, revisions). Analysts merge ticked
// facts and split ticked claims out of a fact.
import { useState } from "react";
import { API, type ConflictList, type FactDetail, type FactList } from "../api.js";
import { MergeBar, SplitButton } from "../components/FactTools.js";
import { ItemExports } from "./Conflict.js";
import { useApi } from "../hooks.js";
import { Link, navigate } from "../router.js";
import { useCanEdit } from "../session.js";
import { Announce, Empty, SeverityBadge, Show, StatusBadge, fmt } from "../ui.js";

function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

function FactFull({ id, version, onChanged }: { id: string; version: number; onChanged(message: string, goTo?: string): void }) {
  const fact = useApi<FactDetail>(`/facts/${encodeURIComponent(id)}`, version);
  const canEdit = useCanEdit();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
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
          <p className="reason">Chosen: {f.bestRule}</p>
          <p className="reason">{f.rule}</p>
          <ItemExports path={`/facts/${encodeURIComponent(f.id)}`} name="fact" />
          <div className="table-wrap">
            <table className="data">
              <caption>Every voice side by side</caption>
              <thead>
                <tr>
                  {canEdit ? <th scope="col">Split out</th> : null}
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
                    {canEdit ? (
                      <td>
                        <input type="checkbox" aria-label={`Select claim ${c.id} (${c.figure}, ${c.voice ?? c.source ?? "publisher"}) to split out`} checked={ticked.has(c.id)} onChange={() => setTicked(toggled(ticked, c.id))} />
                      </td>
                    ) : null}
                    <td className="num">
                      {c.figure}
                      {c.standing ? "" : " (not standing)"}
                      {c.periodLabel ? (
                        <div className="meta period-label">
                          <bdi dir="auto">{c.periodLabel}</bdi>
                        </div>
                      ) : null}
                    </td>
                    <td>{c.voice ?? c.source ?? "publisher"}</td>
                    <td>{c.network ?? "—"}</td>
                    <td>
                      <Link href={`/documents/${c.documentId}`}>{c.document}</Link>
                      <div className="meta">{c.published ?? "undated"}</div>
                    </td>
                    <td className="quote" dir="auto">
                      {c.quote}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canEdit ? (
            <SplitButton
              factId={f.id}
              ticked={ticked}
              total={f.claimViews.length}
              onSplit={(newFact, message) => {
                setTicked(new Set());
                onChanged(message, newFact);
              }}
            />
          ) : null}
          {f.conflicts.length > 0 ? (
            <>
              <h3>Contradictions</h3>
              <ul className="plain">
                {f.conflicts.map((k) => (
                  <li key={k.id}>
                    <SeverityBadge severity={k.severity} /> <Link href={`/conflicts/${k.id}`}>{k.reason}</Link>
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

/** Facts in the order of the ranked conflicts they take part in (most consequential first, as `/conflicts` ranks them), then the rest by name. */
export function consequentialOrder<F extends { id: string; description: string; contradictions: number }>(facts: readonly F[], conflicts: ConflictList | null): F[] {
  const rank = new Map<string, number>();
  (conflicts?.conflicts ?? []).forEach((k, i) => {
    for (const f of k.facts) if (!rank.has(f.id)) rank.set(f.id, i);
  });
  return [...facts].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || b.contradictions - a.contradictions || a.description.localeCompare(b.description));
}

export function FactsPage({ factId }: { factId: string | null }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState("");
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const canEdit = useCanEdit();
  const facts = useApi<FactList>("/facts", version, true);
  const conflicts = useApi<ConflictList>("/conflicts", version, true);
  const [order, setOrder] = useState<"consequential" | "name">("consequential");
  const changed = (m: string, goTo?: string) => {
    setMessage(m);
    setTicked(new Set());
    setVersion((v) => v + 1);
    if (goTo) navigate(`/facts/${goTo}`);
  };
  return (
    <>
      <h1>Facts &amp; conflicts</h1>
      <Announce message={message} />
      {factId ? <FactFull key={factId} id={factId} version={version} onChanged={changed} /> : null}
      <div className="two-col">
        <section aria-labelledby="h-facts">
          <h2 id="h-facts">Facts</h2>
          <Show value={facts} what="facts">
            {(d) =>
              d.facts.length === 0 ? (
                <Empty>No facts yet: add documents with dated figures.</Empty>
              ) : (
                <>
                {canEdit ? <MergeBar facts={d.facts} ticked={ticked} onMerged={changed} /> : null}
                <p className="exports">
                  All facts as <a href={`${API}/facts.csv`} download data-testid="facts-csv">CSV</a> or <a href={`${API}/facts`} download="tally-facts.json">JSON</a>
                </p>
                <label className="order">
                  Order{" "}
                  <select value={order} onChange={(e) => setOrder(e.target.value === "name" ? "name" : "consequential")} data-testid="facts-order">
                    <option value="consequential">most consequential first (ranked conflicts)</option>
                    <option value="name">by name</option>
                  </select>
                </label>
                <ul className="plain cards" data-testid="facts-list">
                  {(order === "name" ? d.facts : consequentialOrder(d.facts, conflicts.state === "done" ? conflicts.data : null)).map((f) => (
                    <li key={f.id} className={f.id === factId ? "current" : undefined}>
                      {canEdit ? (
                        <input type="checkbox" className="tick" aria-label={`Select “${f.description}” for merging`} checked={ticked.has(f.id)} onChange={() => setTicked(toggled(ticked, f.id))} />
                      ) : null}
                      <Link href={`/facts/${f.id}`}>{f.description}</Link> <StatusBadge status={f.status} />
                      <div className="meta">
                        {fmt(f.low)} – {fmt(f.high)}
                        {f.highIsMinimum ? "+" : ""} · best {fmt(f.best)} · {f.voices.length} voice{f.voices.length === 1 ? "" : "s"}
                        {f.contradictions ? ` · ${f.contradictions} contradiction${f.contradictions === 1 ? "" : "s"}` : ""}
                      </div>
                    </li>
                  ))}
                </ul>
                </>
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
                <>
                <p className="exports">
                  All conflicts as <a href={`${API}/conflicts.csv`} download data-testid="conflicts-csv">CSV</a> or <a href={`${API}/conflicts`} download="tally-conflicts.json">JSON</a>
                </p>
                <ul className="plain cards" data-testid="conflicts-list">
                  {d.conflicts.map((k) => (
                    <li key={k.id}>
                      <SeverityBadge severity={k.severity} /> <span className="kind">{k.kind.replaceAll("_", " ")}</span>
                      <p className="reason">{k.reason}</p>
                      <Link href={`/conflicts/${k.id}`} data-testid="conflict-permalink">
                        Permalink
                      </Link>
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
                </>
              )
            }
          </Show>
        </section>
      </div>
    </>
  );
}
