"""Journal sources of issue 15 §4: grants, expenses, machine depreciation, in-kind
contributions — every entry balanced, on the accounts of ANC 2018-06."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tierslieu_desktop.db.models import (
    Expense,
    Funder,
    Grant,
    GrantMachine,
    GrantPayment,
    InKindContribution,
    Machine,
    MachineCategory,
    Space,
)
from tierslieu_desktop.domain.finance import (
    DEFAULT_ACCOUNTS,
    DEFAULT_DEPRECIATION_YEARS,
    depreciated_by,
)
from tierslieu_desktop.domain.journal import JOURNALS, JournalEntry
from tierslieu_desktop.services.finance.journal.depreciation import depreciation_entries
from tierslieu_desktop.services.finance.journal.expenses import expense_entries, supplier_aux
from tierslieu_desktop.services.finance.journal.grants import grant_entries
from tierslieu_desktop.services.finance.journal.in_kind import in_kind_entries

Y = 2026
JAN1, DEC31 = date(Y, 1, 1), date(Y, 12, 31)


def add(db, *objects):
    with db.write() as s:
        s.add_all(objects)
        s.flush()
        return [getattr(o, "id", None) for o in objects]


def number(key: str) -> str:
    """The account a line's key resolves to with the default mapping."""
    return key if key[:1].isdigit() else DEFAULT_ACCOUNTS[key][0]


def entries(db, source, first=JAN1, last=DEC31) -> list[JournalEntry]:
    with db.read() as s:
        out = list(source(s, first, last))
    for e in out:
        assert e.balanced, e
        assert e.journal in JOURNALS
        assert all((x.debit_cents > 0) != (x.credit_cents > 0) for x in e.lines), e
        assert first <= e.day <= last
    return out


def flat(es: list[JournalEntry]) -> list[tuple[str, str, str, int, int]]:
    """(journal, account number, aux, debit, credit) of every line."""
    return [
        (e.journal, number(x.account), x.aux, x.debit_cents, x.credit_cents)
        for e in es
        for x in e.lines
    ]


@pytest.fixture
def machines(db):
    (space,) = add(db, Space(name="Fablab", kind="fablab"))
    laser_cat, it_cat = add(
        db, MachineCategory(name="Découpe laser"), MachineCategory(name="Postes informatiques")
    )
    laser, pc = add(
        db,
        Machine(
            name="Laser",
            category_id=laser_cat,
            space_id=space,
            purchase_date=date(Y, 7, 1),
            purchase_value_cents=3000_00,
            depreciation_years=5,
        ),
        Machine(
            name="PC",
            category_id=it_cat,
            space_id=space,
            purchase_date=date(Y - 1, 1, 1),
            purchase_value_cents=900_00,
            depreciation_years=3,
        ),
    )
    return {"laser": laser, "pc": pc}


def test_operating_grant_of_the_region_on_441_with_the_funder_and_742(db):
    (region,) = add(db, Funder(name="Région Occitanie", sector="public", level="region"))
    (gid,) = add(
        db,
        Grant(
            funder_id=region,
            purpose="Animation",
            nature="operating",
            period_start=JAN1,
            period_end=DEC31,
            granted_cents=12000_00,
            granted_on=date(Y, 3, 10),
        ),
    )
    add(
        db,
        GrantPayment(grant_id=gid, received_on=date(Y, 4, 2), amount_cents=8000_00),
        GrantPayment(grant_id=gid, received_on=date(Y + 1, 1, 15), amount_cents=4000_00),
    )
    es = entries(db, grant_entries)
    decision, receipt = es
    assert (decision.journal, decision.day) == ("OD", date(Y, 3, 10))
    aux = decision.lines[0].aux
    assert aux and decision.lines[0].aux_label == "Région Occitanie"
    assert flat([decision]) == [
        ("OD", "441", aux, 12000_00, 0),
        ("OD", "742", "", 0, 12000_00),
    ]
    assert flat([receipt]) == [("BQ", "512", "", 8000_00, 0), ("BQ", "441", aux, 0, 8000_00)]
    # The decision and its instalments share a letter key: lettered once paid in full.
    assert receipt.lines[1].letter_key == decision.lines[0].letter_key != ""
    # The next year gets the last instalment only.
    assert flat(entries(db, grant_entries, date(Y + 1, 1, 1), date(Y + 1, 12, 31))) == [
        ("BQ", "512", "", 4000_00, 0),
        ("BQ", "441", aux, 0, 4000_00),
    ]


