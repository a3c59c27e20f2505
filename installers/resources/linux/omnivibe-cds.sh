#!/bin/sh
# Makes the app's class-data-sharing archive (lib/app/omnivibe.jsa), which the launcher maps at
# every start instead of loading and verifying picocli, Jackson and the engine one class at a
# time. It must be dumped by the installed runtime against the installed jars (the JVM checks
# their paths, sizes and dates), so the package's postinst runs this on the user's machine; the
# class list comes from a training render at build time. When the dump fails, the runtime's
# default archive takes its place: the launcher names the file, and with no file there the JVM
# would map no archive at all.
set -u
APP="$(cd "$(dirname "$0")" && pwd)"
LIB="$(dirname "$APP")"
JSA="$APP/omnivibe.jsa"
# The class path exactly as the launcher passes it (jpackage's omnivibe.cfg): the JVM maps the
# app's classes only when it starts with the dump's class path.
CP=$(sed -n 's/^app\.classpath=//p' "$APP/omnivibe.cfg" | sed "s|\$APPDIR|$APP|g" | paste -sd: -)
rm -f "$JSA"
if ! "$LIB/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$APP/omnivibe.classlist" \
  -XX:SharedArchiveFile="$JSA" -cp "${CP:-$APP/omnivibe-app.jar}" >/dev/null 2>&1 || [ ! -s "$JSA" ]; then
  cp "$LIB/runtime/lib/server/classes.jsa" "$JSA"
fi
