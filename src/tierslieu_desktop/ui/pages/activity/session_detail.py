"""The selected session: its title, day and times, space, machines held, trainer and
fill rate; its registrations (registered, then the waiting list with its position, the
cancelled greyed) with attendance ticked in the table; the actions on the session."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute, to_local
from tierslieu_desktop.domain.enums import Attendance, RegistrationStatus
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.activity import registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.registrations import RegistrationRow
from tierslieu_desktop.services.activity.sessions import SessionRow
from tierslieu_desktop.services.imports.registrations import RegistrationsImporter
from tierslieu_desktop.ui import file_dialogs, printing
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import open_path
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.labels import label_of
from tierslieu_desktop.ui.pages.activity.class_list import ClassListDialog
from tierslieu_desktop.ui.pages.activity.dialogs import (
    GroupRegistrationDialog,
    MemberRegistrationDialog,
    SessionDialog,
)
from tierslieu_desktop.ui.pages.activity.labels import activity_kind_labels, attendance_labels
from tierslieu_desktop.ui.pages.activity.models import (
    ATTENDANCE_CHOICES,
    RegistrationTableModel,
    percent_text,
    seats_text,
)
from tierslieu_desktop.ui.stale import shown_again
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.responsive import FlowLayout

NowFn = Callable[[], datetime]
AnyIndex = QModelIndex | QPersistentModelIndex


def save_path(parent: QWidget | None, title: str, name: str, filters: str) -> str:
    """Ask where to save a file ("" when cancelled). One function, so tests can answer."""
    return file_dialogs.save_file(parent, title, name, filters, kind="attendance")


def slug(text: str) -> str:
    """A file-name part: "Créer son CV" → "creer-son-cv"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")[:60] or "seance"