def test_donations_go_to_7541_dons_manuels_and_7542_mecenat(db):
    donors, company = add(
        db,
        Funder(name="Donateurs", sector="private", level="individual"),
        Funder(name="Crédit Agricole", sector="private", level="company"),
    )
    add(
        db,
        *(
            Grant(
                funder_id=f,
                purpose="Don",
                nature="donation",
                period_start=date(Y, 5, 1),
                period_end=date(Y, 5, 1),
                granted_cents=500_00,
                granted_on=date(Y, 5, 1),
            )
            for f in (donors, company)
        ),
    )
    credits = [a for _, a, _, _, c in flat(entries(db, grant_entries)) if c]
    assert credits == ["7541", "7542"]
    assert DEFAULT_ACCOUNTS["grant:individual"] == ("7541", "Dons manuels")
    assert DEFAULT_ACCOUNTS["grant:company"] == ("7542", "Mécénat")


def test_investment_grant_on_131_released_to_777_as_its_machine_depreciates(db, machines):
    (region,) = add(db, Funder(name="Région Occitanie", sector="public", level="region"))
    (gid,) = add(
        db,
        Grant(
            funder_id=region,
            purpose="Découpeuse laser",
            nature="investment",
            period_start=date(Y, 6, 1),
            period_end=date(Y, 12, 31),
            granted_cents=1500_00,  # half of the laser's 3,000 €
            granted_on=date(Y, 6, 15),
        ),
    )
    add(db, GrantMachine(grant_id=gid, machine_id=machines["laser"]))
    es = entries(db, grant_entries)
    lines = flat(es)
    assert ("OD", "131", "", 0, 1500_00) in lines
    # The laser depreciates 300 € in its first year: half of it is released.
    assert ("OD", "139", "", 150_00, 0) in lines and ("OD", "777", "", 0, 150_00) in lines
    years = [
        sum(
            c
            for _, a, _, _, c in flat(entries(db, grant_entries, date(y, 1, 1), date(y, 12, 31)))
            if a == "777"
        )
        for y in range(Y, Y + 6)
    ]
    assert years == [150_00, 300_00, 300_00, 300_00, 300_00, 150_00]


def test_investment_grant_without_machine_spread_over_the_default_years(db):
    (region,) = add(db, Funder(name="Département du Lot", sector="public", level="departement"))
    add(
        db,
        Grant(
            funder_id=region,
            purpose="Équipement",
            nature="investment",
            period_start=JAN1,
            period_end=DEC31,
            granted_cents=5000_00,
            granted_on=date(Y, 2, 1),
        ),
    )
    released = [
        sum(
            c
            for _, a, _, _, c in flat(entries(db, grant_entries, date(y, 1, 1), date(y, 12, 31)))
            if a == "777"
        )
        for y in range(Y, Y + DEFAULT_DEPRECIATION_YEARS + 1)
    ]
    assert released == [1000_00] * DEFAULT_DEPRECIATION_YEARS + [0]


def test_undecided_grant_writes_nothing(db):
    (region,) = add(db, Funder(name="Région Occitanie", sector="public", level="region"))
    add(
        db,
        Grant(
            funder_id=region,
            purpose="Demande",
            nature="operating",
            period_start=JAN1,
            period_end=DEC31,
            requested_cents=9000_00,
        ),
    )
    assert entries(db, grant_entries) == []


