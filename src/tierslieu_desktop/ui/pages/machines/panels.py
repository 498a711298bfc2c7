"""The detail panels of the Machines page: a machine (its fields, status, authorized
members and maintenance log), a space, a category. They hold the widgets; MachinesPage
fills them and owns the actions their buttons call. Their texts keep the page's
translation context ("MachinesPage")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class DetailActions(Protocol):
    """What the panels' buttons call (MachinesPage)."""

    def change_status(self) -> None: ...
    def grant(self) -> None: ...
    def revoke_selected(self) -> None: ...
    def add_maintenance(self) -> None: ...
    def remove_maintenance(self) -> None: ...
    def export_bookings(self) -> None: ...
    def edit_selected(self) -> None: ...
    def edit_opening_hours(self) -> None: ...
    def new_machine(self) -> None: ...


def action_button(text: str, accessible: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    button.clicked.connect(slot)
    return button


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def export_row(lay: QVBoxLayout, export: Callable[[], object]) -> tuple[QPushButton, QLabel]:
    """The button exporting the bookings to a calendar file, and the label saying how many."""
    row = QHBoxLayout()
    button = action_button(
        QCoreApplication.translate("MachinesPage", "Export bookings (.ics)…"),
        QCoreApplication.translate("MachinesPage", "Export bookings to a calendar file"),
        export,
    )
    button.setToolTip(
        QCoreApplication.translate(
            "MachinesPage",
            "Bookings from a month ago to a year ahead, for Thunderbird, Outlook or a phone",
        )
    )
    row.addWidget(button)
    result = QLabel()
    result.setObjectName("exportResult")
    result.setWordWrap(True)
    row.addWidget(result, 1)
    lay.addLayout(row)
    return button, result


class MachinePanel(QWidget):
    """A machine's detail: title, status, fields, export, authorized members, maintenance."""

    def __init__(self, page: DetailActions) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 0, 0, 0)
        self.machine_title = QLabel()
        self.machine_title.setObjectName("detailTitle")
        self.machine_title.setWordWrap(True)
        lay.addWidget(self.machine_title)

        status_row = QHBoxLayout()
        self.status_badge = QLabel()
        self.status_badge.setObjectName("statusBadge")
        status_row.addWidget(self.status_badge)
        self.status_button = action_button(
            QCoreApplication.translate("MachinesPage", "Change status…"),
            QCoreApplication.translate("MachinesPage", "Change status"),
            page.change_status,
        )
        status_row.addWidget(self.status_button)
        status_row.addStretch(1)
        lay.addLayout(status_row)
        self.status_note = _value_label()
        self.status_note.setObjectName("statusNote")
        lay.addWidget(self.status_note)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("space", QCoreApplication.translate("MachinesPage", "Space:")),
            ("category", QCoreApplication.translate("MachinesPage", "Category:")),
            ("make", QCoreApplication.translate("MachinesPage", "Make:")),
            ("model", QCoreApplication.translate("MachinesPage", "Model:")),
            ("serial_number", QCoreApplication.translate("MachinesPage", "Serial number:")),
            ("training", QCoreApplication.translate("MachinesPage", "Training:")),
            ("booking_rules", QCoreApplication.translate("MachinesPage", "Booking:")),
            ("hour_counter", QCoreApplication.translate("MachinesPage", "Hour counter:")),
            ("purchase_date", QCoreApplication.translate("MachinesPage", "Purchase date:")),
            ("purchase_value", QCoreApplication.translate("MachinesPage", "Purchase value:")),
            ("funded_by", QCoreApplication.translate("MachinesPage", "Funded by:")),
            ("description", QCoreApplication.translate("MachinesPage", "Description:")),
            ("created", QCoreApplication.translate("MachinesPage", "Created:")),
            ("updated", QCoreApplication.translate("MachinesPage", "Last change:")),
        ):
            value = _value_label()
            value.setObjectName(f"field_{key}")
            value.setAccessibleName(label.rstrip(" :"))
            form.addRow(label, value)
            self.fields[key] = value
        lay.addLayout(form)
        self.machine_export_button, self.machine_export_result = export_row(
            lay, page.export_bookings
        )

        group = QGroupBox(QCoreApplication.translate("MachinesPage", "Authorized members"))
        g = QVBoxLayout(group)
        self.auth_table = QTableWidget(0, 4)
        self.auth_table.setAccessibleName(
            QCoreApplication.translate("MachinesPage", "Authorized members")
        )
        self.auth_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("MachinesPage", "Member"),
                QCoreApplication.translate("MachinesPage", "Covers"),
                QCoreApplication.translate("MachinesPage", "Trained on"),
                QCoreApplication.translate("MachinesPage", "Trainer"),
            ]
        )
        self.auth_table.verticalHeader().hide()
        self.auth_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.auth_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.auth_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.auth_table.setMinimumHeight(150)
        head = self.auth_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        g.addWidget(self.auth_table)
        self.auth_empty = QLabel(
            QCoreApplication.translate("MachinesPage", "Nobody is authorized on this machine yet.")
        )
        self.auth_empty.setObjectName("emptyText")
        g.addWidget(self.auth_empty)
        row = QHBoxLayout()
        self.grant_button = action_button(
            QCoreApplication.translate("MachinesPage", "Grant authorization…"),
            QCoreApplication.translate("MachinesPage", "Grant authorization"),
            page.grant,
        )
        self.revoke_button = action_button(
            QCoreApplication.translate("MachinesPage", "Revoke…"),
            QCoreApplication.translate("MachinesPage", "Revoke authorization"),
            page.revoke_selected,
        )
        row.addWidget(self.grant_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        g.addLayout(row)
        lay.addWidget(group)
        lay.addWidget(self._build_maintenance(page))
        lay.addStretch(1)

    def _build_maintenance(self, page: DetailActions) -> QGroupBox:
        group = QGroupBox(QCoreApplication.translate("MachinesPage", "Maintenance log"))
        g = QVBoxLayout(group)
        self.maintenance_table = _table(
            [
                QCoreApplication.translate("MachinesPage", "Date"),
                QCoreApplication.translate("MachinesPage", "What"),
                QCoreApplication.translate("MachinesPage", "Cost"),
                QCoreApplication.translate("MachinesPage", "By"),
            ],
            QCoreApplication.translate("MachinesPage", "Maintenance log"),
        )
        self.maintenance_table.setMinimumHeight(130)
        self.maintenance_table.setWordWrap(True)
        head = self.maintenance_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        g.addWidget(self.maintenance_table)
        self.maintenance_empty = QLabel(
            QCoreApplication.translate("MachinesPage", "No maintenance recorded yet.")
        )
        self.maintenance_empty.setObjectName("emptyText")
        g.addWidget(self.maintenance_empty)
        row = QHBoxLayout()
        self.add_maintenance_button = action_button(
            QCoreApplication.translate("MachinesPage", "Add an entry…"),
            QCoreApplication.translate("MachinesPage", "Add a maintenance entry"),
            page.add_maintenance,
        )
        self.remove_maintenance_button = action_button(
            QCoreApplication.translate("MachinesPage", "Remove…"),
            QCoreApplication.translate("MachinesPage", "Remove the maintenance entry"),
            page.remove_maintenance,
        )
        row.addWidget(self.add_maintenance_button)
        row.addWidget(self.remove_maintenance_button)
        row.addStretch(1)
        self.maintenance_total = QLabel()
        self.maintenance_total.setObjectName("maintenanceTotal")
        row.addWidget(self.maintenance_total)
        g.addLayout(row)
        return group


class SpacePanel(QWidget):
    """A space's detail: title, fields, editing and opening hours buttons, export."""

    def __init__(self, page: DetailActions) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 0, 0, 0)
        self.space_title = QLabel()
        self.space_title.setObjectName("detailTitle")
        self.space_title.setWordWrap(True)
        lay.addWidget(self.space_title)
        form = QFormLayout()
        self.space_fields: dict[str, QLabel] = {}
        for key, label in (
            ("kind", QCoreApplication.translate("MachinesPage", "Kind:")),
            ("capacity", QCoreApplication.translate("MachinesPage", "Capacity:")),
            ("bookable", QCoreApplication.translate("MachinesPage", "Booking:")),
            ("booking_rules", QCoreApplication.translate("MachinesPage", "Booking rules:")),
            ("opening_hours", QCoreApplication.translate("MachinesPage", "Opening hours:")),
            ("machines", QCoreApplication.translate("MachinesPage", "Machines:")),
            ("description", QCoreApplication.translate("MachinesPage", "Description:")),
        ):
            value = _value_label()
            value.setObjectName(f"space_{key}")
            value.setAccessibleName(label.rstrip(" :"))
            form.addRow(label, value)
            self.space_fields[key] = value
        self.space_form = form
        lay.addLayout(form)
        row = QHBoxLayout()
        self.edit_space_button = action_button(
            QCoreApplication.translate("MachinesPage", "Edit space…"),
            QCoreApplication.translate("MachinesPage", "Edit space"),
            page.edit_selected,
        )
        self.opening_hours_button = action_button(
            QCoreApplication.translate("MachinesPage", "Opening hours…"),
            QCoreApplication.translate("MachinesPage", "Opening hours"),
            page.edit_opening_hours,
        )
        self.space_new_machine_button = action_button(
            QCoreApplication.translate("MachinesPage", "Add a machine here…"),
            QCoreApplication.translate("MachinesPage", "Add a machine to this space"),
            page.new_machine,
        )
        row.addWidget(self.edit_space_button)
        row.addWidget(self.opening_hours_button)
        row.addWidget(self.space_new_machine_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.space_export_button, self.space_export_result = export_row(lay, page.export_bookings)
        lay.addStretch(1)


class CategoryPanel(QWidget):
    """A category's detail: its name, how many machines, a rename button."""

    def __init__(self, page: DetailActions) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 0, 0, 0)
        self.category_title = QLabel()
        self.category_title.setObjectName("detailTitle")
        lay.addWidget(self.category_title)
        self.category_text = _value_label()
        lay.addWidget(self.category_text)
        row = QHBoxLayout()
        self.rename_category_button = action_button(
            QCoreApplication.translate("MachinesPage", "Rename category…"),
            QCoreApplication.translate("MachinesPage", "Rename category"),
            page.edit_selected,
        )
        row.addWidget(self.rename_category_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
