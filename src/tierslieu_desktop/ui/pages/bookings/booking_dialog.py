"""New booking: the resource and times (pre-filled from the calendar drag), a member found
by typing or a group (organisation, responsible adult, head-count), purpose and note,
and "repeat every week" which first lists every occurrence with the rule it breaks.

``submit()`` (OK, Enter) saves through the booking service: a refusal is shown as its
French sentence in the dialog, which stays open; on success the app-wide ``changed``
signal is notified and the ids are kept in ``saved_ids``. Tests call ``submit()``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.pricing import engine as pricing_service
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.services.scheduling import free_slots
from tierslieu_desktop.services.scheduling.bookings import BookingInput
from tierslieu_desktop.services.scheduling.calendar import CalendarResource, ResourceKey
from tierslieu_desktop.services.scheduling.free_slots import FreeSlot
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.pages.bookings.series_dialog import SeriesDialog
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.member_search import (
    ArrowKeysToList,
    choose_member,
    fill_member_results,
    selected_member_id,
)
from tierslieu_desktop.ui.widgets.priced_lines import PriceSummary
from tierslieu_desktop.ui.widgets.time_edit import TimeEdit

NowFn = Callable[[], datetime]
SLOT_PROPOSALS = 3  # free slots proposed after a conflict


def time_edit(minute: int) -> TimeEdit:
    """Digits typed anywhere ("1430", "14h30"), arrows by a quarter of an hour."""
    return TimeEdit(QTime(minute // 60 % 24, minute % 60), step=15)


def minute_of(edit: QTimeEdit) -> int:
    t = edit.time()
    return t.hour() * 60 + t.minute()


FORM_MIN_HEIGHT = 300  # the fields' least height: the dialog fits a 600 px screen


class BookingDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        resources: list[CalendarResource],
        *,
        resource_key: ResourceKey | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        now_fn: NowFn,
        warning: str = "",
        member_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now_fn = now_fn
        self.resources = list(resources)
        self.saved_ids: list[int] = []
        self.series_dialog: SeriesDialog | None = None
        self.setWindowTitle(self.tr("New booking"))
        self.setMinimumWidth(600)
        outer = QVBoxLayout(self)
        self.form = f = ValidatedForm()
        # The fields scroll if they ever outgrow the room kept for them (errors under
        # several fields): the dialog itself never grows under the desk's mouse.
        form_body = QWidget()
        form_body.setLayout(f)
        self.form_area = QScrollArea()
        self.form_area.setWidget(form_body)
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.form_area, 1)

        self.resource = f.add_field("resource", self.tr("Machine or &space:"), QComboBox())
        for res in self.resources:
            self.resource.addItem(res.name)
        keys = [res.key for res in self.resources]
        if resource_key in keys:
            self.resource.setCurrentIndex(keys.index(resource_key))

        if start is None:
            now = now_fn()
            day, minute = local_day_and_minute(now)
            start_minute = min((minute + 59) // 60 * 60, 23 * 60)
            start = local_dt(day, start_minute)
        if end is None:
            end = start + timedelta(hours=1)
        day, start_minute = local_day_and_minute(start)
        end_day, end_minute = local_day_and_minute(end)
        if end_day > day:
            end_minute = 0  # midnight: read back as 24:00
        self.day = bound_to_accepted_days(QDateEdit(QDate(day.year, day.month, day.day)))
        self.day.setCalendarPopup(True)
        f.add_field("day", self.tr("&Date:"), self.day)
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        self.start_edit = time_edit(start_minute)
        self.end_edit = time_edit(end_minute)
        self.to_label = QLabel(self.tr("to"))
        row.addWidget(self.start_edit)
        row.addWidget(self.to_label)
        row.addWidget(self.end_edit)
        row.addStretch(1)
        times.setFocusProxy(self.start_edit)
        f.add_field("end_at", self.tr("&Time:"), times)
        self.start_edit.setAccessibleName(self.tr("Start time"))
        self.end_edit.setAccessibleName(self.tr("End time"))

        who = QWidget()
        row = QHBoxLayout(who)
        row.setContentsMargins(0, 0, 0, 0)
        self.for_member = QRadioButton(self.tr("A &member"))
        self.for_group = QRadioButton(self.tr("A &group"))
        self.for_member.setChecked(True)
        self._who = QButtonGroup(self)
        for b in (self.for_member, self.for_group):
            self._who.addButton(b)
            row.addWidget(b)
        row.addStretch(1)
        who.setFocusProxy(self.for_member)
        f.add_field("who", self.tr("For:"), who)
        self.for_member.setAccessibleName(self.tr("For a member"))
        self.for_group.setAccessibleName(self.tr("For a group"))

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
        f.add_field("member", self.tr("M&ember:"), member_box)
        self.search.setAccessibleName(self.tr("Find a member"))
        self.results.setAccessibleName(self.tr("Matching members"))
        self.search.installEventFilter(ArrowKeysToList(self.results))
        self.search.textChanged.connect(self._search)

        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer, line = self.organisation.completer(), self.organisation.lineEdit()
        assert completer is not None and line is not None  # an editable combo box has both
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        for org_id, name in member_service.list_organisations(ctx.db):
            self.organisation.addItem(name, org_id)
        self.organisation.setCurrentIndex(-1)
        line.setPlaceholderText(self.tr("School, association, company…"))
        f.add_field("organisation", self.tr("&Organisation of the group:"), self.organisation)
        self.responsible = f.add_field(
            "responsible_name", self.tr("&Responsible adult:"), QLineEdit()
        )  # at most as long as the service accepts: set by add_field
        self.headcount = QSpinBox()
        self.headcount.setRange(1, 500)
        self.headcount.setValue(12)
        self.headcount.setSuffix(self.tr(" people"))
        f.add_field("headcount", self.tr("&Head-count:"), self.headcount)

        self.purpose = f.add_field("purpose", self.tr("&Purpose:"), QLineEdit())
        self.purpose.setMaxLength(300)
        self.purpose.setPlaceholderText(self.tr("Project, workshop, class…"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(56)
        f.add_field("note", self.tr("N&ote:"), self.note)
        self.override = f.add_field(
            "override_reason", self.tr("Reason for the exception:"), QLineEdit()
        )
        self.override.setPlaceholderText(self.tr("e.g. trained today by the fab manager"))
        self.override.setMaxLength(300)
        f.set_field_visible("override_reason", False)

        repeat_box = QWidget()
        lay = QVBoxLayout(repeat_box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.repeat = QCheckBox(self.tr("Repeat every &week"))
        lay.addWidget(self.repeat)
        row = QHBoxLayout()
        self.by_count = QRadioButton(self.tr("this many times:"))
        self.count = QSpinBox()
        self.count.setRange(2, 104)
        self.count.setValue(10)
        self.by_until = QRadioButton(self.tr("until:"))
        self.until = bound_to_accepted_days(
            QDateEdit(QDate(day.year, day.month, day.day).addDays(7 * 9))
        )
        self.until.setCalendarPopup(True)
        self.by_count.setChecked(True)
        self._repeat_kind = QButtonGroup(self)
        for w in (self.by_count, self.count, self.by_until, self.until):
            if isinstance(w, QRadioButton):
                self._repeat_kind.addButton(w)
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        self._repeat_row = [self.by_count, self.count, self.by_until, self.until]
        repeat_box.setFocusProxy(self.repeat)
        f.add_field("repeat", self.tr("Series:"), repeat_box)
        self.repeat.setAccessibleName(self.tr("Repeat every week"))
        self.by_count.setAccessibleName(self.tr("Repeat this many times"))
        self.count.setAccessibleName(self.tr("Number of weeks"))
        self.by_until.setAccessibleName(self.tr("Repeat until a date"))
        self.until.setAccessibleName(self.tr("Last day of the series"))
        self.repeat.toggled.connect(self._sync_repeat)

        price_box = QGroupBox(self.tr("Estimated price"))
        price_lay = QVBoxLayout(price_box)
        self.price = PriceSummary()
        self.price.setObjectName("bookingPrice")
        lines = self.price.fontMetrics().lineSpacing()
        self.price.setFixedHeight(3 * lines + 4)  # a price and two lines of reasons
        self.price.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        price_lay.addWidget(self.price)
        outer.addWidget(price_box)

        # A refusal and the free slots proposed after a conflict, in a room kept for
        # them (shown or not, the dialog keeps its size).
        feedback = QWidget()
        feedback_lay = QVBoxLayout(feedback)
        feedback_lay.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(warning)
        self.message.setObjectName("bookingDialogMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setFixedHeight(3 * lines + 4)
        self.message.setVisible(bool(warning))
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        feedback_lay.addWidget(self.message)
        self.slots_row = QWidget()
        slots_lay = QHBoxLayout(self.slots_row)
        slots_lay.setContentsMargins(0, 0, 0, 0)
        self.slots_label = QLabel(self.tr("Free:"))
        slots_lay.addWidget(self.slots_label)
        self.slot_buttons: list[QPushButton] = []
        for _i in range(SLOT_PROPOSALS):
            slot_button = QPushButton()
            slot_button.setAutoDefault(False)
            slot_button.clicked.connect(lambda _c=False, b=slot_button: self._take_slot(b))
            slots_lay.addWidget(slot_button)
            self.slot_buttons.append(slot_button)
        slots_lay.addStretch(1)
        policy = self.slots_row.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.slots_row.setSizePolicy(policy)
        self.slots_row.hide()
        self.free_slots: list[FreeSlot] = []
        feedback_lay.addWidget(self.slots_row)
        outer.addWidget(feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("&Book"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self._who.buttonToggled.connect(lambda _b, _on: self._sync_who())
        self._sync_who()
        self._sync_repeat()
        self._search("")
        for signal in (
            self.resource.currentIndexChanged,
            self.day.dateChanged,
            self.start_edit.timeChanged,
            self.end_edit.timeChanged,
            self.results.currentRowChanged,
            self.organisation.currentIndexChanged,
            self.organisation.currentTextChanged,
            self.headcount.valueChanged,
            self._who.buttonToggled,
        ):
            signal.connect(self.update_price)
        self.update_price()
        self._keep_room()
        self.search.setFocus()
        if warning:  # the calendar saw the slot taken: the free ones at once
            self.propose_free_slots()
        if member_id is not None:
            self.choose_member(member_id)

    def _keep_room(self) -> None:
        """Size the fields' area for its tallest state (a group, the exception field
        shown), so that neither picking a member nor a refusal makes the dialog grow."""
        body = self.form_area.widget()
        assert body is not None
        heights = []
        self.form.set_field_visible("override_reason", True)
        for button in (self.for_group, self.for_member):
            button.setChecked(True)
            self._sync_who()
            body.adjustSize()
            heights.append(body.sizeHint().height())
        self.form.set_field_visible("override_reason", False)
        self._sync_who()
        # opened at its tallest; on a short screen (1024×600) the fields scroll instead
        self.form_area.setMinimumHeight(min(max(heights) + 2, FORM_MIN_HEIGHT))
        self.resize(
            self.width(), self.sizeHint().height() + max(0, max(heights) + 2 - FORM_MIN_HEIGHT)
        )

    def choose_member(self, member_id: int) -> bool:
        """The member chosen elsewhere (Membres, their card): found and selected here."""
        try:
            name = member_service.get_member(self.ctx.db, member_id).display_name
        except DomainError:
            return False
        self.for_member.setChecked(True)
        self.search.setText(name)
        return choose_member(self.results, member_id)

    # --- member or group ---------------------------------------------------------------

    def _sync_who(self) -> None:
        group = self.for_group.isChecked()
        self.form.set_field_visible("member", not group)
        for name in ("organisation", "responsible_name", "headcount"):
            self.form.set_field_visible(name, group)

    def _sync_repeat(self) -> None:
        for w in self._repeat_row:
            w.setEnabled(self.repeat.isChecked())

    def _search(self, text: str) -> None:
        fill_member_results(self.results, self.ctx.db, text)

    def selected_member(self) -> int | None:
        return selected_member_id(self.results)

    def select_organisation(self, organisation_id: int) -> None:
        self.organisation.setCurrentIndex(self.organisation.findData(organisation_id))

    def _organisation_id(self) -> int | None:
        index = self.organisation.currentIndex()
        if index < 0 or self.organisation.currentText() != self.organisation.itemText(index):
            index = self.organisation.findText(self.organisation.currentText())
        return None if index < 0 else self.organisation.itemData(index)

    # --- price -------------------------------------------------------------------------

    def update_price(self, *_args: object) -> None:
        """Quote what this booking would cost with the tariffs in force on its day."""
        res = self.current_resource()
        day = from_qdate(self.day.date())
        start_minute, end_minute = minute_of(self.start_edit), minute_of(self.end_edit)
        if end_minute == 0 and start_minute > 0:
            end_minute = 24 * 60
        if res is None or end_minute <= start_minute:
            self.price.set_unknown()
            return
        group = self.for_group.isChecked()
        payer = self._organisation_id() if group else self.selected_member()
        try:
            priced = pricing_service.quote(
                self.ctx.db,
                member_id=payer,
                machine_id=res.machine_id(),
                space_id=res.space_id(),
                start=local_dt(day, start_minute),
                end=local_dt(day, end_minute),
                headcount=self.headcount.value() if group else 1,
            )
        except DomainError:
            self.price.set_unknown()
            return
        self.price.set_priced(priced)

    # --- reading -----------------------------------------------------------------------

    def current_resource(self) -> CalendarResource | None:
        index = self.resource.currentIndex()
        return self.resources[index] if 0 <= index < len(self.resources) else None

    def booking_input(self) -> BookingInput:
        res = self.current_resource()
        if res is None:
            raise ValidationError({"resource": "required"})
        day = from_qdate(self.day.date())
        start_minute, end_minute = minute_of(self.start_edit), minute_of(self.end_edit)
        if end_minute == 0 and start_minute > 0:
            end_minute = 24 * 60
        if end_minute <= start_minute:
            raise ValidationError({"end_at": "end_before_start"})
        group = self.for_group.isChecked()
        member_id = None if group else self.selected_member()
        organisation_id = self._organisation_id() if group else None
        if group and organisation_id is None:
            raise ValidationError({"organisation": "required"})
        if not group and member_id is None:
            raise ValidationError({"member": "member_required"})
        return BookingInput(
            start_at=local_dt(day, start_minute),
            end_at=local_dt(day, end_minute),
            machine_id=res.machine_id(),
            space_id=res.space_id(),
            member_id=member_id,
            organisation_id=organisation_id,
            responsible_name=self.responsible.text() if group else "",
            headcount=self.headcount.value() if group else 1,
            purpose=self.purpose.text(),
            note=self.note.toPlainText(),
            override_reason=self.override.text(),
        )

    def _repeat_args(self) -> dict:
        if self.by_count.isChecked():
            return {"count": self.count.value()}
        return {"until": from_qdate(self.until.date())}

    # --- saving ------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if not text:
            self.show_free_slots([])

    # --- free slots after a conflict ---------------------------------------------------

    def propose_free_slots(self) -> list[FreeSlot]:
        """The next free slots of the same resource, as long as the one refused (said
        at once when the calendar warned of the conflict, before anybody is chosen)."""
        res = self.current_resource()
        day = from_qdate(self.day.date())
        start_minute, end_minute = minute_of(self.start_edit), minute_of(self.end_edit)
        if end_minute == 0 and start_minute > 0:
            end_minute = 24 * 60
        if res is None or end_minute <= start_minute:
            self.show_free_slots([])
            return []
        data = BookingInput(
            start_at=local_dt(day, start_minute),
            end_at=local_dt(day, end_minute),
            machine_id=res.machine_id(),
            space_id=res.space_id(),
        )
        try:
            slots = free_slots.next_free_slots(
                self.ctx.db, data, now=self.now_fn(), count=SLOT_PROPOSALS
            )
        except DomainError:
            slots = []
        self.show_free_slots(slots)
        return slots

    def show_free_slots(self, slots: list[FreeSlot]) -> None:
        self.free_slots = list(slots)
        asked = from_qdate(self.day.date())
        for i, button in enumerate(self.slot_buttons):
            if i < len(slots):
                slot = slots[i]
                day = local_day_and_minute(slot.start_at)[0]
                hours = (
                    f"{formatting.local_time(slot.start_at)}–{formatting.local_time(slot.end_at)}"
                )
                text = hours
                if day != asked:  # another day: said with its date
                    text = self.tr("{day} {hours}").format(
                        day=formatting.short_date(day), hours=hours
                    )
                button.setText(text)
                button.setAccessibleName(self.tr("Take the free slot {slot}").format(slot=text))
                button.setToolTip(self.tr("Book this free slot instead"))
                button.show()
            else:
                button.hide()
        self.slots_label.setText(self.tr("Free slots:") if slots else self.tr("No free slot."))
        self.slots_row.setVisible(not self.message.isHidden() and bool(self.free_slots))

    def _take_slot(self, button: QPushButton) -> None:
        index = self.slot_buttons.index(button)
        if index >= len(self.free_slots):
            return
        self.take_free_slot(self.free_slots[index])

    def take_free_slot(self, slot: FreeSlot) -> None:
        """Put the proposed slot in the fields (the desk then books it with Enter)."""
        day, start_minute = local_day_and_minute(slot.start_at)
        end_day, end_minute = local_day_and_minute(slot.end_at)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.start_edit.set_minute(start_minute)
        self.end_edit.set_minute(end_minute if end_day == day else 0)
        self.show_message("")
        self.save_button.setFocus()

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    def submit(self) -> bool:
        """Save (or, for a series, list the occurrences first). True when saved."""
        self.form.clear_errors()
        self.show_message("")
        try:
            data = self.booking_input()
            if self.repeat.isChecked():
                planned = booking_service.plan_series(
                    self.ctx.db, data, now=self.now_fn(), **self._repeat_args()
                )
                self._open_series(data, planned)
                return False
            booking_id = booking_service.create_booking(
                self.ctx.db, self.ctx.operator_id, data, now=self.now_fn()
            )
        except ValidationError as err:
            unknown = self.form.show_errors(err.fields)
            if unknown:
                self.show_message(error_message(err))
            return False
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            self._refused(err)
            return False
        self._saved([booking_id])
        return True

    def _refused(self, err: DomainError) -> None:
        self.show_message(error_message(err))
        if err.code == "booking_conflict":
            self.propose_free_slots()
        if err.code == "authorization_required":
            self.form.set_field_visible("override_reason", True)
            self.override.setFocus()

    def _saved(self, ids: list[int]) -> None:
        self.saved_ids = ids
        self.ctx.notify("booking", ids)
        self.accept()

    def _open_series(self, data: BookingInput, planned: list) -> None:
        untrained = next(
            (
                o.problem
                for o in planned
                if o.problem is not None and o.problem.code == "authorization_required"
            ),
            None,
        )
        if untrained is not None:  # every week would say so: ask for the reason first
            self._refused(untrained)
            return
        dialog = SeriesDialog(planned, parent=self)
        self.series_dialog = dialog
        dialog.accepted.connect(lambda: self._create_series(data))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _create_series(self, data: BookingInput) -> None:
        self.series_dialog = None
        try:
            result = booking_service.create_series(
                self.ctx.db,
                self.ctx.operator_id,
                data,
                skip_conflicts=True,
                now=self.now_fn(),
                **self._repeat_args(),
            )
        except DomainError as err:
            self._refused(err)
            return
        if not result.created:
            self.show_message(self.tr("No occurrence could be booked."))
            return
        self._saved(list(result.created))
