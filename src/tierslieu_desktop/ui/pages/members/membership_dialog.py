"""Record an adhésion: public, dates and fee (collected at the desk once checkout exists).

When the public or the start date changes, the fee in force for that public is proposed
(``conditions.fee_for``, the calendar year first, else another duration on sale) with the
end of its period (``domain.pricing.membership_period``), unless the user typed a fee.
A renewal opens it with ``suggestion`` (``packs.renewal_suggestion``) already filled in."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.domain.pricing import MEMBERSHIP_DURATIONS, membership_period
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.pricing import conditions
from tierslieu_desktop.services.pricing.packs import RenewalSuggestion
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.qdates import from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm


def one_year_after(start: date) -> date:
    """The last day of a one-year membership starting on ``start``."""
    try:
        return start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28)


class MembershipDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        audience_id: int | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
        *,
        suggestion: RenewalSuggestion | None = None,
    ) -> None:
        """``suggestion``: the renewal to prefill (audience, start, end, fee)."""
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.saved_id: int | None = None
        self.fee_typed = False  # the user typed a fee: stop proposing one
        self.setWindowTitle(self.tr("New membership"))
        lay = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        lay.addWidget(self.banner)
        self.form = ValidatedForm()
        lay.addLayout(self.form)
        self.audience = self.form.add_field("audience_id", self.tr("P&ublic:"), QComboBox())
        for a in audience_service.list_audiences(ctx.db):
            self.audience.addItem(a.name, a.id)
        if audience_id is not None:
            self.audience.setCurrentIndex(max(self.audience.findData(audience_id), 0))
        start = today or lab_today()
        self.start = self.form.add_field("start_date", self.tr("&From:"), QDateEdit())
        self.end = self.form.add_field("end_date", self.tr("&Until:"), QDateEdit())
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(one_year_after(start)))
        self.fee = self.form.add_field("fee", self.tr("&Fee (€):"), QLineEdit())
        self.fee.setText(formatting.amount_input(0))
        self.fee.textEdited.connect(self._fee_edited)
        self.fee_hint = QLabel()
        self.fee_hint.setObjectName("feeHint")
        self.fee_hint.setStyleSheet("color: #53626d;")
        self.fee_hint.setWordWrap(True)
        self.form.addRow("", self.fee_hint)
        self.note = self.form.add_field("note", self.tr("&Note:"), QLineEdit())
        self._propose_fee()
        if suggestion is not None:
            self.setWindowTitle(self.tr("Renew the membership"))
            sug_audience = suggestion.audience_id
            if sug_audience is not None and self.audience.findData(sug_audience) >= 0:
                self.audience.setCurrentIndex(self.audience.findData(sug_audience))
                self._propose_fee()
            self.start.setDate(to_qdate(suggestion.start))
            self._propose_fee()
            self.end.setDate(to_qdate(suggestion.end))
            fee_cents = suggestion.fee_cents
            if fee_cents is not None:
                self.fee.setText(formatting.amount_input(fee_cents))
        self.start.dateChanged.connect(self._propose_fee)
        self.audience.currentIndexChanged.connect(self._propose_fee)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        save.setAccessibleName(self.tr("Save"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    # --- fee in force -----------------------------------------------------------

    def _fee_edited(self, _text: str) -> None:
        self.fee_typed = True

    def fee_in_force(self) -> conditions.FeeRow | None:
        """The fee on sale for the chosen public on the start day (calendar year first)."""
        audience_id = self.audience.currentData()
        start = from_qdate(self.start.date())
        for duration in MEMBERSHIP_DURATIONS:
            fee = conditions.fee_for(self.ctx.db, audience_id, duration, start)
            if fee is not None:
                return fee
        return None

    def _propose_fee(self, *_args: object) -> None:
        start = from_qdate(self.start.date())
        fee = self.fee_in_force()
        if fee is None:
            self.end.setDate(to_qdate(one_year_after(start)))
            self.fee_hint.setText(self.tr("No membership fee is set for this public."))
            return
        self.end.setDate(to_qdate(membership_period(fee.duration, start)[1]))
        self.fee_hint.setText(
            self.tr("Fee in force: {amount} ({duration})").format(
                amount=formatting.money(fee.amount_cents),
                duration=self.duration_label(fee.duration),
            )
        )
        if not self.fee_typed:
            self.fee.setText(formatting.amount_input(fee.amount_cents))

    def duration_label(self, duration: str) -> str:
        return {
            "calendar_year": self.tr("calendar year"),
            "school_year": self.tr("school year"),
            "rolling_12_months": self.tr("12 months"),
            "month": self.tr("one month"),
        }.get(duration, duration)

    def submit(self) -> int | None:
        self.form.clear_errors()
        self.banner.hide()
        errors: dict[str, str] = {}
        fee = 0
        try:
            fee = parse_amount(self.fee.text())
        except AmountError as exc:
            errors["fee"] = exc.code
        if self.audience.currentData() is None:
            errors["audience_id"] = "required"
        try:
            if errors:
                raise ValidationError(errors)
            ms_id = member_service.add_membership(
                self.ctx.db,
                self.ctx.operator_id,
                member_service.MembershipInput(
                    member_id=self.member_id,
                    audience_id=int(self.audience.currentData()),
                    start_date=from_qdate(self.start.date()),
                    end_date=from_qdate(self.end.date()),
                    fee_cents=fee,
                    note=self.note.text(),
                ),
            )
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return None
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit()
            self.banner.setText(error_message(exc))
            self.banner.show()
            return None
        self.saved_id = ms_id
        self.ctx.notify("membership", [ms_id])
        return ms_id

    def _on_save(self) -> None:
        if self.submit() is not None:
            self.accept()
