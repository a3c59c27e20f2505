#!/usr/bin/env bash
# Adds to jpackage's .deb what a Debian user expects of a command-line tool and desktop app:
#   /usr/bin/omnivibe (a link to the launcher), the man page, bash completion, AppStream metadata
#   for software centres, and Recommends: espeak-ng (spoken slides; renders work without it).
#   installers/finish-deb.sh VERSION        (after jpackage, from the repository root)
set -euo pipefail
VERSION="${1:?usage: installers/finish-deb.sh VERSION}"
OUT=installers/target
DEB=$(ls "$OUT"/omnivibe_*.deb | head -n 1)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
dpkg-deb -R "$DEB" "$WORK/pkg"
P="$WORK/pkg"

mkdir -p "$P/usr/bin" "$P/usr/share/man/man1" "$P/usr/share/bash-completion/completions" \
  "$P/usr/share/metainfo"
# Relative, so that the link also resolves in a tree unpacked with dpkg -x.
ln -s ../../opt/omnivibe/bin/omnivibe "$P/usr/bin/omnivibe"
gzip -9n < "$OUT/docs/omnivibe.1" > "$P/usr/share/man/man1/omnivibe.1.gz"
install -m 644 "$OUT/docs/omnivibe.bash" "$P/usr/share/bash-completion/completions/omnivibe"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" \
  installers/resources/linux/dev.omnivibe.Workstation.metainfo.xml \
  > "$P/usr/share/metainfo/dev.omnivibe.Workstation.metainfo.xml"

# The app's class-data-sharing archive is made where it is used (omnivibe-cds.sh says why), and
# removed with the package, since dpkg does not know the file.
CDS_SCRIPT=/opt/omnivibe/lib/app/omnivibe-cds.sh
for script in postinst prerm; do
  [ -f "$P/DEBIAN/$script" ] || printf '#!/bin/sh\nset -e\nexit 0\n' > "$P/DEBIAN/$script"
  chmod 755 "$P/DEBIAN/$script"
done
sed -i "0,/^exit 0/s||$CDS_SCRIPT \|\| true\nexit 0|" "$P/DEBIAN/postinst"
sed -i "0,/^exit 0/s||rm -f /opt/omnivibe/lib/app/omnivibe.jsa\nexit 0|" "$P/DEBIAN/prerm"
grep -q "$CDS_SCRIPT" "$P/DEBIAN/postinst" || { echo "finish-deb: postinst has no 'exit 0' line" >&2; exit 1; }

CONTROL="$P/DEBIAN/control"
grep -q '^Recommends:' "$CONTROL" || sed -i '/^Depends:/a Recommends: espeak-ng' "$CONTROL"
SIZE=$(du -sk --exclude=DEBIAN "$P" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $SIZE/" "$CONTROL"

rm "$DEB"
dpkg-deb --root-owner-group -Zxz -z9 --build "$P" "$DEB" >/dev/null
echo "finished $DEB ($(du -h "$DEB" | cut -f1))"
