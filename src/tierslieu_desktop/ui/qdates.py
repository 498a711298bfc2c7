"""Python dates to Qt's QDate and back; a date edit bounded to the days the services accept.

PySide6 converts a ``date`` itself at run time (``QDate(day)``, ``qdate.toPython()``), but its
type stubs say neither: these two keep the screens typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from tierslieu_desktop.domain.inputs import FIRST_DAY, LAST_DAY


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def bound_to_accepted_days(edit: QDateEdit) -> QDateEdit:
    """Limit ``edit`` to 01/01/2000–31/12/2100 (``domain.inputs``), as the services do."""
    edit.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))
    return edit
