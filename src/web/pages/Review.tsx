// Review: the queue of proposed claims, one at a time: the least certain readings, the oldest or the most consequential first.
// Keyboard-driven (a accept, r reject, e edit, j/n next, k/p previous, ? shortcuts), and every
// action is also a labelled button. After a decision the next claim shows and a short
// confirmation is read out.
import { useEffect, useRef, useState } from "react";
import { decide, messageOf, qs, setRestricted, type Claim, type ClaimFields, type Decision, type ReviewQueue } from "../api.js";
import { ClaimFieldList, InContext } from "../components/ClaimSummary.js";
import { ClaimForm, changedFields } from "../components/ClaimForm.js";
import { ClaimHistoryPanel } from "../components/ClaimHistory.js";
import { RejectForm } from "../components/RejectForm.js";
import { ShortcutHelp, isTyping } from "../components/Shortcuts.js";
import { useApi } from "../hooks.js";
import { Downloads } from "../components/Downloads.js";
import { navigate } from "../router.js";
import { useCanEdit, useSession } from "../session.js";
import { Announce, Empty, Show } from "../ui.js";

type Order = "uncertain" | "oldest" | "consequential";
type Mode = "view" | "reject" | "edit";

export function ReviewPage({ query }: { query: URLSearchParams }) {
  const canEdit = useCanEdit();
  const { session } = useSession();
  const asked = query.get("order");
  const order: Order = asked === "consequential" || asked === "oldest" ? asked : "uncertain";
  if (!canEdit) {
    return (
      <>
        <h1>Review</h1>
        <p className="state" data-testid="cannot-review">
          You are signed in as {session.user?.role === "admin" ? "an" : "a"} {session.user?.role ?? "guest"}: you can read the ledger but cannot review claims. Ask an admin for
          the analyst role if you need to.
        </p>
      </>
    );
  }
  return <ReviewQueueView order={order} />;
}

function ReviewQueueView({ order }: { order: Order }) {
  const [version, setVersion] = useState(0);
  const queue = useApi<ReviewQueue>(`/review/queue${qs({ order, limit: 50 })}`, version);
  const [decided, setDecided] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState("");
  const setOrder = (o: Order) => {
    setDecided(new Set());
    navigate(`/review${o === "uncertain" ? "" : `?order=${o}`}`, true);
  };
  const batch = queue.state === "done" ? queue.data.claims : [];
  const left = batch.filter((c) => !decided.has(c.id));
  // The whole batch decided: ask for the next one (the server only returns what is still proposed).
  useEffect(() => {
    if (queue.state === "done" && batch.length > 0 && left.length === 0) {
      setDecided(new Set());
      setVersion((v) => v + 1);
    }
  }, [queue.state, batch.length, left.length]);

  return (
    <>
      <h1>Review</h1>
      <div className="toolbar">
        <p data-testid="queue-count">{queue.state === "done" ? `${Math.max(0, queue.data.total - decided.size)} claims awaiting review` : "\u00a0"}</p>
        <Downloads path="/review/queue" query={{ order, limit: 50 }} what="This page of the queue" testId="queue" />
        <fieldset className="segmented">
          <legend className="visually-hidden">Order of the queue</legend>
          <label>
            <input type="radio" name="order" value="uncertain" checked={order === "uncertain"} onChange={() => setOrder("uncertain")} /> Least certain first
          </label>
          <label>
            <input type="radio" name="order" value="oldest" checked={order === "oldest"} onChange={() => setOrder("oldest")} /> Oldest first
          </label>
          <label>
            <input type="radio" name="order" value="consequential" checked={order === "consequential"} onChange={() => setOrder("consequential")} /> Most consequential first
          </label>
        </fieldset>
      </div>
      <Announce message={message} />
      <Show value={queue} what="the review queue">
        {() =>
          left.length === 0 ? (
            <Empty>Nothing is waiting for review: every proposed claim has a decision.</Empty>
          ) : (
            <ReviewDesk
              key={order}
              claims={left}
              onDecided={(c, msg) => {
                setDecided(new Set([...decided, c.id]));
                setMessage(msg);
              }}
              say={setMessage}
            />
          )
        }
      </Show>
    </>
  );
}

function summary(c: Claim): string {
  return `${c.event.replaceAll("_", " ")} ${c.count}`;
}

