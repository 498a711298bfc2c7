"""Activité › Accueil cyber-base: the front desk's one-click drop-in counter.

A visitor comes in, the manager clicks the button of the visit's purpose (or presses
F1…F6) and the visit is counted — anonymous, no account. The settings on the right
(kind, public, age band, commune, duration…) stay between clicks because the desk often
logs several similar visits; the Pass numérique vouchers and the member link are reset
after each click. Ctrl+Z right after a click takes it back.

Entering for a past day (date selector): the visit is dated that day at the current
time of day, so the day's log keeps the order in which the visits were entered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTime,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt, utcnow
from tierslieu_desktop.domain.enums import DropInKind, DropInPurpose
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.activity import dropins
from tierslieu_desktop.services.activity.dropins import DropInInput, DropInRow
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.people import operators as operator_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.labels import age_band_labels
from tierslieu_desktop.ui.pages.activity.labels import (
    drop_in_kind_labels,
    drop_in_purpose_labels,
)
from tierslieu_desktop.ui.pages.activity.national_details import (
    NationalDetails,
    VoucherNumbers,
)
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate
from tierslieu_desktop.ui.stale import (
    as_the_form_shows,
    changed_elsewhere,
    reload_button,
    shown_again,
)
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.member_search import member_label
from tierslieu_desktop.ui.widgets.time_edit import TimeEdit

NowFn = Callable[[], datetime]
Index = QModelIndex | QPersistentModelIndex

OK_STYLE = "color: #1b5e20;"
PAST_DAY_STYLE = "color: #a84c00; font-weight: bold;"
PURPOSE_KEYS = ("F1", "F2", "F3", "F4", "F5", "F6")
QUICK_DURATIONS = (15, 30, 60)
MEMBER_RESULTS = 15
COMMUNE_HISTORY_DAYS = 365


PURPOSE_WIDTH = 150  # the purpose buttons' width at the narrowest (six fit at 1024 px)


def _fit_label(label: str, metrics: QFontMetrics, width: int) -> str:
    """``label`` on two lines (cut at the space nearest its middle) when one is wider
    than ``width``."""
    if metrics.horizontalAdvance(label) <= width or " " not in label:
        return label
    middle = len(label) // 2
    cut = min((i for i, c in enumerate(label) if c == " "), key=lambda i: abs(i - middle))
    return f"{label[:cut]}\n{label[cut + 1 :]}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# --- a small member search (a line with a completer) ---------------------------------


class MemberLink(QWidget):
    """Optional link to a member: type a name, number or town, pick from the list.
    ``member_id`` is None until a member is picked; editing the text drops the link."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id: int | None = None
        self._choices: dict[str, int] = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("optional: name, member number or town"))
        self.line.setClearButtonEnabled(True)
        self.line.setAccessibleName(self.tr("Linked member"))
        lay.addWidget(self.line)
        self.setFocusProxy(self.line)
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.line.setCompleter(self.completer)
        self.line.textEdited.connect(self.search)
        self.completer.activated[str].connect(self.choose_text)  # type: ignore[index]

    def search(self, text: str) -> list[str]:
        """Offer the members matching ``text``; typing drops a previous link."""
        self.member_id = None
        self._choices.clear()
        if len(text.strip()) >= 2:
            for m in member_service.search_members(self.ctx.db, text, limit=MEMBER_RESULTS):
                self._choices[member_label(m)] = m.id
        self._model.setStringList(list(self._choices))
        if self._choices and self.line.hasFocus():
            self.completer.complete()
        return list(self._choices)

    def choose_text(self, text: str) -> None:
        if text in self._choices:
            self.member_id = self._choices[text]
            self.line.setText(text)

    def set_member(self, member_id: int | None, label: str = "") -> None:
        self.member_id = member_id
        self.line.setText(label if member_id is not None else "")

    def clear(self) -> None:
        self.set_member(None)
        self._model.setStringList([])


