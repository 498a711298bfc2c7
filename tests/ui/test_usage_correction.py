"""Issue 17: a typo at the departure asks for confirmation; « Corriger l'usage… » from
Accueil, the member card and the basket, driven with the mouse and the keyboard; an
invoiced usage is shown, not corrected."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tierslieu_desktop.db.models import (
    Consumable,
    Machine,
    MachineCategory,
    PriceRule,
    Space,
    Structure,
    Usage,
    UsageConsumable,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import baskets, documents, usage_corrections
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import bookings, usages
from tierslieu_desktop.services.scheduling.bookings import BookingInput
from tierslieu_desktop.ui.pages.checkout.basket_tab import BasketTab
from tierslieu_desktop.ui.pages.frontdesk.usage_correction import (
    MemberUsagesBox,
    UsageCorrectionDialog,
)
from tierslieu_desktop.ui.pages.home import HomePage

MONDAY = date(2026, 11, 23)
BEFORE = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def at(hh: int, mm: int = 0) -> datetime:
    return local_dt(MONDAY, hh * 60 + mm)


@pytest.fixture
def lab(db, operator):
    """A printer at 2 €/h, PLA at 0,10 €/g with 5 kg in stock and five past prints of
    about 40 g; Émilie booked 9:30–10:30, checked in at 9:35."""
    with db.write() as s:
        s.add(
            Structure(
                id=1,
                name="Fab'Causse",
                legal_form="Association loi 1901",
                siret="73282932000074",
                address="2 place de la Halle",
                postcode="46160",
                city="Cajarc",
                vat_regime="exempt_non_profit",
                payment_terms_days=30,
                default_vat_rate_bp=2000,
            )
        )
        fablab = Space(name="Fablab", kind="fablab")
        cat = MachineCategory(name="Impression 3D")
        s.add_all([fablab, cat])
        s.flush()
        printer = Machine(name="Prusa MK4", category=cat, space=fablab)
        s.add(printer)
        s.flush()
        ids = {"fablab": fablab.id, "printer": printer.id}
    opening_hours.set_schedule(db, operator, ids["fablab"], {d: [(540, 1080)] for d in range(5)})
    ids["emilie"] = save_member(db, operator, MemberInput(first_name="Émilie", last_name="Delpech"))
    ids["pla"] = usages.save_consumable(db, operator, "Filament PLA", "gram")
    usages.set_machine_consumables(db, operator, ids["printer"], [ids["pla"]])
    valid = date(2020, 1, 1)
    with db.write() as s:
        s.get(Consumable, ids["pla"]).stock_milli = 5_000_000
        s.add_all(
            [
                PriceRule(machine_id=printer.id, unit="hour", amount_cents=200, valid_from=valid),
                PriceRule(
                    consumable_id=ids["pla"], unit="consumable", amount_cents=10, valid_from=valid
                ),
            ]
        )
        for days, grams in enumerate((30, 35, 40, 42, 38), start=7):
            start = at(10) - timedelta(days=days)
            past = Usage(
                machine_id=ids["printer"],
                start_at=start,
                end_at=start + timedelta(hours=1),
                minutes=60,
            )
            s.add(past)
            s.flush()
            s.add(
                UsageConsumable(
                    usage_id=past.id, consumable_id=ids["pla"], quantity_milli=grams * 1000
                )
            )
    ids["booking"] = bookings.create_booking(
        db,
        operator,
        BookingInput(
            machine_id=ids["printer"],
            member_id=ids["emilie"],
            start_at=at(9, 30),
            end_at=at(10, 30),
        ),
        now=BEFORE,
    )
    bookings.check_in(db, operator, ids["booking"], at=at(9, 35))
    return ids


@pytest.fixture
def page(ctx, qtbot, lab):
    page = HomePage(ctx, now_fn=lambda: at(10, 22))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.activate()
    return page


def answer_next_box(qtbot, confirm: bool, seen: list[str]) -> None:
    """When the next message box shows, note its text and click its confirming button
    (or Cancel) with the mouse."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        role = QMessageBox.ButtonRole.AcceptRole if confirm else QMessageBox.ButtonRole.RejectRole
        target = next(b for b in box.buttons() if box.buttonRole(b) == role)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def pla_stock(db, lab) -> int:
    with db.read() as s:
        return s.get(Consumable, lab["pla"]).stock_milli


def test_a_typo_at_the_departure_asks_first_naming_the_quantity_and_its_price(page, qtbot, db, lab):
    page.select_booking(lab["booking"])
    qtbot.mouseClick(page.check_out_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.quantities[lab["pla"]], "851405")
    seen: list[str] = []
    answer_next_box(qtbot, False, seen)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "851" in seen[0] and "Filament PLA" in seen[0]
    assert formatting.money(8_514_050) in seen[0]  # « soit 85 140,50 € »
    # 851 405 g ÷ 42 g (the usual: the 95th percentile of the past prints) = 20 271 times
    assert formatting.number(20_271) in seen[0]
    assert "5" + formatting.number(1000)[1:] + " g" in seen[0]  # above the 5 000 g in stock
    assert dialog.isVisible() and usages.usage_of_booking(db, lab["booking"]) is None
    assert pla_stock(db, lab) == 5_000_000

    # confirmed: saved as typed (the operator said so)
    answer_next_box(qtbot, True, seen)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert pla_stock(db, lab) == 0


