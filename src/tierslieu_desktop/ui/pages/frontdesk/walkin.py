"""Passage sans réservation: a member is here now and uses a machine or a space.

Saved as a booking already in progress (``bookings.start_walk_in``: availability,
opening hours, conflicts and authorization still checked); the usage itself is
recorded at the departure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt, utcnow
from tierslieu_desktop.domain.enums import MachineStatus
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.park import machines as machine_service
from tierslieu_desktop.services.park.opening_hours import openings
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.pages.frontdesk.checkout import minute_of, time_edit
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.member_search import (
    ArrowKeysToList,
    fill_member_results,
    selected_member_id,
)

NowFn = Callable[[], datetime]


class WalkInDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        *,
        now_fn: NowFn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now_fn = now_fn or utcnow
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Walk-in without booking"))
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The member starts now; record the real times and consumables at the departure."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.form = f = ValidatedForm()
        outer.addLayout(f)

        member_box = QWidget()
        lay = QVBoxLayout(member_box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, a member number or a town"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setFixedHeight(120)
        lay.addWidget(self.search)
        lay.addWidget(self.results)
        member_box.setFocusProxy(self.search)
        f.add_field("member", self.tr("&Member:"), member_box)
        self.search.setAccessibleName(self.tr("Find a member"))
        self.results.setAccessibleName(self.tr("Matching members"))
        self.search.installEventFilter(ArrowKeysToList(self.results))
        self.search.textChanged.connect(self._search)

        self.resource = f.add_field("resource", self.tr("Machine or &space:"), QComboBox())
        self.resource.setPlaceholderText(self.tr("Choose…"))
        # item data "machine:3" / "space:2"; the space whose opening hours apply
        self._space_of: dict[str, int] = {}
        for m in machine_service.list_machines(ctx.db):
            if m.status == MachineStatus.AVAILABLE:
                self.resource.addItem(f"{m.name} — {m.space_name}", f"machine:{m.id}")
                self._space_of[f"machine:{m.id}"] = m.space_id
        spaces = [s for s in machine_service.list_spaces(ctx.db) if s.bookable]
        if spaces and self.resource.count():
            self.resource.insertSeparator(self.resource.count())
        for s in spaces:
            self.resource.addItem(s.name, f"space:{s.id}")
            self._space_of[f"space:{s.id}"] = s.id
        self.resource.setCurrentIndex(-1)

        self.end_edit = f.add_field("end_at", self.tr("Planned &end:"), time_edit(0, step=15))
        self._end_touched = self._setting_end = False
        self._suggest_end()
        self.end_edit.timeChanged.connect(self._on_end_edited)
        self.resource.currentIndexChanged.connect(lambda _i: self._suggest_end())
        self.purpose = f.add_field("purpose", self.tr("&Purpose:"), QLineEdit())
        self.purpose.setMaxLength(300)
        self.override = f.add_field(
            "override_reason", self.tr("Reason for the exception:"), QLineEdit()
        )
        self.override.setPlaceholderText(self.tr("e.g. trained today by the fab manager"))
        self.override.setMaxLength(300)
        f.set_field_visible("override_reason", False)

        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("&Start the walk-in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._search("")
        self.search.setFocus()

    # --- member ----------------------------------------------------------------------

    def _search(self, text: str) -> None:
        fill_member_results(self.results, self.ctx.db, text)

    def selected_member(self) -> int | None:
        return selected_member_id(self.results)

    # --- resource and times ----------------------------------------------------------

    def select_resource(self, kind: str, resource_id: int) -> None:
        self.resource.setCurrentIndex(self.resource.findData(f"{kind}:{resource_id}"))

    def _start(self) -> datetime:
        return self.now_fn().replace(second=0, microsecond=0)

    def _on_end_edited(self) -> None:
        if not self._setting_end:
            self._end_touched = True

    def _suggest_end(self) -> None:
        """In an hour (on a quarter), but not after the place closes."""
        if self._end_touched:
            return
        day, now_minute = local_day_and_minute(self._start())
        end = min((now_minute + 60 + 14) // 15 * 15, 24 * 60 - 1)
        key = self.resource.currentData()
        if key in self._space_of:
            ranges = openings(self.ctx.db, self._space_of[key], day, 1)[0].ranges
            for start, stop in ranges:
                if start <= now_minute < stop:
                    end = min(end, stop)
        self._setting_end = True
        self.end_edit.setTime(QTime(end // 60, end % 60))
        self._setting_end = False

    def end_at(self) -> datetime:
        day, _minute = local_day_and_minute(self._start())
        return local_dt(day, minute_of(self.end_edit))

    # --- saving ----------------------------------------------------------------------

    def submit(self) -> bool:
        """Start the walk-in; on error show it and stay open. True when saved."""
        self.form.clear_errors()
        self.message.hide()
        member_id = self.selected_member()
        key = self.resource.currentData()
        errors = {}
        if member_id is None:
            errors["member"] = "member_required"
        if key is None:
            errors["resource"] = "required"
        if errors:
            self.form.show_errors(errors)
            return False
        kind, resource_id = key.split(":")[0], int(key.split(":")[1])
        data = booking_service.BookingInput(
            start_at=self._start(),
            end_at=self.end_at(),
            machine_id=resource_id if kind == "machine" else None,
            space_id=resource_id if kind == "space" else None,
            member_id=member_id,
            purpose=self.purpose.text(),
            override_reason=self.override.text(),
        )
        try:
            self.saved_id = booking_service.start_walk_in(
                self.ctx.db, self.ctx.operator_id, data, now=self.now_fn()
            )
        except ValidationError as err:
            if self.form.show_errors(err.fields):
                self._show_message(error_message(err))
            return False
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            if err.code == "authorization_required":
                self.form.set_field_visible("override_reason", True)
                self.override.setFocus()
            self._show_message(error_message(err))
            return False
        self.ctx.notify("booking", [self.saved_id])
        self.accept()
        return True

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
