"""Benchmark: time from launching the application to its main window on screen.

Run from the project root:  python tests/bench/bench_startup.py [--db FILE] [--runs N]

Compares, as subprocesses, (a) ``python -m tierslieu_desktop --db LARGE`` on the large
demo (20,000 members) with (b) a bare PySide6 script showing an empty QMainWindow.
Each measures from just before the process is spawned to the ``shown_at=`` time it
prints once its window is shown. Targets: app <= 1.5 s and app <= 2 x bare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import ensure_large_db

TARGET_SECONDS = 1.5
TARGET_RATIO = 2.0

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def report():
    print(f"shown_at={time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["TIERSLIEU_EXIT_WHEN_SHOWN"] = "1"
    env["TIERSLIEU_CONFIG_DIR"] = str(tmp / "config")  # never the user's settings
    env["TIERSLIEU_DATA_DIR"] = str(tmp / "data")
    env.pop("TIERSLIEU_DB", None)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def time_to_shown(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    for line in result.stdout.splitlines():
        if line.startswith("shown_at="):
            return float(line.removeprefix("shown_at=")) - start
    raise RuntimeError(
        f"{cmd[:3]} exited {result.returncode} without shown_at=:\n{result.stderr[-2000:]}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="large demo file (default: cached temp file)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    path, _build = ensure_large_db(args.db)
    with tempfile.TemporaryDirectory(prefix="tierslieu-bench-") as tmp:
        env = _env(Path(tmp))
        app_cmd = [sys.executable, "-m", "tierslieu_desktop", "--db", str(path)]
        bare_cmd = [sys.executable, "-c", BARE]
        # One run of each, not counted: warms the OS file cache (and migrates the
        # file if it comes from an older version, which then no longer changes it).
        time_to_shown(app_cmd, env)
        time_to_shown(bare_cmd, env)
        app_s, bare_s = [], []
        for _ in range(args.runs):  # interleaved, so that a busy moment hits both
            app_s.append(time_to_shown(app_cmd, env))
            bare_s.append(time_to_shown(bare_cmd, env))

    platform = env.get("QT_QPA_PLATFORM", "default")
    app_med, bare_med = statistics.median(app_s), statistics.median(bare_s)
    ratio = app_med / bare_med
    print(f"database: {path}   QT_QPA_PLATFORM={platform}   runs: {args.runs} (+1 warm-up)")
    print(f"  application  median {app_med:.3f} s   ({', '.join(f'{s:.3f}' for s in app_s)})")
    print(f"  bare PySide6 median {bare_med:.3f} s   ({', '.join(f'{s:.3f}' for s in bare_s)})")
    print(f"  ratio {ratio:.2f}")
    ok_abs = app_med <= TARGET_SECONDS
    ok_ratio = ratio <= TARGET_RATIO
    print(f"target app <= {TARGET_SECONDS} s: {'met' if ok_abs else 'MISSED'}")
    print(f"target app <= {TARGET_RATIO:.0f} x bare: {'met' if ok_ratio else 'MISSED'}")
    return 0 if ok_abs and ok_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
