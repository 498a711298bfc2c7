"""Two desks on the same rows (issue 20 point 4), for the cyber-base, the activities, the
bookings and the park: the other desk saves first; our save or our one-click action is
refused in French naming the other desk, nothing of theirs is overwritten, and

- a dialog with fields keeps what we typed and « Recharger » loads their values (then
  our next save goes through);
- a one-click action (remove, cancel, tick, drag) shows the message and the view as it
  is now — acting again on what is shown goes through."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QTime
from sqlalchemy import update

from tierslieu_desktop.db import models
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.calendar import lab_today, local_dt, utcnow
from tierslieu_desktop.domain.enums import MachineStatus, SpaceKind
from tierslieu_desktop.services.activity import dropins, registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.billing import usage_corrections
from tierslieu_desktop.services.park import machines, maintenance, opening_hours
from tierslieu_desktop.services.people import members, structure
from tierslieu_desktop.services.people.operators import create_operator
from tierslieu_desktop.services.scheduling import bookings, usages
from tierslieu_desktop.ui.context import AppContext

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # a Monday, 8:00 in Paris
BOOKED_DAY = date(2026, 11, 24)
LATER = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
SESSION_DAY = date(2027, 3, 10)
AFTER_SESSION = datetime(2027, 3, 10, 17, 0, tzinfo=UTC)

REFUSED = "modifiée sur un autre poste"
NOT_SAVED = "n'ont pas été enregistrées"
SHOWN_AGAIN = "Rien n'a été enregistré : l'affichage montre maintenant l'état actuel"


class Lab:
    """A space open every day, a laser, a member, a workshop session with her
    registration, her booking tomorrow; the other desk's database and operator."""

    def __init__(self, db, op):
        structure.save_structure(db, op, structure.StructureData(name="Fablab du Ségala"))
        self.space = machines.save_space(
            db, op, machines.SpaceInput(name="Fablab", kind=SpaceKind.FABLAB)
        )
        self.machine = machines.save_machine(
            db,
            op,
            machines.MachineInput(name="Trotec", space_id=self.space),
            new_category="Découpe laser",
        )
        self.member = members.save_member(
            db, op, members.MemberInput(first_name="Lou", last_name="Bach")
        )
        opening_hours.set_schedule(db, op, self.space, {d: [(480, 1200)] for d in range(7)})
        with db.write() as s:
            s.get(models.Space, self.space).closed_on_holidays = False
        workshop = activities.save_activity(
            db, op, activities.ActivityInput(name="Atelier courriel", kind="digital_workshop")
        )
        self.session = activities.create_session(
            db,
            op,
            activities.SessionInput(
                activity_id=workshop,
                start_at=local_dt(SESSION_DAY, 840),
                end_at=local_dt(SESSION_DAY, 960),
                capacity=8,
            ),
        )
        self.registration = registrations.register(
            db, op, registrations.RegistrationInput(session_id=self.session, member_id=self.member)
        ).registration_id
        self.booking = bookings.create_booking(
            db,
            op,
            bookings.BookingInput(
                machine_id=self.machine,
                member_id=self.member,
                start_at=local_dt(BOOKED_DAY, 600),
                end_at=local_dt(BOOKED_DAY, 660),
            ),
            now=NOW,
        )
        self.other = open_database(db.target)  # the cyber-base's desk, same database
        self.someone = create_operator(self.other, "Cyber-base")

    def raw_change(self, model: type[models.Base], row_id: int, **values: Any) -> None:
        """The other desk changes a row that has no edit form (in SQL: stamped, versioned)."""
        with self.other.write() as s:
            s.execute(
                update(model)
                .where(model.id == row_id)  # type: ignore[attr-defined]
                .values(
                    **values,
                    version=model.version + 1,  # type: ignore[attr-defined]
                    updated_by_id=self.someone,
                    updated_at=utcnow(),
                )
                .execution_options(synchronize_session=False)
            )


@pytest.fixture
def lab(db, operator):
    lab = Lab(db, operator)
    yield lab
    lab.other.dispose()


def refused_by_the_other_desk(text: str, *, shown_again: bool = False) -> None:
    assert REFUSED in text
    assert "Cyber-base" in text
    if shown_again:  # the view already reloaded: not asked to reload it
        assert SHOWN_AGAIN in text and "rechargez" not in text
    else:
        assert NOT_SAVED in text


# --------------------------------------------------------------------------- dialogs


