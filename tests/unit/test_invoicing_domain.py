"""Pure invoicing rules: VAT per regime and line kind, VAT-included splits, change,
number patterns and legal mentions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tierslieu_desktop.domain.invoicing import (
    DEFAULT_PATTERNS,
    MENTION_261,
    MENTION_293B,
    MENTION_INDEMNITY,
    MENTION_PENALTIES,
    MENTION_WALLET,
    VatInfo,
    cash_change,
    check_pattern,
    format_number,
    legal_mentions,
    pattern_period,
    split_incl,
    vat_for_line,
)


def test_vat_depends_on_the_regime_and_on_the_kind_of_line_when_liable():
    assert vat_for_line("franchise", "usage", 2000) == VatInfo(
        0, "TVA non applicable, art. 293 B du CGI"
    )
    assert vat_for_line("exempt_non_profit", "usage", 2000).rate_bp == 0
    assert vat_for_line("exempt_non_profit", "usage", 2000).mention == MENTION_261
    assert vat_for_line("liable", "usage", 2000) == VatInfo(2000, "")
    assert vat_for_line("liable", "pack", 550).rate_bp == 550
    assert vat_for_line("liable", "membership", 2000) == VatInfo(0, MENTION_261)
    assert vat_for_line("liable", "wallet_topup", 2000) == VatInfo(0, MENTION_WALLET)
    with pytest.raises(ValueError):
        vat_for_line("unknown", "usage", 2000)


def test_split_of_a_vat_included_price():
    assert split_incl(1200, 2000) == (1000, 200)
    assert split_incl(1000, 2000) == (833, 167)  # 833.33 → 833
    assert split_incl(1000, 0) == (1000, 0)
    assert split_incl(2110, 550) == (2000, 110)


@given(st.integers(0, 10_000_000), st.sampled_from([0, 210, 550, 1000, 2000]))
def test_split_always_adds_up_and_vat_is_the_rate_of_excl(incl, rate):
    excl, vat = split_incl(incl, rate)
    assert excl + vat == incl
    assert abs(vat - excl * rate / 10_000) <= 1


def test_cash_change():
    assert cash_change(3250, 5000) == 1750
    assert cash_change(3250, 3250) == 0
    with pytest.raises(ValueError):
        cash_change(3250, 3000)


def test_number_patterns():
    day = date(2026, 11, 23)
    assert format_number(DEFAULT_PATTERNS["invoice"], day, 123) == "F2026-000123"
    assert format_number(DEFAULT_PATTERNS["credit_note"], day, 7) == "AV2026-000007"
    assert format_number("FAC-{yy}{month}-{counter:04}", day, 42) == "FAC-2611-0042"
    assert format_number("N{counter}", day, 1234567) == "N1234567"
    assert pattern_period("F{year}-{counter:06}", day) == "2026"
    assert pattern_period("F{yy}-{counter}", day) == "2026"
    assert pattern_period("F{year}{month}-{counter}", day) == "2026-11"
    assert pattern_period("F-{counter:05}", day) == "all"


@pytest.mark.parametrize(
    "pattern",
    [
        "",
        "F{year}",
        "F{counter}{counter}",
        "F{date}-{counter}",
        "F{year-{counter}",
        "F {counter}",
        "F{month}-{counter}",  # would repeat its numbers every year
    ],
)
def test_bad_patterns_are_refused(pattern):
    with pytest.raises(ValueError):
        check_pattern(pattern)


def test_legal_mentions_per_regime_and_buyer():
    assert legal_mentions(
        regime="franchise",
        buyer_is_business=False,
        vat_on_debits=False,
        payment_terms_days=30,
        has_vat_lines=False,
    ) == [MENTION_293B]
    business = legal_mentions(
        regime="exempt_non_profit",
        buyer_is_business=True,
        vat_on_debits=False,
        payment_terms_days=30,
        has_vat_lines=False,
    )
    assert business[0] == MENTION_261
    assert MENTION_PENALTIES in business and MENTION_INDEMNITY in business
    assert "Pas d'escompte pour paiement anticipé." in business
    # liable, every line at 20 %: no exemption article
    liable = legal_mentions(
        regime="liable",
        buyer_is_business=False,
        vat_on_debits=True,
        payment_terms_days=30,
        has_vat_lines=True,
    )
    assert liable == ["Option pour le paiement de la taxe d'après les débits"]
    mixed = legal_mentions(
        regime="liable",
        buyer_is_business=False,
        vat_on_debits=False,
        payment_terms_days=30,
        has_vat_lines=True,
        zero_rate_mentions=(MENTION_261, MENTION_261),
    )
    assert mixed == [MENTION_261]
