"""The B2C e-reporting XML (DGFiP "flux 10", docs/e-reporting.md): a ``Report`` with its
``ReportDocument`` header and either a ``TransactionsReport`` (10.3, aggregated
transactions) or a ``PaymentsReport`` (10.4, aggregated payments), in the structure of
the DGFiP schema ``ereporting.xsd`` (elements in no namespace). Deterministic: the same
report and transmission give the same bytes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lxml import etree

from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.ereporting import (
    GOODS,
    TAX_DUE_ON_INVOICE,
    TRANSACTIONS,
    B2cReport,
    Transmission,
    transmission_id,
)

# TT-7 / TT-12 identifier schemes, TT-10 / TT-15 role codes (annex 7 G6.22, G6.26, G7.51,
# G7.52): an approved platform (0238, WK) sends for a declarant identified by its SIREN
# (0002) as seller (SE).
PLATFORM_SCHEME, PLATFORM_ROLE = "0238", "WK"
SIREN_SCHEME, SELLER_ROLE = "0002", "SE"
_NAMES = {
    TRANSACTIONS: "E-reporting B2C - transactions agrégées (flux 10.3)",
    "payments": "E-reporting B2C - paiements agrégés (flux 10.4)",
}


def _amount(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def _rate(rate_bp: int) -> str:
    return f"{Decimal(rate_bp) / 100:.2f}"


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _party(parent: Any, tag: str, ident: str, scheme: str, name: str, role: str) -> None:
    party = _sub(parent, tag)
    _sub(party, "Id", ident, schemeId=scheme)
    _sub(party, "Name", name or "-")
    _sub(party, "RoleCode", role)


def _header(root: Any, report: B2cReport, transmission: Transmission) -> None:
    declarant = report.declarant
    doc = _sub(root, "ReportDocument")
    _sub(doc, "Id", transmission_id(report, transmission.type_code))
    _sub(doc, "Name", _NAMES[report.kind])
    stamp = _sub(doc, "IssueDateTime")
    _sub(stamp, "DateTimeString", to_local(transmission.issued_at).strftime("%Y%m%d%H%M%S"))
    _sub(doc, "TypeCode", transmission.type_code)
    if transmission.platform:
        number, name = transmission.platform
        _party(doc, "Sender", number, PLATFORM_SCHEME, name, PLATFORM_ROLE)
    else:  # the platform puts itself here when it forwards the file
        _party(doc, "Sender", declarant.siren, SIREN_SCHEME, declarant.name, SELLER_ROLE)
    _party(doc, "Issuer", declarant.siren, SIREN_SCHEME, declarant.name, SELLER_ROLE)


def _period(parent: Any, report: B2cReport) -> None:
    period = _sub(parent, "ReportPeriod")
    _sub(period, "StartDate", f"{report.first_day:%Y%m%d}")
    _sub(period, "EndDate", f"{report.last_day:%Y%m%d}")


def ereporting_xml(report: B2cReport, transmission: Transmission) -> bytes:
    """The flux 10 XML of ``report`` (transactions or payments, one per file)."""
    root = etree.Element("Report")
    _header(root, report, transmission)
    if report.kind == TRANSACTIONS:
        body = _sub(root, "TransactionsReport")
        _period(body, report)
        debits = report.declarant.vat_regime == "liable" and report.declarant.vat_on_debits
        for day in report.transactions:
            group = _sub(body, "Transactions")
            _sub(group, "Date", f"{day.day:%Y%m%d}")
            _sub(group, "TransactionsCurrency", "EUR")
            if debits and day.category != GOODS:
                _sub(group, "TaxDueDateTypeCode", TAX_DUE_ON_INVOICE)
            _sub(group, "CategoryCode", day.category)
            _sub(group, "TaxExclusiveAmount", _amount(day.base_cents))
            _sub(group, "TaxTotal", _amount(day.vat_cents))
            _sub(group, "TransactionsCount", str(day.count))
            for rate in day.rates:
                subtotal = _sub(group, "TaxSubtotal")
                _sub(subtotal, "TaxPercent", _rate(rate.rate_bp))
                _sub(subtotal, "TaxableAmount", _amount(rate.base_cents))
                _sub(subtotal, "TaxTotal", _amount(rate.vat_cents))
    else:
        body = _sub(root, "PaymentsReport")
        _period(body, report)
        for day_payments in report.payments:
            group = _sub(body, "Transactions")
            payment = _sub(group, "Payment")
            _sub(payment, "Date", f"{day_payments.day:%Y%m%d}")
            for rate_bp, cents in day_payments.amounts:
                subtotal = _sub(payment, "SubTotals")
                _sub(subtotal, "TaxPercent", _rate(rate_bp))
                _sub(subtotal, "CurrencyCode", "EUR")
                _sub(subtotal, "Amount", _amount(cents))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
