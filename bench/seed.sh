#!/usr/bin/env bash
# The seed system's "after" pipeline (reference section 2.2) as the process a user runs: one
# libx264 encode per slide (-preset ultrafast -crf 23 -tune stillimage), a concat, then a mux of
# the narration as AAC. The same commands as bench's SeedPipeline, from a shell instead of Python,
# so the seed is timed with less start-up than it really has.
#   bench/seed.sh FFMPEG SEED.txt SLIDE_SECONDS WORK_DIR OUT.mp4
# SEED.txt: one "IMAGE<TAB>NARRATION" line per slide (bench/RichDeck writes it).
set -euo pipefail
FF="$1"; LIST="$2"; SECS="$3"; OUT="$5"
# Absolute: concat resolves the list's relative entries against the list's own folder.
WORK="$(mkdir -p "$4" && cd "$4" && pwd)"
ff() { "$FF" -hide_banner -nostdin -v error -y "$@"; }
i=0; : > "$WORK/list.txt"; inputs=(); graph=""; labels=""
while IFS=$'\t' read -r image narration; do
  ff -loop 1 -i "$image" -c:v libx264 -preset ultrafast -crf 23 -tune stillimage -threads 0 \
    -t "$SECS" "$WORK/slide-$i.mp4"
  echo "file '$WORK/slide-$i.mp4'" >> "$WORK/list.txt"
  inputs+=(-i "$narration")
  graph+="[$((i + 1)):a]apad,atrim=0:$SECS[n$i];"; labels+="[n$i]"
  i=$((i + 1))
done < "$LIST"
ff -f concat -safe 0 -i "$WORK/list.txt" -c copy "$WORK/video.mp4"
ff -i "$WORK/video.mp4" "${inputs[@]}" -filter_complex "${graph}${labels}concat=n=$i:v=0:a=1[a]" \
  -map 0:v -map "[a]" -c:v copy -c:a aac "$OUT"
