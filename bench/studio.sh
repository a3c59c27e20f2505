#!/usr/bin/env bash
# Studio throughput through whole engines: no-op render jobs/s from one submitting node to 1, 2 and
# 3 render nodes over Redis Streams, each against one local queue with as many workers in the same
# run. Needs redis-server on PATH.
#   bench/studio.sh [JOBS] [ROUNDS]   (defaults 300, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
exec java -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(cat bench/target/bench.cp)" \
  dev.omnivibe.bench.StudioBenchmark "${1:-300}" "${2:-3}"
