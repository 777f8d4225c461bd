// One fact in full, above the facts list: every voice side by side with its range and rule, its
// contradictions and revisions; analysts split ticked claims out of it.
import { useState } from "react";
import type { FactDetail } from "../api.js";
import { SplitButton } from "../components/FactTools.js";
import { ItemExports } from "./Conflict.js";
import { useApi } from "../hooks.js";
import { Link } from "../router.js";
import { useCanEdit } from "../session.js";
import { SeverityBadge, Show, StatusBadge, fmt } from "../ui.js";

export function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function FactFull({ id, version, onChanged }: { id: string; version: number; onChanged(message: string, goTo?: string): void }) {
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
