"""Activité › Chiffres: the figures of a period for the funders — sessions, participants,
participant-hours, attendance rate and the cyber-base's drop-ins — with the breakdowns
of the activities by kind of activity, public, age band and commune, of the drop-ins on
the national model (issue 22: theme, public, age range, gender, situation, commune, place
type, autonomy, equipment; a drop-in with several themes counts in each, which the note
under the table says), and the XLSX export.

The period is a calendar year (the combo, default the current year) or any span of days
("du … au …"); changing one updates the other. The figures come from one read of
``services.activity.figures.figures``; the tables are read-only, their last line is the
total."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.activity import ActivityFigures, DropInLine, FigureLine
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.activity.figures import figures, figures_xlsx
from tierslieu_desktop.services.reporting.annual import indicator_tables
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.labels import age_band_labels
from tierslieu_desktop.ui.pages.activity.labels import activity_kind_labels
from tierslieu_desktop.ui.pages.activity.national_labels import (
    age_range_labels,
    autonomy_labels,
    equipment_labels,
    gender_labels,
    place_type_labels,
    situation_labels,
    theme_labels,
)
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate
from tierslieu_desktop.ui.widgets.lazy import load_when_shown

Index = QModelIndex | QPersistentModelIndex
YEARS_BACK = 6
THIS_MONTH = 0  # the year combo's data for « ce mois-ci »


def month_bounds(day: date) -> tuple[date, date]:
    """The first and last days of ``day``'s month."""
    first = day.replace(day=1)
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


WATCHED = frozenset(
    {"activity", "activity_session", "session", "registration", "drop_in", "member", "audience"}
)


def save_path(parent: QWidget | None, title: str, name: str, filters: str) -> str:
    """Ask where to save a file ("" when cancelled). One function, so tests can answer."""
    return file_dialogs.save_file(parent, title, name, filters, kind="exports")


def percent_text(bp: int | None) -> str:
    if bp is None:
        return "—"
    return formatting.percent(Decimal(bp) / 100, 1)


