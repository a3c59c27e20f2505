#!/usr/bin/env bash
# On a machine with an NVIDIA GPU: trial-encode h264_nvenc and hevc_nvenc with the FFmpeg that
# OmniVibe picks (and every other usable build), print FFmpeg's own output, the GPU and driver,
# and OmniVibe's classification. Run from a checkout where ./omnivibe has been built.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export OMNIVIBE_HOME="${OMNIVIBE_HOME:-$(mktemp -d)}"
echo "== GPU and driver"
cat /proc/driver/nvidia/version 2>/dev/null | head -n 1
for f in /proc/driver/nvidia/gpus/*/information; do grep -h '^Model' "$f"; done 2>/dev/null
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null
echo "== OmniVibe's choice and classification"
./omnivibe encoders --refresh | grep -E '^(FFmpeg|Why)|nvenc'
FFMPEG=$(./omnivibe encoders --json | sed -n 's/^  "ffmpeg" : "\(.*\)",$/\1/p' | tail -n 1)
echo "== FFmpeg's own output ($FFMPEG)"
for enc in h264_nvenc hevc_nvenc; do
  echo "-- $enc"
  LD_LIBRARY_PATH="$(dirname "$FFMPEG")" "$FFMPEG" -hide_banner -nostdin -loglevel error \
    -f lavfi -i color=c=gray:s=320x240:r=30:d=0.2 -frames:v 3 -c:v "$enc" -f null - 2>&1
  echo "rc=$?"
done