def test_a_visit_edited_on_two_desks_keeps_what_we_typed_and_reloads(qtbot, ctx, db, lab):
    from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInDialog

    visit = dropins.log_drop_in(
        db, ctx.operator_id, dropins.DropInInput(kind="visit", purpose="admin", at=NOW)
    )
    (row,) = dropins.list_drop_ins(db, NOW.date(), NOW.date())
    ours = DropInDialog(ctx, row)
    theirs = DropInDialog(AppContext(lab.other, lab.someone, "fr"), row)
    for dialog in (ours, theirs):
        qtbot.addWidget(dialog)
    ours.resize(1024, 768)
    ours.show()
    qtbot.keyClicks(ours.fields.commune, "Figeac")
    theirs.note.setText("Rappel mardi")
    theirs.purpose.setCurrentIndex(theirs.purpose.findData("employment"))
    assert theirs.submit()

    assert ours.submit() is False  # refused: the dialog stays open
    said = ours.message.text()
    refused_by_the_other_desk(said)
    # theirs, not ours, as this dialog names them
    assert "Valeurs actuelles : Motif : Emploi, Remarque : Rappel mardi." in said
    assert ours.fields.commune.text() == "Figeac"  # what we typed is kept
    (saved,) = dropins.list_drop_ins(db, NOW.date(), NOW.date())
    assert (saved.commune, saved.note) == ("", "Rappel mardi")  # nothing of ours written
    assert ours.reload_button.isVisible()
    assert ours.reload_button.accessibleName() == "Recharger les valeurs actuelles"
    ours.grab().save(str(_shot_dir() / "concurrent_dropin_dialog.png"))

    ours.reload_button.click()
    assert ours.note.text() == "Rappel mardi"
    assert ours.purpose.currentData() == "employment"
    assert ours.fields.commune.text() == ""
    assert not ours.message.isVisible() and not ours.reload_button.isVisible()
    qtbot.keyClicks(ours.fields.commune, "Figeac")
    assert ours.submit()
    saved = dropins.get_drop_in(db, visit)
    assert (saved.commune, saved.note) == ("Figeac", "Rappel mardi")


def test_a_usage_corrected_on_two_desks_keeps_what_we_typed_and_reloads(qtbot, ctx, db, lab):
    from tierslieu_desktop.ui.pages.frontdesk.usage_correction import UsageCorrectionDialog

    usage = usages.check_out(
        db,
        ctx.operator_id,
        lab.booking,
        local_dt(BOOKED_DAY, 600),
        local_dt(BOOKED_DAY, 660),
        now=LATER,
    )
    dialog = UsageCorrectionDialog(ctx, usage, now_fn=lambda: LATER)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_edit.setTime(QTime(9, 45))  # we correct the arrival

    read = usages.get_usage(lab.other, usage)  # they correct the departure, first
    usage_corrections.correct_usage(
        lab.other,
        lab.someone,
        usage,
        start_at=read.start_at,
        end_at=local_dt(BOOKED_DAY, 690),
        consumables=(),
        now=LATER,
        expected_version=read.version,
    )

    assert dialog.submit() is False
    said = dialog.message.text()
    refused_by_the_other_desk(said)
    assert "Valeurs actuelles : Départ réel : 24/11/2026 11:30." in said
    assert "Arrivée" not in said  # what we changed is not called theirs
    assert dialog.start_edit.time() == QTime(9, 45)  # kept
    saved = usages.get_usage(db, usage)
    assert (saved.start_at, saved.end_at) == (local_dt(BOOKED_DAY, 600), local_dt(BOOKED_DAY, 690))
    assert dialog.reload_button.isVisible()
    dialog.resize(1024, 768)
    dialog.grab().save(str(_shot_dir() / "concurrent_usage_correction.png"))

    dialog.reload_button.click()
    assert dialog.start_edit.time() == QTime(10, 0)
    assert dialog.end_edit.time() == QTime(11, 30)
    assert not dialog.reload_button.isVisible()
    dialog.start_edit.setTime(QTime(9, 45))
    assert dialog.submit()
    saved = usages.get_usage(db, usage)
    assert (saved.start_at, saved.end_at) == (local_dt(BOOKED_DAY, 585), local_dt(BOOKED_DAY, 690))


def _shot_dir():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "build" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


# --------------------------------------------------------------------------- one-click actions


@dataclass(frozen=True)
class OneClick:
    """A view showing one row, the other desk's change of it, our action on it (True when
    it went through), what the view says, and whether the row is still as they left it."""

    show: Callable[[Any, Any, Lab, Any, Any], Any]  # (qtbot, ctx, lab, monkeypatch, said)
    theirs: Callable[[Lab], None]
    act: Callable[[Any, Lab], bool]
    unchanged: Callable[[Any, Lab], bool]  # (db, lab): their change there, ours not


