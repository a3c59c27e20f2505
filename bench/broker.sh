#!/usr/bin/env bash
# Studio broker throughput: no-op jobs/s through Redis Streams with 1, 2 and 3 nodes, each against
# a bare XREADGROUP/XACK loop in the same run. Needs redis-server on PATH.
#   bench/broker.sh [JOBS] [ROUNDS]   (defaults 5000, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
exec java -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(cat bench/target/bench.cp)" \
  dev.omnivibe.bench.BrokerBenchmark "${1:-5000}" "${2:-3}"
