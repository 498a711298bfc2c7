"""Prepaid packs of hours, the wallet, and the membership renewal suggested at the desk."""

from __future__ import annotations

from datetime import date

import pytest

from tierslieu_desktop.db.models import Audience, Membership, MembershipFee, PackType
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.pricing import packs


def add(db, *objects):
    with db.write() as s:
        s.add_all(objects)
        s.flush()
        return [o.id for o in objects]


@pytest.fixture
def ids(db, operator):
    (job, everyone) = add(db, Audience(name="Demandeurs d'emploi"), Audience(name="Grand public"))
    member = save_member(
        db, operator, MemberInput(first_name="Émilie", last_name="Delpech", audience_id=job)
    )
    (ten_hours, old) = add(
        db,
        PackType(name="Carnet 10 h", minutes=600, validity_months=12, price_cents=9000),
        PackType(
            name="Ancien carnet", minutes=60, validity_months=1, price_cents=900, archived=True
        ),
    )
    return {"job": job, "everyone": everyone, "member": member, "pack": ten_hours, "old": old}


def test_pack_expires_the_day_before_the_same_date_after_its_validity(db, operator, ids):
    pack_id = packs.buy_pack(db, operator, ids["member"], ids["pack"], date(2026, 3, 15))
    (row,) = packs.member_packs(db, ids["member"], date(2026, 3, 15))
    assert (row.id, row.name, row.minutes_total, row.minutes_left, row.price_cents) == (
        pack_id,
        "Carnet 10 h",
        600,
        600,
        9000,
    )
    assert (row.purchased_on, row.expires_on, row.expired) == (
        date(2026, 3, 15),
        date(2027, 3, 14),
        False,
    )
    assert packs.member_packs(db, ids["member"], date(2027, 3, 15))[0].expired
    assert packs.pack_expiry(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert [m.amount for m in packs.pack_movements(db, pack_id)] == [600]


def test_an_archived_pack_type_is_no_longer_sold(db, operator, ids):
    with pytest.raises(DomainError) as err:
        packs.buy_pack(db, operator, ids["member"], ids["old"], date(2026, 3, 15))
    assert err.value.code == "pack_type_archived"
    assert packs.member_packs(db, ids["member"], date(2026, 3, 15)) == []


def test_usable_packs_come_first_soonest_expiry_first(db, operator, ids):
    first = packs.buy_pack(db, operator, ids["member"], ids["pack"], date(2025, 1, 10))
    second = packs.buy_pack(db, operator, ids["member"], ids["pack"], date(2026, 2, 1))
    third = packs.buy_pack(db, operator, ids["member"], ids["pack"], date(2026, 1, 1))
    rows = packs.member_packs(db, ids["member"], date(2026, 3, 1))
    assert [(r.id, r.expired) for r in rows] == [(third, False), (second, False), (first, True)]


def test_wallet_never_goes_below_zero(db, operator, ids):
    member = ids["member"]
    packs.wallet_credit(db, operator, member, 2000, "chèque n° 123")
    packs.wallet_debit(db, operator, member, 1500, "atelier")
    with pytest.raises(DomainError) as err:
        packs.wallet_debit(db, operator, member, 501)
    assert (err.value.code, err.value.params["balance"]) == ("wallet_insufficient", 500)
    packs.wallet_debit(db, operator, member, 500)
    assert packs.wallet_balance(db, member) == 0
    assert [(m.amount, m.note) for m in packs.wallet_movements(db, member)] == [
        (2000, "chèque n° 123"),
        (-1500, "atelier"),
        (-500, ""),
    ]
    for bad in (0, -100):
        with pytest.raises(ValidationError) as verr:
            packs.wallet_credit(db, operator, member, bad)
        assert verr.value.fields == {"amount": "amount_not_positive"}
    assert packs.wallet_balance(db, member) == 0


def test_renewal_suggested_after_expiry_and_not_while_covered(db, operator, ids):
    add(
        db,
        Membership(
            member_id=ids["member"],
            audience_id=ids["job"],
            start_date=date(2025, 1, 1),
            end_date=date(2025, 12, 31),
            fee_cents=1000,
        ),
        MembershipFee(
            audience_id=None,
            duration="calendar_year",
            amount_cents=2000,
            valid_from=date(2020, 1, 1),
        ),
        MembershipFee(
            audience_id=ids["job"],
            duration="calendar_year",
            amount_cents=500,
            valid_from=date(2026, 1, 1),
        ),
        MembershipFee(
            audience_id=ids["job"], duration="month", amount_cents=100, valid_from=date(2020, 1, 1)
        ),
    )
    assert packs.renewal_suggestion(db, ids["member"], date(2025, 12, 31)) is None
    suggestion = packs.renewal_suggestion(db, ids["member"], date(2026, 2, 10))
    assert suggestion == packs.RenewalSuggestion(
        audience_id=ids["job"],
        audience_name="Demandeurs d'emploi",
        duration="calendar_year",
        fee_cents=500,
        start=date(2026, 2, 10),
        end=date(2026, 12, 31),
        expired_on=date(2025, 12, 31),
    )


def test_renewal_uses_another_duration_when_no_calendar_year_fee(db, operator, ids):
    add(
        db,
        MembershipFee(
            audience_id=None, duration="school_year", amount_cents=1500, valid_from=date(2020, 1, 1)
        ),
    )
    suggestion = packs.renewal_suggestion(db, ids["member"], date(2026, 10, 1))
    assert (suggestion.duration, suggestion.fee_cents, suggestion.end) == (
        "school_year",
        1500,
        date(2027, 8, 31),
    )
    assert suggestion.expired_on is None  # never a member
