"""The window does not hold the source text of every module it imported (issue 14's
memory): PySide6's import hook reads each new module's source, linecache would keep it."""

from __future__ import annotations

import linecache

from tierslieu_desktop.ui.main_window import MainWindow


def test_pages_opened_leave_no_module_source_in_memory(ctx, qtbot):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    for key in ("finances", "reports", "settings"):
        linecache.getlines(__file__)  # something cached, as PySide6's hook does
        assert linecache.cache
        window.show_page(key)
        qtbot.waitUntil(lambda: not linecache.cache, timeout=2000)
