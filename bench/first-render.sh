#!/usr/bin/env bash
# The first render after a start against a warm one, on the rich deck (bench/whole.sh makes it):
# in a render node started with `omnivibe serve` and driven over HTTP, and in the engine opened
# in-process as the desktop app opens it. Medians of RUNS fresh starts.
#   bench/first-render.sh [RUNS] [DECK_DIR]     (defaults 5, bench/target/whole/rich)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-5}"
DECK="${2:-bench/target/whole/rich}"
./omnivibe --version >/dev/null
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="bench/target/classes:$(cat bench/target/bench.cp)"
bench() { java -XX:+UseSerialGC -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$@"; }
[ -f "$DECK/deck.json" ] || bench dev.omnivibe.bench.RichDeck "$DECK" 10 6 1920 1080 30 >/dev/null

PORT=18750
# Once untimed: a machine's first start measures its calibration (kept in the user cache).
bench dev.omnivibe.bench.FirstRender engine "$(mktemp -d)/warmup" "$DECK" >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
field() { sed -E "s/.*\"$1\": ([0-9.]+).*/\1/"; }
EF=(); EW=(); EE=(); SF=(); SW=()
for i in $(seq "$RUNS"); do
  DATA="$(mktemp -d)"
  R=$(bench dev.omnivibe.bench.FirstRender engine "$DATA/engine" "$DECK")
  EF+=("$(echo "$R" | field first)"); EW+=("$(echo "$R" | field warm)"); EE+=("$(echo "$R" | field estimate)")
  ./omnivibe serve --port "$PORT" --data-dir "$DATA/serve" >"$DATA/serve.log" 2>&1 &
  NODE=$!
  for _ in $(seq 200); do
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.05
  done
  R=$(bench dev.omnivibe.bench.FirstRender serve "http://127.0.0.1:$PORT" "$DATA/serve/api-token" "$DECK")
  kill "$NODE"; wait "$NODE" 2>/dev/null || true
  SF+=("$(echo "$R" | field first)"); SW+=("$(echo "$R" | field warm)")
  rm -rf "$DATA"
done
m() { printf '%s\n' "$@" | median; }
echo "estimate before the first render (from calibration): $(m "${EE[@]}") s"
printf '%-46s %8s %8s %8s\n' "render seconds, median of $RUNS starts" first warm ratio
for side in engine serve; do
  if [ $side = engine ]; then F=$(m "${EF[@]}"); W=$(m "${EW[@]}"); else F=$(m "${SF[@]}"); W=$(m "${SW[@]}"); fi
  printf '%-46s %8s %8s %7sx\n' "$side" "$F" "$W" "$(echo "scale=2; $F / $W" | bc)"
done
