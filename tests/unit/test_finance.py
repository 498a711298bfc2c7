"""Funders, grants, expenses and the revenue balance (issue 6)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.db.models import (
    Audience,
    Expense,
    Machine,
    MachineCategory,
    Member,
    Membership,
    Space,
    Structure,
    Usage,
    UsageCharge,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.finance import month_end
from tierslieu_desktop.services.billing import baskets, credit_notes, documents
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.services.finance import accounts, expenses
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.finance import funding as fin
from tierslieu_desktop.services.pricing.tariff_csv import CsvImportError

Y = 2026
JAN1, DEC31 = date(Y, 1, 1), date(Y, 12, 31)


def add(db, *objects):
    with db.write() as s:
        s.add_all(objects)
        s.flush()
        return [o.id for o in objects]


@pytest.fixture
def ids(db, operator):
    everyone, schools = add(db, Audience(name="Grand public"), Audience(name="Scolaires"))
    (space,) = add(db, Space(name="Fablab", kind="fablab"))
    (cat,) = add(db, MachineCategory(name="Découpe laser"))
    (laser,) = add(db, Machine(name="Laser", category_id=cat, space_id=space))
    add(
        db,
        Structure(
            id=1,
            name="Fab'Causse",
            siret="73282932000074",
            address="2 place de la Halle",
            postcode="46160",
            city="Cajarc",
            vat_regime="exempt_non_profit",
        ),
    )
    emilie, school = add(
        db,
        Member(
            number="A00001",
            first_name="Émilie",
            last_name="Delpech",
            sort_name="delpech emilie",
            audience_id=everyone,
        ),
        Member(
            number="A00002",
            kind="organisation",
            last_name="Collège Champollion",
            sort_name="college champollion",
            audience_id=schools,
        ),
    )
    return {
        "everyone": everyone,
        "schools": schools,
        "space": space,
        "laser": laser,
        "emilie": emilie,
        "school": school,
    }


def usage(db, ids, member, day, charges=((2400, 0),), *, machine=None, group=False, minutes=120):
    start = local_dt(day, 10 * 60)
    u = Usage(
        space_id=None if machine else ids["space"],
        machine_id=machine,
        member_id=None if group else member,
        organisation_id=member if group else None,
        start_at=start,
        end_at=start + timedelta(minutes=minutes),
        minutes=minutes,
    )
    (uid,) = add(db, u)
    add(
        db,
        *[
            UsageCharge(
                usage_id=uid,
                kind="time" if i == 0 else "consumable",
                label="Fablab" if i == 0 else "Filament PLA",
                list_cents=lst,
                reduction_cents=red,
                charged_cents=lst - red,
            )
            for i, (lst, red) in enumerate(charges)
        ],
    )
    return uid


def invoice_usages(db, operator, member, when: datetime, paid: int) -> int:
    basket = baskets.open_basket(db, operator, member)
    return documents.validate_basket(
        db, operator, basket, [PaymentInput("card", paid)], issued_at=when
    )


def at(day: date, hour: int = 15) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def funders(db, operator):
    cc = fin.save_funder(db, operator, name="CC Grand-Figeac", sector="public", level="epci")
    region = fin.save_funder(db, operator, name="Région Occitanie", sector="public", level="region")
    bank = fin.save_funder(db, operator, name="Crédit Agricole", sector="private", level="company")
    return cc, region, bank


def grant(db, operator, funder, amount, start, end, nature="operating", **kw):
    return fin.save_grant(
        db,
        operator,
        funder_id=funder,
        purpose=kw.pop("purpose", "Fonctionnement"),
        nature=nature,
        period_start=start,
        period_end=end,
        requested_cents=amount or 0,
        granted_cents=amount,
        granted_on=kw.pop("granted_on", start),
        **kw,
    )


def figures(b: balance_service.Balance) -> dict[str, int]:
    """Every clickable figure of a balance, by its details() key."""
    out = {"own": b.own_cents, "public": b.public_cents, "private": b.private_cents}
    out["costs"] = b.costs_cents
    out.update({f"own:{k}": v for k, v in b.own_by_category.items()})
    out.update({f"public:{k}": v for k, v in b.public_by_level.items()})
    out.update({f"private:{k}": v for k, v in b.private_by_level.items()})
    out.update({f"costs:{k}": v for k, v in b.costs_by_category.items()})
    out["in_kind"] = b.in_kind_cents
    out.update({f"in_kind:{k}": v for k, v in b.in_kind_by_level.items()})
    out.update({f"reduced:{k}": v[2] for k, v in b.reduced_access_by_audience.items()})
    out.update({f"machine:{m.machine_id}": m.cost_cents for m in b.machines})
    return out


@pytest.fixture
def year(db, operator, ids):
    """A year of activity: invoices, a credit note, grants, in-kind, expenses, a machine."""
    usage(db, ids, ids["emilie"], date(Y, 2, 10), ((2400, 600), (1000, 0)))
    first = invoice_usages(db, operator, ids["emilie"], at(date(Y, 2, 10)), 2800)
    line = documents.get_invoice(db, first).lines[1]
    credit_notes.create_credit_note(
        db,
        operator,
        first,
        lines=[(line.id, 400)],
        reason="Filament défectueux",
        refund=PaymentInput("cash", 400),
        issued_at=at(date(Y, 3, 2)),
    )
    usage(db, ids, ids["school"], date(Y, 5, 4), ((3000, 3000),), group=True)
    usage(db, ids, ids["emilie"], date(Y, 6, 1), ((1800, 0),), machine=ids["laser"], minutes=90)
    invoice_usages(db, operator, ids["emilie"], at(date(Y, 6, 3)), 1800)
    cc, region, bank = funders(db, operator)
    grant(db, operator, cc, 36500_00, JAN1, DEC31)
    grant(db, operator, region, 60000_00, date(Y, 4, 1), date(Y, 4, 1), "investment")
    grant(db, operator, bank, 1500_00, date(Y, 9, 1), date(Y, 9, 1), "donation")
    fin.save_in_kind(
        db,
        operator,
        funder_id=cc,
        year=Y,
        kind="premises",
        description="Locaux",
        value_cents=12000_00,
    )
    fin.save_in_kind(
        db,
        operator,
        funder_id=None,
        year=Y,
        kind="volunteering",
        description="Bénévolat",
        hours=300,
        value_cents=3600_00,
    )
    expenses.save_expense(
        db, operator, day=date(Y, 3, 15), category="rent", activity="general", amount_cents=4000_00
    )
    expenses.save_expense(
        db,
        operator,
        day=date(Y, 7, 20),
        category="maintenance",
        activity="fablab",
        amount_cents=350_00,
        machine_id=ids["laser"],
    )
    with db.write() as s:
        m = s.get(Machine, ids["laser"])
        m.purchase_date, m.purchase_value_cents, m.depreciation_years = JAN1, 36500_00, 5
    return ids


# --------------------------------------------------------------------------- identities


def test_balance_identities_and_months_add_up(db, year):
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.own_cents + b.public_cents + b.private_cents == b.total_revenue_cents
    assert b.result_cents == b.total_revenue_cents - b.costs_cents
    assert [m.month for m in b.months] == [date(Y, n, 1) for n in range(1, 13)]
    assert sum(m.own_cents for m in b.months) == b.own_cents
    assert sum(m.public_cents for m in b.months) == b.public_cents
    assert sum(m.private_cents for m in b.months) == b.private_cents
    assert sum(m.costs_cents for m in b.months) == b.costs_cents
    for m in b.months:  # each month is the balance of that month alone
        alone = balance_service.balance(db, m.month, month_end(m.month))
        alone_month = alone.months[0]
        assert (alone_month.own, alone_month.public, alone_month.private, alone_month.costs) == (
            m.own,
            m.public,
            m.private,
            m.costs,
        )
    # own: 2400-600 + 1000 invoiced, 400 credited, 1800 on the laser
    assert b.own_by_category == {"services": 1800 + 1800, "sales": 1000 - 400}
    assert b.self_financing_bp == round(b.own_cents * 10000 / b.costs_cents)
    assert b.public_share_bp == round(b.public_cents * 10000 / b.total_revenue_cents)


def test_a_credit_note_lowers_the_category_of_its_line_in_its_month(db, year):
    feb = balance_service.balance(db, date(Y, 2, 1), date(Y, 2, 28))
    mar = balance_service.balance(db, date(Y, 3, 1), date(Y, 3, 31))
    assert feb.own_by_category == {"services": 1800, "sales": 1000}
    assert mar.own_by_category == {"sales": -400}
    details = balance_service.details(db, "own:sales", date(Y, 3, 1), date(Y, 3, 31))
    assert [(r.source, r.amount_cents) for r in details] == [("credit_note", -400)]
    assert details[0].reference.startswith("AV")


def test_revenue_falls_on_the_local_day_across_summer_time(db, operator, ids):
    usage(db, ids, ids["emilie"], date(Y, 3, 31))
    # 22:30 UTC on 31 March is 00:30 on 1 April in Paris (summer time since the 29th)
    invoice_usages(db, operator, ids["emilie"], datetime(Y, 3, 31, 22, 30, tzinfo=UTC), 2400)
    assert balance_service.balance(db, date(Y, 3, 1), date(Y, 3, 31)).own_cents == 0
    april = balance_service.balance(db, date(Y, 4, 1), date(Y, 4, 30))
    assert april.own_by_category == {"services": 2400}
    assert [r.day for r in balance_service.details(db, "own", date(Y, 4, 1), date(Y, 4, 30))] == [
        date(Y, 4, 1)
    ]


def test_in_kind_is_shown_apart_never_in_cash_funding_nor_costs(db, operator, ids):
    before = balance_service.balance(db, JAN1, DEC31)
    (cc, _, _) = funders(db, operator)
    fin.save_in_kind(
        db, operator, funder_id=cc, year=Y, kind="staff", description="Agent", value_cents=24000_00
    )
    fin.save_in_kind(
        db, operator, funder_id=None, year=Y, kind="volunteering", description="B", value_cents=1200
    )
    expenses.save_expense(
        db, operator, day=date(Y, 3, 1), category="rent", activity="general", amount_cents=1000_00
    )
    usage(db, ids, ids["emilie"], date(Y, 2, 10))
    invoice_usages(db, operator, ids["emilie"], at(date(Y, 2, 10)), 2400)
    after = balance_service.balance(db, JAN1, DEC31)
    assert after.in_kind_by_level == {"epci": 24000_00, "volunteering": 1200}
    assert after.in_kind_cents == 24000_00 + 1200
    assert (after.public_by_level, after.private_by_level) == ({}, {})
    assert after.collectivity_cents == 0 and after.collectivity_share_bp == 0
    assert after.costs_by_category == {"rent": 1000_00}
    assert before.result_cents == 0
    assert after.result_cents == 2400 - 1000_00
    # self-financing without and with in-kind, both defined
    assert after.self_financing_bp == 240  # 24 € ÷ 1 000 €
    assert after.self_financing_in_kind_bp == round(2400 * 10000 / (1000_00 + 24012_00))
    assert after.months[0].in_kind == {"epci": 2000_00, "volunteering": 100}  # a twelfth
    assert after.months[0].public == {}
    assert balance_service.balance(db, date(Y + 1, 1, 1), date(Y + 1, 12, 31)).in_kind_cents == 0
    rows = balance_service.details(db, "in_kind:epci", JAN1, DEC31)
    assert [r.amount_cents for r in rows] == [24000_00]
    assert balance_service.details(db, "public", JAN1, DEC31) == []


def test_collectivity_share_is_local_authorities_only_and_mecenat_is_not_a_grant(db, operator, ids):
    cc, region, bank = funders(db, operator)
    state = fin.save_funder(db, operator, name="Préfecture", sector="public", level="etat")
    eu = fin.save_funder(db, operator, name="LEADER", sector="public", level="ue")
    work = fin.save_funder(db, operator, name="France Travail", sector="public", level="employment")
    for funder, amount in ((cc, 300_00), (region, 100_00), (state, 200_00), (eu, 250_00)):
        grant(db, operator, funder, amount, JAN1, DEC31)
    grant(db, operator, work, 150_00, JAN1, DEC31)
    grant(db, operator, bank, 500_00, date(Y, 9, 1), date(Y, 9, 1), "donation")
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.public_cents == 1000_00
    assert b.collectivity_cents == 400_00  # CC + Région, not the State, EU, France Travail
    assert b.collectivity_share_bp == round(400_00 * 10000 / 1500_00)
    assert b.public_share_bp == round(1000_00 * 10000 / 1500_00)
    assert b.private_support_cents == 500_00


# --------------------------------------------------------------------------- grants


def test_operating_grant_spread_over_the_days_of_its_period(db, operator, ids):
    cc, _, _ = funders(db, operator)
    grant(db, operator, cc, 36500_00, date(Y, 7, 1), date(Y + 1, 6, 30))  # 365 days
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.public_by_level == {"epci": 184 * 100_00}  # July → December
    assert b.months[6].public == {"epci": 31 * 100_00}
    assert b.months[5].public == {}
    nxt = balance_service.balance(db, date(Y + 1, 1, 1), date(Y + 1, 12, 31))
    assert b.public_cents + nxt.public_cents == 36500_00


def test_investment_grant_follows_its_machines_depreciation(db, operator, ids):
    _, region, _ = funders(db, operator)
    with db.write() as s:
        s.get(Machine, ids["laser"]).depreciation_years = 3
    grant(db, operator, region, 30000_00, JAN1, JAN1, "investment", machine_ids=[ids["laser"]])
    by_year = balance_service.balance_by_year(db, [Y, Y + 1, Y + 2, Y + 3])
    amounts = [by_year[y].public_by_level.get("region", 0) for y in sorted(by_year)]
    assert sum(amounts) == 30000_00 and amounts[3] == 0
    assert all(abs(a - 10000_00) < 100_00 for a in amounts[:3])
    assert fin.get_grant(db, 1).machine_ids == [ids["laser"]]


def test_donation_on_its_day_and_undecided_grant_counts_nothing(db, operator, ids):
    _, region, bank = funders(db, operator)
    grant(db, operator, bank, 500_00, JAN1, JAN1, "donation", granted_on=date(Y, 9, 12))
    fin.save_grant(
        db,
        operator,
        funder_id=region,
        purpose="Demande en cours",
        nature="operating",
        period_start=JAN1,
        period_end=DEC31,
        requested_cents=10000_00,
    )
    b = balance_service.balance(db, JAN1, DEC31)
    assert (b.public_cents, b.private_by_level) == (0, {"company": 500_00})
    assert b.months[8].private == {"company": 500_00}


# --------------------------------------------------------------------------- own revenue


def test_usages_before_invoicing_start_count_at_their_charged_price(db, operator, ids):
    usage(db, ids, ids["emilie"], date(Y, 10, 5), ((2400, 600), (500, 0)))
    usage(db, ids, ids["emilie"], date(Y, 11, 3))  # after the start, not invoiced yet
    add(
        db,
        Membership(
            member_id=ids["emilie"],
            audience_id=ids["everyone"],
            start_date=date(Y, 9, 1),
            end_date=date(Y + 1, 8, 31),
            fee_cents=2000,
        ),
    )
    baskets.set_invoicing_start(db, operator, date(Y, 11, 1))
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.own_by_category == {"services": 1800, "sales": 500, "memberships": 2000}
    assert b.months[9].own == {"services": 1800, "sales": 500}
    # once invoiced, the November usage is revenue on its invoice day
    invoice_usages(db, operator, ids["emilie"], at(date(Y, 11, 20)), 2400)
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.months[10].own == {"services": 2400}


def test_wallet_topups_are_not_revenue_until_spent(db, operator, ids):
    basket = baskets.open_basket(db, operator, ids["emilie"])
    baskets.add_wallet_topup_line(db, operator, basket, 3000)
    documents.validate_basket(
        db, operator, basket, [PaymentInput("cash", 3000)], issued_at=at(JAN1)
    )
    assert balance_service.balance(db, JAN1, DEC31).own_cents == 0
    usage(db, ids, ids["emilie"], date(Y, 2, 2))
    basket = baskets.open_basket(db, operator, ids["emilie"])
    documents.validate_basket(
        db, operator, basket, [PaymentInput("wallet", 2400)], issued_at=at(date(Y, 2, 2))
    )
    assert balance_service.balance(db, JAN1, DEC31).own_by_category == {"services": 2400}


def test_reduced_access_value_by_public_of_the_payer(db, year):
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.reduced_access_by_audience == {
        "Grand public": (2400 + 1000 + 1800, 1800 + 1000 + 1800, 600),
        "Scolaires": (3000, 0, 3000),
    }
    rows = balance_service.details(db, "reduced:Scolaires", JAN1, DEC31)
    assert [(r.day, r.amount_cents) for r in rows] == [(date(Y, 5, 4), 3000)]


def test_reduced_access_splits_invoiced_from_charged_not_invoiced(db, operator, year):
    # Émilie's two usages are invoiced; the school's is charged 0 (nothing to collect)
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.invoiced_by_audience == {"Grand public": 1800 + 1000 + 1800, "Scolaires": 0}
    # a typo checked out and never invoiced is charged, not invoiced (issue 17)
    usage(db, ids=year, member=year["emilie"], day=date(Y, 9, 7), charges=((8_514_050, 0),))
    b = balance_service.balance(db, JAN1, DEC31)
    _listed, charged, _given = b.reduced_access_by_audience["Grand public"]
    assert charged == 1800 + 1000 + 1800 + 8_514_050
    assert b.invoiced_by_audience["Grand public"] == 1800 + 1000 + 1800
    # once invoiced, it counts
    invoice_usages(db, operator, year["emilie"], at(date(Y, 9, 8)), 8_514_050)
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.invoiced_by_audience["Grand public"] == charged


def test_machine_cost_recovery(db, year):
    (laser,) = balance_service.balance(db, JAN1, DEC31).machines
    assert (laser.name, laser.minutes, laser.revenue_cents) == ("Laser", 90, 1800)
    depreciation = round(36500_00 * 365 / (365 * 4 + 366))  # 5 years from 1 Jan 2026
    assert laser.cost_cents == 350_00 + depreciation
    assert laser.revenue_per_hour_cents == 1200
    assert laser.cost_per_hour_cents == round(laser.cost_cents * 60 / 90)
    rows = balance_service.details(db, f"machine:{laser.machine_id}", JAN1, DEC31)
    assert {r.source for r in rows} == {"expense", "depreciation"}


def test_budget_against_actual(db, operator, year):
    expenses.set_budget(db, Y, "expense", "rent", 5000_00)
    expenses.set_budget(db, Y, "revenue", "public", 100000_00)
    expenses.set_budget(db, Y, "expense", "rent", 4500_00)  # replaced
    assert expenses.budget(db, Y) == {
        ("expense", "rent"): 4500_00,
        ("revenue", "public"): 100000_00,
    }
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.budget[("expense", "rent")] == (4500_00, 4000_00)
    assert b.budget[("revenue", "public")] == (100000_00, b.public_cents)
    with pytest.raises(ValidationError) as err:
        expenses.set_budget(db, Y, "expense", "salaries", 1)
    assert err.value.fields == {"category": "unknown"}


def test_details_of_every_figure_add_up_to_it(db, year):
    for first, last in ((JAN1, DEC31), (date(Y, 3, 10), date(Y, 4, 20))):
        b = balance_service.balance(db, first, last)
        for key, value in figures(b).items():
            rows = balance_service.details(db, key, first, last)
            assert sum(r.amount_cents for r in rows) == value, key
    assert len(figures(balance_service.balance(db, JAN1, DEC31))) > 15


# --------------------------------------------------------------------------- expenses


CSV = (
    "\ufeffdate;categorie;activite;montant;libelle;fournisseur\n"
    "15/01/2026;energie;general;1 234,56;Électricité janvier;EDF\n"
    "2026-02-03;consumables;fablab;89,9;Filament;Ultimaker\n"
)


def expense_count(db):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Expense))


def test_expense_csv_import(db, operator):
    assert expenses.import_expenses_csv(db, operator, CSV) == 2
    rows = expenses.list_expenses(db)
    assert [(r.day, r.category, r.activity, r.amount_cents, r.supplier) for r in rows] == [
        (date(2026, 2, 3), "consumables", "fablab", 8990, "Ultimaker"),
        (date(2026, 1, 15), "energy", "general", 123456, "EDF"),
    ]
    assert [r.id for r in expenses.list_expenses(db, category="energy")] == [rows[1].id]
    assert expenses.list_expenses(db, first_day=date(2026, 2, 1), last_day=date(2026, 2, 28)) == [
        rows[0]
    ]


@pytest.mark.parametrize(
    ("bad_line", "field", "problem"),
    [
        ("31/02/2026;rent;general;10;;", "date", "date_invalid"),
        ("01/03/2026;salaires;general;10;;", "categorie", "unknown"),
        ("01/03/2026;rent;general;dix;;", "montant", "amount_invalid"),
        ("01/03/2026;rent;general;-5;;", "montant", "amount_negative"),
    ],
)
def test_expense_csv_refuses_a_bad_line_by_its_number_and_writes_nothing(
    db, operator, bad_line, field, problem
):
    with pytest.raises(CsvImportError) as err:
        expenses.import_expenses_csv(db, operator, CSV + bad_line + "\n")
    assert (err.value.line, err.value.field, err.value.problem) == (4, field, problem)
    assert expense_count(db) == 0


def test_expense_save_validation_and_delete(db, operator):
    with pytest.raises(ValidationError) as err:
        expenses.save_expense(
            db, operator, day=None, category="food", activity="fablab", amount_cents=-1
        )
    assert err.value.fields == {
        "day": "required",
        "category": "unknown",
        "amount_cents": "amount_negative",
    }
    eid = expenses.save_expense(
        db, operator, day=JAN1, category="rent", activity="general", amount_cents=100
    )
    expenses.save_expense(
        db,
        operator,
        expense_id=eid,
        day=JAN1,
        category="rent",
        activity="general",
        amount_cents=200,
    )
    assert [r.amount_cents for r in expenses.list_expenses(db)] == [200]
    expenses.delete_expense(db, operator, eid, "Saisie en double")
    assert expenses.list_expenses(db) == []


def test_an_expense_is_paid_on_its_day_by_transfer_unless_told(db, operator):
    common = dict(day=JAN1, category="rent", activity="general", amount_cents=100)
    eid = expenses.save_expense(db, operator, **common)
    (row,) = expenses.list_expenses(db)
    assert (row.payment_day, row.payment_method) == (JAN1, "transfer")
    later = JAN1 + timedelta(days=9)
    expenses.save_expense(
        db, operator, expense_id=eid, payment_day=later, payment_method="cheque", **common
    )
    (row,) = expenses.list_expenses(db)
    assert (row.payment_day, row.payment_method) == (later, "cheque")
    expenses.save_expense(db, operator, expense_id=eid, unpaid=True, **common)
    assert expenses.list_expenses(db)[0].payment_day is None
    with pytest.raises(ValidationError) as err:
        expenses.save_expense(
            db, operator, payment_day=date(1850, 1, 1), payment_method="barter", **common
        )
    assert err.value.fields == {"payment_day": "date_out_of_range", "payment_method": "unknown"}
    # imported from the bank statement: paid by transfer on its day
    assert expenses.import_expenses_csv(db, operator, CSV) == 2
    imported = [r for r in expenses.list_expenses(db) if r.id != eid]
    assert [(r.payment_day, r.payment_method) for r in imported] == [
        (r.day, "transfer") for r in imported
    ]


def test_migration_0013_takes_existing_expenses_as_paid_on_their_day(tmp_path):
    from sqlalchemy import create_engine, text

    from tierslieu_desktop.db.migrations.runner import upgrade

    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    try:
        upgrade(engine, "0012")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO expense (day, category, activity, amount_cents, label,"
                    " supplier, created_at, updated_at) VALUES ('2025-03-04', 'rent',"
                    " 'general', 40000, 'Loyer', '', '2025-03-04', '2025-03-04')"
                )
            )
        upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT payment_day, payment_method FROM expense")).one()
            assert tuple(row) == ("2025-03-04", "transfer")
            with pytest.raises(Exception, match="CHECK"):
                conn.execute(text("UPDATE expense SET payment_method = 'barter'"))
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- funders, grants


def test_funders_and_grants_crud(db, operator, ids):
    cc, region, bank = funders(db, operator)
    with pytest.raises(ValidationError) as err:
        fin.save_funder(db, operator, name="cc grand-figeac", sector="public", level="galaxy")
    assert err.value.fields == {"name": "name_taken", "level": "unknown"}
    assert [f.name for f in fin.list_funders(db)] == [
        "CC Grand-Figeac",
        "Crédit Agricole",
        "Région Occitanie",
    ]
    with pytest.raises(ValidationError) as err:
        fin.save_grant(
            db,
            operator,
            funder_id=cc,
            purpose="",
            nature="operating",
            period_start=DEC31,
            period_end=JAN1,
            requested_cents=0,
        )
    assert err.value.fields == {"purpose": "required", "period_end": "end_before_start"}
    gid = grant(
        db,
        operator,
        cc,
        20000_00,
        JAN1,
        DEC31,
        planned_budget={"staff": 15000_00, "rent": 5000_00},
        report_due=date(Y + 1, 3, 31),
        report_status="todo",
    )
    fin.add_grant_payment(db, operator, gid, date(Y, 3, 1), 10000_00, "Acompte")
    fin.add_grant_payment(db, operator, gid, date(Y, 10, 1), 5000_00)
    g = fin.get_grant(db, gid)
    assert (g.funder_name, g.sector, g.level, g.received_cents) == (
        "CC Grand-Figeac",
        "public",
        "epci",
        15000_00,
    )
    assert g.planned_budget == {"staff": 15000_00, "rent": 5000_00}
    assert [p[2] for p in fin.grant_payments(db, gid)] == [10000_00, 5000_00]
    assert [r.id for r in fin.list_grants(db, year=Y)] == [gid]
    assert fin.list_grants(db, year=Y + 1) == []
    assert fin.reports_due(db, date(Y + 1, 3, 1)) == [g]
    assert fin.reports_due(db, date(Y + 1, 2, 1)) == []
    grant(db, operator, cc, 1, JAN1, DEC31, report_due=date(Y + 1, 3, 1), report_status="sent")
    assert [r.id for r in fin.reports_due(db, date(Y + 1, 3, 1))] == [gid]


def test_account_mapping_defaults_and_edits(db):
    mapping = accounts.account_mapping(db)
    assert mapping["revenue:usage"][0] == "706"
    assert mapping["revenue:membership"][0] == "756"
    accounts.set_account(db, "revenue:usage", "7061", "Utilisation des machines")
    assert accounts.account_mapping(db)["revenue:usage"] == ("7061", "Utilisation des machines")
    with pytest.raises(ValidationError):
        accounts.set_account(db, "revenue:usage", "abc")
