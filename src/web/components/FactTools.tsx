// Analysts' hand corrections of the linking: merge facts (the claims of the others join the one
// chosen) and split claims out of a fact into a fact of their own.
import { useState } from "react";
import { messageOf, post, type FactList } from "../api.js";

type Fact = FactList["facts"][number];

/** The bar under the facts list: which facts are ticked, and "merge into…". */
export function MergeBar({ facts, ticked, onMerged }: { facts: Fact[]; ticked: ReadonlySet<string>; onMerged(message: string, into: string): void }) {
  const chosen = facts.filter((f) => ticked.has(f.id));
  const [into, setInto] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = chosen.find((f) => f.id === into) ?? chosen[0];
  const merge = async () => {
    if (!target || chosen.length < 2) return;
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ fact: string; claims: number[] }>("/facts/merge", { into: target.id, from: chosen.filter((f) => f.id !== target.id).map((f) => f.id) });
      onMerged(`Merged ${chosen.length - 1} fact${chosen.length === 2 ? "" : "s"} into “${target.description}” (${r.claims.length} claims moved).`, target.id);
    } catch (err) {
      setError(`Not merged: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="merge-bar" data-testid="merge-bar">
      {chosen.length < 2 ? (
        <p className="hint">Tick two or more facts about the same events to merge them.</p>
      ) : (
        <div className="toolbar">
          <label>
            Merge into…
            <select value={target?.id ?? ""} onChange={(e) => setInto(e.target.value)}>
              {chosen.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.description}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void merge()} disabled={busy}>
            Merge {chosen.length} facts
          </button>
        </div>
      )}
      {error ? (
        <p className="state problem" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** "Split out" the ticked claims of a fact. */
export function SplitButton({ factId, ticked, total, onSplit }: { factId: string; ticked: ReadonlySet<string>; total: number; onSplit(newFact: string, message: string): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = ticked.size > 0 && ticked.size < total;
  const split = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ fact: string }>(`/facts/${encodeURIComponent(factId)}/split`, { claimIds: [...ticked].map(Number) });
      onSplit(r.fact, `Split ${ticked.size} claim${ticked.size === 1 ? "" : "s"} out into a fact of their own.`);
    } catch (err) {
      setError(`Not split: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="toolbar">
      <button type="button" onClick={() => void split()} disabled={busy || !ok} data-testid="split-button">
        {ticked.size ? `Split out ${ticked.size} selected claim${ticked.size === 1 ? "" : "s"}` : "Split out selected claims"}
      </button>
      <p className="hint">{ok ? "They will form a fact of their own." : "Tick some of the fact's claims (not all) to split them out."}</p>
      {error ? (
        <p className="state problem" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
