#!/usr/bin/env bash
# Studio broker throughput: no-op jobs/s through Redis Streams with 1, 2 and 3 nodes, each against
# a bare XREADGROUP/XACK loop in the same run. Needs redis-server on PATH.
#   bench/broker.sh [JOBS] [ROUNDS]   (defaults 5000, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec bench/java.sh dev.omnivibe.bench.BrokerBenchmark "${1:-5000}" "${2:-3}"
