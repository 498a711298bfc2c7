"""Create or edit a member: every error is shown next to its field, nothing is saved
until every field is valid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.enums import (
    AgeBand,
    Gender,
    MemberKind,
    OrganisationType,
    Situation,
)
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.people.members import MemberInput
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.labels import (
    age_band_labels,
    gender_labels,
    organisation_type_labels,
    situation_labels,
)
from tierslieu_desktop.ui.stale import changed_elsewhere, reload_button
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm

LEFT_FIELDS = (
    "first_name",
    "last_name",
    "organisation_type",
    "siret",
    "vat_number",
    "service_code",
    "commitment_number",
    "monthly_invoicing",
    "birth_year",
    "age_band",
    "email",
    "phone",
    "address",
    "postcode",
    "city",
)


class MemberDialog(QDialog):
    """``MemberDialog(ctx)`` creates, ``MemberDialog(ctx, member_id)`` edits.
    ``submit()`` validates and saves; it returns the member id, or None when a field
    is invalid (the messages are then shown under the fields)."""

    def __init__(
        self, ctx: AppContext, member_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.saved_id: int | None = None
        self.loaded_version: int | None = None  # the card's version when it was loaded
        self.loaded_data: MemberInput | None = None  # and its values
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("New member") if member_id is None else self.tr("Edit member"))
        self.setMinimumWidth(860)

        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setObjectName("dialogBanner")
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        # another desk saved the card first: the typed values stay, « Recharger » loads
        # the saved ones (issue 20 point 4)
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(self.reload)
        outer.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)

        kind_row = QHBoxLayout()
        self.person_radio = QRadioButton(self.tr("&Person"))
        self.person_radio.setAccessibleName(self.tr("Person"))
        self.organisation_radio = QRadioButton(self.tr("&Organisation"))
        self.organisation_radio.setAccessibleName(self.tr("Organisation"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.person_radio)
        self.kind_group.addButton(self.organisation_radio)
        self.person_radio.setChecked(True)
        kind_row.addWidget(self.person_radio)
        kind_row.addWidget(self.organisation_radio)
        kind_row.addStretch(1)
        outer.addLayout(kind_row)

        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        left_box = QGroupBox(self.tr("Identity and contact"))
        self.left = ValidatedForm(left_box)
        right_box = QGroupBox(self.tr("Public, links and consents"))
        self.right = ValidatedForm(right_box)
        columns.addWidget(left_box, 1)
        columns.addWidget(right_box, 1)

        f = self.left
        self.first_name = f.add_field("first_name", self.tr("&First name:"), QLineEdit())
        self.last_name = f.add_field("last_name", self.tr("&Last name:"), QLineEdit())
        self.organisation_type = f.add_field("organisation_type", self.tr("Type:"), QComboBox())
        for value, label in organisation_type_labels().items():
            self.organisation_type.addItem(label, value.value)
        self.siret = f.add_field("siret", self.tr("SIRET:"), QLineEdit())
        self.siret.setPlaceholderText(self.tr("14 digits"))
        self.vat_number = f.add_field("vat_number", self.tr("VAT number:"), QLineEdit())
        self.vat_number.setPlaceholderText(self.tr("e.g. FR40303265045 (if any)"))
        self.vat_number.setMaxLength(20)
        self.service_code = f.add_field(
            "service_code", self.tr("Chorus Pro service code:"), QLineEdit()
        )
        self.service_code.setPlaceholderText(self.tr("given by the public body (optional)"))
        self.service_code.setMaxLength(100)
        self.commitment_number = f.add_field(
            "commitment_number", self.tr("Commitment number:"), QLineEdit()
        )
        self.commitment_number.setPlaceholderText(
            self.tr("engagement juridique given by the public buyer (optional)")
        )
        self.commitment_number.setMaxLength(50)
        self.monthly_invoicing = f.add_field(
            "monthly_invoicing",
            self.tr("Invoicing:"),
            QCheckBox(self.tr("Monthly invoicing")),
        )
        self.monthly_invoicing.setToolTip(
            self.tr("Its usages are invoiced once a month, in one batch, instead of at the desk.")
        )
        self.birth_year = f.add_field("birth_year", self.tr("&Birth year:"), QLineEdit())
        self.birth_year.setPlaceholderText(self.tr("e.g. 1987 (optional)"))
        self.birth_year.setMaxLength(4)
        self.age_band = f.add_field("age_band", self.tr("Age band:"), QComboBox())
        self.age_band.addItem(self.tr("Not given"), None)
        for band, label in age_band_labels().items():
            self.age_band.addItem(label, band.value)
        self.email = f.add_field("email", self.tr("&Email:"), QLineEdit())
        self.email.setPlaceholderText("prenom.nom@exemple.fr")
        self.phone = f.add_field("phone", self.tr("P&hone:"), QLineEdit())
        self.phone.setPlaceholderText("05 65 38 00 00")
        self.address = f.add_field("address", self.tr("Address:"), QLineEdit())
        self.postcode = f.add_field("postcode", self.tr("&Postcode:"), QLineEdit())
        self.postcode.setMaxLength(5)
        self.postcode.setPlaceholderText("46400")
        self.city = f.add_field("city", self.tr("&Commune:"), QLineEdit())

        g = self.right
        self.audience = g.add_field("audience_id", self.tr("P&ublic:"), QComboBox())
        self.audience.addItem(self.tr("Not given"), None)
        for a in audience_service.list_audiences(ctx.db):
            self.audience.addItem(a.name, a.id)
        # Issue 16: optional, never required at the desk (« Not given » by default).
        self.gender = g.add_field("gender", self.tr("Gender:"), QComboBox())
        self.gender.addItem(self.tr("Not given"), None)
        for gender, label in gender_labels().items():
            self.gender.addItem(label, gender.value)
        self.situation = g.add_field("situation", self.tr("Situation:"), QComboBox())
        self.situation.addItem(self.tr("Not given"), None)
        for situation, label in situation_labels().items():
            self.situation.addItem(label, situation.value)
        self.situation.setToolTip(
            self.tr("Optional: asked for the funders' figures, never required.")
        )
        self.organisation = g.add_field(
            "organisation_id", self.tr("Member of the organisation:"), QComboBox()
        )
        self.organisation.addItem(self.tr("None"), None)
        for org_id, name in member_service.list_organisations(ctx.db):
            if org_id != member_id:
                self.organisation.addItem(name, org_id)
        self.consent_newsletter = g.add_field(
            "consent_newsletter",
            self.tr("Newsletter:"),
            QCheckBox(self.tr("Agrees to receive the newsletter")),
        )
        self.consent_photos = g.add_field(
            "consent_photos",
            self.tr("Photos:"),
            QCheckBox(self.tr("Agrees to appear in photos of the lab")),
        )
        self.guardian_name = g.add_field("guardian_name", self.tr("Legal &guardian:"), QLineEdit())
        self.guardian_name.setPlaceholderText(self.tr("required for a minor"))
        self.guardian_phone = g.add_field(
            "guardian_phone", self.tr("Guardian's phone:"), QLineEdit()
        )
        self.guardian_email = g.add_field(
            "guardian_email", self.tr("Guardian's email:"), QLineEdit()
        )
        self.notes = g.add_field("notes", self.tr("&Notes:"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        self.person_radio.toggled.connect(self._update_kind)
        self.organisation_type.currentIndexChanged.connect(self._update_kind)
        if member_id is not None:
            self._load(member_id)
        self._update_kind()
        (self.last_name if self.organisation_radio.isChecked() else self.first_name).setFocus()

    # --- state -------------------------------------------------------------------

    def _kind(self) -> MemberKind:
        return MemberKind.PERSON if self.person_radio.isChecked() else MemberKind.ORGANISATION

    def _update_kind(self, *_args: object) -> None:
        person = self._kind() == MemberKind.PERSON
        for name in ("first_name", "birth_year", "age_band"):
            self.left.set_field_visible(name, person)
        for name in ("organisation_type", "siret", "vat_number", "monthly_invoicing"):
            self.left.set_field_visible(name, not person)
        public_buyer = self.organisation_type.currentData() in (
            OrganisationType.PUBLIC_BODY.value,
            OrganisationType.SCHOOL.value,
        )
        for name in ("service_code", "commitment_number"):
            self.left.set_field_visible(name, not person and public_buyer)
        for name in (
            "gender",
            "situation",
            "organisation_id",
            "guardian_name",
            "guardian_phone",
            "guardian_email",
        ):
            self.right.set_field_visible(name, person)
        self.left.set_label(
            "last_name", self.tr("&Last name:") if person else self.tr("Organisation &name:")
        )

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _load(self, member_id: int) -> None:
        detail = member_service.get_member(self.ctx.db, member_id)
        self.loaded_version = detail.version
        self.loaded_data = d = detail.data
        self.setWindowTitle(
            self.tr("Member {number} — {name}").format(
                number=detail.number, name=detail.display_name
            )
        )
        (self.person_radio if d.kind == MemberKind.PERSON else self.organisation_radio).setChecked(
            True
        )
        self.first_name.setText(d.first_name)
        self.last_name.setText(d.last_name)
        self._select(
            self.organisation_type, d.organisation_type.value if d.organisation_type else None
        )
        self.siret.setText(d.siret)
        self.vat_number.setText(d.vat_number)
        self.service_code.setText(d.service_code)
        self.commitment_number.setText(d.commitment_number)
        self.monthly_invoicing.setChecked(d.monthly_invoicing)
        self.birth_year.setText(str(d.birth_year) if d.birth_year else "")
        self._select(self.age_band, d.age_band.value if d.age_band else None)
        self.email.setText(d.email)
        self.phone.setText(d.phone)
        self.address.setText(d.address)
        self.postcode.setText(d.postcode)
        self.city.setText(d.city)
        if d.audience_id is not None and self.audience.findData(d.audience_id) < 0:
            self.audience.addItem(detail.audience_name, d.audience_id)  # archived public
        self._select(self.audience, d.audience_id)
        self._select(self.organisation, d.organisation_id)
        self._select(self.gender, d.gender.value if d.gender else None)
        self._select(self.situation, d.situation.value if d.situation else None)
        self.consent_newsletter.setChecked(d.consent_newsletter)
        self.consent_photos.setChecked(d.consent_photos)
        self.guardian_name.setText(d.guardian_name)
        self.guardian_phone.setText(d.guardian_phone)
        self.guardian_email.setText(d.guardian_email)
        self.notes.setPlainText(d.notes)

    def _input(self) -> tuple[MemberInput, dict[str, str]]:
        """The typed values, and the errors found before asking the service."""
        errors: dict[str, str] = {}
        birth_year: int | None = None
        text = self.birth_year.text().strip()
        if text:
            if text.isdigit():
                birth_year = int(text)
            else:
                errors["birth_year"] = "birth_year_invalid"
        org_type = self.organisation_type.currentData()
        band = self.age_band.currentData()
        gender = self.gender.currentData()
        situation = self.situation.currentData()
        data = MemberInput(
            kind=self._kind(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            organisation_type=OrganisationType(org_type) if org_type else None,
            siret=self.siret.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            postcode=self.postcode.text(),
            city=self.city.text(),
            age_band=AgeBand(band) if band else None,
            birth_year=birth_year,
            gender=Gender(gender) if gender else None,
            situation=Situation(situation) if situation else None,
            audience_id=self.audience.currentData(),
            organisation_id=self.organisation.currentData(),
            consent_newsletter=self.consent_newsletter.isChecked(),
            consent_photos=self.consent_photos.isChecked(),
            guardian_name=self.guardian_name.text(),
            guardian_phone=self.guardian_phone.text(),
            guardian_email=self.guardian_email.text(),
            notes=self.notes.toPlainText(),
            monthly_invoicing=self.monthly_invoicing.isChecked(),
            service_code=self.service_code.text(),
            commitment_number=self.commitment_number.text(),
            vat_number=self.vat_number.text(),
        )
        return data, errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        left = {k: v for k, v in errors.items() if k in LEFT_FIELDS}
        right = {k: v for k, v in errors.items() if k not in LEFT_FIELDS}
        self.right.show_errors(right)
        self.left.show_errors(left)  # last, so the first wrong field on the left gets focus
        self.banner.setText(error_message(ValidationError(errors)))
        self.banner.show()
        # The dialog keeps its size: its fields scroll (ui.every_dialog.scroll_body).

    # --- saving ------------------------------------------------------------------

    def submit(self) -> int | None:
        data, errors = self._input()
        self.left.clear_errors()
        self.right.clear_errors()
        self.banner.hide()
        try:
            if errors:
                try:
                    member_service.validate_member(data)
                except ValidationError as exc:
                    errors = {**exc.fields, **errors}
                raise ValidationError(errors)
            member_id = member_service.save_member(
                self.ctx.db,
                self.ctx.operator_id,
                data,
                self.member_id,
                expected_version=self.loaded_version,
            )
        except ValidationError as exc:
            self._show_errors(exc.fields)
            return None
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit()
            if exc.code == "stale_record" and self.loaded_data is not None:
                changed_elsewhere(exc, self.loaded_data)  # the other desk's changes only
            self.banner.setText(error_message(exc))
            self.banner.show()
            self.reload_button.setVisible(exc.code == "stale_record")
            return None
        self.reload_button.hide()
        self.saved_id = member_id
        self.ctx.notify("member", [member_id])
        return member_id

    def reload(self) -> None:
        """« Recharger »: the card as saved now (by the other desk); what was typed here
        is replaced, and the next save starts from the fresh version."""
        if self.member_id is None:
            return
        self.left.clear_errors()
        self.right.clear_errors()
        self._load(self.member_id)
        self._update_kind()
        self.banner.hide()
        self.reload_button.hide()

    def _on_save(self) -> None:
        if self.submit() is not None:
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a one-line field saves; in the notes it adds a line as usual.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QPlainTextEdit
        ):
            self._on_save()
            return
        super().keyPressEvent(event)
