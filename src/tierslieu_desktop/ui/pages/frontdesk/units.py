"""Consumable units as words (stored values are "gram", "sheet", …)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.i18n import formatting


def unit_symbols(count: int = 2) -> dict[str, str]:
    """The unit written after ``count`` of it ("12,5 g", "1 plaque", "2 plaques")."""
    return {
        "gram": QCoreApplication.translate("Units", "g"),
        "sheet": (
            QCoreApplication.translate("Units", "sheet", "after a number")
            if count <= 1
            else QCoreApplication.translate("Units", "sheets", "after a number")
        ),
        "metre": QCoreApplication.translate("Units", "m"),
        "square_metre": QCoreApplication.translate("Units", "m²"),
        "kilostitch": QCoreApplication.translate("Units", "thousand stitches"),
        "piece": (
            QCoreApplication.translate("Units", "piece", "after a number")
            if count <= 1
            else QCoreApplication.translate("Units", "pieces", "after a number")
        ),
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
    count = 1 if quantity_milli <= 1000 else 2  # "0,5 plaque", "1 plaque", "1,5 plaques"
    return f"{value} {unit_symbols(count).get(unit, unit)}"
