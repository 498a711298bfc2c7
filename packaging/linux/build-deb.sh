#!/usr/bin/env bash
# Build a Debian/Ubuntu package from the PyInstaller folder (see packaging/README.md).
#
#     python packaging/build.py                 # runs PyInstaller, then this script
#     packaging/linux/build-deb.sh              # gives dist/tierslieu-desktop_<version>_<arch>.deb
#
# The package puts the build in /opt/tierslieu, the command in /usr/bin/tierslieu, and the
# desktop entry, AppStream metadata and icons where menus and software centres look.
# It has no maintainer scripts (no preinst, postinst, prerm, postrm): installing, upgrading
# and removing it only adds or removes the files listed here, never the users' data, which
# the application keeps in each user's data folder (~/.local/share/TiersLieu/...).
# tests/unit/test_packaging_bundle.py checks that this stays so.
#
# Environment (for packaging/ci_bundle.sh's upgrade test): DEB_VERSION overrides the
# version of pyproject.toml; DEB_COMPRESSION is dpkg-deb's -Z (xz by default, none is fast).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD=dist/tierslieu
VERSION=${DEB_VERSION:-$(awk -F'"' '/^version = / {print $2; exit}' pyproject.toml)}
COMPRESSION=${DEB_COMPRESSION:-xz}
ARCH=$(dpkg --print-architecture)
# The bundle runs on the C library it was built with, or a newer one.
GLIBC=$(ldd --version | awk 'NR == 1 {print $NF}')
[ -x "$BUILD/tierslieu" ] || { echo "no $BUILD/tierslieu: run python packaging/build.py first" >&2; exit 1; }

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
# Files readable by every user, whatever the umask of the build.
chmod -R u+rwX,go+rX,go-w "$ROOTDIR/opt" "$ROOTDIR/usr"

SIZE=$(du -sk "$ROOTDIR" | cut -f1)
cat > "$ROOTDIR/DEBIAN/control" <<EOF
Package: tierslieu-desktop
Version: $VERSION
Architecture: $ARCH
Maintainer: TiersLieu <contact@tierslieu.invalid>
Installed-Size: $SIZE
Depends: libc6 (>= $GLIBC), libgl1, libegl1, libxkbcommon0, libfontconfig1, libdbus-1-3, libxcb-icccm4, libxcb-keysyms1, libcups2, tzdata
Section: misc
Priority: optional
Homepage: https://tierslieu.invalid
Description: run a rural fablab or third place, offline
 Members and memberships, machine park and spaces, authorizations, bookings,
 checkout, invoices and reports, for the front-desk computer of a fablab or
 tiers-lieu. The data stays in each user's data folder; removing the package
 leaves it there.
EOF

mkdir -p dist
OUT="dist/tierslieu-desktop_${VERSION}_${ARCH}.deb"
FAKEROOT=""
[ "$(id -u)" -eq 0 ] || FAKEROOT="fakeroot"
$FAKEROOT dpkg-deb --root-owner-group --build "-Z$COMPRESSION" "$ROOTDIR" "$OUT" >/dev/null
echo "wrote $OUT"
