"""The finance forms: funder, grant (financed machines, planned budget by CERFA category;
a second tab for its funder report: allocation key, annex texts, numeric objectives),
grant payment, in-kind contribution, expense. Each saves in one service call and shows
the field errors under their fields."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.finance import funding as finance
from tierslieu_desktop.services.park import machines as machine_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.pages.finances.labels import (
    activity_names,
    expense_category_names,
    expense_payment_method_names,
    in_kind_names,
    level_names,
    nature_names,
    report_status_names,
    sector_names,
)
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.stale import changed_elsewhere, reload_button
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.responsive import VerticalScroll
from tierslieu_desktop.ui.widgets.tables import item_at

PUBLIC_LEVELS = ("commune", "epci", "departement", "region", "etat", "ue", "social", "employment")
# planned budget of a grant: the CERFA 15059 charges, then products and in-kind sources
# (the other keys a grant may hold — each co-financer "74_f<id>", detailed in-kind
# "861"… — are kept as they are when the dialog saves)
CERFA_CATEGORIES = (
    "60", "61", "62", "63", "64", "65", "66", "67", "68", "86", "70", "74", "756", "75", "87",
)  # fmt: skip


def cerfa_names() -> dict[str, str]:
    return {
        "60": QCoreApplication.translate("FinanceLabels", "60 – Purchases"),
        "61": QCoreApplication.translate("FinanceLabels", "61 – External services"),
        "62": QCoreApplication.translate("FinanceLabels", "62 – Other external services"),
        "63": QCoreApplication.translate("FinanceLabels", "63 – Taxes"),
        "64": QCoreApplication.translate("FinanceLabels", "64 – Staff costs"),
        "65": QCoreApplication.translate("FinanceLabels", "65 – Other current costs"),
        "66": QCoreApplication.translate("FinanceLabels", "66 – Financial costs"),
        "67": QCoreApplication.translate("FinanceLabels", "67 – Exceptional costs"),
        "68": QCoreApplication.translate("FinanceLabels", "68 – Depreciation and provisions"),
        "86": QCoreApplication.translate("FinanceLabels", "86 – In-kind contributions"),
        "70": QCoreApplication.translate("FinanceLabels", "70 – Own revenue (sales, services)"),
        "74": QCoreApplication.translate("FinanceLabels", "74 – This grant"),
        "756": QCoreApplication.translate("FinanceLabels", "756 – Membership fees"),
        "75": QCoreApplication.translate("FinanceLabels", "75 – Sponsorship and donations"),
        "87": QCoreApplication.translate("FinanceLabels", "87 – In-kind contributions received"),
    }


def alloc_key_names() -> dict[str, str]:
    return {
        "direct": QCoreApplication.translate(
            "FinanceLabels", "None: only the costs assigned to the grant"
        ),
        "hours": QCoreApplication.translate(
            "FinanceLabels", "Machine hours (the grant's machines ÷ all machines)"
        ),
        "staff": QCoreApplication.translate(
            "FinanceLabels", "Staff time (staff costs assigned to the grant ÷ all staff costs)"
        ),
        "fixed": QCoreApplication.translate("FinanceLabels", "Fixed percentage"),
    }


def report_text_names() -> dict[str, str]:
    return {
        "objectives": QCoreApplication.translate("FinanceLabels", "&Objectives:"),
        "done": QCoreApplication.translate("FinanceLabels", "Actions &carried out:"),
        "publics": QCoreApplication.translate("FinanceLabels", "&Publics reached:"),
        "partners": QCoreApplication.translate("FinanceLabels", "Pa&rtners:"),
        "difficulties": QCoreApplication.translate("FinanceLabels", "&Difficulties:"),
        "perspectives": QCoreApplication.translate("FinanceLabels", "P&erspectives:"),
    }


def target_names() -> dict[str, str]:
    return {
        "users": QCoreApplication.translate("FinanceLabels", "Objective: distinct &users:"),
        "hours": QCoreApplication.translate("FinanceLabels", "Objective: machine &hours:"),
        "sessions": QCoreApplication.translate("FinanceLabels", "Objective: sess&ions:"),
    }


def date_edit(ctx: AppContext, value: date) -> QDateEdit:
    edit = bound_to_accepted_days(QDateEdit())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(to_qdate(value))
    return edit


def optional_date_edit(value: date | None) -> QLineEdit:
    edit = QLineEdit(formatting.short_date(value))
    edit.setPlaceholderText(QCoreApplication.translate("FinanceLabels", "dd/mm/yyyy"))
    return edit


def scrolled(form: ValidatedForm) -> QScrollArea:
    """A form in a page that scrolls when the screen is short (never sideways)."""
    page = QWidget()
    page.setLayout(form)
    return VerticalScroll(page)


def combo(names: dict[str, str], codes: tuple[str, ...] | None = None) -> QComboBox:
    box = QComboBox()
    for code in codes or tuple(names):
        box.addItem(names[code], code)
    return box


def select_data(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


class FinanceDialog(QDialog):
    """A form, an error banner and Save/Cancel; subclasses implement ``save() -> int``."""

    entity = "finance"

    def __init__(
        self, ctx: AppContext, title: str, parent: QWidget | None = None, *, tabbed: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.setWindowTitle(title)
        self.lay = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.lay.addWidget(self.banner)
        # another desk saved the record first (issue 20): what was typed stays; the
        # dialogs that can fill themselves again offer « Recharger » (reload())
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(self._reload_clicked)
        self.lay.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.loaded_data: object | None = None  # the record the form was filled from
        self.form = ValidatedForm()
        self.tabs: QTabWidget | None = None
        if tabbed:  # the form in a first tab, scrolled; the subclass names it, adds others
            self.tabs = QTabWidget()
            self.tabs.addTab(scrolled(self.form), "")
            self.lay.addWidget(self.tabs, 1)
        else:  # a long form on a 600 px screen scrolls
            body = QWidget()
            body.setLayout(self.form)
            self.lay.addWidget(VerticalScroll(body), 1)

    def add_buttons(self) -> None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        save.setAccessibleName(self.tr("Save"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.lay.addWidget(buttons)

    def save(self) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def reload(self) -> bool:
        """Fill the form again from the record as saved now; False when this dialog
        cannot (the user closes it and opens the record again)."""
        return False

    def _reload_clicked(self) -> None:
        self.form.clear_errors()
        self.reload_button.hide()
        try:
            self.reload()
        except DomainError as err:  # e.g. removed on the other desk meanwhile
            self.banner.setText(error_message(err))
            self.banner.show()
            return
        self.banner.hide()

    def show_field_errors(self, errors: dict[str, str]) -> list[str]:
        """Each error under its field; returns the fields the dialog does not show."""
        return self.form.show_errors(errors)

    def amount(self, name: str, *, optional: bool = False) -> int | None:
        text = cast(QLineEdit, self.form.field(name)).text()
        if optional and not text.strip():
            return None
        try:
            return parse_amount(text)
        except AmountError as exc:
            raise ValidationError({name: exc.code}) from None

    def optional_date(self, name: str) -> date | None:
        text = cast(QLineEdit, self.form.field(name)).text()
        if not text.strip():
            return None
        day = formatting.parse_date(text)
        if day is None:
            raise ValidationError({name: "date_invalid"})
        return day

    def submit(self) -> None:
        self.form.clear_errors()
        self.banner.hide()
        try:
            self.saved_id = self.save()
        except ValidationError as err:
            unknown = self.show_field_errors(err.fields)
            self.banner.setText(
                error_message(err) + (f" ({', '.join(unknown)})" if unknown else "")
            )
            self.banner.show()
            return
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            stale = err.code == "stale_record"
            if stale and self.loaded_data is not None:
                changed_elsewhere(err, self.loaded_data)  # the other desk's changes only
            self.banner.setText(error_message(err))
            self.banner.show()
            self.reload_button.setVisible(stale and type(self).reload is not FinanceDialog.reload)
            return
        self.reload_button.hide()
        self.ctx.notify(self.entity, [self.saved_id])
        self.accept()


class FunderDialog(FinanceDialog):
    entity = "funder"

    def __init__(
        self,
        ctx: AppContext,
        funder: finance.FunderRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Funder") if funder else self.tr("New funder"), parent)
        self.funder = funder
        self.name = self.form.add_field("name", self.tr("&Name:"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. Région Occitanie, CAF, Fondation Orange"))
        self.sector = self.form.add_field("sector", self.tr("&Sector:"), combo(sector_names()))
        self.level = self.form.add_field("level", self.tr("&Level:"), combo(level_names()))
        self.contact = self.form.add_field("contact", self.tr("&Contact:"), QLineEdit())
        self.notes = self.form.add_field("notes", self.tr("N&otes:"), QPlainTextEdit())
        self.notes.setMaximumHeight(80)
        self.notes.setTabChangesFocus(True)
        if funder:
            self._fill(funder)
        self.level.currentIndexChanged.connect(self._level_changed)
        self.add_buttons()

    def _fill(self, funder: finance.FunderRow) -> None:
        self.loaded_data = self.funder = funder
        self.name.setText(funder.name)
        select_data(self.sector, funder.sector)
        select_data(self.level, funder.level)
        self.contact.setText(funder.contact)
        self.notes.setPlainText(funder.notes)

    def reload(self) -> bool:
        if self.funder is None:
            return False
        fresh = [f for f in finance.list_funders(self.ctx.db, include_archived=True)]
        found = next((f for f in fresh if f.id == self.funder.id), None)
        if found is not None:
            self._fill(found)
        return found is not None

    def _level_changed(self, _i: int) -> None:
        level = self.level.currentData()
        select_data(self.sector, "public" if level in PUBLIC_LEVELS else "private")

    def save(self) -> int:
        return finance.save_funder(
            self.ctx.db,
            self.ctx.operator_id,
            funder_id=self.funder.id if self.funder else None,
            name=self.name.text(),
            sector=self.sector.currentData(),
            level=self.level.currentData(),
            contact=self.contact.text(),
            notes=self.notes.toPlainText(),
            expected_version=self.funder.version if self.funder else None,
        )


class GrantDialog(FinanceDialog):
    entity = "grant"

    def __init__(
        self,
        ctx: AppContext,
        grant: finance.GrantRow | None = None,
        parent: QWidget | None = None,
        *,
        funder_id: int | None = None,
    ) -> None:
        super().__init__(
            ctx, self.tr("Grant") if grant else self.tr("New grant"), parent, tabbed=True
        )
        self.grant = self.loaded_data = grant
        self.resize(640, 700)
        assert self.tabs is not None
        self.tabs.setAccessibleName(self.tr("Grant sections"))
        self.tabs.setTabText(0, self.tr("Grant"))
        self.report_form = ValidatedForm()
        self.tabs.addTab(scrolled(self.report_form), self.tr("Funder report"))
        f = self.form
        self.funder = f.add_field("funder_id", self.tr("&Funder:"), QComboBox())
        for row in finance.list_funders(ctx.db):
            self.funder.addItem(row.name, row.id)
        self.purpose = f.add_field("purpose", self.tr("&Purpose:"), QLineEdit())
        self.nature = f.add_field("nature", self.tr("Na&ture:"), combo(nature_names()))
        today = lab_today()
        self.period_start = f.add_field(
            "period_start", self.tr("Period &from:"), date_edit(ctx, date(today.year, 1, 1))
        )
        self.period_end = f.add_field(
            "period_end", self.tr("Period &until:"), date_edit(ctx, date(today.year, 12, 31))
        )
        self.requested = f.add_field("requested_cents", self.tr("&Requested (€):"), QLineEdit())
        self.requested_on = f.add_field(
            "requested_on", self.tr("Requested on:"), optional_date_edit(None)
        )
        self.granted = f.add_field("granted_cents", self.tr("&Granted (€):"), QLineEdit())
        self.granted.setPlaceholderText(self.tr("empty = not decided yet"))
        self.granted_on = f.add_field(
            "granted_on", self.tr("Granted on:"), optional_date_edit(None)
        )
        self.report_due = f.add_field(
            "report_due", self.tr("Report &due on:"), optional_date_edit(None)
        )
        self.report_status = f.add_field(
            "report_status", self.tr("Report &status:"), combo(report_status_names())
        )
        self.actions_financed = f.add_field(
            "actions", self.tr("&Actions financed:"), QPlainTextEdit()
        )
        self.actions_financed.setMaximumHeight(60)
        self.actions_financed.setTabChangesFocus(True)
        self.machines = f.add_field("machine_ids", self.tr("&Machines financed:"), QListWidget())
        self.machines.setMaximumHeight(100)
        for m in machine_service.list_machines(ctx.db):
            item = QListWidgetItem(m.name)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.machines.addItem(item)
        names = cerfa_names()
        self.budget = f.add_field(
            "planned_budget", self.tr("&Planned budget:"), QTableWidget(len(CERFA_CATEGORIES), 2)
        )
        self.budget.setHorizontalHeaderLabels([self.tr("CERFA category"), self.tr("Amount (€)")])
        self.budget.verticalHeader().hide()
        self.budget.horizontalHeader().setStretchLastSection(True)
        self.budget.setColumnWidth(0, 280)
        self.budget.setMinimumHeight(160)
        for i, code in enumerate(CERFA_CATEGORIES):
            label = QTableWidgetItem(names[code])
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setData(Qt.ItemDataRole.UserRole, code)
            self.budget.setItem(i, 0, label)
            self.budget.setItem(i, 1, QTableWidgetItem(""))
        self.notes = f.add_field("notes", self.tr("N&otes:"), QLineEdit())
        self._report_fields()
        if funder_id is not None:
            select_data(self.funder, funder_id)
        if grant:
            self._fill(grant)
        self._key_changed(0)
        self.add_buttons()

    def _report_fields(self) -> None:
        """The second tab: the allocation key, the annex texts, the numeric objectives."""
        r = self.report_form
        self.alloc_key = r.add_field(
            "alloc_key", self.tr("Allocation &key of shared costs:"), combo(alloc_key_names())
        )
        self.alloc_key.currentIndexChanged.connect(self._key_changed)
        self.alloc_fixed = r.add_field("alloc_fixed_bp", self.tr("Fixed &share (%):"), QLineEdit())
        self.alloc_fixed.setPlaceholderText(self.tr("e.g. 42"))
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, label in report_text_names().items():
            box = r.add_field(f"report_{key}", label, QPlainTextEdit())
            box.setTabChangesFocus(True)
            box.setMaximumHeight(70)
            self.texts[key] = box
        self.targets: dict[str, QSpinBox] = {}
        for key, label in target_names().items():
            spin = r.add_field(f"target_{key}", label, QSpinBox())
            spin.setRange(0, 10_000_000)
            spin.setSpecialValueText(self.tr("none"))
            self.targets[key] = spin

    def _key_changed(self, _i: int) -> None:
        self.alloc_fixed.setEnabled(self.alloc_key.currentData() == "fixed")

    def show_field_errors(self, errors: dict[str, str]) -> list[str]:
        """Errors of both tabs under their fields; the tab of the first one shown."""
        main = {k: v for k, v in errors.items() if not self.report_form.has_field(k)}
        report = {k: v for k, v in errors.items() if self.report_form.has_field(k)}
        self.report_form.show_errors(report)
        unknown = self.form.show_errors(main)
        if self.tabs is not None and report and not main:
            self.tabs.setCurrentIndex(1)
        return unknown

    def report_terms(self) -> finance.GrantReportTerms:
        key = self.alloc_key.currentData()
        fixed: int | None = None
        if key == "fixed":
            text = self.alloc_fixed.text().strip().replace(",", ".").rstrip("%").strip()
            try:
                fixed = round(float(text) * 100) if text else None
            except ValueError:
                raise ValidationError({"alloc_fixed_bp": "invalid"}) from None
        return finance.GrantReportTerms(
            alloc_key=key,
            fixed_bp=fixed,
            texts={k: box.toPlainText() for k, box in self.texts.items()},
            targets={k: (spin.value() or None) for k, spin in self.targets.items()},
        )

    def _fill(self, g: finance.GrantRow) -> None:
        select_data(self.funder, g.funder_id)
        self.purpose.setText(g.purpose)
        select_data(self.nature, g.nature)
        self.period_start.setDate(to_qdate(g.period_start))
        self.period_end.setDate(to_qdate(g.period_end))
        self.requested.setText(formatting.amount_input(g.requested_cents))
        self.requested_on.setText(formatting.short_date(g.requested_on))
        self.granted.setText(formatting.amount_input(g.granted_cents))
        self.granted_on.setText(formatting.short_date(g.granted_on))
        self.report_due.setText(formatting.short_date(g.report_due))
        select_data(self.report_status, g.report_status)
        self.actions_financed.setPlainText(g.actions)
        self.notes.setText(g.notes)
        for i in range(self.machines.count()):
            item = self.machines.item(i)
            financed = item.data(Qt.ItemDataRole.UserRole) in g.machine_ids
            item.setCheckState(Qt.CheckState.Checked if financed else Qt.CheckState.Unchecked)
        for i, code in enumerate(CERFA_CATEGORIES):
            amount = g.planned_budget.get(code)
            item_at(self.budget, i, 1).setText(
                "" if amount is None else formatting.amount_input(amount)
            )
        select_data(self.alloc_key, g.alloc_key)
        if g.alloc_fixed_bp is not None:
            text = f"{g.alloc_fixed_bp / 100:g}"
            self.alloc_fixed.setText(text.replace(".", ",") if self.ctx.language == "fr" else text)
        else:
            self.alloc_fixed.clear()
        for key, box in self.texts.items():
            box.setPlainText(g.texts.get(key, ""))
        for key, spin in self.targets.items():
            spin.setValue(g.targets.get(key) or 0)

    def reload(self) -> bool:
        if self.grant is None:
            return False
        self.grant = self.loaded_data = finance.get_grant(self.ctx.db, self.grant.id)
        self._fill(self.grant)
        return True

    def set_machine_checked(self, machine_id: int, checked: bool = True) -> None:
        for i in range(self.machines.count()):
            item = self.machines.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == machine_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def planned_budget(self) -> dict[str, int]:
        # the keys the table does not show (co-financers, detailed in-kind) kept
        planned: dict[str, int] = {
            k: v
            for k, v in (self.grant.planned_budget if self.grant else {}).items()
            if k not in CERFA_CATEGORIES
        }
        for i, code in enumerate(CERFA_CATEGORIES):
            text = item_at(self.budget, i, 1).text().strip()
            if text:
                try:
                    planned[code] = parse_amount(text)
                except AmountError as exc:
                    raise ValidationError({"planned_budget": exc.code}) from None
        return planned

    def save(self) -> int:
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name, fn in (
            ("requested_cents", lambda: self.amount("requested_cents")),
            ("granted_cents", lambda: self.amount("granted_cents", optional=True)),
            ("requested_on", lambda: self.optional_date("requested_on")),
            ("granted_on", lambda: self.optional_date("granted_on")),
            ("report_due", lambda: self.optional_date("report_due")),
            ("planned_budget", self.planned_budget),
            ("report", self.report_terms),
        ):
            try:
                values[name] = fn()
            except ValidationError as err:
                errors.update(err.fields)
        if self.funder.currentData() is None:
            errors["funder_id"] = "required"
        if errors:
            raise ValidationError(errors)
        machine_ids = [
            self.machines.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.machines.count())
            if self.machines.item(i).checkState() == Qt.CheckState.Checked
        ]
        return finance.save_grant(
            self.ctx.db,
            self.ctx.operator_id,
            grant_id=self.grant.id if self.grant else None,
            funder_id=self.funder.currentData(),
            purpose=self.purpose.text(),
            nature=self.nature.currentData(),
            period_start=from_qdate(self.period_start.date()),
            period_end=from_qdate(self.period_end.date()),
            actions=self.actions_financed.toPlainText(),
            report_status=self.report_status.currentData(),
            machine_ids=machine_ids,
            notes=self.notes.text(),
            expected_version=self.grant.version if self.grant else None,
            **values,
        )


class PaymentDialog(FinanceDialog):
    entity = "grant"

    def __init__(self, ctx: AppContext, grant: finance.GrantRow, parent: QWidget | None = None):
        super().__init__(
            ctx, self.tr("Payment received for “{purpose}”").format(purpose=grant.purpose), parent
        )
        self.grant = grant
        self.day = self.form.add_field(
            "received_on", self.tr("&Received on:"), date_edit(ctx, lab_today())
        )
        self.amount_edit = self.form.add_field("amount_cents", self.tr("&Amount (€):"), QLineEdit())
        rest = (grant.granted_cents or 0) - grant.received_cents
        if rest > 0:
            self.amount_edit.setText(formatting.amount_input(rest))
        self.note = self.form.add_field("note", self.tr("&Note:"), QLineEdit())
        self.add_buttons()

    def save(self) -> int:
        return finance.add_grant_payment(
            self.ctx.db,
            self.ctx.operator_id,
            self.grant.id,
            from_qdate(self.day.date()),
            self.amount("amount_cents") or 0,
            self.note.text(),
        )


class InKindDialog(FinanceDialog):
    entity = "in_kind"

    def __init__(
        self, ctx: AppContext, row: finance.InKindRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            self.tr("In-kind contribution") if row else self.tr("New in-kind contribution"),
            parent,
        )
        self.row = self.loaded_data = row
        self.funder = self.form.add_field("funder_id", self.tr("&Given by:"), QComboBox())
        self.funder.addItem(self.tr("Volunteers"), None)
        for f in finance.list_funders(ctx.db):
            self.funder.addItem(f.name, f.id)
        self.year = self.form.add_field("year", self.tr("&Year:"), QSpinBox())
        self.year.setRange(2000, 2100)
        self.year.setValue(lab_today().year)
        self.kind = self.form.add_field("kind", self.tr("&Kind:"), combo(in_kind_names()))
        self.description = self.form.add_field("description", self.tr("&Description:"), QLineEdit())
        self.hours = self.form.add_field("hours", self.tr("&Hours:"), QLineEdit())
        self.hours.setPlaceholderText(self.tr("for volunteering or staff"))
        self.value = self.form.add_field("value_cents", self.tr("&Value (€):"), QLineEdit())
        if row:
            self._fill(row)
        self.add_buttons()

    def _fill(self, row: finance.InKindRow) -> None:
        self.row = self.loaded_data = row
        select_data(self.funder, row.funder_id)
        self.year.setValue(row.year)
        select_data(self.kind, row.kind)
        self.description.setText(row.description)
        self.hours.setText("" if row.hours is None else formatting.number(row.hours))
        self.value.setText(formatting.amount_input(row.value_cents))

    def reload(self) -> bool:
        if self.row is None:
            return False
        self._fill(finance.get_in_kind(self.ctx.db, self.row.id))
        return True

    def save(self) -> int:
        hours_text = self.hours.text().strip().replace(",", ".")
        hours: int | None = None
        if hours_text:
            try:
                hours = round(float(hours_text))
            except ValueError:
                raise ValidationError({"hours": "invalid"}) from None
        return finance.save_in_kind(
            self.ctx.db,
            self.ctx.operator_id,
            in_kind_id=self.row.id if self.row else None,
            funder_id=self.funder.currentData(),
            year=self.year.value(),
            kind=self.kind.currentData(),
            description=self.description.text(),
            hours=hours,
            value_cents=self.amount("value_cents") or 0,
            expected_version=self.row.version if self.row else None,
        )


class ExpenseDialog(FinanceDialog):
    entity = "expense"

    def __init__(
        self, ctx: AppContext, row: expenses.ExpenseRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Expense") if row else self.tr("New expense"), parent)
        self.row = self.loaded_data = row
        f = self.form
        self.day = f.add_field("day", self.tr("&Date:"), date_edit(ctx, lab_today()))
        self.category = f.add_field(
            "category",
            self.tr("&Category:"),
            combo(
                expense_category_names(),
                ("staff", "consumables", "maintenance", "rent", "energy", "depreciation", "other"),
            ),
        )
        self.activity = f.add_field("activity", self.tr("&Activity:"), combo(activity_names()))
        self.amount_edit = f.add_field("amount_cents", self.tr("A&mount (€):"), QLineEdit())
        self.label = f.add_field("label", self.tr("&Label:"), QLineEdit())
        self.supplier = f.add_field("supplier", self.tr("&Supplier:"), QLineEdit())
        # its payment: the day (empty = not paid yet, the supplier is owed it) and how
        self.payment_day = f.add_field(
            "payment_day", self.tr("&Paid on:"), optional_date_edit(lab_today())
        )
        self.payment_day.setToolTip(self.tr("Leave empty while the expense is not paid"))
        self.payment_method = f.add_field(
            "payment_method", self.tr("Pa&yment method:"), combo(expense_payment_method_names())
        )
        self.machine = f.add_field("machine_id", self.tr("Mac&hine:"), QComboBox())
        self.machine.addItem(self.tr("(none)"), None)
        for m in machine_service.list_machines(ctx.db):
            self.machine.addItem(m.name, m.id)
        self.grant = f.add_field("grant_id", self.tr("Financed by &grant:"), QComboBox())
        self.grant.addItem(self.tr("(none)"), None)
        for g in finance.list_grants(ctx.db):
            self.grant.addItem(f"{g.funder_name} — {g.purpose}", g.id)
        select_data(self.activity, "fablab")
        if row:
            self._fill(row)
        self._day_shown = from_qdate(self.day.date())
        self.day.dateChanged.connect(self._day_changed)
        self.add_buttons()

    def _fill(self, row: expenses.ExpenseRow) -> None:
        self.row = self.loaded_data = row
        self.day.setDate(to_qdate(row.day))
        select_data(self.category, row.category)
        select_data(self.activity, row.activity)
        self.amount_edit.setText(formatting.amount_input(row.amount_cents))
        self.label.setText(row.label)
        self.supplier.setText(row.supplier)
        self._day_shown = row.day  # the payment day below is the saved one, not followed
        self.payment_day.setText(formatting.short_date(row.payment_day))
        select_data(self.payment_method, row.payment_method)
        select_data(self.machine, row.machine_id)
        select_data(self.grant, row.grant_id)

    def reload(self) -> bool:
        if self.row is None:
            return False
        self._fill(expenses.get_expense(self.ctx.db, self.row.id))
        return True

    def _day_changed(self, _qdate: object) -> None:
        """The payment day follows the expense's day while it was the same (paid on
        the day, the usual case); one typed apart, or emptied, is left alone."""
        day = from_qdate(self.day.date())
        if self.payment_day.text() == formatting.short_date(self._day_shown):
            self.payment_day.setText(formatting.short_date(day))
        self._day_shown = day

    def save(self) -> int:
        paid_on = self.optional_date("payment_day")
        return expenses.save_expense(
            self.ctx.db,
            self.ctx.operator_id,
            expense_id=self.row.id if self.row else None,
            day=from_qdate(self.day.date()),
            category=self.category.currentData(),
            activity=self.activity.currentData(),
            amount_cents=self.amount("amount_cents") or 0,
            label=self.label.text(),
            supplier=self.supplier.text(),
            machine_id=self.machine.currentData(),
            grant_id=self.grant.currentData(),
            payment_day=paid_on,
            payment_method=self.payment_method.currentData(),
            unpaid=paid_on is None,
            expected_version=self.row.version if self.row else None,
        )
