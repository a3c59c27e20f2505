#!/usr/bin/env bash
# API benchmark with wrk (Debian: apt-get install wrk): cached GET vs uncached GET vs bare Javalin.
#   bench/api.sh [ROUNDS] [SECONDS] [CONNECTIONS] [REPORT.json]   (defaults 5, 10, 32)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
exec java -XX:+UseSerialGC -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(cat bench/target/bench.cp)" \
  dev.omnivibe.bench.ApiBenchmark "${1:-5}" "${2:-10}" "${3:-32}" "${4:-bench/target/api-bench.json}"
