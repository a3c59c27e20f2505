#!/usr/bin/env bash
# API benchmark with wrk (Debian: apt-get install wrk): cached GET vs uncached GET vs bare Javalin.
#   bench/api.sh [ROUNDS] [SECONDS] [CONNECTIONS] [REPORT.json]   (defaults 5, 10, 32)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
exec bench/java.sh -Xmx1g dev.omnivibe.bench.ApiBenchmark "${1:-5}" "${2:-10}" "${3:-32}" "${4:-bench/target/api-bench.json}"
