"""Paramètres: the structure's identity (printed on invoices later) and the funders'
zones of its territory (ZRR / FRR, QPV communes), the publics,
the accounts at the desk (accounts_tab.py) and the interface language. Each tab is shown to
the roles that may use it (ui/access.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop import config
from tierslieu_desktop.domain.enums import VatRegime
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.finance import MAX_CARD_SETTLEMENT_DAYS
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.people import communes as communes_service
from tierslieu_desktop.services.people import structure as structure_service
from tierslieu_desktop.services.people.structure import StructureData
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.access import allowed
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy, run_write, show_error
from tierslieu_desktop.ui.labels import vat_regime_labels
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.stale import changed_elsewhere, reload_button, shown_again
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.responsive import scroll_contents
from tierslieu_desktop.ui.widgets.typed import TypedForm

OK_STYLE = "color: #1b5e20;"
TEXT_FIELDS = (
    "name",
    "legal_form",
    "capital",
    "rcs_city",
    "siret",
    "rna",
    "vat_number",
    "address",
    "postcode",
    "city",
    "email",
    "phone",
    "website",
    "iban",
    "bic",
)


def _percent(rate_bp: int) -> str:
    """A VAT rate in basis points as shown: 550 → "5,5 %"."""
    return formatting.percent(Decimal(rate_bp) / 100)


class StructureTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._logo: bytes | None = None
        self.loaded_data: structure_service.StructureData | None = None
        self.loaded_version: int | None = None  # the version load() read (issue 20)
        outer = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The identity of your tiers-lieu. It will be printed on invoices and reports.")
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.form = ValidatedForm(body)
        f = self.form
        labels = {
            "name": self.tr("&Name:"),
            "legal_form": self.tr("Legal form:"),
            "capital": self.tr("Share capital:"),
            "rcs_city": self.tr("RCS city:"),
            "siret": self.tr("SIRET:"),
            "rna": self.tr("RNA number:"),
            "vat_number": self.tr("VAT number:"),
            "address": self.tr("Address:"),
            "postcode": self.tr("Postcode:"),
            "city": self.tr("Commune:"),
            "email": self.tr("Email:"),
            "phone": self.tr("Phone:"),
            "website": self.tr("Website:"),
            "iban": self.tr("IBAN:"),
            "bic": self.tr("BIC:"),
        }
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in TEXT_FIELDS:
            if name == "address":
                self.vat_regime = f.add_field("vat_regime", self.tr("VAT regime:"), QComboBox())
                for value, label in vat_regime_labels().items():
                    self.vat_regime.addItem(label, value.value)
                self._add_invoicing_fields()
            edit = QPlainTextEdit() if name == "address" else QLineEdit()
            self.fields[name] = f.add_field(name, labels[name], edit)
        cast(QPlainTextEdit, self.fields["address"]).setTabChangesFocus(True)
        self.fields["address"].setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.fields["legal_form"].setPlaceholderText(self.tr("e.g. association loi 1901"))
        self.fields["rna"].setPlaceholderText(self.tr("W + 9 digits"))
        self.fields["capital"].setPlaceholderText(self.tr("e.g. 10 000 € (companies only)"))
        self.fields["rcs_city"].setPlaceholderText(self.tr("e.g. Cahors (companies only)"))
        self.vat_regime.currentIndexChanged.connect(self._update_vat_fields)

        logo_row = QWidget()
        lr = QHBoxLayout(logo_row)
        lr.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(200, 80)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #d5dde3; background: white;")
        self.choose_logo = QPushButton(self.tr("Choose an image…"))
        self.choose_logo.setAccessibleName(self.tr("Choose a logo image"))
        self.remove_logo = QPushButton(self.tr("Remove the logo"))
        self.remove_logo.setAccessibleName(self.tr("Remove the logo"))
        lr.addWidget(self.logo_preview)
        lr.addWidget(self.choose_logo)
        lr.addWidget(self.remove_logo)
        lr.addStretch(1)
        f.add_field("logo", self.tr("Logo:"), logo_row)
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        self._add_zone_fields()

        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.revert_button = QPushButton(self.tr("&Undo changes"))
        self.revert_button.setAccessibleName(self.tr("Undo changes"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the structure"))
        self.save_button.setDefault(True)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)
        self.save_button.clicked.connect(self.submit)
        self.revert_button.clicked.connect(self.load)
        # what was typed survives another desk's change (issue 20, widgets/typed.py)
        self.typed = TypedForm(
            *self.fields.values(),
            self.vat_regime,
            self.default_vat_rate,
            self.vat_on_debits,
            self.fiscal_year_start,
            self.card_settlement,
            self.voucher_value,
            self.payment_terms,
            *self.zone_fields.values(),
            extra=[(lambda: self._logo, self.set_logo)],
        )
        load_when_shown(self, self.load)

    def _add_invoicing_fields(self) -> None:
        f = self.form
        self.default_vat_rate = f.add_field(
            "default_vat_rate_bp", self.tr("Default VAT rate:"), QComboBox()
        )
        for rate in structure_service.VAT_RATES_BP:
            self.default_vat_rate.addItem(_percent(rate), rate)
        self.vat_on_debits = f.add_field(
            "vat_on_debits",
            self.tr("VAT on debits:"),
            QCheckBox(self.tr("Option for paying VAT on debits (printed on invoices)")),
        )
        self.fiscal_year_start = f.add_field(
            "fiscal_year_start_month", self.tr("Fiscal year starts in:"), QComboBox()
        )
        for month in range(1, 13):
            self.fiscal_year_start.addItem(formatting.month_name(month), month)
        self.fiscal_year_start.setToolTip(
            self.tr(
                "First month of the accounts' fiscal year (January: the calendar year). "
                "The FEC of year Y is the fiscal year that starts in Y."
            )
        )
        self.card_settlement = f.add_field(
            "card_settlement_days", self.tr("Card payments credited after:"), QSpinBox()
        )
        self.card_settlement.setRange(0, MAX_CARD_SETTLEMENT_DAYS)
        self.card_settlement.valueChanged.connect(self._card_settlement_suffix)
        self._card_settlement_suffix(self.card_settlement.value())
        self.card_settlement.setToolTip(
            self.tr(
                "Business days (weekends and public holidays skipped) between a card "
                "payment and the day the bank credits it: the accounts keep card payments "
                "on 5115 until then."
            )
        )
        self.voucher_value = f.add_field(
            "voucher_value_cents", self.tr("Pass numérique voucher value (€):"), QLineEdit()
        )
        self.voucher_value.setMaximumWidth(100)
        self.voucher_value.setToolTip(
            self.tr(
                "The value of one voucher received at the cyber-base's drop-in desk, as "
                "the accounts count it (usually 10 €)."
            )
        )
        self.payment_terms = f.add_field(
            "payment_terms_days", self.tr("Payment terms:"), QSpinBox()
        )
        # Wider than the legal 60 days: a typed 90 gets a message, not a silent 60.
        self.payment_terms.setRange(0, 365)
        self.payment_terms.setSuffix(self.tr(" days"))
        self.payment_terms.setSpecialValueText(self.tr("on receipt"))
        self.payment_terms.setToolTip(
            self.tr(
                "Due date of invoices to organisations and of mandates: days after the "
                "invoice date (at most 60). Front-desk sales are paid at once."
            )
        )

    def _add_zone_fields(self) -> None:
        """The funders' zones of the territory: the communes classified ZRR / FRR and the
        communes containing a QPV, typed or pasted, each recognised as the lab types."""
        labels = {
            "zrr_communes": self.tr("Communes classified ZRR / FRR:"),
            "qpv_communes": self.tr("Communes with a QPV:"),
        }
        self.zone_fields: dict[str, QPlainTextEdit] = {}
        self.zone_info: dict[str, QLabel] = {}
        self._zone_timer = QTimer(self)
        self._zone_timer.setSingleShot(True)
        self._zone_timer.setInterval(400)
        self._zone_timer.timeout.connect(self._update_zone_info)
        for name, label in labels.items():
            edit = self.form.add_field(name, label, QPlainTextEdit())
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
            edit.setPlaceholderText(
                self.tr("INSEE codes or names, one a line or separated by commas")
            )
            edit.setToolTip(
                self.tr(
                    "The communes of your territory in the funders' list (type or paste "
                    "INSEE codes such as 46102, or names, with the postcode when several "
                    "communes bear the name). The reports count the users living there."
                )
            )
            edit.textChanged.connect(self._zone_timer.start)
            info = QLabel()
            info.setWordWrap(True)
            info.setObjectName(f"info_{name}")
            self.form.addRow("", info)
            self.zone_fields[name] = edit
            self.zone_info[name] = info

    def _show_saved_zone(self, name: str, count: int) -> None:
        self.zone_info[name].setStyleSheet("")
        self.zone_info[name].setText(self.tr("Communes recognised: {count}.").format(count=count))
        self.zone_info[name].setVisible(count > 0)

    def _update_zone_info(self) -> None:
        """Under each list: how many communes are recognised, and the lines that are not."""
        self._zone_timer.stop()
        for name, edit in self.zone_fields.items():
            found = communes_service.resolve_communes(edit.toPlainText())
            text = self.tr("Communes recognised: {count}.").format(count=len(found.codes))
            if found.unknown:
                missing = "; ".join(
                    self.tr("line {line}: “{entry}”").format(line=line, entry=entry)
                    for line, entry in found.unknown
                )
                text += " " + self.tr("Not recognised: {entries}.").format(entries=missing)
            self.zone_info[name].setStyleSheet(ERROR_STYLE if found.unknown else "")
            self.zone_info[name].setText(text)
            self.zone_info[name].setVisible(bool(found.codes or found.unknown))

    def _card_settlement_suffix(self, days: int) -> None:
        self.card_settlement.setSuffix(self.tr(" business days", "", days))

    def _update_vat_fields(self, *_args: object) -> None:
        liable = self.vat_regime.currentData() == VatRegime.LIABLE.value
        self.form.set_field_visible("default_vat_rate_bp", liable)
        self.form.set_field_visible("vat_on_debits", liable)

    def load(self) -> None:
        """The structure as saved (« Annuler les modifications » too: after another desk
        saved it first, this loads its values and the version to save from)."""
        data = structure_service.get_structure(self.ctx.db)
        self.loaded_data = data
        self.loaded_version = structure_service.structure_version(self.ctx.db)
        for name, edit in self.fields.items():
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(getattr(data, name))
            else:
                edit.setText(getattr(data, name))
        self.vat_regime.setCurrentIndex(max(self.vat_regime.findData(data.vat_regime.value), 0))
        rate_index = self.default_vat_rate.findData(data.default_vat_rate_bp)
        if rate_index < 0:  # a rate saved by an older version: show it as it is
            self.default_vat_rate.addItem(
                _percent(data.default_vat_rate_bp), data.default_vat_rate_bp
            )
            rate_index = self.default_vat_rate.count() - 1
        self.default_vat_rate.setCurrentIndex(rate_index)
        self.vat_on_debits.setChecked(data.vat_on_debits)
        self.payment_terms.setValue(data.payment_terms_days)
        self.fiscal_year_start.setCurrentIndex(
            max(self.fiscal_year_start.findData(data.fiscal_year_start_month), 0)
        )
        self.card_settlement.setValue(data.card_settlement_days)
        self.voucher_value.setText(formatting.amount_input(data.voucher_value_cents))
        self._update_vat_fields()
        self.set_logo(data.logo)
        for name, edit in self.zone_fields.items():
            edit.setPlainText(communes_service.communes_text(getattr(data, name)))
            self._show_saved_zone(name, len(getattr(data, name).split()))
        self._zone_timer.stop()  # what was saved was recognised: no need to read it again
        self.form.clear_errors()
        self.status.clear()
        self.typed.filled((data, self.loaded_version))

    def refresh(self) -> None:
        """Another desk saved the structure: its values shown — unless something was typed
        here and not saved, which stays, with the version it was typed on (the save is
        then refused as stale, « Annuler les modifications » loads theirs)."""
        if self.loaded_data is None:
            return  # not shown yet: read when first shown
        said = (self.status.text(), self.status.styleSheet())  # « Enregistré. », a refusal
        with self.typed.kept():
            self.load()
        self.loaded_data, self.loaded_version = self.typed.base
        self.status.setText(said[0])
        self.status.setStyleSheet(said[1])

    def set_logo(self, content: bytes | None) -> None:
        self._logo = content
        pixmap = QPixmap()
        if content and pixmap.loadFromData(QByteArray(content)):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("no logo"))
        self.remove_logo.setEnabled(content is not None)

    def load_logo_file(self, path: str) -> bool:
        """Read an image file as the logo; False (with a message) when it is not an image."""
        try:
            with open(path, "rb") as fh:
                content = fh.read()
        except OSError:
            content = b""
        if not QPixmap().loadFromData(QByteArray(content)):
            self.form.show_errors({"logo": "image_invalid"})
            return False
        self.form.clear_errors()
        self.set_logo(content)
        return True

    def _choose_logo(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Choose the logo"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg)"),
            kind="logo",
        )
        if path:
            self.load_logo_file(path)

    def current_data(self) -> StructureData:
        values = {
            name: edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            for name, edit in self.fields.items()
        }
        return StructureData(
            **values,
            vat_regime=VatRegime(self.vat_regime.currentData()),
            logo=self._logo,
            payment_terms_days=self.payment_terms.value(),
            default_vat_rate_bp=int(self.default_vat_rate.currentData()),
            vat_on_debits=self.vat_on_debits.isChecked(),
            fiscal_year_start_month=int(self.fiscal_year_start.currentData()),
            card_settlement_days=self.card_settlement.value(),
            voucher_value_cents=self._voucher_cents(),
            **{name: edit.toPlainText() for name, edit in self.zone_fields.items()},
        )

    def _voucher_cents(self) -> int:
        """The voucher value typed; 0 (refused by the service, under the field) when it
        is not an amount."""
        try:
            return parse_amount(self.voucher_value.text())
        except AmountError:
            return 0

    def submit(self) -> bool:
        self.form.clear_errors()
        try:
            structure_service.save_structure(
                self.ctx.db,
                self.ctx.operator_id,
                self.current_data(),
                expected_version=self.loaded_version,
            )
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            self._update_zone_info()
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_message(exc))
            return False
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit()
            if exc.code == "stale_record":  # another desk saved it first (issue 20)
                changed_elsewhere(exc, self.loaded_data)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_message(exc))
            return False
        self.load()
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("Saved."))
        self.ctx.notify("structure", [1])
        return True


class AudiencesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        intro = QLabel(
            self.tr(
                "Publics group your members for prices and statistics. An archived public "
                "is no longer offered for new members; its history is kept."
            )
        )
        intro.setWordWrap(True)
        left.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Publics"))
        left.addWidget(self.list, 1)
        self.show_archived = QCheckBox(self.tr("Show archived publics"))
        self.show_archived.setAccessibleName(self.tr("Show archived publics"))
        left.addWidget(self.show_archived)
        lay.addLayout(left, 1)

        right = QVBoxLayout()
        self.form = ValidatedForm()
        self.name = self.form.add_field("name", self.tr("&Name:"), QLineEdit())
        self.description = self.form.add_field("description", self.tr("Description:"), QLineEdit())
        # what was typed survives another desk's change (issue 20, widgets/typed.py)
        self.typed = TypedForm(self.name, self.description)
        right.addLayout(self.form)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New public"))
        self.new_button.setAccessibleName(self.tr("New public"))
        self.save_button = QPushButton(self.tr("Save the public"))
        self.save_button.setAccessibleName(self.tr("Save the public"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setAccessibleName(self.tr("Archive or restore the public"))
        for b in (self.new_button, self.save_button, self.archive_button):
            buttons.addWidget(b)
        right.addLayout(buttons)
        # another desk saved the public first (issue 20): the sentence, what was typed
        # stays, « Recharger » loads the saved values
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        right.addWidget(self.message)
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(lambda: self.reload(self.current_id()))
        right.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addStretch(1)
        lay.addLayout(right, 1)

        self.list.currentItemChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.submit)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived.toggled.connect(lambda _c: self.reload())
        self.name.returnPressed.connect(self.submit)
        load_when_shown(self, self.reload)

    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        rows = audience_service.list_audiences(
            self.ctx.db, include_archived=self.show_archived.isChecked()
        )
        self._rows = {a.id: a for a in rows}
        for a in rows:
            count = self.tr("{count} members").format(count=formatting.number(a.member_count))
            text = f"{a.name} — {count}"
            if a.archived:
                text += " " + self.tr("(archived)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.list.addItem(item)
            if a.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._on_current()

    def refresh(self) -> None:
        """A change made elsewhere (another desk, another page): the list read again, the
        selection kept, what was typed and not saved kept with the public it edits."""
        if not hasattr(self, "_rows"):
            return  # not shown yet: read when first shown
        told = not self.message.isHidden()
        with self.typed.kept():
            self.reload()
        if told and self.typed.edited:  # the stale save's sentence and « Recharger » stay
            self.message.show()
            self.reload_button.show()

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def current(self) -> audience_service.AudienceRow | None:
        """The public as the list read it."""
        return self._rows.get(self.current_id() or -1)

    def _on_current(self, *_args: object) -> None:
        self.form.clear_errors()
        self.message.hide()
        self.reload_button.hide()
        row = self.current()
        self.name.setText(row.name if row else "")
        self.description.setText(row.description if row else "")
        self.typed.filled(row)
        self.archive_button.setEnabled(row is not None)
        self.archive_button.setText(
            self.tr("Restore") if row is not None and row.archived else self.tr("Archive")
        )

    def start_new(self) -> None:
        self.list.setCurrentItem(None)  # type: ignore[call-overload]  # the stubs forbid None
        self.list.clearSelection()
        self._on_current()
        self.name.setFocus()

    def submit(self) -> int | None:
        self.form.clear_errors()
        self.message.hide()
        self.reload_button.hide()
        # the public the form was filled from, and its version then (not a fresher one a
        # refresh read since: another desk's save is refused as stale, never overwritten)
        row = cast(audience_service.AudienceRow | None, self.typed.base)
        try:
            audience_id = audience_service.save_audience(
                self.ctx.db,
                self.ctx.operator_id,
                self.name.text(),
                self.description.text(),
                row.id if row else None,
                expected_version=row.version if row else None,
            )
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return None
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit()
            if exc.code == "stale_record":  # another desk saved it first: typed text stays
                changed_elsewhere(exc, row)
                self.message.setText(error_message(exc))
                self.message.show()
                self.reload_button.show()
                return None
            show_error(self, exc)
            return None
        self.ctx.notify("audience", [audience_id])
        self.reload(audience_id)
        return audience_id

    def toggle_archived(self) -> None:
        row = self._rows.get(self.current_id() or -1)
        if row is None:
            return
        if not row.archived and not confirm(
            self,
            self.tr("Archive the public"),
            self.tr(
                "Archive the public “{name}”? Its {count} members keep it; it is no longer "
                "offered for new members."
            ).format(name=row.name, count=row.member_count),
            self.tr("Archive"),
        ):
            return
        try:
            run_write(
                self,
                lambda: audience_service.set_audience_archived(
                    self.ctx.db,
                    self.ctx.operator_id,
                    row.id,
                    not row.archived,
                    expected_version=row.version,
                ),
            )
        except DomainError as exc:
            show_error(self, shown_again(exc))  # e.g. changed on another desk: nothing written
            self.reload(row.id)  # the public as it is now
            return
        self.ctx.notify("audience", [row.id])
        self.reload(row.id)


class LanguageTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        form = ValidatedForm()
        self.combo = form.add_field("language", self.tr("Interface language:"), QComboBox())
        self.combo.addItem("Français", "fr")
        self.combo.addItem("English", "en")
        self.combo.setCurrentIndex(max(self.combo.findData(config.saved_language()), 0))
        lay.addLayout(form)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        lay.addStretch(1)
        self.combo.currentIndexChanged.connect(self._on_changed)

    def _on_changed(self, _index: int) -> None:
        lang = self.combo.currentData()
        config.save_setting("language", lang)
        if lang == self.ctx.language:
            self.note.clear()
        else:
            self.note.setText(
                self.tr("The new language will be used the next time the application starts.")
            )


class SettingsPage(Page):
    setup_requested = Signal()  # « Assistant de configuration… »: the window opens it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 12)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        self.setup_button = QPushButton(self.tr("Setup assistant…"))
        self.setup_button.setAccessibleName(self.tr("Open the setup assistant"))
        self.setup_button.clicked.connect(self.setup_requested)
        head.addWidget(self.setup_button)
        # Bringing the lab's existing records in (issue 18): the import wizard
        self.import_button = QPushButton(self.tr("I&mport…"))
        self.import_button.setAccessibleName(self.tr("Import members or machines from a file"))
        import_menu = QMenu(self.import_button)
        self.import_members_action = import_menu.addAction(self.tr("Members…"))
        self.import_members_action.triggered.connect(self.import_members)
        self.import_machines_action = import_menu.addAction(self.tr("Machines…"))
        self.import_machines_action.triggered.connect(self.import_machines)
        self.import_button.setMenu(import_menu)
        head.addWidget(self.import_button)
        lay.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        self.structure = StructureTab(ctx)
        self.audiences = AudiencesTab(ctx)
        from tierslieu_desktop.ui.pages.settings.accounts_tab import AccountsTab

        self.accounts = AccountsTab(ctx)
        self.language = LanguageTab(ctx)
        self.tabs.addTab(self.structure, self.tr("&Structure"))
        self.tabs.addTab(self.audiences, self.tr("&Publics"))
        self.tabs.addTab(self.accounts, self.tr("&Accounts"))
        self.tabs.addTab(self.language, self.tr("&Language"))
        from tierslieu_desktop.ui.pages.settings.consumables import ConsumablesTab

        self.consumables = ConsumablesTab(ctx)
        self.tabs.insertTab(
            self.tabs.indexOf(self.language), self.consumables, self.tr("&Consumables")
        )
        from tierslieu_desktop.ui.pages.settings.tariffs import TariffsTab

        self.tariffs = TariffsTab(ctx)
        self.tabs.insertTab(self.tabs.indexOf(self.language), self.tariffs, self.tr("&Tariffs"))
        from tierslieu_desktop.ui.pages.settings.invoicing import InvoicingTab

        self.invoicing = InvoicingTab(ctx)
        self.tabs.insertTab(self.tabs.indexOf(self.language), self.invoicing, self.tr("&Invoicing"))
        scroll_contents(self.invoicing)  # a long form: scrolls on a 600 px high screen
        from tierslieu_desktop.ui.pages.settings.staff_tab import StaffTab

        self.staff = StaffTab(ctx)
        self.tabs.insertTab(self.tabs.indexOf(self.accounts) + 1, self.staff, self.tr("T&eam"))
        from tierslieu_desktop.ui.pages.settings.backups_tab import BackupsTab

        self.backups = BackupsTab(ctx)
        self.tabs.insertTab(self.tabs.indexOf(self.language), self.backups, self.tr("&Backups"))
        from tierslieu_desktop.ui.pages.settings.personal_data_tab import PersonalDataTab

        self.personal_data = PersonalDataTab(ctx)  # issue 19: retention, register
        self.tabs.insertTab(
            self.tabs.indexOf(self.language), self.personal_data, self.tr("Personal &data")
        )
        from tierslieu_desktop.ui.pages.settings.journal_tab import JournalTab

        self.journal = JournalTab(ctx)
        self.tabs.insertTab(self.tabs.indexOf(self.language), self.journal, self.tr("&Journal"))
        from tierslieu_desktop.ui.pages.settings.database_tab import DatabaseTab

        self.database = DatabaseTab(ctx)  # issue 20: a file or a PostgreSQL server
        self.tabs.insertTab(self.tabs.indexOf(self.language), self.database, self.tr("D&atabase"))
        scroll_contents(self.database)  # the server's form scrolls on a 600 px high screen
        lay.addWidget(self.tabs, 1)
        ctx.changed.connect(self._on_changed)
        self._apply_access()
        ctx.principal_changed.connect(self._apply_access)

    def _apply_access(self) -> None:
        """The tabs, the assistant and the imports the operator logged in may use; every
        operator keeps Comptes (their own password) and Langue."""
        needs = {
            self.structure: Permission.SETTINGS,
            self.audiences: Permission.SETTINGS,
            self.staff: Permission.SETTINGS,
            self.consumables: Permission.PARK,
            self.tariffs: Permission.TARIFFS,
            self.invoicing: Permission.INVOICES,
            self.backups: Permission.BACKUPS,
            self.database: Permission.SETTINGS,  # which database this desk opens
            self.personal_data: Permission.PERSONAL_DATA,
            self.journal: Permission.OPERATORS,
        }
        for tab, permission in needs.items():
            index, ok = self.tabs.indexOf(tab), allowed(self.ctx, permission)
            if self.tabs.isTabVisible(index) != ok:  # Qt shows the page itself otherwise
                self.tabs.setTabVisible(index, ok)
        self.setup_button.setVisible(allowed(self.ctx, Permission.SETTINGS))
        self.import_button.setVisible(allowed(self.ctx, Permission.IMPORTS))
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentWidget(self.accounts)

    def reload_after_setup(self) -> None:
        """The setup assistant saved the structure and the publics: show them."""
        self.structure.load()
        self.audiences.reload()

    def import_members(self) -> None:
        from tierslieu_desktop.ui.imports.entry import members_wizard

        self.import_wizard = members_wizard(self.ctx, self)
        self.import_wizard.exec()

    def import_machines(self) -> None:
        from tierslieu_desktop.ui.imports.entry import machines_wizard

        self.import_wizard = machines_wizard(self.ctx, self)
        self.import_wizard.exec()

    def _on_changed(self, entity: str, _ids: list) -> None:
        """A change made elsewhere: the lists again, what was typed kept (widgets/typed.py)."""
        if entity in ("member", "audience"):  # the publics and their member counts
            self.audiences.refresh()
        if entity == "structure":
            self.structure.refresh()
        if entity == "staff":
            self.staff.refresh()
        if entity == "operator":
            self.accounts.refresh()