class BreakdownModel(QAbstractTableModel):
    """A read-only table of texts; numbers right-aligned; the last row (total) bold."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.tooltips: dict[int, str] = {}
        self.rows: list[list[str]] = []

    def set_rows(self, rows: list[list[str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.tooltips.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self.rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None


class FiguresTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: ActivityFigures | None = None
        self._dirty = False
        self.today_fn: Callable[[], date] = date.today
        today = self.today_fn()
        root = QVBoxLayout(self)

        # --- the period ---------------------------------------------------------------
        bar = QHBoxLayout()
        year_label = QLabel(self.tr("&Year:"))
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year"))
        self.year.addItem(self.tr("This month"), THIS_MONTH)
        for y in range(today.year, today.year - YEARS_BACK, -1):  # no year still to come
            self.year.addItem(str(y), y)
        self.year.addItem(self.tr("Other period"), None)
        year_label.setBuddy(self.year)
        from_label = QLabel(self.tr("&from"))
        self.first = bound_to_accepted_days(QDateEdit())
        self.first.setCalendarPopup(True)
        self.first.setAccessibleName(self.tr("First day"))
        from_label.setBuddy(self.first)
        to_label = QLabel(self.tr("&to"))
        self.last = bound_to_accepted_days(QDateEdit())
        self.last.setCalendarPopup(True)
        self.last.setAccessibleName(self.tr("Last day"))
        to_label.setBuddy(self.last)
        self.export_button = QPushButton(self.tr("&Export to XLSX…"))
        self.export_button.setAccessibleName(self.tr("Export to XLSX"))
        self.export_button.setToolTip(self.tr("One sheet per table, for the funders (Ctrl+E)"))
        self.national_button = QPushButton(self.tr("&National model…"))
        self.national_button.setAccessibleName(self.tr("Export on the national model"))
        self.national_button.setToolTip(
            self.tr(
                "The cyber-base's activities in the columns of the Coop de la médiation "
                "numérique (XLSX), or the activity report of the period (PDF)"
            )
        )
        from tierslieu_desktop.domain.permissions import Permission
        from tierslieu_desktop.ui.access import follow_permission

        # the national report is the cyber-base managers' own (Médiation numérique);
        # followed after each login (Ctrl+L, another operator)
        follow_permission(ctx, self.national_button, Permission.CYBERBASE)
        for w in (year_label, self.year, from_label, self.first, to_label, self.last):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.national_button)
        bar.addWidget(self.export_button)
        root.addLayout(bar)

        # --- key figures ------------------------------------------------------------------
        self.key_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        captions = (
            ("sessions", self.tr("sessions")),
            ("participants", self.tr("participants")),
            ("hours", self.tr("participant-hours")),
            ("rate", self.tr("attendance rate")),
            ("visits", self.tr("drop-in visits")),
            ("helps", self.tr("individual support sessions")),
            ("vouchers", self.tr("Pass numérique vouchers")),
        )
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        for col, (key, caption) in enumerate(captions):
            value = QLabel("—")
            value.setFont(big)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setAccessibleName(caption)
            cap = QLabel(caption)
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap.setWordWrap(True)
            grid.addWidget(value, 0, col)
            grid.addWidget(cap, 1, col)
            self.key_labels[key] = value
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setLayout(grid)
        root.addWidget(frame)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        root.addWidget(self.detail)

        # --- the breakdowns -------------------------------------------------------------
        tables = QHBoxLayout()
        self.activity_by = QComboBox()
        self.activity_by.setAccessibleName(self.tr("Workshops and trainings by"))
        self.activity_model = BreakdownModel([], self)
        self.activity_table = self._table(self.tr("Participants by"), self.activity_model)
        self.dropin_by = QComboBox()
        self.dropin_by.setAccessibleName(self.tr("Cyber-base drop-ins by"))
        self.dropin_model = BreakdownModel([], self)
        self.dropin_table = self._table(self.tr("Drop-ins by"), self.dropin_model)
        for combo, items in (
            (
                self.activity_by,
                (
                    ("kind", self.tr("kind of activity")),
                    ("audience", self.tr("public")),
                    ("age_band", self.tr("age band")),
                    ("commune", self.tr("town")),
                ),
            ),
            (
                self.dropin_by,
                (
                    ("theme", self.tr("theme")),
                    ("audience", self.tr("public")),
                    ("age_range", self.tr("age range")),
                    ("gender", self.tr("gender")),
                    ("situation", self.tr("situation")),
                    ("commune", self.tr("town")),
                    ("place_type", self.tr("place")),
                    ("autonomy", self.tr("autonomy reached")),
                    ("equipment", self.tr("device used")),
                ),
            ),
        ):
            for key, label in items:
                combo.addItem(label, key)
        tables.addWidget(
            self._box(
                self.tr("Workshops and trainings"), self.tr("&By:"), self.activity_by,
                self.activity_table,
            ),
            1,
        )  # fmt: skip
        dropin_box = self._box(
            self.tr("Cyber-base"), self.tr("B&y:"), self.dropin_by, self.dropin_table
        )
        # themes and devices: a drop-in counts in each of its values (said under the table)
        self.dropin_note = QLabel()
        self.dropin_note.setWordWrap(True)
        self.dropin_note.hide()
        box_layout = dropin_box.layout()
        assert box_layout is not None
        box_layout.addWidget(self.dropin_note)
        tables.addWidget(dropin_box, 1)
        root.addLayout(tables, 1)

        self.set_year(today.year, refresh=False)
        self.year.currentIndexChanged.connect(self._year_chosen)
        self.first.dateChanged.connect(self._dates_changed)
        self.last.dateChanged.connect(self._dates_changed)
        self.activity_by.currentIndexChanged.connect(lambda _i: self._fill_activity())
        self.dropin_by.currentIndexChanged.connect(lambda _i: self._fill_dropins())
        self.export_button.clicked.connect(self.export_xlsx)
        self.national_button.clicked.connect(lambda: self.export_national())
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_xlsx)
        ctx.changed.connect(self._on_changed)
        load_when_shown(self, self.refresh)

    # --- building ---------------------------------------------------------------------------

    def _table(self, name: str, model: BreakdownModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        # the first column (the labels) takes the room left; set again on each reset
        model.modelReset.connect(
            lambda: (
                header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
                if model.columnCount()
                else None
            )
        )
        return view

    def _box(self, title: str, by: str, combo: QComboBox, table: QTableView) -> QGroupBox:
        box = QGroupBox(title)
        lay = QVBoxLayout(box)
        row = QHBoxLayout()
        label = QLabel(by)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(table)
        return box

    # --- the period ------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return from_qdate(self.first.date()), from_qdate(self.last.date())

    def set_year(self, year: int, *, refresh: bool = True) -> None:
        if year == THIS_MONTH:
            self._set_dates(*month_bounds(self.today_fn()))
            self._sync_year()
            if refresh:
                self.refresh()
            return
        self._set_dates(date(year, 1, 1), date(year, 12, 31))
        self._sync_year()
        if refresh:
            self.refresh()

    def set_period(self, first: date, last: date) -> None:
        self._set_dates(first, last)
        self._sync_year()
        self.refresh()

    def _set_dates(self, first: date, last: date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _sync_year(self) -> None:
        first, last = self.period()
        whole = first.month == first.day == 1 and last == date(first.year, 12, 31)
        index = self.year.findData(first.year) if whole else -1
        if (first, last) == month_bounds(self.today_fn()):
            index = self.year.findData(THIS_MONTH)
        if index < 0:
            index = self.year.count() - 1  # "other period"
        self.year.blockSignals(True)
        self.year.setCurrentIndex(index)
        self.year.blockSignals(False)

    def _year_chosen(self, _index: int) -> None:
        year = self.year.currentData()
        if year is not None:
            self.set_year(int(year))

    def _dates_changed(self, _d: QDate) -> None:
        self._sync_year()
        self.refresh()

    # --- figures -------------------------------------------------------------------------------

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity not in WATCHED:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._dirty = False
        first, last = self.period()
        if last < first:
            self.detail.setText(self.tr("The last day is before the first day."))
            self.export_button.setEnabled(False)
            return
        # what was held: the sessions still to come this month are not counted yet
        last = min(last, self.today_fn())
        if last < first:
            self.detail.setText(self.tr("This period has not begun: nothing held yet."))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        fig = self.figures = figures(self.ctx.db, first, last)
        values = {
            "sessions": formatting.number(fig.sessions),
            "participants": formatting.number(fig.participants),
            "hours": formatting.hours(fig.participant_minutes),
            "rate": percent_text(fig.attendance_bp),
            "visits": formatting.number(fig.visits),
            "helps": formatting.number(fig.helps),
            "vouchers": formatting.number(fig.vouchers),
        }
        for key, text in values.items():
            self.key_labels[key].setText(text)
        self.detail.setText(
            self.tr(
                "From {first} to {last}: {registered} seats booked; attendance rate: "
                "people present out of the people whose attendance was ticked; "
                "cyber-base time: {minutes}."
            ).format(
                first=formatting.short_date(first),
                last=formatting.short_date(last),
                registered=formatting.number(fig.registered),
                minutes=formatting.hours(fig.drop_in_minutes),
            )
        )
        self._fill_activity()
        self._fill_dropins()

    def _label(self, dim: str, key: object, name: str) -> str:
        if key is None:
            return self.tr("Not given")
        if name:
            return name
        tables: dict[str, Mapping[Any, str]] = {
            "kind": activity_kind_labels(),
            "age_band": age_band_labels(),
            "theme": theme_labels(),
            "age_range": age_range_labels(),
            "gender": gender_labels(),
            "situation": situation_labels(),
            "place_type": place_type_labels(),
            "autonomy": autonomy_labels(),
            "equipment": equipment_labels(),
        }
        return str(tables.get(dim, {}).get(key, key))

    def _fill_activity(self) -> None:
        fig = self.figures
        if fig is None:
            return
        dim = self.activity_by.currentData()
        lines: tuple[FigureLine, ...] = {
            "kind": fig.by_kind,
            "audience": fig.by_audience,
            "age_band": fig.by_age_band,
            "commune": fig.by_commune,
        }[dim]
        with_sessions = dim == "kind"
        headers = [self.activity_by.currentText().capitalize()]
        if with_sessions:
            headers.append(self.tr("Sessions"))
        headers += [self.tr("Participants"), self.tr("Participant-hours")]
        rows = []
        for ln in lines:
            row = [self._label(dim, ln.key, ln.name)]
            if with_sessions:
                row.append(formatting.number(ln.sessions))
            rows.append([*row, formatting.number(ln.participants), formatting.hours(ln.minutes)])
        total = [self.tr("Total")]
        if with_sessions:
            total.append(formatting.number(fig.sessions))
        rows.append(
            [
                *total,
                formatting.number(fig.participants),
                formatting.hours(fig.participant_minutes),
            ]
        )
        self.activity_model.headers = headers
        self.activity_model.set_rows(rows)

    def _fill_dropins(self) -> None:
        fig = self.figures
        if fig is None:
            return
        dim = self.dropin_by.currentData()
        lines: tuple[DropInLine, ...] = fig.drop_ins_by.get(dim, ())
        number: Callable[[int], str] = formatting.number
        rows = [
            [
                self._label(dim, ln.key, ln.name),
                number(ln.visits),
                number(ln.helps),
                number(ln.total),
                formatting.hours(ln.minutes),
                number(ln.vouchers),
            ]
            for ln in lines
        ]
        rows.append(
            [
                self.tr("Total"),
                number(fig.visits),
                number(fig.helps),
                number(fig.drop_ins),
                formatting.hours(fig.drop_in_minutes),
                number(fig.vouchers),
            ]
        )
        self.dropin_model.headers = [
            self.dropin_by.currentText().capitalize(),
            self.tr("Visits"),
            self.tr("Support"),
            self.tr("Total"),
            self.tr("Time"),
            self.tr("Vouchers"),
        ]
        self.dropin_model.tooltips = {
            2: self.tr("Individual support sessions"),
            5: self.tr("Pass numérique vouchers received"),
        }
        self.dropin_model.set_rows(rows)
        notes = {
            "theme": self.tr(
                "A drop-in with several themes counts once in each of them: the lines add "
                "up to more than the total, which counts each drop-in once."
            ),
            "equipment": self.tr(
                "A drop-in where several devices were used counts once for each of them: "
                "the lines add up to more than the total, which counts each drop-in once."
            ),
        }
        self.dropin_note.setText(notes.get(dim, ""))
        self.dropin_note.setVisible(dim in notes)

    # --- export ----------------------------------------------------------------------------------

    def default_file_name(self) -> str:
        first, last = self.period()
        if self.year.currentData() not in (None, THIS_MONTH):
            return f"activite-{first.year}.xlsx"
        return f"activite-{first:%Y-%m-%d}-{last:%Y-%m-%d}.xlsx"

    def export_national(self, path: str = "") -> str:
        """The period on the national model (issue 22): XLSX in the Coop's columns, or the
        activity report when a .pdf name is chosen. ``path``: tests."""
        from tierslieu_desktop.reports.mediation_pdf import mediation_pdf
        from tierslieu_desktop.reports.mediation_xlsx import mediation_xlsx
        from tierslieu_desktop.services.activity.mediation import mediation_month

        first, last = self.period()
        if not path:
            path = save_path(
                self,
                self.tr("Export on the national model"),
                f"mediation-numerique-{first:%Y-%m-%d}-{last:%Y-%m-%d}.xlsx",
                self.tr("Excel workbook (*.xlsx);;PDF report (*.pdf)"),
            )
        if not path:
            return ""
        pdf = path.lower().endswith(".pdf")
        if not pdf and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        month = mediation_month(self.ctx.db, first, last)
        try:
            write_private_bytes(path, mediation_pdf(month) if pdf else mediation_xlsx(month))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("Cannot write {path}: {error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return ""
        announce_saved(self, path, "report")
        return path

    def export_xlsx(self) -> str:
        """Ask where, write the workbook; returns the path written ("" when cancelled)."""
        if self.figures is None or not self.export_button.isEnabled():
            return ""
        path = save_path(
            self,
            self.tr("Export the figures"),
            self.default_file_name(),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return ""
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            fig = self.figures
            extra = indicator_tables(self.ctx.db, fig.first_day, fig.last_day)
            write_private_bytes(path, figures_xlsx(fig, extra=extra))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("Cannot write {path}: {error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return ""
        announce_saved(self, path, "report")
        return path
