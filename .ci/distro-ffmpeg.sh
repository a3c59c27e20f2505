#!/usr/bin/env bash
# The distribution's FFmpeg on PATH (Debian 12: 5.1, which lacks the -/option form): renders must
# still work, from the built launcher and from the unpacked .deb, both when OmniVibe chooses
# (it passes 5.1 over for the bundled build and says why) and when 5.1 is named with --ffmpeg
# (it renders with the older -filter_complex_script form). Each result is checked with ffprobe.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || {
  echo "distro-ffmpeg: ffmpeg and ffprobe must be on PATH" >&2; exit 1; }
SYSTEM_FFMPEG=$(command -v ffmpeg)
echo "system $(ffmpeg -hide_banner -version | head -n 1)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export OMNIVIBE_HOME="$WORK/home"
unset OMNIVIBE_FFMPEG OMNIVIBE_FFPROBE

# A narrated deck whose every transition is a fade (the decoder-drawn kind), 640x360 at 25 fps.
DECK="$WORK/fades"
mkdir -p "$DECK"
cp -r assets/sample-deck/slides assets/sample-deck/audio "$DECK/"
cat > "$DECK/deck.json" <<'JSON'
{"slides": [
  {"image": "slides/01.png", "narration": "audio/01.wav", "padding": 0.3,
   "transition": {"type": "fade", "duration": 0.5}},
  {"image": "slides/02.png", "duration": 1.5, "transition": {"type": "fade", "duration": 0.5}},
  {"image": "slides/03.png", "narration": "audio/03.wav", "padding": 0.3,
   "transition": {"type": "fade", "duration": 0.5}},
  {"image": "slides/04.png", "duration": 1.0}],
 "output": {"width": 640, "height": 360, "fps": 25}}
JSON

# check FILE MIN_SECONDS: H.264 + AAC, long enough, and the sound track is not silent.
check() {
  local file=$1 min=$2
  test -s "$file" || { echo "no output at $file" >&2; exit 1; }
  ffprobe -v error -show_entries stream=codec_name:format=duration -of default=nw=1 "$file" \
    > "$WORK/probe.txt"
  grep -q 'codec_name=h264' "$WORK/probe.txt"
  grep -q 'codec_name=aac' "$WORK/probe.txt"
  awk -F= -v min="$min" '/duration/ { exit !($2 > min) }' "$WORK/probe.txt"
  local mean
  mean=$(ffmpeg -hide_banner -nostats -i "$file" -map 0:a -af volumedetect -f null - 2>&1 \
    | sed -n 's/.*mean_volume: \(-\?[0-9.]*\) dB.*/\1/p')
  awk -v m="$mean" 'BEGIN { exit !(m > -60) }' || { echo "$file: silent ($mean dB)" >&2; exit 1; }
  echo "  ok: $(basename "$file") $(tr '\n' ' ' < "$WORK/probe.txt") mean ${mean} dB"
}

# render LAUNCHER NAME [options...]: both decks, checked.
render() {
  local launcher=$1 name=$2
  shift 2
  "$launcher" render assets/sample-deck/deck.json -o "$WORK/$name-sample.mp4" "$@" 2> "$WORK/$name.log" \
    || { cat "$WORK/$name.log" >&2; exit 1; }
  grep -E '^(FFmpeg|why):' "$WORK/$name.log" | sed 's/^/  /'
  check "$WORK/$name-sample.mp4" 10
  "$launcher" render "$DECK/deck.json" -o "$WORK/$name-fades.mp4" "$@" 2> "$WORK/$name.log" \
    || { cat "$WORK/$name.log" >&2; exit 1; }
  check "$WORK/$name-fades.mp4" 4
}

echo "== built launcher, OmniVibe chooses"
./omnivibe encoders > "$WORK/encoders.txt"
head -n 2 "$WORK/encoders.txt"
# 5.1 is seen, passed over for lacking the -/option form, and the bundled build is used.
grep -q "system ffmpeg 5\.1.* can render only with older option forms" "$WORK/encoders.txt"
grep -q "using bundled FFmpeg" "$WORK/encoders.txt"
render ./omnivibe launcher
echo "== built launcher, --ffmpeg $SYSTEM_FFMPEG"
render ./omnivibe launcher-system --ffmpeg "$SYSTEM_FFMPEG"
grep -q "FFmpeg: ffmpeg 5\.1.* from --ffmpeg" "$WORK/launcher-system.log"

DEB=$(ls installers/target/omnivibe_*.deb 2>/dev/null | head -n 1 || true)
if [ -n "$DEB" ]; then
  dpkg -x "$DEB" "$WORK/root"
  APP="$WORK/root/opt/omnivibe/bin/omnivibe"
  echo "== unpacked $DEB, OmniVibe chooses"
  render "$APP" deb
  grep -q "using bundled FFmpeg" "$WORK/deb.log"
  echo "== unpacked $DEB, --ffmpeg $SYSTEM_FFMPEG"
  render "$APP" deb-system --ffmpeg "$SYSTEM_FFMPEG"
fi
echo "distro FFmpeg check passed"
