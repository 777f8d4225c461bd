// "Add a claim from the selected text": the selection inside the rendered document text is turned
// into a span of the document's working text (UTF-16 offsets, as text.slice counts them), or the
// sentence can be typed or pasted and is then found in the text.
import { useEffect, useState, type RefObject } from "react";
import { messageOf, post, type Claim, type ClaimFields } from "../api.js";
import { ClaimForm } from "./ClaimForm.js";

interface Picked {
  start: number;
  end: number;
  text: string;
}

/** The selection's offsets in the container's text, or null when it is empty or not (wholly) inside. */
export function selectionOffsets(container: HTMLElement, sel: Selection | null): [number, number] | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!container.contains(r.startContainer) || !container.contains(r.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(r.startContainer, r.startOffset);
  const start = before.toString().length;
  return [start, start + r.toString().length];
}

/** Remembers the last non-empty selection made inside `container` (clicking a button may clear the live one). */
function useSelectionIn(container: RefObject<HTMLElement | null>, text: string): [Picked | null, () => void] {
  const [picked, setPicked] = useState<Picked | null>(null);
  useEffect(() => {
    const update = () => {
      const el = container.current;
      if (!el) return;
      const o = selectionOffsets(el, document.getSelection());
      if (!o) return;
      // Trim white space at the ends: a claim's span starts and ends on its words.
      let [start, end] = o;
      while (start < end && /\s/.test(text[start] ?? "")) start++;
      while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
      if (start < end) setPicked({ start, end, text: text.slice(start, end) });
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [container, text]);
  return [picked, () => setPicked(null)];
}

/** Where `sentence` stands in `text`: the selection when it is that text, else its first occurrence. */
function spanOf(text: string, sentence: string, picked: Picked | null): [number, number] | null {
  if (picked && picked.text === sentence && text.slice(picked.start, picked.end) === sentence) return [picked.start, picked.end];
  const at = text.indexOf(sentence);
  return at < 0 ? null : [at, at + sentence.length];
}

export function AddClaim({ documentId, text, container, onAdded }: { documentId: number; text: string; container: RefObject<HTMLElement | null>; onAdded(c: Claim): void }) {
  const [picked, clear] = useSelectionIn(container, text);
  const [open, setOpen] = useState(false);
  const [sentence, setSentence] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = () => {
    setSentence(picked?.text ?? "");
    setError(null);
    setOpen(true);
  };
  const save = async (fields: ClaimFields, reason: string) => {
    const s = sentence.trim();
    const span = s ? spanOf(text, s, picked) : null;
    if (!span) return setError(s ? "That sentence is not in the document's text. Select it in the text, or copy it exactly." : "Select the sentence in the text first, or type it exactly as it stands.");
    setBusy(true);
    setError(null);
    try {
      const claim = await post<Claim>(`/documents/${documentId}/claims`, { span, ...fields, ...(reason ? { reason } : {}) });
      setOpen(false);
      clear();
      onAdded(claim);
    } catch (err) {
      setError(`Not added: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="add-claim" aria-labelledby="h-add-claim">
      <h2 id="h-add-claim">Add a claim the extractor missed</h2>
      <p className="hint" data-testid="selection-preview">
        {picked ? (
          <>
            Selected: <q>{picked.text.length > 160 ? `${picked.text.slice(0, 160)}…` : picked.text}</q>
          </>
        ) : (
          "Select a sentence in the text, then add it as a claim (or type the sentence in the form)."
        )}
      </p>
      {open ? null : (
        <button type="button" onClick={start}>
          Add a claim from the selected text
        </button>
      )}
      {open ? (
        <ClaimForm id="add-claim" legend="New claim" initial={null} submitLabel="Add the claim" busy={busy} onSubmit={(f, r) => void save(f, r)} onCancel={() => setOpen(false)}>
          <label className="wide">
            Sentence (exactly as it stands in the text)
            <textarea name="sentence" rows={3} value={sentence} onChange={(e) => setSentence(e.target.value)} required />
          </label>
        </ClaimForm>
      ) : null}
      {error ? (
        <p className="state problem" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
