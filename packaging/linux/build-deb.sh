#!/usr/bin/env bash
# Build a Debian/Ubuntu package from the PyInstaller folder (see packaging/README.md).
#
#     pyinstaller --noconfirm packaging/tierslieu.spec     # gives dist/tierslieu/
#     packaging/linux/build-deb.sh                          # gives dist/tierslieu_<version>_<arch>.deb
#
# The package puts the build in /opt/tierslieu, the command in /usr/bin/tierslieu, and the
# desktop entry, AppStream metadata and icons where menus and software centres look.
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD=dist/tierslieu
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n1)
ARCH=$(dpkg --print-architecture)
[ -x "$BUILD/tierslieu" ] || { echo "no $BUILD/tierslieu: run pyinstaller first" >&2; exit 1; }

ROOTDIR=$(mktemp -d)
trap 'rm -rf "$ROOTDIR"' EXIT
chmod 755 "$ROOTDIR"

install -d "$ROOTDIR/opt" "$ROOTDIR/usr/bin" "$ROOTDIR/DEBIAN"
cp -a "$BUILD" "$ROOTDIR/opt/tierslieu"
ln -s /opt/tierslieu/tierslieu "$ROOTDIR/usr/bin/tierslieu"
install -Dm644 packaging/tierslieu.desktop "$ROOTDIR/usr/share/applications/tierslieu.desktop"
install -Dm644 packaging/fr.tierslieu.Desktop.metainfo.xml \
  "$ROOTDIR/usr/share/metainfo/fr.tierslieu.Desktop.metainfo.xml"
install -Dm644 resources/tierslieu.svg "$ROOTDIR/usr/share/icons/hicolor/scalable/apps/tierslieu.svg"
install -Dm644 resources/tierslieu.png "$ROOTDIR/usr/share/icons/hicolor/256x256/apps/tierslieu.png"

SIZE=$(du -sk "$ROOTDIR" | cut -f1)
cat > "$ROOTDIR/DEBIAN/control" <<EOF
Package: tierslieu-desktop
Version: $VERSION
Architecture: $ARCH
Maintainer: TiersLieu <contact@tierslieu.invalid>
Installed-Size: $SIZE
Depends: libgl1, libegl1, libxkbcommon0, libfontconfig1, libdbus-1-3
Section: misc
Priority: optional
Description: run a rural fablab or third place, offline
 Members and memberships, machine park and spaces, authorizations, bookings,
 checkout and reports, for the front-desk computer of a fablab / tiers-lieu.
EOF

mkdir -p dist
OUT="dist/tierslieu-desktop_${VERSION}_${ARCH}.deb"
fakeroot dpkg-deb --build -Zxz "$ROOTDIR" "$OUT" >/dev/null
echo "wrote $OUT"
