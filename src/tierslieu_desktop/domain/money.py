"""Money is an integer number of cents. Never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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


def parse_amount(text: str) -> int:
    """Parse a French or English amount typed by a user ("12,50", "12.5 €", "1 200") into cents.

    Rounds half up to the cent. Raises ``DomainError("amount_invalid")``.
    """
    cleaned = (
        text.strip()
        .replace("€", "")
        .replace("\u202f", "")
        .replace("\xa0", "")
        .replace(" ", "")
        .replace(",", ".")
    )
    if not cleaned:
        raise DomainError("amount_invalid", text=text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise DomainError("amount_invalid", text=text) from None
    if not value.is_finite():
        raise DomainError("amount_invalid", text=text)
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
