// Normalises source names and aliases for case-insensitive matching.

/** The lookup key of a source name or alias: trimmed, single-spaced, lower-case. */
export function sourceKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Aliases without blanks, duplicates (by key) or repeats of the name itself. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([sourceKey(name)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const key = sourceKey(alias);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(alias.trim());
  }
  return out;
}
