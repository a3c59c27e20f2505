#!/usr/bin/env bash
# Queue and store benchmark: dispatch vs a JDK pool, durable submits vs bare JDBC, heap per job.
#   bench/queue.sh [RUNS] [REPORT.json]   (defaults 5, bench/target/queue-bench.json)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec bench/java.sh -Xmx2g dev.omnivibe.bench.QueueBenchmark "${1:-5}" "${2:-bench/target/queue-bench.json}"
