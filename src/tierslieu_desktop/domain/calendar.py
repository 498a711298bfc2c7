"""Local time of the tiers-lieu (Europe/Paris), public holidays, minute ranges."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
DAY_MINUTES = 24 * 60


def utcnow() -> datetime:
    """The clock: now, timezone-aware (UTC). Stored times are UTC, shown in Europe/Paris."""
    return datetime.now(UTC)


def to_local(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value.astimezone(PARIS)


def local_dt(day: date, minute: int) -> datetime:
    """The aware UTC instant of ``minute`` after local midnight of ``day`` (Paris).
    ``minute`` may be 1440 (next midnight). Non-existent local times (DST gap) move on."""
    base = datetime.combine(day, time(0), tzinfo=PARIS) + timedelta(minutes=minute)
    # zoneinfo arithmetic is wall-clock: normalise through UTC to get the real instant
    return base.astimezone(UTC)


def local_day_and_minute(value: datetime) -> tuple[date, int]:
    local = to_local(value)
    return local.date(), local.hour * 60 + local.minute


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """UTC instants of local midnight at the start and end of ``day`` (23 h or 25 h on DST)."""
    return local_dt(day, 0), local_dt(day + timedelta(days=1), 0)


@lru_cache(maxsize=64)
def _holidays(year: int, language: str) -> dict[date, str]:
    import holidays

    return dict(holidays.country_holidays("FR", years=year, language=language).items())


def public_holiday(day: date, language: str = "fr") -> str | None:
    """The name of the French (metropolitan) public holiday on ``day``, or None."""
    return _holidays(day.year, "fr" if language == "fr" else "en_US").get(day)


def is_business_day(day: date) -> bool:
    """Monday to Friday and not a French public holiday: a day the bank credits."""
    return day.weekday() < 5 and public_holiday(day) is None


def add_business_days(day: date, days: int) -> date:
    """The ``days``-th business day after ``day`` (``days`` = 0: ``day`` itself when it is
    a business day, else the next one). A card payment of Friday settled after one
    business day is credited on Monday; one of 31 December, on 2 January."""
    current = day
    if days <= 0:
        while not is_business_day(current):
            current += timedelta(days=1)
        return current
    while days:
        current += timedelta(days=1)
        if is_business_day(current):
            days -= 1
    return current


def subtract_ranges(
    ranges: list[tuple[int, int]], removed: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``ranges`` minus ``removed`` (minute ranges, half-open)."""
    result = list(ranges)
    for r_start, r_end in removed:
        next_result = []
        for start, end in result:
            if r_end <= start or end <= r_start:
                next_result.append((start, end))
                continue
            if start < r_start:
                next_result.append((start, r_start))
            if r_end < end:
                next_result.append((r_end, end))
        result = next_result
    return result


def merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def lab_today() -> date:
    """Today at the lab (Europe/Paris), whatever zone the computer's clock is set to: between
    23:00 and 00:00 UTC in winter (22:00 in summer) ``date.today()`` on a UTC clock is
    still yesterday in Paris (a test forbids ``date.today()``)."""
    return to_local(utcnow()).date()
