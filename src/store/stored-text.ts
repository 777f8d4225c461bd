// What a string reads back as after a round trip through each database, so that values computed
// in memory (audit snapshots of a batch write) match what reading the rows would give.
import type { DialectName } from "./schema.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A string as the database returns it. Only lone UTF-16 surrogates change: node-postgres encodes
 * each as U+FFFD; better-sqlite3 stores its three WTF-8 bytes, which read back as three U+FFFD.
 */
export function storedText(dialect: DialectName, text: string): string {
  if (!ANY_SURROGATE.test(text)) return text;
  return text.replace(LONE_SURROGATE, dialect === "sqlite" ? "\uFFFD\uFFFD\uFFFD" : "\uFFFD");
}

/** storedText for a nullable column. */
export function storedNullableText(dialect: DialectName, text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : storedText(dialect, text);
}
