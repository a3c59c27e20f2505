#!/usr/bin/env bash
# Native packages with jpackage: a jlink-trimmed runtime plus the app and its libraries, which
# include the bundled FFmpeg for the platform the build runs on (the bytedeco classifier).
#   installers/build.sh deb|rpm        on Linux
#   installers/build.sh msi            on Windows (needs the WiX Toolset on PATH)
#   installers/build.sh dmg            on macOS
#   installers/build.sh app-image      a folder with the launcher, on any OS
# The package is written to installers/target/.
set -euo pipefail
TYPE="${1:?usage: installers/build.sh deb|rpm|msi|dmg|app-image}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=installers/target
VERSION=0.1.0
case "$TYPE" in
  deb|rpm|msi|dmg|app-image) ;;
  *) echo "unknown package type '$TYPE' (deb, rpm, msi, dmg or app-image)" >&2; exit 2 ;;
esac
command -v jpackage >/dev/null || { echo "jpackage not found: use a full JDK 17+" >&2; exit 1; }

# A library left in app/target/lib by an earlier build would be packaged too.
rm -rf app/target/lib
./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -Dspotless.check.skip=true -pl app -am package
rm -rf "$OUT/input" "$OUT/runtime" "$OUT/app-image"
mkdir -p "$OUT/input/lib"
cp app/target/omnivibe-app.jar "$OUT/input/"
if [ "$TYPE" = deb ]; then
  # The class list of a training render (the launcher makes it with its own archive) and the
  # script the package's postinst runs to dump the app's archive on the user's machine.
  OMNIVIBE_NO_BUILD=1 OMNIVIBE_NO_CDS= ./omnivibe --version >/dev/null
  [ -s app/target/omnivibe.classlist ] || {
    echo "build.sh: the launcher's training render made no class list (app/target/omnivibe.classlist)" >&2
    exit 1
  }
  cp app/target/omnivibe.classlist installers/resources/linux/omnivibe-cds.sh "$OUT/input/"
fi
cp app/target/lib/*.jar "$OUT/input/lib/"
COMPRESS=2
if [ "$(uname -s)" = Linux ]; then
  installers/slim-jars.sh "$OUT/input/lib"
  # The man page and bash completion, from the same command model as --help.
  java -cp "$OUT/input/omnivibe-app.jar:$OUT/input/lib/*" dev.omnivibe.app.cli.Docs "$OUT/docs"
  # deb and rpm compress the whole package with xz, which does better on an uncompressed image.
  case "$TYPE" in deb|rpm) COMPRESS=0 ;; esac
fi

# Modules from `jdeps --print-module-deps` over the app and its libraries, plus TLS (EC keys)
# and zip file systems, which are loaded by name and invisible to jdeps.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.net,jdk.unsupported,jdk.zipfs
# --generate-cds-archive: the runtime's default class-data-sharing archive, which the JDK has and
# a jlink image lacks unless asked; it saves the JVM's start about a tenth of a second.
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress="$COMPRESS" --generate-cds-archive --output "$OUT/runtime"
if command -v strip >/dev/null && [ "$(uname -s)" = Linux ]; then
  # Debian's JDK ships libjvm.so with its symbol table (4 MB of 24).
  find "$OUT/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi

COMMON=(--name omnivibe --app-version "$VERSION" --vendor "OmniVibe" \
  --description "Turn slide decks into MP4 videos on your own machine" \
  --input "$OUT/input" --main-jar omnivibe-app.jar --main-class dev.omnivibe.app.Launcher \
  --runtime-image "$OUT/runtime" --dest "$OUT" \
  --java-options "-XX:+UseSerialGC")
case "$TYPE" in
  deb|rpm)
    DEPS="libgtk-3-0, libpulse0, libasound2, libxcb1, libxcb-shm0, libudev1"
    [ "$TYPE" = rpm ] && DEPS="gtk3, pulseaudio-libs, alsa-lib, libxcb, systemd-libs"
    # The .deb's postinst makes lib/app/omnivibe.jsa (omnivibe-cds.sh); the rpm has no such step.
    CDS=()
    [ "$TYPE" = deb ] && CDS=(--java-options '-XX:SharedArchiveFile=$APPDIR/omnivibe.jsa')
    jpackage --type "$TYPE" "${COMMON[@]}" "${CDS[@]}" --icon installers/resources/omnivibe.png \
      --linux-package-name omnivibe --linux-shortcut --linux-menu-group "AudioVideo;Video" \
      --linux-app-category video --linux-package-deps "$DEPS" \
      --resource-dir installers/resources/linux --linux-deb-maintainer "team@omnivibe.dev" \
      --file-associations installers/resources/deck-association.properties
    [ "$TYPE" = deb ] && installers/finish-deb.sh "$VERSION" ;;
  msi)
    jpackage --type msi "${COMMON[@]}" --win-menu --win-shortcut --win-dir-chooser \
      --file-associations installers/resources/deck-association.properties ;;
  dmg)
    jpackage --type dmg "${COMMON[@]}" --mac-package-name OmniVibe \
      --file-associations installers/resources/deck-association.properties ;;
  app-image)
    jpackage --type app-image "${COMMON[@]}" ;;
esac
ls -la "$OUT" | grep -E "\.(deb|rpm|msi|dmg)$|omnivibe$" || true
