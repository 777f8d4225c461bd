// Checking the fields of a claim an analyst writes by hand (corrections, claims added from a span).
import { EVENT_TYPES, QUALIFIERS, VICTIM_GROUPS } from "./types.js";
import type { Claim } from "./types.js";

/** A field an analyst set to something a claim cannot hold. */
export class ClaimFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ClaimFieldError";
  }
}

/** The hand-editable fields of a claim. */
export type EditableFields = Pick<Claim, "event" | "count" | "qualifier" | "period" | "place" | "victims" | "source">;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Throws ClaimFieldError naming the first field that is not valid; returns the fields cleaned (trimmed, sorted victims). */
export function checkFields<T extends Partial<EditableFields>>(f: T): T {
  const out: Partial<EditableFields> = { ...f };
  if (f.event !== undefined && !(EVENT_TYPES as readonly string[]).includes(f.event)) {
    throw new ClaimFieldError("event", `event must be one of ${EVENT_TYPES.join(", ")}`);
  }
  if (f.count !== undefined && (!Number.isSafeInteger(f.count) || f.count < 0)) {
    throw new ClaimFieldError("count", "count must be a whole number, 0 or more");
  }
  if (f.qualifier !== undefined && !(QUALIFIERS as readonly string[]).includes(f.qualifier)) {
    throw new ClaimFieldError("qualifier", `qualifier must be one of ${QUALIFIERS.join(", ")}`);
  }
  if (f.period !== undefined && f.period !== null) {
    const { start, end } = f.period;
    if (!validDay(start) || !validDay(end)) throw new ClaimFieldError("period", "period start and end must be dates (YYYY-MM-DD)");
    if (start > end) throw new ClaimFieldError("period", "period start must not be after its end");
    out.period = { start, end };
  }
  if (f.victims !== undefined) {
    for (const v of f.victims) {
      if (!(VICTIM_GROUPS as readonly string[]).includes(v)) throw new ClaimFieldError("victims", `unknown victim group ${JSON.stringify(v)}`);
    }
    out.victims = [...new Set(f.victims)].sort();
  }
  for (const k of ["place", "source"] as const) {
    const v = f[k];
    if (v === undefined || v === null) continue;
    const t = v.trim();
    if (t.length > 500) throw new ClaimFieldError(k, `${k} is too long`);
    out[k] = t === "" ? null : t;
  }
  return out as T;
}
