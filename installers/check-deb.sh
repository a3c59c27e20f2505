#!/usr/bin/env bash
# Checks the .deb the way a user's machine would run it: unpack it with dpkg -x (no install),
# then, from the packaged launcher and its bundled runtime and FFmpeg only, list the encoders and
# render the sample deck headless, and check the video.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DEB=$(ls installers/target/omnivibe_*.deb | head -n 1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
dpkg -x "$DEB" "$WORK/root"
APP="$WORK/root/opt/omnivibe/bin/omnivibe"
export OMNIVIBE_HOME="$WORK/home"   # data, caches and config of this check only
unset OMNIVIBE_FFMPEG OMNIVIBE_FFPROBE
# No JDK and no FFmpeg from the machine: the packaged app runs with an empty PATH, so only its
# own runtime and its bundled FFmpeg can be used.
mkdir "$WORK/empty"
run() { env PATH="$WORK/empty" "$APP" "$@"; }

echo "package: $DEB ($(du -h "$DEB" | cut -f1))"
grep -q 'Exec=/opt/omnivibe/bin/omnivibe %F' "$WORK"/root/opt/omnivibe/lib/*.desktop
grep -q 'application/x-omnivibe-deck' "$WORK"/root/opt/omnivibe/lib/*MimeInfo.xml
dpkg-deb -f "$DEB" Depends | grep -q libgtk-3-0

run encoders --json > "$WORK/encoders.json"
grep -q '"defaultH264" : "libx264"' "$WORK/encoders.json"
grep -q '"ffmpegSource" : "bundled"' "$WORK/encoders.json"
# The bundled FFmpeg was unpacked into the per-user cache folder, not ~/.javacpp.
grep -q "\"ffmpeg\" : \"$OMNIVIBE_HOME/cache/javacpp/" "$WORK/encoders.json"

run render assets/sample-deck/deck.json -o "$WORK/sample.mp4" --json-progress > "$WORK/render.log"
test -s "$WORK/sample.mp4"

# Check the video with the ffprobe the package unpacked (next to its ffmpeg).
FFMPEG=$(sed -n 's/.*"ffmpeg" : "\(.*\)".*/\1/p' "$WORK/encoders.json")
FFPROBE="$(dirname "$FFMPEG")/ffprobe"
LD_LIBRARY_PATH="$(dirname "$FFMPEG")" "$FFPROBE" -v error -show_entries stream=codec_name:format=duration \
  -of default=nw=1 "$WORK/sample.mp4" > "$WORK/probe.txt"
cat "$WORK/probe.txt"
grep -q 'codec_name=h264' "$WORK/probe.txt"
grep -q 'codec_name=aac' "$WORK/probe.txt"
awk -F= '/duration/ { exit !($2 > 5) }' "$WORK/probe.txt"
echo "deb check passed"
