"""One amount parser (domain.money.parse_amount) for every field and file of the desk."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from tierslieu_desktop.db.models import Audience, Machine, MachineCategory, PriceRule, Space
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.pricing import tariff_csv
from tierslieu_desktop.services.pricing.tariff_csv import CsvImportError

CENTS = st.integers(min_value=-(10**11), max_value=10**11)


@given(CENTS)
def test_an_amount_formatted_by_the_app_reads_back_to_the_same_cents(cents):
    try:
        for lang in ("fr", "en"):
            formatting.set_language(lang)
            assert parse_amount(formatting.money(cents), allow_negative=True) == cents
            assert parse_amount(formatting.amount_input(cents), allow_negative=True) == cents
    finally:
        formatting.set_language("fr")


@given(st.integers(min_value=0, max_value=10**11))
def test_the_plain_forms_read_back_to_the_same_cents(cents):
    euros, rest = divmod(cents, 100)
    for text in (f"{euros},{rest:02d}", f"{euros}.{rest:02d}", f"{euros},{rest:02d} €"):
        assert parse_amount(text) == cents
    assert parse_amount(f"-{euros},{rest:02d}", allow_negative=True) == -cents


@given(st.integers(min_value=0, max_value=10**11))
def test_the_tariff_file_amounts_read_back_to_the_same_cents(cents):
    assert tariff_csv.parse_amount(tariff_csv._csv_money(cents)) == cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12", 1200),
        ("12,5", 1250),
        ("12,50", 1250),
        ("12.50", 1250),
        (",50", 50),
        ("0,01", 1),
        ("1 500", 150000),
        ("1\u00a0500", 150000),
        ("1\u202f500,50\u00a0€", 150050),
        ("1 500,50 €", 150050),
        ("€12.50", 1250),
        ("  12  ", 1200),
        ("1.500.000", 150000000),
        ("1.234,56", 123456),
        ("1,234.56", 123456),
        ("1 234 567,89", 123456789),
        ("0", 0),
        ("-0", 0),
    ],
)
def test_accepted_amounts(text, cents):
    assert parse_amount(text) == cents


@pytest.mark.parametrize(
    ("text", "cents"), [("-3,20", -320), ("-1 500 €", -150000), ("-€12.50", -1250)]
)
def test_a_minus_is_accepted_only_where_the_caller_allows_negatives(text, cents):
    assert parse_amount(text, allow_negative=True) == cents
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    assert info.value.code == "amount_negative"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1e3", "amount_invalid"),
        ("1E3", "amount_invalid"),
        ("", "amount_invalid"),
        ("   ", "amount_invalid"),
        ("€", "amount_invalid"),
        ("abc", "amount_invalid"),
        ("douze", "amount_invalid"),
        ("inf", "amount_invalid"),
        ("-inf", "amount_invalid"),
        ("nan", "amount_invalid"),
        ("NaN", "amount_invalid"),
        ("Infinity", "amount_invalid"),
        ("+5", "amount_invalid"),
        ("12.", "amount_invalid"),
        ("1,2,3", "amount_invalid"),
        ("1..5", "amount_invalid"),
        ("12.34,56", "amount_invalid"),
        ("1,2.3", "amount_invalid"),
        ("1.500,5.0", "amount_invalid"),
        ("0x10", "amount_invalid"),
        ("1_000", "amount_invalid"),
        ("١٢", "amount_invalid"),
        ("1.500", "amount_ambiguous"),
        ("1,500", "amount_ambiguous"),
        ("1,234", "amount_ambiguous"),
        ("12,345", "amount_ambiguous"),
        ("999.999", "amount_ambiguous"),
        ("-1,500", "amount_ambiguous"),
        ("0,001", "amount_decimals"),
        ("0,005", "amount_decimals"),
        ("0.500", "amount_decimals"),
        ("12,3456", "amount_decimals"),
        ("1234,567", "amount_decimals"),
        ("1.234,567", "amount_decimals"),
        ("-3,20", "amount_negative"),
    ],
)
def test_refused_amounts_say_why(text, code):
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    err = info.value
    assert err.code == code and err.params["text"] == text
    assert isinstance(err, DomainError) and isinstance(err, ValueError)
    assert tariff_csv.parse_amount(text) is None


@pytest.mark.parametrize(
    ("amount", "problem"),
    [("1e3", "amount_invalid"), ("1.500", "amount_invalid"), ("0,001", "amount_invalid"),
     ("-5", "amount_negative"), ("", "required")],
)  # fmt: skip
def test_a_bad_amount_in_an_expense_file_names_its_line(db, operator, amount, problem):
    text = (
        "date;categorie;activite;montant;libelle;fournisseur\n"
        "15/01/2026;energie;general;1 234,56;Électricité janvier;EDF\n"
        f"16/01/2026;energie;general;{amount};Gaz;GRDF\n"
    )
    with pytest.raises(CsvImportError) as info:
        expenses.import_expenses_csv(db, operator, text)
    assert (info.value.line, info.value.field, info.value.problem) == (3, "montant", problem)
    assert expenses.list_expenses(db) == []


def test_an_expense_file_reads_french_amounts(db, operator):
    text = (
        "date;categorie;activite;montant;libelle;fournisseur\n"
        "15/01/2026;energie;general;1 234,56 €;Électricité;EDF\n"
        "16/01/2026;energie;general;1.234,5;Gaz;GRDF\n"
        "17/01/2026;energie;general;12.50;Eau;Veolia\n"
    )
    assert expenses.import_expenses_csv(db, operator, text) == 3
    assert sorted(r.amount_cents for r in expenses.list_expenses(db)) == [1250, 123450, 123456]


# ----------------------------------------------------------------- the tariff file


@pytest.fixture
def laser(db):
    with db.write() as s:
        fablab = Space(name="Fablab", position=1)
        cat = MachineCategory(name="Découpe laser", position=1)
        s.add_all([fablab, cat, Audience(name="Grand public", position=1)])
        s.flush()
        machine = Machine(name="Découpeuse laser", category_id=cat.id, space_id=fablab.id)
        s.add(machine)
        s.flush()
        return machine.id


HEADER = "type;ressource;public;adhesion;unite;pas_minutes;prix;du;au\n"


def test_a_tariff_file_reads_french_amounts(db, operator, laser):
    text = (
        HEADER
        + "machine;Découpeuse laser;Grand public;tous;heure;;12,50;;\n"
        + "machine;Découpeuse laser;Tous publics;tous;heure;;1 500,00;;\n"
    )
    assert tariff_csv.import_rules_csv(db, operator, text, date(2026, 1, 1)) == 2
    with db.read() as s:
        amounts = sorted(s.scalars(select(PriceRule.amount_cents)))
    assert amounts == [1250, 150000]
    exported = tariff_csv.export_rules_csv(db)
    assert ";12,50;" in exported and ";1500,00;" in exported


@pytest.mark.parametrize("amount", ["1e3", "1.500", "15,555", "-3", "abc"])
def test_a_bad_amount_in_a_tariff_file_names_its_line(db, operator, laser, amount):
    text = (
        HEADER
        + "machine;Découpeuse laser;Grand public;tous;heure;;12,50;;\n"
        + f"machine;Découpeuse laser;Tous publics;tous;heure;;{amount};;\n"
    )
    with pytest.raises(CsvImportError) as info:
        tariff_csv.import_rules_csv(db, operator, text, date(2026, 1, 1))
    assert (info.value.line, info.value.field) == (3, "prix")
    with db.read() as s:
        assert s.scalar(select(PriceRule.id)) is None
