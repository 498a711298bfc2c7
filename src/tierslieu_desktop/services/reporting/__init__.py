"""Figures for the reports: the Accueil summary, the annual activity report for the
general meeting and the funder report (compte rendu financier) of a grant. Computes the
figures (types in ``domain.reports``) from the other service packages and hands them to
the renderers of ``reports``. Uses ``services.finance``, ``services.activity`` and
``services.people``; nothing uses it but the CLI and the screens."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tierslieu_desktop.services.reporting.annual import (
        annual_figures,
        annual_report,
        report_texts,
        save_report_text,
    )
    from tierslieu_desktop.services.reporting.grant import grant_report

# Imported when first asked for (PEP 562): Accueil needs only ``dashboard``, and the
# renderers behind these (ReportLab, 0.09 s) would otherwise delay its first figures.
_WHERE = {
    "annual_figures": "annual",
    "annual_report": "annual",
    "report_texts": "annual",
    "save_report_text": "annual",
    "grant_report": "grant",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        module = importlib.import_module(f"{__name__}.{_WHERE[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "annual_figures",
    "annual_report",
    "grant_report",
    "report_texts",
    "save_report_text",
]
