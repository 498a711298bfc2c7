"""Tarifs › Adhésions, Réductions et gratuités, Forfaits: lists with add / edit / end
(or archive) and their dialogs."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.domain.pricing import format_percent
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.pricing import catalogue, conditions, tariffs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.pages.settings.tariffs.common import (
    ListSection,
    OptionalDate,
    R,
    RecordDialog,
    combo,
    date_edit,
    duration_labels,
    everyone,
    kind_prefix,
    parse_decimal,
    scope_text,
    select_data,
    validity_text,
)
from tierslieu_desktop.ui.qdates import from_qdate
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.lazy import load_when_shown


def audience_choices(ctx: AppContext, with_everyone: bool) -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = [(everyone(), None)] if with_everyone else []
    items += [(a.name, a.id) for a in audience_service.list_audiences(ctx.db)]
    return items


def scope_choices(ctx: AppContext, kinds: tuple[str, ...]) -> list[tuple[str, object]]:
    """ "Everything" then every resource of these kinds: data = "kind:id" or ""."""
    items: list[tuple[str, object]] = [(scope_text(None, ""), "")]
    resources = tariffs.tariff_grid(ctx.db, lab_today()).resources
    prefix = kind_prefix()
    for kind in kinds:
        items += [
            (f"{prefix[kind]}{formatting.colon()} {r.name}", scope_key(r.kind, r.id))
            for r in resources
            if r.kind == kind
        ]
    return items


def scope_key(kind: str | None, rid: int | None) -> str:
    return f"{kind}:{rid}" if kind else ""


def split_scope(key: str) -> tuple[str | None, int | None]:
    if not key:
        return None, None
    kind, _sep, rid = key.partition(":")
    return kind, int(rid)


def _ensure_choice(box: QComboBox, text: str, data: object) -> None:
    if box.findData(data) < 0:
        box.addItem(text, data)
    select_data(box, data)


def hours_text(minutes: int) -> str:
    return formatting.hours(minutes)


def parse_hours(text: str) -> int | None:
    """ "3" / "1,5" hours → minutes (None when not a number)."""
    value = parse_decimal(text)
    if value is None or value < 0:
        return None
    return int((value * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------- fees


class FeeDialog(RecordDialog):
    def __init__(
        self, ctx: AppContext, row: conditions.FeeRow | None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Membership fee") if row else self.tr("New membership fee")
        super().__init__(ctx, title, parent)
        self.row = row
        f = self.form
        self.audience = f.add_field(
            "audience_id", self.tr("P&ublic:"), combo(audience_choices(ctx, True))
        )
        self.duration = f.add_field(
            "duration",
            self.tr("&Duration:"),
            combo([(t, d) for d, t in duration_labels().items()]),
        )
        self.amount = f.add_field("amount_cents", self.tr("&Amount (€):"), QLineEdit())
        self.valid_from = f.add_field(
            "valid_from", self.tr("&From:"), date_edit(ctx, row.valid_from if row else lab_today())
        )
        self.valid_to = f.add_field(
            "valid_to",
            self.tr("U&ntil:"),
            OptionalDate(ctx, row.valid_to if row else None, self.tr("Until")),
        )
        self.label = f.add_field("label", self.tr("&Label:"), QLineEdit())
        if row is not None:
            _ensure_choice(self.audience, row.audience_name or everyone(), row.audience_id)
            select_data(self.duration, row.duration)
            self.amount.setText(formatting.amount_input(row.amount_cents))
            self.label.setText(row.label)

    def save(self) -> int:
        try:
            amount = parse_amount(self.amount.text())
        except AmountError as exc:
            raise ValidationError({"amount_cents": exc.code}) from None
        return conditions.save_fee(
            self.ctx.db,
            self.ctx.operator_id,
            fee_id=self.row.id if self.row else None,
            expected_version=self.row.version if self.row else None,
            audience_id=self.audience.currentData(),
            duration=self.duration.currentData(),
            amount_cents=amount,
            valid_from=from_qdate(self.valid_from.date()),
            valid_to=self.valid_to.value(),
            label=self.label.text(),
        )


class FeesSection(ListSection[conditions.FeeRow]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Membership fees"),
            [
                self.tr("Public"),
                self.tr("Duration"),
                self.tr("Amount"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Label"),
            ],
            self.tr("&New fee…"),
            self.tr("Edit the selected fee"),
        )
        load_when_shown(self, self.reload)

    def rows(self) -> list[conditions.FeeRow]:
        return conditions.list_fees(self.ctx.db)

    def cells(self, row: conditions.FeeRow) -> list[str]:
        start, end = validity_text(row.valid_from, row.valid_to)
        return [
            row.audience_name or everyone(),
            duration_labels().get(row.duration, row.duration),
            formatting.money(row.amount_cents),
            start,
            end,
            row.label,
        ]

    def make_dialog(self, row: conditions.FeeRow | None) -> RecordDialog:
        return FeeDialog(self.ctx, row, self)


# --------------------------------------------------------------------------- reductions


class ReductionDialog(RecordDialog):
    FIELD_ALIASES = {"scope_kind": "scope", "scope_id": "scope"}

    def __init__(
        self, ctx: AppContext, row: conditions.ReductionRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Reduction") if row else self.tr("New reduction"), parent)
        self.row = row
        f = self.form
        self.audience = f.add_field(
            "audience_id", self.tr("P&ublic:"), combo(audience_choices(ctx, False))
        )
        self.scope = f.add_field(
            "scope",
            self.tr("&Applies to:"),
            combo(scope_choices(ctx, ("machine", "category", "space", "consumable"))),
        )
        self.percent = f.add_field("percent_bp", self.tr("&Reduction (%):"), QLineEdit())
        self.valid_from = f.add_field(
            "valid_from", self.tr("&From:"), date_edit(ctx, row.valid_from if row else lab_today())
        )
        self.valid_to = f.add_field(
            "valid_to",
            self.tr("U&ntil:"),
            OptionalDate(ctx, row.valid_to if row else None, self.tr("Until")),
        )
        self.label = f.add_field("label", self.tr("&Label:"), QLineEdit())
        if row is not None:
            _ensure_choice(self.audience, row.audience_name, row.audience_id)
            scope = scope_key(row.scope_kind, row.scope_id)
            _ensure_choice(self.scope, scope_text(row.scope_kind, row.scope_name), scope)
            self.percent.setText(formatting.number(Decimal(row.percent_bp) / 100))
            self.label.setText(row.label)

    def save(self) -> int:
        value = parse_decimal(self.percent.text())
        if value is None:
            raise ValidationError({"percent_bp": "number_invalid"})
        scope_kind, scope_id = split_scope(self.scope.currentData() or "")
        return conditions.save_reduction(
            self.ctx.db,
            self.ctx.operator_id,
            reduction_id=self.row.id if self.row else None,
            expected_version=self.row.version if self.row else None,
            audience_id=self.audience.currentData(),
            scope_kind=scope_kind,
            scope_id=scope_id,
            percent_bp=int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)),
            valid_from=from_qdate(self.valid_from.date()),
            valid_to=self.valid_to.value(),
            label=self.label.text(),
        )


class QuotaDialog(RecordDialog):
    FIELD_ALIASES = {"scope_kind": "scope", "scope_id": "scope"}

    def __init__(
        self, ctx: AppContext, row: conditions.QuotaRow | None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Free quota") if row else self.tr("New free quota")
        super().__init__(ctx, title, parent)
        self.row = row
        f = self.form
        self.audience = f.add_field(
            "audience_id", self.tr("P&ublic:"), combo(audience_choices(ctx, False))
        )
        self.scope = f.add_field(
            "scope",
            self.tr("&Applies to:"),
            combo(scope_choices(ctx, ("machine", "category", "space"))),
        )
        self.hours = f.add_field(
            "free_minutes_per_month", self.tr("&Free hours per month:"), QLineEdit()
        )
        self.valid_from = f.add_field(
            "valid_from", self.tr("&From:"), date_edit(ctx, row.valid_from if row else lab_today())
        )
        self.valid_to = f.add_field(
            "valid_to",
            self.tr("U&ntil:"),
            OptionalDate(ctx, row.valid_to if row else None, self.tr("Until")),
        )
        self.label = f.add_field("label", self.tr("&Label:"), QLineEdit())
        if row is not None:
            _ensure_choice(self.audience, row.audience_name, row.audience_id)
            scope = scope_key(row.scope_kind, row.scope_id)
            _ensure_choice(self.scope, scope_text(row.scope_kind, row.scope_name), scope)
            self.hours.setText(formatting.number(Decimal(row.free_minutes_per_month) / 60))
            self.label.setText(row.label)

    def save(self) -> int:
        minutes = parse_hours(self.hours.text())
        if minutes is None:
            raise ValidationError({"free_minutes_per_month": "number_invalid"})
        scope_kind, scope_id = split_scope(self.scope.currentData() or "")
        return conditions.save_quota(
            self.ctx.db,
            self.ctx.operator_id,
            quota_id=self.row.id if self.row else None,
            expected_version=self.row.version if self.row else None,
            audience_id=self.audience.currentData(),
            scope_kind=scope_kind,
            scope_id=scope_id,
            free_minutes_per_month=minutes,
            valid_from=from_qdate(self.valid_from.date()),
            valid_to=self.valid_to.value(),
            label=self.label.text(),
        )


class _EndableSection(ListSection[R]):
    """End = the rule's last day is today (asked first)."""

    def end_question(self, row: R, day: date) -> tuple[str, str]:  # pragma: no cover
        raise NotImplementedError

    def end(self, row_id: int, day: date) -> None:  # pragma: no cover
        raise NotImplementedError

    def third_action(self) -> None:
        self.end_selected(lab_today())

    def end_selected(self, day: date) -> bool:
        row = self.current()
        if row is None:
            return False
        title, text = self.end_question(row, day)
        if not confirm(self, title, text, self.tr("End")):
            return False
        try:
            self.end(row.id, day)
        except DomainError as exc:
            self.say(error_message(exc), ok=False)
            return False
        self.ctx.notify("tariff", [row.id])
        self.reload(row.id)
        self.say(self.tr("Ended on {day}.").format(day=formatting.short_date(day)), ok=True)
        return True