# --- the fields shared by the desk and the edit dialog -------------------------------


class DropInFields(QObject):
    """Kind, helper, public, age band, commune, duration, vouchers and member link in a
    ValidatedForm; ``value(purpose, at)`` reads them into a DropInInput."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab or a click elsewhere leaves the commune: its list of towns closes
        instead of staying over the next field."""
        leaving = event.type() == QEvent.Type.FocusOut or (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        )
        if watched is self.commune and leaving:
            completer = self.commune.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None:
                popup.hide()
        return super().eventFilter(watched, event)

    def __init__(
        self,
        ctx: AppContext,
        form: ValidatedForm,
        today: date,
        parent: QObject,
        *,
        fill: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = f = form
        self.kind = f.add_field("kind", self.tr("&Kind:"), QComboBox())
        for kind, label in drop_in_kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.helper = f.add_field("helper", self.tr("&Helped by:"), QLineEdit())
        self.helper.setMaxLength(120)
        self.helper.setPlaceholderText(self.tr("who gave the individual support"))
        self.audience = f.add_field("audience_id", self.tr("&Public:"), QComboBox())
        self.age_band = f.add_field("age_band", self.tr("&Age band:"), QComboBox())
        self.age_band.addItem(self.tr("Not given"), None)
        for band, label in age_band_labels().items():
            self.age_band.addItem(label, band.value)
        self.commune = f.add_field("commune", self.tr("&Town:"), QLineEdit())
        self.commune.setMaxLength(dropins.COMMUNE_MAX)
        self.commune.setPlaceholderText(self.tr("where the visitor lives (optional)"))
        self._communes = QStringListModel(self)
        completer = QCompleter(self._communes, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.commune.setCompleter(completer)
        self.commune.installEventFilter(self)  # the list closes when the field is left

        duration_box = QWidget()
        lay = QHBoxLayout(duration_box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.duration = QSpinBox()
        self.duration.setRange(1, dropins.MAX_MINUTES)
        self.duration.setSingleStep(5)
        self.duration.setValue(30)
        self.duration.setSuffix(" " + self.tr("min"))
        self.duration.setMinimumWidth(self.duration.sizeHint().width() * 3 // 2)
        lay.addWidget(self.duration)
        self.quick_durations: dict[int, QPushButton] = {}
        for minutes in QUICK_DURATIONS:
            button = QPushButton(self.tr("{n} min").format(n=minutes))
            button.setAccessibleName(self.tr("Duration {n} minutes").format(n=minutes))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, m=minutes: self.duration.setValue(m))
            lay.addWidget(button)
            self.quick_durations[minutes] = button
        duration_box.setFocusProxy(self.duration)
        f.add_field("duration_minutes", self.tr("&Duration:"), duration_box)
        self.duration.setAccessibleName(self.tr("Duration"))

        self.vouchers = f.add_field("vouchers", self.tr("Pass &numérique vouchers:"), QSpinBox())
        self.vouchers.setRange(0, dropins.MAX_VOUCHERS)
        self.vouchers.setMaximumWidth(self.duration.sizeHint().width() * 2)
        self.voucher_numbers = f.add_field(
            "voucher_numbers",
            self.tr("Voucher n&umbers:"),
            VoucherNumbers(seen=self._voucher_seen),
        )
        self.editing_id: int | None = None  # the visit the edit dialog corrects
        self.details = NationalDetails()  # placed by the owner (desk or dialog)
        self.member = f.add_field("member", self.tr("&Member:"), MemberLink(ctx))
        self.member.line.setAccessibleName(self.tr("Linked member"))

        self.kind.currentIndexChanged.connect(lambda _i: self._show_helper())
        if fill:  # else the owner fills the lists when it is first shown
            self.fill_audiences()
            self.fill_communes(today)
        self._show_helper()

    def _voucher_seen(self, number: str) -> str | None:
        """The sentence naming the earlier visit that took ``number`` (None: new)."""
        found = dropins.voucher_visit(self.ctx.db, number)
        if found is None or found[0] == self.editing_id:
            return None
        return error_message(
            DomainError("voucher_seen", number=number, drop_in_id=found[0], at=found[1])
        )

    def _show_helper(self) -> None:
        self.form.set_field_visible("helper", self.kind_value() == DropInKind.HELP)

    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def fill_audiences(self) -> None:
        current, shown = self.audience.currentData(), self.audience.currentText()
        self.audience.clear()
        self.audience.addItem(self.tr("Not given"), None)
        for a in audience_service.list_audiences(self.ctx.db):
            self.audience.addItem(a.name, a.id)
        if current is not None and self.audience.findData(current) < 0:
            # archived elsewhere meanwhile (issue 20): the public chosen here stays chosen,
            # never silently « Non renseigné »
            self.audience.addItem(shown, current)
        self.audience.setCurrentIndex(max(self.audience.findData(current), 0))

    def fill_communes(self, today: date, extra: list[str] | tuple[str, ...] = ()) -> None:
        """Towns already typed at the desk (last year) and the members' towns."""
        first = today - timedelta(days=COMMUNE_HISTORY_DAYS)
        names = set(dropins.known_communes(self.ctx.db, first)) | set(extra)
        self._communes.setStringList(sorted((n for n in names if n), key=str.casefold))

    def add_commune(self, name: str) -> None:
        name = name.strip()
        known = self._communes.stringList()
        if name and name not in known:
            self._communes.setStringList(sorted([*known, name], key=str.casefold))

    def communes(self) -> list[str]:
        return self._communes.stringList()

    def set_row(self, row: DropInRow) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        self.helper.setText(row.helper)
        self.audience.setCurrentIndex(max(self.audience.findData(row.audience_id), 0))
        self.age_band.setCurrentIndex(max(self.age_band.findData(row.age_band), 0))
        self.commune.setText(row.commune)
        self.duration.setValue(row.duration_minutes)
        self.vouchers.setValue(row.vouchers)
        self.voucher_numbers.set_numbers(row.voucher_numbers)
        self.editing_id = row.id
        self.details.set_row(row)
        self.member.set_member(row.member_id, row.member_name)

    def value(self, purpose: str, at: datetime | None, note: str = "") -> DropInInput:
        audience = self.audience.currentData()
        band = self.age_band.currentData()
        return DropInInput(
            kind=self.kind_value(),
            purpose=purpose,
            duration_minutes=self.duration.value(),
            audience_id=int(audience) if audience is not None else None,
            age_band=str(band) if band is not None else None,
            commune=self.commune.text(),
            helper=self.helper.text() if self.kind_value() == DropInKind.HELP else "",
            vouchers=self.vouchers.value(),
            member_id=self.member.member_id,
            note=note,
            at=at,
            voucher_numbers=self.voucher_numbers.numbers(),
            **self.details.value(),
        )


# --- the day's log -------------------------------------------------------------------


class DropInLogModel(QAbstractTableModel):
    """The visits of one day, latest first."""

    TIME, KIND, PURPOSE, PUBLIC, AGE, TOWN, DURATION, HELPER, VOUCHERS, MEMBER = range(10)
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DropInRow] = []
        self._headers = [
            self.tr("Time"),
            self.tr("Kind"),
            self.tr("Purpose"),
            self.tr("Public"),
            self.tr("Age band"),
            self.tr("Town"),
            self.tr("Duration"),
            self.tr("Helped by"),
            self.tr("Vouchers"),
            self.tr("Member"),
        ]
        self._kinds = {k.value: v for k, v in drop_in_kind_labels().items()}
        self._purposes = {k.value: v for k, v in drop_in_purpose_labels().items()}
        self._bands = {k.value: v for k, v in age_band_labels().items()}

    def set_rows(self, rows: list[DropInRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DropInRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, drop_in_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == drop_in_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def text(self, r: DropInRow, column: int) -> str:
        if column == self.TIME:
            return formatting.local_time(r.at)
        if column == self.KIND:
            return self._kinds.get(r.kind, r.kind)
        if column == self.PURPOSE:
            return self._purposes.get(r.purpose, r.purpose)
        if column == self.PUBLIC:
            return r.audience_name
        if column == self.AGE:
            return self._bands.get(r.age_band, r.age_band) if r.age_band else ""
        if column == self.TOWN:
            return r.commune
        if column == self.DURATION:
            return self.tr("{n} min").format(n=r.duration_minutes)
        if column == self.HELPER:
            return r.helper
        if column == self.VOUCHERS:
            return formatting.number(r.vouchers) if r.vouchers else ""
        if column == self.MEMBER:
            return r.member_name
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(r, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            self.DURATION,
            self.VOUCHERS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.IdRole:
            return r.id
        return None


# --- edit dialog ---------------------------------------------------------------------


class DropInDialog(QDialog):
    """Correct one logged visit (any field, its time of day included)."""

    def __init__(self, ctx: AppContext, row: DropInRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.day, minute = local_day_and_minute(row.at)
        self.setWindowTitle(self.tr("Edit the visit"))
        self.setMinimumWidth(460)
        outer = QVBoxLayout(self)
        self.form = f = ValidatedForm()
        outer.addLayout(f)
        self.time = f.add_field(
            "at", self.tr("T&ime:"), TimeEdit(QTime(minute // 60, minute % 60), step=5)
        )
        self.purpose = f.add_field("purpose", self.tr("P&urpose:"), QComboBox())
        for purpose, label in drop_in_purpose_labels().items():
            self.purpose.addItem(label, purpose.value)
        self.purpose.setCurrentIndex(max(self.purpose.findData(row.purpose), 0))
        self.fields = DropInFields(ctx, f, self.day, self)
        self.fields.set_row(row)
        self.note = f.add_field("note", self.tr("N&ote:"), QLineEdit())
        self.note.setMaxLength(300)
        self.note.setText(row.note)
        outer.addWidget(self.fields.details)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(self.reload)
        outer.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def value(self) -> DropInInput:
        t = self.time.time()
        at = local_dt(self.day, t.hour() * 60 + t.minute())
        return self.fields.value(str(self.purpose.currentData()), at, self.note.text())

    def reload(self) -> None:
        """« Recharger »: the visit as saved now (by the other desk), what was typed here
        replaced."""
        try:
            row = dropins.get_drop_in(self.ctx.db, self.row.id)
        except DomainError as err:
            self.message.setText(error_message(err))
            self.message.show()
            return
        self.row = row
        self.day, minute = local_day_and_minute(row.at)
        self.time.setTime(QTime(minute // 60, minute % 60))
        self.purpose.setCurrentIndex(max(self.purpose.findData(row.purpose), 0))
        self.fields.set_row(row)
        self.note.setText(row.note)
        self.form.clear_errors()
        self.message.hide()
        self.reload_button.hide()

    def _word_as_shown(self, err: DomainError) -> None:
        """The other desk's values named by this dialog's labels and choices; the member
        by name."""
        details = self.fields.details
        in_form = ("at", "purpose", "note", "kind", "helper", "audience_id", "age_band", "commune")
        in_details: tuple[str, ...] = ("activity_type", "place_type", "autonomy", "referred")
        in_details += ("gender", "age_range", "situation", "commune_insee", "first_time")
        in_details += ("anonymous",)
        widgets: dict[str, QWidget] = {
            **{name: self.form.field(name) for name in in_form if self.form.has_field(name)},
            **{name: getattr(details, name) for name in in_details},
            "duration_minutes": self.fields.duration,
            "vouchers": self.fields.vouchers,
            "member_id": self.fields.member,
            "referral_structure": details.referral,
        }
        changes = err.params.get("changes") or ()
        if any(pair[0] == "member_id" for pair in changes):  # type: ignore[attr-defined]
            try:
                name = dropins.get_drop_in(self.ctx.db, self.row.id).member_name
            except DomainError:
                name = ""
            err.params["changes"] = tuple(
                (key, name if key == "member_id" and value is not None else value)
                for key, value in changes  # type: ignore[attr-defined]
            )
        as_the_form_shows(err, widgets)

    def submit(self) -> bool:
        self.message.hide()
        self.reload_button.hide()
        try:
            dropins.update_drop_in(
                self.ctx.db,
                self.ctx.operator_id,
                self.row.id,
                self.value(),
                expected_version=self.row.version,
            )
        except ValidationError as err:
            unknown = self.form.show_errors(err.fields)
            if unknown:
                self.message.setText(error_message(err))
                self.message.show()
            return False
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            if err.code == "stale_record":  # what was typed stays until « Recharger »
                changed_elsewhere(err, self.row)
                self._word_as_shown(err)
                self.reload_button.show()
            self.message.setText(error_message(err))
            self.message.show()
            return False
        self.accept()
        return True


# --- the desk ------------------------------------------------------------------------


class DropInTab(QWidget):
    """One click = one visit counted; the day's counters and log under the buttons."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        now_fn: NowFn | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now_fn = now_fn or utcnow
        self.last_id: int | None = None  # the click Ctrl+Z can take back
        self._following_today = True
        self._notifying = False
        self._operator_name = ""  # read when the tab is first shown
        today = self.today()
        outer = QVBoxLayout(self)

        # Day selector and counters
        top = QHBoxLayout()
        day_label = QLabel(self.tr("Da&y:"))
        self.day_edit = bound_to_accepted_days(QDateEdit())
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setAccessibleName(self.tr("Day"))
        self.day_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        day_label.setBuddy(self.day_edit)
        self.today_button = QPushButton(self.tr("T&oday"))
        self.today_button.setAccessibleName(self.tr("Back to today"))
        self.past_day = QLabel()
        self.past_day.setStyleSheet(PAST_DAY_STYLE)
        self.past_day.setWordWrap(True)
        top.addWidget(day_label)
        top.addWidget(self.day_edit)
        top.addWidget(self.today_button)
        top.addWidget(self.past_day, 1)
        # F1 counts a visit here: the guide is this « ? » (or the Help menu).
        self.help_button = QPushButton(self.tr("?"))
        self.help_button.setAccessibleName(self.tr("Help on the cyber-base desk"))
        self.help_button.setToolTip(
            self.tr("The user guide (here F1 counts a visit: the guide is this button)")
        )
        self.help_button.setFixedWidth(32)
        self.help_button.clicked.connect(self.show_help)
        top.addWidget(self.help_button)
        outer.addLayout(top)

        counters = QHBoxLayout()
        self.count_visits = self._counter(counters, self.tr("Drop-in visits"))
        self.count_helps = self._counter(counters, self.tr("Individual support"))
        self.count_hours = self._counter(counters, self.tr("Hours"))
        self.count_vouchers = self._counter(counters, self.tr("Pass numérique vouchers"))
        outer.addLayout(counters)
        self.expiry = QLabel()  # Pass numérique vouchers to claim before they expire
        self.expiry.setWordWrap(True)
        self.expiry.setStyleSheet(PAST_DAY_STYLE)
        self.expiry.setAccessibleName(self.tr("Vouchers close to expiry"))
        self.expiry.hide()
        outer.addWidget(self.expiry)

        # Purpose buttons and the settings kept between clicks
        middle = QHBoxLayout()
        buttons_box = QGroupBox(self.tr("Count a visit: one click per visitor"))
        grid = QGridLayout(buttons_box)
        self.purpose_buttons: dict[str, QPushButton] = {}
        labels = drop_in_purpose_labels()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        for i, purpose in enumerate(DropInPurpose):
            key = PURPOSE_KEYS[i]
            metrics = QFontMetrics(font)
            label = _fit_label(labels[purpose], metrics, PURPOSE_WIDTH - 28)
            text = f"{label}\n{key}"
            button = QPushButton(text.replace("&", "&&"))  # a label's "&" is no mnemonic
            button.setFont(font)
            # Never narrower than its lines: a fixed 200 px clipped both ends of a long
            # label once the window narrowed ("émarches administrative"); a long label
            # goes on two lines rather than widening the page.
            lines = text.split("\n")
            width = max(metrics.horizontalAdvance(line) for line in lines)
            height = len(lines) * metrics.lineSpacing() + 18
            button.setMinimumSize(max(PURPOSE_WIDTH, width + 28), max(56, height))
            button.setAccessibleName(labels[purpose])
            button.setToolTip(self.tr("Count one visit for this purpose ({key})").format(key=key))
            button.clicked.connect(lambda _c=False, p=purpose.value: self.click_purpose(p))
            # The whole window while the tab is shown (Qt ignores a hidden widget's
            # shortcuts): right after a click on the tab, the focus is on the tab bar,
            # outside this widget, where a WidgetWithChildren shortcut never fired.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda p=purpose.value: self.click_purpose(p))
            grid.addWidget(button, i // 2, i % 2)
            self.purpose_buttons[purpose.value] = button
        middle.addWidget(buttons_box, 3)

        settings_box = QGroupBox(self.tr("Settings kept between clicks"))
        self.form = ValidatedForm()
        self.form.setRowWrapPolicy(ValidatedForm.RowWrapPolicy.WrapLongRows)  # narrow screens
        settings_box.setLayout(self.form)
        self.fields = DropInFields(ctx, self.form, today, self, fill=False)
        middle.addWidget(settings_box, 2)
        outer.addLayout(middle)
        outer.addWidget(self.fields.details)  # « Détails (modèle national) », closed

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Last action"))
        status_font = QFont(self.font())
        status_font.setBold(True)
        self.status.setFont(status_font)
        outer.addWidget(self.status)

        # The day's log
        log_box = QGroupBox(self.tr("Visits of the day"))
        self.log_box = log_box
        log_lay = QVBoxLayout(log_box)
        self.model = DropInLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Visits of the day"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        log_lay.addWidget(self.table)
        row_buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the visit"))
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setAccessibleName(self.tr("Delete the visit"))
        self.undo_button = QPushButton(self.tr("&Undo the last click (Ctrl+Z)"))
        self.undo_button.setAccessibleName(self.tr("Undo the last click"))
        row_buttons.addWidget(self.edit_button)
        row_buttons.addWidget(self.delete_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.undo_button)
        log_lay.addLayout(row_buttons)
        outer.addWidget(log_box, 1)

        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_last)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

        self.day_edit.dateChanged.connect(self._on_day_changed)
        self.today_button.clicked.connect(lambda: self.set_day(self.today()))
        self.fields.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_last)
        ctx.changed.connect(self._on_changed)
        ctx.operator_changed.connect(lambda _id: self._on_operator_changed())
        load_when_shown(self, self._first_load)

    def show_help(self) -> None:
        from tierslieu_desktop.ui.help_window import CYBERBASE_ANCHOR, open_guide

        open_guide(self, self.ctx.language, CYBERBASE_ANCHOR)

    def _first_load(self) -> None:
        self._operator_name = self._current_operator_name()
        self.fields.helper.setText(self._operator_name)
        self.fields.fill_audiences()
        self.fields.fill_communes(self.today())
        self._reload_day()

    # --- helpers ---------------------------------------------------------------------

    def _counter(self, lay: QHBoxLayout, caption: str) -> QLabel:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(frame)
        value = QLabel("0")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        value.setFont(font)
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        value.setAccessibleName(caption)
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(value)
        box.addWidget(label)
        lay.addWidget(frame, 1)
        return value

    def today(self) -> date:
        return local_day_and_minute(self.now_fn())[0]

    def current_day(self) -> date:
        return from_qdate(self.day_edit.date())

    def set_day(self, day: date) -> None:
        self.day_edit.setDate(QDate(day.year, day.month, day.day))

    def _current_operator_name(self) -> str:
        """Who helps by default: the operator at the desk when that is a person; nobody
        for a shared desk account ("Accueil"), which would count every help as given by
        "Accueil" — the field stays empty and a help asks for the real name."""
        for op in operator_service.list_operators(self.ctx.db, include_inactive=True):
            if op.id == self.ctx.operator_id:
                return "" if operator_service.is_shared_account(op.name) else op.name
        return ""

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status.setText(text)

    def _update_buttons(self) -> None:
        selected = self.selected_row() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.undo_button.setEnabled(self.last_id is not None)

    # --- loading ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the lists (publics, towns) and the day; follow the date past midnight."""
        today = self.today()
        self.day_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.fields.fill_audiences()
        self.fields.fill_communes(today)
        if self._following_today and self.current_day() != today:
            self.set_day(today)  # reloads through dateChanged
        else:
            self._reload_day()

    def _reload_day(self, select_id: int | None = None) -> None:
        if select_id is None:  # a refresh (another desk's visit too) keeps the row chosen
            shown = self.selected_row()
            select_id = shown.id if shown is not None else None
        day = self.current_day()
        count = dropins.day_count(self.ctx.db, day)
        self.count_visits.setText(formatting.number(count.visits))
        self.count_helps.setText(formatting.number(count.helps))
        self.count_hours.setText(formatting.hours(count.minutes))
        self.count_vouchers.setText(formatting.number(count.vouchers))
        self.model.set_rows(dropins.list_drop_ins(self.ctx.db, day, day))
        self._show_expiry()
        if select_id is not None and (row := self.model.row_of(select_id)) >= 0:
            self.table.selectRow(row)
        today = self.today()
        if day == today:
            self.log_box.setTitle(self.tr("Visits of the day"))
            self.past_day.setText("")
        else:
            self.log_box.setTitle(
                self.tr("Visits of {date}").format(date=formatting.long_date(day))
            )
            self.past_day.setText(
                self.tr("Clicks are counted on {date}, not today.").format(
                    date=formatting.long_date(day)
                )
            )
        self._update_buttons()

    def _show_expiry(self) -> None:
        """The vouchers not yet claimed whose validity ends within 30 days."""
        from tierslieu_desktop.services.access import may
        from tierslieu_desktop.services.finance.voucher_claims import near_expiry

        if not may(self.ctx.db, Permission.CYBERBASE):
            return
        soon = near_expiry(self.ctx.db, self.today())
        self.expiry.setVisible(bool(soon))
        if soon:
            self.expiry.setText(
                self.tr(
                    "Pass numérique vouchers expiring by {day}: {n}. Have them claimed from "
                    "the issuer (Checkout & invoices › Vouchers: issuers' settlements › Claims)."
                ).format(n=len(soon), day=formatting.long_date(soon[-1].expires_on))
            )

    def _on_day_changed(self, _qdate: QDate) -> None:
        self._following_today = self.current_day() == self.today()
        self.last_id = None
        self._reload_day()

    def _notify(self, ids: list[int]) -> None:
        """Tell the other pages; this tab already shows the change."""
        self._notifying = True
        try:
            self.ctx.notify("drop_in", ids)
        finally:
            self._notifying = False

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity == "drop_in" and not self._notifying:
            self._reload_day()
        elif entity == "audience":
            self.fields.fill_audiences()
        elif entity == "operator":
            self._on_operator_changed()

    def _on_operator_changed(self) -> None:
        old, self._operator_name = self._operator_name, self._current_operator_name()
        if self.fields.helper.text().strip() in ("", old):
            self.fields.helper.setText(self._operator_name)

    def _on_kind_changed(self, _index: int) -> None:
        if self.fields.kind_value() == DropInKind.HELP and not self.fields.helper.text().strip():
            self.fields.helper.setText(self._operator_name)

    # --- actions ---------------------------------------------------------------------

    def _at(self) -> datetime:
        """Now, or the chosen past day at the current time of day."""
        now = self.now_fn()
        day = self.current_day()
        if day == self.today():
            return now
        return local_dt(day, local_day_and_minute(now)[1])

    def click_purpose(self, purpose: str) -> int | None:
        """Count one visit for ``purpose`` with the current settings."""
        self.form.clear_errors()
        data = self.fields.value(purpose, self._at())
        try:
            new_id = dropins.log_drop_in(self.ctx.db, self.ctx.operator_id, data)
        except ValidationError as err:
            unknown = self.form.show_errors(err.fields)
            self._say(
                error_message(err) if unknown else self.tr("Check the highlighted field."),
                ok=False,
            )
            return None
        except DomainError as err:
            self._say(error_message(err), ok=False)
            return None
        self.last_id = new_id
        self.fields.vouchers.setValue(0)
        self.fields.voucher_numbers.clear()
        self.fields.member.clear()
        self.fields.add_commune(data.commune)
        label = _lower_first(drop_in_purpose_labels()[DropInPurpose(purpose)])
        if data.kind == DropInKind.HELP:
            text = self.tr("Individual support counted: {purpose} ({n} min)")
        else:
            text = self.tr("Visit counted: {purpose} ({n} min)")
        text = text.format(purpose=label, n=data.duration_minutes)
        if self.current_day() != self.today():
            text += " — " + formatting.long_date(self.current_day())
        self._reload_day(select_id=new_id)
        self._say(text)
        self._notify([new_id])
        return new_id

    def undo_last(self) -> bool:
        """Take back the last click (deletes that visit)."""
        if self.last_id is None:
            return False
        drop_in_id, self.last_id = self.last_id, None
        shown = self.model.row_at(max(self.model.row_of(drop_in_id), 0))
        version = shown.version if shown is not None and shown.id == drop_in_id else None
        try:
            dropins.delete_drop_in(
                self.ctx.db, self.ctx.operator_id, drop_in_id, expected_version=version
            )
        except DomainError as err:
            self._reload_day()
            self._say(error_message(err), ok=False)
            return False
        self._reload_day()
        self._say(self.tr("Visit cancelled"))
        self._notify([drop_in_id])
        return True

    def selected_row(self) -> DropInRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, drop_in_id: int) -> None:
        row = self.model.row_of(drop_in_id)
        if row >= 0:
            self.table.selectRow(row)

    def edit_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        dialog = DropInDialog(self.ctx, row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.last_id = None
        self._reload_day(select_id=row.id)
        self._say(self.tr("Visit updated"))
        self._notify([row.id])
        return True

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        purpose = drop_in_purpose_labels().get(DropInPurpose(row.purpose), row.purpose)
        if not confirm(
            self,
            self.tr("Delete the visit"),
            self.tr("Delete the visit of {time} ({purpose})? It will no longer be counted.").format(
                time=formatting.local_time(row.at), purpose=_lower_first(purpose)
            ),
            self.tr("Delete"),
        ):
            return False
        try:
            dropins.delete_drop_in(
                self.ctx.db, self.ctx.operator_id, row.id, expected_version=row.version
            )
        except DomainError as err:
            if err.code in ("stale_record", "not_found"):  # the log as it is now
                self._reload_day(select_id=row.id)
            self._say(error_message(shown_again(err)), ok=False)
            return False
        if self.last_id == row.id:
            self.last_id = None
        self._reload_day()
        self._say(self.tr("Visit deleted"))
        self._notify([row.id])
        return True
