"""Domain rules: money parsing, field validators, accent folding."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.money import Money, parse_amount
from tierslieu_desktop.domain.validation import (
    FieldInvalid,
    clean_birth_year,
    clean_email,
    clean_iban,
    clean_phone,
    clean_postcode,
    clean_rna,
    clean_siret,
    clean_vat_number,
)
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.common import fold


@given(st.integers(min_value=-(10**11), max_value=10**11))
def test_an_amount_shown_in_a_field_reads_back_to_the_same_cents(cents):
    for lang in ("fr", "en"):
        formatting.set_language(lang)
        assert parse_amount(formatting.amount_input(cents), allow_negative=True) == cents
    formatting.set_language("fr")


@pytest.mark.parametrize(
    ("text", "cents"),
    [("12,50", 1250), ("12.5", 1250), ("1 200", 120000), ("0,05", 5), ("20 €", 2000)],
)
def test_parse_amount_french_and_english(text, cents):
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["", "douze", "1,2,3", "nan", "inf", "1e3"])
def test_parse_amount_refuses_garbage(text):
    with pytest.raises(DomainError) as info:
        parse_amount(text)
    assert info.value.code == "amount_invalid"


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        Money(12.5)  # type: ignore[arg-type]
    assert Money(150) + Money(50) == Money(200)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("06 12 34 56 78", "06 12 34 56 78"),
        ("0612345678", "06 12 34 56 78"),
        ("+33 5 65 38 00 00", "05 65 38 00 00"),
        ("05.65.38.00.00", "05 65 38 00 00"),
        ("+44 20 7946 0958", "+442079460958"),
        ("", ""),
    ],
)
def test_phone_numbers_are_normalised(raw, clean):
    assert clean_phone(raw) == clean


@given(st.from_regex(r"0[1-9]\d{8}", fullmatch=True))
def test_phone_normalisation_is_idempotent(raw):
    once = clean_phone(raw)
    assert clean_phone(once) == once


@pytest.mark.parametrize(
    ("func", "value", "code"),
    [
        (clean_email, "marie.dupont@", "email_invalid"),
        (clean_email, "marie dupont@orange.fr", "email_invalid"),
        (clean_phone, "12345", "phone_invalid"),
        (clean_postcode, "4640", "postcode_invalid"),
        (clean_siret, "73282932000075", "siret_invalid"),
        (clean_rna, "462000123", "rna_invalid"),
        (clean_iban, "FR7630006000011234567890188", "iban_invalid"),
        (clean_vat_number, "FR00303265045", "vat_number_invalid"),
    ],
)
def test_invalid_values_name_their_error(func, value, code):
    with pytest.raises(FieldInvalid) as info:
        func(value)
    assert info.value.code == code


def test_valid_identifiers_are_cleaned():
    assert clean_email(" Marie.Dupont@Orange.FR ") == "marie.dupont@orange.fr"
    assert clean_siret("732 829 320 00074") == "73282932000074"
    assert clean_rna("w462000123") == "W462000123"
    assert clean_vat_number("FR 40 303 265 045") == "FR40303265045"
    assert clean_iban("fr76 3000 6000 0112 3456 7890 189").startswith("FR76 3000")


def test_birth_year_bounds():
    assert clean_birth_year(2010, today=date(2026, 1, 1)) == 2010
    for year in (1899, 2027):
        with pytest.raises(FieldInvalid):
            clean_birth_year(year, today=date(2026, 1, 1))


@given(st.text())
def test_fold_is_idempotent_and_lowercase(text):
    folded = fold(text)
    assert fold(folded) == folded


def test_fold_strips_accents():
    assert fold("Émilie Bénézech-Çaïd") == "emilie benezech-caid"


@pytest.mark.parametrize(
    ("utc", "shown"),
    [
        ((2026, 3, 29, 0, 30), "29/03/2026 01:30"),  # still winter time
        ((2026, 3, 29, 1, 30), "29/03/2026 03:30"),  # summer time: 02:00 → 03:00
        ((2026, 10, 25, 0, 30), "25/10/2026 02:30"),  # summer time
        ((2026, 10, 25, 1, 30), "25/10/2026 02:30"),  # winter time again: 02:30 twice
    ],
)
def test_times_are_shown_in_paris_across_dst(utc, shown):
    from datetime import UTC, datetime

    formatting.set_language("fr")
    assert formatting.local_datetime(datetime(*utc, tzinfo=UTC)) == shown


def test_database_refuses_naive_datetimes(db):
    from datetime import datetime

    from tierslieu_desktop.db.models import Operator

    with pytest.raises(Exception, match="naive"), db.write() as session:
        session.add(Operator(name="X", created_at=datetime(2026, 1, 1)))
        session.flush()
