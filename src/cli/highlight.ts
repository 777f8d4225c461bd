// Marks claim sentences in a document's text: colours on a terminal, brackets otherwise.
import type { Claim } from "../core/types.js";
import { isolate } from "./bidi.js";
import { escapeControls } from "./terminal-safe.js";

const COLOURS: Record<string, string> = {
  execution: "\x1b[31m", killing: "\x1b[35m", death_sentence: "\x1b[33m", death_row: "\x1b[33m",
  arrest: "\x1b[36m", injury: "\x1b[34m",
};

/** The text with each claim's sentence highlighted and labelled with its event and count. */
export function highlightClaims(text: string, claims: Claim[], colour: boolean): string {
  const spans = new Map<string, { start: number; end: number; labels: string[]; event: string }>();
  for (const c of claims) {
    const key = `${c.span[0]}:${c.span[1]}`;
    const label = `${c.event} ${c.count}${c.clutter ? " clutter" : ""}`;
    const s = spans.get(key);
    if (s) s.labels.push(label);
    else spans.set(key, { start: c.span[0], end: c.span[1], labels: [label], event: c.event });
  }
  const ordered = [...spans.values()].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const s of ordered) {
    if (s.start < at) continue;
    out += escapeControls(text.slice(at, s.start));
    // A right-to-left sentence is isolated, so that its label stays after it.
    const body = isolate(escapeControls(text.slice(s.start, s.end)));
    const tag = `⟨${s.labels.join(", ")}⟩`;
    out += colour ? `${COLOURS[s.event] ?? "\x1b[32m"}\x1b[1m${body}\x1b[0m \x1b[2m${tag}\x1b[0m` : `[[${body}]] ${tag}`;
    at = s.end;
  }
  return out + escapeControls(text.slice(at));
}
