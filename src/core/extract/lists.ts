// Lists and table rows whose event is named only in the line that leads into them:
//   Executions by province in August:
//   Tehran: 14
//   Isfahan – 9
// Each row is a figure for the lead's event; the row's label is usually a place.
import type { Sentence } from "../text/segment.js";
import type { EventType } from "../types.js";

/** A row of a list: its figure (sentence-relative offsets) and the lead line it belongs to. */
export interface ListRow {
  lead: number;
  event: EventType;
  label: string;
  value: number;
  start: number;
  end: number;
}

/** "Tehran: 14", "- Isfahan – 9", "Sistan and Baluchestan (21)": a label and a bare figure, nothing after. */
const ROW = /^\s*(?:[-•*\u2022]\s*)?([\p{Lu}][\p{L}\p{M} .'-]{0,48}?)\s*(?:[:\u2013\u2014\t-]\s*|\(\s*)(\d{1,3}(?:,\d{3})+|\d{1,6})\s*\)?\s*\.?\s*$/u;

/** The event a lead line names: "Executions by province:", "Arrests in May, by city:". */
function leadEvent(line: string): EventType | null {
  if (!line.trimEnd().endsWith(":")) return null;
  if (/\bdeath sentences?\b/i.test(line)) return "death_sentence";
  if (/\b(?:executions?|hangings?|executed|hanged)\b/i.test(line)) return "execution";
  if (/\b(?:killings?|deaths?|death toll|killed|fatalities)\b/i.test(line)) return "killing";
  if (/\b(?:arrests?|detentions?|arrested|detained)\b/i.test(line)) return "arrest";
  if (/\b(?:injuries|injured|wounded)\b/i.test(line)) return "injury";
  return null;
}

/** Rows of the lists in a text, by sentence index. */
export function listRows(text: string, sentences: Sentence[]): Map<number, ListRow> {
  const out = new Map<number, ListRow>();
  let lead = -1;
  let event: EventType | null = null;
  let last = -1;
  sentences.forEach((s, i) => {
    const line = text.slice(s.start, s.end);
    const m = lead >= 0 && event !== null && s.firstInUnit ? ROW.exec(line) : null;
    // Rows follow their lead (a blank line may stand between the lead and the first row).
    const adjacent = last >= 0 && (sentences[i]?.paragraph ?? 0) - (sentences[last]?.paragraph ?? 0) <= (last === lead ? 1 : 0) + 1;
    if (m && event && adjacent) {
      const digits = m[2] as string;
      const start = line.lastIndexOf(digits);
      out.set(i, { lead, event, label: (m[1] as string).trim(), value: Number(digits.replace(/,/g, "")), start, end: start + digits.length });
      last = i;
      return;
    }
    const e = leadEvent(line);
    lead = e ? i : -1;
    event = e;
    last = e ? i : -1;
  });
  return out;
}
