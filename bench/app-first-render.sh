#!/usr/bin/env bash
# The first render in the desktop app against a warm one. The real window (on headless Monocle with
# the software pipeline, as under Xvfb, so no display is needed) opens the rich deck as
# `omnivibe DECK.json` does; a robot presses "Submit render", then submits again with the first
# slide half a second longer (new content: no cached result answers it). Each run is a fresh
# process with fresh data and settings folders (the user's cache stays, as it does between
# starts). Medians of RUNS.
#   bench/app-first-render.sh [RUNS] [DECK_DIR]     (defaults 5, bench/target/whole/rich)
# bench/whole.sh makes the deck.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-5}"
DECK="$(cd "${2:-bench/target/whole/rich}" && pwd)"
[ -f "$DECK/deck.json" ] || { echo "no deck in $DECK: run bench/whole.sh 1 first" >&2; exit 1; }
./mvnw -q -B ${MVN_OFFLINE:+-o} -DskipTests -Dspotless.apply.skip=true install -pl app -am
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="app/target/classes:app/target/test-classes:$(cat app/target/bench-classpath.txt)"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
field() { sed -E "s/.*\"$1\": ([0-9.]+).*/\1/"; }
F=(); W=(); R=()
for i in $(seq "$RUNS"); do
  HOMES="$(mktemp -d)"
  OUT=$(XDG_DATA_HOME="$HOMES/data" XDG_CONFIG_HOME="$HOMES/config" XDG_STATE_HOME="$HOMES/state" \
    java -XX:+UseSerialGC -Dtestfx.headless=true -Dtestfx.robot=glass -Dglass.platform=Monocle \
    -Dmonocle.platform=Headless -Dprism.order=sw -cp "$CP" \
    dev.omnivibe.app.gui.bench.AppFirstRender "$DECK/deck.json" 2>"$HOMES/err.log" | grep '"first"') \
    || { echo "run $i failed:" >&2; tail -20 "$HOMES/err.log" >&2; exit 1; }
  echo "run $i: $OUT"
  F+=("$(echo "$OUT" | field first)"); W+=("$(echo "$OUT" | field warm)"); R+=("$(echo "$OUT" | field ready)")
  rm -rf "$HOMES"
done
m() { printf '%s\n' "$@" | median; }
FM=$(m "${F[@]}"); WM=$(m "${W[@]}")
echo "desktop app, median of $RUNS starts: first $FM s, warm $WM s, ratio $(echo "scale=2; $FM / $WM" | bc)x;" \
  "submit button ready $(m "${R[@]}") s after start"
