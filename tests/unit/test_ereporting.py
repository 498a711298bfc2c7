"""B2C e-reporting (issue 15, point 11): the flux 10.3 / 10.4 XML of a period passes the
DGFiP schema and schematron shipped with pyfrctc (run offline with SaxonC-HE), its totals
are those of the consumer invoices' lines, businesses are left out and credit notes
netted; a structure with nothing to report is told so."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from importlib import resources
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from schematron import failed_asserts
from sqlalchemy import select

from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Invoice, Member, Structure
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.ereporting import Transmission, payment_split
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.reports.ereporting import ereporting_xml
from tierslieu_desktop.services.billing import baskets, credit_notes, documents
from tierslieu_desktop.services.billing.ereporting import b2c_payments, b2c_transactions
from tierslieu_desktop.services.billing.payments import PaymentInput

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

AT = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
MONTH = (date(2026, 10, 1), date(2026, 10, 31))
PLATFORM = Transmission(datetime(2026, 11, 2, 8, 0, tzinfo=UTC), "IN", ("0042", "PA Exemple"))
COMPANY_SIRET = "44306184100047"
GOODS_KINDS = ("consumable", "sale")


@pytest.fixture(scope="module")
def flux10():
    """(XSD, schematron) of the DGFiP flux 10 as pyfrctc ships them."""
    saxonche = pytest.importorskip("saxonche")
    pytest.importorskip("pyfrctc")
    base = resources.files("pyfrctc")
    schema = etree.XMLSchema(etree.parse(str(base / "frr-xsd" / "ereporting.xsd")))
    with saxonche.PySaxonProcessor(license=False) as proc:
        exe = proc.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(base / "frr-schematron" / "Flux10.xslt")
        )

        def check(xml: bytes) -> list[str]:
            doc = etree.fromstring(xml)
            if not schema.validate(doc):
                return [f"XSD: {e.message}" for e in schema.error_log]
            node = proc.parse_xml(xml_text=xml.decode())
            return [str(f) for f in failed_asserts(exe.transform_to_string(xdm_node=node).encode())]

        yield check


@pytest.fixture(scope="module")
def liable_demo(tmp_path_factory):
    """The small demo as a VAT-liable structure would have issued it (20 %)."""
    from tierslieu_desktop.demo import builder, data_people, people_park
    from tierslieu_desktop.domain.enums import VatRegime

    path = tmp_path_factory.mktemp("demo") / "liable.sqlite"
    siren = people_park._with_luhn(data_people.STRUCTURE_SIREN_BASE)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(people_park, "VatRegime", SimpleNamespace(EXEMPT_NON_PROFIT=VatRegime.LIABLE))
        structure = dict(data_people.STRUCTURE)
        structure["vat_number"] = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
        mp.setattr(data_people, "STRUCTURE", structure)
        builder.build_demo(str(path))
    db = open_database(str(path), create=False)
    yield db
    db.dispose()


def _docs(db, first: date, last: date):
    with db.read() as s:
        ids = list(s.scalars(select(Invoice.id).order_by(Invoice.id)))
    docs = [documents.get_invoice(db, i) for i in ids]
    return [d for d in docs if first <= to_local(d.issued_at).date() <= last]


def _consumer(doc) -> bool:
    return doc.buyer.get("kind") != "organisation"


def test_a_demo_month_passes_the_flux_10_schema_and_schematron(liable_demo, flux10):
    for report in (b2c_transactions(liable_demo, *MONTH), b2c_payments(liable_demo, *MONTH)):
        assert not report.empty
        xml = ereporting_xml(report, PLATFORM)
        assert flux10(xml) == []
        assert ereporting_xml(report, PLATFORM) == xml  # same report, same bytes
        # Without the platform's number the lab sends as itself: the schema holds, the
        # schematron wants an approved platform as sender, and nothing else.
        alone = ereporting_xml(report, Transmission(PLATFORM.issued_at))
        rules = {re.search(r"\[(G[\d.]+)\]", f).group(1) for f in flux10(alone)}
        assert rules == {"G6.22", "G7.51"}


def test_transactions_are_the_consumer_invoices_lines(liable_demo):
    """Reference: every line of the period's documents to a person or a walk-in that
    bears VAT (the liable demo's taxed sales), signed, per day and category."""
    expected: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
    counts: dict[tuple[date, str], set[int]] = defaultdict(set)
    business = 0
    orgs_have_siret = True
    for doc in _docs(liable_demo, *MONTH):
        sign = -1 if doc.kind == "credit_note" else 1
        if not _consumer(doc):
            orgs_have_siret &= bool(doc.buyer.get("siret") or doc.buyer.get("siren"))
            business += sign * doc.total_excl_cents
            continue
        for line in doc.lines:
            if line.vat_rate_bp:
                key = (
                    to_local(doc.issued_at).date(),
                    "TLB1" if line.revenue_kind in GOODS_KINDS else "TPS1",
                )
                expected[key][0] += sign * line.total_excl_cents
                expected[key][1] += sign * line.vat_cents
                counts[key].add(doc.id)
    assert orgs_have_siret and business  # the demo's organisations are businesses
    report = b2c_transactions(liable_demo, *MONTH)
    got = {(t.day, t.category): [t.base_cents, t.vat_cents] for t in report.transactions}
    assert got == dict(expected)
    assert {(t.day, t.category): t.count for t in report.transactions} == {
        k: len(v) for k, v in counts.items()
    }
    assert all(r.rate_bp == 2000 for t in report.transactions for r in t.rates)
    assert report.left.business_cents == business


def test_payments_are_the_services_share_of_what_consumers_paid(liable_demo):
    """Reference: each payment in the period times the share of its document's taxed
    services (VAT included), exact; the report rounds each payment to the cent."""
    exact = Fraction(0)
    payments = 0
    for doc in _docs(liable_demo, date(2025, 1, 1), MONTH[1]):
        services = sum(
            ln.total_incl_cents
            for ln in doc.lines
            if ln.vat_rate_bp and ln.revenue_kind not in GOODS_KINDS
        )
        if not _consumer(doc) or not services:
            continue
        for p in doc.payments:
            if MONTH[0] <= to_local(p.at).date() <= MONTH[1]:
                exact += Fraction(p.amount_cents * services, doc.total_incl_cents)
                payments += 1
    report = b2c_payments(liable_demo, *MONTH)
    assert payments and abs(report.paid_cents - exact) <= payments
    assert not report.unexpressed


@given(
    parts=st.dictionaries(st.sampled_from([550, 1000, 2000]), st.integers(1, 10**6), min_size=1),
    extra=st.integers(0, 10**6),
    cuts=st.lists(st.integers(1, 10**6), max_size=5),
)
def test_payments_of_a_document_paid_in_full_add_up_to_its_lines(parts, extra, cuts):
    total = sum(parts.values()) + extra  # goods and exempt lines are not split
    paid, reported = 0, defaultdict(int)
    for amount in [c for c in cuts if c < total][:4] + [None]:
        amount = total - paid if amount is None or paid + amount > total else amount
        for rate, cents in payment_split(parts, total, paid, amount).items():
            reported[rate] += cents
        paid += amount
    assert dict(reported) == parts


# --- a small lab: who is a consumer, credit notes, VAT regimes, the command line ---


def _lab(db, regime: str, *, vat_on_debits: bool = False, siret: str = "73282932000074"):
    with db.write() as s:
        s.add(
            Structure(
                id=1,
                name="Fab'Causse",
                siret=siret,
                vat_regime=regime,
                vat_number="FR18732829320" if regime == "liable" else "",
                vat_on_debits=vat_on_debits,
                default_vat_rate_bp=2000,
            )
        )
        people = [
            Member(number="A1", first_name="Émilie", last_name="Delpech", sort_name="delpech"),
            Member(
                number="A2",
                kind="organisation",
                organisation_type="company",
                last_name="Menuiserie Lacombe",
                siret=COMPANY_SIRET,
                sort_name="menuiserie",
            ),
            Member(
                number="A3",
                kind="organisation",
                organisation_type="association",
                last_name="Club photo",
                sort_name="club",
            ),
        ]
        s.add_all(people)
        s.flush()
        return [m.id for m in people]


def _sell(db, operator, member, cents, *, kind="other", at=AT, pay=True, topup=0):
    basket = baskets.open_basket(db, operator, member)
    if topup:
        baskets.add_wallet_topup_line(db, operator, basket, topup)
    baskets.add_free_line(
        db,
        operator,
        basket,
        designation="Découpe laser",
        quantity_milli=1000,
        unit="h",
        unit_price_cents=cents,
        revenue_kind=kind,
    )
    payments = [PaymentInput("card", cents + topup)] if pay else []
    return documents.validate_basket(db, operator, basket, payments, issued_at=at)


def test_businesses_are_left_out_and_credit_notes_netted(db, operator, flux10):
    emilie, company, club = _lab(db, "liable")
    _sell(db, operator, emilie, 6000)
    _sell(db, operator, None, 1200, kind="consumable")  # a walk-in buys filament
    _sell(db, operator, company, 24000)
    _sell(db, operator, club, 3600)  # an association without SIREN: not a business
    refunded = _sell(db, operator, emilie, 2400)
    credit_notes.create_credit_note(
        db,
        operator,
        refunded,
        reason="Séance annulée",
        refund=PaymentInput("card", 2400),
        issued_at=AT + timedelta(hours=2),
    )
    _sell(db, operator, emilie, 6000, topup=2000)  # the top-up is outside VAT's scope
    report = b2c_transactions(db, *MONTH)
    (goods, services) = report.transactions
    assert (goods.category, goods.base_cents, goods.vat_cents, goods.count) == (
        "TLB1",
        1000,
        200,
        1,
    )
    # 60 + 36 (+ 24 − 24) + 60 € VAT included: 130 € + 26 € VAT; the credit note counts
    assert (services.category, services.base_cents, services.vat_cents, services.count) == (
        "TPS1",
        13000,
        2600,
        5,
    )
    assert (report.left.business_cents, report.left.outside_scope_cents) == (20000, 2000)
    # services only (goods: VAT due on delivery; the top-up is no sale)
    payments = b2c_payments(db, *MONTH)
    assert [p.amounts for p in payments.payments] == [((2000, 15600),)]
    for r in (report, payments):
        assert flux10(ereporting_xml(r, PLATFORM)) == []


def test_a_day_of_refunds_alone_is_not_written_but_told(db, operator):
    emilie, _company, _club = _lab(db, "liable")
    invoice = _sell(db, operator, emilie, 2400, at=AT - timedelta(days=30))
    credit_notes.create_credit_note(
        db, operator, invoice, reason="Annulé", refund=PaymentInput("card", 2400), issued_at=AT
    )
    report = b2c_payments(db, *MONTH)
    assert report.empty
    assert [(p.day, p.amounts) for p in report.unexpressed] == [
        (date(2026, 10, 20), ((2000, -2400),))
    ]


def test_franchise_reports_its_sales_at_zero_and_owes_no_payment_data(db, operator, flux10):
    emilie, _company, _club = _lab(db, "franchise")
    _sell(db, operator, emilie, 6000)
    report = b2c_transactions(db, *MONTH)
    ((day,),) = [t.rates for t in report.transactions]
    assert (day.rate_bp, day.base_cents, day.vat_cents) == (0, 6000, 0)
    assert flux10(ereporting_xml(report, PLATFORM)) == []
    assert b2c_payments(db, *MONTH).empty


def test_debits_option_is_written_on_services(db, operator):
    emilie, _company, _club = _lab(db, "liable", vat_on_debits=True)
    _sell(db, operator, emilie, 6000)
    xml = etree.fromstring(ereporting_xml(b2c_transactions(db, *MONTH), PLATFORM))
    assert xml.findtext("TransactionsReport/Transactions/TaxDueDateTypeCode") == "5"
    assert b2c_payments(db, *MONTH).empty  # VAT due on the invoice: no payment data


def test_cli_writes_the_report_or_says_why_not(db, operator, tmp_path, capsys, flux10):
    emilie, _company, _club = _lab(db, "liable")
    _sell(db, operator, emilie, 6000)
    target = db.target
    out = tmp_path / "er.xml"
    base = ["export", "ereporting", "--from", "2026-10-01", "--to", "2026-10-31", "--db", target]
    assert main([*base, "-o", str(out), "--platform", "0042", "--platform-name", "PA"]) == 0
    assert "flux 10.3" in capsys.readouterr().out and flux10(out.read_bytes()) == []
    assert main([*base, "-o", str(out), "--payments"]) == 0
    printed = capsys.readouterr()
    assert "flux 10.4" in printed.out and "60,00" in printed.out
    assert "G6.22" in printed.err  # sent as the lab itself: the platform must be named
    assert b"<PaymentsReport>" in out.read_bytes()

    nothing = tmp_path / "rien.xml"
    assert main([*base[:3], "2026-09-01", "--to", "2026-09-30", *base[6:], "-o", str(nothing)]) == 0
    assert "Rien à déclarer" in capsys.readouterr().out and not nothing.exists()
    assert main([*base[:5], "2026-10-01", *base[6:], "-o", str(nothing)]) == 1
    assert "un seul jour" in capsys.readouterr().err
    assert main([*base[:5], "2026-09-30", *base[6:], "-o", str(nothing)]) == 1
    assert "précède" in capsys.readouterr().err
    assert main([*base, "-o", str(nothing), "--platform", "42"]) == 1
    assert "4 caractères" in capsys.readouterr().err


def test_an_exempt_structure_has_nothing_to_report(db, operator, tmp_path, capsys):
    emilie, _company, _club = _lab(db, "exempt_non_profit")
    _sell(db, operator, emilie, 6000)
    _sell(db, operator, None, 1200)
    report = b2c_transactions(db, *MONTH)
    assert report.empty and report.left.exempt_cents == 7200
    out = tmp_path / "er.xml"
    args = ["export", "ereporting", "--from", "2026-10-01", "--to", "2026-10-31"]
    assert main([*args, "--db", db.target, "-o", str(out)]) == 0
    assert "261-7-1°" in capsys.readouterr().out and not out.exists()


def test_no_siren_no_report(db, operator, tmp_path, capsys):
    _lab(db, "franchise", siret="")
    with pytest.raises(DomainError) as err:
        b2c_transactions(db, *MONTH)
    assert err.value.code == "ereporting_no_siren"
    args = ["export", "ereporting", "--from", "2026-10-01", "--to", "2026-10-31"]
    assert main([*args, "--db", db.target, "-o", str(tmp_path / "x")]) == 1
    assert "SIRET" in capsys.readouterr().err
