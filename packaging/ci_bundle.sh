#!/usr/bin/env bash
# CI (called by .ci/run after the test suite): build the Linux bundle and the .deb, then
# check them as a user would, outside any virtual environment. 6 to 8 minutes alone on 2
# cores (21 measured with four other test suites beside it; see packaging/README.md).
#
# 1. a throw-away build venv (packaging/requirements-build.txt: PyInstaller pinned), so the
#    test venv .venv is untouched; packaging/build.py builds dist/tierslieu/ and the .deb;
# 2. packaging/smoke.py runs the bundle with the system's python3 (standard library only):
#    demo, Factur-X invoice (fonts embedded, XML inside), annual report, verify, the window
#    painted offscreen (dist/smoke-window.png);
# 3. tests/bench/bench_bundle.py: the bundle's size and its start against the venv's;
# 4. the .deb as root: an older version installed, a database created in the user's data
#    folder, the new version installed over it (data kept, still verified), the installed
#    command smoke-tested, then the package removed and purged (data still there).
set -euo pipefail
cd "$(dirname "$0")/.."
STARTED=$(date +%s)
step() { echo "+ [$(($(date +%s) - STARTED)) s] $*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "ci_bundle.sh installs a .deb: run it as root (CI is)" >&2
  exit 1
fi
# strip for PyInstaller; CUPS and time zones, which the .deb depends on; the two XCB
# libraries Qt's X11 plugin needs that a bare system lacks (then bundled, and depended on)
missing=""
for p in binutils libcups2 tzdata libxcb-icccm4 libxcb-keysyms1; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq $missing >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $missing >/dev/null; }
fi

WORK=$(mktemp -d /tmp/tierslieu-ci-bundle.XXXXXX)
cleanup() {
  dpkg -s tierslieu-desktop >/dev/null 2>&1 && dpkg -P tierslieu-desktop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

step "build venv"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q . -r packaging/requirements-build.txt
rm -rf dist/tierslieu
step "bundle and .deb (packaging/build.py)"
"$WORK/venv/bin/python" packaging/build.py

step "smoke test of the bundle, outside any venv"
env -u VIRTUAL_ENV -u PYTHONPATH python3 packaging/smoke.py dist/tierslieu/tierslieu \
  --shot dist/smoke-window.png --keep "$WORK/smoke"

step "size and start (tests/bench/bench_bundle.py, on the smoke test's demo)"
# The size fails the run; the start ratio is printed only: five starts on a machine shared
# with other jobs vary by ±40 % (1.31 and 1.53 measured on the same code).
"$WORK/venv/bin/python" tests/bench/bench_bundle.py --bundle dist/tierslieu \
  --db "$WORK/smoke/demo.sqlite" --start-not-judged

VERSION=$(awk -F'"' '/^version = / {print $2; exit}' pyproject.toml)
ARCH=$(dpkg --print-architecture)
NEW_DEB="dist/tierslieu-desktop_${VERSION}_${ARCH}.deb"
OLD_VERSION="0.0.0~ci"
step "an older .deb ($OLD_VERSION), installed, with a database in the user's data folder"
DEB_VERSION=$OLD_VERSION DEB_COMPRESSION=none bash packaging/linux/build-deb.sh
OLD_DEB="dist/tierslieu-desktop_${OLD_VERSION}_${ARCH}.deb"
dpkg -P tierslieu-desktop >/dev/null 2>&1 || true
dpkg -i "$OLD_DEB" >/dev/null
USER_HOME="$WORK/home"
mkdir -p "$USER_HOME"
# the demo's administrator: since issue 19 every command on a database with accounts logs in
as_user() {
  env -i PATH=/usr/bin:/bin HOME="$USER_HOME" QT_QPA_PLATFORM=offscreen \
    TIERSLIEU_USER=admin TIERSLIEU_PASSWORD=demo "$@"
}
as_user tierslieu demo >/dev/null
DATA_DB=$(find "$USER_HOME/.local/share" -name '*.sqlite' -print -quit)
[ -n "$DATA_DB" ] || { echo "no database in $USER_HOME/.local/share" >&2; exit 1; }
BEFORE=$(sha256sum "$DATA_DB" | cut -d' ' -f1)

step "upgrade to $NEW_DEB over it"
dpkg -i "$NEW_DEB" >/dev/null
[ "$(dpkg-query -W -f='${Version}' tierslieu-desktop)" = "$VERSION" ]
[ "$(sha256sum "$DATA_DB" | cut -d' ' -f1)" = "$BEFORE" ] || { echo "the upgrade changed $DATA_DB" >&2; exit 1; }
as_user tierslieu --version | grep -qw "$VERSION"
as_user tierslieu verify --db "$DATA_DB"
BEFORE=$(sha256sum "$DATA_DB" | cut -d' ' -f1)  # as the new version left it
test -f /usr/share/applications/tierslieu.desktop
test -f /usr/share/metainfo/fr.tierslieu.Desktop.metainfo.xml
test -f /usr/share/icons/hicolor/scalable/apps/tierslieu.svg

step "smoke test of the installed command"
env -u VIRTUAL_ENV -u PYTHONPATH python3 packaging/smoke.py tierslieu

step "uninstall: the program goes, the data stays"
dpkg -r tierslieu-desktop >/dev/null 2>&1  # (dpkg says /opt is not empty: other programs')
dpkg -P tierslieu-desktop >/dev/null 2>&1
[ ! -e /opt/tierslieu ] && [ ! -e /usr/bin/tierslieu ] || { echo "files left after dpkg -P" >&2; exit 1; }
[ "$(sha256sum "$DATA_DB" | cut -d' ' -f1)" = "$BEFORE" ] || { echo "uninstalling touched $DATA_DB" >&2; exit 1; }
rm -f "$OLD_DEB"

echo "packaging/ci_bundle.sh: bundle, .deb, upgrade and uninstall passed in $(($(date +%s) - STARTED)) s"
