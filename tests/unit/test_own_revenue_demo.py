"""Issue 16 on the small demo: for every year, own revenue on the Finances page is the
invoiced revenue plus the documented part billed before the software, nothing counted
twice; the annual report prints the Finances page's figures and says what they mean."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from shared_demo import small_demo_copy
from sqlalchemy import func, select

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Basket, BasketLine, GrantPayment, Invoice, InvoiceLine
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.finance import DEFINITIONS, NOT_REVENUE_KINDS
from tierslieu_desktop.reports.layout import money
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.finance import exports
from tierslieu_desktop.services.reporting import annual

YEARS = (2024, 2025, 2026)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("once") / "demo.sqlite"
    small_demo_copy(path)
    db = open_database(str(path), create=False)
    yield db
    db.dispose()


def _invoice_lines_of_year(db, year: int) -> int:
    """Σ invoice lines excl. VAT issued in the year, credit notes subtracted, wallet
    top-ups left out: straight from the issued documents."""
    lo, hi = local_day_bounds(date(year, 1, 1))[0], local_day_bounds(date(year, 12, 31))[1]
    with db.read() as s:
        total = 0
        for kind, cents in s.execute(
            select(Invoice.kind, func.sum(InvoiceLine.total_excl_cents))
            .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
            .where(
                Invoice.issued_at >= lo,
                Invoice.issued_at < hi,
                InvoiceLine.kind.not_in(tuple(NOT_REVENUE_KINDS)),
                InvoiceLine.revenue_kind.not_in(tuple(NOT_REVENUE_KINDS)),
            )
            .group_by(Invoice.kind)
        ):
            total += (-1 if kind == "credit_note" else 1) * int(cents or 0)
        return total


@pytest.mark.parametrize("year", YEARS)
def test_own_revenue_is_invoiced_plus_the_pre_software_part_each_thing_once(demo, year):
    first, last = date(year, 1, 1), date(year, 12, 31)
    b = balance_service.balance(demo, first, last)
    assert b.invoiced_cents == _invoice_lines_of_year(demo, year)
    # + the cyber-base's Pass numérique vouchers (no invoice, OD 4687 / 706)
    assert b.drop_in_vouchers_cents > 0
    assert b.own_cents == b.invoiced_cents + b.pre_software_cents + b.drop_in_vouchers_cents
    assert sum(b.pre_software_by_kind.values()) == b.pre_software_cents
    rows = balance_service.details(demo, "own", first, last)
    assert sum(r.amount_cents for r in rows) == b.own_cents
    vouchers = [r for r in rows if r.source == "drop_in"]
    assert sum(r.amount_cents for r in vouchers) == b.drop_in_vouchers_cents
    before = [r for r in rows if r.source not in ("invoice", "credit_note", "drop_in")]
    assert sum(r.amount_cents for r in before) == b.pre_software_cents
    assert b.invoicing_start is not None
    assert all(r.day < b.invoicing_start for r in before)
    # nothing billed before the software is on an invoice of the software too
    with demo.read() as s:
        on_invoices = {f"U{u}" for u in s.scalars(select(InvoiceLine.usage_id)) if u}
        on_invoices |= {
            f"R{r}"
            for r in s.scalars(
                select(BasketLine.registration_id)
                .join(Basket, Basket.id == BasketLine.basket_id)
                .where(Basket.invoice_id.is_not(None))
            )
            if r
        }
    refs = {r.reference for r in before if r.source in ("usage", "registration")}
    assert not refs & on_invoices
    # tickets and memberships are listed once each (a usage once per priced charge line)
    singles = [r.reference for r in before if r.source in ("registration", "pack")]
    assert len(singles) == len(set(singles))


def test_the_demo_had_usages_invoiced_before_the_start_day_and_counts_them_once(demo):
    """The case measured on main (F2026-000002…): usages dated before the invoicing start
    day on invoices of the software are revenue on their invoice only."""
    b = balance_service.balance(demo, date(2025, 1, 1), date(2026, 12, 31))
    with demo.read() as s:
        start = b.invoicing_start
        assert start is not None
        from tierslieu_desktop.db.models import Usage

        early = s.scalar(
            select(func.count())
            .select_from(InvoiceLine)
            .join(Usage, Usage.id == InvoiceLine.usage_id)
            .where(Usage.start_at < local_day_bounds(start)[0])
        )
    assert early > 0  # the situation exists in the demo…
    rows = balance_service.details(demo, "own", date(2025, 1, 1), date(2026, 12, 31))
    usage_refs = [r.reference for r in rows if r.source == "usage"]
    with demo.read() as s:
        invoiced = {f"U{u}" for u in s.scalars(select(InvoiceLine.usage_id)) if u}
    assert not set(usage_refs) & invoiced  # …and none of them is counted twice


@pytest.mark.parametrize("year", (2025, 2026))
def test_annual_report_key_figures_equal_the_finances_page(demo, year):
    figures = annual.annual_figures(demo, year)
    page = balance_service.balance(demo, date(year, 1, 1), date(year, 12, 31))
    report = figures.balance
    assert report is not None
    for name in (
        "own_cents",
        "invoiced_cents",
        "pre_software_cents",
        "public_cents",
        "private_cents",
        "in_kind_cents",
        "collectivity_cents",
        "collectivity_share_bp",
        "self_financing_bp",
        "self_financing_in_kind_bp",
        "costs_cents",
        "result_cents",
    ):
        assert getattr(report, name) == getattr(page, name), name
    # in-kind never in the cash funding; collectivities are local authorities only
    assert page.in_kind_cents > 0
    assert page.public_cents == sum(page.public_by_level.values())
    assert page.collectivity_cents == sum(
        page.public_by_level.get(k, 0) for k in ("commune", "epci", "departement", "region")
    )
    assert page.collectivity_cents < page.public_cents  # the demo has EU or France Travail money
    # the grants received are grants: mécénat and dons apart
    assert figures.private_support_received_cents >= 0
    text = " ".join(
        (p.extract_text() or "")
        for p in PdfReader(io.BytesIO(annual.annual_report(demo, year))).pages
    )
    flat = " ".join(text.split())
    assert money(page.own_cents).replace("\u202f", " ").replace("\xa0", " ") in flat.replace(
        "\u202f", " "
    ).replace("\xa0", " ")
    assert "Définitions" in flat
    for term, _definition in DEFINITIONS:
        assert term in flat
    if page.pre_software_cents:
        assert "Facturé avant l'utilisation du logiciel" in flat


def test_grants_xlsx_lists_investment_grants_and_what_was_received_in_the_year(demo):
    headers, rows = exports.table_rows(demo, "grants", 2026)
    nature = headers.index("Nature")
    assert "Investissement" in {r[nature] for r in rows}
    in_year = headers.index("Reçu sur la période")
    to_date = headers.index("Reçu depuis l'accord (cumul)")
    assert all(r[in_year] <= r[to_date] for r in rows)
    with demo.read() as s:
        received_2026 = s.scalar(
            select(func.sum(GrantPayment.amount_cents)).where(
                GrantPayment.received_on >= date(2026, 1, 1),
                GrantPayment.received_on <= date(2026, 12, 31),
            )
        )
        received_before = s.scalar(
            select(func.sum(GrantPayment.amount_cents)).where(
                GrantPayment.received_on < date(2026, 1, 1)
            )
        )
    assert received_before  # the demo has payments of earlier years…
    assert round(sum(r[in_year] for r in rows) * 100) == received_2026  # …not in this column
    assert sum(r[to_date] for r in rows) > sum(r[in_year] for r in rows)


def test_invoices_xlsx_total_ht_leaves_wallet_top_ups_in_their_own_column(demo):
    headers, rows = exports.table_rows(demo, "invoices", None)
    ht, topup = headers.index("Total HT"), headers.index("Recharges porte-monnaie")
    assert any(r[topup] for r in rows)  # the demo sells top-ups
    with demo.read() as s:
        topups = {
            number: int(cents)
            for number, cents in s.execute(
                select(Invoice.number, func.sum(InvoiceLine.total_excl_cents))
                .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
                .where(InvoiceLine.kind == "wallet_topup")
                .group_by(Invoice.number)
            )
        }
        totals = dict(s.execute(select(Invoice.number, Invoice.total_excl_cents)).all())
    for r in rows:
        sign = -1 if r[1] == "Avoir" else 1
        cents = topups.get(r[0], 0)
        assert round(r[topup] * 100) == sign * cents
        assert round(r[ht] * 100) == sign * (totals[r[0]] - cents)