class AttendanceDelegate(QStyledItemDelegate):
    """A choice (not ticked, present, absent, excused) in the attendance column; a
    number from 0 to the head-count in a group's "present" column."""

    def __init__(self, model: RegistrationTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        key = self.model.COLUMNS[index.column()]
        if key == "attendance":
            combo = QComboBox(parent)
            combo.setAccessibleName(self.tr("Attendance"))
            labels = attendance_labels()
            for value in ATTENDANCE_CHOICES:
                text = self.tr("not ticked") if value is None else labels[Attendance(value)]
                combo.addItem(text, value or "")
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        if key == "present":
            spin = QSpinBox(parent)
            spin.setAccessibleName(self.tr("People present"))
            spin.setRange(0, self.model.row_at(index.row()).headcount)
            return spin
        return super().createEditor(parent, option, index)

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value or ""), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class SessionDetail(QWidget):
    """``message(text, is_error)`` tells the page what happened."""

    message = Signal(str, bool)

    def __init__(self, ctx: AppContext, now: NowFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.session: SessionRow | None = None
        self.save_path = save_path
        self.open_file: Callable[[str], object] = lambda p: open_path(self, p, "attendance")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600; color: #1f3a4d;")
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.info = QLabel()
        self.info.setObjectName("sessionInfo")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.info)

        self.model = RegistrationTableModel(self)
        self.model.on_edit = self._edit_attendance
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Registrations"))
        self.table.setItemDelegate(AttendanceDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)  # long names and publics elided, one line each
        for column, width in ((0, 210), (1, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.setToolTip(
            self.tr("Double-click or F2 on the attendance to tick present, absent or excused.")
        )
        lay.addWidget(self.table, 1)

        grid = FlowLayout()  # wraps onto more lines on a narrow screen
        self.register_member_button = QPushButton(self.tr("Register a &member…"))
        self.register_group_button = QPushButton(self.tr("Register a &group…"))
        self.import_list_button = QPushButton(self.tr("Import a &list…"))
        self.last_wizard: QDialog | None = None  # the list's import wizard, once opened
        self.import_list_button.setToolTip(
            self.tr("Register a class list or a list of participants from a spreadsheet")
        )
        self.cancel_registration_button = QPushButton(self.tr("Cancel the re&gistration"))
        self.all_present_button = QPushButton(self.tr("All &present"))
        self.sheet_button = QPushButton(self.tr("Attendance &sheet (PDF)"))
        self.print_sheet_button = QPushButton(self.tr("Print the attendance s&heet…"))
        self.edit_button = QPushButton(self.tr("&Edit the session…"))
        self.cancel_session_button = QPushButton(self.tr("Cancel the sess&ion"))
        buttons = (
            self.register_member_button,
            self.register_group_button,
            self.import_list_button,
            self.cancel_registration_button,
            self.all_present_button,
            self.sheet_button,
            self.print_sheet_button,
            self.edit_button,
            self.cancel_session_button,
        )
        for b in buttons:
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
            grid.addWidget(b)
        lay.addLayout(grid)
        self.cancel_registration_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.register_member_button.clicked.connect(lambda: self.register_member())
        self.register_group_button.clicked.connect(lambda: self.register_group())
        self.import_list_button.clicked.connect(lambda: self.import_list())
        self.cancel_registration_button.clicked.connect(self.cancel_registration)
        self.all_present_button.clicked.connect(self.all_present)
        self.sheet_button.clicked.connect(self.attendance_sheet)
        self.print_sheet_button.clicked.connect(self.print_attendance_sheet)
        self.edit_button.clicked.connect(lambda: self.edit_session())
        self.cancel_session_button.clicked.connect(self.cancel_session)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._sync_buttons())
        self.show_session(None)

    # --- showing -------------------------------------------------------------------

    def show_session(self, session_id: int | None) -> None:
        """Show a session (None: nothing selected), reloaded from the database."""
        self.session = None
        if session_id is not None:
            try:
                self.session = activities.get_session(self.ctx.db, session_id)
            except DomainError:
                self.session = None
        s = self.session
        if s is None:
            self.title.setText(self.tr("No session selected"))
            self.info.setText(
                self.tr("Choose a session in the calendar or in the list of upcoming sessions.")
            )
            self.model.set_rows([])
        else:
            self._show_info(s)
            self.model.editable = not s.cancelled
            self.model.set_rows(registrations.session_registrations(self.ctx.db, s.id))
        self._sync_buttons()

    def reload(self) -> None:
        self.show_session(None if self.session is None else self.session.id)

    def _show_info(self, s: SessionRow) -> None:
        kind = label_of(activity_kind_labels(), s.kind)
        title = f"{s.activity_name} — {kind}"
        if s.cancelled:
            title = self.tr("{session} (cancelled)").format(session=title)
        self.title.setText(title)
        day, _ = local_day_and_minute(s.start_at)
        lines = [
            self.tr("{day}, {start} – {end} ({duration})").format(
                day=formatting.long_date(day),
                start=formatting.local_time(s.start_at),
                end=formatting.local_time(s.end_at),
                duration=formatting.hours(s.minutes),
            ),
            self.tr("Space: {space}").format(space=s.space_name or self.tr("none")),
            self.tr("Machines held: {machines}").format(
                machines=", ".join(s.machine_names) or self.tr("no machine")
            ),
            self.tr("Trainer: {trainer}").format(trainer=s.trainer or self.tr("not given")),
            self.tr(
                "Registered: {seats} — fill rate {percent}, {free} free, {waiting} waiting"
            ).format(
                seats=seats_text(s),
                percent=percent_text(s.fill_percent),
                free=formatting.number(s.free_seats),
                waiting=formatting.number(s.waiting),
            ),
        ]
        if s.ticked:
            lines.append(self.tr("Present: {n} people").format(n=formatting.number(s.present)))
        if s.note:
            lines.append(self.tr("Note: {note}").format(note=s.note))
        self.info.setText("\n".join(lines))

    def fill_text(self) -> str:
        return "" if self.session is None else percent_text(self.session.fill_percent)

    def current_registration(self) -> RegistrationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_registration(self, registration_id: int) -> None:
        for i, r in enumerate(self.model.rows()):
            if r.id == registration_id:
                self.table.selectRow(i)
                return

    def _sync_buttons(self) -> None:
        s = self.session
        active = s is not None and not s.cancelled
        r = self.current_registration()
        for b in (
            self.register_member_button,
            self.register_group_button,
            self.import_list_button,
            self.edit_button,
        ):
            b.setEnabled(active)
        # A session with attendance took place: it can no longer be cancelled.
        self.cancel_session_button.setEnabled(active and s is not None and s.ticked == 0)
        # Attendance is ticked from the session's day on.
        self.all_present_button.setEnabled(
            active
            and s is not None
            and s.registrations > 0
            and to_local(s.start_at).date() <= self._today()
        )
        self.sheet_button.setEnabled(s is not None)
        self.print_sheet_button.setEnabled(s is not None)
        self.cancel_registration_button.setEnabled(
            active and r is not None and r.status != RegistrationStatus.CANCELLED
        )

    def _done(self, text: str) -> None:
        assert self.session is not None
        self.ctx.notify("activity", [self.session.id])
        self.reload()
        self.message.emit(text, False)

    def _failed(self, err: DomainError, registration_id: int | None = None) -> None:
        if err.code == "stale_record":  # changed on another desk: show it as it is now
            self.reload()
            if registration_id is not None:
                self.select_registration(registration_id)
        self.message.emit(error_message(shown_again(err)), True)

    def _today(self) -> date:
        return to_local(self.now()).date()

    # --- attendance ----------------------------------------------------------------

    def _edit_attendance(
        self, r: RegistrationRow, attendance: str | None, present_count: int | None
    ) -> bool:
        try:
            registrations.set_attendance(
                self.ctx.db,
                self.ctx.operator_id,
                r.id,
                attendance,
                present_count=present_count,
                today=self._today(),
                expected_version=r.version,
            )
        except DomainError as err:
            self._failed(err, r.id)
            return False
        if attendance is None:
            text = self.tr("{who}: attendance cleared.").format(who=r.who)
        elif present_count is not None:
            text = self.tr("{who}: {n} people present.").format(
                who=r.who, n=formatting.number(present_count)
            )
        else:
            label = attendance_labels().get(Attendance(attendance), attendance)
            text = self.tr("{who}: {attendance}.").format(who=r.who, attendance=label)
        self._done(text)
        self.select_registration(r.id)
        return True

    def set_attendance(self, registration_id: int, attendance: str | None) -> bool:
        """Tick a registration as if chosen in its attendance cell."""
        row = next(i for i, r in enumerate(self.model.rows()) if r.id == registration_id)
        index = self.model.index(row, self.model.COLUMNS.index("attendance"))
        return self.model.setData(index, attendance or "", Qt.ItemDataRole.EditRole)

    def all_present(self) -> None:
        if self.session is None:
            return
        try:
            count = registrations.set_all_attendance(
                self.ctx.db,
                self.ctx.operator_id,
                self.session.id,
                Attendance.PRESENT.value,
                today=self._today(),
            )
        except DomainError as err:
            self._failed(err)
            return
        if count == 1:
            self._done(self.tr("1 registration ticked present."))
        else:
            self._done(
                self.tr("{n} registrations ticked present.").format(n=formatting.number(count))
            )

    # --- registrations -------------------------------------------------------------

    def _registered_text(self, who: str, result: registrations.RegistrationResult) -> str:
        if result.status == RegistrationStatus.WAITING:
            return self.tr("{who} is on the waiting list (no. {n}).").format(
                who=who, n=result.waiting_position or 1
            )
        return self.tr("{who} is registered ({price}).").format(
            who=who, price=formatting.money(result.price_cents)
        )

    def register_member(self, *, run: bool = True) -> MemberRegistrationDialog | None:
        if self.session is None:
            return None
        dialog = MemberRegistrationDialog(self.ctx, self.session, self)
        dialog.accepted.connect(lambda: self._registered(dialog.member_name, dialog.result_))
        if run:
            dialog.exec()
        return dialog

    def register_group(self, *, run: bool = True) -> GroupRegistrationDialog | None:
        if self.session is None:
            return None
        dialog = GroupRegistrationDialog(self.ctx, self.session, self)
        dialog.accepted.connect(lambda: self._registered(dialog.group_label(), dialog.result_))
        if run:
            dialog.exec()
        return dialog

    def import_list(self, *, run: bool = True) -> ClassListDialog | None:
        """How the list is registered (named or one group), then the import wizard."""
        if self.session is None:
            return None
        dialog = ClassListDialog(self.ctx, self.session, self)
        dialog.accepted.connect(lambda: self.import_wizard(dialog.importer(), run=run))
        if run:
            dialog.exec()
        return dialog

    def import_wizard(self, importer: RegistrationsImporter, *, run: bool = True) -> QDialog:
        from tierslieu_desktop.ui.imports.wizard import ImportWizard

        wizard = ImportWizard(
            self.ctx,
            importer,
            self,
            title=self.tr("Import a list"),
            entities=("activity", "member"),  # named participants may be new members
        )
        self.last_wizard = wizard
        if run:
            wizard.exec()
            self.reload()
        return wizard

    def _registered(self, who: str, result: registrations.RegistrationResult | None) -> None:
        if result is None:
            return
        self.reload()
        self.select_registration(result.registration_id)
        self.message.emit(self._registered_text(who, result), False)

    def cancel_registration(self) -> None:
        r = self.current_registration()
        if r is None or self.session is None:
            return
        if not confirm(
            self,
            self.tr("Cancel the registration"),
            self.tr("Cancel the registration of {who}? Their seats go to the waiting list.").format(
                who=r.who
            ),
            self.tr("Cancel the registration"),
        ):
            return
        try:
            promoted = registrations.cancel_registration(
                self.ctx.db, self.ctx.operator_id, r.id, now=self.now(), expected_version=r.version
            )
        except DomainError as err:
            self._failed(err, r.id)
            return
        names = {x.id: x.who for x in self.model.rows()}
        text = self.tr("The registration of {who} is cancelled.").format(who=r.who)
        for rid in promoted:
            text += " " + self.tr("{who} moves from the waiting list to the registered.").format(
                who=names.get(rid, "?")
            )
        self._done(text)

    # --- the session ---------------------------------------------------------------

    def edit_session(self, *, run: bool = True) -> SessionDialog | None:
        if self.session is None:
            return None
        dialog = SessionDialog(self.ctx, self.session, parent=self)
        dialog.accepted.connect(
            lambda: self.message.emit(self.tr("The session is changed."), False)
        )
        if run:
            dialog.exec()
        return dialog

    def cancel_session(self) -> None:
        s = self.session
        if s is None:
            return
        if not confirm(
            self,
            self.tr("Cancel the session"),
            self.tr(
                "Cancel the session \u201c{activity}\u201d? Its machines and space are freed; "
                "the {n} registrations are kept but no longer hold seats."
            ).format(activity=s.activity_name, n=s.registrations + s.waiting),
            self.tr("Cancel the session"),
        ):
            return
        try:
            activities.cancel_session(self.ctx.db, self.ctx.operator_id, s.id)
        except DomainError as err:
            self._failed(err)
            return
        self._done(
            self.tr("The session \u201c{activity}\u201d is cancelled.").format(
                activity=s.activity_name
            )
        )

    def print_attendance_sheet(self) -> bool:
        """The attendance sheet in the print preview (no PDF viewer needed)."""
        s = self.session
        if s is None:
            return False
        from tierslieu_desktop.reports.attendance_pdf import attendance_sheet_pdf

        try:
            data = attendance_sheet_pdf(registrations.attendance_sheet(self.ctx.db, s.id))
        except DomainError as err:
            self._failed(err)
            return False
        return printing.print_pdf(self, data, "attendance", self.tr("Print the attendance sheet"))

    def attendance_sheet(self) -> str:
        """Save the attendance sheet as a PDF and open it; returns the path ("" if not)."""
        s = self.session
        if s is None:
            return ""
        from tierslieu_desktop.reports.attendance_pdf import attendance_sheet_pdf

        day = to_local(s.start_at).date()
        name = f"emargement-{day.isoformat()}-{slug(s.activity_name)}.pdf"
        path = self.save_path(
            self, self.tr("Save the attendance sheet"), name, self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return ""
        try:
            data = attendance_sheet_pdf(registrations.attendance_sheet(self.ctx.db, s.id))
            write_private_bytes(path, data)
        except DomainError as err:
            self._failed(err)
            return ""
        except OSError as err:
            self.message.emit(
                self.tr("The file could not be written: {error}").format(error=err.strerror), True
            )
            return ""
        self.open_file(path)
        self.message.emit(self.tr("Attendance sheet saved: {path}").format(path=path), False)
        return path
