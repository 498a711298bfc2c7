"""The confirmation asked before a consumable quantity worth a second look is saved
(issue 17): far above the usual for that consumable, or above the stock. Used by the
check-out (Départ) and the correction of a usage; ``services.scheduling.quantities``
finds them, this words them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.scheduling import quantities
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.frontdesk.units import quantity_text
from tierslieu_desktop.ui.widgets.confirm import confirm


def _reason(w: quantities.QuantityWarning) -> str:
    if w.code == quantities.ABOVE_STOCK and w.stock_milli is not None:
        return QCoreApplication.translate(
            "QuantityWarnings", "more than the {stock} left in stock"
        ).format(stock=quantity_text(w.stock_milli, w.unit))
    return QCoreApplication.translate(
        "QuantityWarnings", "{times} times the usual quantity (up to {usual})"
    ).format(times=formatting.number(w.times or 0), usual=quantity_text(w.usual_milli or 0, w.unit))


def warning_texts(warnings: Sequence[quantities.QuantityWarning]) -> list[str]:
    """One sentence per consumable, naming it, the quantity typed, its price and why it
    is worth a second look: "851 405 g of PLA, that is 85 140,50 €: 400 times…"."""
    by_consumable: dict[int, list[quantities.QuantityWarning]] = {}
    for w in warnings:
        by_consumable.setdefault(w.consumable_id, []).append(w)
    out = []
    for found in by_consumable.values():
        w = found[0]
        quantity = quantity_text(w.quantity_milli, w.unit)
        if w.price_cents is not None:
            what = QCoreApplication.translate(
                "QuantityWarnings", "{quantity} of {name}, that is {price}"
            ).format(quantity=quantity, name=w.name, price=formatting.money(w.price_cents))
        else:
            what = QCoreApplication.translate("QuantityWarnings", "{quantity} of {name}").format(
                quantity=quantity, name=w.name
            )
        out.append(
            QCoreApplication.translate("QuantityWarnings", "{what}: {reasons}.").format(
                what=what, reasons="; ".join(_reason(x) for x in found)
            )
        )
    return out


def confirm_quantities(
    parent: QWidget | None,
    ctx: AppContext,
    lines: Sequence[tuple[int, int]],
    *,
    usage_id: int | None = None,
    member_id: int | None = None,
    machine_id: int | None = None,
    space_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> bool:
    """True when nothing looks unusual, or the operator confirmed what does."""
    if not lines:
        return True
    warnings = quantities.quantity_warnings(
        ctx.db,
        lines,
        usage_id=usage_id,
        member_id=member_id,
        machine_id=machine_id,
        space_id=space_id,
        start=start,
        end=end,
    )
    if not warnings:
        return True
    text = (
        "\n".join(warning_texts(warnings))
        + "\n\n"
        + QCoreApplication.translate("QuantityWarnings", "Confirm?")
    )
    return confirm(
        parent,
        QCoreApplication.translate("QuantityWarnings", "Check the quantity"),
        text,
        QCoreApplication.translate("QuantityWarnings", "Confirm the quantity"),
    )
