"""Build the installable application for the system it runs on (see packaging/README.md).

    python packaging/build.py [--no-installer]

Run it with a Python that has the application and PyInstaller installed, and nothing of
the tests (packaging/ci_bundle.sh makes such a throw-away venv:
``pip install . -r packaging/requirements-build.txt``). It writes:

- everywhere: the PyInstaller one-folder bundle ``dist/tierslieu/`` (packaging/tierslieu.spec);
- on Linux: ``dist/tierslieu-desktop_<version>_<arch>.deb`` (packaging/linux/build-deb.sh);
- on Windows: ``dist/installer/TiersLieuDesktop-<version>-setup.exe`` when Inno Setup's
  ``ISCC.exe`` is found (packaging/windows/tierslieu.iss);
- on macOS: ``dist/Tiers-Lieu Desktop.app`` and ``dist/TiersLieuDesktop-<version>.dmg``.

It prints the size of each and exits non-zero when a step fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "tierslieu"
APP_NAME = "Tiers-Lieu Desktop"
ISCC_DEFAULT = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")


def version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def folder_size(path: Path) -> int:
    """Bytes of the files under ``path`` (symbolic links not followed)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mib(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def run(cmd: list[str], **kwargs: object) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def build_bundle() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit(
            "build.py: PyInstaller is missing: pip install -r packaging/requirements-build.txt"
        )
    started = time.monotonic()
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "tierslieu.spec"),
        ]
    )
    print(f"bundle: {BUNDLE} {mib(folder_size(BUNDLE))} ({time.monotonic() - started:.0f} s)")


def build_deb() -> None:
    run(["bash", str(ROOT / "packaging" / "linux" / "build-deb.sh")])
    for deb in DIST.glob(f"tierslieu-desktop_{version()}_*.deb"):
        print(f"package: {deb} {mib(deb.stat().st_size)}")


def build_windows_installer() -> None:
    iscc = shutil.which("iscc") or shutil.which("ISCC") or str(ISCC_DEFAULT)
    if not Path(iscc).exists():
        print("no Inno Setup (ISCC.exe): the installer is not built", file=sys.stderr)
        return
    run([iscc, str(ROOT / "packaging" / "windows" / "tierslieu.iss")])
    for exe in (DIST / "installer").glob("*.exe"):
        print(f"installer: {exe} {mib(exe.stat().st_size)}")


def build_dmg() -> None:
    app = DIST / f"{APP_NAME}.app"
    dmg = DIST / f"TiersLieuDesktop-{version()}.dmg"
    dmg.unlink(missing_ok=True)
    run(
        [
            "hdiutil",
            "create",
            "-volname",
            APP_NAME,
            "-srcfolder",
            str(app),
            "-ov",
            "-format",
            "UDZO",
            str(dmg),
        ]
    )
    print(f"disk image: {dmg} {mib(dmg.stat().st_size)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-installer", action="store_true", help="the bundle only (no .deb, setup or .dmg)"
    )
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    build_bundle()
    if args.no_installer:
        return 0
    if sys.platform.startswith("linux"):
        build_deb()
    elif sys.platform == "win32":
        build_windows_installer()
    elif sys.platform == "darwin":
        build_dmg()
    return 0


if __name__ == "__main__":
    sys.exit(main())
