// `tally extract --explain`: every figure of a text, with the claim it became or why it did not.
import type { FigureDecision } from "../core/extract/index.js";
import { interchange } from "./claim-format.js";
import type { CliIo } from "./io.js";

/** Line and column (1-based) of an offset in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Prints the decisions for one document: a line each on a terminal or as table, JSON Lines otherwise. */
export function explainDocument(io: CliIo, name: string, text: string, decisions: FigureDecision[], format: string): void {
  for (const d of decisions) {
    const at = position(text, d.span[0]);
    if (format === "table") {
      const mark = d.claim ? "claim" : "no";
      io.out(`${name}:${at.line}:${at.column}  ${JSON.stringify(d.text)}  ${mark}: ${d.reason}`);
    } else {
      io.out(JSON.stringify({ document: name, line: at.line, column: at.column, figure: d.text, value: d.value, span: d.span, claim: d.claim ? interchange(d.claim) : null, reason: d.reason }));
    }
  }
  if (format === "table") io.out(`${name}: ${decisions.filter((d) => d.claim).length} claims from ${decisions.length} figures`);
}