def test_correct_from_accueil_with_keys_and_mouse(page, qtbot, db, lab):
    page.select_booking(lab["booking"])
    qtbot.mouseClick(page.check_out_button, Qt.MouseButton.LeftButton)
    departure = page.dialog
    qtbot.keyClicks(departure.quantities[lab["pla"]], "85")
    qtbot.mouseClick(departure.save_button, Qt.MouseButton.LeftButton)
    usage_id = usages.usage_of_booking(db, lab["booking"]).id

    page.select_booking(lab["booking"])
    assert page.correct_button.isEnabled()
    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, UsageCorrectionDialog) and dialog.isVisible()
    pla = dialog.quantities[lab["pla"]]
    assert pla.text() == "85"
    # the PLA was 58 g, and she left at 10:05
    pla.setFocus()
    pla.selectAll()
    qtbot.keyClicks(pla, "58")
    dialog.end_edit.setFocus()
    qtbot.keyClicks(dialog.end_edit, "1005")  # typed wherever the cursor is
    assert dialog.end_at() == at(10, 5)
    assert formatting.money(100 + 580)  # 30 min at 2 €/h, 58 g in dialog.price_note.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    usage = usages.get_usage(db, usage_id)
    assert (usage.end_at, usage.consumables[0].quantity_milli) == (at(10, 5), 58_000)
    assert pla_stock(db, lab) == 5_000_000 - 58_000
    history = usage_corrections.correctable_usage(db, usage_id).history
    assert [(h.field, h.before, h.after) for h in history] == [
        ("end_at", at(10, 20).isoformat(), at(10, 5).isoformat()),
        ("consumable", "85000", "58000"),
    ]
    # opened again: the history is shown
    page.select_booking(lab["booking"])
    dialog = page.correct_selected()
    assert dialog.history.rowCount() == 2
    assert dialog.history.item(1, 2).text() == "Filament PLA"
    assert dialog.history.item(1, 4).text().startswith("58")
    assert dialog.width() <= 1024 and dialog.height() <= 768
    if SHOTS.parent.exists():  # build/: look at it (issue 17 asks for 1024 × 768)
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "usage_correction_1024.png"))
    dialog.reject()


def checked_out(db, operator, lab, grams: int) -> int:
    return usages.check_out(
        db,
        operator,
        lab["booking"],
        at(9, 35),
        at(10, 20),
        [(lab["pla"], grams * 1000)],
        now=at(10, 22),
    )


def test_correct_from_the_basket_line_and_the_member_card(ctx, qtbot, db, operator, lab):
    usage_id = checked_out(db, operator, lab, 851_405)
    tab = BasketTab(ctx, lambda: MONDAY)
    qtbot.addWidget(tab)
    tab.resize(1024, 700)
    tab.show()
    tab.open_for(lab["emilie"])
    assert formatting.money(8_514_050 + 150) in tab.total.text()
    tab.table.selectRow(1)  # the PLA line
    qtbot.mouseClick(tab.buttons["correct"], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, UsageCorrectionDialog)
    assert dialog.state.basket_id == tab.basket.id  # its lines follow the correction
    assert formatting.money(8_514_050 + 150) in dialog.status.text()
    pla = dialog.quantities[lab["pla"]]
    qtbot.mouseClick(pla, Qt.MouseButton.LeftButton)
    qtbot.keyClick(pla, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(pla, "85")
    qtbot.keyClick(pla, Qt.Key.Key_Return)  # Enter: the default button saves
    assert not dialog.isVisible()
    assert usages.get_usage(db, usage_id).consumables[0].quantity_milli == 85_000
    assert formatting.money(850 + 150) in tab.total.text()
    assert usages.get_usage(db, usage_id).consumables[0].quantity_milli == 85_000

    box = MemberUsagesBox(ctx)
    qtbot.addWidget(box)
    box.show()
    box.show_member(lab["emilie"])
    assert box.table.rowCount() == 1 and not box.correct_button.isEnabled()
    assert box.table.item(0, 3).text() != ""  # in the basket
    rect = box.table.visualItemRect(box.table.item(0, 1))
    qtbot.mouseClick(box.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert box.correct_button.isEnabled()
    qtbot.mouseClick(box.correct_button, Qt.MouseButton.LeftButton)
    assert isinstance(box.dialog, UsageCorrectionDialog)
    assert box.dialog.state.usage.id == usage_id
    box.dialog.reject()


def test_an_invoiced_usage_points_to_the_credit_note(ctx, qtbot, db, operator, lab):
    usage_id = checked_out(db, operator, lab, 40)
    basket_id = baskets.open_basket(db, operator, lab["emilie"])
    total = baskets.get_basket(db, basket_id).total_cents
    invoice_id = documents.validate_basket(db, operator, basket_id, [PaymentInput("card", total)])
    number = documents.get_invoice(db, invoice_id).number
    dialog = UsageCorrectionDialog(ctx, usage_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert number in dialog.status.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.quantities[lab["pla"]].isEnabled()
