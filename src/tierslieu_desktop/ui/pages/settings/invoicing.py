"""Paramètres → Facturation: how invoices and credit notes are numbered.

Each series (invoices, credit notes) has its own pattern, a live preview of the next
number and the history of the patterns in force (kept for the tax inspector)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import baskets, numbering
from tierslieu_desktop.services.people import structure as structure_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, field_message, retry_when_busy
from tierslieu_desktop.ui.qdates import bound_to_accepted_days
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.typed import TypedForm

OK_STYLE = "color: #1b5e20;"
SERIES = ("invoice", "credit_note")


class SeriesBox(QGroupBox):
    """The pattern of one series: edit, preview, save, history."""

    def __init__(self, ctx: AppContext, series: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.series = series
        self.today = lab_today()
        self.setTitle(self.tr("Invoices") if series == "invoice" else self.tr("Credit notes"))
        lay = QVBoxLayout(self)
        self.form = ValidatedForm()
        self.pattern = self.form.add_field("pattern", self.tr("Number &pattern:"), QLineEdit())
        self.pattern.setMaxLength(80)
        self.preview = self.form.add_field("preview", self.tr("Next number:"), QLabel())
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setObjectName("numberPreview")
        lay.addLayout(self.form)
        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.setAccessibleName(self.tr("Undo the pattern changes"))
        self.save_button = QPushButton(self.tr("Use this pattern"))
        self.save_button.setAccessibleName(
            self.tr("Use this pattern for invoices")
            if series == "invoice"
            else self.tr("Use this pattern for credit notes")
        )
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        lay.addLayout(buttons)
        history_label = QLabel(self.tr("Patterns used so far:"))
        lay.addWidget(history_label)
        self.history = QListWidget()
        self.history.setAccessibleName(
            self.tr("History of the invoice patterns")
            if series == "invoice"
            else self.tr("History of the credit note patterns")
        )
        self.history.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        history_label.setBuddy(self.history)
        lay.addWidget(self.history)

        self.pattern.textChanged.connect(self.update_preview)
        self.pattern.returnPressed.connect(self.submit)
        self.save_button.clicked.connect(self.submit)
        self.revert_button.clicked.connect(self.load)
        self.typed = TypedForm(self.pattern)  # kept across a refresh (widgets/typed.py)
        self._read = False  # read when first shown
        load_when_shown(self, self.load)

    def refresh(self) -> None:
        """A document issued or a pattern changed elsewhere: the next number and the
        history read again; a pattern typed here and not saved stays."""
        if not self._read:
            return
        said = (self.status.text(), self.status.styleSheet())  # « Enregistré. », a refusal
        with self.typed.kept():
            self.load()
        self.status.setText(said[0])
        self.status.setStyleSheet(said[1])

    def saved_pattern(self) -> str:
        return numbering.numbering_pattern(self.ctx.db, self.series)

    def load(self) -> None:
        self._read = True
        self.pattern.setText(self.saved_pattern())
        self.typed.filled()
        self.history.clear()
        history = numbering.numbering_history(self.ctx.db, self.series)
        if not history:
            self.history.addItem(
                self.tr("{pattern} — default pattern, never changed").format(
                    pattern=self.saved_pattern()
                )
            )
        for pattern, since in reversed(history):  # the pattern in force first
            self.history.addItem(
                self.tr("{pattern} — since {date}").format(
                    pattern=pattern, date=formatting.local_datetime(since)
                )
            )
        self.form.clear_errors()
        self.status.clear()
        self.update_preview()

    def update_preview(self, *_args: object) -> None:
        text = self.pattern.text().strip()
        number = structure_service.numbering_preview(self.ctx.db, self.series, text, self.today)
        if number is None:
            self.preview.setText(field_message("pattern_invalid"))
            self.preview.setStyleSheet(ERROR_STYLE)
        else:
            self.preview.setText(number)
            self.preview.setStyleSheet("font-weight: 600;")
        self.save_button.setEnabled(number is not None and text != self.saved_pattern())

    def submit(self, *, ask: bool = True) -> bool:
        """Save the pattern (after a confirmation unless ``ask`` is False)."""
        text = self.pattern.text().strip()
        self.form.clear_errors()
        if text == self.saved_pattern():
            return True
        number = structure_service.numbering_preview(self.ctx.db, self.series, text, self.today)
        if ask and number is not None:
            question = (
                self.tr(
                    "Invoices issued from now on will be numbered like {number}. Invoices "
                    "already issued keep their numbers. Change the pattern?"
                )
                if self.series == "invoice"
                else self.tr(
                    "Credit notes issued from now on will be numbered like {number}. Credit "
                    "notes already issued keep their numbers. Change the pattern?"
                )
            )
            if not confirm(
                self,
                self.tr("Change the number pattern"),
                question.format(number=number),
                self.tr("Change the pattern"),
            ):
                return False
        try:
            numbering.set_numbering_pattern(self.ctx.db, self.ctx.operator_id, self.series, text)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return False
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit(ask=False)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_message(exc))
            return False
        self.load()
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("Saved."))
        self.ctx.notify("numbering", [])
        return True


class StartBox(QGroupBox):
    """From which day usages are billed here: older ones were billed in the tool used
    before (a spreadsheet, another software) and are never proposed again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Usages billed before the software"), parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "If the lab billed its usages elsewhere before (a spreadsheet, another "
                "software), give the day invoicing starts here: older usages are never "
                "proposed in a basket nor in the monthly invoicing."
            )
        )
        hint.setWordWrap(True)
        lay.addWidget(hint)
        row = QHBoxLayout()
        self.enabled = QCheckBox(self.tr("Only propose the usages since"))
        self.enabled.setAccessibleName(self.tr("Only propose the usages since a day"))
        self.day = bound_to_accepted_days(QDateEdit())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setAccessibleName(self.tr("First day invoiced in the software"))
        self.save_button = QPushButton(self.tr("Save the day"))
        self.save_button.setAccessibleName(self.tr("Save the first day invoiced"))
        self.status = QLabel()
        for w in (self.enabled, self.day, self.save_button):
            row.addWidget(w)
        row.addWidget(self.status, 1)
        lay.addLayout(row)
        self.enabled.toggled.connect(self.day.setEnabled)
        self.save_button.clicked.connect(self.submit)
        load_when_shown(self, self.reload)

    def reload(self) -> None:
        start = baskets.invoicing_start(self.ctx.db)
        self.enabled.setChecked(start is not None)
        self.day.setEnabled(start is not None)
        value = start or lab_today().replace(day=1)
        self.day.setDate(QDate(value.year, value.month, value.day))

    def chosen(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        q = self.day.date()
        return date(q.year(), q.month(), q.day())

    def submit(self) -> bool:
        try:
            baskets.set_invoicing_start(self.ctx.db, self.ctx.operator_id, self.chosen())
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            self.status.setText(error_message(err))
            self.status.setStyleSheet(ERROR_STYLE)
            return False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved."))
        self.ctx.notify("structure", [1])
        return True


class InvoicingTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Invoices and credit notes are numbered in two continuous series, without gaps "
                "or duplicates. A new pattern applies to documents issued from now on; the "
                "patterns used before stay in the history."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        tokens = QLabel(
            self.tr(
                "<b>Tokens</b>: <tt>{year}</tt> the year (2026), <tt>{yy}</tt> the year on two "
                "digits (26), <tt>{month}</tt> the month (03), <tt>{counter}</tt> the counter "
                "(124), <tt>{counter:06}</tt> the counter on 6 digits (000124). The counter "
                "starts again at 1 every month with <tt>{month}</tt> (which needs the year "
                "too), every year with "
                "<tt>{year}</tt> or <tt>{yy}</tt>, never otherwise. Any other text (letters, "
                "digits, dashes) is kept as it is; no spaces."
            )
        )
        tokens.setTextFormat(Qt.TextFormat.RichText)
        tokens.setWordWrap(True)
        lay.addWidget(tokens)
        self.boxes = {series: SeriesBox(ctx, series) for series in SERIES}
        for box in self.boxes.values():
            lay.addWidget(box)
        self.start_box = StartBox(ctx)
        lay.addWidget(self.start_box)
        lay.addStretch(1)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_focused)
        ctx.changed.connect(self._on_changed)

    def _on_changed(self, entity: str, _ids: list) -> None:
        """Another desk's invoice moves the next number; its pattern, the pattern."""
        if entity in ("numbering", "invoice"):
            for box in self.boxes.values():
                box.refresh()

    def _save_focused(self) -> None:
        for box in self.boxes.values():
            if box.isAncestorOf(self.focusWidget()):
                box.submit()
                return
