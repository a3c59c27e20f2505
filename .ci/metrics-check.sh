#!/usr/bin/env bash
# /metrics of a real node, read by the Prometheus client library's own text parser (Debian:
# python3-prometheus-client): it must parse, and carry histograms, JVM and process meters and the
# queue gauges. A render first, so that the render-time histogram has an encoder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK="$(mktemp -d)"
PORT=18753
export OMNIVIBE_HOME="$WORK/home"
./omnivibe serve --port "$PORT" --data-dir "$WORK/node" >"$WORK/serve.log" 2>&1 &
NODE=$!
trap 'kill "$NODE" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 600); do
  [ -s "$WORK/node/api-token" ] && curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.1
done
AUTH="Authorization: Bearer $(cat "$WORK/node/api-token")"
curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/queues" >/dev/null
curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/metrics" > "$WORK/metrics.txt"
/usr/bin/python3 - "$WORK/metrics.txt" <<'PY'
import sys
from prometheus_client.parser import text_string_to_metric_families
families = {f.name: f for f in text_string_to_metric_families(open(sys.argv[1]).read())}
def need(name, kind):
    f = families.get(name)
    assert f is not None, f"/metrics lacks {name}"
    assert f.type == kind, f"{name} is a {f.type}, not a {kind}"
    return f
ops = need("omnivibe_operation_seconds", "histogram")
assert any(s.labels.get("operation") == "GET /api/v1/queues" for s in ops.samples), "no API timing"
for name in ("jvm_memory_used_bytes", "process_cpu_usage", "omnivibe_queue_depth",
             "omnivibe_queue_running", "jvm_threads_live_threads"):
    need(name, "gauge")
need("omnivibe_http_cache_lookups", "counter")
print(f"/metrics parsed: {len(families)} families, {sum(len(f.samples) for f in families.values())} samples")
PY
