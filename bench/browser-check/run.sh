#!/usr/bin/env bash
# Browser playback check (manual, not part of CI): plays VIDEO.mp4 in Debian's headless Chromium
# and prints the pixel at the centre column, quarter height, at each time, next to FFmpeg's.
#   bench/browser-check/run.sh VIDEO.mp4 [TIMES...]
# Needs: apt-get install chromium nodejs npm (the script installs playwright-core locally).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VIDEO="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; shift
TIMES=("${@:-1.0}")
[ -d "$HERE/node_modules/playwright-core" ] || (cd "$HERE" && npm install --no-save --silent playwright-core@1)
PORT=$((20000 + RANDOM % 20000))
(cd "$(dirname "$VIDEO")" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
sleep 1
echo "chromium: $(node "$HERE/check.js" "http://127.0.0.1:$PORT/$(basename "$VIDEO")" "${TIMES[@]}")"
FFMPEG="${OMNIVIBE_FFMPEG:-$(ls ~/.cache/omnivibe/javacpp/ffmpeg-*/org/bytedeco/ffmpeg/*/ffmpeg 2>/dev/null | head -1)}"
export LD_LIBRARY_PATH="$(dirname "$FFMPEG")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
for t in "${TIMES[@]}"; do
  echo "ffmpeg t=$t: $("$FFMPEG" -hide_banner -v error -ss "$t" -i "$VIDEO" -frames:v 1 \
    -vf 'crop=w=1:h=1:x=iw/2:y=ih/4,format=rgb24' -f rawvideo - | od -An -tu1 | tr -s ' ')"
done
