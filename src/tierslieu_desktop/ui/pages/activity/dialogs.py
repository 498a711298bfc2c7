"""Dialogs of the Activité page: plan or edit a session, manage the activities, register
a member or a group.

Each dialog saves itself in ``submit()`` (OK, Enter): a validation error is shown under
its field, a refusal (a machine already booked…) as its sentence in the dialog, which
stays open; on success the app-wide ``changed`` signal is notified ("activity").
Tests fill the fields and call ``submit()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today, local_day_and_minute, local_dt
from tierslieu_desktop.domain.enums import ActivityKind, AgeBand
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.activity import registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.registrations import RegistrationInput, RegistrationResult
from tierslieu_desktop.services.activity.sessions import (
    ActivityInput,
    ActivityRow,
    SessionInput,
    SessionRow,
)
from tierslieu_desktop.services.park import machines as machine_service
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.pricing import tariffs as tariff_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.labels import age_band_labels, label_of
from tierslieu_desktop.ui.pages.activity.labels import activity_kind_labels
from tierslieu_desktop.ui.pages.activity.national_details import MultiChoice
from tierslieu_desktop.ui.pages.activity.national_labels import (
    theme_labels,
    workshop_level_labels,
)
from tierslieu_desktop.ui.pages.settings.tariffs.common import (
    everyone,
    membership_labels,
    price_text,
)
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.stale import changed_elsewhere
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.member_search import (
    NAME_ROLE,
    ArrowKeysToList,
    choose_member,
    fill_member_results,
    selected_member_id,
)
from tierslieu_desktop.ui.widgets.time_edit import TimeEdit


def _time_edit(minute: int) -> QTimeEdit:
    return TimeEdit(QTime(minute // 60 % 24, minute % 60), step=15)


def _minute(edit: QTimeEdit) -> int:
    t = edit.time()
    return t.hour() * 60 + t.minute()


def _buttons(dialog: QDialog, ok_text: str, submit: Callable[[], object]) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", ""))
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName(cancel.text().replace("&", ""))
    box.accepted.connect(submit)
    box.rejected.connect(dialog.reject)
    return box


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dialogMessage")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class _Saving(QDialog):
    """What the dialogs share: a red message line and the form errors."""

    form: ValidatedForm
    message: QLabel

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def _refused(self, err: DomainError) -> None:
        if isinstance(err, ValidationError):
            unknown = self.form.show_errors(err.fields)
            self.show_message(error_message(err) if unknown else "")
        else:
            self.form.clear_errors()
            loaded = getattr(self, "loaded_row", None)
            if err.code == "stale_record" and loaded is not None:
                changed_elsewhere(err, loaded)  # the other desk's changes (issue 20)
            self.show_message(error_message(err))


# --------------------------------------------------------------------------- sessions


class SessionDialog(_Saving):
    """Plan a session (``session`` None) or change one. Picking the activity fills the
    duration, capacity, space and trainer and ticks the training machine."""

    def __init__(
        self,
        ctx: AppContext,
        session: SessionRow | None = None,
        *,
        day: date | None = None,
        activity_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = self.loaded_row = session
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New session") if session is None else self.tr("Edit session"))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        self.form = f = ValidatedForm()
        lay.addLayout(f)

        self._activities = {a.id: a for a in activities.list_activities(ctx.db)}
        self.activity = QComboBox()
        if session is not None and session.activity_id not in self._activities:
            self._activities[session.activity_id] = activities.get_activity(
                ctx.db, session.activity_id
            )
        kinds = activity_kind_labels()
        for a in self._activities.values():
            self.activity.addItem(f"{a.name} — {label_of(kinds, a.kind)}", a.id)
        self.activity.setCurrentIndex(-1)
        f.add_field("activity", self.tr("&Activity:"), self.activity)

        self.day = bound_to_accepted_days(QDateEdit())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        f.add_field("day", self.tr("&Date:"), self.day)

        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        self.start_edit = _time_edit(14 * 60)
        self.end_edit = _time_edit(16 * 60)
        row.addWidget(self.start_edit)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end_edit)
        row.addStretch(1)
        times.setFocusProxy(self.start_edit)
        f.add_field("end_at", self.tr("&Time:"), times)
        self.start_edit.setAccessibleName(self.tr("Start time"))
        self.end_edit.setAccessibleName(self.tr("End time"))

        self.space = QComboBox()
        self.space.addItem(self.tr("No space"), None)
        for s in machine_service.list_spaces(ctx.db):
            self.space.addItem(s.name, s.id)
        f.add_field("space", self.tr("&Space:"), self.space)

        self.machines = QListWidget()
        self.machines.setFixedHeight(110)
        for m in machine_service.list_machines(ctx.db):
            item = QListWidgetItem(m.name)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.machines.addItem(item)
        f.add_field("machines", self.tr("&Machines held:"), self.machines)

        self.capacity = QSpinBox()
        self.capacity.setRange(1, activities.MAX_CAPACITY)
        self.capacity.setValue(12)
        self.capacity.setSuffix(self.tr(" seats"))
        f.add_field("capacity", self.tr("Ca&pacity:"), self.capacity)
        self.trainer = f.add_field("trainer", self.tr("T&rainer:"), QLineEdit())
        self.trainer.setMaxLength(200)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        f.add_field("note", self.tr("&Note:"), self.note)

        # a digital workshop on the national model (issue 22): optional
        national = self.tr("For the national model of digital inclusion (digital workshops)")
        self.level = QComboBox()
        self.level.addItem(self.tr("Not given"), None)
        for value, label in workshop_level_labels().items():
            self.level.addItem(label, value)
        self.level.setAccessibleName(self.tr("Workshop level"))
        self.level.setToolTip(national)
        f.add_field("workshop_level", self.tr("&Level:"), self.level)
        self.themes = MultiChoice(theme_labels(), self.tr("No theme"))
        self.themes.setAccessibleName(self.tr("Workshop themes"))
        f.add_field("themes", self.tr("T&hemes:"), self.themes)

        self.message = _message_label()
        lay.addWidget(self.message)
        lay.addWidget(_buttons(self, self.tr("&Save"), self.submit))

        self.activity.currentIndexChanged.connect(self._on_activity)
        self.start_edit.timeChanged.connect(self._keep_duration)
        self._duration = 120
        if session is not None:
            self._load(session)
        else:
            self.day.setDate(to_qdate(day or lab_today()))
            if activity_id is not None:
                self.select_activity(activity_id)
        self.activity.setFocus()

    def _load(self, s: SessionRow) -> None:
        self.activity.blockSignals(True)
        self.activity.setCurrentIndex(self.activity.findData(s.activity_id))
        self.activity.blockSignals(False)
        self.activity.setEnabled(False)
        day, start = local_day_and_minute(s.start_at)
        _, end = local_day_and_minute(s.end_at)
        self.day.setDate(to_qdate(day))
        self.start_edit.blockSignals(True)
        self.start_edit.setTime(QTime(start // 60, start % 60))
        self.start_edit.blockSignals(False)
        self.end_edit.setTime(QTime(end // 60 % 24, end % 60))
        self._duration = s.minutes
        self.space.setCurrentIndex(max(self.space.findData(s.space_id), 0))
        self.set_machines(s.machine_ids)
        self.capacity.setValue(s.capacity)
        self.trainer.setText(s.trainer)
        self.note.setPlainText(s.note)
        self.level.setCurrentIndex(max(self.level.findData(s.workshop_level), 0))
        self.themes.set_values(s.themes)

    def select_activity(self, activity_id: int) -> None:
        self.activity.setCurrentIndex(self.activity.findData(activity_id))

    def set_machines(self, machine_ids: Iterable[int]) -> None:
        wanted = set(machine_ids)
        for i in range(self.machines.count()):
            item = self.machines.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def machine_ids(self) -> tuple[int, ...]:
        return tuple(
            self.machines.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.machines.count())
            if self.machines.item(i).checkState() == Qt.CheckState.Checked
        )

    def _on_activity(self, _index: int) -> None:
        a: ActivityRow | None = self._activities.get(self.activity.currentData())
        if a is None:
            return
        self._duration = a.duration_minutes
        self._keep_duration()
        self.capacity.setValue(a.capacity)
        self.space.setCurrentIndex(max(self.space.findData(a.space_id), 0))
        self.trainer.setText(a.trainer)
        if a.machine_id is not None:
            self.set_machines({*self.machine_ids(), a.machine_id})

    def _keep_duration(self, *_args: object) -> None:
        end = min(_minute(self.start_edit) + self._duration, 23 * 60 + 59)
        self.end_edit.setTime(QTime(end // 60, end % 60))

    def session_input(self) -> SessionInput:
        activity_id = self.activity.currentData()
        if activity_id is None:
            raise ValidationError({"activity": "required"})
        day = from_qdate(self.day.date())
        end = _minute(self.end_edit)
        return SessionInput(
            activity_id=int(activity_id),
            start_at=local_dt(day, _minute(self.start_edit)),
            end_at=local_dt(day, end),
            capacity=self.capacity.value(),
            space_id=self.space.currentData(),
            trainer=self.trainer.text(),
            machine_ids=self.machine_ids(),
            note=self.note.toPlainText(),
            workshop_level=self.level.currentData(),
            themes=self.themes.values(),
        )

    def submit(self) -> bool:
        try:
            data = self.session_input()
            if self.session is None:
                self.saved_id = activities.create_session(self.ctx.db, self.ctx.operator_id, data)
            else:
                activities.update_session(
                    self.ctx.db,
                    self.ctx.operator_id,
                    self.session.id,
                    data,
                    expected_version=self.session.version,
                )
                self.saved_id = self.session.id
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            self._refused(err)
            return False
        self.ctx.notify("activity", [self.saved_id])
        self.accept()
        return True


# --------------------------------------------------------------------------- activities


class ActivityDialog(_Saving):
    """Create or edit an activity: name, kind, description, default duration, capacity,
    trainer and space, and the machine a training authorizes."""

    def __init__(
        self, ctx: AppContext, activity: ActivityRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity = self.loaded_row = activity
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("New activity") if activity is None else self.tr("Edit activity")
        )
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        self.form = f = ValidatedForm()
        lay.addLayout(f)
        self.name = f.add_field("name", self.tr("&Name:"), QLineEdit())
        self.name.setMaxLength(activities.NAME_MAX)
        self.kind = QComboBox()
        for kind, label in activity_kind_labels().items():
            self.kind.addItem(label, kind.value)
        f.add_field("kind", self.tr("&Kind:"), self.kind)
        self.machine = QComboBox()
        self.machine.addItem(self.tr("Choose the machine"), None)
        for m in machine_service.list_machines(ctx.db):
            self.machine.addItem(m.name, m.id)
        f.add_field("machine", self.tr("&Machine it authorizes:"), self.machine)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(60)
        self.description.setTabChangesFocus(True)
        f.add_field("description", self.tr("&Description:"), self.description)
        self.duration = QSpinBox()
        self.duration.setRange(15, activities.MAX_DURATION_MINUTES)
        self.duration.setSingleStep(15)
        self.duration.setValue(120)
        self.duration.setSuffix(self.tr(" min"))
        f.add_field("duration_minutes", self.tr("D&uration:"), self.duration)
        self.capacity = QSpinBox()
        self.capacity.setRange(1, activities.MAX_CAPACITY)
        self.capacity.setValue(12)
        self.capacity.setSuffix(self.tr(" seats"))
        f.add_field("capacity", self.tr("Ca&pacity:"), self.capacity)
        self.trainer = f.add_field("trainer", self.tr("T&rainer:"), QLineEdit())
        self.space = QComboBox()
        self.space.addItem(self.tr("No space"), None)
        for s in machine_service.list_spaces(ctx.db):
            self.space.addItem(s.name, s.id)
        f.add_field("space", self.tr("&Space:"), self.space)
        self.prices = QLabel(self._prices_text(ctx, activity))
        self.prices.setWordWrap(True)
        self.prices.setStyleSheet("color: #3c4a55;")
        lay.addWidget(self.prices)
        self.message = _message_label()
        lay.addWidget(self.message)
        lay.addWidget(_buttons(self, self.tr("&Save"), self.submit))
        self.kind.currentIndexChanged.connect(self._sync_kind)
        if activity is not None:
            self.name.setText(activity.name)
            self.kind.setCurrentIndex(max(self.kind.findData(activity.kind), 0))
            self.machine.setCurrentIndex(max(self.machine.findData(activity.machine_id), 0))
            self.description.setPlainText(activity.description)
            self.duration.setValue(activity.duration_minutes)
            self.capacity.setValue(activity.capacity)
            self.trainer.setText(activity.trainer)
            self.space.setCurrentIndex(max(self.space.findData(activity.space_id), 0))
        self._sync_kind()
        self.name.setFocus()

    def _prices_text(self, ctx: AppContext, activity: ActivityRow | None) -> str:
        """The prices in force, and where they are set (the tariff grid)."""
        where = self.tr(
            "Prices per public are set in Settings › Tariffs, section "
            "\u201cWorkshops and trainings\u201d; without a price, registration is free."
        )
        if activity is None:
            return where
        rules = tariff_service.list_rules(
            ctx.db, on=lab_today(), kind="activity", resource_id=activity.id
        )
        if not rules:
            return self.tr("No price in force: registration is free.") + " " + where
        parts = []
        for r in rules:
            who = r.audience_name or everyone()
            if r.membership != "any":
                who = f"{who} ({membership_labels()[r.membership].lower()})"
            parts.append(f"{who}{formatting.colon()} {price_text(r.amount_cents, r.unit)}")
        return self.tr("Prices in force: {prices}.").format(prices=" ; ".join(parts)) + " " + where

    def _sync_kind(self, *_args: object) -> None:
        self.form.set_field_visible(
            "machine", self.kind.currentData() == ActivityKind.MACHINE_TRAINING
        )

    def activity_input(self) -> ActivityInput:
        return ActivityInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            description=self.description.toPlainText(),
            duration_minutes=self.duration.value(),
            capacity=self.capacity.value(),
            trainer=self.trainer.text(),
            space_id=self.space.currentData(),
            machine_id=self.machine.currentData(),
        )

    def submit(self) -> bool:
        try:
            self.saved_id = activities.save_activity(
                self.ctx.db,
                self.ctx.operator_id,
                self.activity_input(),
                None if self.activity is None else self.activity.id,
                expected_version=None if self.activity is None else self.activity.version,
            )
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            self._refused(err)
            return False
        self.ctx.notify("activity", [self.saved_id])
        self.accept()
        return True


class ActivitiesDialog(QDialog):
    """The list of activities: create, edit, archive (archived ones shown on demand)."""

    COLUMNS = 6

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Activities"))
        self.resize(820, 420)
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setAccessibleName(self.tr("Activities"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Duration"),
                self.tr("Capacity"),
                self.tr("Trainer"),
                self.tr("Sessions"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.edit())
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New activity…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.archive_button = QPushButton(self.tr("&Archive"))
        self.show_archived = QPushButton(self.tr("Show a&rchived"))
        self.show_archived.setCheckable(True)
        close = QPushButton(self.tr("&Close"))
        for b in (self.new_button, self.edit_button, self.archive_button, self.show_archived):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
            row.addWidget(b)
        row.addStretch(1)
        close.setAccessibleName(self.tr("Close"))
        row.addWidget(close)
        lay.addLayout(row)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived.toggled.connect(lambda _c: self.reload())
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self._rows = activities.list_activities(
            self.ctx.db, include_archived=self.show_archived.isChecked()
        )
        kinds = activity_kind_labels()
        self.table.setRowCount(len(self._rows))
        for i, a in enumerate(self._rows):
            name = a.name if not a.archived else self.tr("{name} (archived)").format(name=a.name)
            cells = (
                name,
                label_of(kinds, a.kind),
                formatting.hours(a.duration_minutes),
                formatting.number(a.capacity),
                a.trainer,
                formatting.number(a.sessions),
            )
            for c, text in enumerate(cells):
                self.table.setItem(i, c, QTableWidgetItem(text))
            if a.id == select_id:
                self.table.selectRow(i)
        self.table.resizeColumnsToContents()
        self._sync_buttons()

    def current(self) -> ActivityRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _sync_buttons(self) -> None:
        a = self.current()
        self.edit_button.setEnabled(a is not None)
        self.archive_button.setEnabled(a is not None)
        self.archive_button.setText(
            self.tr("&Restore") if a is not None and a.archived else self.tr("&Archive")
        )

    def new(self) -> None:
        dialog = ActivityDialog(self.ctx, parent=self)
        if dialog.exec():
            self.reload(dialog.saved_id)

    def edit(self) -> None:
        a = self.current()
        if a is None:
            return
        dialog = ActivityDialog(self.ctx, a, parent=self)
        if dialog.exec():
            self.reload(dialog.saved_id)

    def toggle_archived(self) -> None:
        a = self.current()
        if a is None:
            return
        if not a.archived and not confirm(
            self,
            self.tr("Archive the activity"),
            self.tr(
                "Archive \u201c{name}\u201d? It leaves the lists; its sessions and figures stay."
            ).format(name=a.name),
            self.tr("Archive"),
        ):
            return
        activities.set_activity_archived(self.ctx.db, self.ctx.operator_id, a.id, not a.archived)
        self.ctx.notify("activity", [a.id])
        self.reload(a.id)


# --------------------------------------------------------------------------- registrations


class MemberRegistrationDialog(_Saving):
    """Register a member: type a name, a number or a town, pick in the list."""

    def __init__(self, ctx: AppContext, session: SessionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.result_: RegistrationResult | None = None
        self.member_name = ""
        self.setWindowTitle(self.tr("Register a member"))
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(session_title(session)))
        self.form = f = ValidatedForm()
        lay.addLayout(f)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, a member number or a town"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setFixedHeight(160)
        inner.addWidget(self.search)
        inner.addWidget(self.results)
        box.setFocusProxy(self.search)
        f.add_field("member", self.tr("M&ember:"), box)
        self.search.setAccessibleName(self.tr("Find a member"))
        self.results.setAccessibleName(self.tr("Matching members"))
        self.search.installEventFilter(ArrowKeysToList(self.results))
        self.search.textChanged.connect(self._search)
        self.results.doubleClicked.connect(lambda _i: self.submit())
        self.message = _message_label()
        lay.addWidget(self.message)
        lay.addWidget(_buttons(self, self.tr("&Register"), self.submit))
        self._search("")
        self.search.setFocus()
        if ctx.current_member_id is not None:  # chosen on Membres or from their card
            self._choose(ctx.current_member_id)

    def _choose(self, member_id: int) -> None:
        try:
            self.search.setText(member_service.get_member(self.ctx.db, member_id).display_name)
        except DomainError:
            return
        choose_member(self.results, member_id)

    def _search(self, text: str) -> None:
        fill_member_results(self.results, self.ctx.db, text, kind="person")

    def selected_member(self) -> int | None:
        return selected_member_id(self.results)

    def submit(self) -> bool:
        member_id = self.selected_member()
        try:
            if member_id is None:
                raise ValidationError({"member": "member_required"})
            self.member_name = self.results.currentItem().data(NAME_ROLE)
            self.result_ = registrations.register(
                self.ctx.db,
                self.ctx.operator_id,
                RegistrationInput(session_id=self.session.id, member_id=member_id),
            )
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            self._refused(err)
            return False
        self.ctx.notify("activity", [self.session.id])
        self.accept()
        return True


class GroupRegistrationDialog(_Saving):
    """Register a group: its organisation (optional), its name, the responsible adult,
    how many people and their age band."""

    def __init__(self, ctx: AppContext, session: SessionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.result_: RegistrationResult | None = None
        self.setWindowTitle(self.tr("Register a group"))
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(session_title(session)))
        self.form = f = ValidatedForm()
        lay.addLayout(f)
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
        line.setPlaceholderText(self.tr("School, association… (optional)"))
        f.add_field("organisation", self.tr("&Organisation:"), self.organisation)
        self.group_name = f.add_field("group_name", self.tr("&Group name:"), QLineEdit())
        self.group_name.setMaxLength(activities.NAME_MAX)
        self.group_name.setPlaceholderText(self.tr("Year 6 class, youth club…"))
        self.responsible = f.add_field(
            "responsible_name", self.tr("&Responsible adult:"), QLineEdit()
        )  # at most as long as the service accepts: set by add_field
        self.headcount = QSpinBox()
        self.headcount.setRange(1, activities.MAX_CAPACITY)
        self.headcount.setValue(12)
        self.headcount.setSuffix(self.tr(" people"))
        f.add_field("headcount", self.tr("&Head-count:"), self.headcount)
        self.age_band = QComboBox()
        self.age_band.addItem(self.tr("Not given"), None)
        for band, label in age_band_labels().items():
            self.age_band.addItem(label, band.value)
        f.add_field("age_band", self.tr("&Age band:"), self.age_band)
        self.message = _message_label()
        lay.addWidget(self.message)
        lay.addWidget(_buttons(self, self.tr("&Register"), self.submit))
        self.organisation.setFocus()

    def select_organisation(self, organisation_id: int) -> None:
        self.organisation.setCurrentIndex(self.organisation.findData(organisation_id))

    def set_age_band(self, band: AgeBand | str) -> None:
        self.age_band.setCurrentIndex(max(self.age_band.findData(str(band)), 0))

    def _organisation_id(self) -> int | None:
        text = self.organisation.currentText().strip()
        if not text:
            return None
        index = self.organisation.findText(text)
        return None if index < 0 else self.organisation.itemData(index)

    def submit(self) -> bool:
        try:
            if self.organisation.currentText().strip() and self._organisation_id() is None:
                raise ValidationError({"organisation": "unknown"})
            self.result_ = registrations.register(
                self.ctx.db,
                self.ctx.operator_id,
                RegistrationInput(
                    session_id=self.session.id,
                    organisation_id=self._organisation_id(),
                    group_name=self.group_name.text(),
                    responsible_name=self.responsible.text(),
                    headcount=self.headcount.value(),
                    age_band=self.age_band.currentData(),
                ),
            )
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            if isinstance(err, ValidationError) and "member" in err.fields:
                err = ValidationError({"group_name": err.fields["member"]})
            self._refused(err)
            return False
        self.ctx.notify("activity", [self.session.id])
        self.accept()
        return True

    def group_label(self) -> str:
        parts = [self.organisation.currentText().strip(), self.group_name.text().strip()]
        return " — ".join(p for p in parts if p)


def session_title(s: SessionRow) -> str:
    day, _ = local_day_and_minute(s.start_at)
    return (
        f"{s.activity_name} — {formatting.long_date(day)}, "
        f"{formatting.local_time(s.start_at)} – {formatting.local_time(s.end_at)}"
    )
