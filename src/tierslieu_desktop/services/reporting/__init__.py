"""Figures for the reports: the Accueil summary, the annual activity report for the
general meeting and the funder report (compte rendu financier) of a grant. Computes the
figures (types in ``domain.reports``) from the other service packages and hands them to
the renderers of ``reports``. Uses ``services.finance``, ``services.activity`` and
``services.people``; nothing uses it but the CLI and the screens."""

from tierslieu_desktop.services.reporting.annual import (
    annual_figures,
    annual_report,
    report_texts,
    save_report_text,
)
from tierslieu_desktop.services.reporting.grant import grant_report

__all__ = [
    "annual_figures",
    "annual_report",
    "grant_report",
    "report_texts",
    "save_report_text",
]
