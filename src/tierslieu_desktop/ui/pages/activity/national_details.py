"""The cyber-base desk's optional « Détails (modèle national) » (issue 22) and its Pass
numérique voucher field.

``NationalDetails`` is a checkable group, closed by default: a click on a purpose button
still counts a visit with nothing more. Opened, its values (type, place, equipment,
themes, autonomy, referral, the beneficiary's gender, age range, situation, commune code,
first time, anonymous) go with each click and stay for the next one, like the other
settings of the desk. Closed again, none of them is sent.

``VoucherNumbers`` takes the numbers a USB barcode scanner types (the scanner ends each
number with Enter): each is added to the visit's list at once and checked against the
visits already recorded (a number seen before is said with the earlier visit); the list
empties after the click that records it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.mediation import MAX_VOUCHER_NUMBER, voucher_number
from tierslieu_desktop.services.activity.dropins import DropInRow
from tierslieu_desktop.ui.pages.activity.national_labels import (
    activity_type_labels,
    age_range_labels,
    autonomy_labels,
    equipment_labels,
    gender_labels,
    place_type_labels,
    referral_labels,
    situation_labels,
    theme_labels,
)


class MultiChoice(QToolButton):
    """A button opening a list of checkable choices; it shows what is ticked."""

    changed = Signal()

    def __init__(self, labels: dict[str, str], empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.empty = empty
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self)
        self.actions_by_value: dict[str, QAction] = {}
        for value, label in labels.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.toggled.connect(lambda _on: self._show())
            self.actions_by_value[value] = action
        self.setMenu(menu)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._show()

    def values(self) -> tuple[str, ...]:
        return tuple(v for v, a in self.actions_by_value.items() if a.isChecked())

    def set_values(self, values: tuple[str, ...] | list[str]) -> None:
        for value, action in self.actions_by_value.items():
            action.setChecked(value in values)

    def _show(self) -> None:
        chosen = [a.text() for a in self.actions_by_value.values() if a.isChecked()]
        text = ", ".join(chosen) if chosen else self.empty
        self.setText(text if len(text) <= 34 else text[:33] + "…")
        self.setToolTip("\n".join(chosen))
        self.changed.emit()


def _combo(labels: dict[str, str], empty: str) -> QComboBox:
    box = QComboBox()
    box.addItem(empty, None)
    for value, label in labels.items():
        box.addItem(label, value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    return box


def _data(box: QComboBox) -> Any:
    return box.currentData()


def _choose(box: QComboBox, value: object) -> None:
    box.setCurrentIndex(max(box.findData(value), 0))


class NationalDetails(QWidget):
    """The national model's fields, compact, optional, kept between clicks: a check box
    opens them (closed, it takes one line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QCheckBox(self.tr("Details (national model)"))
        self.toggle.setAccessibleName(self.tr("Details (national model)"))
        self.toggle.setToolTip(
            self.tr(
                "Optional: the fields of the national report of digital inclusion. "
                "They stay from one visit to the next."
            )
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addWidget(self.toggle)
        self.body = QFrame()
        self.body.setFrameShape(QFrame.Shape.StyledPanel)
        outer.addWidget(self.body)
        grid = QGridLayout(self.body)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        not_given = self.tr("Not given")
        self.activity_type = _combo(activity_type_labels(), not_given)
        self.place_type = _combo(place_type_labels(), self.tr("Our premises"))
        self.equipment = MultiChoice(equipment_labels(), not_given)
        self.themes = MultiChoice(theme_labels(), self.tr("From the purpose"))
        self.autonomy = _combo(autonomy_labels(), not_given)
        self.referred = QComboBox()
        self.referred.addItem(not_given, None)
        self.referred.addItem(self.tr("Referred elsewhere"), True)
        self.referred.addItem(self.tr("Not referred"), False)
        self.referral = _combo(referral_labels(), self.tr("Which structure?"))
        self.gender = _combo(gender_labels(), not_given)
        self.age_range = _combo(age_range_labels(), self.tr("From the age band"))
        self.situation = _combo(situation_labels(), not_given)
        self.commune_insee = QLineEdit()
        self.commune_insee.setMaxLength(5)
        self.commune_insee.setPlaceholderText(self.tr("from the town"))
        self.commune_insee.setMaximumWidth(120)
        self.first_time = QCheckBox(self.tr("First support"))
        self.anonymous = QCheckBox(self.tr("Anonymous"))
        cells: list[tuple[str, QWidget]] = [
            (self.tr("Type:"), self.activity_type),
            (self.tr("Place:"), self.place_type),
            (self.tr("Equipment:"), self.equipment),
            (self.tr("Themes:"), self.themes),
            (self.tr("Autonomy:"), self.autonomy),
            (self.tr("Referral:"), self.referred),
            (self.tr("Referred to:"), self.referral),
            (self.tr("Gender:"), self.gender),
            (self.tr("Age range:"), self.age_range),
            (self.tr("Situation:"), self.situation),
            (self.tr("INSEE code:"), self.commune_insee),
        ]
        names = [
            self.tr("Activity type"),
            self.tr("Place of the support"),
            self.tr("Equipment used"),
            self.tr("Themes of the support"),
            self.tr("Autonomy reached"),
            self.tr("Referred elsewhere"),
            self.tr("Structure referred to"),
            self.tr("Gender of the person"),
            self.tr("Age range of the person"),
            self.tr("Situation of the person"),
            self.tr("INSEE code of the person's town"),
        ]
        columns = 3
        for i, ((caption, widget), name) in enumerate(zip(cells, names, strict=True)):
            label = QLabel(caption)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            row, col = divmod(i, columns)
            grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, row, col * 2 + 1)
        flags = QHBoxLayout()
        flags.addWidget(self.first_time)
        flags.addWidget(self.anonymous)
        flags.addStretch(1)
        self.first_time.setAccessibleName(self.tr("First support"))
        self.anonymous.setAccessibleName(self.tr("Anonymous"))
        row = (len(cells) + columns - 1) // columns
        grid.addLayout(flags, row - 1, (len(cells) % columns) * 2, 1, -1)
        for col in range(columns):
            grid.setColumnStretch(col * 2 + 1, 1)
        self.body.setVisible(False)
        self.toggle.toggled.connect(self.body.setVisible)
        self.referred.currentIndexChanged.connect(lambda _i: self._show_referral())
        self._show_referral()

    def isChecked(self) -> bool:
        return self.toggle.isChecked()

    def setChecked(self, on: bool) -> None:
        self.toggle.setChecked(on)

    def _show_referral(self) -> None:
        self.referral.setEnabled(self.referred.currentData() is True)

    def value(self) -> dict[str, Any]:
        """The DropInInput fields (none while the group is closed)."""
        if not self.isChecked():
            return {}
        referred = _data(self.referred)
        return {
            "activity_type": _data(self.activity_type),
            "place_type": _data(self.place_type),
            "equipment": self.equipment.values(),
            "themes": self.themes.values(),
            "autonomy": _data(self.autonomy),
            "referred": referred,
            "referral_structure": _data(self.referral) if referred else None,
            "gender": _data(self.gender),
            "age_range": _data(self.age_range),
            "situation": _data(self.situation),
            "commune_insee": self.commune_insee.text().strip(),
            "first_time": True if self.first_time.isChecked() else None,
            "anonymous": True if self.anonymous.isChecked() else None,
        }

    def set_row(self, row: DropInRow) -> None:
        """A logged visit's values (the edit dialog): opened when it has any."""
        _choose(self.activity_type, row.activity_type)
        _choose(self.place_type, row.place_type)
        self.equipment.set_values(row.equipment)
        self.themes.set_values(row.themes)
        _choose(self.autonomy, row.autonomy)
        _choose(self.referred, row.referred)
        _choose(self.referral, row.referral_structure)
        _choose(self.gender, row.gender)
        _choose(self.age_range, row.age_range)
        _choose(self.situation, row.situation)
        self.commune_insee.setText(row.commune_insee)
        self.first_time.setChecked(bool(row.first_time))
        self.anonymous.setChecked(bool(row.anonymous))
        self.setChecked(
            any(
                (
                    row.place_type,
                    row.equipment,
                    row.themes,
                    row.autonomy,
                    row.referred is not None,
                    row.gender,
                    row.situation,
                    row.commune_insee,
                    row.first_time,
                    row.anonymous,
                )
            )
        )


class _ScanLine(QLineEdit):
    """Enter ends one number and stays here (never the dialog's default button)."""

    entered = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit(self.text())
            event.accept()
            return
        super().keyPressEvent(event)


class VoucherNumbers(QWidget):
    """The visit's Pass numérique numbers: scanned or typed, Enter after each."""

    changed = Signal()

    def __init__(
        self,
        seen: Callable[[str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.seen = seen  # a number → the sentence naming its earlier visit, or None
        self._numbers: list[str] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        line_row = QHBoxLayout()
        self.line = _ScanLine()
        self.line.setMaxLength(MAX_VOUCHER_NUMBER + 10)
        self.line.setPlaceholderText(self.tr("scan the voucher (or type its number, Enter)"))
        self.line.setAccessibleName(self.tr("Pass numérique voucher number"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear the voucher numbers"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        line_row.addWidget(self.line, 1)
        line_row.addWidget(self.clear_button)
        lay.addLayout(line_row)
        self.listing = QLabel()
        self.listing.setWordWrap(True)
        self.listing.setAccessibleName(self.tr("Voucher numbers of this visit"))
        lay.addWidget(self.listing)
        self.setFocusProxy(self.line)
        self.line.entered.connect(self.add)
        self.clear_button.clicked.connect(self.clear)
        self._show("")

    def numbers(self) -> tuple[str, ...]:
        return tuple(self._numbers)

    def set_numbers(self, numbers: tuple[str, ...]) -> None:
        self._numbers = list(numbers)
        self.line.clear()
        self._show("")

    def add(self, typed: str) -> bool:
        """Add a number (Enter from the scanner). Refused at once, with the reason, when
        already in this visit's list or recorded at an earlier visit."""
        number = voucher_number(typed)
        self.line.clear()
        if not number:
            return False
        if number in self._numbers:
            self._show(
                self.tr("Voucher {number} is already in this visit's list.").format(number=number)
            )
            return False
        earlier = self.seen(number) if self.seen is not None else None
        if earlier:
            self._show(earlier)
            return False
        self._numbers.append(number)
        self._show("")
        self.changed.emit()
        return True

    def clear(self) -> None:
        self._numbers.clear()
        self.line.clear()
        self._show("")
        self.changed.emit()

    def _show(self, problem: str) -> None:
        if problem:
            self.listing.setStyleSheet("color: #b00020; font-weight: bold;")
            self.listing.setText(problem)
        else:
            self.listing.setStyleSheet("")
            self.listing.setText(
                self.tr("Vouchers: {numbers}").format(numbers=", ".join(self._numbers))
                if self._numbers
                else ""
            )
        self.listing.setVisible(bool(self.listing.text()))
        self.clear_button.setEnabled(bool(self._numbers))
