#!/usr/bin/env bash
# The load tester against wrk on the same node and endpoint, alternating, in one run: how much of
# wrk's rate `omnivibe loadtest` can drive, so that its figures describe the server, not itself.
# Then an open-model run at a fixed rate, to show the client's own saturation check.
#   bench/loadtest.sh [ROUNDS] [SECONDS] [CONNECTIONS] [ENDPOINT]   (defaults 5, 10, 32, /health)
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
ROUNDS="${1:-5}"; SECS="${2:-10}"; CONNS="${3:-32}"; ENDPOINT="${4:-/health}"
PORT=18751
DATA="$(mktemp -d)"
trap 'kill "$NODE" 2>/dev/null || true; rm -rf "$DATA"' EXIT
./omnivibe --version >/dev/null
./omnivibe serve --port "$PORT" --data-dir "$DATA/node" >"$DATA/serve.log" 2>&1 &
NODE=$!
for _ in $(seq 400); do
  [ -s "$DATA/node/api-token" ] && curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.05
done
TOKEN="$(cat "$DATA/node/api-token")"
URL="http://127.0.0.1:$PORT"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Both warm the server's JIT once, unmeasured.
wrk -t2 -c"$CONNS" -d3s -H "Authorization: Bearer $TOKEN" "$URL$ENDPOINT" >/dev/null
./omnivibe loadtest --base-url "$URL" --endpoint "$ENDPOINT" --token "$TOKEN" --users "$CONNS" \
  --duration 3s --warmup 1s --report "$DATA/warm.json" >/dev/null 2>&1
W=(); L=(); R=()
for i in $(seq "$ROUNDS"); do
  w=$(wrk -t2 -c"$CONNS" -d"${SECS}s" -H "Authorization: Bearer $TOKEN" "$URL$ENDPOINT" \
    | awk '/Requests\/sec/ {print $2}')
  ./omnivibe loadtest --base-url "$URL" --endpoint "$ENDPOINT" --token "$TOKEN" --users "$CONNS" \
    --duration "${SECS}s" --warmup 1s --report "$DATA/lt.json" >"$DATA/lt.txt" 2>/dev/null
  l=$(sed -nE 's/.*"throughput_rps" : ([0-9.]+).*/\1/p' "$DATA/lt.json")
  W+=("$w"); L+=("$l"); R+=("$(echo "scale=3; $l / $w" | bc)")
  printf 'round %d: wrk %10.0f req/s   loadtest %10.0f req/s   ratio %s\n' "$i" "$w" "$l" "${R[-1]}"
done
m() { printf '%s\n' "$@" | median; }
echo "GET $ENDPOINT, $CONNS connections, ${SECS}s, median of $ROUNDS alternating rounds:"
printf '  wrk -t2            %10.0f req/s\n' "$(m "${W[@]}")"
printf '  omnivibe loadtest  %10.0f req/s\n' "$(m "${L[@]}")"
echo "  ratio (per round, median): $(m "${R[@]}")x of wrk"
echo
echo "Open model at 2000 req/s for ${SECS}s (the client's own check at the end):"
./omnivibe loadtest --base-url "$URL" --endpoint "$ENDPOINT" --token "$TOKEN" --users "$CONNS" \
  --rate 2000 --duration "${SECS}s" --warmup 1s --report "$DATA/open.json" 2>/dev/null \
  | grep -E "Throughput|Rate asked|P99:|client" || true
