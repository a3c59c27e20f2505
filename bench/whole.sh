#!/usr/bin/env bash
# What a user waits for: whole processes timed from outside, paired with the seed's pipeline on
# the same FFmpeg build, medians of RUNS.
#   bench/whole.sh [RUNS] [OUT_DIR]          (defaults 5, bench/target/whole)
# Decks (bench/RichDeck): "rich" 10 slides of photo-like 1920x1080 texture, espeak-ng speech on
# each, 6 s slides with 0.5 s fades, rendered at 1080p30; "rich60" the same with 60 s slides;
# "small" 3 silent 2 s slides at 640x360 (the fixed cost). Writes OUT_DIR/whole.json and prints a table.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-5}"
OUT="${2:-bench/target/whole}"
mkdir -p "$OUT"

# Build once, outside the timings: the app (the launcher's jar) and the bench classes.
./omnivibe --version >/dev/null
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl bench -am install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="bench/target/classes:$(cat bench/target/bench.cp)"
bench() { java -XX:+UseSerialGC -Djava.awt.headless=true -cp "$CP" "$@"; }

# The FFmpeg both sides use: the one the product chooses on this machine.
FF="${FFMPEG:-$(bench dev.omnivibe.bench.WhichFfmpeg)}"
echo "FFmpeg: $FF ($("$FF" -version | head -1))"

[ -f "$OUT/rich/deck.json" ] || bench dev.omnivibe.bench.RichDeck "$OUT/rich" 10 6 1920 1080 30 >/dev/null
[ -f "$OUT/rich60/deck.json" ] || bench dev.omnivibe.bench.RichDeck "$OUT/rich60" 10 60 1920 1080 30 >/dev/null
[ -f "$OUT/small/deck.json" ] || bench dev.omnivibe.bench.RichDeck "$OUT/small" 3 2 640 360 30 quiet >/dev/null

now() { date +%s%N; }
# Seconds one command takes, start to exit, as the shell sees it.
# bc writes 0.476 as .476, which JSON does not accept: every figure goes through printf.
num() { printf '%.3f' "$(echo "scale=3; $1" | bc)"; }
timed() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1; t1=$(now); num "($t1 - $t0) / 1000000000"; }
product() { ./omnivibe render "$OUT/$1/deck.json" -o "$OUT/$1.mp4" --ffmpeg "$FF" --json-progress; }
seed() { rm -rf "$OUT/seed-work"; bench/seed.sh "$FF" "$OUT/$1/seed.txt" "$2" "$OUT/seed-work" "$OUT/$1-seed.mp4"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Once untimed: warms the OS file cache, and proves every side works before anything is timed.
for deck in small rich rich60; do
  product "$deck" | tail -1 | grep -q '"event":"done"' || { echo "omnivibe render failed on $deck" >&2; exit 1; }
done
seed rich 6 || { echo "the seed pipeline failed" >&2; exit 1; }
declare -A T
for i in $(seq "$RUNS"); do
  # Paired and alternated, so drift on a noisy machine falls on both sides alike.
  if ((i % 2)); then
    T[rich]+="$(timed product rich) "; T[seed]+="$(timed seed rich 6) "
  else
    T[seed]+="$(timed seed rich 6) "; T[rich]+="$(timed product rich) "
  fi
  T[rich60]+="$(timed product rich60) "
  T[small]+="$(timed product small) "
done
# The in-process figure of the same render: what the CLI reports as its own wall time.
INPROC=$(product rich | tail -1 | sed -E 's/.*"wallSeconds":([0-9.]+).*/\1/')
TIMELINE=$(product rich | tail -1 | sed -E 's/.*"timeline":(\[[^]]*\]).*/\1/')

m() { echo "${T[$1]}" | tr ' ' '\n' | grep . | median; }
RICH=$(m rich); SEED=$(m seed); RICH60=$(m rich60); SMALL=$(m small)
RATIO=$(num "$SEED / $RICH")
LONG=$(num "$RICH60 / $RICH")
cat > "$OUT/whole.json" <<JSON
{"runs": $RUNS, "ffmpeg": "$FF",
 "richSeconds": $RICH, "seedSeconds": $SEED, "speedup": $RATIO,
 "rich60Seconds": $RICH60, "longSlideRatio": $LONG, "smallSeconds": $SMALL,
 "richInProcessSeconds": $INPROC, "richTimeline": $TIMELINE,
 "samples": {"rich": "${T[rich]}", "seed": "${T[seed]}", "rich60": "${T[rich60]}", "small": "${T[small]}"}}
JSON
printf '%-44s %8s\n' "whole process, median of $RUNS" "seconds"
printf '%-44s %8s\n' "omnivibe render, rich deck (10 × 6 s 1080p)" "$RICH"
printf '%-44s %8s\n' "seed pipeline, same deck, same FFmpeg" "$SEED"
printf '%-44s %7sx\n' "speed-up" "$RATIO"
printf '%-44s %8s  (%sx the 6 s deck)\n' "omnivibe render, 60 s slides" "$RICH60" "$LONG"
printf '%-44s %8s\n' "omnivibe render, 3 slides 640x360" "$SMALL"
printf '%-44s %8s\n' "rich deck in-process (the CLI's own figure)" "$INPROC"
echo "timeline of one rich render (ms from the render's start): $TIMELINE"
