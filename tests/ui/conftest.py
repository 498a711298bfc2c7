from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, db, operator):
    """The shared UI context on a fresh database, in French (translations installed)."""
    from tierslieu_desktop.app import install_translators
    from tierslieu_desktop.ui.background import wait_for_reads
    from tierslieu_desktop.ui.context import AppContext

    translators = install_translators(qapp, "fr")
    yield AppContext(db, operator, "fr")
    wait_for_reads()  # a list still read in the background, before the base is closed
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def finished(qtbot):
    """``finished(job)``: wait for a background import (ui/background.py) to end and
    return its count (None when nothing was imported)."""

    def wait(job):
        assert job is not None
        if job.running:
            with qtbot.waitSignal(job.done, timeout=30_000):
                pass
        return job.result

    return wait
