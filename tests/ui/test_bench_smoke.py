"""Every benchmark of tests/bench runs in its quick ``--smoke`` mode on a small demo, so
that none can crash unnoticed (four of them once did, for months, on a changed demo).

Each runs as a subprocess, as ``python tests/bench/bench_x.py --smoke --db SMALL`` would
from a terminal: its own QApplication, its own temp files; the demo is built once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "tests" / "bench"

# Every benchmark, smoke-tested here...
SMOKE = [
    "bench_annual_report.py",
    "bench_bundle.py",
    "bench_booking_save.py",
    "bench_fec.py",
    "bench_finance.py",
    "bench_finances_page.py",
    "bench_imports.py",
    "bench_invoice_pdf.py",
    "bench_members_import.py",
    "bench_pages.py",
    "bench_pricing.py",
    "bench_search.py",
    "bench_startup.py",
    "bench_two_desks.py",
    "bench_verify.py",
    "bench_week_view.py",
]
# ... or by a test module of its own.
SMOKE_TESTED_ELSEWHERE = {"bench_growth.py", "bench_checkout_page.py"}


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory) -> Path:
    from tierslieu_desktop.demo.builder import build_demo

    path = tmp_path_factory.mktemp("bench-smoke") / "small.sqlite"
    build_demo(str(path), size="small")
    return path


def test_every_benchmark_has_a_smoke_run():
    present = {p.name for p in BENCH.glob("bench_*.py")}
    missing = present - set(SMOKE) - SMOKE_TESTED_ELSEWHERE
    assert not missing, f"add {sorted(missing)} to SMOKE (with a --smoke mode)"
    assert set(SMOKE) <= present


@pytest.mark.parametrize("script", SMOKE)
def test_benchmark_runs_in_smoke_mode(script, small_demo, tmp_path):
    before = small_demo.stat().st_mtime_ns, small_demo.stat().st_size
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
        "TIERSLIEU_DATA_DIR": str(tmp_path / "data"),
        "TIERSLIEU_CONFIG_DIR": str(tmp_path / "config"),
        "TMPDIR": str(tmp_path),  # the temporary copies, never the shared bench cache
    }
    result = subprocess.run(
        [sys.executable, str(BENCH / script), "--smoke", "--db", str(small_demo)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, f"{script}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert "smoke run" in result.stdout, result.stdout[-2000:]
    # the demo is copied, never changed: the next benchmark sees the same file
    assert (small_demo.stat().st_mtime_ns, small_demo.stat().st_size) == before