def test_depreciation_of_a_3000_eur_machine_over_5_years_bought_on_1_july(db, machines):
    es = entries(db, depreciation_entries)
    lines = flat(es)
    # Purchase of the year: asset 2154 against 404, paid by bank, lettered.
    assert ("OD", "2154", "", 3000_00, 0) in lines and ("BQ", "512", "", 0, 3000_00) in lines
    dotations = {e.source: e for e in es if e.lines[0].account == "expense:depreciation"}
    laser = dotations[f"depreciation:{machines['laser']}"]
    assert laser.day == DEC31
    assert flat([laser]) == [("OD", "6811", "", 300_00, 0), ("OD", "28154", "", 0, 300_00)]
    pc = dotations[f"depreciation:{machines['pc']}"]
    assert flat([pc]) == [("OD", "6811", "", 300_00, 0), ("OD", "28183", "", 0, 300_00)]
    total = sum(
        d
        for y in range(Y, Y + 7)
        for _, a, _, d, _ in flat(entries(db, depreciation_entries, date(y, 1, 1), date(y, 12, 31)))
        if a == "6811"
    )
    assert total == 3000_00 + 600_00  # the laser whole, the PC's last two years


def test_expenses_on_6x_against_the_supplier_and_paid_by_bank(db):
    add(
        db,
        Expense(
            day=date(Y, 2, 3),
            category="consumables",
            amount_cents=120_50,
            label="PLA",
            supplier="Leroy Merlin",
            payment_day=date(Y, 2, 3),
            payment_method="card",
        ),
        Expense(
            day=date(Y, 2, 28),
            category="staff",
            amount_cents=1800_00,
            label="Salaire",
            payment_day=date(Y, 2, 28),
        ),
        Expense(day=date(Y, 3, 1), category="rent", amount_cents=400_00, label="Loyer"),
        Expense(day=date(Y + 1, 1, 1), category="rent", amount_cents=400_00, label="Loyer"),
    )
    es = entries(db, expense_entries)
    aux, label = supplier_aux("Leroy Merlin")
    assert (aux, label) == ("401LEROYMERLIN", "Leroy Merlin")
    assert flat(es[:2]) == [
        ("OD", "6022", "", 120_50, 0),
        ("OD", "401", aux, 0, 120_50),
        ("BQ", "401", aux, 120_50, 0),
        ("BQ", "512", "", 0, 120_50),
    ]
    assert es[0].lines[1].letter_key == es[1].lines[0].letter_key != ""
    assert ("OD", "421", "", 0, 1800_00) in flat(es)
    assert ("OD", "613", "", 400_00, 0) in flat(es)
    assert sum(d for _, a, _, d, _ in flat(es) if a.startswith("6")) == 120_50 + 1800_00 + 400_00


