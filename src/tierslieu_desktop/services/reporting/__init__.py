"""Figures for the reports: the Accueil summary, the annual activity report for the
general meeting and the funder report (compte rendu financier) of a grant. Computes the
figures from the other service packages and hands them to the renderers of ``reports``.
Uses ``services.finance``, ``services.activity``, ``services.scheduling`` and
``services.people``; nothing uses it but the CLI and the screens."""

from tierslieu_desktop.services.reporting.annual import (
    SECTIONS,
    AnnualFigures,
    annual_figures,
    annual_report,
    report_texts,
    save_report_text,
)
from tierslieu_desktop.services.reporting.grant import grant_report

__all__ = [
    "SECTIONS",
    "AnnualFigures",
    "annual_figures",
    "annual_report",
    "grant_report",
    "report_texts",
    "save_report_text",
]
