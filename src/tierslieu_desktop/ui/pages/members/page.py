"""Membres: find anyone as you type, create and edit, archive, see memberships and
authorizations. The table is paged in SQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.enums import MemberKind
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.ui.access import follow_permission
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import run_write, show_error
from tierslieu_desktop.ui.models.member_table import MemberFilter, MemberTableModel
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.pages.members.detail import MemberDetailPanel
from tierslieu_desktop.ui.stale import shown_again
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.responsive import shrinkable_combo

SEARCH_DELAY_MS = 120


class MembersTable(QTableView):
    """Enter opens the selected member (instead of moving to the next row)."""

    def __init__(self, on_open: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_open = on_open

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_open()
            return
        super().keyPressEvent(event)


class SearchEdit(QLineEdit):
    """Down arrow or Enter moves into the results."""

    def __init__(
        self,
        on_down: Callable[[], None],
        on_enter: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_down = on_down
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self._on_down()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return
        super().keyPressEvent(event)


class MembersPage(Page):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._today = today
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 12)
        title = QLabel(self.tr("Members"))
        title.setObjectName("pageTitle")
        lay.addWidget(title)

        bar = QHBoxLayout()
        self.search = SearchEdit(self._focus_table, self._enter_from_search)
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(
            self.tr("Search by name, member number, email or commune (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search members"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        bar.addWidget(self.search, 2)
        self.audience_filter = QComboBox()
        self.audience_filter.setAccessibleName(self.tr("Filter by public"))
        shrinkable_combo(self.audience_filter, 12)
        bar.addWidget(self.audience_filter, 1)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Filter by kind"))
        shrinkable_combo(self.kind_filter, 10)
        self.kind_filter.addItem(self.tr("People and organisations"), None)
        self.kind_filter.addItem(self.tr("People"), MemberKind.PERSON.value)
        self.kind_filter.addItem(self.tr("Organisations"), MemberKind.ORGANISATION.value)
        bar.addWidget(self.kind_filter)
        self.show_archived = QCheckBox(self.tr("Show &archived"))
        self.show_archived.setAccessibleName(self.tr("Show archived members"))
        bar.addWidget(self.show_archived)
        lay.addLayout(bar)

        actions = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")
        actions.addWidget(self.count_label, 1)
        self.new_button = QPushButton(self.tr("&New member"))
        self.new_button.setAccessibleName(self.tr("New member"))
        self.new_button.setToolTip(self.tr("Create a member (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected member"))
        self.edit_button.setToolTip(self.tr("Open the selected member (Enter)"))
        self.archive_button = QPushButton(self.tr("A&rchive"))
        self.archive_button.setAccessibleName(self.tr("Archive or restore the selected member"))
        self.import_button = QPushButton(self.tr("Im&port members…"))
        self.import_button.setAccessibleName(self.tr("Import members from a file"))
        self.import_button.setToolTip(
            self.tr(
                "A spreadsheet, HelloAsso, Paheko or Fab Manager, with a preview (Ctrl+Shift+I)"
            )
        )
        for b in (self.new_button, self.edit_button, self.archive_button, self.import_button):
            actions.addWidget(b)
        lay.addLayout(actions)

        self.model = MemberTableModel(ctx.db, today, self)
        self.table = MembersTable(self.open_selected)
        self.table.setObjectName("memberTable")
        self.table.setAccessibleName(self.tr("Members"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for col, width in enumerate((65, 185, 150, 150, 125, 200, 110)):
            self.table.setColumnWidth(col, width)
        self.table.setColumnHidden(6, True)  # phone: in the detail panel

        self.detail = MemberDetailPanel(ctx, today)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 400])  # the card keeps room for its buttons at 1024 px
        splitter.setChildrenCollapsible(False)
        lay.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.audience_filter.currentIndexChanged.connect(self.apply_filter)
        self.kind_filter.currentIndexChanged.connect(self.apply_filter)
        self.show_archived.toggled.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.open_selected)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.import_button.clicked.connect(self.import_members)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._update_count)
        ctx.changed.connect(self._on_data_changed)

        archive = QAction(self.tr("Archive"), self)
        archive.setShortcut(QKeySequence.StandardKey.Delete)
        archive.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        archive.triggered.connect(self.toggle_archived)
        self.table.addAction(archive)
        import_action = QAction(self.tr("Import members…"), self)
        import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        import_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        import_action.triggered.connect(self.import_members)
        self.addAction(import_action)
        follow_permission(ctx, self.import_button, Permission.IMPORTS, hide=True)
        follow_permission(ctx, import_action, Permission.IMPORTS)

        self._fill_audiences()
        self.apply_filter()

    # --- filter and selection ----------------------------------------------------

    def _fill_audiences(self) -> None:
        current = self.audience_filter.currentData()
        self.audience_filter.blockSignals(True)
        self.audience_filter.clear()
        self.audience_filter.addItem(self.tr("All publics"), None)
        for a in audience_service.list_audiences(self.ctx.db):
            self.audience_filter.addItem(a.name, a.id)
        self.audience_filter.setCurrentIndex(max(self.audience_filter.findData(current), 0))
        self.audience_filter.blockSignals(False)

    def current_filter(self) -> MemberFilter:
        return MemberFilter(
            query=self.search.text(),
            include_archived=self.show_archived.isChecked(),
            audience_id=self.audience_filter.currentData(),
            kind=self.kind_filter.currentData(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        selected = self.selected_member_id()
        self.model.set_filter(self.current_filter())
        self._restore_selection(selected)

    def _restore_selection(self, member_id: int | None) -> None:
        row = self.model.row_of(member_id) if member_id is not None else -1
        if row < 0 and self.model.rowCount() > 0 and self.search.text().strip():
            row = 0  # while searching, the best match is ready for Enter
        if row >= 0:
            self.select_row(row)
        else:
            self.table.clearSelection()
            self.detail.show_member(None)
            self._update_buttons()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 1)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def select_member(self, member_id: int) -> bool:
        """Select a member shown in the table (loading more pages if needed)."""
        while self.model.row_of(member_id) < 0 and self.model.canFetchMore():
            self.model.fetchMore()
        row = self.model.row_of(member_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def selected_member_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex() if self.table.selectionModel() else None
        if index is None or not index.isValid():
            return None
        row = self.model.member_at(index.row())
        return row.id if row else None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.member_at(current.row()) if current.isValid() else None
        self.detail.show_member(row.id if row else None)
        self.ctx.set_current_member(row.id if row else None)
        self._update_buttons()

    def _update_count(self) -> None:
        total = self.model.total
        if total == 0 and self.search.text().strip():
            text = self.tr("No member matches “{query}”.").format(query=self.search.text().strip())
        elif total == 1:
            text = self.tr("1 member")
        else:
            text = self.tr("{count} members").format(count=formatting.number(total))
        self.count_label.setText(text)

    def _update_buttons(self) -> None:
        row = self.model.member_at(self.table.currentIndex().row())
        has = row is not None
        self.edit_button.setEnabled(has)
        self.archive_button.setEnabled(has)
        if row is not None and row.archived:
            self.archive_button.setText(self.tr("&Restore"))
        else:
            self.archive_button.setText(self.tr("A&rchive"))

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.selected_member_id() is None and self.model.rowCount() > 0:
            self.select_row(0)

    def _enter_from_search(self) -> None:
        if self._search_timer.isActive():
            self.apply_filter()
        self.open_selected()

    def _on_data_changed(self, entity: str, _ids: list) -> None:
        if entity == "audience":
            self._fill_audiences()
        if entity in ("member", "membership", "authorization", "audience", "machine"):
            selected = self.selected_member_id()
            self.model.reload()
            self._restore_selection(selected)

    # --- actions called by the main window's shortcuts ---------------------------

    def activate(self) -> None:
        self.search.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_member(self) -> None:
        from tierslieu_desktop.ui.pages.members.dialog import MemberDialog

        dialog = MemberDialog(self.ctx, None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.after_save(dialog.saved_id)

    def import_members(self) -> None:
        """The import wizard for members (a file, its columns, a preview, then import)."""
        from tierslieu_desktop.ui.imports.entry import members_wizard

        self.import_wizard = members_wizard(self.ctx, self)
        self.import_wizard.exec()

    def open_selected(self) -> None:
        member_id = self.selected_member_id()
        if member_id is None:
            return
        from tierslieu_desktop.ui.pages.members.dialog import MemberDialog

        dialog = MemberDialog(self.ctx, member_id, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.after_save(dialog.saved_id)

    def after_save(self, member_id: int) -> None:
        """Show the member just saved, even if the current search hides it."""
        if not self.select_member(member_id):
            self.search.blockSignals(True)
            self.search.setText(member_service.get_member(self.ctx.db, member_id).number)
            self.search.blockSignals(False)
            self.apply_filter()
            self.select_member(member_id)
        self.detail.show_member(member_id)
        self.table.setFocus()

    def toggle_archived(self) -> None:
        row = self.model.member_at(self.table.currentIndex().row())
        if row is None:
            return
        archive = not row.archived
        if archive and not confirm(
            self,
            self.tr("Archive the member"),
            self.tr(
                "Archive {name}? The member disappears from searches; every record is kept "
                "and you can restore them with “Show archived”."
            ).format(name=row.display_name),
            self.tr("Archive"),
        ):
            return
        try:
            run_write(
                self,
                lambda: member_service.set_archived(
                    self.ctx.db,
                    self.ctx.operator_id,
                    row.id,
                    archive,
                    expected_version=row.version,  # archived from the row listed (issue 20)
                ),
            )
        except DomainError as exc:
            show_error(self, shown_again(exc))
            if exc.code == "stale_record":  # changed on another desk: nothing written,
                self.model.reload()  # the list and the card as they are now
                self._restore_selection(row.id)
                self.detail.show_member(row.id)
            return
        self.ctx.notify("member", [row.id])
