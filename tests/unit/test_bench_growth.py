"""The growth benchmark (tests/bench/bench_growth.py) runs: its smoke mode builds the
small demo, doubles its history and runs every timed step once on both files."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_growth_benchmark_smoke_runs_every_step(capsys, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import bench_growth

    assert bench_growth.main(["--smoke"]) == 0
    out = capsys.readouterr().out
    assert "history doubled" in out and "member +" in out and "invoice +" in out
    assert "smoke: every step ran once" in out
    for step in bench_growth.STEPS:
        assert step in out
    sys.modules.pop("bench_growth", None)
