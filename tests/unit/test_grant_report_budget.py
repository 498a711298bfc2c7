"""The funder report of a grant in the shape of the CERFA 15059 (issue 16, point 3): the
allocation key, the balanced budget with co-financers and in-kind, the investment grant
against its machines, over every grant of the small demo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.shared_demo import small_demo_copy
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.grant_budget import (
    CHARGE,
    PRODUCT,
    SOURCE,
    USE,
    CerfaBudget,
    CerfaLine,
    allocate,
    allocation_share_bp,
    gap_bp,
)
from tierslieu_desktop.services.finance import funding


def test_the_allocation_key_of_each_kind():
    assert allocation_share_bp("fixed", 4200, 0, 0) == 4200
    assert allocation_share_bp("fixed", None, 0, 0) == 0
    assert allocation_share_bp("hours", None, 210, 500) == 4200  # 3.5 h of 8.3 h
    assert allocation_share_bp("staff", None, 1, 3) == 3333
    assert allocation_share_bp("hours", None, 10, 0) == 0  # no machine used: no share
    assert allocation_share_bp("direct", 5000, 1, 2) == 0  # no shared costs at all
    assert allocation_share_bp("fixed", 12000, 0, 0) == 10000


def test_allocated_amounts_are_rounded_to_the_cent_half_up():
    assert allocate(1_000_00, 4200) == 420_00
    assert allocate(333, 5000) == 167
    assert allocate(-333, 5000) == -167
    assert gap_bp(1000, 1100) == 1000 and gap_bp(1000, 900) == -1000 and gap_bp(0, 5) is None


def test_the_result_line_makes_charges_equal_products_in_both_columns():
    budget = CerfaBudget(
        (
            CerfaLine(CHARGE, "64", "64", "", 900, 1200),
            CerfaLine(PRODUCT, "74", "74", "CC", 1000, 1000, True),
            CerfaLine(USE, "864", "864", "", 50, 60),
            CerfaLine(SOURCE, "870", "870", "", 50, 60),
        )
    )
    assert budget.result("planned") == 100 and budget.result("actual") == -200
    assert budget.total_charges("planned") == budget.total_products("planned") == 1000
    assert budget.total_charges("actual") == budget.total_products("actual") == 1200


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = small_demo_copy(tmp_path_factory.mktemp("grantreport") / "demo.sqlite")
    db = open_database(str(path))
    yield db
    db.dispose()


def test_the_funder_report_of_every_demo_grant_balances_with_co_financers_and_in_kind(demo):
    from tierslieu_desktop.db.models import Grant
    from tierslieu_desktop.services.reporting.grant import grant_figures

    with demo.read() as s:
        ids = list(s.scalars(select(Grant.id).order_by(Grant.id)))
    assert len(ids) >= 10
    seen_investment = False
    for gid in ids:
        g = funding.get_grant(demo, gid)
        f = grant_figures(demo, gid)
        b = f.budget
        for column in ("planned", "actual"):
            assert b.total_charges(column) == b.total_products(column), (gid, column)
            assert b.total(USE, column) == b.total(SOURCE, column), (gid, column)
        own = [line for line in b.side(PRODUCT) if line.own]
        assert len(own) == 1 and own[0].actual == (g.granted_cents or 0)
        assert f.planned, gid  # every demo grant has its planned budget
        if g.nature == "investment":
            seen_investment = True
            assert f.key is None
            assert [m.name for m in f.investment] == sorted(
                ["Découpeuse laser", "Fraiseuse CNC d'établi"]
            )
            assert sum(m.grant_share_cents for m in f.investment) <= g.granted_cents
            assert {line.account for line in b.side(CHARGE)} == {"21"}  # the machines
            assert not b.side(USE) and "74" not in f.actual  # not an operating subsidy
            continue
        assert f.key is not None and f.key.kind != "direct", gid
        co_financers = [line for line in b.side(PRODUCT) if line.label and not line.own]
        assert len({line.label for line in co_financers}) >= 4, gid  # each funder named
        if f.usages:  # (the small demo's history starts in 2025)
            assert f.actual.get("70", 0) > 0, gid  # own revenue of the action
            assert f.objectives, gid
        assert b.total(USE, "actual") > 0, gid  # in-kind 86 = 87
        assert f.actual.get("64", 0) > 0, gid  # actual charges (LEADER, Département)
        assert g.texts["objectives"], gid
    assert seen_investment


def test_the_communaute_de_communes_report_names_its_own_staff_in_kind_and_its_key(demo):
    from tierslieu_desktop.reports.pdf_base import money
    from tierslieu_desktop.services.reporting import grant_report
    from tierslieu_desktop.services.reporting.grant import grant_figures

    (g,) = [
        g
        for g in funding.list_grants(demo)
        if g.level == "epci" and g.period_start.year == 2026 and g.nature == "operating"
    ]
    f = grant_figures(demo, g.id)
    sources = {line.label: line.actual for line in f.budget.side(SOURCE)}
    assert sources["Communauté de communes Cauvaldor"] == 16_500_00  # its agent, 100 %
    assert f.key is not None and f.key.kind == "staff" and f.key.share_bp == 10000
    text = _pdf_text(grant_report(demo, g.id))
    assert "Clé de répartition des charges communes : 100 % (temps de personnel)" in text
    assert "Total des charges" in text and "Total des produits" in text
    total = _norm(money(f.budget.total_charges("actual")))
    assert text.count(total) >= 2  # the same total on both sides
    assert "Annexe qualitative" in text and "Objectifs chiffrés" in text
    # the structure's users over the grant's period (reports.indicators)
    assert "Publics accueillis sur la période" in text and "nouveaux usagers" in text


def _norm(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return _norm(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def test_the_staff_key_shares_the_common_costs_and_co_financers_of_the_period(db, operator):
    """Staff assigned to the action 1,000 € of 4,000 €: 25 % of the rent and of the
    other grant; the assigned staff counted whole; the in-kind on both sides."""
    from datetime import date

    from tierslieu_desktop.services.finance import expenses
    from tierslieu_desktop.services.reporting.grant import grant_figures

    epci = funding.save_funder(db, operator, name="CC", sector="public", level="epci")
    dep = funding.save_funder(
        db, operator, name="Département", sector="public", level="departement"
    )
    common = dict(nature="operating", period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    gid = funding.save_grant(
        db, operator, funder_id=epci, purpose="Médiation", requested_cents=2_000_00,
        granted_cents=2_000_00, planned_budget={"64": 1_500_00, f"74_f{dep}": 500_00},
        report=funding.GrantReportTerms(alloc_key="staff", texts={"objectives": "Former"}),
        **common,
    )  # fmt: skip
    funding.save_grant(
        db, operator, funder_id=dep, purpose="Tiers-lieux", requested_cents=8_000_00,
        granted_cents=8_000_00, **common,
    )  # fmt: skip
    for amount, grant in ((1_000_00, gid), (3_000_00, None)):
        expenses.save_expense(
            db, operator, day=date(2025, 3, 28), category="staff", activity="general",
            amount_cents=amount, grant_id=grant,
        )  # fmt: skip
    expenses.save_expense(
        db, operator, day=date(2025, 4, 1), category="rent", activity="general",
        amount_cents=1_200_00,
    )  # fmt: skip
    funding.save_in_kind(
        db, operator, funder_id=epci, year=2025, kind="staff", description="Agent",
        value_cents=4_000_00,
    )  # fmt: skip
    f = grant_figures(db, gid)
    assert f.key is not None and (f.key.kind, f.key.share_bp) == ("staff", 2500)
    assert (f.key.part, f.key.whole) == (1_000_00, 4_000_00)
    # staff: its own 1,000 € whole + 25 % of the other 3,000 €; rent 25 % of 1,200 €
    assert f.actual["64"] == 1_000_00 + 750_00 and f.actual["61"] == 300_00
    lines = {line.key: line for line in f.budget.lines}
    co = lines[f"74_f{dep}"]
    assert (co.label, co.planned, co.actual) == ("Département", 500_00, 2_000_00)
    assert lines["74"].own and lines["74"].actual == 2_000_00
    assert f.budget.total("use", "actual") == f.budget.total("source", "actual") == 1_000_00
    # products 4,000 € against charges 2,050 €: an excédent of 1,950 € on the charges side
    assert f.budget.result("actual") == 1_950_00
    assert f.budget.total_charges("actual") == f.budget.total_products("actual") == 4_000_00
    assert f.texts == {"objectives": "Former"}
    # a fixed share over 100 % is refused
    with pytest.raises(ValidationError) as err:
        funding.save_grant(
            db, operator, grant_id=gid, funder_id=epci, purpose="Médiation",
            requested_cents=2_000_00, report=funding.GrantReportTerms("fixed", 10_001), **common,
        )  # fmt: skip
    assert err.value.fields == {"alloc_fixed_bp": "invalid"}
