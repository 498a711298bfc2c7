"""Reading one cell of an imported line as a number, an amount, a yes/no, and matching a
file's headers to an importer's fields — shared by the machines and class-list
importers. Each reader raises ``ValueError`` carrying the line's error code."""

from __future__ import annotations

import re

from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.imports.base import FieldSpec
from tierslieu_desktop.services.imports.tables import Cell, cell_text

YES = frozenset({"oui", "o", "yes", "y", "1", "true", "vrai", "x", "requise", "obligatoire"})
NO = frozenset({"non", "n", "no", "0", "false", "faux", "-"})


class CellError(ValueError):
    """A cell that is not what its field takes; ``code`` names why."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def fold_header(header: str) -> str:
    """A header as compared: lower case, no accents, punctuation as spaces ("N° de
    série" -> "n de serie", "Prix/h" -> "prix h")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(header)).split())


def match_fields(headers: tuple[str, ...], fields: tuple[FieldSpec, ...]) -> dict[str, str | None]:
    """Field key -> the first header among its aliases (in their order of preference);
    a header feeds one field only. Every field's key is present (None: no column)."""
    by_fold: dict[str, str] = {}
    for header in headers:
        by_fold.setdefault(fold_header(header), header)
    taken: set[str] = set()
    out: dict[str, str | None] = {}
    for spec in fields:
        out[spec.key] = None
        for alias in spec.aliases:
            found = by_fold.get(fold_header(alias))
            if found is not None and found not in taken:
                out[spec.key] = found
                taken.add(found)
                break
    return out


def cell_int(cell: Cell) -> int | None:
    """A whole number ("15", 15, 15.0, "15 min"); None when empty."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise CellError("invalid_number")
    if isinstance(cell, (int, float)):
        if float(cell).is_integer():
            return int(cell)
        raise CellError("invalid_number")
    text = cell_text(cell).strip()
    if not text:
        return None
    digits = re.fullmatch(r"(\d+)(?:[.,]0+)?\s*(?:min|mn|minutes?|j|jours?|days?)?\.?", fold(text))
    if digits is None:
        raise CellError("invalid_number")
    return int(digits.group(1))


def cell_cents(cell: Cell) -> int | None:
    """An amount in cents (a number of euros, "15", "15,50 €"); None when empty.
    The codes of :func:`tierslieu_desktop.domain.money.parse_amount` ("amount_invalid",
    "amount_decimals", "amount_negative"...)."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise CellError("amount_invalid")
    if isinstance(cell, (int, float)):
        cents = round(cell * 100)
        if abs(cents - cell * 100) > 1e-6:
            raise CellError("amount_decimals")
        if cents < 0:
            raise CellError("amount_negative")
        return cents
    text = cell_text(cell).strip()
    if not text:
        return None
    try:
        return parse_amount(text)
    except AmountError as exc:
        raise CellError(exc.code) from None


def cell_bool(cell: Cell) -> bool | None:
    """Yes or no ("oui", "x", "1", "non", "0"...); None when empty."""
    text = fold(cell_text(cell)).strip(" .")
    if not text:
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError("invalid_choice")
