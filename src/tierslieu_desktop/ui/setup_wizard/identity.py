"""The structure's steps of the setup assistant: its identity (name, legal form, SIRET,
the VAT regime explained in plain words with a recommendation), then its address, contact
and logo. Both check what is typed with the structure's own service
(``services.people.structure.validate_structure``, through ``services.setup.apply``)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.enums import VatRegime
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people.structure import MAX_LOGO_BYTES, StructureData
from tierslieu_desktop.services.setup import apply as setup_service
from tierslieu_desktop.services.setup import state
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.labels import vat_regime_labels
from tierslieu_desktop.ui.setup_wizard.common import HINT_STYLE, StepPage
from tierslieu_desktop.ui.widgets.form import ValidatedForm
from tierslieu_desktop.ui.widgets.responsive import wrapping


def structure_errors(data: StructureData) -> dict[str, str]:
    """What the structure's service refuses in ``data``, by field name."""
    try:
        setup_service.validate_plan(setup_service.SetupPlan(structure=data))
    except ValidationError as exc:
        return {k.removeprefix("structure."): v for k, v in exc.fields.items()}
    return {}


class IdentityPage(StepPage):
    step_key = "identity"
    FIELDS = ("name", "legal_form", "siret", "rna", "vat_number")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Your structure"),
            self.tr(
                "Its name and legal identity are printed on every invoice and report. "
                "The SIRET is checked (14 digits and their check key)."
            ),
        )
        self.form = ValidatedForm()
        self.name = self.form.add_field("name", self.tr("&Name:"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. Fablab du Causse"))
        self.legal_form = self.form.add_field("legal_form", self.tr("Legal form:"), QComboBox())
        self.legal_form.setEditable(True)
        self.legal_form.addItems(list(state.LEGAL_FORMS))
        self.legal_form.setCurrentIndex(0)
        line = self.legal_form.lineEdit()
        assert line is not None
        line.setAccessibleName(self.tr("Legal form"))
        self.siret = self.form.add_field("siret", self.tr("SIRET:"), QLineEdit())
        self.siret.setPlaceholderText(self.tr("14 digits, e.g. 123 456 789 00012"))
        self.rna = self.form.add_field("rna", self.tr("RNA number:"), QLineEdit())
        self.rna.setPlaceholderText(self.tr("W + 9 digits (associations)"))
        self.body.addLayout(self.form)

        self.vat_title = QLabel(self.tr("<b>VAT</b> — which rule applies to your sales?"))
        self.body.addWidget(self.vat_title)
        self.vat_group = QButtonGroup(self)
        self.vat_buttons: dict[VatRegime, QRadioButton] = {}
        explanations = {
            VatRegime.EXEMPT_NON_PROFIT: self.tr(
                "A non-profit association: what you sell to your members carries no VAT. "
                "What you sell to non-members stays without VAT up to a yearly limit "
                "({limit}); the Finances page warns you near it."
            ),
            VatRegime.FRANCHISE: self.tr(
                "A small company or an association with commercial sales: no VAT while "
                "your yearly sales stay under the franchise threshold ({limit} for "
                "services). Invoices say « TVA non applicable, art. 293 B du CGI »."
            ),
            VatRegime.LIABLE: self.tr(
                "Above the threshold, or by choice: you add VAT to your prices and "
                "declare it. You need an intra-EU VAT number."
            ),
        }
        limits = {
            VatRegime.EXEMPT_NON_PROFIT: state.recommend_vat_regime("association").threshold_cents,
            VatRegime.FRANCHISE: state.FRANCHISE_SERVICES_CENTS,
            VatRegime.LIABLE: 0,
        }
        for regime, label in vat_regime_labels().items():
            button = QRadioButton(label)
            button.setAccessibleName(label)
            self.vat_group.addButton(button)
            self.vat_buttons[regime] = button
            text = wrapping(
                QLabel(explanations[regime].format(limit=formatting.money(limits[regime])))
            )
            text.setStyleSheet(HINT_STYLE)
            text.setContentsMargins(24, 0, 0, 4)
            self.body.addWidget(button)
            self.body.addWidget(text)
        self.advice = wrapping(QLabel())
        self.advice.setObjectName("vatAdvice")
        self.advice.setStyleSheet("background: #eef5e9; padding: 6px; color: #1b5e20;")
        self.body.addWidget(self.advice)
        self.vat_form = ValidatedForm()
        self.vat_number = self.vat_form.add_field("vat_number", self.tr("VAT number:"), QLineEdit())
        self.vat_number.setPlaceholderText(self.tr("FR + 11 characters"))
        self.body.addLayout(self.vat_form)
        self.body.addStretch(1)
        self.legal_form.currentTextChanged.connect(self._advise)
        self.vat_group.buttonToggled.connect(self._vat_fields)
        self._advise(self.legal_form.currentText())

    def load(self, data: StructureData) -> None:
        self.name.setText(data.name)
        if data.legal_form:
            self.legal_form.setCurrentText(data.legal_form)
        self.siret.setText(data.siret)
        self.rna.setText(data.rna)
        self.vat_number.setText(data.vat_number)
        if data.name:  # configured before: its regime, not the recommendation
            self.vat_buttons[data.vat_regime].setChecked(True)

    def _advise(self, legal_form: str) -> None:
        advice = state.recommend_vat_regime(legal_form)
        texts = {
            "association": self.tr(
                "Recommended for an association: not liable to VAT (art. 261-7-1° of the "
                "CGI). A tax adviser can confirm it."
            ),
            "small_business": self.tr(
                "Recommended for a structure that starts: the franchise (art. 293 B of the "
                "CGI), as long as its yearly sales stay under {limit}. A tax adviser can "
                "confirm it."
            ).format(limit=formatting.money(advice.threshold_cents)),
            "large_business": self.tr("Recommended: liable to VAT."),
        }
        self.advice.setText(texts[advice.reason])
        self.advice.setAccessibleName(self.advice.text())
        self.vat_buttons[advice.regime].setChecked(True)

    def _vat_fields(self, *_args: object) -> None:
        self.vat_form.set_field_visible("vat_number", self.regime() == VatRegime.LIABLE)

    def regime(self) -> VatRegime:
        for regime, button in self.vat_buttons.items():
            if button.isChecked():
                return regime
        return VatRegime.EXEMPT_NON_PROFIT

    def apply_to(self, data: StructureData) -> StructureData:
        return replace(
            data,
            name=self.name.text(),
            legal_form=self.legal_form.currentText(),
            siret=self.siret.text(),
            rna=self.rna.text(),
            vat_number=self.vat_number.text() if self.regime() == VatRegime.LIABLE else "",
            vat_regime=self.regime(),
        )

    def check(self) -> bool:
        errors = structure_errors(self.apply_to(self.wizard_().base_structure))
        mine = {k: v for k, v in errors.items() if k in self.FIELDS and k != "vat_number"}
        self.form.show_errors(mine)
        vat = {k: v for k, v in errors.items() if k == "vat_number"}
        self.vat_form.show_errors(vat)
        return not (mine or vat)


class AddressPage(StepPage):
    step_key = "address"
    FIELDS = ("address", "postcode", "city", "email", "phone", "website", "logo")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Address and logo"),
            self.tr("Where the lab is and how to reach it, as printed on its invoices."),
        )
        self._logo: bytes | None = None
        self.form = ValidatedForm()
        self.address = self.form.add_field("address", self.tr("Address:"), QPlainTextEdit())
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.postcode = self.form.add_field("postcode", self.tr("Postcode:"), QLineEdit())
        self.city = self.form.add_field("city", self.tr("Commune:"), QLineEdit())
        self.email = self.form.add_field("email", self.tr("Email:"), QLineEdit())
        self.phone = self.form.add_field("phone", self.tr("Phone:"), QLineEdit())
        self.website = self.form.add_field("website", self.tr("Website:"), QLineEdit())
        logo_row = QWidget()
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel(self.tr("no logo"))
        self.logo_preview.setFixedSize(160, 64)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #d5dde3; background: white;")
        self.logo_preview.setAccessibleName(self.tr("Logo preview"))
        buttons = QVBoxLayout()
        self.choose_logo = QPushButton(self.tr("Choose an image…"))
        self.choose_logo.setAccessibleName(self.tr("Choose a logo image"))
        self.remove_logo = QPushButton(self.tr("Remove the logo"))
        self.remove_logo.setAccessibleName(self.tr("Remove the logo"))
        buttons.addWidget(self.choose_logo)
        buttons.addWidget(self.remove_logo)
        row.addWidget(self.logo_preview)
        row.addLayout(buttons)
        row.addStretch(1)
        self.form.add_field("logo", self.tr("Logo:"), logo_row)
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        self.set_logo(None)

    def load(self, data: StructureData) -> None:
        self.address.setPlainText(data.address)
        self.postcode.setText(data.postcode)
        self.city.setText(data.city)
        self.email.setText(data.email)
        self.phone.setText(data.phone)
        self.website.setText(data.website)
        self.set_logo(data.logo)

    def set_logo(self, content: bytes | None) -> None:
        self._logo = content
        pixmap = QPixmap()
        if content and pixmap.loadFromData(QByteArray(content)):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("no logo"))
        self.remove_logo.setEnabled(content is not None)

    def load_logo_file(self, path: str) -> bool:
        """Read an image as the logo; False (the reason under the field) otherwise."""
        try:
            with open(path, "rb") as fh:
                content = fh.read(MAX_LOGO_BYTES + 1)
        except OSError:
            content = b""
        if len(content) > MAX_LOGO_BYTES:
            self.form.show_errors({"logo": "logo_too_large"})
            return False
        if not QPixmap().loadFromData(QByteArray(content)):
            self.form.show_errors({"logo": "image_invalid"})
            return False
        self.form.clear_errors()
        self.set_logo(content)
        return True

    def _choose_logo(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Choose the logo"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg)"),
            kind="logo",
        )
        if path:
            self.load_logo_file(path)

    def apply_to(self, data: StructureData) -> StructureData:
        return replace(
            data,
            address=self.address.toPlainText(),
            postcode=self.postcode.text(),
            city=self.city.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            website=self.website.text(),
            logo=self._logo,
        )

    def check(self) -> bool:
        errors = structure_errors(self.apply_to(self.wizard_().base_structure))
        mine = {k: v for k, v in errors.items() if k in self.FIELDS}
        self.form.show_errors(mine)
        return not mine
