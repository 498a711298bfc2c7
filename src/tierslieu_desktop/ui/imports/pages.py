"""The four pages of the import wizard, as widgets without logic (``wizard`` drives
them): the file and its source, the columns' mapping, the preview, the result. Each fits
a 1024×600 screen: the mapping scrolls, the preview's table scrolls, rows of buttons wrap."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.services.imports.base import FieldSpec
from tierslieu_desktop.ui.imports.preview_model import (
    ACTION,
    EXISTING,
    LINE,
    PROBLEMS,
    RECORD,
    DecisionDelegate,
    Filter,
)
from tierslieu_desktop.ui.imports.words import DECISIONS, decision_label, field_label
from tierslieu_desktop.ui.widgets.responsive import (
    VerticalScroll,
    flow_row,
    shrinkable_combo,
    wrapping,
)

ERROR_STYLE = "color: #b71c1c;"


class FilePage(QWidget):
    """1. The file (chosen with the app's safe file dialog) and its source format."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addWidget(
            wrapping(
                QLabel(
                    self.tr(
                        "Choose the file to import: a spreadsheet saved as CSV or XLSX, or the export "
                        "of HelloAsso, Paheko or Fab Manager. Nothing is written before the last step."
                    )
                )
            )
        )
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.path_edit.setAccessibleName(self.tr("File to import"))
        row.addWidget(self.path_edit, 1)
        self.choose_button = QPushButton(self.tr("&Choose a file…"))
        self.choose_button.setAccessibleName(self.tr("Choose the file to import"))
        row.addWidget(self.choose_button)
        lay.addLayout(row)
        source_row = QHBoxLayout()
        source_label = QLabel(self.tr("&Source:"))
        source_row.addWidget(source_label)
        self.source_combo = shrinkable_combo(QComboBox(), 24)
        self.source_combo.setAccessibleName(self.tr("Source of the file"))
        source_label.setBuddy(self.source_combo)
        source_row.addWidget(self.source_combo, 1)
        lay.addLayout(source_row)
        self.info = wrapping(QLabel())
        self.info.setObjectName("fileInfo")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.info)
        lay.addStretch(1)


class MappingPage(QWidget):
    """2. Which column of the file feeds each field (required fields marked "*"), with the
    first value of the chosen column as an example."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addWidget(
            wrapping(
                QLabel(
                    self.tr(
                        "For each field, the column of the file that fills it. The columns recognised "
                        "are already chosen; your choice is remembered for this source. "
                        "Fields marked * are required."
                    )
                )
            )
        )
        self.inner = QWidget()
        self.grid = QGridLayout(self.inner)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.scroll_area = VerticalScroll(self.inner)
        lay.addWidget(self.scroll_area, 1)
        self.problem = wrapping(QLabel())
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setObjectName("mappingProblem")
        lay.addWidget(self.problem)
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}

    def build(self, fields: tuple[FieldSpec, ...], headers: tuple[str, ...], lang: str) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        self.samples.clear()
        for row, spec in enumerate(fields):
            name = field_label(spec.key, lang)
            shown = name.replace("&", "&&")  # "Entrepreneurs & créateurs": no mnemonic
            label = QLabel(f"{shown} *" if spec.required else shown)
            combo = shrinkable_combo(QComboBox(), 18)
            combo.setAccessibleName(
                self.tr("Column for “{field}” (required)").format(field=name)
                if spec.required
                else self.tr("Column for “{field}”").format(field=name)
            )
            combo.addItem(self.tr("(no column)"), None)
            for header in headers:
                combo.addItem(header or self.tr("(column without a title)"), header)
            label.setBuddy(combo)
            sample = QLabel()
            sample.setObjectName("mappingSample")
            sample.setStyleSheet("color: #555;")
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(sample, row, 2)
            self.combos[spec.key] = combo
            self.samples[spec.key] = sample
        self.grid.setRowStretch(len(fields), 1)  # the rows at the top, not spread out
        self.problem.clear()


class PreviewPage(QWidget):
    """3. Every line with its action, errors and duplicates; the choice per duplicate;
    the filters, the counts, and the box that lets refused lines be left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.counts = wrapping(QLabel())
        self.counts.setObjectName("previewCounts")
        lay.addWidget(self.counts)
        filter_label = QLabel(self.tr("&Show:"))
        self.filter_combo = shrinkable_combo(QComboBox(), 14)
        self.filter_combo.setAccessibleName(self.tr("Lines shown"))
        self.filter_combo.addItem(self.tr("All lines"), Filter.ALL)
        self.filter_combo.addItem(self.tr("Refused lines"), Filter.REFUSED)
        self.filter_combo.addItem(self.tr("Duplicates"), Filter.DUPLICATES)
        filter_label.setBuddy(self.filter_combo)
        lay.addLayout(flow_row(filter_label, self.filter_combo))
        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setAccessibleName(self.tr("Lines of the file"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # the Action cell of a duplicate: double click or F2 chooses merge, skip or create
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setMinimumHeight(120)
        self.table.setItemDelegateForColumn(ACTION, DecisionDelegate(self.table))
        lay.addWidget(self.table, 1)
        self.detail = wrapping(QLabel())  # the selected line's problems, whole
        self.detail.setObjectName("lineDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.detail)
        decision_label_widget = QLabel(self.tr("&Duplicate:"))
        self.decision_combo = shrinkable_combo(QComboBox(), 14)
        self.decision_combo.setAccessibleName(self.tr("What to do with the selected duplicate"))
        for action in DECISIONS:
            self.decision_combo.addItem(decision_label(action), action)
        decision_label_widget.setBuddy(self.decision_combo)
        self.all_duplicates_button = QPushButton(self.tr("Apply to &all duplicates"))
        self.all_duplicates_button.setAccessibleName(self.tr("Apply this choice to all duplicates"))
        self.recheck_button = QPushButton(self.tr("Check the &whole file"))
        self.recheck_button.setAccessibleName(self.tr("Check the whole file again"))
        self.recheck_button.hide()
        self.skip_bad = QCheckBox(self.tr("Skip the &refused lines and import the others"))
        self.skip_bad.setAccessibleName(self.tr("Skip the refused lines"))
        lay.addLayout(
            flow_row(
                decision_label_widget,
                self.decision_combo,
                self.all_duplicates_button,
                self.skip_bad,
                self.recheck_button,
            )
        )
        self.blocked = wrapping(QLabel())
        self.blocked.setObjectName("previewBlocked")
        self.blocked.setStyleSheet(ERROR_STYLE)
        lay.addWidget(self.blocked)

    def set_model(self, model: object) -> None:
        self.table.setModel(model)  # type: ignore[arg-type]
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in (
            (LINE, 50),
            (ACTION, 125),
            (RECORD, 170),
            (EXISTING, 280),
            (PROBLEMS, 300),
        ):
            self.table.setColumnWidth(col, width)


class ResultPage(QWidget):
    """4. What was done (or would be: the simulation), and the report of refused lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.headline = wrapping(QLabel())
        self.headline.setObjectName("resultHeadline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        lay.addWidget(self.headline)
        self.summary = wrapping(QLabel())
        self.summary.setObjectName("resultSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        self.report_button = QPushButton(self.tr("&Save the report…"))
        self.report_button.setAccessibleName(self.tr("Save the refused lines as a CSV report"))
        lay.addLayout(flow_row(self.report_button))
        lay.addStretch(1)
