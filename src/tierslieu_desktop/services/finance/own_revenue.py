"""Own revenue, every euro once: what the software invoiced and what was billed before it.

One rule (issue 16), used by the balance (Finances page, annual report, funder report)
and its detail lines:

- A usage, a membership, a pack or a workshop/training ticket is **invoiced by the
  software** when an issued document carries it: a usage, an invoice line with its
  ``usage_id``; a ticket, a basket line with its ``registration_id`` in a basket that
  became an invoice; a membership, a membership line of an invoiced basket of the same
  member for the same audience and dates (``billing.documents`` creates the membership
  from that line); a pack, a pack line of the same type in an invoiced basket of the same
  member, issued on the pack's purchase day (``billing.documents`` creates the pack from
  it). Its revenue is that line, on the invoice's day (a credit note subtracts it on its
  own day).
- It is **billed before the software** (the pre-software part: "facturé avant
  l'utilisation du logiciel") when it is dated before ``Structure.invoicing_start`` — a
  usage by its local start day, a ticket by its session's day, a membership by its start
  day, a pack by its purchase day — and no issued document carries it, whatever the order
  in which the start day was set and the invoices issued. Amounts: the usage's frozen
  charged price, the ticket's price, the membership fee, the pack's price.
- A membership **paid outside the software** (``Membership.paid_outside``: brought in by
  an import — HelloAsso's online payment, a spreadsheet of the lab's past members) is
  billed before the software too, on its start day, whatever the invoicing start: before
  it by the rule above, from it on by ``paid_outside_items``; never both, and never while
  an issued document carries it. Nothing of it is left to invoice or to collect.
- Anything else (after the start day, not invoiced yet) is not revenue until invoiced.

- The cyber-base's drop-in log takes **Pass numérique vouchers without an invoice**
  (activity.dropins): revenue of their local day at the vouchers' face value excl. VAT,
  as the journal posts them (OD "CYB-…", 4687 / 706: journal.vouchers), whatever the
  invoicing start day (no document ever carries them).

So own revenue = invoice lines + the pre-software part + the drop-in vouchers, each item
counted exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, exists, func, literal, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Basket,
    BasketLine,
    Invoice,
    InvoiceLine,
    MemberPack,
    Membership,
    PackType,
    Registration,
    Structure,
    Usage,
    UsageCharge,
)
from tierslieu_desktop.domain.calendar import PARIS, local_day_bounds
from tierslieu_desktop.domain.invoicing import split_incl
from tierslieu_desktop.services.activity.registrations import payable_tickets
from tierslieu_desktop.services.finance.journal import vouchers as journal_vouchers

# The kinds of things billed before the software, in the order the page names them.
PRE_SOFTWARE_KINDS = ("usage", "membership", "pack", "ticket")


@dataclass(frozen=True)
class PreSoftwareItem:
    """One thing billed before the software, at its day and amount."""

    day: date
    kind: str  # one of PRE_SOFTWARE_KINDS
    category: str  # own revenue category (rules.OWN_CATEGORIES)
    label: str
    amount_cents: int
    reference: str  # U<usage id>, M<member id>, P<pack id>, R<registration id>


def invoicing_start(s: Session) -> date | None:
    """The first day the software invoices (None: it always did)."""
    return s.scalar(select(Structure.invoicing_start).order_by(Structure.id).limit(1))


def pre_software_window(s: Session, first_day: date, last_day: date) -> tuple[date, date] | None:
    """The days of [first_day, last_day] before the invoicing start (None: no such day)."""
    start = invoicing_start(s)
    if start is None or first_day >= start:
        return None
    return first_day, min(last_day, start - timedelta(days=1))


def usage_invoiced() -> ColumnElement[bool]:
    """True for a ``Usage`` row carried by an invoice line."""
    return exists(select(InvoiceLine.id).where(InvoiceLine.usage_id == Usage.id))


def ticket_invoiced() -> ColumnElement[bool]:
    """True for a ``Registration`` row billed in a basket that became an invoice."""
    return exists(
        select(BasketLine.id)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .where(BasketLine.registration_id == Registration.id, Basket.invoice_id.is_not(None))
    )


def membership_invoiced() -> ColumnElement[bool]:
    """True for a ``Membership`` row sold by an invoice (its line in an invoiced basket).
    The kind is a literal so that SQLite looks the line up in the partial index on the
    membership lines (start, end, public): one index probe per membership."""
    return exists(
        select(BasketLine.id)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .where(
            Basket.invoice_id.is_not(None),
            Basket.member_id == Membership.member_id,
            BasketLine.kind == literal("membership", literal_execute=True),
            BasketLine.membership_audience_id == Membership.audience_id,
            BasketLine.membership_start == Membership.start_date,
            BasketLine.membership_end == Membership.end_date,
        )
    )


def _local_day(value: datetime) -> date:
    dt = value if value.tzinfo else value.replace(tzinfo=UTC)
    return dt.astimezone(PARIS).date()


def _pre_software_packs(s: Session, window: tuple[date, date]) -> list[PreSoftwareItem]:
    packs = s.execute(
        select(
            MemberPack.id,
            MemberPack.member_id,
            MemberPack.pack_type_id,
            MemberPack.purchased_on,
            MemberPack.price_cents,
            PackType.name,
        )
        .join(PackType, PackType.id == MemberPack.pack_type_id)
        .where(
            MemberPack.purchased_on >= window[0],
            MemberPack.purchased_on <= window[1],
            MemberPack.price_cents != 0,
        )
        .order_by(MemberPack.id)
    ).all()
    if not packs:
        return []
    lo, hi = local_day_bounds(window[0])[0], local_day_bounds(window[1])[1]
    sold: Counter[tuple[int | None, int | None, date]] = Counter()
    for member_id, type_id, issued_at in s.execute(
        select(Basket.member_id, BasketLine.pack_type_id, Invoice.issued_at)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .join(Invoice, Invoice.id == Basket.invoice_id)
        .where(
            BasketLine.kind == literal("pack", literal_execute=True),  # its partial index
            Invoice.issued_at >= lo,
            Invoice.issued_at < hi,
        )
    ):
        sold[(member_id, type_id, _local_day(issued_at))] += 1
    out: list[PreSoftwareItem] = []
    for pack_id, member_id, type_id, purchased_on, price, name in packs:
        key = (member_id, type_id, purchased_on)
        if sold[key] > 0:  # this pack is the one its invoice created
            sold[key] -= 1
            continue
        out.append(PreSoftwareItem(purchased_on, "pack", "services", name, price, f"P{pack_id}"))
    return out


def pre_software_items(
    s: Session, window: tuple[date, date], *, usages: bool = True
) -> list[PreSoftwareItem]:
    """Everything billed before the software in ``window`` (from ``pre_software_window``):
    usage charges (unless ``usages`` is False: the balance sums them in SQL with
    ``usage_invoiced``), tickets, memberships and packs, one item each."""
    w_lo, w_hi = local_day_bounds(window[0])[0], local_day_bounds(window[1])[1]
    out: list[PreSoftwareItem] = []
    if usages:
        for kind, label, charged, usage_id, start_at in s.execute(
            select(
                UsageCharge.kind,
                UsageCharge.label,
                UsageCharge.charged_cents,
                UsageCharge.usage_id,
                Usage.start_at,
            )
            .join(Usage, Usage.id == UsageCharge.usage_id)
            .where(
                Usage.start_at >= w_lo,
                Usage.start_at < w_hi,
                UsageCharge.charged_cents != 0,
                ~usage_invoiced(),
            )
        ):
            category = "sales" if kind == "consumable" else "services"
            out.append(
                PreSoftwareItem(
                    _local_day(start_at), "usage", category, label, charged, f"U{usage_id}"
                )
            )
    for start_at, name, cents, rid in s.execute(
        payable_tickets(
            ActivitySession.start_at, Activity.name, Registration.price_cents, Registration.id
        ).where(
            ActivitySession.start_at >= w_lo, ActivitySession.start_at < w_hi, ~ticket_invoiced()
        )
    ):
        out.append(
            PreSoftwareItem(_local_day(start_at), "ticket", "services", name, cents, f"R{rid}")
        )
    # the memberships no invoice sold (``membership_invoiced``: an index probe each)
    for member_id, start, fee, audience in s.execute(
        select(  # columns, not objects: a window of a busy decade holds thousands
            Membership.member_id, Membership.start_date, Membership.fee_cents, Audience.name
        )
        .join(Audience, Audience.id == Membership.audience_id)
        .where(
            Membership.start_date >= window[0],
            Membership.start_date <= window[1],
            Membership.fee_cents != 0,
            ~membership_invoiced(),
        )
    ):
        out.append(
            PreSoftwareItem(start, "membership", "memberships", audience, fee, f"M{member_id}")
        )
    out += _pre_software_packs(s, window)
    return out


def paid_outside_items(s: Session, first_day: date, last_day: date) -> list[PreSoftwareItem]:
    """The memberships paid outside the software (imported) starting in [first_day,
    last_day] on or after the invoicing start — the days before it are
    ``pre_software_items``'s — that no invoice sold: one "membership" item each."""
    start = invoicing_start(s)
    lo = first_day if start is None else max(first_day, start)
    if lo > last_day:
        return []
    return [
        PreSoftwareItem(day, "membership", "memberships", audience, fee, f"M{member_id}")
        for member_id, day, fee, audience in s.execute(
            select(Membership.member_id, Membership.start_date, Membership.fee_cents, Audience.name)
            .join(Audience, Audience.id == Membership.audience_id)
            .where(
                Membership.paid_outside.is_(True),
                Membership.start_date >= lo,
                Membership.start_date <= last_day,
                Membership.fee_cents != 0,
                ~membership_invoiced(),
            )
        )
    ]


