"""The setup assistant (issue 18, point 1): from an empty database to a lab with its
identity, spaces and opening hours, machines from the built-in catalogue with their
consumables and starter prices by public, and its invoice numbering.

Every step can be skipped (« Passer cette étape ») and revisited (« Précédent »); nothing
is written before « Terminer », which writes everything in one transaction
(``services.setup.apply.apply_setup``). The first page keeps « Essayer avec des données
de démonstration » one click away: the demonstration opens in a window of its own, on its
own file (``tierslieu --demo``), the lab's database untouched. The first administrator is
not a step: accounts and roles do not exist yet (issue 19)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
)

from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.invoicing import PATTERN_MAX
from tierslieu_desktop.services.billing import numbering
from tierslieu_desktop.services.people import structure as structure_service
from tierslieu_desktop.services.people.structure import StructureData
from tierslieu_desktop.services.setup import apply as setup_service
from tierslieu_desktop.services.setup.catalogue import load_catalogue
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, field_message, retry_when_busy
from tierslieu_desktop.ui.setup_wizard.common import HINT_STYLE, StepPage
from tierslieu_desktop.ui.setup_wizard.identity import AddressPage, IdentityPage
from tierslieu_desktop.ui.setup_wizard.park import (
    AudiencesPage,
    HoursPage,
    MachinesPage,
    PricesPage,
    SpacesPage,
)
from tierslieu_desktop.ui.widgets.form import ValidatedForm
from tierslieu_desktop.ui.widgets.responsive import wrapping

SKIP_BUTTON = QWizard.WizardButton.CustomButton1


def demo_command() -> tuple[str, list[str]]:
    """How this installation opens the demonstration (``tierslieu --demo``)."""
    if getattr(sys, "frozen", False):  # the packaged application is its own command
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "tierslieu_desktop", "--demo"]


def launch_demo(language: str) -> bool:
    """Open the demonstration in a process of its own; True when it was started."""
    program, args = demo_command()
    started, _pid = QProcess.startDetached(program, [*args, "--lang", language])
    return bool(started)


class WelcomePage(StepPage):
    step_key = "welcome"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Welcome to Tiers-Lieu Desktop"),
            self.tr(
                "This assistant sets your tiers-lieu up in a few minutes: your structure "
                "and its VAT, your address and logo, opening hours, spaces, machines from "
                "a catalogue of common fablab and cyber-base equipment with their "
                "consumables and starter prices, your publics and your invoice numbers. "
                "Skip any step with « Skip this step » and come back with « Back »; "
                "nothing is saved before « Finish ». You can open it again from Settings."
            ),
        )
        demo_intro = wrapping(
            QLabel(
                self.tr(
                    "Just looking? Try the application with a demonstration lab (members, "
                    "bookings, invoices): it opens in its own window, on its own file; "
                    "your database stays as it is."
                )
            )
        )
        self.body.addSpacing(12)
        self.body.addWidget(demo_intro)
        self.demo_button = QPushButton(self.tr("Try with demonstration data"))
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setAccessibleName(self.tr("Try with demonstration data"))
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_button)
        demo_row.addStretch(1)
        self.body.addLayout(demo_row)
        self.demo_status = wrapping(QLabel())
        self.demo_status.setStyleSheet(HINT_STYLE)
        self.demo_status.hide()
        self.body.addWidget(self.demo_status)
        accounts = wrapping(
            QLabel(
                self.tr(
                    "User accounts and roles are not part of the application yet: whoever "
                    "opens it at the desk can use it."
                )
            )
        )
        accounts.setStyleSheet(HINT_STYLE)
        self.body.addSpacing(12)
        self.body.addWidget(accounts)
        self.body.addStretch(1)
        self.demo_button.clicked.connect(self.try_demo)

    def try_demo(self) -> None:
        if self.wizard_().demo_launcher(self.ctx.language):
            text = self.tr(
                "The demonstration opens in another window (the first time it is built, "
                "which takes a few seconds)."
            )
        else:
            text = self.tr(
                "The demonstration could not be started. From a terminal: tierslieu --demo"
            )
        self.demo_status.setText(text)
        self.demo_status.setAccessibleName(text)
        self.demo_status.show()


class NumberingPage(StepPage):
    step_key = "numbering"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Invoice numbers"),
            self.tr(
                "Invoices and credit notes are numbered in one continuous sequence each, "
                "without gaps. {year} is the year, {counter:06} the counter on 6 digits "
                "(it starts again each year when the year is in the pattern). Keep the "
                "suggestion unless your accountant asks otherwise."
            ),
        )
        self.today = to_local(utcnow()).date()
        self.form = ValidatedForm()
        self.patterns: dict[str, QLineEdit] = {}
        self.previews: dict[str, QLabel] = {}
        labels = {
            "invoice": self.tr("Invoices:"),
            "credit_note": self.tr("Credit notes:"),
        }
        for series, label in labels.items():
            edit = self.form.add_field(series, label, QLineEdit())
            edit.setMaxLength(PATTERN_MAX)
            preview = QLabel()
            preview.setObjectName(f"preview_{series}")
            self.form.addRow("", preview)
            edit.textChanged.connect(lambda _t, s=series: self.update_preview(s))
            self.patterns[series] = edit
            self.previews[series] = preview
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        self.saved: dict[str, str] = {}

    def load(self) -> None:
        for series, edit in self.patterns.items():
            self.saved[series] = numbering.numbering_pattern(self.ctx.db, series)
            edit.setText(self.saved[series])

    def update_preview(self, series: str) -> None:
        text = self.patterns[series].text().strip()
        number = structure_service.numbering_preview(self.ctx.db, series, text, self.today)
        preview = self.previews[series]
        preview.setText(
            self.tr("Next number: {number}").format(number=number)
            if number is not None
            else field_message("pattern_invalid")
        )
        preview.setAccessibleName(preview.text())

    def changed(self, series: str) -> str | None:
        text = self.patterns[series].text().strip()
        return None if text == self.saved.get(series) else text

    def check(self) -> bool:
        plan = setup_service.SetupPlan(
            invoice_pattern=self.changed("invoice"),
            credit_note_pattern=self.changed("credit_note"),
        )
        try:
            setup_service.validate_plan(plan)
        except ValidationError as exc:
            self.form.show_errors({k.removeprefix("numbering."): v for k, v in exc.fields.items()})
            return False
        self.form.clear_errors()
        return True


class SummaryPage(StepPage):
    step_key = "summary"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Ready"),
            self.tr("« Finish » saves all of this at once; nothing is saved before."),
        )
        self.summary = wrapping(QLabel())
        self.summary.setObjectName("setupSummary")
        self.body.addWidget(self.summary)
        self.body.addStretch(1)

    def initializePage(self) -> None:  # Qt's name
        self.summary.setText(self.wizard_().summary_text())
        self.summary.setAccessibleName(self.summary.text())

    def check(self) -> bool:
        return self.wizard_().finish()


class SetupWizard(QWizard):
    """The assistant on ``ctx``'s database; ``created`` holds what « Finish » created."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        demo_launcher: Callable[[str], bool] = launch_demo,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.demo_launcher = demo_launcher
        self.today = today
        self.created: setup_service.SetupResult | None = None
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Setup assistant"))
        self.setAccessibleName(self.tr("Setup assistant"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(SKIP_BUTTON, self.tr("Skip this step"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        names = {
            SKIP_BUTTON: self.tr("Skip this step"),
            QWizard.WizardButton.NextButton: self.tr("Next step"),
            QWizard.WizardButton.BackButton: self.tr("Previous step"),
            QWizard.WizardButton.FinishButton: self.tr("Finish and save"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel the assistant"),
        }
        for which, name in names.items():
            self.button(which).setAccessibleName(name)
        self.customButtonClicked.connect(self._skip)

        self.base_structure: StructureData = structure_service.get_structure(ctx.db)
        self.welcome = WelcomePage(ctx)
        self.identity = IdentityPage(ctx)
        self.address = AddressPage(ctx)
        self.spaces = SpacesPage(ctx)
        self.hours = HoursPage(ctx)
        self.machines = MachinesPage(ctx)
        self.audiences = AudiencesPage(ctx)
        self.prices = PricesPage(ctx)
        self.numbering = NumberingPage(ctx)
        self.summary = SummaryPage(ctx)
        self.steps: list[StepPage] = [
            self.welcome,
            self.identity,
            self.address,
            self.spaces,
            self.hours,
            self.machines,
            self.audiences,
            self.prices,
            self.numbering,
            self.summary,
        ]
        for page in self.steps:
            self.addPage(page)
        self.identity.load(self.base_structure)
        self.address.load(self.base_structure)
        self.numbering.load()
        self.currentIdChanged.connect(self._update_skip)
        self.resize(880, 560)
        self.setMinimumSize(640, 420)
        self._update_skip()

    def _update_skip(self, *_args: object) -> None:
        page = self.currentPage()
        self.button(SKIP_BUTTON).setVisible(page not in (self.welcome, self.summary, None))

    def _skip(self, which: int) -> None:
        page = self.currentPage()
        if which == SKIP_BUTTON.value and isinstance(page, StepPage):
            page.skipping = True
            self.next()

    # --- the plan ------------------------------------------------------------------

    def structure(self) -> StructureData | None:
        if self.identity.skipped and self.address.skipped:
            return None
        data = self.base_structure
        if not self.identity.skipped:
            data = self.identity.apply_to(data)
        if not self.address.skipped:
            data = self.address.apply_to(data)
        return data

    def plan(self) -> setup_service.SetupPlan:
        items: tuple[setup_service.ChosenItem, ...] = ()
        if not self.machines.skipped:
            prices = {} if self.prices.skipped else self.prices.prices()
            catalogue = load_catalogue()
            kept = set(self.audiences.chosen()) if not self.audiences.skipped else set()
            items = tuple(
                setup_service.ChosenItem(
                    item.key,
                    count,
                    prices.get(item.key)
                    or tuple(
                        (key, cents)
                        for key, cents in catalogue.item(item.key).prices.items()
                        if key in kept or key == "adults"
                    ),
                )
                for item, count in self.machines.chosen()
            )
        return setup_service.SetupPlan(
            structure=self.structure(),
            spaces=() if self.spaces.skipped else self.spaces.chosen(),
            other_space="" if self.spaces.skipped else self.spaces.other.text(),
            schedule=None if self.hours.skipped else self.hours.schedule(),
            audiences=() if self.audiences.skipped else self.audiences.chosen(),
            items=items,
            consumable_prices=self.prices.skipped or self.prices.consumable_prices.isChecked(),
            invoice_pattern=None if self.numbering.skipped else self.numbering.changed("invoice"),
            credit_note_pattern=(
                None if self.numbering.skipped else self.numbering.changed("credit_note")
            ),
        )

    def summary_text(self) -> str:
        lang = self.ctx.language
        catalogue = load_catalogue()
        plan = self.plan()
        skipped = [page.title() for page in self.steps[1:-1] if page.skipped]
        lines = []
        if plan.structure is not None:
            lines.append(self.tr("Structure: {name}").format(name=plan.structure.name or "—"))
        # the spaces chosen, those the machines need, and the bookable rooms picked
        keys = list(plan.spaces)
        for chosen in plan.items:
            item = catalogue.item(chosen.key)
            if not item.is_space and item.space not in keys:
                keys.append(item.space)
        spaces = [catalogue.space(k).label(lang) for k in keys]
        spaces += [
            catalogue.item(c.key).label(lang) for c in plan.items if catalogue.item(c.key).is_space
        ]
        if plan.other_space.strip():
            spaces.append(plan.other_space.strip())
        if spaces:
            lines.append(self.tr("Spaces: {names}").format(names=", ".join(spaces)))
        if plan.schedule:
            lines.append(self.tr("Opening hours: set for the new spaces"))
        if plan.items:
            lines.append(
                self.tr("Equipment: {names}").format(
                    names=", ".join(
                        f"{catalogue.item(c.key).label(lang)} × {c.count}" for c in plan.items
                    )
                )
            )
        if plan.audiences:
            lines.append(
                self.tr("Publics: {names}").format(
                    names=", ".join(catalogue.audience(k).label(lang) for k in plan.audiences)
                )
            )
        if plan.invoice_pattern or plan.credit_note_pattern:
            lines.append(self.tr("New invoice numbering"))
        if not lines:
            lines.append(self.tr("Nothing to save: every step was skipped."))
        if skipped:
            lines.append(self.tr("Skipped: {steps}").format(steps=", ".join(skipped)))
        return "<br>".join(formatting_escape(line) for line in lines)

    def finish(self) -> bool:
        """Write the plan (one transaction); on a refusal, say which field and stay."""
        try:
            plan = self.plan()
            self.created = setup_service.apply_setup(
                self.ctx.db, self.ctx.operator_id, plan, today=self.today
            )
        except ValidationError as exc:
            self.summary.show_message(self.refusal_text(exc))
            return False
        except DomainError as exc:
            if retry_when_busy(self, exc):
                return self.finish()
            self.summary.show_message(error_message(exc))
            return False
        for entity in (
            "structure",
            "audience",
            "space",
            "opening_hours",
            "machine_category",
            "machine",
            "consumable",
            "tariff",
            "numbering",
        ):
            self.ctx.notify(entity, [])
        return True

    def field_label(self, step: str, field: str) -> str:
        """The label of a field as its step shows it (« SIRET »), else its name."""
        forms = {
            "structure": (self.identity.form, self.identity.vat_form, self.address.form),
            "spaces": (self.spaces.form,),
            "numbering": (self.numbering.form,),
        }.get(step, ())
        if step == "spaces":
            field = "name"
        for form in forms:
            if form.has_field(field):
                return form.field(field).accessibleName()
        return field

    def refusal_text(self, exc: ValidationError) -> str:
        """Each refused field named with its step: « Your structure › Name: … »."""
        pages = {
            "structure": self.identity.title(),
            "spaces": self.spaces.title(),
            "hours": self.hours.title(),
            "items": self.machines.title(),
            "prices": self.prices.title(),
            "numbering": self.numbering.title(),
        }
        parts = []
        for name, code in exc.fields.items():
            step, _dot, field = name.partition(".")
            parts.append(
                self.tr("{step} › {field}: {message}").format(
                    step=pages.get(step, step),
                    field=self.field_label(step, field),
                    message=field_message(code, field),
                )
            )
        return self.tr("Nothing was saved. {reasons}").format(reasons=" ".join(parts))


def formatting_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
