"""Benchmark: the installed application's size, and its start against the venv's.

Run from the project root, after ``python packaging/build.py`` (or packaging/ci_bundle.sh):
    python tests/bench/bench_bundle.py [--bundle dist/tierslieu] [--db FILE] [--runs N] [--smoke]

Prints the size of the PyInstaller one-folder bundle (unpacked, as installed) and of the
.deb when there is one, then times, as subprocesses in the same run, (a) the bundle's
``tierslieu --db COPY`` and (b) ``python -m tierslieu_desktop --db COPY`` with this
Python (the venv), each from the spawn to the first paint of the main window
(``shown_at=``, ``TIERSLIEU_EXIT_WHEN_SHOWN=1``, see app.py); median of ``--runs``
interleaved runs after one warm-up of each, the first (coldest) runs printed apart. The
database is ``--db`` copied, or a small demo the bundle builds.
Targets: bundle <= 200 MB; bundle start <= 1.5 x the venv's.

``--smoke`` never builds nor runs a bundle (the test suite runs it: tests/ui/
test_bench_smoke.py): it reads packaging/tierslieu.spec's exclusion lists, times one start
of the venv on ``--db``, and prints the bundle's size only if one was built before.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import spawn_times

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "tierslieu.spec"
TARGET_MB = 200
TARGET_RATIO = 1.5


def spec_lists() -> dict[str, list[str]]:
    """The spec's top-level lists of literal strings (QT_EXCLUDED, EXCLUDED_MODULES, ...)."""
    lists: dict[str, list[str]] = {}
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.List)
            and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.value.elts
            )
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    lists[target.id] = [e.value for e in node.value.elts]  # type: ignore[attr-defined]
    return lists


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.lstat().st_size for p in files if not p.is_symlink()) / 2**20


def executable(bundle: Path) -> Path:
    return bundle / ("tierslieu.exe" if sys.platform == "win32" else "tierslieu")


def bundle_env(tmp: Path) -> dict[str, str]:
    """What a user's session has: no Python variables, data and settings in ``tmp``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.pop("TIERSLIEU_DB", None)
    env["TIERSLIEU_EXIT_WHEN_SHOWN"] = "1"
    env["TIERSLIEU_CONFIG_DIR"] = str(tmp / "config")
    env["TIERSLIEU_DATA_DIR"] = str(tmp / "data")
    env["TIERSLIEU_USER"], env["TIERSLIEU_PASSWORD"] = "admin", "demo"  # the demo's login
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def venv_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({k: v for k, v in bundle_env(tmp).items() if k.startswith(("TIERSLIEU", "QT_"))})
    env.pop("TIERSLIEU_DB", None)
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "tierslieu")
    parser.add_argument("--db", type=Path, help="database to start on (default: a small demo)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="no bundle run (see above)")
    parser.add_argument(
        "--start-not-judged",
        action="store_true",
        help="print the start ratio without failing on it (CI: timings on a shared machine)",
    )
    args = parser.parse_args(argv)

    lists = spec_lists()
    for name in ("QT_EXCLUDED", "EXCLUDED_MODULES", "BABEL_LOCALES"):
        print(f"spec {name}: {len(lists.get(name, []))} entries")
        if not lists.get(name):
            print(f"packaging/tierslieu.spec has no {name} list", file=sys.stderr)
            return 1
    exe = executable(args.bundle)
    built = exe.is_file()
    size = size_mb(args.bundle) if built else None
    debs = sorted((ROOT / "dist").glob("tierslieu-desktop_*.deb"))
    if size is not None:
        print(f"bundle {args.bundle}: {size:.0f} MB unpacked")
    for deb in debs:
        print(f"package {deb.name}: {size_mb(deb):.0f} MB")

    with tempfile.TemporaryDirectory(prefix="tierslieu-bench-") as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "demo.sqlite"
        venv_cmd = [sys.executable, "-m", "tierslieu_desktop", "--db", str(db)]
        if args.smoke:
            if args.db is None:
                print("--smoke needs --db (a small demo)", file=sys.stderr)
                return 2
            shutil.copyfile(args.db, db)
            venv = spawn_times(venv_cmd, venv_env(tmp))["shown_at"]
            print(f"  venv first paint {venv:.3f} s")
            print("smoke run: the bundle is not run, targets not judged")
            return 0
        if not built:
            print(f"no bundle at {args.bundle}: run python packaging/build.py", file=sys.stderr)
            return 2
        if args.db:
            shutil.copyfile(args.db, db)
        else:
            subprocess.run(
                [str(exe), "demo", "--db", str(db)],
                env=bundle_env(tmp),
                check=True,
                capture_output=True,
                timeout=300,
            )
        bundle_cmd = [str(exe), "--db", str(db)]
        first_bundle = spawn_times(bundle_cmd, bundle_env(tmp))["shown_at"]  # warm-ups
        first_venv = spawn_times(venv_cmd, venv_env(tmp))["shown_at"]
        bundle_t, venv_t = [], []
        for _ in range(args.runs):  # interleaved, so that a busy moment hits both
            bundle_t.append(spawn_times(bundle_cmd, bundle_env(tmp))["shown_at"])
            venv_t.append(spawn_times(venv_cmd, venv_env(tmp))["shown_at"])

    def listed(values: list[float]) -> str:
        return ", ".join(f"{s:.3f}" for s in values)

    bundle_med, venv_med = statistics.median(bundle_t), statistics.median(venv_t)
    ratio = bundle_med / venv_med
    print(
        f"runs: {args.runs} (+1 warm-up each)   QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}"
    )
    print(f"  first runs (coldest)    bundle {first_bundle:.3f} s   venv {first_venv:.3f} s")
    print(f"  bundle first paint      median {bundle_med:.3f} s   ({listed(bundle_t)})")
    print(f"  venv first paint        median {venv_med:.3f} s   ({listed(venv_t)})")
    print(f"  ratio bundle / venv     {ratio:.2f}")
    assert size is not None
    ok_size, ok_ratio = size <= TARGET_MB, ratio <= TARGET_RATIO
    print(f"target bundle <= {TARGET_MB} MB: {'met' if ok_size else 'MISSED'} ({size:.0f} MB)")
    print(f"target start <= {TARGET_RATIO} x venv: {'met' if ok_ratio else 'MISSED'} ({ratio:.2f})")
    if args.start_not_judged:
        print("start ratio printed, not judged (--start-not-judged)")
        return 0 if ok_size else 1
    return 0 if ok_size and ok_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
