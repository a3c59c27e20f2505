#!/usr/bin/env bash
# The app's tests, windows included, with the Monocle that matches JavaFX 21 (openjfx-monocle
# 21.0.2). Its classes are Java 21 bytecode, so they run on the machine's JDK 21 or newer, where
# the profile "matching-monocle" picks it; the README's test command runs the same tests on JDK 17
# with Monocle 17.0.10 (ADR 14). Fails when the tests fail or when another Monocle was used.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
jdk=""
for dir in ${JAVA21_HOME:-} /usr/lib/jvm/*; do
  [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
  v=$(feature "$dir")
  [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] && { jdk="$dir"; break; }
done
if [ -z "$jdk" ]; then
  # Debian 13 and Ubuntu 24.04 package one; Debian 12 has none (set JAVA21_HOME to a JDK).
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      openjdk-21-jdk-headless >/dev/null 2>&1 || true
    [ -x /usr/lib/jvm/java-21-openjdk-amd64/bin/javac ] && jdk=/usr/lib/jvm/java-21-openjdk-amd64
  fi
fi
if [ -z "$jdk" ]; then
  echo "matching-monocle: NOT RUN: no JDK 21 or newer on this machine (set JAVA21_HOME)" >&2
  exit 0
fi
echo "matching-monocle: $("$jdk/bin/java" -version 2>&1 | head -1) at $jdk"
rm -rf app/target/surefire-reports
JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH" ./mvnw -B -Dspotless.check.skip=true -pl app -am test \
  -Dtest='dev/omnivibe/app/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false
used=$(grep -ho 'openjfx-monocle-[0-9.]*\.jar' app/target/surefire-reports/TEST-*.xml | sort -u)
if [ "$used" != "openjfx-monocle-21.0.2.jar" ]; then
  echo "matching-monocle: the tests ran with '${used:-no Monocle}', not openjfx-monocle-21.0.2.jar" >&2
  exit 1
fi
.ci/skipped.sh --none app
echo "matching-monocle: $(grep -ho 'tests="[0-9]*"' app/target/surefire-reports/TEST-*.xml | tr -dc '0-9\n' | paste -sd+ | bc) app tests passed with $used"
