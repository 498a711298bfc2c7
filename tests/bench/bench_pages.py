"""Benchmark: every page and tab of the real window on the large demo, painted, and the
process's memory after each.

Run from the project root:
    python tests/bench/bench_pages.py [--db FILE] [--rounds N] [--smoke]

On a temporary copy of the large demo (the window writes to the file it opens: the
operator), the main window (1280×800, French) visits each page of the sidebar, then each
tab of that page (nested tabs too, their parents' tabs selected first), in three rounds.
A step is timed from the click (``show_page`` / ``setCurrentIndex``) until the window is
painted again: the events it queued processed, the workers it started (the thread pool)
finished and their results processed, then a synchronous ``repaint`` of the window. The
first round builds each page (pages are built when first shown): its time is printed
apart as « first »; the target is judged on the median of the rounds. After each step of
the first round (the pages being built one by one) the process's resident memory
(``VmRSS``) and its peak so far (``VmHWM``) are read from ``/proc/self/status`` (Linux);
the peak printed last covers every round.
Targets: every step's median <= 300 ms; peak RSS <= 250 MB after every page and tab.
``--smoke --db SMALL``: one round on a small demo, targets not judged.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_search import bench_database

TARGET_MS = 300.0
TARGET_PEAK_MB = 250.0
WINDOW = (1280, 800)


def memory_mb() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MB (0 where /proc is missing)."""
    values = {"VmRSS": 0.0, "VmHWM": 0.0}
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in values:
                    values[key] = int(rest.split()[0]) / 1024
    except OSError:
        pass
    return values["VmRSS"], values["VmHWM"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="large demo file (default: cached temp file)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="one round on --db (small demo)")
    args = parser.parse_args(argv)
    source = bench_database(args.db, smoke=args.smoke)
    rounds = 1 if args.smoke else args.rounds

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication, QStackedWidget, QTabWidget, QWidget

    from tierslieu_desktop.app import build_main_window, create_application, install_translators
    from tierslieu_desktop.db.engine import open_database

    app = create_application()
    install_translators(app, "fr")
    pool = QThreadPool.globalInstance()

    def settle() -> None:
        """Queued events, then the workers and what they send back, then a paint."""
        QApplication.processEvents()
        while pool.activeThreadCount():
            pool.waitForDone(20)
            QApplication.processEvents()
        QApplication.processEvents()
        window.repaint()

    with tempfile.TemporaryDirectory(prefix="tierslieu-pages-") as folder:
        path = Path(folder) / "demo.sqlite"
        shutil.copyfile(source, path)
        db = open_database(str(path))
        t0 = time.perf_counter()
        _ctx, window = build_main_window(db, "fr")  # builds and shows Accueil
        window.resize(*WINDOW)
        window.show()
        settle()
        start_ms = (time.perf_counter() - t0) * 1000
        rss, hwm = memory_mb()
        print(f"database: {source} (a copy)   window {WINDOW[0]}×{WINDOW[1]}   rounds: {rounds}")
        print(f"window built with Accueil: {start_ms:.0f} ms, RSS {rss:.0f} MB")

        def select_tab_path(tabs: QTabWidget) -> str:
            """Make ``tabs`` visible: each enclosing tab widget shows the tab holding it.
            Returns those tabs' names (« Tarifs › » for the tabs inside Tarifs)."""
            names: list[str] = []
            widget: QWidget | None = tabs
            while widget is not None:
                parent = widget.parentWidget()
                holder = parent.parentWidget() if parent is not None else None
                if isinstance(parent, QStackedWidget) and isinstance(holder, QTabWidget):
                    holder.setCurrentWidget(widget)
                    names.insert(0, holder.tabText(holder.indexOf(widget)).replace("&", ""))
                widget = parent
            return "".join(f"{name} › " for name in names)

        # step name -> [ms per round], and the memory read after its first visit
        times: dict[str, list[float]] = {}
        memory: dict[str, tuple[float, float]] = {}

        def step(name: str, action: Callable[[], object]) -> None:
            t = time.perf_counter()
            action()
            settle()
            times.setdefault(name, []).append((time.perf_counter() - t) * 1000)
            memory.setdefault(name, memory_mb())  # as the pages get built, round 1

        for _ in range(rounds):
            for key in window.PAGE_KEYS:
                title = window.sidebar.item(window.PAGE_KEYS.index(key)).text()
                step(title, lambda k=key: window.show_page(k))
                page = window.page(key)
                for tabs in page.findChildren(QTabWidget):
                    prefix = select_tab_path(tabs)
                    settle()
                    for i in range(tabs.count()):
                        label = prefix + tabs.tabText(i).replace("&", "")
                        step(f"{title} › {label}", lambda t=tabs, n=i: t.setCurrentIndex(n))
                    tabs.setCurrentIndex(0)  # each round sees the page as first opened
                    settle()
        window.close()
        QApplication.processEvents()
        db.dispose()

    width = max(len(name) for name in times) + 2
    print(
        f"{'step':<{width}} {'first':>8} {'median':>8}  {'target':>8}  "
        f"{'':6} {'RSS MB':>7} {'peak MB':>8}"
    )
    missed = []
    for name, values in times.items():
        median = statistics.median(values)
        met = median <= TARGET_MS
        if not met:
            missed.append(name)
        rss, hwm = memory[name]
        verdict = "" if args.smoke else ("met" if met else "MISSED")
        print(
            f"{name:<{width}} {values[0]:7.0f}  {median:7.0f}  {'≤ 300 ms':>8}  "
            f"{verdict:6} {rss:7.0f} {hwm:8.0f}"
        )
    peak = max(memory_mb()[1], *(hwm for _rss, hwm in memory.values()))  # every round
    print(f"{len(times)} steps; peak RSS (VmHWM) {peak:.0f} MB")
    if args.smoke:
        print("smoke run: targets not judged")
        return 0
    peak_met = peak <= TARGET_PEAK_MB
    print(
        f"target every step median ≤ {TARGET_MS:.0f} ms: "
        f"{'met' if not missed else 'MISSED (' + ', '.join(missed) + ')'}"
    )
    print(f"target peak RSS ≤ {TARGET_PEAK_MB:.0f} MB: {'met' if peak_met else 'MISSED'}")
    return 0 if peak_met and not missed else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip PySide's teardown of the window at interpreter exit
