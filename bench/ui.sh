#!/usr/bin/env bash
# FX-thread responsiveness of the real queue table with 100 jobs updating 10 times a second:
# idle baseline vs merged events (the app) vs one runLater per event. Headless (Monocle), so no
# display is needed. Usage: bench/ui.sh [SECONDS_PER_PHASE] [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true install -pl app -am
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="app/target/classes:app/target/test-classes:$(cat app/target/bench-classpath.txt)"
java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  -cp "$CP" dev.omnivibe.app.gui.bench.QueueUiBenchmark "${1:-5}" "${2:-3}"
