"""Benchmark: time from launching the application to its main window's first paint, and
to Accueil's figures painted.

Run from the project root:
    python tests/bench/bench_startup.py [--db FILE] [--runs N] [--smoke]

Compares, as subprocesses in the same run, (a) ``python -m tierslieu_desktop --db COPY``
on a copy of the large demo (20,000 members; the application may write to the file it
opens: the operator, the anchors) with (b) a bare PySide6 script showing an empty
QMainWindow. Each is timed from just before the process is spawned to the first paint
event of its main window (``shown_at=``, printed by an event filter on ``QEvent.Paint``);
the application also prints ``figures_at=`` once Accueil's figures are painted
(``TIERSLIEU_EXIT_WHEN_SHOWN=1``, see ``app.py``), then quits.
Targets: first paint <= 2 x bare; figures painted <= 1.0 s.
Both start as an installed application does, from compiled bytecode: the warm-up run
writes it in the benchmark's temporary folder (``PYTHONPYCACHEPREFIX``), whatever
``PYTHONDONTWRITEBYTECODE`` says (a checkout run with it set compiles ~90 modules of
ours at every start: 0.1 s before the first paint, 0.2-0.3 s before the figures);
``--from-source`` times that instead.
``--smoke`` (with ``--db`` a small demo): one run of each, no warm-up, targets not judged.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import bench_database

TARGET_RATIO = 2.0
TARGET_FIGURES_S = 1.0

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"shown_at={time.time():.6f}", flush=True)
            window.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


def _env(tmp: Path, *, bytecode: bool = True) -> dict[str, str]:
    env = dict(os.environ)
    if bytecode:  # as installed (pip, the .deb, PyInstaller): modules read from .pyc
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")  # never beside the sources
    env["TIERSLIEU_EXIT_WHEN_SHOWN"] = "1"
    env["TIERSLIEU_CONFIG_DIR"] = str(tmp / "config")  # never the user's settings
    env["TIERSLIEU_DATA_DIR"] = str(tmp / "data")
    env.pop("TIERSLIEU_DB", None)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def spawn_times(
    cmd: list[str], env: dict[str, str], *, until: str | None = None
) -> dict[str, float]:
    """Seconds from the spawn to each ``name=epoch`` line the process prints. With
    ``until``, the process is stopped once it printed that name: after its figures the
    application runs its start checks (the ledger chain of a decade, the daily backup) and
    waits for them before it exits, minutes on a busy machine that time nothing."""
    start = time.time()
    if until is None:
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        code, out, err = result.returncode, result.stdout, result.stderr
    else:
        with tempfile.TemporaryFile("w+") as errors:
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
            lines = []
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if line.startswith(f"{until}="):
                    proc.terminate()
                    break
            proc.wait(timeout=900)
            code = 0 if any(line.startswith(f"{until}=") for line in lines) else proc.returncode
            out = "".join(lines)
            errors.seek(0)
            err = errors.read()
    times = {}
    for line in out.splitlines():
        name, _, value = line.partition("=")
        if name in ("shown_at", "figures_at"):
            times[name] = float(value) - start
    if "shown_at" not in times or code != 0:
        raise RuntimeError(f"{cmd[:3]} exited {code} with {times}:\n{err[-2000:]}")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="large demo file (default: cached temp file)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="one quick run on --db")
    parser.add_argument(
        "--from-source",
        action="store_true",
        help="no compiled bytecode: every module compiled at each start (as with "
        "PYTHONDONTWRITEBYTECODE=1 in a checkout)",
    )
    args = parser.parse_args(argv)

    source = bench_database(args.db, smoke=args.smoke)
    runs = 1 if args.smoke else args.runs
    with tempfile.TemporaryDirectory(prefix="tierslieu-bench-") as tmp:
        path = Path(tmp) / "demo.sqlite"
        shutil.copyfile(source, path)
        env = _env(Path(tmp), bytecode=not args.from_source)
        app_cmd = [sys.executable, "-m", "tierslieu_desktop", "--db", str(path)]
        bare_cmd = [sys.executable, "-c", BARE]
        # Timed runs stop the application at its figures (the smoke run goes to its end).
        until = None if args.smoke else "figures_at"
        if not args.smoke:
            # One run of each, not counted: warms the OS file cache (and migrates the
            # copy if it comes from an older version, so the runs time a current file).
            spawn_times(app_cmd, env, until=until)
            spawn_times(bare_cmd, env)
        paint, figures, bare = [], [], []
        for _ in range(runs):  # interleaved, so that a busy moment hits both
            app_t = spawn_times(app_cmd, env, until=until)
            paint.append(app_t["shown_at"])
            figures.append(app_t.get("figures_at", float("inf")))
            bare.append(spawn_times(bare_cmd, env)["shown_at"])

    platform = env.get("QT_QPA_PLATFORM", "default")
    paint_med, fig_med = statistics.median(paint), statistics.median(figures)
    bare_med = statistics.median(bare)
    ratio = paint_med / bare_med

    def listed(values: list[float]) -> str:
        return ", ".join(f"{s:.3f}" for s in values)

    warm = "" if args.smoke else " (+1 warm-up)"
    code = "compiled from source" if args.from_source else "bytecode"
    print(f"database: {source} (a copy)   QT_QPA_PLATFORM={platform}   runs: {runs}{warm}")
    print(f"  modules: {code}")
    print(f"  application first paint  median {paint_med:.3f} s   ({listed(paint)})")
    print(f"  Accueil figures painted  median {fig_med:.3f} s   ({listed(figures)})")
    print(f"  bare PySide6 first paint median {bare_med:.3f} s   ({listed(bare)})")
    print(f"  ratio first paint / bare {ratio:.2f}")
    if args.smoke:
        print("smoke run: targets not judged")
        return 0
    ok_ratio = ratio <= TARGET_RATIO
    ok_figures = fig_med <= TARGET_FIGURES_S
    print(f"target first paint <= {TARGET_RATIO:.0f} x bare: {'met' if ok_ratio else 'MISSED'}")
    print(f"target figures <= {TARGET_FIGURES_S} s: {'met' if ok_figures else 'MISSED'}")
    return 0 if ok_ratio and ok_figures else 1


if __name__ == "__main__":
    sys.exit(main())
