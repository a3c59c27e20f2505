#!/usr/bin/env bash
# Lists the tests surefire skipped, with their reasons, from the reports under the given modules.
#   .ci/skipped.sh [--none] MODULE...    --none: fail when any test was skipped
set -euo pipefail
none=0
if [ "${1:-}" = --none ]; then none=1; shift; fi
reports=()
for m in "$@"; do
  for f in "$m"/target/surefire-reports/TEST-*.xml; do
    [ -e "$f" ] && reports+=("$f")
  done
done
[ ${#reports[@]} -gt 0 ] || exit 0
found=$(perl "$(dirname "${BASH_SOURCE[0]}")/skipped.pl" "${reports[@]}")
if [ -n "$found" ]; then
  echo "$found"
  if [ "$none" = 1 ]; then
    echo "tests were skipped; CI installs everything they need, so none may be" >&2
    exit 1
  fi
fi
exit 0
