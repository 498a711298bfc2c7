"""The invoices and credit notes of « Caisse & factures », paged in SQL: the filter is
counted, the first 100 rows are read, and the next 100 when the view scrolls near the
end (keyset on the issue time, so a deep page costs what the first does). Cells are
formatted when shown (ui.models.rows_table)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject

from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import documents
from tierslieu_desktop.services.billing.documents import InvoiceFilter, InvoiceListRow
from tierslieu_desktop.services.common import Database
from tierslieu_desktop.ui.models.rows_table import AnyIndex, Column, RowsTableModel

PAGE_SIZE = 100


def invoice_columns(headers: Sequence[str]) -> list[Column[InvoiceListRow]]:
    """Number, date, buyer, total, paid, balance, due: ``headers`` in that order."""
    money = formatting.money
    texts = (
        (lambda r: r.number, False),
        (lambda r: formatting.short_date(r.issued_at.date()), False),
        (lambda r: r.buyer_name, False),
        (lambda r: money(r.total_incl_cents), True),
        (lambda r: money(r.paid_cents), True),
        (lambda r: money(r.balance_cents), True),
        (lambda r: formatting.short_date(r.due_date), False),
    )
    return [Column(h, text, right) for h, (text, right) in zip(headers, texts, strict=True)]


class InvoiceTableModel(RowsTableModel[InvoiceListRow]):
    def __init__(self, db: Database, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(invoice_columns(headers), key=lambda r: r.id, parent=parent)
        self.db = db
        self.filter = InvoiceFilter()
        self.total = 0
        self.page_size = PAGE_SIZE

    def set_filter(self, flt: InvoiceFilter) -> None:
        """Count the documents matching ``flt`` and show its first page."""
        self.filter = flt
        self.total = documents.count_invoices(self.db, flt)
        self.set_rows(documents.invoice_page(self.db, flt, limit=self.page_size))

    def reload(self) -> None:
        self.set_filter(self.filter)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.rows:
            return
        last = self.rows[-1]
        more = documents.invoice_page(
            self.db, self.filter, limit=self.page_size, after=(last.issued_at, last.id)
        )
        if not more:  # fewer than counted: another desk's change; stop asking
            self.total = len(self.rows)
            return
        self.append_rows(more)
