"""Document numbers: each series (invoices, credit notes) has a number pattern, the
former ones kept in history, and a gapless counter per period. ``take_number`` runs inside
the issuing transaction: the counter row only moves in the transaction that issues."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import DocumentCounter, Invoice, NumberingFormat, utcnow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.invoicing import (
    DEFAULT_PATTERNS,
    SERIES,
    check_pattern,
    format_number,
    pattern_period,
)
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import check_texts


def _pattern(session: Session, series: str) -> str:
    pattern = session.scalar(
        select(NumberingFormat.pattern)
        .where(NumberingFormat.series == series)
        .order_by(NumberingFormat.valid_from.desc(), NumberingFormat.id.desc())
        .limit(1)
    )
    return pattern or DEFAULT_PATTERNS[series]


def take_number(session: Session, series: str, day: date) -> tuple[str, int, str]:
    """(period, counter, number): the next number of the series, inside the issuing
    transaction (SQLite: BEGIN IMMEDIATE serialises writers; PostgreSQL: row lock)."""
    pattern = _pattern(session, series)
    period = pattern_period(pattern, day)
    key = (DocumentCounter.series == series, DocumentCounter.period == period)
    row = session.scalar(select(DocumentCounter).where(*key).with_for_update())
    if row is None:
        try:
            with session.begin_nested():
                session.add(DocumentCounter(series=series, period=period, last_value=0))
        except IntegrityError:
            pass
        row = session.scalar(select(DocumentCounter).where(*key).with_for_update())
        assert row is not None
    row.last_value += 1
    counter = row.last_value
    number = format_number(pattern, day, counter)
    if session.scalar(select(func.count()).where(Invoice.number == number)):
        raise DomainError("number_taken", number=number)
    return period, counter, number


def numbering_pattern(db: Database, series: str) -> str:
    if series not in SERIES:
        raise ValidationError({"series": "series_invalid"})
    with db.read() as session:
        return _pattern(session, series)


@guarded(Permission.INVOICES)
def set_numbering_pattern(db: Database, actor: int | None, series: str, pattern: str) -> None:
    """A new number format for the series from now on; the former ones stay in history."""
    return _set_numbering_pattern_impl(db, actor, series, pattern)


def _set_numbering_pattern_impl(db: Database, actor: int | None, series: str, pattern: str) -> None:
    if series not in SERIES:
        raise ValidationError({"series": "series_invalid"})
    check_texts(pattern=pattern or "")
    pattern = (pattern or "").strip()
    try:
        check_pattern(pattern)
    except ValueError:
        raise ValidationError({"pattern": "pattern_invalid"}) from None
    with db.write() as session:
        if _pattern(session, series) == pattern:
            return
        session.add(
            NumberingFormat(series=series, pattern=pattern, valid_from=utcnow(), operator_id=actor)
        )


@guarded(Permission.INVOICES)
def numbering_history(db: Database, series: str) -> list[tuple[str, datetime]]:
    with db.read() as session:
        return [
            (r.pattern, r.valid_from)
            for r in session.scalars(
                select(NumberingFormat)
                .where(NumberingFormat.series == series)
                .order_by(NumberingFormat.valid_from, NumberingFormat.id)
            )
        ]
