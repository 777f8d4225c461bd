// Importing a list of named victims from a CSV file: the original file is stored as a document
// (its bytes and SHA-256, like any ingested file), each row is checked, rows that fail are
// reported by line and field, and the rest are stored as the list's rows.
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { canonicalPlace } from "../core/places.js";
import { EVENT_TYPES } from "../core/types.js";
import { parseCsv } from "../core/victims/csv.js";
import type { Sex } from "../core/victims/types.js";
import { Invalid } from "../shared/errors.js";
import { VICTIM_LIST_MEDIA_TYPE } from "../pipeline/victim-mentions.js";
import type { Store } from "../store/index.js";
import type { NewVictimList, VictimFields } from "../store/victim-store.js";
import { VICTIM_FIELDS, type ImportListOutput, type ImportSettings, type RowProblem, type VictimField } from "./victims-schemas.js";

const SEX: Record<string, Sex> = {
  m: "male", male: "male", man: "male", homme: "male", h: "male", "مرد": "male", "ذكر": "male", "رجل": "male",
  f: "female", female: "female", woman: "female", femme: "female", "زن": "female", "أنثى": "female", "انثى": "female", "امرأة": "female",
};

/** Persian and Arabic-Indic digits as ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Parses `col=field,col=field` (the `--map` option). */
export function parseMapping(spec: string): Record<string, VictimField> {
  const out: Record<string, VictimField> = {};
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf("=");
    const col = part.slice(0, eq).trim();
    const field = part.slice(eq + 1).trim().toLowerCase();
    if (eq <= 0 || !col) throw new Invalid(`--map: "${part}" is not column=field`, "map");
    if (!(VICTIM_FIELDS as readonly string[]).includes(field)) throw new Invalid(`--map: "${field}" is not a field (${VICTIM_FIELDS.join(", ")})`, "map");
    out[col] = field as VictimField;
  }
  return out;
}

/** One checked cell: the value to store, or the problem. */
type Cell = { value: string | number | null } | { problem: string };

function checkCell(field: VictimField, raw: string): Cell {
  const v = asciiDigits(raw.trim());
  if (v === "") return field === "name" ? { problem: "empty: every row needs a name" } : { value: null };
  switch (field) {
    case "age": {
      if (!/^\d{1,3}$/.test(v) || Number(v) > 120) return { problem: `"${raw}" is not an age (a whole number of years, 0 to 120)` };
      return { value: Number(v) };
    }
    case "sex": {
      const s = SEX[v.toLowerCase()];
      return s ? { value: s } : { problem: `"${raw}" is not a sex (male/female, m/f, مرد/زن, ذكر/أنثى, homme/femme)` };
    }
    case "date": {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
      const ok = m && (!m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 12)) && (!m[3] || (Number(m[3]) >= 1 && new Date(`${v}T00:00:00Z`).getUTCDate() === Number(m[3])));
      return ok ? { value: v } : { problem: `"${raw}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` };
    }
    case "event":
      return (EVENT_TYPES as readonly string[]).includes(v.toLowerCase()) ? { value: v.toLowerCase() } : { problem: `"${raw}" is not an event (${EVENT_TYPES.join(", ")})` };
    case "place":
      return { value: canonicalPlace(v) };
    default:
      return { value: raw.trim().replace(/\s+/g, " ") };
  }
}

/** Imports a CSV list; rows that fail are reported and left out, the rest stored. */
export async function importVictimList(store: Store, input: ImportSettings): Promise<ImportListOutput> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(input.bytes);
  } catch {
    throw new Invalid(`${input.fileName}: not UTF-8 text; save the spreadsheet as CSV (UTF-8)`, "file");
  }
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    throw new Invalid(`${input.fileName}: ${(err as Error).message}`, "file");
  }
  const [header, ...body] = records;
  if (!header) throw new Invalid(`${input.fileName}: empty file`, "file");
  const columns = header.fields.map((h) => h.trim());
  const mapping: Record<string, VictimField> = {};
  for (const c of columns) if ((VICTIM_FIELDS as readonly string[]).includes(c.toLowerCase())) mapping[c] = c.toLowerCase() as VictimField;
  for (const [col, field] of Object.entries(input.map)) {
    if (!columns.includes(col)) throw new Invalid(`--map: ${input.fileName} has no column "${col}" (its columns: ${columns.join(", ")})`, "map");
    for (const [c, f] of Object.entries(mapping)) if (f === field && c !== col) delete mapping[c];
    mapping[col] = field;
  }
  if (!Object.values(mapping).includes("name")) throw new Invalid(`${input.fileName}: no column gives the name; map one with --map COLUMN=name (columns: ${columns.join(", ")})`, "map");

  const rejected: RowProblem[] = [];
  const rows: NewVictimList["rows"] = [];
  for (const rec of body) {
    if (rec.fields.length !== columns.length) {
      rejected.push({ line: rec.line, field: "row", message: `${rec.fields.length} fields where the header has ${columns.length}` });
      continue;
    }
    const fields: VictimFields = { name: "", age: null, sex: null, place: null, date: null, event: null, occupation: null, ethnicity: null };
    const extra: Record<string, string> = {};
    let bad = false;
    columns.forEach((col, i) => {
      const value = rec.fields[i] ?? "";
      const field = mapping[col];
      if (!field) {
        if (value.trim() !== "") extra[col] = value;
        return;
      }
      const cell = checkCell(field, value);
      if ("problem" in cell) {
        if (!bad) rejected.push({ line: rec.line, field: col, message: cell.problem });
        bad = true;
      } else (fields as unknown as Record<string, unknown>)[field] = cell.value;
    });
    if (!bad) rows.push({ ...fields, line: rec.line, extra: Object.keys(extra).length > 0 ? extra : null });
  }

  const name = basename(input.fileName);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const doc = await store.putDocument({
    sha256, bytes: input.bytes, mediaType: VICTIM_LIST_MEDIA_TYPE, name, url: null, path: input.path, publisher: input.source, published: null,
    capturedAt: new Date().toISOString(), collector: input.collector, language: null, title: `Victim list: ${input.list ?? `${input.source} (${name})`}`, text, textMap: null, headers: null,
  }, []);
  // A restricted list's names are restricted in full-text search too.
  if (input.restricted) await store.setRestricted({ type: "document", id: doc.id }, true);
  const list = await store.victimStore().createList({
    name: input.list ?? `${input.source} (${name})`, source: input.source, network: input.network, dependsOn: input.dependsOn, documentId: doc.id, mapping, restricted: input.restricted, rows,
  });
  return { listId: list.id, list: list.name, documentId: doc.id, imported: rows.length, rejected };
}
