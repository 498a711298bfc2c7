"""Read-only views of priced lines (``domain.pricing.PricedLine`` from a quote, or the
frozen ``services.pricing.engine.ChargeRow`` of a usage already checked out).

- :class:`PricedLinesTable`: Désignation, Quantité, Prix catalogue, Réduction, À payer,
  Explication, and a total row; the explanation is also the tooltip of every cell.
- :class:`PriceSummary`: one short paragraph for a quote: the total charged in bold, the
  list price struck through when reduced ("au lieu de 22,50 €"), then why in words;
  "Aucun tarif en vigueur" (shown plainly, not as an error) when a tariff is missing.

Both take any line with ``label``, ``quantity_text``, ``list_cents``, ``reduction_cents``,
``charged_cents``, ``missing_rule`` and ``reasons`` (a tuple of phrases or one string).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.pricing import reason_parts
from tierslieu_desktop.i18n import formatting

MISSING_STYLE = "color: #8a5a00;"  # amber: worth noticing, not an error
MUTED_STYLE = "color: #53626d;"
REASONS_SEPARATOR = ", "  # as services.pricing.engine stores them


def explanation(line: Any) -> str:
    """The reasons of a line as one sentence, in the screen's language."""
    reasons = getattr(line, "reasons", "")
    if isinstance(reasons, str):
        reasons = reasons.split(REASONS_SEPARATOR) if reasons else []
    return REASONS_SEPARATOR.join(reason_text(r) for r in reasons)


def reason_words() -> dict[str, str]:
    """The pricing engine's reasons (domain.pricing.REASONS keys) in the screen's
    language; the engine writes them in French for the usage and the invoice."""
    # French tells one free hour from several ("gratuite", "gratuites"), English does not
    quota = QCoreApplication.translate("PriceReasons", "{free} free this month ({left} left)")
    return {
        "rule_audience": QCoreApplication.translate("PriceReasons", "{audience} price"),
        "rule_audience_member": QCoreApplication.translate(
            "PriceReasons", "{audience} member price"
        ),
        "rule_audience_non_member": QCoreApplication.translate(
            "PriceReasons", "{audience} non-member price"
        ),
        "rule_everyone": QCoreApplication.translate("PriceReasons", "all-publics price"),
        "rule_member": QCoreApplication.translate("PriceReasons", "member price"),
        "rule_non_member": QCoreApplication.translate("PriceReasons", "non-member price"),
        "rule_unknown_audience": QCoreApplication.translate(
            "PriceReasons", "price of public no. {audience_id}"
        ),
        "step_15": QCoreApplication.translate("PriceReasons", "per started quarter of an hour"),
        "step_30": QCoreApplication.translate("PriceReasons", "per started half hour"),
        "step_60": QCoreApplication.translate("PriceReasons", "per started hour"),
        "step_other": QCoreApplication.translate("PriceReasons", "per started {step}"),
        "session": QCoreApplication.translate("PriceReasons", "per person and per session"),
        "flat": QCoreApplication.translate("PriceReasons", "flat rate per session"),
        "no_rule": QCoreApplication.translate("PriceReasons", "no price in force"),
        "quota_one": quota,
        "quota_many": quota,
        "pack": QCoreApplication.translate("PriceReasons", "pack {label} ({left} left)"),
        "pack_unnamed": QCoreApplication.translate("PriceReasons", "prepaid pack ({left} left)"),
        "reduction": QCoreApplication.translate("PriceReasons", "{percent} reduction"),
        "reduction_named": QCoreApplication.translate(
            "PriceReasons", "{label} reduction {percent}"
        ),
    }


def reason_text(phrase: str) -> str:
    """One reason of the engine in the screen's language ("tarif adhérent" → "member
    price" in English); a phrase it did not write is shown as it is."""
    parts = reason_parts(phrase) if not formatting.current_locale().startswith("fr") else None
    if parts is None:
        return phrase
    key, values = parts
    if "percent" in values:  # "12,5 %" → "12.5%" in English
        digits = values["percent"].rstrip("%").strip().replace(",", ".")
        values["percent"] = formatting.percent(Decimal(digits))
    return reason_words()[key].format(**values)


def quantity_words(text: str) -> str:
    """A quantity as the engine wrote it ("2 plaques", "12 500 points", "1 h 15") in the
    screen's language ("2 sheets", "12,500 stitches"); durations and symbols stay."""
    if formatting.current_locale().startswith("fr"):
        return text
    m = re.fullmatch(r"(-?[\d\u202f\u00a0 ]+(?:,\d+)?) (\w+)", text.strip())
    if m is None:
        return text
    digits, word = m.groups()
    words = {
        "plaque": QCoreApplication.translate("QuantityWords", "sheet"),
        "plaques": QCoreApplication.translate("QuantityWords", "sheets"),
        "pièce": QCoreApplication.translate("QuantityWords", "piece"),
        "pièces": QCoreApplication.translate("QuantityWords", "pieces"),
        "point": QCoreApplication.translate("QuantityWords", "stitch"),
        "points": QCoreApplication.translate("QuantityWords", "stitches"),
        "personne": QCoreApplication.translate("QuantityWords", "person"),
        "personnes": QCoreApplication.translate("QuantityWords", "people"),
        "séance": QCoreApplication.translate("QuantityWords", "session"),
        "séances": QCoreApplication.translate("QuantityWords", "sessions"),
    }
    if word not in words:
        return text
    number = Decimal(re.sub(r"[\s\u202f\u00a0]", "", digits).replace(",", "."))
    return f"{formatting.number(number)} {words[word]}"


