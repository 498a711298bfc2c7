"""Machines & espaces: the park grouped by space and category, each machine's details,
its status, booking rules, maintenance log and the members authorized on it; each space's
opening hours; iCal export of the bookings. The detail panels' widgets are built in panels.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.park import machines as svc
from tierslieu_desktop.services.park import maintenance as maintenance_service
from tierslieu_desktop.services.park import opening_hours as hours_service
from tierslieu_desktop.services.park.authorizations import revoke_authorization
from tierslieu_desktop.services.scheduling import ical
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.access import follow_permission
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import run_write, show_error
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.pages.machines.dialogs import (
    CategoryDialog,
    GrantDialog,
    MachineDialog,
    MaintenanceDialog,
    SpaceDialog,
    StatusDialog,
)
from tierslieu_desktop.ui.pages.machines.labels import (
    rules_text,
    space_kind_label,
    status_badge_style,
    status_icon,
    status_label,
)
from tierslieu_desktop.ui.pages.machines.opening_hours import OpeningHoursDialog, schedule_text
from tierslieu_desktop.ui.pages.machines.panels import (
    CategoryPanel,
    MachinePanel,
    SpacePanel,
    action_button,
)
from tierslieu_desktop.ui.stale import shown_again
from tierslieu_desktop.ui.widgets.confirm import ask_reason
from tierslieu_desktop.ui.widgets.history import HistoryDialog
from tierslieu_desktop.ui.widgets.responsive import FlowLayout
from tierslieu_desktop.ui.widgets.tables import item_at

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAINTENANCE_VERSION_ROLE = Qt.ItemDataRole.UserRole + 2  # an entry's version (removal)

SPACE, CATEGORY, MACHINE = "space", "category", "machine"
# A tree node: (kind, id), the id an int, (space id, category id) for a category; Any like
# the item data it is read from.
NodeKey = tuple[str, Any]
REFRESH_ON = {
    "machine",
    "space",
    "machine_category",
    "authorization",
    "member",
    "operator",
    "maintenance",
    "opening_hours",
}
# iCal export: from a month ago to a year ahead
EXPORT_PAST = timedelta(days=30)
EXPORT_AHEAD = timedelta(days=365)

STYLE = """
QLabel#detailTitle { font-size: 15pt; font-weight: 600; color: #1f3a4d; }
QLabel#emptyText { color: #53626d; font-size: 11pt; }
QLabel#statusNote { color: #3c4a55; }
QTreeWidget#machineTree::item { padding: 3px 0px; }
QLabel#exportResult { color: #1b5e31; }
"""


def _file_stem(name: str) -> str:
    """A file name part from a resource name: "Découpe laser" → "Découpe-laser"."""
    return re.sub(r"[^\w]+", "-", name).strip("-") or "reservations"


class MachinesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(STYLE)
        self._machines: list[svc.MachineRow] = []
        self._spaces: list[svc.SpaceRow] = []
        self._categories: dict[int, svc.CategoryRow] = {}
        self._collapsed: set[tuple[str, object]] = set()
        self._detail: svc.MachineDetail | None = None
        self._export_shown: tuple[str, object] | None = None  # whose export result is shown

        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.setSpacing(10)
        title = QLabel(self.tr("Machines & spaces"))
        title.setObjectName("pageTitle")
        lay.addWidget(title)
        lay.addLayout(self._build_toolbar())

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_tree())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 520])
        lay.addWidget(splitter, 1)

        ctx.changed.connect(self._on_changed)
        self.refresh()

    # --- building ------------------------------------------------------------------

    def _build_toolbar(self) -> FlowLayout:
        bar = FlowLayout()  # wraps onto two lines on a 1024-pixel screen
        self.new_machine_button = action_button(
            self.tr("New machine"), self.tr("New machine"), self.new_machine
        )
        self.new_machine_button.setToolTip(self.tr("New machine (Ctrl+Shift+N)"))
        self.new_space_button = action_button(
            self.tr("New space"), self.tr("New space"), self.new_space
        )
        self.import_button = action_button(
            self.tr("Import machines…"), self.tr("Import machines"), lambda: self.import_machines()
        )
        self.import_button.setToolTip(
            self.tr("Bring a list of machines in from a spreadsheet (CSV or XLSX), with a preview")
        )
        self.edit_button = action_button(self.tr("Edit…"), self.tr("Edit"), self.edit_selected)
        self.archive_button = action_button(
            self.tr("Archive…"), self.tr("Archive"), self.toggle_archived
        )
        self.history_button = action_button(
            self.tr("History…"), self.tr("History of the record"), self.show_history
        )
        for b in (
            self.new_machine_button,
            self.new_space_button,
            self.import_button,
            self.edit_button,
            self.archive_button,
            self.history_button,
        ):
            bar.addWidget(b)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, make or model"))
        self.filter_edit.setAccessibleName(self.tr("Filter machines"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(170)
        self.filter_edit.textChanged.connect(lambda _t: self._populate())
        bar.addWidget(self.filter_edit)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setAccessibleName(self.tr("Show archived machines and spaces"))
        self.show_archived.toggled.connect(lambda _c: self.refresh())
        bar.addWidget(self.show_archived)

        new_action = QAction(self.tr("New machine"), self)
        new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_action.triggered.connect(self.new_machine)
        self.addAction(new_action)
        # the park's changes are the administrator's (Accueil notes a machine's status
        # and maintenance): not offered to the others (issue 19; the services refuse)
        for button in (
            self.new_machine_button,
            self.new_space_button,
            self.edit_button,
            self.archive_button,
        ):
            follow_permission(self.ctx, button, Permission.PARK, hide=True)
        follow_permission(self.ctx, self.import_button, Permission.IMPORTS, hide=True)
        follow_permission(self.ctx, new_action, Permission.PARK)
        return bar

    def _build_tree(self) -> QWidget:
        self.tree = QTreeWidget()
        self.tree.setObjectName("machineTree")
        self.tree.setAccessibleName(self.tr("Machines by space and category"))
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Status"), self.tr("Authorized")])
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.headerItem().setToolTip(2, self.tr("Members authorized to use the machine"))
        self.tree.currentItemChanged.connect(lambda _c, _p: self._show_current())
        self.tree.itemActivated.connect(lambda _item, _col: self.edit_selected())
        self.tree.itemCollapsed.connect(lambda item: self._collapsed.add(self._key(item)))
        self.tree.itemExpanded.connect(lambda item: self._collapsed.discard(self._key(item)))
        return self.tree

    def _build_detail(self) -> QWidget:
        self.detail_stack = QStackedWidget()
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyText")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 24, 24, 24)
        self.detail_stack.addWidget(self.empty_label)
        # The panels hold their widgets; the page names those it fills or enables.
        m = self.machine_panel = MachinePanel(self)
        self.machine_title, self.status_badge, self.status_note = (
            m.machine_title,
            m.status_badge,
            m.status_note,
        )
        self.status_button, self.fields = m.status_button, m.fields
        self.machine_export_result = m.machine_export_result
        self.auth_table, self.auth_empty = m.auth_table, m.auth_empty
        self.grant_button, self.revoke_button = m.grant_button, m.revoke_button
        self.maintenance_table, self.maintenance_empty = m.maintenance_table, m.maintenance_empty
        self.maintenance_total = m.maintenance_total
        self.add_maintenance_button = m.add_maintenance_button
        self.remove_maintenance_button = m.remove_maintenance_button
        self.auth_table.itemSelectionChanged.connect(self._update_buttons)
        self.maintenance_table.itemSelectionChanged.connect(self._update_buttons)
        self.detail_stack.addWidget(m)
        s = self.space_panel = SpacePanel(self)
        self.space_title, self.space_fields, self.space_form = (
            s.space_title,
            s.space_fields,
            s.space_form,
        )
        self.space_export_result = s.space_export_result
        self.detail_stack.addWidget(s)
        c = self.category_panel = CategoryPanel(self)
        self.category_title, self.category_text = c.category_title, c.category_text
        self.detail_stack.addWidget(c)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail_stack)
        scroll.setMinimumWidth(420)
        return scroll

    # --- data ----------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in REFRESH_ON:
            self.refresh()

    def refresh(self) -> None:
        """Reload from the database, keeping the selection and the collapsed nodes."""
        archived = self.show_archived.isChecked()
        self._machines = svc.list_machines(self.ctx.db, include_archived=archived)
        self._spaces = svc.list_spaces(self.ctx.db, include_archived=archived)
        self._categories = {c.id: c for c in svc.list_categories(self.ctx.db)}
        self._populate()

    @staticmethod
    def _key(item: QTreeWidgetItem) -> NodeKey:
        return item.data(0, KIND_ROLE), item.data(0, ID_ROLE)

    def _matches(self, row: svc.MachineRow, words: list[str]) -> bool:
        text = fold(f"{row.name} {row.make} {row.model}")
        return all(w in text for w in words)

    def _populate(self) -> None:
        selected = self.selected()
        words = fold(self.filter_edit.text()).split()
        self.tree.blockSignals(True)
        self.tree.clear()
        spaces: dict[int, QTreeWidgetItem] = {}
        for space in self._spaces:
            item = QTreeWidgetItem([space.name])
            if space.archived:
                item.setText(0, self.tr("{name} (archived)").format(name=space.name))
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            item.setData(0, KIND_ROLE, SPACE)
            item.setData(0, ID_ROLE, space.id)
            spaces[space.id] = item
        groups: dict[tuple[int, int], QTreeWidgetItem] = {}
        for row in self._machines:
            parent = spaces.get(row.space_id)
            if parent is None or not self._matches(row, words):
                continue
            group = groups.get((row.space_id, row.category_id))
            if group is None:
                group = QTreeWidgetItem(parent, [row.category_name])
                group.setData(0, KIND_ROLE, CATEGORY)
                group.setData(0, ID_ROLE, (row.space_id, row.category_id))
                groups[(row.space_id, row.category_id)] = group
            self._machine_item(group, row)
        for space in self._spaces:
            item = spaces[space.id]
            if words and item.childCount() == 0:
                continue  # filtering: only spaces holding a match
            self.tree.addTopLevelItem(item)
        for item in [*spaces.values(), *groups.values()]:
            if item.treeWidget() is not None:
                item.setExpanded(self._key(item) not in self._collapsed or bool(words))
        current = self._find(selected) if selected else None
        if current is None and words:
            current = self._first_machine()
        self.tree.setCurrentItem(current)  # type: ignore[arg-type]  # the stubs forbid None
        self.tree.blockSignals(False)
        self._show_current()
        self._update_empty_text(bool(words))

    def _machine_item(self, parent: QTreeWidgetItem, row: svc.MachineRow) -> QTreeWidgetItem:
        name = row.name
        if row.archived:
            name = self.tr("{name} (archived)").format(name=row.name)
        item = QTreeWidgetItem(
            parent, [name, status_label(row.status), formatting.number(row.authorized_count)]
        )
        item.setIcon(1, status_icon(row.status))
        item.setData(0, KIND_ROLE, MACHINE)
        item.setData(0, ID_ROLE, row.id)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        make_model = " ".join(p for p in (row.make, row.model) if p)
        if make_model:
            item.setToolTip(0, make_model)
        if row.authorization_required:
            item.setToolTip(2, self.tr("Training required before use"))
        if row.archived:
            for col in range(3):
                item.setForeground(col, self.palette().placeholderText())
        return item

    def _iter_items(self) -> Iterator[QTreeWidgetItem]:
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            assert item is not None  # every index below the counts holds an item
            yield item
            stack[0:0] = [item.child(i) for i in range(item.childCount())]

    def _find(self, key: NodeKey) -> QTreeWidgetItem | None:
        for item in self._iter_items():
            if self._key(item) == key:
                return item
        return None

    def _first_machine(self) -> QTreeWidgetItem | None:
        for item in self._iter_items():
            if item.data(0, KIND_ROLE) == MACHINE:
                return item
        return None

    def _update_empty_text(self, filtering: bool) -> None:
        if not self._spaces:
            text = self.tr(
                "No space yet. Start with “New space” (for example “Fablab”), "
                "then add its machines with “New machine”."
            )
        elif filtering and self._first_machine() is None:
            text = self.tr("No machine matches the filter.")
        elif not self._machines:
            text = self.tr("No machine yet: add the first one with “New machine”.")
        else:
            text = self.tr("Select a machine to see its details and who may use it.")
        self.empty_label.setText(text)

    # --- selection and detail ------------------------------------------------------

    def selected(self) -> NodeKey | None:
        """(kind, id) of the selected node: ("machine", 3), ("space", 1) or
        ("category", (space_id, category_id)); None when nothing is selected."""
        item = self.tree.currentItem()
        return None if item is None else self._key(item)

    def select(self, kind: str, item_id: object) -> bool:
        item = self._find((kind, item_id))
        if item is None and self.filter_edit.text():
            self.filter_edit.clear()
            item = self._find((kind, item_id))
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        return item is not None

    def _show_current(self) -> None:
        key = self.selected()
        self._detail = None
        if key is None:
            self.detail_stack.setCurrentIndex(0)
        elif key[0] == MACHINE:
            try:
                self._detail = svc.get_machine(self.ctx.db, key[1])
            except DomainError:
                self.detail_stack.setCurrentIndex(0)
            else:
                self._show_machine(self._detail)
                self.detail_stack.setCurrentIndex(1)
        elif key[0] == SPACE:
            self._show_space(next(s for s in self._spaces if s.id == key[1]))
            self.detail_stack.setCurrentIndex(2)
        else:
            self._show_category(*key[1])
            self.detail_stack.setCurrentIndex(3)
        self._update_buttons()

    def _show_machine(self, d: svc.MachineDetail) -> None:
        data = d.data
        title = data.name
        if d.archived:
            title = self.tr("{name} (archived)").format(name=data.name)
        self.machine_title.setText(title)
        self.status_badge.setText(status_label(d.status))
        self.status_badge.setStyleSheet(status_badge_style(d.status))
        self.status_badge.setAccessibleName(
            self.tr("Status: {status}").format(status=status_label(d.status))
        )
        self.status_note.setText(d.status_note)
        self.status_note.setVisible(bool(d.status_note))
        if data.authorization_required:
            training = self.tr("Required before use")
        else:
            training = self.tr("Not required")
        values = {
            "space": d.space_name,
            "category": d.category_name,
            "make": data.make,
            "model": data.model,
            "serial_number": data.serial_number,
            "training": training,
            "booking_rules": rules_text(
                data.slot_step_minutes,
                data.min_duration_minutes,
                data.max_duration_minutes,
                data.buffer_minutes,
                data.max_advance_days,
            ),
            "hour_counter": formatting.hours(data.hour_counter_minutes),
            "purchase_date": formatting.short_date(data.purchase_date),
            "purchase_value": formatting.money(data.purchase_value_cents),
            "funded_by": data.funded_by,
            "description": data.description,
            "created": self._stamp(d.created_at, d.created_by),
            "updated": self._stamp(d.updated_at, d.updated_by),
        }
        for key, text in values.items():
            self.fields[key].setText(text or "—")
        self._fill_authorizations(d)
        self._fill_maintenance(d.id)
        if self._export_shown != (MACHINE, d.id):
            self.machine_export_result.clear()

    def _stamp(self, when, who: str) -> str:
        text = formatting.local_datetime(when)
        if who:
            text = self.tr("{when} by {who}").format(when=text, who=who)
        return text

    def _fill_authorizations(self, d: svc.MachineDetail) -> None:
        self.auth_table.setRowCount(0)
        for a in d.authorizations:
            if a.machine_id is not None:
                through = self.tr("This machine")
            else:
                through = self.tr("Category “{category}”").format(category=a.label)
            r = self.auth_table.rowCount()
            self.auth_table.insertRow(r)
            cells = [a.member_name, through, formatting.short_date(a.granted_on), a.trainer]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, a.id)
                if a.note:
                    cell.setToolTip(a.note)
                self.auth_table.setItem(r, col, cell)
        self.auth_empty.setVisible(not d.authorizations)
        self.auth_table.setVisible(bool(d.authorizations))

    def _fill_maintenance(self, machine_id: int) -> None:
        entries = maintenance_service.list_entries(self.ctx.db, machine_id)
        self.maintenance_table.setRowCount(0)
        for e in entries:
            r = self.maintenance_table.rowCount()
            self.maintenance_table.insertRow(r)
            cost = formatting.money(e.cost_cents) if e.cost_cents else "—"
            cells = [formatting.short_date(e.day), e.description, cost, e.done_by]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, e.id)
                cell.setData(MAINTENANCE_VERSION_ROLE, e.version)
                if col == 1:
                    cell.setToolTip(e.description)
                if col == 2:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.maintenance_table.setItem(r, col, cell)
        self.maintenance_table.setVisible(bool(entries))
        self.maintenance_empty.setVisible(not entries)
        total = sum(e.cost_cents for e in entries)
        self.maintenance_total.setText(
            self.tr("Total: {amount}").format(amount=formatting.money(total)) if total else ""
        )

    def _show_space(self, space: svc.SpaceRow) -> None:
        title = space.name
        if space.archived:
            title = self.tr("{name} (archived)").format(name=space.name)
        self.space_title.setText(title)
        f = self.space_fields
        f["kind"].setText(space_kind_label(space.kind))
        f["capacity"].setText(
            self.tr("{count} people").format(count=formatting.number(space.capacity))
            if space.capacity
            else "—"
        )
        f["bookable"].setText(
            self.tr("The space itself can be booked")
            if space.bookable
            else self.tr("Only its machines are booked")
        )
        f["booking_rules"].setText(
            rules_text(
                space.slot_step_minutes,
                space.min_duration_minutes,
                space.max_duration_minutes,
                space.buffer_minutes,
                space.max_advance_days,
            )
        )
        self.space_form.setRowVisible(f["booking_rules"], space.bookable)
        schedule = hours_service.get_schedule(self.ctx.db, space.id)
        if schedule:
            hours = schedule_text(schedule)
            if space.closed_on_holidays:
                hours += "\n" + self.tr("Closed on public holidays")
        else:
            hours = self.tr("Opening hours not set: bookable all day")
        f["opening_hours"].setText(hours)
        f["machines"].setText(formatting.number(space.machine_count))
        f["description"].setText(space.description or "—")
        if self._export_shown != (SPACE, space.id):
            self.space_export_result.clear()

    def _show_category(self, space_id: int, category_id: int) -> None:
        category = self._categories.get(category_id)
        if category is None:
            return
        self.category_title.setText(category.name)
        self.category_text.setText(
            self.tr(
                "Machines of this category, all spaces together: {count}. An authorization "
                "on the category covers each of them."
            ).format(count=formatting.number(category.machine_count))
        )

    def _selected_authorization(self) -> int | None:
        items = self.auth_table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _update_buttons(self) -> None:
        kind, item_id = self.selected() or (None, None)
        self.new_machine_button.setEnabled(bool(self._spaces))
        if not self._spaces:
            self.new_machine_button.setToolTip(self.tr("Create a space first"))
        else:
            self.new_machine_button.setToolTip(self.tr("New machine (Ctrl+Shift+N)"))
        self.edit_button.setEnabled(kind is not None)
        archived = False
        if kind == MACHINE and self._detail is not None:
            archived = self._detail.archived
        elif kind == SPACE:
            archived = any(s.archived for s in self._spaces if s.id == item_id)
        self.archive_button.setEnabled(kind in (MACHINE, SPACE))
        self.history_button.setEnabled(kind in (MACHINE, SPACE))
        self.archive_button.setText(self.tr("Restore…") if archived else self.tr("Archive…"))
        self.archive_button.setAccessibleName(
            self.tr("Restore") if archived else self.tr("Archive")
        )
        active = self._detail is not None and not self._detail.archived
        self.status_button.setEnabled(active)
        self.grant_button.setEnabled(active)
        self.revoke_button.setEnabled(self._selected_authorization() is not None)
        self.add_maintenance_button.setEnabled(self._detail is not None)
        self.remove_maintenance_button.setEnabled(self._selected_maintenance() is not None)

    # --- actions -------------------------------------------------------------------

    def history_dialog(self) -> HistoryDialog | None:
        """The « Historique » of the machine or space selected."""
        key = self.selected()
        if key is None or key[0] not in (MACHINE, SPACE):
            return None
        entity = "machine" if key[0] == MACHINE else "space"
        name = self._detail.data.name if key[0] == MACHINE and self._detail else ""
        title = self.tr("History of {name}").format(name=name) if name else self.tr("History")
        return HistoryDialog(self.ctx.db, entity, int(key[1]), title, self)

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _follow(self, dialog, kind: str) -> None:
        """Select what the dialog saved once it is accepted."""
        dialog.accepted.connect(
            lambda: dialog.saved_id is not None and self.select(kind, dialog.saved_id)
        )

    def _selection_ids(self) -> tuple[int | None, int | None]:
        """(space id, category id) suggested by the selection, for a new machine."""
        key = self.selected()
        if key is None:
            return None, None
        if key[0] == SPACE:
            return key[1], None
        if key[0] == CATEGORY:
            return key[1]
        if self._detail is not None:
            return self._detail.data.space_id, self._detail.data.category_id
        return None, None

    def machine_dialog(self, machine_id: int | None = None) -> MachineDialog:
        if machine_id is None:
            space_id, category_id = self._selection_ids()
            dialog = MachineDialog(self.ctx, None, self, space_id=space_id, category_id=category_id)
        else:
            dialog = MachineDialog(self.ctx, svc.get_machine(self.ctx.db, machine_id), self)
        self._follow(dialog, MACHINE)
        return dialog

    def space_dialog(self, space_id: int | None = None) -> SpaceDialog:
        space = svc.get_space(self.ctx.db, space_id) if space_id is not None else None
        dialog = SpaceDialog(self.ctx, space, self)
        self._follow(dialog, SPACE)
        return dialog

    def category_dialog(self, category_id: int) -> CategoryDialog:
        return CategoryDialog(self.ctx, self._categories.get(category_id), self)

    def status_dialog(self) -> StatusDialog | None:
        return StatusDialog(self.ctx, self._detail, self) if self._detail else None

    def grant_dialog(self) -> GrantDialog | None:
        return GrantDialog(self.ctx, self._detail, self) if self._detail else None

    def _run(self, dialog: QDialog | None) -> None:
        if dialog is not None:
            dialog.exec()

    def new_machine(self) -> None:
        if self._spaces:
            self._run(self.machine_dialog())

    def new_space(self) -> None:
        self._run(self.space_dialog())

    def import_machines(self, *, run: bool = True) -> QDialog:
        """The import wizard with the machines importer (services.imports.machines):
        spaces must exist first — a machine of an unknown space is refused."""
        from tierslieu_desktop.ui.imports.entry import machines_wizard

        wizard = machines_wizard(self.ctx, self)
        if run:
            wizard.exec()
            self.refresh()
        return wizard

    def edit_selected(self) -> None:
        key = self.selected()
        try:
            if key is None:
                return
            if key[0] == MACHINE:
                self._run(self.machine_dialog(key[1]))
            elif key[0] == SPACE:
                self._run(self.space_dialog(key[1]))
            else:
                self._run(self.category_dialog(key[1][1]))
        except DomainError as err:  # deleted or changed by another desk meanwhile
            show_error(self, err)
            self.refresh()

    def change_status(self) -> None:
        self._run(self.status_dialog())

    def opening_hours_dialog(self, space_id: int | None = None) -> OpeningHoursDialog | None:
        if space_id is None:
            key = self.selected()
            if key is None or key[0] != SPACE:
                return None
            space_id = key[1]
        return OpeningHoursDialog(self.ctx, svc.get_space(self.ctx.db, space_id), self)

    def edit_opening_hours(self) -> None:
        try:
            self._run(self.opening_hours_dialog())
        except DomainError as err:
            show_error(self, err)
            self.refresh()

    def maintenance_dialog(self) -> MaintenanceDialog | None:
        return MaintenanceDialog(self.ctx, self._detail, self) if self._detail else None

    def add_maintenance(self) -> None:
        self._run(self.maintenance_dialog())

    def _selected_maintenance(self) -> int | None:
        items = self.maintenance_table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def remove_maintenance(self) -> None:
        entry_id = self._selected_maintenance()
        if entry_id is None or self._detail is None:
            return
        row = self.maintenance_table.currentRow()
        version = item_at(self.maintenance_table, row, 0).data(MAINTENANCE_VERSION_ROLE)
        day = item_at(self.maintenance_table, row, 0).text()
        what = item_at(self.maintenance_table, row, 1).text()
        reason = ask_reason(
            self,
            self.tr("Remove the maintenance entry"),
            self.tr("Remove the entry of {day} (“{what}”) from the log?").format(
                day=day, what=what
            ),
            self.tr("Remove"),
        )
        if reason is None:
            return
        try:
            run_write(
                self,
                lambda: maintenance_service.remove_entry(
                    self.ctx.db,
                    self.ctx.operator_id,
                    entry_id,
                    reason,
                    expected_version=version if isinstance(version, int) else None,
                ),
            )
        except DomainError as err:
            show_error(self, shown_again(err))  # the log is read again below
        self.ctx.notify("maintenance", [self._detail.id])

    # --- iCal export ---------------------------------------------------------------

    def _export_target(self) -> tuple[str, int, str] | None:
        """(kind, id, name) of the machine or space whose bookings are exported."""
        key = self.selected()
        if key is None:
            return None
        if key[0] == MACHINE and self._detail is not None:
            return MACHINE, self._detail.id, self._detail.data.name
        if key[0] == SPACE:
            space = next((s for s in self._spaces if s.id == key[1]), None)
            if space is not None:
                return SPACE, space.id, space.name
        return None

    def export_bookings(self) -> None:
        target = self._export_target()
        if target is None:
            return
        path = file_dialogs.save_file(
            self,
            self.tr("Export the bookings of {name}").format(name=target[2]),
            f"{_file_stem(target[2])}.ics",
            self.tr("Calendar files (*.ics)"),
            kind="calendar",
        )
        if path and self.write_bookings_ics(path):
            announce_saved(self, path, "report")

    def write_bookings_ics(self, path: str) -> bool:
        """Write the selected machine's or space's bookings (a month ago to a year ahead)
        to ``path``; say how many were written, next to the button."""
        target = self._export_target()
        if target is None:
            return False
        kind, item_id, _name = target
        now = utcnow()
        start, end = now - EXPORT_PAST, now + EXPORT_AHEAD
        try:
            if kind == MACHINE:
                data = ical.export_machine(self.ctx.db, item_id, start, end)
            else:
                data = ical.export_space(self.ctx.db, item_id, start, end)
            write_private_bytes(path, data)
        except DomainError as err:
            show_error(self, err)
            return False
        except OSError as err:
            QMessageBox.warning(
                self,
                self.tr("Export bookings"),
                self.tr("The file could not be written: {error}").format(error=err.strerror or err),
            )
            return False
        count = data.count(b"BEGIN:VEVENT")
        result = self.machine_export_result if kind == MACHINE else self.space_export_result
        if count == 0:
            text = self.tr("No booking in this period: {file} is an empty calendar.")
        elif count == 1:
            text = self.tr("1 booking exported to {file}.")
        else:
            text = self.tr("{count} bookings exported to {file}.")
        result.setText(text.format(count=formatting.number(count), file=Path(path).name))
        self._export_shown = (kind, item_id)
        return True

    def grant(self) -> None:
        self._run(self.grant_dialog())

    def revoke_selected(self) -> None:
        auth_id = self._selected_authorization()
        if auth_id is None or self._detail is None:
            return
        row = self.auth_table.currentRow()
        member = item_at(self.auth_table, row, 0).text()
        through = item_at(self.auth_table, row, 1).text()
        reason = ask_reason(
            self,
            self.tr("Revoke the authorization"),
            self.tr(
                "Revoke the authorization of {member} ({through})? They will need a new "
                "training to use the machine."
            ).format(member=member, through=through),
            self.tr("Revoke"),
        )
        if reason is None:
            return
        try:
            run_write(
                self,
                lambda: revoke_authorization(self.ctx.db, self.ctx.operator_id, auth_id, reason),
            )
        except DomainError as err:
            show_error(self, err)
        self.ctx.notify("authorization", [auth_id])

    def toggle_archived(self) -> None:
        key = self.selected()
        if key is None or key[0] not in (MACHINE, SPACE):
            return
        kind, item_id = key
        if kind == MACHINE:
            if self._detail is None:
                return
            archived, name = self._detail.archived, self._detail.data.name
            version = self._detail.version  # archived from the version shown (issue 20)
            if archived:
                question = self.tr("Restore the machine “{name}”?")
            else:
                question = self.tr(
                    "Archive the machine “{name}”? It will no longer be offered; its history "
                    "and authorizations are kept."
                )
        else:
            space = next(s for s in self._spaces if s.id == item_id)
            archived, name, version = space.archived, space.name, space.version
            if archived:
                question = self.tr("Restore the space “{name}”?")
            else:
                question = self.tr("Archive the space “{name}”? Its history is kept.")
        title = self.tr("Restore") if archived else self.tr("Archive")
        if not self._confirm(title, question.format(name=name)):
            return
        change = svc.set_machine_archived if kind == MACHINE else svc.set_space_archived
        try:
            change(
                self.ctx.db,
                self.ctx.operator_id,
                item_id,
                not archived,
                expected_version=version,
            )
        except DomainError as err:
            show_error(self, shown_again(err))
            if err.code == "stale_record":  # changed on another desk: nothing written,
                self.refresh()  # show it as it is now
            return
        self.ctx.notify(kind, [item_id])