def drop_in_voucher_revenue(s: Session, first_day: date, last_day: date) -> dict[date, int]:
    """Local day → the revenue excl. VAT of the Pass numérique vouchers the drop-in log
    received that day (the 706 credit of the journal's OD entry of that day)."""
    value = journal_vouchers.voucher_value_cents(s)
    rate = journal_vouchers.vat_rate(s)
    return {
        day: split_incl(count * value, rate)[0]
        for day, count in journal_vouchers.drop_in_vouchers(s, first_day, last_day).items()
    }


def machine_own_revenue(
    s: Session, machine_ids: Sequence[int], first_day: date, last_day: date
) -> int:
    """The own revenue of the usages of these machines in [first_day, last_day] by the
    same rule (the funder report's class 70): their invoice lines excl. VAT issued in it
    (credit notes subtracted) + their charges billed before the software."""
    if not machine_ids:
        return 0
    lo, hi = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    total = 0
    for kind, cents in s.execute(
        select(Invoice.kind, func.sum(InvoiceLine.total_excl_cents))
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .join(Usage, Usage.id == InvoiceLine.usage_id)
        .where(
            Invoice.issued_at >= lo,
            Invoice.issued_at < hi,
            Usage.machine_id.in_(machine_ids),
            InvoiceLine.kind != "wallet_topup",
        )
        .group_by(Invoice.kind)
    ):
        total += (-1 if kind == "credit_note" else 1) * int(cents or 0)
    window = pre_software_window(s, first_day, last_day)
    if window is not None:
        w_lo, w_hi = local_day_bounds(window[0])[0], local_day_bounds(window[1])[1]
        total += int(
            s.scalar(
                select(func.coalesce(func.sum(UsageCharge.charged_cents), 0))
                .join(Usage, Usage.id == UsageCharge.usage_id)
                .where(
                    Usage.start_at >= w_lo,
                    Usage.start_at < w_hi,
                    Usage.machine_id.in_(machine_ids),
                    ~usage_invoiced(),
                )
            )
            or 0
        )
    return total


__all__ = [
    "drop_in_voucher_revenue",
    "machine_own_revenue",
    "PRE_SOFTWARE_KINDS",
    "PreSoftwareItem",
    "invoicing_start",
    "membership_invoiced",
    "paid_outside_items",
    "pre_software_items",
    "pre_software_window",
    "ticket_invoiced",
    "usage_invoiced",
]
