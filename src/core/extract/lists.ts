// Lists and table rows whose event is named only in the line that leads into them:
//   Executions by province in August:
//   Tehran: 14
//   Isfahan – 9
// Each row is a figure for the lead's event; the row's label is usually a place.
import type { Sentence } from "../text/segment.js";
import type { EventType } from "../types.js";
import { isDigitCode, isSpaceCode } from "./scan.js";

/** A row of a list: its figure (sentence-relative offsets) and the lead line it belongs to. */
export interface ListRow {
  lead: number;
  event: EventType;
  label: string;
  value: number;
  start: number;
  end: number;
}

/** "Tehran: 14", "- Isfahan – 9", "Sistan and Baluchestan (21)", "2022 – 582": a label and a bare figure, nothing after. */
const ROW = /^\s*(?:[-•*\u2022]\s*)?((?:19|20)\d\d|[\p{Lu}][\p{L}\p{M} .'()-]{0,48}?)\s*(?:[:\u2013\u2014\t-]\s*|\(\s*)(\d{1,3}(?:,\d{3})+|\d{1,6})\s*\)?\s*\.?\s*$/u;

/** The event a lead line names: "Executions by province:", "Arrests in May, by city:". */
function leadEvent(line: string): EventType | null {
  if (line.trimEnd().endsWith(":")) return labelEvent(line);
  // A heading ("Executions by prison"): short, no sentence, no figure but a year.
  if (line.length > 60 || /[.!?;,]\s*$/.test(line) || /\d/.test(line.replace(/\b(?:19|20)\d\d\b/g, "")) || !/^\s*[\p{Lu}]/u.test(line)) return null;
  return countLabel(line);
}

/** The event a label names ("Executions by province", "Women executed", "Total arrests recorded"). */
function labelEvent(line: string): EventType | null {
  if (/\bdeath sentences?\b/i.test(line)) return "death_sentence";
  if (/\bdeath row\b/i.test(line)) return "death_row";
  if (/\b(?:executions?|hangings?|executed|hanged)\b/i.test(line)) return "execution";
  if (/\b(?:killings?|deaths?|death toll|killed|fatalities)\b/i.test(line)) return "killing";
  if (/\b(?:arrests?|detentions?|arrested|detained)\b/i.test(line)) return "arrest";
  if (/\b(?:injuries|injured|wounded)\b/i.test(line)) return "injury";
  if (/\b(?:enforced disappearances?|disappeared)\b/i.test(line)) return "disappearance";
  if (/\b(?:floggings?|flogged|lashings?)\b/i.test(line)) return "flogging";
  if (/\b(?:amputations?)\b/i.test(line)) return "amputation";
  return null;
}

/** True when a line ends in a digit, past trailing spaces and one dot between them (/\d\s*\.?\s*$/). */
function endsInFigure(line: string): boolean {
  let e = line.length;
  while (e > 0 && isSpaceCode(line.charCodeAt(e - 1))) e--;
  if (line.charCodeAt(e - 1) === 46) {
    e--;
    while (e > 0 && isSpaceCode(line.charCodeAt(e - 1))) e--;
  }
  return isDigitCode(line.charCodeAt(e - 1));
}

/**
 * "Total executions recorded: 853", "Women executed (2023) – 22": a line that is a label naming
 * an event and a bare figure. The figure counts that event. Offsets are line-relative.
 */
const LABELLED = /^\s*(?:[-•*\u2022]\s*)?([\p{Lu}][\p{L}\p{M}\d ().,'/-]{2,60}?)\s*(?:[:\u2013\u2014\t]|\s-)\s*(\d{1,3}(?:,\d{3})+|\d{1,6})\s*\.?\s*$/u;

export function labelledFigure(line: string): { event: EventType; label: string; value: number; start: number; end: number } | null {
  if (!endsInFigure(line)) return null; // LABELLED ends in a figure, then spaces and one dot at most
  const m = LABELLED.exec(line);
  if (!m) return null;
  const label = (m[1] as string).trim();
  const event = countLabel(label);
  if (!event) return null;
  const digits = m[2] as string;
  const start = line.lastIndexOf(digits);
  return { event, label, value: Number(digits.replace(/,/g, "")), start, end: start + digits.length };
}

/**
 * "Executions in Singapore: 5 in 2023, compared with 11 in 2022": a sentence opening on a label
 * that names an event, its figures counting that event. The label is short and holds no figure
 * other than a year.
 */
export function headEvent(sentence: string): EventType | null {
  const colon = sentence.indexOf(":");
  if (colon < 3 || colon > 60) return null;
  const label = sentence.slice(0, colon);
  if (/\d/.test(label.replace(/\b(?:19|20)\d\d\b/g, "")) || !/^\s*[\p{Lu}]/u.test(label)) return null;
  // A credit ("Amnesty International: …") or a quotation is no label.
  if (/["\u201c\u201d]|\b(?:said|says|told|reported)\b/i.test(label)) return null;
  return countLabel(label);
}

/** The event of a label that counts it: a rate or a share is no count ("Executions per month", "Share of women executed"). */
function countLabel(label: string): EventType | null {
  return /\b(?:per|rate|average|share|percentage|proportion|ratio|age|aged|years? old)\b|%/i.test(label) ? null : labelEvent(label);
}

/** The cells of a table line ("| Tehran | 12 |", "Tehran<TAB>12") with their offsets, or null. */
function tableCells(line: string): { text: string; start: number }[] | null {
  const sep = line.includes("|") ? "|" : line.includes("\t") ? "\t" : null;
  if (!sep) return null;
  const cells: { text: string; start: number }[] = [];
  let at = 0;
  for (const part of line.split(sep)) {
    const lead = part.length - part.trimStart().length;
    cells.push({ text: part.trim(), start: at + lead });
    at += part.length + 1;
  }
  // A pipe table's outer bars leave empty cells at both ends.
  if (sep === "|") {
    if (cells[0]?.text === "") cells.shift();
    if (cells[cells.length - 1]?.text === "") cells.pop();
  }
  return cells.length >= 2 ? cells : null;
}

/** "|---|:---:|": the rule under a pipe table's header. */
const TABLE_RULE = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;
const BARE_FIGURE = /^(?:\d{1,3}(?:,\d{3})+|\d{1,6})$/;

/** Rows of the lists in a text, by sentence index. */
export function listRows(text: string, sentences: Sentence[]): Map<number, ListRow> {
  const out = new Map<number, ListRow>();
  let lead = -1;
  let event: EventType | null = null;
  let last = -1;
  /** A table whose header names an event in one column ("| Province | Executions |"). */
  let table: { lead: number; event: EventType; column: number } | null = null;
  sentences.forEach((s, i) => {
    const line = text.slice(s.start, s.end);
    const cells = s.firstInUnit && !line.includes("\n") ? tableCells(line) : null;
    if (!cells) table = null;
    else if (TABLE_RULE.test(line)) return;
    else {
      const cell = table ? cells[table.column] : undefined;
      if (table && cell && BARE_FIGURE.test(cell.text) && cells[0] && cells[0] !== cell) {
        out.set(i, { lead: table.lead, event: table.event, label: cells[0].text, value: Number(cell.text.replace(/,/g, "")), start: cell.start, end: cell.start + cell.text.length });
        return;
      }
      // A header: the first column that names a countable event, others being labels.
      const column = cells.findIndex((c, k) => k > 0 && !/\d/.test(c.text) && countLabel(c.text) !== null);
      if (column > 0) {
        table = { lead: i, event: countLabel((cells[column] as { text: string }).text) as EventType, column };
        return;
      }
      if (table) return; // a row without a figure in the event's column
    }
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
    // "Total executions recorded: 853": a row of its own, dated by its own label or the heading.
    const own = !e && s.firstInUnit ? labelledFigure(line) : null;
    if (own) {
      out.set(i, { lead: i, ...own });
      return;
    }
    lead = e ? i : -1;
    event = e;
    last = e ? i : -1;
  });
  return out;
}
