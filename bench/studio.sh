#!/usr/bin/env bash
# Studio throughput through whole engines: no-op render jobs/s from one submitting node to 1, 2 and
# 3 render nodes over Redis Streams, each against one local queue with as many workers in the same
# run. Needs redis-server on PATH.
#   bench/studio.sh [JOBS] [ROUNDS]   (defaults 300, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec bench/java.sh dev.omnivibe.bench.StudioBenchmark "${1:-300}" "${2:-3}"
