"""The setup assistant (issue 18, point 1), driven with clicks: from an empty database to a
laser cutter a member can book and that has a price; every step skippable, bad input
named, every page within a 1024×600 screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget, QWizard

from tierslieu_desktop.domain.calendar import local_dt, public_holiday, to_local, utcnow
from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.services.park.authorizations import AuthorizationInput, grant_authorization
from tierslieu_desktop.services.people import audiences, members
from tierslieu_desktop.services.people.structure import get_structure
from tierslieu_desktop.services.pricing.engine import quote
from tierslieu_desktop.services.scheduling.bookings import BookingInput, create_booking
from tierslieu_desktop.services.setup.state import is_unconfigured
from tierslieu_desktop.ui.setup_wizard.wizard import SKIP_BUTTON, SetupWizard

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def wizard(ctx, qtbot):
    launched: list[str] = []
    w = SetupWizard(ctx, demo_launcher=lambda lang: launched.append(lang) or True)
    w.launched = launched
    qtbot.addWidget(w)
    w.resize(1024, 600)
    w.show()
    return w


def click(wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def next_open_tuesday():
    day = to_local(utcnow()).date() + timedelta(days=1)
    while day.weekday() != 1 or public_holiday(day):
        day += timedelta(days=1)
    return day


def test_from_an_empty_database_to_a_laser_cutter_booked_and_priced(ctx, wizard):
    db = ctx.db
    assert is_unconfigured(db)
    click(wizard, NEXT)  # welcome
    assert wizard.currentPage() is wizard.identity
    QTest.keyClicks(wizard.identity.name, "Fablab du Causse")
    QTest.keyClicks(wizard.identity.siret, "732 829 320 00074")
    click(wizard, NEXT)
    assert wizard.currentPage() is wizard.address
    click(wizard, SKIP_BUTTON)  # address and logo: later
    for page in (wizard.spaces, wizard.hours, wizard.machines, wizard.audiences):
        assert wizard.currentPage() is page
        click(wizard, NEXT)  # the suggestions: the fablab, Tue–Sat, laser + FDM, publics
    assert wizard.currentPage() is wizard.prices
    click(wizard, NEXT)
    assert wizard.currentPage() is wizard.numbering
    click(wizard, NEXT)
    assert wizard.currentPage() is wizard.summary
    assert "Découpeuse laser" in wizard.summary.summary.text()
    click(wizard, FINISH)

    assert wizard.created is not None and not wizard.isVisible()
    assert not is_unconfigured(db)
    structure = get_structure(db)
    assert (structure.name, structure.siret) == ("Fablab du Causse", "73282932000074")
    assert structure.address == ""  # its step was skipped
    laser = next(m for m in park.list_machines(db) if m.name == "Découpeuse laser")
    assert laser.authorization_required and laser.space_name == "Fablab"

    adults = next(a.id for a in audiences.list_audiences(db) if "adultes" in a.name)
    member = members.save_member(
        db,
        ctx.operator_id,
        members.MemberInput(first_name="Léa", last_name="Martin", audience_id=adults),
    )
    day = next_open_tuesday()
    trained = AuthorizationInput(
        member_id=member, machine_id=laser.id, granted_on=to_local(utcnow()).date()
    )
    grant_authorization(db, ctx.operator_id, trained)  # the laser needs a training
    start, end = local_dt(day, 14 * 60), local_dt(day, 15 * 60)
    booking = create_booking(
        db,
        ctx.operator_id,
        BookingInput(start_at=start, end_at=end, machine_id=laser.id, member_id=member),
    )
    assert booking > 0
    priced = quote(db, member_id=member, machine_id=laser.id, start=start, end=end)
    assert priced.charged_cents == 1500  # an hour at the adults' starter price


def test_a_price_typed_in_the_grid_is_the_price_charged(ctx, wizard):
    wizard.identity.name.setText("Fablab")
    for _ in range(7):
        click(wizard, NEXT)
    assert wizard.currentPage() is wizard.prices
    wizard.prices.set_price("laser_cutter", "adults", "18,50")
    wizard.prices.set_price("laser_cutter", "young", "abc")
    click(wizard, NEXT)
    assert wizard.currentPage() is wizard.prices  # refused, the cell named
    message = wizard.prices.message.text()
    assert "Découpeuse laser" in message and "moins de 18" in message
    wizard.prices.set_price("laser_cutter", "young", "0")
    click(wizard, NEXT)
    click(wizard, NEXT)
    click(wizard, FINISH)
    laser = next(m for m in park.list_machines(ctx.db) if m.name == "Découpeuse laser")
    day = next_open_tuesday()
    start, end = local_dt(day, 10 * 60), local_dt(day, 12 * 60)
    assert (
        quote(ctx.db, member_id=None, machine_id=laser.id, start=start, end=end).charged_cents
        == 3700
    )


def test_a_wrong_siret_is_named_under_its_field_and_nothing_is_written(ctx, wizard):
    click(wizard, NEXT)
    QTest.keyClicks(wizard.identity.name, "Fablab")
    QTest.keyClicks(wizard.identity.siret, "123")
    click(wizard, NEXT)
    assert wizard.currentPage() is wizard.identity
    error = wizard.identity.form.error_label("siret")
    assert error.isVisible() and error.text()
    assert wizard.identity.form.error_label("name").isHidden()
    assert is_unconfigured(ctx.db)


def test_every_step_can_be_skipped_and_revisited(ctx, wizard):
    click(wizard, NEXT)
    while wizard.currentPage() is not wizard.summary:
        click(wizard, SKIP_BUTTON)
    nothing = QCoreApplication.translate("SetupWizard", "Nothing to save: every step was skipped.")
    assert nothing in wizard.summary.summary.text()
    assert not wizard.button(SKIP_BUTTON).isVisible()
    QTest.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.numbering
    click(wizard, NEXT)  # validated this time: no longer skipped
    assert not wizard.numbering.skipped and wizard.machines.skipped
    click(wizard, FINISH)
    assert is_unconfigured(ctx.db)  # nothing of the lab was created
    assert park.list_machines(ctx.db) == []


def test_the_demonstration_is_one_click_away(wizard):
    QTest.mouseClick(wizard.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert wizard.launched == ["fr"]
    assert wizard.welcome.demo_status.isVisible()


def test_every_page_fits_a_1024_by_600_screen_and_names_its_widgets(ctx, wizard):
    wizard.identity.name.setText("Fablab")
    for page in wizard.steps:
        assert wizard.currentPage() is page
        size = wizard.minimumSizeHint().expandedTo(wizard.minimumSize())
        assert size.width() <= 1024 and size.height() <= 600, page.title()
        for child in page.findChildren(QWidget):
            interactive = isinstance(child, QAbstractButton) or child.focusPolicy() != (
                Qt.FocusPolicy.NoFocus
            )
            internal = child.objectName().startswith("qt_")  # a spin box's own line edit
            if interactive and child.isVisible() and not internal:
                if child.inherits("QScrollBar") or (
                    child.inherits("QAbstractScrollArea")
                    and not child.inherits("QAbstractItemView")
                ):
                    continue
                assert child.accessibleName(), (page.title(), type(child).__name__)
        if page is not wizard.summary:
            click(wizard, NEXT)


def test_the_window_opens_the_assistant_on_an_unconfigured_database_only(ctx, qtbot):
    from tierslieu_desktop.ui.setup_wizard import offer_setup

    wizard = offer_setup(ctx)
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.reject()
    park.save_space(ctx.db, ctx.operator_id, park.SpaceInput(name="Atelier"))
    assert offer_setup(ctx) is None


def test_settings_reopens_the_assistant_and_shows_what_it_saved(ctx, qtbot):
    from tierslieu_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settings = window.show_page("settings")
    QTest.mouseClick(settings.setup_button, Qt.MouseButton.LeftButton)
    wizard = window.findChild(SetupWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.identity.name.setText("Fablab du Lot")
    while wizard.currentPage() is not wizard.summary:
        click(wizard, NEXT)
    click(wizard, FINISH)
    assert settings.structure.fields["name"].text() == "Fablab du Lot"
    assert settings.audiences.list.count() == 6


def test_the_summary_names_the_spaces_the_machines_need(wizard):
    wizard.identity.name.setText("Fablab")
    while wizard.currentPage() is not wizard.machines:
        click(wizard, NEXT)
    wizard.machines.set_chosen("pc", True)
    wizard.machines.set_chosen("meeting_room", True)
    while wizard.currentPage() is not wizard.summary:
        click(wizard, NEXT)
    text = wizard.summary.summary.text()
    spaces = QCoreApplication.translate("SetupWizard", "Spaces: {names}").format(
        names="Fablab, Cyber-base, Salle de réunion"
    )
    assert spaces in text
    assert "Poste informatique × 6" in text
