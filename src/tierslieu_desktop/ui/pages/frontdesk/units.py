"""Consumable units as words (stored values are "gram", "sheet", …)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.i18n import formatting


def unit_symbols() -> dict[str, str]:
    """The unit written after a quantity ("12,5 g", "2 plaque(s)")."""
    return {
        "gram": QCoreApplication.translate("Units", "g"),
        "sheet": QCoreApplication.translate("Units", "sheet(s)"),
        "metre": QCoreApplication.translate("Units", "m"),
        "square_metre": QCoreApplication.translate("Units", "m²"),
        "kilostitch": QCoreApplication.translate("Units", "thousand stitches"),
        "piece": QCoreApplication.translate("Units", "piece(s)"),
    }


def unit_names() -> dict[str, str]:
    """The unit as chosen in the catalogue."""
    return {
        "gram": QCoreApplication.translate("Units", "grams (g)"),
        "sheet": QCoreApplication.translate("Units", "sheets"),
        "metre": QCoreApplication.translate("Units", "metres (m)"),
        "square_metre": QCoreApplication.translate("Units", "square metres (m²)"),
        "kilostitch": QCoreApplication.translate("Units", "thousands of stitches"),
        "piece": QCoreApplication.translate("Units", "pieces"),
    }


def quantity_text(quantity_milli: int, unit: str) -> str:
    """12500 grams → "12,5 g"."""
    value = formatting.number(Decimal(quantity_milli) / 1000)
    return f"{value} {unit_symbols().get(unit, unit)}"
