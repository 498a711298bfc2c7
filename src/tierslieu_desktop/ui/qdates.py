"""Python dates to Qt's QDate and back.

PySide6 converts a ``date`` itself at run time (``QDate(day)``, ``qdate.toPython()``), but its
type stubs say neither: these two keep the screens typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
