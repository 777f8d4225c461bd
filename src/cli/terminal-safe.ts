// What the CLI prints must not drive the terminal: file names, titles and document text may carry
// control characters, escape sequences (clear the screen, rewrite the window title, hide text) or
// bidirectional overrides. Every line is escaped on its way out; Tally's own colours go out
// through CliIo.styled, with the untrusted text in them escaped beforehand (escapeControls).

/** C0 controls but tab and line feed, DEL, C1 controls, and bidirectional embeddings, overrides and isolates. */
const CONTROL = "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]";

const LINE = new RegExp(`\\r\\n|${CONTROL}`, "g");
const ALL = new RegExp(CONTROL, "g");

/** A control character as visible text: \u001b (also a valid escape inside JSON strings). */
function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** A line safe to print: every control character escaped as \uXXXX text, but line feeds, tabs and CR LF line ends (CSV). */
export function terminalSafe(line: string): string {
  return line.replace(LINE, (m) => (m.length > 1 ? m : visible(m)));
}

/** Untrusted text with every control character escaped (before Tally adds its own colours). */
export function escapeControls(text: string): string {
  return text.replace(ALL, visible);
}
