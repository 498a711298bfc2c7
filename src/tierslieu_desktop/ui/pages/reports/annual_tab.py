"""Rapports › Rapport annuel: the year, the three text sections the user writes, and the
generation of the PDF in the background with a progress bar."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services.reporting import annual_report, report_texts, save_report_text
from tierslieu_desktop.ui import file_dialogs, printing
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved, open_path
from tierslieu_desktop.ui.pages.reports.worker import ReportJob
from tierslieu_desktop.ui.widgets.lazy import load_when_shown

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


class AnnualReportTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: ReportJob | None = None
        self.last_path: str | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The activity report for the general meeting and the funders: the year's key "
                "figures, members, machine hours, bookings, publics, the revenue balance and "
                "its trend, grants and the value of reduced access. Write the texts, then "
                "generate the PDF."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)

        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(lab_today().year - 1)
        self.year.setAccessibleName(self.tr("Year of the report"))
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        lay.addLayout(top)

        form = QFormLayout()
        self.texts: dict[str, QPlainTextEdit] = {}
        self._edited: set[str] = set()  # sections typed since loaded or saved
        titles = {
            "edito": self.tr("Editorial"),
            "faits_marquants": self.tr("Highlights of the year"),
            "perspectives": self.tr("Outlook"),
        }
        for key, title in titles.items():
            edit = QPlainTextEdit()
            edit.setAccessibleName(title)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(80)
            self.texts[key] = edit
            edit.textChanged.connect(lambda key=key: self._edited.add(key))
            form.addRow(title, edit)
        lay.addLayout(form, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save the texts"))
        self.save_button.setAccessibleName(self.tr("Save the texts"))
        self.generate_button = QPushButton(self.tr("&Generate the PDF…"))
        self.generate_button.setAccessibleName(self.tr("Generate the annual report PDF"))
        self.generate_button.setDefault(True)
        self.open_button = QPushButton(self.tr("&Open the PDF"))
        self.open_button.setAccessibleName(self.tr("Open the generated PDF"))
        self.open_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the generated report"))
        self.print_button.setEnabled(False)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        lay.addLayout(buttons)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(self.tr("Progress of the generation"))
        self.progress.setVisible(False)
        lay.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Report status"))
        lay.addWidget(self.status)

        self.year.valueChanged.connect(self._year_changed)
        self.save_button.clicked.connect(self.save_texts)
        self.generate_button.clicked.connect(self.ask_and_generate)
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        QShortcut(QKeySequence("Ctrl+G"), self, self.ask_and_generate)
        load_when_shown(self, self.load_texts)

    # --- texts --------------------------------------------------------------------------

    def current_texts(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self.texts.items()}

    def load_texts(self) -> None:
        self._loaded_year = self.year.value()
        stored = report_texts(self.ctx.db, self._loaded_year)
        for key, edit in self.texts.items():
            edit.setPlainText(stored.get(key, ""))
        self._edited.clear()

    def _year_changed(self) -> None:
        """Keep what was typed for the previous year, then show the new year's texts."""
        previous = getattr(self, "_loaded_year", None)
        if previous is not None:
            for key, edit in self.texts.items():
                if key in self._edited:
                    save_report_text(self.ctx.db, previous, key, edit.toPlainText())
        self.load_texts()

    def save_texts(self) -> None:
        year = self.year.value()
        for key, text in self.current_texts().items():
            save_report_text(self.ctx.db, year, key, text)
        self._edited.clear()
        self._say(self.tr("Texts of %1 saved.").replace("%1", str(year)), OK_STYLE)

    # --- generation ---------------------------------------------------------------------

    def ask_and_generate(self) -> None:
        if self.job is not None:
            return
        year = self.year.value()
        default = self.tr("activity-report-%1.pdf").replace("%1", str(year))
        path = file_dialogs.save_file(
            self,
            self.tr("Save the annual report"),
            default,
            self.tr("PDF files (*.pdf)"),
            kind="reports",
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.generate(path)

    def generate(self, path: str) -> None:
        """Save the texts, then build the PDF in the background and write it to ``path``."""
        if self.job is not None:
            return
        self.save_texts()
        year, texts, db = self.year.value(), self.current_texts(), self.ctx.db
        self.job = ReportJob(
            lambda progress: annual_report(db, year, texts=texts, progress=progress), path
        )
        self.job.signals.progress.connect(self.progress.setValue)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.generate_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._say(self.tr("Generating the %1 report…").replace("%1", str(year)), "")
        QThreadPool.globalInstance().start(self.job)

    def is_running(self) -> bool:
        return self.job is not None

    def _finished(self, path: str) -> None:
        self.job = None
        self.last_path = path
        self.progress.setValue(100)
        self.generate_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self._say(self.tr("Report written to %1.").replace("%1", path), OK_STYLE)
        announce_saved(self, path, "report")

    def _failed(self, message: str) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.generate_button.setEnabled(True)
        self._say(
            self.tr("The report could not be generated: %1").replace("%1", message), ERROR_STYLE
        )

    def open_pdf(self) -> None:
        if self.last_path:
            open_path(self, self.last_path, "report")

    def print_pdf(self) -> bool:
        """The report written last, in the print preview."""
        if not self.last_path:
            return False
        with open(self.last_path, "rb") as fh:
            data = fh.read()
        return printing.print_pdf(self, data, "report", self.tr("Print the annual report"))

    def _say(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)