def _dropin_tab(qtbot, ctx, lab, monkeypatch, said):
    from tierslieu_desktop.ui.pages.activity import dropin_tab

    monkeypatch.setattr(dropin_tab, "confirm", lambda *a: True)
    tab = dropin_tab.DropInTab(ctx, now_fn=lambda: NOW)
    qtbot.addWidget(tab)
    tab.show()
    tab.visit = tab.click_purpose("admin")
    tab.said = lambda: tab.status.text()
    return tab


def _their_drop_in_note(lab):
    (row,) = dropins.list_drop_ins(lab.other, NOW.date(), NOW.date())
    data = dropins.DropInInput(kind=row.kind, purpose=row.purpose, at=row.at, note="Rappel mardi")
    dropins.update_drop_in(lab.other, lab.someone, row.id, data, expected_version=row.version)


def _delete_visit(tab, lab):
    tab.select(tab.visit)
    return tab.delete_selected()


def _visit_kept(db, lab):
    rows = dropins.list_drop_ins(db, NOW.date(), NOW.date())
    return [r.note for r in rows] == ["Rappel mardi"]


def _session_detail(qtbot, ctx, lab, monkeypatch, said, now=NOW):
    from tierslieu_desktop.ui.pages.activity import session_detail

    monkeypatch.setattr(session_detail, "confirm", lambda *a: True)
    detail = session_detail.SessionDetail(ctx, lambda: now)
    qtbot.addWidget(detail)
    detail.show()
    texts: list[str] = []
    detail.message.connect(lambda text, _error: texts.append(text))
    detail.show_session(lab.session)
    detail.said = lambda: texts[-1] if texts else ""
    return detail


def _their_registration_note(lab):
    (row,) = registrations.session_registrations(lab.other, lab.session)
    registrations.update_registration(
        lab.other, lab.someone, row.id, note="Vient avec sa fille", expected_version=row.version
    )


def _cancel_registration(detail, lab):
    detail.select_registration(lab.registration)
    detail.cancel_registration()
    return registration_of(detail.ctx.db, lab).status == "cancelled"


def _tick_present(detail, lab):
    return detail.set_attendance(lab.registration, "present")


def registration_of(db, lab):
    (row,) = registrations.session_registrations(db, lab.session)
    return row


def _registration_kept(db, lab):
    row = registration_of(db, lab)
    return (row.note, row.status, row.attendance) == ("Vient avec sa fille", "registered", None)


def _bookings_page(qtbot, ctx, lab, monkeypatch, said):
    from tierslieu_desktop.ui.pages.bookings.page import BookingsPage

    page = BookingsPage(ctx, now=NOW)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    qtbot.waitExposed(page)
    page.said = page.message_text
    return page


def _their_booking_note(lab):
    row = bookings.get_booking(lab.other, lab.booking)
    bookings.update_booking_details(
        lab.other,
        lab.someone,
        lab.booking,
        purpose=row.purpose,
        note="Apporte son contreplaqué",
        expected_version=row.version,
    )


def _drag_an_hour_later(page, lab):
    return page.move_booking(
        lab.booking,
        local_dt(BOOKED_DAY, 660),
        local_dt(BOOKED_DAY, 720),
        ("machine", lab.machine),
    )


def _booking_kept(db, lab):
    row = bookings.get_booking(db, lab.booking)
    return (row.note, row.start_at) == ("Apporte son contreplaqué", local_dt(BOOKED_DAY, 600))


CLOSED_DAY = lab_today() + timedelta(days=10)


def _opening_hours(qtbot, ctx, lab, monkeypatch, said):
    from tierslieu_desktop.ui.pages.machines import opening_hours as ui

    monkeypatch.setattr(ui, "ask_reason", lambda *a: "Erreur de date")
    lab.closure = opening_hours.add_exception(
        ctx.db,
        ctx.operator_id,
        opening_hours.ExceptionInput(day=CLOSED_DAY, kind="closed", space_id=lab.space),
    )
    dialog = ui.OpeningHoursDialog(ctx, machines.get_space(ctx.db, lab.space))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.said = dialog.message.text
    return dialog


def _their_closure_reason(lab):
    lab.raw_change(models.CalendarException, lab.closure, reason="Inventaire")


def _remove_closure(dialog, lab):
    dialog.exceptions.selectRow(0)
    dialog.remove_selected()
    return not opening_hours.list_exceptions(dialog.ctx.db, CLOSED_DAY, CLOSED_DAY, lab.space)


def _closure_kept(db, lab):
    rows = opening_hours.list_exceptions(db, CLOSED_DAY, CLOSED_DAY, lab.space)
    return [r.reason for r in rows] == ["Inventaire"]


