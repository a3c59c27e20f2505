#!/usr/bin/env bash
# Takes the README's screenshots of the real windows (GTK under Xvfb) with real renders, and
# measures how long the window takes to paint. Usage: docs/screenshots/take.sh [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/docs/screenshots}"
cd "$ROOT"

# A real JavaFX window needs GTK 3 and an X server; install them when missing (Debian, as root).
missing=()
[ "$(ldconfig -p | grep -c 'libgtk-3.so.0')" -gt 0 ] || missing+=(libgtk-3-0)
command -v Xvfb >/dev/null || missing+=(xvfb)
[ "$( (fc-list 2>/dev/null || true) | grep -ci dejavu)" -gt 0 ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

./mvnw -q -B -DskipTests -Dspotless.check.skip=true install -pl app -am
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/tour-classpath.txt
CP="app/target/classes:app/target/test-classes:$(cat app/target/tour-classpath.txt)"

DISPLAY_NUM=:$((90 + RANDOM % 100))
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
HOME_DIR="$(mktemp -d)"
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
sleep 1
export DISPLAY="$DISPLAY_NUM"

# Start-up: time from JVM start to the first painted frame, three fresh starts.
for i in 1 2 3; do
  rm -rf "$HOME_DIR/startup"
  timeout 20 java -Domnivibe.home="$HOME_DIR/startup" -jar app/target/omnivibe-app.jar 2>&1 \
    | grep -m2 -E 'window painted|engine ready' | tr '\n' ' ' || true
  echo
done

# A local redis-server, when there is one, lets the tour join a studio for the Nodes view.
if command -v redis-server >/dev/null; then
  REDIS_PORT=$((20000 + RANDOM % 20000))
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 &
  REDIS_PID=$!
  trap 'kill $XVFB $REDIS_PID 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
  sleep 0.5
  export OMNIVIBE_TOUR_REDIS="redis://127.0.0.1:$REDIS_PORT"
fi

java -Domnivibe.home="$HOME_DIR/tour" -cp "$CP" dev.omnivibe.app.gui.tour.ScreenshotTour \
  "$OUT" assets/sample-deck/deck.json
