#!/usr/bin/env bash
# Trims the libraries a Linux package carries to what the product loads on this machine type:
#   - sqlite-jdbc and webp-imageio keep only their Linux/<arch> native library (they ship ~60
#     for every OS and CPU);
#   - the FFmpeg jar loses the JNI wrappers (OmniVibe runs the ffmpeg and ffprobe programs and
#     never loads FFmpeg into the JVM) and stores its libraries uncompressed, so that the
#     package's xz compresses them (a third smaller than deflate inside the jar).
#   installers/slim-jars.sh LIB_FOLDER
set -euo pipefail
LIB="${1:?usage: installers/slim-jars.sh LIB_FOLDER}"
command -v zip >/dev/null || { echo "zip is not installed (Debian: apt-get install zip)" >&2; exit 1; }
case "$(uname -m)" in
  x86_64 | amd64) ARCH=x86_64 ;;
  aarch64 | arm64) ARCH=aarch64 ;;
  *) ARCH="$(uname -m)" ;;
esac

# Deletes every file under PREFIX in JAR except those under PREFIX/Linux/ARCH/.
keep_linux() {
  local jar="$1" prefix="$2"
  unzip -Z1 "$jar" | grep "^$prefix" | grep -v '/$' | grep -v "^${prefix}Linux/${ARCH}/" \
    | zip -q -d "$jar" -@ || true
}
for jar in "$LIB"/sqlite-jdbc-*.jar; do keep_linux "$jar" org/sqlite/native/; done
for jar in "$LIB"/webp-imageio-*.jar; do keep_linux "$jar" native/; done

for jar in "$LIB"/ffmpeg-*-linux-*.jar; do
  [ -f "$jar" ] || continue
  out="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
  tmp="$(mktemp -d)"
  unzip -q "$out" -d "$tmp"
  find "$tmp" -name 'libjni*.so' -delete
  rm -rf "$tmp/META-INF/native-image"
  rm "$out"
  # The manifest first, as jar tools expect; -0 stores, -X leaves out extra file attributes.
  (cd "$tmp" && zip -q -0 -X "$out" META-INF/MANIFEST.MF && zip -q -0 -X -r "$out" . -x META-INF/MANIFEST.MF)
  rm -rf "$tmp"
done
