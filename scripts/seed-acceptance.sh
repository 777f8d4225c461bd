#!/usr/bin/env bash
# Acceptance run on the seed articles: ingest them into a fresh data directory, then print the
# contradictions and the side-by-side view of the November 2019 protest death-toll fact and of
# the 1988 fact(s). Usage: scripts/seed-acceptance.sh [SEEDS_DIR]   (KEEP=1 keeps the data dir)
set -euo pipefail
cd "$(dirname "$0")/.."

SEEDS="${1:-../shared/corpus/seeds}"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/tally-acceptance.XXXXXX")"
if [ "${KEEP:-0}" = "1" ]; then echo "data directory: $DATA"; else trap 'rm -rf "$DATA"' EXIT; fi

# bin/tally.js runs the compiled CLI in dist/.
npm run build --silent

tally() { node bin/tally.js --data "$DATA" "$@"; }

echo "== tally ingest $SEEDS"
tally ingest "$SEEDS"

echo
echo "== tally conflicts"
tally conflicts --format table

FACTS_JSON="$DATA/facts.json"
tally facts --format json > "$FACTS_JSON"

# Ids of the facts asked for: killings of protesters in November 2019, and every fact about 1988.
pick() {
  node -e '
    const { facts } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const which = process.argv[2];
    const hits = facts.filter((f) => which === "nov2019"
      ? f.event === "killing" && f.victims.includes("protesters") && f.period?.start === "2019-11-01" && f.period?.end === "2019-11-30"
      : f.period?.start === "1988-01-01" && f.period?.end === "1988-12-31");
    hits.sort((a, b) => b.claims - a.claims || a.id.localeCompare(b.id));
    for (const f of hits) console.log(f.id);
  ' "$FACTS_JSON" "$1"
}

NOV=$(pick nov2019)
Y1988=$(pick 1988)

echo
echo "== the November 2019 protest death toll"
if [ -z "$NOV" ]; then echo "(no fact about killings of protesters in November 2019)"; fi
for id in $NOV; do tally fact "$id"; echo; done

echo "== 1988"
if [ -z "$Y1988" ]; then echo "(no fact about 1988)"; fi
for id in $Y1988; do tally fact "$id"; echo; done
