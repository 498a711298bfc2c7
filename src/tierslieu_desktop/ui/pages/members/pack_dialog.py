"""Prepaid packs of hours: sell one to a member, and look at a pack's movements."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.pricing import format_duration
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.pricing import catalogue
from tierslieu_desktop.services.pricing import packs as pack_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.qdates import from_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm


def signed_duration(minutes: int) -> str:
    """+600 → "+10 h", -90 → "−1 h 30"."""
    return ("+" if minutes >= 0 else "−") + format_duration(abs(minutes))


class SellPackDialog(QDialog):
    """Pick a pack type on sale and the day of the sale. ``submit()`` → the pack id."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Sell a pack"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        lay.addWidget(self.banner)
        self.form = ValidatedForm()
        lay.addLayout(self.form)
        self.pack_type = self.form.add_field("pack_type_id", self.tr("&Pack:"), QComboBox())
        self.types = catalogue.list_pack_types(ctx.db)
        for t in self.types:
            self.pack_type.addItem(
                self.tr("{name} — {hours}, {price}").format(
                    name=t.name,
                    hours=format_duration(t.minutes),
                    price=formatting.money(t.price_cents),
                ),
                t.id,
            )
        self.day = self.form.add_field("day", self.tr("&Sold on:"), QDateEdit())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        d = today or lab_today()
        self.day.setDate(QDate(d.year, d.month, d.day))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #53626d;")
        lay.addWidget(self.details)
        if not self.types:
            self.details.setText(
                self.tr("No pack is on sale: create pack types in Settings, Tariffs.")
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Sell"))
        self.save_button.setAccessibleName(self.tr("Sell"))
        self.save_button.setEnabled(bool(self.types))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.pack_type.currentIndexChanged.connect(self._update_details)
        self.day.dateChanged.connect(self._update_details)
        self._update_details()

    def select_pack_type(self, pack_type_id: int) -> None:
        self.pack_type.setCurrentIndex(self.pack_type.findData(pack_type_id))

    def _update_details(self, *_args: object) -> None:
        index = self.pack_type.currentIndex()
        if not 0 <= index < len(self.types):
            return
        t = self.types[index]
        scope = t.scope_name or self.tr("every machine and space")
        self.details.setText(
            self.tr("{hours} on {scope}, valid {months} months. Price: {price}.").format(
                hours=format_duration(t.minutes),
                scope=scope,
                months=t.validity_months,
                price=formatting.money(t.price_cents),
            )
        )

    def submit(self) -> int | None:
        self.form.clear_errors()
        self.banner.hide()
        try:
            if self.pack_type.currentData() is None:
                raise ValidationError({"pack_type_id": "required"})
            pack_id = pack_service.buy_pack(
                self.ctx.db,
                self.ctx.operator_id,
                self.member_id,
                int(self.pack_type.currentData()),
                from_qdate(self.day.date()),
            )
        except ValidationError as exc:
            if self.form.show_errors(exc.fields):
                self.banner.setText(error_message(exc))
                self.banner.show()
            return None
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit()
            self.banner.setText(error_message(exc))
            self.banner.show()
            return None
        self.saved_id = pack_id
        self.ctx.notify("pack", [pack_id])
        return pack_id

    def _on_save(self) -> None:
        if self.submit() is not None:
            self.accept()


class PackMovementsDialog(QDialog):
    """The movements of one pack: bought (+), used by a usage (−)."""

    def __init__(
        self, ctx: AppContext, member_pack_id: int, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Pack movements"))
        self.setMinimumSize(460, 300)
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Hours"), self.tr("Note")])
        self.table.setAccessibleName(self.tr("Pack movements"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table)
        rows = pack_service.pack_movements(ctx.db, member_pack_id)
        self.table.setRowCount(len(rows))
        for i, m in enumerate(rows):
            note = m.note
            if not note and m.usage_id is not None:
                note = self.tr("use no. {id}").format(id=m.usage_id)
            cells = [formatting.local_datetime(m.at), signed_duration(m.amount), note]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, col, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