def _machines_page(qtbot, ctx, lab, monkeypatch, said):
    from tierslieu_desktop.ui.pages.machines import page as machines_page

    monkeypatch.setattr(machines_page, "ask_reason", lambda *a: "Saisie en double")
    shown: list[str] = []
    monkeypatch.setattr(machines_page, "show_error", lambda _w, err: shown.append(_words(err)))
    lab.entry = maintenance.add_entry(ctx.db, ctx.operator_id, lab.machine, lab_today(), "Lentille")
    page = machines_page.MachinesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.select("machine", lab.machine)
    page.said = lambda: shown[-1] if shown else ""
    return page


def _words(err):
    from tierslieu_desktop.ui.errors import error_message

    return error_message(err)


def _their_entry_text(lab):
    lab.raw_change(models.MaintenanceEntry, lab.entry, description="Lentille et miroirs")


def _remove_entry(page, lab):
    page.maintenance_table.selectRow(0)
    page.remove_maintenance()
    return not maintenance.list_entries(page.ctx.db, lab.machine)


def _entry_kept(db, lab):
    return [e.description for e in maintenance.list_entries(db, lab.machine)] == [
        "Lentille et miroirs"
    ]


ONE_CLICK = {
    "drop-in removed": OneClick(_dropin_tab, _their_drop_in_note, _delete_visit, _visit_kept),
    "registration cancelled": OneClick(
        _session_detail, _their_registration_note, _cancel_registration, _registration_kept
    ),
    "attendance ticked": OneClick(
        lambda *a: _session_detail(*a, now=AFTER_SESSION),
        _their_registration_note,
        _tick_present,
        _registration_kept,
    ),
    "booking dragged": OneClick(
        _bookings_page, _their_booking_note, _drag_an_hour_later, _booking_kept
    ),
    "closure removed": OneClick(
        _opening_hours, _their_closure_reason, _remove_closure, _closure_kept
    ),
    "maintenance entry removed": OneClick(
        _machines_page, _their_entry_text, _remove_entry, _entry_kept
    ),
}


@pytest.mark.parametrize("case", ONE_CLICK.values(), ids=ONE_CLICK.keys())
def test_a_one_click_action_on_a_row_changed_elsewhere_is_refused_then_shown_anew(
    qtbot, ctx, db, lab, monkeypatch, case
):
    view = case.show(qtbot, ctx, lab, monkeypatch, None)
    case.theirs(lab)  # the other desk saves first; this view still shows the old row

    assert case.act(view, lab) is False
    refused_by_the_other_desk(view.said(), shown_again=True)
    assert case.unchanged(db, lab)  # their change stays, nothing of ours was written

    # the view now shows the row as it is: the same action on it goes through
    assert case.act(view, lab) is True


def test_a_booking_moved_elsewhere_is_not_moved_back_when_its_machine_stops(
    qtbot, ctx, db, lab, monkeypatch
):
    """Putting the laser out of order lists its bookings to move: one the other desk moved
    to the afternoon meanwhile is refused, never put back at its old time."""
    from tierslieu_desktop.ui.pages.machines.future_bookings import FutureBookingsDialog

    laser = machines.get_machine(db, lab.machine)
    epilog = machines.save_machine(
        db,
        ctx.operator_id,
        machines.MachineInput(
            name="Epilog", space_id=lab.space, category_id=laser.data.category_id
        ),
    )
    rows = bookings.future_bookings_of_machine(db, lab.machine, now=NOW)
    dialog = FutureBookingsDialog(ctx, laser, MachineStatus.OUT_OF_ORDER, rows, "Tube HS")
    qtbot.addWidget(dialog)
    dialog.show()
    read = bookings.get_booking(lab.other, lab.booking)
    bookings.move_booking(
        lab.other,
        lab.someone,
        lab.booking,
        local_dt(BOOKED_DAY, 840),
        local_dt(BOOKED_DAY, 900),
        now=NOW,
        expected_version=read.version,
    )

    dialog.choose(lab.booking, epilog)
    before = dialog.when_labels[lab.booking].text()
    assert dialog.submit() is False  # refused: the dialog stays open
    refused_by_the_other_desk(dialog.errors[lab.booking].text(), shown_again=True)
    saved = bookings.get_booking(db, lab.booking)
    assert (saved.machine_id, saved.start_at) == (lab.machine, local_dt(BOOKED_DAY, 840))
    # its line now shows the afternoon; Apply again moves it at those times
    now_shown = dialog.when_labels[lab.booking].text()
    assert now_shown != before and "14:00" in now_shown
    real_move = bookings.move_booking  # the test's day is in the past of the real clock
    monkeypatch.setattr(bookings, "move_booking", lambda *a, **k: real_move(*a, **k, now=NOW))
    assert dialog.submit() is True, dialog.errors[lab.booking].text()
    moved = bookings.get_booking(db, lab.booking)
    assert (moved.machine_id, moved.start_at) == (epilog, local_dt(BOOKED_DAY, 840))
