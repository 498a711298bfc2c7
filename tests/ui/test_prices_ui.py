"""Prices where the animator needs them: the estimated price in the booking dialog, the
priced lines of a departure before it is recorded, the wallet, the packs and the
membership renewal of a member. Tariffs are written with the ORM models directly."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QTime
from sqlalchemy import select

from tierslieu_desktop.db.models import (
    Audience,
    Machine,
    MachineCategory,
    Membership,
    MembershipFee,
    PackType,
    PriceRule,
    Reduction,
    Space,
    UsageCharge,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import bookings, usages
from tierslieu_desktop.services.scheduling.bookings import BookingInput
from tierslieu_desktop.services.scheduling.calendar import CalendarResource
from tierslieu_desktop.ui.pages.bookings.booking_dialog import BookingDialog
from tierslieu_desktop.ui.pages.frontdesk.checkout import CheckOutDialog
from tierslieu_desktop.ui.pages.members.detail import MemberDetailPanel
from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog
from tierslieu_desktop.ui.pages.members.pack_dialog import PackMovementsDialog, SellPackDialog
from tierslieu_desktop.ui.pages.members.wallet_dialog import WalletCreditDialog

MONDAY = date(2026, 11, 23)
BEFORE = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 8:00 in Paris
JAN_1 = date(2026, 1, 1)
EURO = "\xa0€"


def at(hh: int, mm: int = 0) -> datetime:
    return local_dt(MONDAY, hh * 60 + mm)


@pytest.fixture
def lab(db, operator):
    """A laser at 22,50 €/h for everyone and 15 €/h for job seekers (per started quarter),
    job seekers get 50 % off; PLA at 5 cents a gram; a 3D printer without any tariff."""
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        cat = MachineCategory(name="Découpe laser")
        seekers = Audience(name="Demandeurs d'emploi")
        public = Audience(name="Grand public")
        s.add_all([fablab, cat, seekers, public])
        s.flush()
        laser = Machine(name="Découpeuse laser", category=cat, space=fablab)
        printer = Machine(name="Prusa MK4", category=cat, space=fablab)
        s.add_all([laser, printer])
        s.flush()
        ids = {
            "fablab": fablab.id,
            "laser": laser.id,
            "printer": printer.id,
            "seekers": seekers.id,
            "public": public.id,
        }
    opening_hours.set_schedule(db, operator, ids["fablab"], {d: [(540, 1080)] for d in range(5)})
    ids["pla"] = usages.save_consumable(db, operator, "Filament PLA", "gram")
    usages.set_machine_consumables(db, operator, ids["laser"], [ids["pla"]])
    with db.write() as s:
        s.add_all(
            [
                PriceRule(
                    machine_id=ids["laser"],
                    audience_id=None,
                    membership="any",
                    unit="hour",
                    step_minutes=15,
                    amount_cents=2250,
                    valid_from=JAN_1,
                ),
                PriceRule(
                    machine_id=ids["laser"],
                    audience_id=ids["seekers"],
                    membership="any",
                    unit="hour",
                    step_minutes=15,
                    amount_cents=1500,
                    valid_from=JAN_1,
                ),
                PriceRule(
                    consumable_id=ids["pla"],
                    audience_id=None,
                    membership="any",
                    unit="consumable",
                    amount_cents=5,
                    valid_from=JAN_1,
                ),
                Reduction(audience_id=ids["seekers"], percent_bp=5000, valid_from=JAN_1),
            ]
        )
    ids["emilie"] = save_member(
        db,
        operator,
        MemberInput(first_name="Emilie", last_name="Delpech", audience_id=ids["seekers"]),
    )
    ids["jean"] = save_member(
        db, operator, MemberInput(first_name="Jean", last_name="Lacoste", audience_id=ids["public"])
    )
    return ids


def resources(lab) -> list[CalendarResource]:
    return [
        CalendarResource("machine", lab["laser"], "Découpeuse laser"),
        CalendarResource("machine", lab["printer"], "Prusa MK4"),
    ]


@pytest.fixture
def booking_dialog(ctx, qtbot, lab):
    dialog = BookingDialog(
        ctx,
        resources(lab),
        resource_key=("machine", lab["laser"]),
        start=at(10),
        end=at(11),
        now_fn=lambda: BEFORE,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_booking_dialog_shows_the_price_for_the_member_and_follows_the_end_time(
    booking_dialog, lab
):
    d = booking_dialog
    d.search.setText("delpech")
    d.results.setCurrentRow(0)  # chosen (nobody is until then)
    assert d.selected_member() == lab["emilie"]
    text = d.price.plain_text()
    # 1 h at the job seekers' 15 €/h, half off
    assert text.startswith(f"7,50{EURO} au lieu de 15,00{EURO}")
    assert "tarif Demandeurs d'emploi, au quart d'heure entamé, réduction 50 %" in text

    d.end_edit.setTime(QTime(11, 40))  # 1 h 40 → 1 h 45 billed
    assert d.price.plain_text().startswith(f"13,12{EURO} au lieu de 26,25{EURO}")

    d.search.setText("lacoste")  # everyone's price, no reduction: nothing struck
    text = d.price.plain_text()
    assert text.startswith(f"39,38{EURO}\n") and "au lieu de" not in text
    assert "tarif tous publics" in text


def test_booking_dialog_says_plainly_when_no_tariff_is_in_force(booking_dialog, lab):
    d = booking_dialog
    d.search.setText("delpech")
    d.results.setCurrentRow(0)
    d.resource.setCurrentIndex(1)  # the printer has no tariff
    assert d.price.plain_text() == "Aucun tarif en vigueur"
    assert not d.message.isVisible()  # not an error
    assert d.submit()  # booking stays possible


def test_checkout_shows_the_priced_lines_before_the_departure_is_recorded(
    ctx, qtbot, db, operator, lab
):
    booking = bookings.create_booking(
        db,
        operator,
        BookingInput(
            machine_id=lab["laser"], member_id=lab["emilie"], start_at=at(9), end_at=at(11)
        ),
        now=BEFORE,
    )
    bookings.check_in(db, operator, booking, at=at(9))
    clock = {"now": at(10)}
    dialog = CheckOutDialog(ctx, booking, now_fn=lambda: clock["now"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.end_edit.time() == QTime(10, 0)
    rows = dialog.price_lines.rows()
    assert rows[0][:5] == [
        "Découpeuse laser",
        "1 h (4 × 15 min)",
        f"15,00{EURO}",
        f"-7,50{EURO}",
        f"7,50{EURO}",
    ]
    assert rows[-1][0] == "Total" and rows[-1][4] == f"7,50{EURO}"
    assert "réduction 50 %" in dialog.price_lines.table.item(0, 0).toolTip()

    dialog.set_quantity(lab["pla"], "100")  # 100 g at 5 c
    dialog.end_edit.setTime(QTime(10, 30))
    rows = dialog.price_lines.rows()
    assert [r[0] for r in rows] == ["Découpeuse laser", "Filament PLA", "Total"]
    assert rows[1][1:5] == ["100 g", f"5,00{EURO}", "", f"5,00{EURO}"]
    assert rows[-1][4] == f"16,25{EURO}"  # 1 h 30 at 7,50 €/h + 5 €
    assert "16,25" in dialog.price_note.text()
    with db.read() as s:  # nothing written before the user confirms
        assert s.scalars(select(UsageCharge)).all() == []

    clock["now"] = at(10, 35)
    assert dialog.submit()
    with db.read() as s:
        charged = sum(c.charged_cents for c in s.scalars(select(UsageCharge)))
    assert charged == 1625


def test_checkout_with_an_unreadable_quantity_prices_the_rest(ctx, qtbot, db, operator, lab):
    booking = bookings.create_booking(
        db,
        operator,
        BookingInput(machine_id=lab["laser"], member_id=lab["jean"], start_at=at(9), end_at=at(10)),
        now=BEFORE,
    )
    bookings.check_in(db, operator, booking, at=at(9))
    dialog = CheckOutDialog(ctx, booking, now_fn=lambda: at(10))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_quantity(lab["pla"], "douze")
    assert [r[0] for r in dialog.price_lines.rows()] == ["Découpeuse laser", "Total"]
    assert dialog.price_lines.rows()[-1][4] == f"22,50{EURO}"


@pytest.fixture
def panel(ctx, qtbot, lab):
    p = MemberDetailPanel(ctx, today=date(2026, 11, 22))
    qtbot.addWidget(p)
    p.resize(500, 900)
    p.show()
    p.show_member(lab["emilie"])
    return p


def test_wallet_credit_appears_in_the_panel(ctx, qtbot, panel, lab):
    assert panel.wallet_balance.text() == f"Porte-monnaie : 0,00{EURO}"
    dialog = WalletCreditDialog(ctx, lab["emilie"], "DELPECH Emilie")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount.setText("douze")
    assert not dialog.submit()
    assert dialog.form.error_label("amount").isVisible()
    dialog.amount.setText("0")
    assert not dialog.submit()
    assert dialog.form.error_label("amount").text() == "Le montant doit être supérieur à 0."
    dialog.amount.setText("25")
    dialog.note.setText("espèces")
    assert dialog.submit()
    panel.refresh()
    assert panel.wallet_balance.text() == f"Porte-monnaie : 25,00{EURO}"
    assert panel.wallet_history.rowCount() == 1
    assert panel.wallet_history.item(0, 1).text() == f"+25,00{EURO}"
    assert panel.wallet_history.item(0, 2).text() == "espèces"


def test_selling_a_pack_shows_it_with_its_balance(ctx, qtbot, db, panel, lab):
    with db.write() as s:
        pack = PackType(
            name="Laser 10 h",
            machine_id=lab["laser"],
            minutes=600,
            validity_months=12,
            price_cents=12000,
        )
        s.add(pack)
        s.flush()
        pack_type_id = pack.id
    assert panel.pack_texts() == []
    dialog = SellPackDialog(ctx, lab["emilie"], date(2026, 11, 22))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pack_type.currentText() == f"Laser 10 h — 10 h, 120,00{EURO}"
    dialog.select_pack_type(pack_type_id)
    assert dialog.submit() is not None
    panel.refresh()
    assert panel.pack_texts() == ["Laser 10 h — reste 10 h, jusqu'au 21/11/2027"]
    panel.packs.setCurrentRow(0)
    assert panel.pack_movements_button.isEnabled()
    movements = PackMovementsDialog(ctx, panel.selected_pack_id())
    qtbot.addWidget(movements)
    assert movements.table.rowCount() == 1
    assert movements.table.item(0, 1).text() == "+10 h"


def test_renewal_button_prefills_the_fee_and_the_period(ctx, qtbot, db, operator, panel, lab):
    assert panel.renew_button.isVisible()  # never a member: "adhérer"
    with db.write() as s:
        s.add(
            Membership(
                member_id=lab["emilie"],
                audience_id=lab["seekers"],
                start_date=date(2025, 1, 1),
                end_date=date(2025, 12, 31),
                fee_cents=1000,
            )
        )
        s.add(
            MembershipFee(
                audience_id=lab["seekers"],
                duration="calendar_year",
                amount_cents=2000,
                valid_from=JAN_1,
            )
        )
    panel.refresh()
    assert panel.renew_button.isVisible()
    assert panel.renew_button.text() == (
        f"Adhésion expirée le 31/12/2025 — renouveler (20,00{EURO})…"
    )
    dialog = panel.renewal_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fee.text() == "20,00"
    assert dialog.audience.currentData() == lab["seekers"]
    assert dialog.start.date() == QDate(2026, 11, 22)
    assert dialog.end.date() == QDate(2026, 12, 31)
    assert dialog.submit() is not None
    panel.refresh()
    assert not panel.renew_button.isVisible()


def test_membership_dialog_proposes_the_fee_of_the_public_unless_typed(ctx, qtbot, db, lab):
    with db.write() as s:
        s.add_all(
            [
                MembershipFee(
                    audience_id=lab["seekers"],
                    duration="calendar_year",
                    amount_cents=1000,
                    valid_from=JAN_1,
                ),
                MembershipFee(
                    audience_id=None,
                    duration="rolling_12_months",
                    amount_cents=3000,
                    valid_from=JAN_1,
                ),
            ]
        )
    dialog = MembershipDialog(ctx, lab["jean"], lab["public"], today=date(2026, 11, 22))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fee.text() == "30,00"  # every public, 12 months
    assert dialog.end.date() == QDate(2027, 11, 21)
    dialog.audience.setCurrentIndex(dialog.audience.findData(lab["seekers"]))
    assert dialog.fee.text() == "10,00"
    assert dialog.end.date() == QDate(2026, 12, 31)
    dialog.fee.clear()
    qtbot.keyClicks(dialog.fee, "5")  # typed: kept from now on
    dialog.audience.setCurrentIndex(dialog.audience.findData(lab["public"]))
    assert dialog.fee.text() == "5"
    assert dialog.end.date() == QDate(2027, 11, 21)


def test_every_new_control_is_named(ctx, qtbot, db, panel, booking_dialog, lab):
    from test_i18n import unnamed_controls

    assert unnamed_controls(panel) == []
    assert unnamed_controls(booking_dialog) == []
    for dialog in (
        WalletCreditDialog(ctx, lab["emilie"]),
        SellPackDialog(ctx, lab["emilie"]),
        MembershipDialog(ctx, lab["emilie"]),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == []
