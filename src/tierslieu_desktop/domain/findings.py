"""What a check found, as a code and its data (``tierslieu verify``, the window's check at
start, an archive's check): the services say *what*, ``i18n/findings.py`` words it, in
French or English, for the command line and the window alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """``code``: which problem (a key of ``i18n.findings``); ``data``: its particulars
    (numbers, dates as aware datetimes, the document concerned as a ``subject`` dict)."""

    code: str
    data: dict[str, Any] = field(default_factory=dict)
