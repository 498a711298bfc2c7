"""Sources of the vouchers: those received at the cyber-base's drop-in log (OD) and the
issuers' settlements (BQ).

- Drop-in log (services.activity.dropins): one-to-one help or visits paid with Pass
  numérique vouchers, without an invoice. One OD entry per local day with vouchers,
  "Pass numérique reçus à la cyber-base" (piece ``CYB-AAAAMMJJ``): 4687 debit, auxiliary
  of the issuer (``PASSNUM``), of the vouchers × their face value (Paramètres ›
  Structure, default 10,00 €); revenue credit on ``DROP_IN_REVENUE`` (706, services).
  VAT: the rule of a service to a non-member (docs/vat-basis.md): split at the
  structure's default rate when it is liable (the voucher is the payment, so the VAT is
  due now: 44571), none under the franchise or the non-profit exemption (261-7-1°-b).
  These vouchers are not the invoices' payments by Pass numérique (sales.py posts those,
  4687 / 411): the drop-in log counts the vouchers taken *without* an invoice.
- Settlements (voucher_settlement, services.finance.vouchers): the issuer paid; one BQ
  entry each: 512 debit, 4687 with the issuer's auxiliary credit (a negative settlement,
  a correction, reversed).

The face value is read as it is now (like the VAT regime for the sales): changing it
changes the drop-in entries of the days not exported yet — set it once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import DropIn, Structure, VoucherSettlement
from tierslieu_desktop.domain.enums import VatRegime
from tierslieu_desktop.domain.finance import (
    DEFAULT_VOUCHER_CENTS,
    DROP_IN_REVENUE,
    VOUCHER_ISSUERS,
)
from tierslieu_desktop.domain.invoicing import split_incl
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine
from tierslieu_desktop.services.finance.journal.sales import BANK, _bounds, _local_day, _raw

DROP_IN_ISSUER = "pass_numerique"


def voucher_value_cents(session: Session) -> int:
    structure = session.get(Structure, 1)
    value = structure.voucher_value_cents if structure is not None else None
    return value if value and value > 0 else DEFAULT_VOUCHER_CENTS


def drop_in_vouchers(session: Session, first_day: date, last_day: date) -> dict[date, int]:
    """Local day → the Pass numérique vouchers the drop-in log received that day."""
    lo, hi = _bounds(first_day, last_day)
    counts: dict[date, int] = defaultdict(int)
    rows = session.connection().execute(
        select(_raw(DropIn.at), DropIn.vouchers).where(
            DropIn.at >= lo, DropIn.at < hi, DropIn.vouchers > 0
        )
    )
    for at, vouchers in rows:
        counts[_local_day(at)] += vouchers
    return counts


def vat_rate(session: Session) -> int:
    """The VAT rate of a service to a non-member: the default rate when liable, else 0."""
    structure = session.get(Structure, 1)
    if structure is None or structure.vat_regime != VatRegime.LIABLE.value:
        return 0
    return structure.default_vat_rate_bp or 0


def drop_in_voucher_entries(
    session: Session, first_day: date, last_day: date
) -> Iterator[JournalEntry]:
    """OD: the drop-in log's vouchers of [first_day, last_day], one entry per day."""
    value = voucher_value_cents(session)
    rate = vat_rate(session)
    aux, aux_label = VOUCHER_ISSUERS[DROP_IN_ISSUER]
    for day, count in sorted(drop_in_vouchers(session, first_day, last_day).items()):
        total = count * value
        excl, vat = split_incl(total, rate)
        lines = [
            JournalLine("receivable:voucher", total, 0, aux, aux_label),
            JournalLine(DROP_IN_REVENUE, 0, excl),
        ]
        if vat:
            lines.append(JournalLine("vat:collected", 0, vat))
        yield JournalEntry(
            "OD",
            day,
            f"CYB-{day:%Y%m%d}",
            day,
            f"Pass numérique reçus à la cyber-base ({count} bon{'s' if count > 1 else ''})",
            tuple(lines),
            f"drop_in_vouchers:{day.isoformat()}",
        )


def voucher_settlement_entries(
    session: Session, first_day: date, last_day: date
) -> Iterator[JournalEntry]:
    """BQ: the issuers' settlements of [first_day, last_day], in day order."""
    rows = session.execute(
        select(
            VoucherSettlement.id,
            VoucherSettlement.day,
            VoucherSettlement.issuer,
            VoucherSettlement.amount_cents,
            VoucherSettlement.voucher_count,
            VoucherSettlement.reference,
        )
        .where(VoucherSettlement.day >= first_day, VoucherSettlement.day <= last_day)
        .order_by(VoucherSettlement.day, VoucherSettlement.id)
    )
    for sid, day, issuer, cents, count, reference in rows:
        aux, aux_label = VOUCHER_ISSUERS.get(issuer, (issuer.upper(), issuer))
        if cents >= 0:
            lines = (
                JournalLine(BANK, cents, 0),
                JournalLine("receivable:voucher", 0, cents, aux, aux_label),
            )
        else:
            lines = (
                JournalLine(BANK, 0, -cents),
                JournalLine("receivable:voucher", -cents, 0, aux, aux_label),
            )
        what = "Règlement" if cents > 0 else "Annulation du règlement"
        yield JournalEntry(
            "BQ",
            day,
            reference or f"RV{sid:06d}",
            day,
            f"{what} {aux_label} ({abs(count)} bon{'s' if abs(count) > 1 else ''})",
            lines,
            f"voucher_settlement:{sid}",
        )
