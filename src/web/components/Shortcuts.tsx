// The review page's keyboard shortcuts, listed (shown with `?`), and the test for "is the person typing?".
import { useEffect, useRef } from "react";

export const SHORTCUTS: readonly [string, string][] = [
  ["a", "accept the claim"],
  ["r", "reject it (asks for a reason; Enter confirms)"],
  ["e", "edit its fields (Enter saves a correction)"],
  ["j or n", "next claim"],
  ["k or p", "previous claim"],
  ["?", "show or hide these shortcuts"],
  ["Escape", "cancel a rejection or an edit"],
];

/** True when a key press belongs to a field being typed in (shortcuts must not fire then). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <section className="shortcuts" aria-labelledby="h-shortcuts" data-testid="shortcuts">
      <h2 id="h-shortcuts">Keyboard shortcuts</h2>
      <dl className="pairs">
        {SHORTCUTS.map(([k, what]) => (
          <div key={k} className="pair">
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">Shortcuts do nothing while you type in a field.</p>
      <button ref={close} type="button" className="secondary" onClick={onClose}>
        Close the shortcuts
      </button>
    </section>
  );
}
