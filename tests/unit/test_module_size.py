"""ARCHITECTURE.md's rule: no module over 1,000 lines (a long one is split by what it is
about, e.g. the out-of-order bookings dialog left the machines' dialogs)."""

from __future__ import annotations

from pathlib import Path

import tierslieu_desktop

LIMIT = 1_000


def test_no_module_over_a_thousand_lines():
    root = Path(tierslieu_desktop.__file__).parent
    too_long = {
        str(path.relative_to(root)): n
        for path in root.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert too_long == {}
