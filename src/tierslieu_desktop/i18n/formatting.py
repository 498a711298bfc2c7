"""Every number, amount and date shown to a user goes through these functions."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo


class _OnFirstUse:
    """A module imported when first used: Babel's dates and numbers (20 ms, half of it
    babel.localtime) are not needed before the window's first paint (issue 14)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        value = getattr(importlib.import_module(self._name), attr)
        setattr(self, attr, value)  # the next call finds it without coming here
        return value


babel_dates: Any = _OnFirstUse("babel.dates")
babel_numbers: Any = _OnFirstUse("babel.numbers")

PARIS = ZoneInfo("Europe/Paris")
CURRENCY = "EUR"
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
_locale = "fr_FR"


def set_language(lang: str) -> None:
    global _locale
    _locale = _LOCALES.get(lang, "fr_FR")


def current_locale() -> str:
    return _locale


def money(cents: int | None) -> str:
    """12345 → "123,45 €" (fr) / "€123.45" (en)."""
    if cents is None:
        return ""
    return babel_numbers.format_currency(Decimal(cents) / 100, CURRENCY, locale=_locale)


def amount_input(cents: int | None) -> str:
    """An amount as typed in an input field, without the currency: "123,45"."""
    if cents is None:
        return ""
    return babel_numbers.format_decimal(
        Decimal(cents) / 100, format="0.00", locale=_locale, group_separator=False
    )


def number(value: int | float | Decimal, digits: int | None = None) -> str:
    if digits is None:
        return babel_numbers.format_decimal(value, locale=_locale)
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return babel_numbers.format_decimal(value, format=pattern, locale=_locale)


def percent(value: int | float | Decimal, digits: int | None = None) -> str:
    """38 → "38 %" (fr, a narrow no-break space) / "38%" (en)."""
    text = number(value, digits)
    return f"{text}\u202f%" if _locale.startswith("fr") else f"{text}%"


def colon() -> str:
    """What goes between a label and its value: " :" in French (a space before, as
    the translations write it), ":" in English ("Total excl. VAT: €10.00")."""
    return " :" if _locale.startswith("fr") else ":"


def hours(minutes: int) -> str:
    """A duration in minutes as hours: 90 → "1,5 h"."""
    return f"{number(Decimal(minutes) / 60, 1)} h"


def short_date(value: date | None) -> str:
    if value is None:
        return ""
    return babel_dates.format_date(value, format="short", locale=_locale)


def month_name(month: int) -> str:
    """1 → "janvier" (fr) / "January" (en): the month alone, as in a list of months."""
    return str(babel_dates.get_month_names("wide", "stand-alone", locale=_locale)[month])


def long_date(value: date | None) -> str:
    if value is None:
        return ""
    return babel_dates.format_date(value, format="long", locale=_locale)


def local_datetime(value: datetime | None) -> str:
    """An aware datetime shown in Europe/Paris."""
    if value is None:
        return ""
    return babel_dates.format_datetime(value, format="short", tzinfo=PARIS, locale=_locale)


def parse_date(text: str) -> date | None:
    """Parse a date typed in the current locale ("22/11/2026"); None when invalid."""
    text = text.strip()
    if not text:
        return None
    try:
        return babel_dates.parse_date(text, locale=_locale)
    except (ValueError, IndexError):
        return None


def clock(minute: int) -> str:
    """Minutes after local midnight as a time of day ("09:30"; 1440 is "24:00")."""
    if minute >= 24 * 60:
        return "24:00"
    return babel_dates.format_time(time(minute // 60, minute % 60), format="short", locale=_locale)


def local_time(value: datetime | None) -> str:
    """The time of day of an aware datetime, in Europe/Paris ("14:30")."""
    if value is None:
        return ""
    return babel_dates.format_time(value, format="short", tzinfo=PARIS, locale=_locale)


def minute_ranges(ranges: Iterable[tuple[int, int]]) -> str:
    """ "09:00–12:30, 13:30–18:00"."""
    return ", ".join(f"{clock(a)}–{clock(b)}" for a, b in ranges)
