"""Reports for the general meeting and the funders (issue 6): the annual activity report
and the funder report (compte rendu financier), as PDF (ReportLab)."""

from tierslieu_desktop.services.reports.annual import (
    SECTIONS,
    AnnualFigures,
    annual_figures,
    annual_report,
    report_texts,
    save_report_text,
)
from tierslieu_desktop.services.reports.grant import grant_report

__all__ = [
    "SECTIONS",
    "AnnualFigures",
    "annual_figures",
    "annual_report",
    "grant_report",
    "report_texts",
    "save_report_text",
]
