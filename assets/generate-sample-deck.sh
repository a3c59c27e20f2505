#!/usr/bin/env bash
# Regenerates assets/sample-deck from code (no third-party media): slides are drawn with Java2D,
# narration is a synthesized tone. Run from anywhere.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
rm -rf assets/sample-deck
java -Djava.awt.headless=true -cp "bench/target/classes:$(cat bench/target/bench.cp)" \
  dev.omnivibe.bench.SampleDeck assets/sample-deck
