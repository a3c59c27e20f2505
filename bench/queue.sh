#!/usr/bin/env bash
# Queue and store benchmark: dispatch vs a JDK pool, durable submits vs bare JDBC, heap per job.
#   bench/queue.sh [RUNS] [REPORT.json]   (defaults 5, bench/target/queue-bench.json)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
exec java -XX:+UseSerialGC -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(cat bench/target/bench.cp)" \
  dev.omnivibe.bench.QueueBenchmark "${1:-5}" "${2:-bench/target/queue-bench.json}"
