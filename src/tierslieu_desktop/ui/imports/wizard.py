"""The import wizard: any importer of the ``services.imports.base.Importer`` shape (members,
machines, a class list), in four steps.

1. The file (``file_dialogs.open_file``) and its source, detected and changeable.
2. The mapping: a column of the file for each field — what the user chose last time for
   this source (``services.imports.mappings``, when its columns are in the file), else
   the importer's suggestion.
3. The preview: the first 100 lines read and planned at once on the window's thread
   (``read_table(limit=100)``: well under a second for a 20,000-line file), then the
   whole file read and planned in the thread pool with a bar and « Annuler » under the
   table; each line's action, its errors naming the line and the field, and for a
   duplicate the existing record and the user's choice (merge, skip, create anyway).
4. « Simuler (aucune écriture) » shows what the import would do from the plan alone;
   « Importer » asks with the counts, then ``apply`` runs in the thread pool (one
   transaction: « Annuler » writes nothing); a refused line blocks it until the user
   ticks « ignorer les lignes refusées ». The result names what was created, merged,
   skipped and refused, and « Enregistrer le rapport… » writes the refused lines as CSV.

The wizard takes the importer object: ``ImportWizard(ctx, importer).exec()`` opens it for
any kind of import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.imports import mappings
from tierslieu_desktop.services.imports.base import (
    Action,
    Importer,
    ImportPlan,
    ImportResult,
    LineError,
)
from tierslieu_desktop.services.imports.tables import Table, cell_text, read_table
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.background import cancelled_text
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.imports.jobs import CancelCheck, InlineJob, Progress, Work
from tierslieu_desktop.ui.imports.pages import (
    ERROR_STYLE,
    FilePage,
    MappingPage,
    PreviewPage,
    ResultPage,
)
from tierslieu_desktop.ui.imports.preview_model import (
    EXISTING,
    PROBLEMS,
    PreviewModel,
    effective_action,
    is_duplicate,
)
from tierslieu_desktop.ui.imports.words import error_text, field_label
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.responsive import flow_row, wrapping

PREVIEW_LINES = 100
FILE_STEP, MAPPING_STEP, PREVIEW_STEP, RESULT_STEP = range(4)
Mapping_ = dict[str, str | None]


def counts_of(plan: ImportPlan, decisions: Mapping[int, Action]) -> dict[Action, int]:
    counts = dict.fromkeys(Action, 0)
    for line in plan.lines:
        counts[effective_action(line, decisions)] += 1
    return counts


class ImportWizard(QDialog):
    """``importer``: the members, machines or class-list importer; ``sources``: the
    formats the user may choose, (key, label), first the default; ``detect``: the
    source a file's table looks like (None: the first source); ``entities``: what
    ``ctx.notify`` announces after the import (the pages showing them refresh)."""

    def __init__(
        self,
        ctx: AppContext,
        importer: Importer,
        parent: QWidget | None = None,
        *,
        title: str = "",
        sources: Sequence[tuple[str, str]] = (),
        detect: Callable[[Table], str] | None = None,
        entities: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.importer = importer
        self.detect = detect
        self.entities = tuple(entities) or (importer.kind.removesuffix("s"),)
        self.setWindowTitle(title or self.tr("Import"))
        self.setAccessibleName(self.windowTitle())
        self.path: Path | None = None
        self.head: Table | None = None  # the first lines, read at once
        self.plan: ImportPlan | None = None  # the first lines' plan, then the whole file's
        self.complete = False  # self.plan covers the whole file
        self.decisions: dict[int, Action] = {}
        self.outcome: ImportResult | None = None
        self.simulated = False
        self.job: InlineJob | None = None
        self._generation = 0  # a plan started before a change of mapping is dropped
        self._close_when_done = False

        lay = QVBoxLayout(self)
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        font = self.step_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.step_title.setFont(font)
        lay.addWidget(self.step_title)
        self.stack = QStackedWidget()
        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.preview_page = PreviewPage()
        self.result_page = ResultPage()
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.stack.addWidget(page)
        lay.addWidget(self.stack, 1)
        self.model = PreviewModel(ctx.language)
        self.model.decided.connect(self._decided)
        self.preview_page.set_model(self.model)

        progress_row = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel: nothing is written"))
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        self.progress_box.hide()
        lay.addWidget(self.progress_box)
        self.status = wrapping(QLabel())
        self.status.setObjectName("wizardStatus")
        lay.addWidget(self.status)

        self.back_button = QPushButton(self.tr("< &Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous step"))
        self.next_button = QPushButton(self.tr("&Next >"))
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.simulate_button = QPushButton(self.tr("Si&mulate (nothing written)"))
        self.simulate_button.setAccessibleName(self.tr("Simulate the import: nothing is written"))
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import the file"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the import"))
        buttons = flow_row(
            self.back_button,
            self.next_button,
            self.simulate_button,
            self.import_button,
            self.close_button,
        )
        lay.addLayout(buttons)

        for key, label in sources or (("csv", self.tr("Spreadsheet (CSV or XLSX)")),):
            self.file_page.source_combo.addItem(label, key)
        self.file_page.choose_button.clicked.connect(self.choose_file)
        self.file_page.source_combo.currentIndexChanged.connect(self._update_buttons)
        self.preview_page.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.preview_page.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.preview_page.decision_combo.activated.connect(self._decision_chosen)
        self.preview_page.all_duplicates_button.clicked.connect(self.apply_to_all_duplicates)
        self.preview_page.skip_bad.toggled.connect(lambda _on: self._update_preview_state())
        self.preview_page.recheck_button.clicked.connect(self.start_preview)
        self.result_page.report_button.clicked.connect(self.save_report)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.simulate_button.clicked.connect(self.simulate)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.resize(920, 560)
        self.show_step(FILE_STEP)

    # --- steps ----------------------------------------------------------------------

    @property
    def source(self) -> str:
        return str(self.file_page.source_combo.currentData() or "csv")

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def show_step(self, step: int) -> None:
        titles = {
            FILE_STEP: self.tr("Step 1 of 4 — The file"),
            MAPPING_STEP: self.tr("Step 2 of 4 — The columns"),
            PREVIEW_STEP: self.tr("Step 3 of 4 — Preview: nothing is written yet"),
            RESULT_STEP: self.tr("Step 4 of 4 — Result"),
        }
        self.stack.setCurrentIndex(step)
        self.step_title.setText(titles[step])
        self.status.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        step, busy = self.step, self.job is not None and self.job.running
        self.back_button.setVisible(
            step != FILE_STEP and not (step == RESULT_STEP and not self.simulated)
        )
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(step in (FILE_STEP, MAPPING_STEP))
        self.next_button.setEnabled(self.head is not None and not busy)
        on_preview = step == PREVIEW_STEP
        simulated = step == RESULT_STEP and self.simulated  # « Importer » right after
        self.simulate_button.setVisible(on_preview)
        self.import_button.setVisible(on_preview or simulated)
        self.file_page.choose_button.setEnabled(not busy)
        if on_preview or simulated:
            self._update_preview_state()
        self.close_button.setText(
            self.tr("Close") if step == RESULT_STEP and not self.simulated else self.tr("Cancel")
        )

    def back(self) -> None:
        if self.step == RESULT_STEP:
            self.show_step(PREVIEW_STEP)
        elif self.step == PREVIEW_STEP:
            self._drop_plan()
            self.show_step(MAPPING_STEP)
        elif self.step == MAPPING_STEP:
            self.show_step(FILE_STEP)

    def next(self) -> None:
        if self.step == FILE_STEP and self.head is not None:
            self.build_mapping()
            self.show_step(MAPPING_STEP)
        elif self.step == MAPPING_STEP:
            mappings.save_mapping(self.importer.kind, self.source, self.mapping())
            self.show_step(PREVIEW_STEP)
            self.start_preview()

    # --- 1. the file ----------------------------------------------------------------

    def choose_file(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Choose the file to import"),
            "",
            self.tr("Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"),
            kind="import",
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> bool:
        """Read the first lines of ``path``, detect its source, say what was read."""
        info = self.file_page.info
        self._drop_plan()
        try:
            head = read_table(path, limit=PREVIEW_LINES)
        except DomainError as err:
            self.path, self.head = None, None
            self.file_page.path_edit.setText(str(path))
            info.setStyleSheet(ERROR_STYLE)
            info.setText(error_message(err))
            self._update_buttons()
            return False
        self.path, self.head = path, head
        self.file_page.path_edit.setText(str(path))
        if self.detect is not None:
            index = self.file_page.source_combo.findData(self.detect(head))
            if index >= 0:
                self.file_page.source_combo.setCurrentIndex(index)
        info.setStyleSheet("")
        if head.kind == "xlsx":
            read = self.tr("Spreadsheet (XLSX), {count} columns.").format(count=len(head.headers))
        else:
            separators = {";": "« ; »", ",": "« , »", "\t": self.tr("tab")}
            read = self.tr(
                "CSV file, {count} columns, separated by {separator}, {encoding}."
            ).format(
                count=len(head.headers),
                separator=separators.get(head.separator, head.separator),
                encoding=self._encoding_name(head.encoding),
            )
        columns = ", ".join(h for h in head.headers if h)
        detected = self.file_page.source_combo.currentText()
        info.setText(
            read
            + "\n"
            + self.tr("Source recognised: {source} (change it above if it is not).").format(
                source=detected
            )
            + "\n"
            + self.tr("Columns: {columns}").format(columns=columns)
        )
        self._update_buttons()
        return True

    def _encoding_name(self, encoding: str) -> str:
        names = {
            "utf-8": self.tr("UTF-8"),
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "cp1252": self.tr("Windows-1252 (older Excel)"),
        }
        return names.get(encoding, encoding)

    # --- 2. the mapping ---------------------------------------------------------------

    def build_mapping(self) -> None:
        assert self.head is not None
        head = self.head
        page = self.mapping_page
        page.build(self.importer.fields, head.headers, self.ctx.language)
        chosen = mappings.mapping_for(self.importer, head.headers, self.source)
        for key, combo in page.combos.items():
            column = chosen.get(key)
            index = head.column(column)
            combo.setCurrentIndex(0 if index is None else index + 1)
            combo.currentIndexChanged.connect(lambda _i, k=key: self._show_sample(k))
            combo.currentIndexChanged.connect(self._check_required)
            self._show_sample(key)
        self._check_required()

    def _check_required(self) -> None:
        """A required field without a column: said, not blocking — another field may fill
        it (a "Nom & prénom" column fills the last name), the preview shows each line."""
        mapping = self.mapping()
        missing = [
            field_label(spec.key, self.ctx.language)
            for spec in self.importer.fields
            if spec.required and mapping.get(spec.key) is None
        ]
        self.mapping_page.problem.setText(
            self.tr(
                "No column for: {fields}. Lines where nothing else fills them will be refused."
            ).format(fields=", ".join(missing))
            if missing
            else ""
        )

    def _show_sample(self, key: str) -> None:
        assert self.head is not None
        column = self.mapping_page.combos[key].currentData()
        index = self.head.column(column)
        sample = ""
        if index is not None:
            sample = next(
                (cell_text(r.get(index)) for r in self.head.rows if r.get(index) is not None), ""
            )
        label = self.mapping_page.samples[key]
        label.setText(self.tr("e.g. {value}").format(value=sample[:40]) if sample else "")

    def mapping(self) -> Mapping_:
        return {key: combo.currentData() for key, combo in self.mapping_page.combos.items()}

    # --- 3. the preview -----------------------------------------------------------------

    def _drop_plan(self) -> None:
        self._generation += 1
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.plan, self.complete = None, False
        self.decisions = {}
        self.model.set_plan(None, self.decisions)

    def start_preview(self) -> None:
        """The first lines planned at once; the whole file then, in the thread pool."""
        assert self.head is not None and self.path is not None
        kept = dict(self.decisions)  # « Vérifier tout le fichier » keeps the choices made
        self._drop_plan()
        self.decisions = kept
        mapping, source = self.mapping(), self.source
        try:
            plan = self.importer.plan(self.ctx.db, self.head, mapping, source=source)
        except DomainError as err:
            self.status.setText(error_message(err))
            return
        self._show_plan(plan, complete=self.head.complete)
        if self.head.complete:
            return
        db, importer, path = self.ctx.db, self.importer, self.path
        generation = self._generation

        def work(progress: Progress, cancelled: CancelCheck) -> ImportPlan:
            table = read_table(path)
            return importer.plan(
                db, table, mapping, source=source, progress=progress, cancelled=cancelled
            )

        self._run(
            work,
            self.tr("Checking the whole file…"),
            lambda plan: self._whole_file_planned(plan, generation),
            lambda err: self._whole_file_failed(err, generation),
        )

    def _whole_file_planned(self, plan: object, generation: int) -> None:
        if generation == self._generation and isinstance(plan, ImportPlan):
            self._show_plan(plan, complete=True)

    def _whole_file_failed(self, err: DomainError, generation: int) -> None:
        if generation != self._generation:
            return
        if err.code == "cancelled":
            self.status.setText(
                self.tr(
                    "Checking stopped: only the first {count} lines are checked; check the "
                    "whole file to import it."
                ).format(count=PREVIEW_LINES)
            )
        else:
            self.status.setText(error_message(err))

    def _show_plan(self, plan: ImportPlan, *, complete: bool) -> None:
        current = self.current_line()
        self.plan, self.complete = plan, complete
        duplicates = {line.line for line in plan.lines if line.duplicate_of is not None}
        self.decisions = {k: v for k, v in self.decisions.items() if k in duplicates}
        self.model.set_plan(plan, self.decisions)
        if current is not None:
            self.select_line(current)
        self._row_changed()
        self._update_preview_state()

    def _filter_changed(self) -> None:
        current = self.current_line()
        self.model.set_filter(str(self.preview_page.filter_combo.currentData()))
        if current is not None:
            self.select_line(current)
        self._row_changed()

    def current_line(self) -> int | None:
        index = self.preview_page.table.currentIndex()
        line = self.model.line_at(index.row()) if index.isValid() else None
        return line.line if line is not None else None

    def select_line(self, number: int) -> bool:
        row = self.model.row_of_line(number)
        if row < 0:
            return False
        table = self.preview_page.table
        table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.scrollTo(self.model.index(row, 0))
        return True

    def _row_changed(self, *_args: QModelIndex) -> None:
        index = self.preview_page.table.currentIndex()
        line = self.model.line_at(index.row()) if index.isValid() else None
        combo = self.preview_page.decision_combo
        duplicate = line is not None and is_duplicate(line)
        combo.setEnabled(duplicate)
        self.preview_page.all_duplicates_button.setEnabled(duplicate)
        detail = ""
        if line is not None:
            detail = str(self.model.index(index.row(), PROBLEMS).data() or "")
            if not detail and line.duplicate_of is not None:
                detail = self.tr("Line {line} matches an existing record: {record}").format(
                    line=formatting.number(line.line),
                    record=self.model.index(index.row(), EXISTING).data(),
                )
        self.preview_page.detail.setText(detail)
        if line is not None and duplicate:
            combo.setCurrentIndex(max(combo.findData(effective_action(line, self.decisions)), 0))

    def _decision_chosen(self, _index: int) -> None:
        index = self.preview_page.table.currentIndex()
        if index.isValid():
            self.model.decide(index.row(), Action(self.preview_page.decision_combo.currentData()))

    def _decided(self, _line: int) -> None:
        self._row_changed()  # the combo follows a choice made in the table's cell
        self._update_preview_state()

    def set_decision(self, number: int, action: Action) -> None:
        """Choose for the duplicate on line ``number`` (as the combo does)."""
        if self.select_line(number):
            combo = self.preview_page.decision_combo
            combo.setCurrentIndex(combo.findData(action))
            self._decision_chosen(combo.currentIndex())

    def apply_to_all_duplicates(self) -> None:
        if self.plan is None:
            return
        action = Action(self.preview_page.decision_combo.currentData())
        for line in self.plan.lines:
            if line.duplicate_of is not None and line.action is not Action.REFUSED:
                self.decisions[line.line] = action
        self.model.all_changed()
        self._update_preview_state()

    def counts(self) -> dict[Action, int]:
        return counts_of(self.plan, self.decisions) if self.plan is not None else {}

    def _update_preview_state(self) -> None:
        page = self.preview_page
        busy = self.job is not None and self.job.running
        if self.plan is None:
            page.counts.clear()
            page.blocked.clear()
            self.simulate_button.setEnabled(False)
            self.import_button.setEnabled(False)
            return
        counts = self.counts()
        total = len(self.plan.lines)
        text = self.tr(
            "Lines: {total} — to create: {create}, to merge: {merge}, skipped: {skip}, "
            "refused: {refused}."
        ).format(
            total=formatting.number(total),
            create=formatting.number(counts[Action.CREATE]),
            merge=formatting.number(counts[Action.MERGE]),
            skip=formatting.number(counts[Action.SKIP]),
            refused=formatting.number(counts[Action.REFUSED]),
        )
        if not self.complete:
            text += " " + self.tr("(the first {count} lines; the rest is being checked)").format(
                count=formatting.number(total)
            )
        page.counts.setText(text)
        refused = counts[Action.REFUSED]
        page.skip_bad.setEnabled(refused > 0)
        blocked = refused > 0 and not page.skip_bad.isChecked()
        if blocked:
            page.blocked.setText(
                self.tr(
                    "%Ln refused lines block the import: correct the file, or tick "
                    "“Skip the refused lines” to import the others.",
                    "",
                    refused,
                )
            )
        else:
            page.blocked.clear()
        page.recheck_button.setVisible(not self.complete and not busy)
        self.simulate_button.setEnabled(self.complete and not busy)
        self.import_button.setEnabled(self.complete and not busy and not blocked)

    # --- 4. simulate, import, report ---------------------------------------------------

    def simulate(self) -> None:
        """What the import would do, from the plan alone: nothing is written."""
        if self.plan is None or not self.complete:
            return
        counts = self.counts()
        refused = tuple(e for line in self.plan.lines for e in line.errors)
        self.simulated = True
        self.outcome = ImportResult(
            created=counts[Action.CREATE],
            merged=counts[Action.MERGE],
            skipped=counts[Action.SKIP],
            refused=refused,
            written=False,
        )
        self._show_result()

    def start_import(self) -> None:
        if self.plan is None or not self.complete or (self.job is not None and self.job.running):
            return
        counts = self.counts()
        skip_bad = self.preview_page.skip_bad.isChecked()
        if counts[Action.REFUSED] and not skip_bad:
            return
        text = self.tr(
            "Import this file? To create: {create}, to merge: {merge}, skipped: {skip}."
        ).format(
            create=formatting.number(counts[Action.CREATE]),
            merge=formatting.number(counts[Action.MERGE]),
            skip=formatting.number(counts[Action.SKIP]),
        )
        if counts[Action.REFUSED]:
            text += " " + self.tr("%Ln refused lines are left out.", "", counts[Action.REFUSED])
        if not confirm(self, self.windowTitle(), text, self.tr("Import")):
            return
        db, importer, plan = self.ctx.db, self.importer, self.plan
        decisions = dict(self.decisions)
        operator_id = self.ctx.operator_id

        def work(progress: Progress, cancelled: CancelCheck) -> ImportResult:
            return importer.apply(
                db,
                plan,
                decisions=decisions,
                skip_bad=skip_bad,
                operator_id=operator_id,
                progress=progress,
                cancelled=cancelled,
            )

        self._run(work, self.tr("Importing…"), self._imported, self._import_failed)

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.simulated = False
        self.outcome = result
        if result.written:
            for entity in self.entities:
                self.ctx.notify(entity, [])
        self._show_result()

    def _import_failed(self, err: DomainError) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(cancelled_text() if err.code == "cancelled" else error_message(err))

    def _show_result(self) -> None:
        result = self.outcome
        assert result is not None
        self.show_step(RESULT_STEP)
        page = self.result_page
        if self.simulated:
            page.headline.setText(self.tr("Simulation: nothing was written."))
            lines = [
                self.tr("Would be created: {count}").format(
                    count=formatting.number(result.created)
                ),
                self.tr("Would be merged: {count}").format(count=formatting.number(result.merged)),
                self.tr("Would be skipped: {count}").format(
                    count=formatting.number(result.skipped)
                ),
            ]
        else:
            page.headline.setText(
                self.tr("Import done.") if result.written else self.tr("Nothing was imported.")
            )
            lines = [
                self.tr("Created: {count}").format(count=formatting.number(result.created)),
                self.tr("Merged: {count}").format(count=formatting.number(result.merged)),
                self.tr("Skipped: {count}").format(count=formatting.number(result.skipped)),
            ]
        lines.append(
            self.tr("Refused lines: {count}").format(
                count=formatting.number(len({e.line for e in result.refused}))
            )
        )
        shown = [self.refused_text(e) for e in result.refused[:20]]
        if len(result.refused) > 20:
            shown.append(self.tr("… and more in the report."))
        if shown:
            lines += ["", *shown]
        page.summary.setText("\n".join(lines))
        page.report_button.setEnabled(bool(result.refused))

    def refused_text(self, err: LineError) -> str:
        return error_text(err, self.ctx.language)

    def report_csv(self) -> bytes:
        """The refused lines as a CSV a spreadsheet opens (UTF-8 with BOM, « ; »)."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([self.tr("Line"), self.tr("Field"), self.tr("Problem"), self.tr("Value")])
        for err in self.outcome.refused if self.outcome is not None else ():
            writer.writerow(
                [
                    err.line,
                    field_label(err.field, self.ctx.language),
                    error_text(err, self.ctx.language),
                    err.value,
                ]
            )
        return out.getvalue().encode("utf-8-sig")

    def save_report(self) -> str:
        if self.outcome is None or not self.outcome.refused:
            return ""
        name = (self.path.stem if self.path else "import") + "-" + self.tr("refused") + ".csv"
        path = file_dialogs.save_file(
            self, self.tr("Save the report"), name, self.tr("CSV files (*.csv)"), kind="report"
        )
        if path:
            write_private_bytes(path, self.report_csv())
            announce_saved(self, path, "report")
        return path

    # --- the work in the thread pool ---------------------------------------------------

    def _run(
        self,
        work: Work,
        label: str,
        on_success: Callable[[object], None],
        on_error: Callable[[DomainError], None],
    ) -> InlineJob:
        if self.job is not None:
            self.job.deleteLater()
        self.status.clear()
        self.status.setStyleSheet("")
        job = self.job = InlineJob(work, self)
        self.progress_label.setText(label)
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.progress_box.show()
        job.progress.connect(self._on_progress)
        job.succeeded.connect(on_success)
        job.failed.connect(on_error)
        job.done.connect(self._job_done)
        job.start()
        self._update_buttons()
        return job

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress_bar.maximum() != total:
            self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def cancel_job(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _job_done(self) -> None:
        self.progress_box.hide()
        self._update_buttons()
        if self._close_when_done:
            super().reject()

    def reject(self) -> None:
        """Closing while work runs cancels it first (nothing written), then closes."""
        if self.job is not None and self.job.running:
            self._close_when_done = True
            self.cancel_job()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None and self.job.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def keyPressEvent(self, event: object) -> None:  # Enter must not close the wizard
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.next_button.isVisible() and self.next_button.isEnabled():
                self.next()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