function ReviewDesk({ claims, onDecided, say }: { claims: Claim[]; onDecided(c: Claim, message: string): void; say(m: string): void }) {
  const [index, setIndex] = useState(0);
  const [mode, setMode] = useState<Mode>("view");
  const [help, setHelp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [restricted, setRestrictedState] = useState<Record<number, boolean>>({});
  const card = useRef<HTMLElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  const at = Math.min(index, claims.length - 1);
  const cur = claims[at] as Claim;

  useEffect(() => {
    if (mode === "edit") firstField.current?.focus();
  }, [mode]);

  const go = (step: number) => {
    const next = at + step;
    if (next < 0) return say("This is the first claim in the queue.");
    if (next >= claims.length) return say("This is the last claim loaded; decide it to load more.");
    setIndex(next);
    setMode("view");
    setError(null);
    card.current?.focus();
  };

  const run = async (d: Decision, msg: string) => {
    setBusy(true);
    setError(null);
    try {
      await decide(cur.id, d);
      setMode("view");
      onDecided(cur, msg);
      setHistoryVersion((v) => v + 1);
      card.current?.focus();
    } catch (err) {
      setError(`Not saved: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const accept = () => void run({ action: "accept" }, `Accepted claim ${cur.id} (${summary(cur)}).`);
  const reject = (reason: string) => void run({ action: "reject", reason }, `Rejected claim ${cur.id} (${summary(cur)}): ${reason}`);
  const correct = (fields: ClaimFields, reason: string) => {
    const changes = changedFields(cur, fields);
    const names = Object.keys(changes);
    if (names.length === 0) return setError("Nothing was changed. Accept the claim instead, or change a field.");
    void run({ action: "correct", fields: changes, ...(reason ? { reason } : {}) }, `Corrected claim ${cur.id}: ${names.join(", ")} changed.`);
  };
  const toggleRestricted = async () => {
    const now = !(restricted[cur.id] ?? cur.restricted);
    try {
      await setRestricted("claim", cur.id, now);
      setRestrictedState({ ...restricted, [cur.id]: now });
      setHistoryVersion((v) => v + 1);
      say(now ? `Claim ${cur.id} is now restricted: viewers no longer see it.` : `Claim ${cur.id} is released: viewers see it again.`);
    } catch (err) {
      setError(`Not changed: ${messageOf(err)}`);
    }
  };

  // The shortcuts, bound once; they read the latest state through a ref.
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (e.key === "?") {
      e.preventDefault();
      setHelp((h) => !h);
      return;
    }
    if (e.key === "Escape") {
      if (help) setHelp(false);
      else setMode("view");
      return;
    }
    if (mode !== "view" || busy) return;
    const k = e.key.toLowerCase();
    if (e.shiftKey) return;
    const act: Record<string, () => void> = { a: accept, r: () => setMode("reject"), e: () => setMode("edit"), j: () => go(1), n: () => go(1), k: () => go(-1), p: () => go(-1) };
    const f = act[k];
    if (f) {
      e.preventDefault();
      f();
    }
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener("keydown", h);
    return () => document.removeEventListener("keydown", h);
  }, []);

  const isRestricted = restricted[cur.id] ?? cur.restricted;
  return (
    <div className="review-layout">
      <section className="review-card" ref={card} tabIndex={-1} aria-labelledby="h-current" data-testid="review-card" data-claim-id={cur.id}>
        <h2 id="h-current">
          Claim {cur.id} <span className="meta">({at + 1} of {claims.length} loaded)</span>
        </h2>
        <InContext claim={cur} />
        <ClaimFieldList claim={{ ...cur, restricted: isRestricted }} />
        <div className="actions" role="group" aria-label="Decide on this claim">
          <button type="button" onClick={accept} disabled={busy || mode !== "view"} aria-keyshortcuts="a">
            Accept <kbd>a</kbd>
          </button>
          <button type="button" className="danger" onClick={() => setMode("reject")} disabled={busy || mode !== "view"} aria-keyshortcuts="r">
            Reject… <kbd>r</kbd>
          </button>
          <button type="button" className="secondary" onClick={() => setMode("edit")} disabled={busy || mode !== "view"} aria-keyshortcuts="e">
            Edit <kbd>e</kbd>
          </button>
          <button type="button" className="secondary" onClick={() => go(-1)} disabled={at === 0} aria-keyshortcuts="k p">
            Previous <kbd>k</kbd>
          </button>
          <button type="button" className="secondary" onClick={() => go(1)} disabled={at >= claims.length - 1} aria-keyshortcuts="j n">
            Next <kbd>j</kbd>
          </button>
          <button type="button" className="secondary" onClick={() => void toggleRestricted()} aria-pressed={isRestricted}>
            {isRestricted ? "Release (unrestrict)" : "Restrict"}
          </button>
          <button type="button" className="link-like" onClick={() => setHelp(!help)} aria-expanded={help} aria-keyshortcuts="?">
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
        {error ? (
          <p className="state problem" role="alert">
            {error}
          </p>
        ) : null}
        {mode === "reject" ? <RejectForm key={cur.id} id="review" busy={busy} onConfirm={reject} onCancel={() => setMode("view")} /> : null}
        {mode === "edit" ? (
          <ClaimForm key={cur.id} id="review-edit" legend={`Correct claim ${cur.id}`} initial={cur} submitLabel="Save the correction" busy={busy} onSubmit={correct} onCancel={() => setMode("view")} firstField={firstField} />
        ) : null}
        {help ? <ShortcutHelp onClose={() => setHelp(false)} /> : null}
      </section>
      <aside>
        <ClaimHistoryPanel claimId={cur.id} version={historyVersion} headingLevel={2} />
      </aside>
    </div>
  );
}
