"""« Importer une liste… » of a session: how the list is registered — named
participants (each line a person, matched to a member or created in the public
chosen) or one group (the lines counted, no member created: a school class) — then the
import wizard (ui/imports) with services.imports.registrations' importer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.sessions import SessionRow
from tierslieu_desktop.services.imports.registrations import GroupSpec, RegistrationsImporter
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.labels import age_band_labels
from tierslieu_desktop.ui.pages.activity.dialogs import session_title
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm


class ClassListDialog(QDialog):
    """The way a list is registered to ``session``; ``importer()`` once accepted."""

    def __init__(self, ctx: AppContext, session: SessionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.setWindowTitle(self.tr("Import a list"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        title = QLabel(
            self.tr("A list of participants (CSV or XLSX) into the session “{session}”.").format(
                session=session_title(session)
            )
        )
        title.setWordWrap(True)
        lay.addWidget(title)

        self.named = QRadioButton(self.tr("&Named participants: each line is a person"))
        self.named.setAccessibleName(self.tr("Named participants"))
        self.group = QRadioButton(self.tr("One &group: the lines are counted"))
        self.group.setAccessibleName(self.tr("One group"))
        ways = QButtonGroup(self)
        for button in (self.named, self.group):
            ways.addButton(button)
        self.named.setChecked(True)

        lay.addWidget(self.named)
        named_help = QLabel(
            self.tr(
                "Each person is found among the members (same e-mail, or same name and birth "
                "year) or created in the public below. A minor needs a legal guardian column."
            )
        )
        named_help.setWordWrap(True)
        lay.addWidget(named_help)
        self.named_form = ValidatedForm()
        self.audience = QComboBox()
        self.audience.addItem(self.tr("Not given"), None)
        for row in audience_service.list_audiences(ctx.db):
            self.audience.addItem(row.name, row.id)
        self.named_form.add_field("audience", self.tr("&Public of the new members:"), self.audience)
        lay.addLayout(self.named_form)

        lay.addWidget(self.group)
        group_help = QLabel(
            self.tr(
                "One registration whose head-count is the number of lines: no pupil becomes "
                "a member. The way for a school class."
            )
        )
        group_help.setWordWrap(True)
        lay.addWidget(group_help)
        self.form = f = ValidatedForm()
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer, line = self.organisation.completer(), self.organisation.lineEdit()
        assert completer is not None and line is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        for org_id, name in member_service.list_organisations(ctx.db):
            self.organisation.addItem(name, org_id)
        self.organisation.setCurrentIndex(-1)
        line.setPlaceholderText(self.tr("School, association… (optional)"))
        f.add_field("organisation", self.tr("&Organisation:"), self.organisation)
        self.group_name = f.add_field("group_name", self.tr("Group na&me:"), QLineEdit())
        self.group_name.setMaxLength(activities.NAME_MAX)
        self.group_name.setPlaceholderText(self.tr("Year 6 class, youth club…"))
        self.responsible = f.add_field(
            "responsible_name", self.tr("&Responsible adult:"), QLineEdit()
        )
        self.age_band = QComboBox()
        self.age_band.addItem(self.tr("Not given"), None)
        for band, label in age_band_labels().items():
            self.age_band.addItem(label, band.value)
        f.add_field("age_band", self.tr("&Age band:"), self.age_band)
        lay.addLayout(f)

        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Choose the file…"))
        ok.setAccessibleName(self.tr("Choose the file"))
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        box.accepted.connect(self.submit)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.named.toggled.connect(lambda _on: self._sync())
        self._sync()

    def _sync(self) -> None:
        named = self.named.isChecked()
        self.audience.setEnabled(named)
        for widget in (self.organisation, self.group_name, self.responsible, self.age_band):
            widget.setEnabled(not named)
        self.message.hide()

    def _organisation_id(self) -> int | None:
        text = self.organisation.currentText().strip()
        index = self.organisation.findText(text) if text else -1
        return None if index < 0 else self.organisation.itemData(index)

    def importer(self) -> RegistrationsImporter:
        """The importer of the way chosen (checked by :meth:`submit`)."""
        if self.named.isChecked():
            return RegistrationsImporter(self.session.id, audience_id=self.audience.currentData())
        group = GroupSpec(
            " ".join(self.group_name.text().split()),
            organisation_id=self._organisation_id(),
            responsible_name=self.responsible.text().strip(),
            age_band=self.age_band.currentData(),
        )
        return RegistrationsImporter(self.session.id, group=group)

    def submit(self) -> bool:
        if self.group.isChecked():
            typed = self.organisation.currentText().strip()
            if typed and self._organisation_id() is None:
                self._refuse(self.tr("This organisation is not among the members."))
                return False
            if not self.group_name.text().strip() and self._organisation_id() is None:
                self._refuse(self.tr("Give the group a name (or choose its organisation)."))
                return False
        self.accept()
        return True

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
