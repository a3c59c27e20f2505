#!/usr/bin/env bash
# Render benchmark: product vs the seed's "after" pipeline on the same generated decks.
#   bench/render.sh [RUNS] [REPORT.json] [RUNS_60S]   (defaults 5, bench/target/render-bench.json, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
exec java -XX:+UseSerialGC -Djava.awt.headless=true -cp "bench/target/classes:$(cat bench/target/bench.cp)" \
  dev.omnivibe.bench.RenderBenchmark "${1:-5}" "${2:-bench/target/render-bench.json}" "${3:-3}"
