#!/usr/bin/env bash
# Every benchmark in one command; writes bench/target/report.json and bench/target/report.md.
#   bench/run.sh            the full suite (takes the better part of an hour on 2 cores)
#   bench/run.sh --quick    fewer runs and decks, for a first look (about 10 minutes)
# Settings (environment): RUNS, RESOLUTION (WxH), SLIDES (e.g. 10,30,100), LONG_SLIDES (60 s decks),
# QUEUE_RUNS, API_ROUNDS, API_SECONDS, API_CONNECTIONS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "${1:-}" = "--quick" ]; then
  : "${RUNS:=3}" "${RESOLUTION:=1280x720}" "${SLIDES:=10,30}" "${LONG_SLIDES:=10}"
  : "${QUEUE_RUNS:=3}" "${API_ROUNDS:=3}" "${API_SECONDS:=5}"
fi
: "${RUNS:=3}" "${RESOLUTION:=1280x720}" "${SLIDES:=10,30,100}" "${LONG_SLIDES:=10}"
: "${QUEUE_RUNS:=5}" "${API_ROUNDS:=5}" "${API_SECONDS:=10}" "${API_CONNECTIONS:=32}"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
OUT=bench/target
mkdir -p "$OUT"
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="bench/target/classes:$(cat bench/target/bench.cp)"
JAVA=(java -XX:+UseSerialGC -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")
echo "== render: $SLIDES slides x 5 s and $LONG_SLIDES x 60 s at $RESOLUTION, $RUNS runs" >&2
"${JAVA[@]}" dev.omnivibe.bench.RenderSuite "$RUNS" "$RESOLUTION" "$SLIDES" "$LONG_SLIDES" "$OUT/render-suite.json"
echo "== queue and store, $QUEUE_RUNS runs" >&2
"${JAVA[@]}" -Xmx2g dev.omnivibe.bench.QueueBenchmark "$QUEUE_RUNS" "$OUT/queue-bench.json"
echo "== API under wrk, $API_ROUNDS rounds of $API_SECONDS s" >&2
"${JAVA[@]}" -Xmx1g dev.omnivibe.bench.ApiBenchmark "$API_ROUNDS" "$API_SECONDS" "$API_CONNECTIONS" "$OUT/api-bench.json"
"${JAVA[@]}" dev.omnivibe.bench.BenchReport "$OUT/render-suite.json" "$OUT/queue-bench.json" "$OUT/api-bench.json" \
  "$OUT/report.json" "$OUT/report.md"
echo "reports: $OUT/report.json $OUT/report.md" >&2