class ReductionsSection(_EndableSection[conditions.ReductionRow]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Percentage reductions"),
            [
                self.tr("Public"),
                self.tr("Applies to"),
                self.tr("Reduction"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Label"),
            ],
            self.tr("&New reduction…"),
            self.tr("Edit the selected reduction"),
            self.tr("E&nd"),
            self.tr("End the selected reduction"),
        )
        load_when_shown(self, self.reload)

    def rows(self) -> list[conditions.ReductionRow]:
        return conditions.list_reductions(self.ctx.db)

    def cells(self, row: conditions.ReductionRow) -> list[str]:
        start, end = validity_text(row.valid_from, row.valid_to)
        return [
            row.audience_name,
            scope_text(row.scope_kind, row.scope_name),
            format_percent(row.percent_bp),
            start,
            end,
            row.label,
        ]

    def make_dialog(self, row: conditions.ReductionRow | None) -> RecordDialog:
        return ReductionDialog(self.ctx, row, self)

    def end_question(self, row: conditions.ReductionRow, day: date) -> tuple[str, str]:
        return self.tr("End the reduction"), self.tr(
            "End the reduction of {percent} for {public} on {day}? It no longer applies "
            "after that day."
        ).format(
            percent=format_percent(row.percent_bp),
            public=row.audience_name,
            day=formatting.short_date(day),
        )

    def end(self, row_id: int, day: date) -> None:
        conditions.end_reduction(self.ctx.db, self.ctx.operator_id, row_id, day)


class QuotasSection(_EndableSection[conditions.QuotaRow]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Free monthly quotas"),
            [
                self.tr("Public"),
                self.tr("Applies to"),
                self.tr("Free per month"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Label"),
            ],
            self.tr("New &quota…"),
            self.tr("Edit the selected quota"),
            self.tr("End the &quota"),
            self.tr("End the selected quota"),
        )
        load_when_shown(self, self.reload)

    def rows(self) -> list[conditions.QuotaRow]:
        return conditions.list_quotas(self.ctx.db)

    def cells(self, row: conditions.QuotaRow) -> list[str]:
        start, end = validity_text(row.valid_from, row.valid_to)
        return [
            row.audience_name,
            scope_text(row.scope_kind, row.scope_name),
            hours_text(row.free_minutes_per_month),
            start,
            end,
            row.label,
        ]

    def make_dialog(self, row: conditions.QuotaRow | None) -> RecordDialog:
        return QuotaDialog(self.ctx, row, self)

    def end_question(self, row: conditions.QuotaRow, day: date) -> tuple[str, str]:
        return self.tr("End the quota"), self.tr(
            "End the free quota of {hours} per month for {public} on {day}?"
        ).format(
            hours=hours_text(row.free_minutes_per_month),
            public=row.audience_name,
            day=formatting.short_date(day),
        )

    def end(self, row_id: int, day: date) -> None:
        conditions.end_quota(self.ctx.db, self.ctx.operator_id, row_id, day)


class ReductionsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.reductions = ReductionsSection(ctx)
        self.quotas = QuotasSection(ctx)
        lay.addWidget(self.reductions, 1)
        lay.addWidget(self.quotas, 1)

    def reload(self) -> None:
        self.reductions.reload()
        self.quotas.reload()


# --------------------------------------------------------------------------- packs


class PackTypeDialog(RecordDialog):
    FIELD_ALIASES = {"scope_kind": "scope", "scope_id": "scope"}

    def __init__(
        self, ctx: AppContext, row: catalogue.PackTypeRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Pack") if row else self.tr("New pack"), parent)
        self.row = row
        f = self.form
        self.name = f.add_field("name", self.tr("&Name:"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. 10 hours of laser"))
        self.scope = f.add_field(
            "scope",
            self.tr("&Applies to:"),
            combo(scope_choices(ctx, ("machine", "category", "space"))),
        )
        self.hours = f.add_field("minutes", self.tr("&Hours:"), QLineEdit())
        validity = QSpinBox()
        validity.setRange(1, 60)
        validity.setValue(12)
        validity.setSuffix(self.tr(" months"))
        self.validity = f.add_field("validity_months", self.tr("&Valid for:"), validity)
        self.price = f.add_field("price_cents", self.tr("&Price (€):"), QLineEdit())
        if row is not None:
            self.name.setText(row.name)
            scope = scope_key(row.scope_kind, row.scope_id)
            _ensure_choice(self.scope, scope_text(row.scope_kind, row.scope_name), scope)
            self.hours.setText(formatting.number(Decimal(row.minutes) / 60))
            self.validity.setValue(row.validity_months)
            self.price.setText(formatting.amount_input(row.price_cents))

    def save(self) -> int:
        errors: dict[str, str] = {}
        minutes = parse_hours(self.hours.text())
        if minutes is None:
            errors["minutes"] = "number_invalid"
        price = 0
        try:
            price = parse_amount(self.price.text())
        except AmountError as exc:
            errors["price_cents"] = exc.code
        if errors:
            raise ValidationError(errors)
        scope_kind, scope_id = split_scope(self.scope.currentData() or "")
        return catalogue.save_pack_type(
            self.ctx.db,
            self.ctx.operator_id,
            pack_type_id=self.row.id if self.row else None,
            expected_version=self.row.version if self.row else None,
            name=self.name.text(),
            scope_kind=scope_kind,
            scope_id=scope_id,
            minutes=minutes or 0,
            validity_months=self.validity.value(),
            price_cents=price,
        )


class PacksTab(ListSection[catalogue.PackTypeRow]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Prepaid packs of hours sold at the desk"),
            [
                self.tr("Name"),
                self.tr("Applies to"),
                self.tr("Hours"),
                self.tr("Valid for"),
                self.tr("Price"),
            ],
            self.tr("&New pack…"),
            self.tr("Edit the selected pack"),
            self.tr("&Archive"),
            self.tr("Archive or restore the selected pack"),
        )
        self.show_archived = QCheckBox(self.tr("Show archived packs"))
        self.show_archived.setAccessibleName(self.tr("Show archived packs"))
        self.outer.insertWidget(2, self.show_archived)
        self.show_archived.toggled.connect(lambda _c: self.reload())
        self.table.itemSelectionChanged.connect(self._archive_text)
        load_when_shown(self, self.reload)

    def rows(self) -> list[catalogue.PackTypeRow]:
        show = hasattr(self, "show_archived") and self.show_archived.isChecked()
        return catalogue.list_pack_types(self.ctx.db, include_archived=show)

    def cells(self, row: catalogue.PackTypeRow) -> list[str]:
        name = row.name + (" " + self.tr("(archived)") if row.archived else "")
        return [
            name,
            scope_text(row.scope_kind, row.scope_name),
            hours_text(row.minutes),
            self.tr("{count} months").format(count=row.validity_months),
            formatting.money(row.price_cents),
        ]

    def make_dialog(self, row: catalogue.PackTypeRow | None) -> RecordDialog:
        return PackTypeDialog(self.ctx, row, self)

    def _archive_text(self) -> None:
        row = self.current()
        if self.third_button is not None:
            archived = row is not None and row.archived
            self.third_button.setText(self.tr("&Restore") if archived else self.tr("&Archive"))

    def third_action(self) -> None:
        row = self.current()
        if row is None:
            return
        if not row.archived and not confirm(
            self,
            self.tr("Archive the pack"),
            self.tr(
                "Archive the pack “{name}”? It is no longer sold; packs already bought stay usable."
            ).format(name=row.name),
            self.tr("Archive"),
        ):
            return
        catalogue.set_pack_type_archived(
            self.ctx.db, self.ctx.operator_id, row.id, not row.archived
        )
        self.ctx.notify("tariff", [row.id])
        self.reload(row.id)
