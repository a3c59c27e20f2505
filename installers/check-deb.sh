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
dpkg-deb -e "$DEB" "$WORK/control"
# Started through /usr/bin/omnivibe, the relative link the package adds, as a user types it.
APP="$WORK/root/usr/bin/omnivibe"
export OMNIVIBE_HOME="$WORK/home"   # data, caches and config of this check only
unset OMNIVIBE_FFMPEG OMNIVIBE_FFPROBE
# No JDK and no FFmpeg from the machine: the packaged app runs with an empty PATH, so only its
# own runtime and its bundled FFmpeg can be used.
mkdir "$WORK/empty"
run() { env PATH="$WORK/empty" "$APP" "$@"; }

BYTES=$(stat -c %s "$DEB")
echo "package: $DEB ($BYTES bytes)"
# Under 80 MB: the runtime is stripped and uncompressed for xz, the libraries carry only this
# machine type's natives (installers/slim-jars.sh).
[ "$BYTES" -lt 80000000 ] || { echo "the .deb is $BYTES bytes, over 80 MB" >&2; exit 1; }
# One deck per window: %f, not %F.
grep -q 'Exec=/opt/omnivibe/bin/omnivibe %f$' "$WORK"/root/opt/omnivibe/lib/*.desktop
grep -q 'application/x-omnivibe-deck' "$WORK"/root/opt/omnivibe/lib/*MimeInfo.xml
dpkg-deb -f "$DEB" Depends | grep -q libgtk-3-0
dpkg-deb -f "$DEB" Recommends | grep -q espeak-ng
dpkg-deb -c "$DEB" > "$WORK/files.txt"
for f in ./usr/bin/omnivibe ./usr/share/man/man1/omnivibe.1.gz \
  ./usr/share/bash-completion/completions/omnivibe \
  ./usr/share/metainfo/dev.omnivibe.Workstation.metainfo.xml \
  ./opt/omnivibe/lib/runtime/lib/server/classes.jsa; do
  grep -q " $f" "$WORK/files.txt" || { echo "the .deb lacks $f" >&2; exit 1; }
done
grep -q ' ./usr/bin/omnivibe -> ../../opt/omnivibe/bin/omnivibe' "$WORK/files.txt"
# Libraries for other systems and the FFmpeg JNI wrappers are not shipped.
for jar in "$WORK"/root/opt/omnivibe/lib/app/lib/{sqlite-jdbc,webp-imageio,ffmpeg-*-linux}*.jar; do
  if unzip -Z1 "$jar" | grep -v '/$' | grep -E '(Windows|Mac|FreeBSD|Android|Musl)/.|libjni.*\.so$'; then
    echo "$jar carries natives the product does not load" >&2; exit 1
  fi
done
bash -n "$WORK/root/usr/share/bash-completion/completions/omnivibe"
if command -v groff >/dev/null; then
  zcat "$WORK/root/usr/share/man/man1/omnivibe.1.gz" | groff -man -Tutf8 -ww -z 2>&1 | tee "$WORK/man.txt"
  [ ! -s "$WORK/man.txt" ]
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$WORK/root/usr/share/metainfo/dev.omnivibe.Workstation.metainfo.xml"
fi
# The app's own class-data-sharing archive: the postinst makes it, and the launcher maps the app's
# classes from it (a class path the archive does not match would silently load them from the jars).
grep -q '^/opt/omnivibe/lib/app/omnivibe-cds.sh' "$WORK/control/postinst"
grep -q '^rm -f /opt/omnivibe/lib/app/omnivibe.jsa' "$WORK/control/prerm"
"$WORK/root/opt/omnivibe/lib/app/omnivibe-cds.sh"
JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$WORK/classes.log" run --version >/dev/null 2>&1
grep -q 'dev.omnivibe.app.Launcher source: shared objects file' "$WORK/classes.log" \
  || { echo "the launcher did not map the app's classes from lib/app/omnivibe.jsa" >&2; exit 1; }
echo "app classes mapped from the archive: $(grep -c 'source: shared objects file' "$WORK/classes.log")"

run --version | tee "$WORK/version.txt"
grep -q "^OmniVibe Workstation $(sed -n 's/^VERSION=//p' installers/build.sh)" "$WORK/version.txt"

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