def _total(lines: Sequence[Any], attr: str) -> int:
    return sum(getattr(line, attr) for line in lines)


class PricedLinesTable(QWidget):
    """A table of priced lines with a total row. ``set_lines(lines)``; ``rows()`` for tests."""

    COLUMNS = 6

    def __init__(
        self, name: str = "", parent: QWidget | None = None, *, reserve_rows: int = 0
    ) -> None:
        """``reserve_rows``: the lines the table keeps room for from the start (a
        dialog that must not grow as lines come); more than that scroll."""
        super().__init__(parent)
        self.reserve_rows = reserve_rows
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Quantity"),
                self.tr("List price"),
                self.tr("Reduction"),
                self.tr("To pay"),
                self.tr("Why"),
            ]
        )
        self.table.setAccessibleName(name or self.tr("Priced lines"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.table)
        self.missing = QLabel(self.tr("No tariff in force for a line: it is priced 0 €."))
        self.missing.setStyleSheet(MISSING_STYLE)
        self.missing.setWordWrap(True)
        if reserve_rows:
            policy = self.missing.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.missing.setSizePolicy(policy)
            self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.missing.hide()
        lay.addWidget(self.missing)
        self.lines: tuple[Any, ...] = ()
        self.set_lines(())

    def set_lines(self, lines: Sequence[Any]) -> None:
        self.lines = tuple(lines)
        t = self.table
        t.setRowCount(len(self.lines) + 1)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, line in enumerate(self.lines):
            why = explanation(line)
            if line.missing_rule:
                why = self.tr("No tariff in force")
            reduction = -line.reduction_cents if line.reduction_cents else 0
            cells = [
                line.label,
                quantity_words(line.quantity_text),
                formatting.money(line.list_cents),
                formatting.money(reduction) if reduction else "",
                formatting.money(line.charged_cents),
                why,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(why)
                if col in (2, 3, 4):
                    item.setTextAlignment(right)
                t.setItem(row, col, item)
        total_row = len(self.lines)
        totals = [
            self.tr("Total"),
            "",
            formatting.money(_total(self.lines, "list_cents")),
            formatting.money(-_total(self.lines, "reduction_cents"))
            if _total(self.lines, "reduction_cents")
            else "",
            formatting.money(_total(self.lines, "charged_cents")),
            "",
        ]
        for col, text in enumerate(totals):
            item = QTableWidgetItem(text)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            if col in (2, 3, 4):
                item.setTextAlignment(right)
            t.setItem(total_row, col, item)
        self.missing.setVisible(any(line.missing_rule for line in self.lines))
        t.resizeRowsToContents()
        header = max(t.horizontalHeader().sizeHint().height(), t.horizontalHeader().height())
        rows = t.verticalHeader().length()
        if self.reserve_rows:  # the same height with one line or with all of them
            rows = (self.reserve_rows + 1) * t.rowHeight(0)  # the total row is always there
        height = header + rows + 2 * t.frameWidth()
        if t.horizontalScrollBar().isVisible():
            height += t.horizontalScrollBar().sizeHint().height()
        t.setFixedHeight(height + 2)

    def charged_cents(self) -> int:
        return _total(self.lines, "charged_cents")

    def rows(self) -> list[list[str]]:
        """The cells as shown (the total row last)."""
        t = self.table
        return [
            [item.text() if (item := t.item(r, c)) else "" for c in range(t.columnCount())]
            for r in range(t.rowCount())
        ]


class PriceSummary(QLabel):
    """ "<b>15,00 €</b> au lieu de 22,50 € — tarif Demandeurs d'emploi, …" for a quote."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Estimated price"))
        self.set_unknown()

    def set_unknown(self, text: str = "") -> None:
        """Nothing to price yet (no resource, times not valid…)."""
        self.setStyleSheet(MUTED_STYLE)
        self.setText(escape(text or "–"))
        self.setAccessibleDescription(self.plain_text())

    def set_priced(self, priced: Any) -> None:
        """``priced``: a PricedUsage (lines, list_cents, reduction_cents, charged_cents)."""
        lines = tuple(priced.lines)
        if not lines or all(line.missing_rule for line in lines):
            self.setStyleSheet(MISSING_STYLE)
            self.setText(escape(self.tr("No tariff in force")))
            self.setAccessibleDescription(self.plain_text())
            return
        self.setStyleSheet("")
        parts = [f"<b>{escape(formatting.money(priced.charged_cents))}</b>"]
        if priced.reduction_cents > 0:
            was = escape(formatting.money(priced.list_cents))
            parts.append(escape(self.tr("instead of {price}")).replace("{price}", f"<s>{was}</s>"))
        html = " ".join(parts)
        reasons = []
        for line in lines:
            why = explanation(line)
            if line.missing_rule:
                why = self.tr("no tariff in force")
            if len(lines) > 1:
                why = f"{line.label}{formatting.colon()} {why}"
            if why:
                reasons.append(escape(why))
        if reasons:
            html += "<br>" + "<br>".join(reasons)
        self.setText(html)
        self.setAccessibleDescription(self.plain_text())

    def plain_text(self) -> str:
        """The text without markup (tests, screen readers)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.text())
        # toRawText keeps the no-break spaces of amounts; paragraphs/line breaks → \n
        raw = doc.toRawText()
        return raw.replace("\u2028", "\n").replace("\u2029", "\n").strip()
