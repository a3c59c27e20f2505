#!/usr/bin/env bash
# Render benchmark: product vs the seed's "after" pipeline on the same generated decks.
#   bench/render.sh [RUNS] [REPORT.json] [RUNS_60S]   (defaults 5, bench/target/render-bench.json, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec bench/java.sh dev.omnivibe.bench.RenderBenchmark "${1:-5}" "${2:-bench/target/render-bench.json}" "${3:-3}"
