from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, db, operator):
    """The shared UI context on a fresh database, French formatting."""
    from tierslieu_desktop.i18n import formatting
    from tierslieu_desktop.ui.context import AppContext

    formatting.set_language("fr")
    return AppContext(db, operator, "fr")
