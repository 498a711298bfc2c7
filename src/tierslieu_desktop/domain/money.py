"""Money is an integer number of cents. Never a float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tierslieu_desktop.domain.errors import DomainError


@dataclass(frozen=True, order=True, slots=True)
class Money:
    cents: int

    def __post_init__(self) -> None:
        if not isinstance(self.cents, int) or isinstance(self.cents, bool):
            raise TypeError("Money is built from integer cents")

    def __add__(self, other: Money) -> Money:
        return Money(self.cents + other.cents)

    def __sub__(self, other: Money) -> Money:
        return Money(self.cents - other.cents)

    def __neg__(self) -> Money:
        return Money(-self.cents)

    @property
    def decimal(self) -> Decimal:
        return Decimal(self.cents) / 100

    @classmethod
    def zero(cls) -> Money:
        return cls(0)


class AmountError(DomainError, ValueError):
    """An amount typed by a user (or read from a file) is refused.

    ``code`` says why, as a field error code the UI turns into a sentence under the
    field: "amount_invalid" (empty, not a number, exponent, NaN/infinity, badly grouped
    digits), "amount_ambiguous" ("1.500", "1,500": thousands or decimals?),
    "amount_decimals" (more than 2 decimals) or "amount_negative". ``params["text"]`` is
    the text as typed. A ``ValueError`` too, for callers that only catch that.
    """

    def __init__(self, code: str, text: str) -> None:
        super().__init__(code, text=text)


# After the spaces are gone: an optional minus, an optional "€" before or after, and
# the digits with their "." / "," separators.
_SHAPE = re.compile(r"^(-?)€?([0-9.,]+)€?$")
_SPACES = re.compile(r"[\s\u00a0\u202f]")
_GROUP = re.compile(r"^[1-9][0-9]{0,2}$")  # the first group of a grouped number


def _grouped(parts: list[str]) -> str | None:
    """The digits of "1", "234", "567" (the groups of 1.234.567), None when not grouped."""
    first, rest = parts[0], parts[1:]
    if not _GROUP.match(first) or any(len(p) != 3 or not p.isdigit() for p in rest):
        return None
    return "".join(parts)


def parse_amount(text: str, *, allow_negative: bool = False) -> int:
    """An amount typed at the French desk (or read from a CSV file) -> cents.

    Accepted: "12", "12,5", "12,50", "12.50", ",50", "1 500", "1 500,50 €", "€12.50";
    spaces (also no-break and narrow no-break) anywhere are thousands separators and are
    dropped; a "€" may stand before or after the number. A leading "-" only when
    ``allow_negative`` (otherwise ``amount_negative``).

    "." and "," rules (after the spaces are dropped):

    * one separator followed by 1 or 2 digits is the decimal separator;
    * one separator followed by exactly 3 digits after 1 to 3 digits ("1.500",
      "1,500", "12,345") is ambiguous (thousands or decimals?): refused with
      ``amount_ambiguous`` (write 1500 or 1,50); with any other number of digits after
      it, more than 2 decimals is ``amount_decimals`` ("0,001", "1234,567");
    * the same separator several times groups thousands: "1.500.000" (every group of 3
      digits, the first of 1 to 3 and not starting with 0);
    * both separators: unambiguous when the last one is the only one of its kind and
      the others group thousands ("1.234,56" and "1,234.56" are both 1234.56 €;
      "1.234,567" has too many decimals, "1,2.3" and "12.34,5" are refused).

    Everything else ("", "abc", "1e3", "nan", "inf", "1,2,3", "12.") is
    ``amount_invalid``. Never rounds: a third decimal is refused, not rounded.
    Raises :class:`AmountError` (a DomainError and a ValueError).
    """
    cleaned = _SPACES.sub("", text)
    shape = _SHAPE.match(cleaned)
    if shape is None or not any(c.isdigit() for c in shape.group(2)):
        raise AmountError("amount_invalid", text)
    minus, body = shape.group(1), shape.group(2)
    positions = [i for i, c in enumerate(body) if c in ".,"]
    if not positions:
        whole, decimals = body, ""
    else:
        last = positions[-1]
        head, mark, tail = body[:last], body[last], body[last + 1 :]
        others = {body[i] for i in positions[:-1]}
        if not tail:
            raise AmountError("amount_invalid", text)
        if mark in others:  # "1.500.000": every separator groups thousands
            digits = _grouped(body.split(mark))
            if digits is None:
                raise AmountError("amount_invalid", text)
            whole, decimals = digits, ""
        else:  # the last separator is the decimal one
            if others:
                (other,) = others
                grouped = _grouped(head.split(other))
                if grouped is None:
                    raise AmountError("amount_invalid", text)
                head = grouped
            if len(tail) == 3 and not others and _GROUP.match(head):
                raise AmountError("amount_ambiguous", text)
            if len(tail) > 2:
                raise AmountError("amount_decimals", text)
            whole, decimals = head or "0", tail
    cents = int(whole) * 100 + int(decimals.ljust(2, "0"))
    if minus and cents:
        if not allow_negative:
            raise AmountError("amount_negative", text)
        return -cents
    return cents
