"""Paramètres › Données personnelles (issue 19, point 3; docs/legal-fr.md §7): the
retention assistant — the persons without any activity for N years (3 by default),
listed, then anonymised together after confirmation, in one transaction run off the
window's thread behind a progress dialog (cancelling undoes it all) — and the register
of processing activities (art. 30 GDPR) written as a PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.privacy import anonymise as anonymise_service
from tierslieu_desktop.services.privacy import retention as retention_service
from tierslieu_desktop.services.privacy.retention import InactiveMember
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.background import BackgroundTask, CancelCheck, Progress
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import run_write, show_error
from tierslieu_desktop.ui.pages.members.personal_data_dialog import blocker_text
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.lazy import load_when_shown


class PersonalDataTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[InactiveMember] = []
        self.job: BackgroundTask | None = None
        lay = QVBoxLayout(self)

        box = QGroupBox(self.tr("Retention of members' data"))
        bl = QVBoxLayout(box)
        intro = QLabel(
            self.tr(
                "A member's data is kept while they come and for a few years after their "
                "last activity, then anonymised. Their invoices stay, with the buyer as "
                "issued (10 years)."
            )
        )
        intro.setWordWrap(True)
        bl.addWidget(intro)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Without activity for:"))
        self.years = QSpinBox()
        self.years.setRange(retention_service.MIN_YEARS, retention_service.MAX_YEARS)
        self.years.setSuffix(self.tr(" years"))
        self.years.setAccessibleName(self.tr("Years without activity"))
        label.setBuddy(self.years)
        self.list_button = QPushButton(self.tr("&List"))
        self.list_button.setAccessibleName(self.tr("List the members without activity"))
        self.list_button.clicked.connect(self.list_inactive)
        row.addWidget(label)
        row.addWidget(self.years)
        row.addWidget(self.list_button)
        row.addStretch(1)
        bl.addLayout(row)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Name"), self.tr("Last activity"), self.tr("Status")]
        )
        self.table.setAccessibleName(self.tr("Members without activity"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        bl.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("retentionSummary")
        row.addWidget(self.summary, 1)
        self.anonymise_button = QPushButton(self.tr("&Anonymise them…"))
        self.anonymise_button.setAccessibleName(self.tr("Anonymise the members listed"))
        self.anonymise_button.clicked.connect(self.anonymise_listed)
        self.anonymise_button.setEnabled(False)
        row.addWidget(self.anonymise_button, 0, Qt.AlignmentFlag.AlignBottom)
        bl.addLayout(row)
        lay.addWidget(box, 1)

        reg = QGroupBox(self.tr("Register of processing activities"))
        rl = QHBoxLayout(reg)
        text = QLabel(
            self.tr(
                "The processings this software performs, with their purposes, legal bases, "
                "data, recipients and retention periods (GDPR art. 30)."
            )
        )
        text.setWordWrap(True)
        rl.addWidget(text, 1)
        self.register_button = QPushButton(self.tr("&Register (PDF)…"))
        self.register_button.setAccessibleName(self.tr("Write the register of processing"))
        self.register_button.clicked.connect(self.write_register)
        rl.addWidget(self.register_button)
        lay.addWidget(reg)
        load_when_shown(self, self.reload)

    def reload(self) -> None:
        self.years.setValue(retention_service.retention_years(self.ctx.db))

    # --- the retention assistant -------------------------------------------------------

    def list_inactive(self) -> None:
        years = self.years.value()
        if years != retention_service.retention_years(self.ctx.db):
            try:
                run_write(
                    self,
                    lambda: retention_service.set_retention_years(
                        self.ctx.db, self.ctx.operator_id, years
                    ),
                )
            except DomainError as exc:
                show_error(self, exc)
                return
        self.rows = retention_service.inactive_members(self.ctx.db, years)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            status = (
                "; ".join(blocker_text(b) for b in r.blockers)
                if r.blockers
                else self.tr("can be anonymised")
            )
            cells = (r.number, r.name, formatting.short_date(r.last_activity), status)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.member_id)
                self.table.setItem(i, col, item)
        ready = self.ready_ids()
        self.summary.setText(
            self.tr("%Ln members without activity;", "", len(self.rows))
            + " "
            + self.tr("%Ln can be anonymised.", "", len(ready))
        )
        self.anonymise_button.setEnabled(bool(ready))

    def ready_ids(self) -> list[int]:
        return [r.member_id for r in self.rows if not r.blockers]

    def anonymise_listed(self) -> None:
        ids = self.ready_ids()
        if not ids or not confirm(
            self,
            self.tr("Anonymise the members"),
            self.tr(
                "Anonymise these %Ln members? This cannot be undone: their names, "
                "contact details, notes and consents are erased; their invoices stay.",
                "",
                len(ids),
            ),
            self.tr("Anonymise %Ln members", "", len(ids)),
        ):
            return
        db, actor = self.ctx.db, self.ctx.operator_id

        def work(progress: Progress, cancelled: CancelCheck) -> int:
            def step(done: int, total: int) -> None:
                if cancelled():
                    raise DomainError("cancelled")  # the whole transaction rolls back
                progress(done, total)

            return anonymise_service.anonymise_members(db, actor, ids, step)

        self.job = BackgroundTask(
            self,
            self.tr("Anonymise the members"),
            self.tr("Anonymising %Ln members…", "", len(ids)),
            work,
            lambda _n: self._anonymised(ids),
            self._failed,
            dialog_name=self.tr("Anonymisation progress"),
            cancel_text=self.tr("Cancel"),
            cancel_name=self.tr("Cancel the anonymisation"),
            cancelling_text=self.tr("Cancelling: nothing will be anonymised…"),
        ).start()

    def _anonymised(self, ids: list[int]) -> None:
        self.ctx.notify("member", ids)
        self.list_inactive()
        self.summary.setText(
            self.tr("%Ln members anonymised.", "", len(ids)) + " " + self.summary.text()
        )

    def _failed(self, err: DomainError) -> None:
        if err.code == "cancelled":
            self.summary.setText(self.tr("Cancelled: nobody was anonymised."))
            return
        show_error(self, err)
        self.list_inactive()

    # --- the register ------------------------------------------------------------------

    def write_register(self) -> None:
        path = file_dialogs.save_file(
            self,
            self.tr("Register of processing activities"),
            "registre-des-traitements.pdf",
            self.tr("PDF files (*.pdf)"),
            kind="report",
        )
        if path and self.write_register_to(path):
            announce_saved(self, path, "report")

    def write_register_to(self, path: str) -> bool:
        from tierslieu_desktop.reports.personal_data import processing_register_pdf
        from tierslieu_desktop.services.privacy.register import processing_register

        try:
            write_private_bytes(path, processing_register_pdf(processing_register(self.ctx.db)))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Register of processing activities"),
                self.tr("The file could not be written: {error}").format(error=exc.strerror or exc),
            )
            return False
        return True
