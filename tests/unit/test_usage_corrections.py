"""Correcting a usage before it is invoiced (issue 17): price, stock, quotas, hour counter
and an open basket follow; each change is audited; an invoiced usage is refused; outlier
quantities and quantities above the stock are flagged; a failure writes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.db.models import (
    Audience,
    Consumable,
    Machine,
    MachineCategory,
    PriceRule,
    Quota,
    QuotaUse,
    Space,
    Structure,
    UsageCorrection,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.billing import baskets, documents, usage_corrections
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.pricing import engine as pricing
from tierslieu_desktop.services.scheduling import bookings, quantities, usages
from tierslieu_desktop.services.scheduling.bookings import BookingInput

MONDAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def at(hh: int, mm: int = 0, day: date = MONDAY) -> datetime:
    return local_dt(day, hh * 60 + mm)


def add(db, *objects):
    with db.write() as s:
        s.add_all(objects)
        s.flush()
        return [o.id for o in objects]


@pytest.fixture
def lab(db, operator):
    """A printer at 2 €/h (per hour), PLA at 0,10 €/g with 5 kg in stock, plywood at 4 €
    a sheet (not followed); Émilie's audience has 1 h free a month; a structure that
    invoices."""
    add(
        db,
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
        ),
    )
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        cat = MachineCategory(name="Impression 3D")
        job = Audience(name="Demandeurs d'emploi")
        s.add_all([fablab, cat, job])
        s.flush()
        printer = Machine(name="Prusa MK4", category=cat, space=fablab, hour_counter_minutes=600)
        s.add(printer)
        s.flush()
        ids = {"fablab": fablab.id, "printer": printer.id, "job": job.id}
    opening_hours.set_schedule(db, operator, ids["fablab"], {d: [(540, 1080)] for d in range(5)})
    ids["emilie"] = save_member(
        db, operator, MemberInput(first_name="Émilie", last_name="Delpech", audience_id=ids["job"])
    )
    ids["pla"] = usages.save_consumable(db, operator, "Filament PLA", "gram")
    ids["plywood"] = usages.save_consumable(db, operator, "Contreplaqué 3 mm", "sheet")
    usages.set_machine_consumables(db, operator, ids["printer"], [ids["pla"], ids["plywood"]])
    with db.write() as s:
        s.get(Consumable, ids["pla"]).stock_milli = 5_000_000  # 5 kg
    valid = date(2020, 1, 1)
    add(
        db,
        PriceRule(machine_id=ids["printer"], unit="hour", amount_cents=200, valid_from=valid),
        PriceRule(consumable_id=ids["pla"], unit="consumable", amount_cents=10, valid_from=valid),
        PriceRule(
            consumable_id=ids["plywood"], unit="consumable", amount_cents=400, valid_from=valid
        ),
        Quota(
            audience_id=ids["job"],
            machine_id=ids["printer"],
            free_minutes_per_month=60,
            valid_from=valid,
        ),
    )
    return ids


def check_out(db, operator, lab, start, end, consumables):
    booking_id = bookings.create_booking(
        db,
        operator,
        BookingInput(
            machine_id=lab["printer"], member_id=lab["emilie"], start_at=start, end_at=end
        ),
        now=NOW,
    )
    return usages.check_out(db, operator, booking_id, start, end, consumables, now=LATER)


def pla_stock(db, lab) -> int:
    with db.read() as s:
        return s.get(Consumable, lab["pla"]).stock_milli


def charged(db, usage_id) -> int:
    return sum(c.charged_cents for c in pricing.usage_charges(db, usage_id))


def test_typo_corrected_before_invoicing_price_stock_basket_and_audit_follow(db, operator, lab):
    # 851 405 g typed instead of 85 g: the stock emptied, 85 140,50 € charged
    uid = check_out(db, operator, lab, at(10), at(12), [(lab["pla"], 851_405_000)])
    assert pla_stock(db, lab) == 0
    assert charged(db, uid) == 200 + 8_514_050  # 1 h free, 1 h at 2 €, PLA
    basket_id = baskets.open_basket(db, operator, lab["emilie"])
    assert baskets.get_basket(db, basket_id).total_cents == 8_514_250

    changed = usage_corrections.correct_usage(
        db,
        operator,
        uid,
        start_at=at(10),
        end_at=at(11),
        consumables=[(lab["pla"], 85_000), (lab["plywood"], 2_000)],
        now=LATER,
    )
    assert changed == 3  # end, PLA, plywood added
    # the stock got back what the check-out took (5 kg), then lost 85 g
    assert pla_stock(db, lab) == 5_000_000 - 85_000
    # priced again: 1 h free (the quota given back, taken again), 85 g = 8,50 €, 2 sheets
    assert charged(db, uid) == 850 + 800
    with db.read() as s:
        assert s.scalars(select(QuotaUse.minutes).where(QuotaUse.usage_id == uid)).all() == [60]
        assert s.get(Machine, lab["printer"]).hour_counter_minutes == 600 + 60
    basket = baskets.get_basket(db, basket_id)
    assert basket.total_cents == 1650
    # the member card lists it, in the basket, at its new price
    (listed,) = usage_corrections.usages_to_correct(db, lab["emilie"])
    assert (listed.usage_id, listed.resource, listed.charged_cents, listed.in_basket) == (
        uid,
        "Prusa MK4",
        1650,
        True,
    )
    assert {line.usage_id for line in basket.lines} == {uid}

    state = usage_corrections.correctable_usage(db, uid)
    assert state.invoice_number is None and state.basket_id == basket_id
    assert [(h.field, h.consumable, h.before, h.after) for h in state.history] == [
        ("end_at", "", at(12).isoformat(), at(11).isoformat()),
        ("consumable", "Filament PLA", "851405000", "85000"),
        ("consumable", "Contreplaqué 3 mm", "", "2000"),
    ]
    assert {h.operator for h in state.history} != {""}

    # removing the plywood line again is one more audited change
    usage_corrections.correct_usage(
        db, operator, uid, start_at=at(10), end_at=at(11), consumables=[(lab["pla"], 85_000)]
    )
    assert charged(db, uid) == 850
    assert usage_corrections.correctable_usage(db, uid).history[-1].after == ""
    # nothing changed: nothing written
    assert (
        usage_corrections.correct_usage(
            db, operator, uid, start_at=at(10), end_at=at(11), consumables=[(lab["pla"], 85_000)]
        )
        == 0
    )
    with db.read() as s:
        assert s.scalar(select(func.count(UsageCorrection.id))) == 4


def test_an_invoiced_usage_is_refused_and_points_to_the_credit_note(db, operator, lab):
    uid = check_out(db, operator, lab, at(10), at(12), [(lab["pla"], 100_000)])
    basket_id = baskets.open_basket(db, operator, lab["emilie"])
    total = baskets.get_basket(db, basket_id).total_cents
    invoice_id = documents.validate_basket(db, operator, basket_id, [PaymentInput("card", total)])
    number = documents.get_invoice(db, invoice_id).number
    with pytest.raises(DomainError) as err:
        usage_corrections.correct_usage(
            db, operator, uid, start_at=at(10), end_at=at(11), consumables=[]
        )
    assert (err.value.code, err.value.params) == ("usage_invoiced", {"number": number})
    assert usage_corrections.correctable_usage(db, uid).invoice_number == number
    assert usage_corrections.usages_to_correct(db, lab["emilie"]) == []
    assert pla_stock(db, lab) == 4_900_000
    assert charged(db, uid) == total


def test_a_failure_writes_nothing(db, operator, lab, monkeypatch):
    uid = check_out(db, operator, lab, at(10), at(12), [(lab["pla"], 100_000)])
    before = (pla_stock(db, lab), charged(db, uid), usages.get_usage(db, uid))

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(usage_corrections, "charge_usage", broken)
    with pytest.raises(RuntimeError):
        usage_corrections.correct_usage(
            db, operator, uid, start_at=at(10), end_at=at(11), consumables=[(lab["pla"], 5_000)]
        )
    assert (pla_stock(db, lab), charged(db, uid), usages.get_usage(db, uid)) == before
    with db.read() as s:
        assert s.scalar(select(func.count(UsageCorrection.id))) == 0
    # invalid input is refused before anything is read
    monkeypatch.undo()
    with pytest.raises(ValidationError) as err:
        usage_corrections.correct_usage(
            db, operator, uid, start_at=at(11), end_at=at(10), consumables=[(lab["pla"], 0)]
        )
    assert err.value.fields == {
        "end_at": "end_before_start",
        f"consumable_{lab['pla']}": "number_invalid",
    }


def test_warnings_for_a_quantity_far_above_the_usual_and_above_the_stock(db, operator, lab):
    for hour in (9, 10, 11, 12, 13, 14):
        check_out(db, operator, lab, at(hour), at(hour, 30), [(lab["pla"], 2_000)])
    # six usages of 2 g: 10 g is usual enough, 11 g is more than 5 × 2 g
    assert quantities.quantity_warnings(db, [(lab["pla"], 10_000)]) == []
    (far,) = quantities.quantity_warnings(
        db,
        [(lab["pla"], 11_000)],
        member_id=lab["emilie"],
        machine_id=lab["printer"],
        start=at(15),
        end=at(16),
    )
    assert (far.code, far.usual_milli, far.times, far.price_cents) == (
        "far_above_usual",
        2_000,
        5,
        110,
    )
    stock = pla_stock(db, lab)
    codes = [w.code for w in quantities.quantity_warnings(db, [(lab["pla"], stock + 1)])]
    assert codes == ["far_above_usual", "above_stock"]
    # plywood has no history and no followed stock: never flagged
    assert quantities.quantity_warnings(db, [(lab["plywood"], 900_000)]) == []


def test_a_correction_counts_its_own_stock_as_available(db, operator, lab):
    uid = check_out(db, operator, lab, at(10), at(12), [(lab["pla"], 4_000_000)])
    assert pla_stock(db, lab) == 1_000_000
    # 4,5 kg for this usage: the 4 kg it took are available again
    assert quantities.quantity_warnings(db, [(lab["pla"], 4_500_000)], usage_id=uid) == []
    (warning,) = quantities.quantity_warnings(db, [(lab["pla"], 5_500_000)], usage_id=uid)
    assert (warning.code, warning.stock_milli) == ("above_stock", 5_000_000)


def test_percentile_95_nearest_rank():
    assert quantities.percentile_95([5]) == 5
    assert quantities.percentile_95(list(range(1, 101))) == 95
    assert quantities.percentile_95([1, 1, 1, 1, 1000]) == 1000


def test_corrected_times_move_the_booking_and_stay_recorded(db, operator, lab):
    # booked 10:00–12:00, left at 11:30: the check-out cut the booking to 11:30
    uid = check_out(db, operator, lab, at(10), at(11, 30), [])
    booking_id = usages.get_usage(db, uid).booking_id
    assert booking_id is not None
    before = bookings.get_booking(db, booking_id)
    assert (before.start_at, before.end_at) == (at(10), at(11, 30))
    # in fact arrived at 10:15 and left at 12:30
    changed = usage_corrections.correct_usage(
        db, operator, uid, start_at=at(10, 15), end_at=at(12, 30), consumables=[], now=LATER
    )
    assert changed == 2
    after = bookings.get_booking(db, booking_id)
    assert (after.start_at, after.end_at) == (at(10, 15), at(12, 30))
    assert after.checked_in_at == at(10, 15)
    assert after.blocked_until - after.end_at == before.blocked_until - before.end_at
    assert after.status == "done"
    # the day's bookings (calendar, Accueil, member history) read the corrected times
    [row] = bookings.list_bookings(db, at(0), at(23, 59), member_id=lab["emilie"])
    assert (row.start_at, row.end_at) == (at(10, 15), at(12, 30))
    # the booking's history says why it moved, with its times before
    event = bookings.booking_history(db, booking_id)[-1]
    assert event.action == "usage_corrected"
    assert event.detail == f"before: {at(10).isoformat()} → {at(11, 30).isoformat()}"
    # and the correction itself: who, before → after
    history = usage_corrections.correctable_usage(db, uid).history
    assert [(h.field, h.before, h.after) for h in history] == [
        ("start_at", at(10).isoformat(), at(10, 15).isoformat()),
        ("end_at", at(11, 30).isoformat(), at(12, 30).isoformat()),
    ]
    assert all(h.operator for h in history)  # who corrected
    assert {h.operator for h in history} == {bookings.booking_history(db, booking_id)[0].operator}


def test_a_quantity_correction_leaves_the_booking_where_it_is(db, operator, lab):
    uid = check_out(db, operator, lab, at(10), at(11), [(lab["pla"], 40_000)])
    booking_id = usages.get_usage(db, uid).booking_id
    assert booking_id is not None
    events = len(bookings.booking_history(db, booking_id))
    usage_corrections.correct_usage(
        db, operator, uid, start_at=at(10), end_at=at(11), consumables=[(lab["pla"], 45_000)]
    )
    booking = bookings.get_booking(db, booking_id)
    assert (booking.start_at, booking.end_at) == (at(10), at(11))
    assert len(bookings.booking_history(db, booking_id)) == events