def test_an_expense_paid_later_in_cash_or_across_the_year_end_or_not_yet(db):
    """Issue 15 point 4: the expense on its day (6x / 401), its payment on its payment day
    — 530 in the cash journal for cash, 512 otherwise —, lettered with it; an unpaid
    one leaves 401 open; one paid in the next year is carried by the opening entry
    (AN) and lettered there with its payment."""
    from tierslieu_desktop.services.finance.journal import collect

    add(
        db,
        Expense(
            day=date(Y, 3, 10),
            category="consumables",
            amount_cents=35_00,
            supplier="Brico",
            payment_day=date(Y, 3, 20),
            payment_method="cash",
        ),
        Expense(day=date(Y, 4, 2), category="maintenance", amount_cents=80_00, supplier="Brico"),
        Expense(
            day=date(Y, 12, 28),
            category="energy",
            amount_cents=210_00,
            supplier="EDF",
            payment_day=date(Y + 1, 1, 7),
            payment_method="direct_debit",
        ),
    )
    with db.read() as s:
        year = collect(s, JAN1, DEC31, today=date(Y + 1, 2, 1))
        after = collect(s, date(Y + 1, 1, 1), date(Y + 1, 12, 31), today=date(Y + 1, 2, 1))
    cash = [e for e in year if e.journal == "CA"]
    assert len(cash) == 1 and cash[0].day == date(Y, 3, 20)
    lines = {(x.account, x.debit_cents, x.credit_cents): x for x in cash[0].lines}
    assert set(lines) == {("401", 35_00, 0), ("530", 0, 35_00)}
    brico = [x for e in year for x in e.lines if x.account == "401" and x.aux == "401BRICO"]
    assert sorted((x.debit_cents, x.credit_cents, bool(x.letter)) for x in brico) == [
        (0, 35_00, True),
        (0, 80_00, False),  # not paid: still owed
        (35_00, 0, True),
    ]
    assert not any(e.journal == "BQ" for e in year)  # nothing paid by bank in the year
    edf = [x for e in year for x in e.lines if x.aux == "401EDF"]
    assert [(x.credit_cents, x.letter) for x in edf] == [(210_00, "")]
    (an,) = [e for e in after if e.journal == "AN"]
    carried = {(x.aux, x.debit_cents, x.credit_cents): x for x in an.lines if x.account == "401"}
    assert set(carried) == {("401BRICO", 0, 80_00), ("401EDF", 0, 210_00)}
    paid = [x for e in after if e.journal == "BQ" for x in e.lines]
    assert {(x.account, x.debit_cents, x.credit_cents) for x in paid} == {
        ("401", 210_00, 0),
        ("512", 0, 210_00),
    }
    edf_paid = next(x for x in paid if x.account == "401")
    assert edf_paid.letter and edf_paid.letter == carried[("401EDF", 0, 210_00)].letter
    assert not carried[("401BRICO", 0, 80_00)].letter


@pytest.mark.parametrize(
    ("kind", "cost", "revenue"),
    [
        ("premises", "861", "871"),
        ("services", "862", "871"),
        ("staff", "862", "871"),
        ("goods", "860", "875"),
        ("volunteering", "864", "870"),
    ],
)
def test_in_kind_contribution_on_its_86x_87x_pair(db, kind, cost, revenue):
    (commune,) = add(db, Funder(name="Mairie de Cajarc", sector="public", level="commune"))
    add(
        db,
        InKindContribution(
            funder_id=None if kind == "volunteering" else commune,
            year=Y,
            kind=kind,
            description="Contribution",
            value_cents=2400_00,
        ),
    )
    (entry,) = entries(db, in_kind_entries)
    assert (entry.journal, entry.day) == ("OD", DEC31)
    assert flat([entry]) == [("OD", cost, "", 2400_00, 0), ("OD", revenue, "", 0, 2400_00)]
    # A half year gets half of it; the two halves add up.
    first = entries(db, in_kind_entries, JAN1, date(Y, 6, 30))
    second = entries(db, in_kind_entries, date(Y, 7, 1), DEC31)
    assert first[0].lines[0].debit_cents == second[0].lines[0].debit_cents == 1200_00


@given(
    value=st.integers(min_value=1, max_value=10**9),
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    years=st.integers(min_value=1, max_value=20),
    cuts=st.lists(
        st.dates(min_value=date(1999, 1, 1), max_value=date(2065, 1, 1)), min_size=1, max_size=6
    ),
)
def test_depreciation_shares_of_adjacent_periods_add_up_to_the_value(value, start, years, cuts):
    days = sorted({date(1999, 1, 1), *cuts, date(2065, 1, 1)})
    shares = [
        depreciated_by(value, start, years, b) - depreciated_by(value, start, years, a)
        for a, b in zip(days, days[1:], strict=False)
    ]
    assert all(s >= 0 for s in shares)
    assert sum(shares) == value


@given(
    value=st.integers(min_value=0, max_value=10**8),
    month=st.integers(min_value=1, max_value=12),
    years=st.integers(min_value=1, max_value=10),
)
def test_first_year_depreciation_counts_the_months_from_the_purchase(value, month, years):
    first_year = depreciated_by(value, date(Y, month, 1), years, date(Y + 1, 1, 1))
    assert abs(first_year - value * (13 - month) / (12 * years)) <= 0.5
