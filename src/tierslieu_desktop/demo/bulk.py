"""Issuing the demo's decade of documents in bulk: the rows ``services.billing`` would
write, computed in memory and inserted with ``executemany``.

The services issue one document per savepoint (~20 ms: numbering, frozen copies, VAT,
payments, the integrity chain, each a few queries). Ten years of a busy lab are some
60,000 documents: :class:`BulkLedger` writes the same rows without a query per document.
It takes what the services take (basket lines as ``services.billing.baskets`` builds
them, ``PaymentInput``) and mirrors, step by step and in the same order:

- ``documents.validate_basket_in`` (:meth:`BulkLedger.issue`): number, frozen buyer and
  seller JSON, VAT per line, legal mentions, due date, the invoice sealed, then the side
  effects of what was sold (membership, pack, wallet top-up sealed), then each payment
  sealed (a wallet payment's debit sealed after it), the basket validated;
- ``payments.add_payment`` (:meth:`BulkLedger.pay`), ``credit_notes.create_credit_note``
  (:meth:`BulkLedger.credit`) and ``ledger.close_period`` (:meth:`BulkLedger.close`,
  totals by ``ledger.period_totals`` on the period's rows).

Every sealed row is hashed with ``services.chain``'s own functions (``invoice_content``,
``_canon_row``, ``content_hash``, ``entry_footprint``) on the plain dict of the row as it
reads back from the database, so the chain is byte for byte the services' one
(tests/unit/test_demo_bulk.py issues the same sample both ways and compares the tables).
Ids are allocated in the order the database would give them.

Preconditions (the demo's): nothing else writes to these tables while a ledger is open,
no invoice exists before it, and documents are issued in chronological order (a closed
period is never written into: ``ensure_open`` is the caller's order of events).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import (
    Audience,
    Basket,
    BasketLine,
    Closing,
    DocumentCounter,
    IntegrityEntry,
    Invoice,
    InvoiceLine,
    Member,
    MemberPack,
    Membership,
    PackMovement,
    PackType,
    Payment,
    WalletMovement,
)
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.invoicing import (
    SERIES,
    cash_change,
    format_number,
    is_public_buyer,
    legal_mentions,
    pattern_period,
    split_incl,
)
from tierslieu_desktop.domain.lines import joins_on, measured_line, vat_basis
from tierslieu_desktop.domain.pricing import round_half_up
from tierslieu_desktop.services import chain
from tierslieu_desktop.services.billing._common import (
    DESIGNATION_MAX,
    TEXT_MAX,
    buyer_of,
    fr_date,
    load_structure,
    local_day,
    seller_of,
    to_json,
)
from tierslieu_desktop.services.billing.ledger import period_bounds, period_totals
from tierslieu_desktop.services.billing.numbering import _pattern
from tierslieu_desktop.services.billing.payments import PaymentInput, check_payment, settle
from tierslieu_desktop.services.pricing.packs import pack_expiry


@dataclass(frozen=True, slots=True)
class Line:
    """A basket line as ``services.billing.baskets`` writes it (amounts VAT included),
    with the local day of its usage (the invoice's service period)."""

    kind: str
    designation: str
    unit_price_cents: int
    total_cents: int
    revenue_kind: str
    detail: str = ""
    quantity_milli: int = 1000
    unit: str = ""
    list_cents: int = 0
    discount_cents: int = 0
    usage_id: int | None = None
    usage_day: date | None = None
    pack_type_id: int | None = None
    membership_audience_id: int | None = None
    membership_start: date | None = None
    membership_end: date | None = None
    registration_id: int | None = None


def usage_lines(
    usage_id: int,
    day: date,
    charges: Sequence[tuple[str, str, str, str, int, int]],
    measures: Sequence[tuple[int, str, int] | None] | None = None,
) -> list[Line]:
    """``baskets.add_usage_lines_in`` for one usage: one line per frozen charge
    (kind, label, quantity_text, reasons, list_cents, reduction_cents), in charge order;
    ``measures``: each charge's (quantity, unit, unit price) (:class:`UsageMeasures`)."""
    out = []
    when = fr_date(day)
    for i, (kind, label, quantity_text, reasons, list_cents, reduction) in enumerate(charges):
        consumable = kind == "consumable"
        measure = measures[i] if measures is not None else None
        quantity, unit, price = measure or (1000, "", list_cents)
        out.append(
            Line(
                kind="consumable" if consumable else "usage",
                designation=label[:DESIGNATION_MAX],
                detail=" · ".join(x for x in (when, quantity_text, reasons) if x),
                quantity_milli=quantity,
                unit=unit,
                unit_price_cents=price,
                list_cents=list_cents,
                discount_cents=reduction,
                total_cents=round_half_up(quantity * price, 1000) - reduction,
                revenue_kind="consumable" if consumable else "usage",
                usage_id=usage_id,
                usage_day=day,
            )
        )
    return out


class UsageMeasures:
    """What ``baskets._charge_quantity`` reads of each charge (its rule, the consumable
    used), for every usage at once: the quantity, unit and unit price of its line."""

    def __init__(self, session: Session) -> None:
        from tierslieu_desktop.db.models import Consumable, PriceRule, UsageConsumable

        self.rules = {
            r.id: (r.unit, r.amount_cents, r.step_minutes, r.consumable_id)
            for r in session.execute(
                select(
                    PriceRule.id,
                    PriceRule.unit,
                    PriceRule.amount_cents,
                    PriceRule.step_minutes,
                    PriceRule.consumable_id,
                )
            )
        }
        self.uses: dict[tuple[int, int], list[tuple[int, str]]] = {}
        for usage_id, consumable_id, quantity, unit in session.execute(
            select(
                UsageConsumable.usage_id,
                UsageConsumable.consumable_id,
                UsageConsumable.quantity_milli,
                Consumable.unit,
            ).join(Consumable, Consumable.id == UsageConsumable.consumable_id)
        ):
            self.uses.setdefault((usage_id, consumable_id), []).append((quantity, unit))

    def of(
        self, usage_id: int, minutes: int, headcount: int, rule_id: int | None, list_cents: int
    ) -> tuple[int, str, int] | None:
        rule = self.rules.get(rule_id) if rule_id is not None else None
        if rule is None:
            return None
        unit, amount, step, consumable_id = rule
        consumable = None
        if unit == "consumable":
            uses = self.uses.get((usage_id, consumable_id or 0), [])
            if len(uses) != 1:
                return None
            consumable = uses[0]
        return measured_line(
            unit,
            amount,
            step,
            minutes=minutes,
            headcount=headcount,
            consumable=consumable,
            list_cents=list_cents,
        )


def membership_line(audience_name: str, audience_id: int, start: date, end: date, fee: int) -> Line:
    """``baskets.add_membership_line`` without a label."""
    designation = f"Adhésion {audience_name} du {fr_date(start)} au {fr_date(end)}"
    return Line(
        kind="membership",
        designation=designation[:DESIGNATION_MAX],
        unit_price_cents=fee,
        list_cents=fee,
        total_cents=fee,
        revenue_kind="membership",
        membership_audience_id=audience_id,
        membership_start=start,
        membership_end=end,
    )


def pack_line(pack_type_id: int, name: str, validity_months: int, price_cents: int) -> Line:
    """``baskets.add_pack_line``."""
    return Line(
        kind="pack",
        designation=name[:DESIGNATION_MAX],
        detail=f"Validité {validity_months} mois",
        unit_price_cents=price_cents,
        list_cents=price_cents,
        total_cents=price_cents,
        revenue_kind="pack",
        pack_type_id=pack_type_id,
    )


def ticket_line(
    registration_id: int,
    activity_name: str,
    day: date,
    headcount: int | None,
    price_cents: int,
    price_reason: str,
) -> Line:
    """``baskets.add_registration_lines_in`` for one ticket (``headcount``: a group's)."""
    label = f"{activity_name} — {fr_date(day)}"
    if headcount is not None:
        label += f" ({headcount} pers.)"
    return Line(
        kind="other",
        designation=label[:DESIGNATION_MAX],
        detail=price_reason,
        unit_price_cents=price_cents,
        list_cents=price_cents,
        total_cents=price_cents,
        revenue_kind="training",
        registration_id=registration_id,
    )


def wallet_topup_line(amount_cents: int) -> Line:
    """``baskets.add_wallet_topup_line``."""
    return Line(
        kind="wallet_topup",
        designation="Versement sur porte-monnaie",
        unit_price_cents=amount_cents,
        list_cents=amount_cents,
        total_cents=amount_cents,
        revenue_kind="wallet",
    )


@dataclass
class _Doc:
    """What later payments and credit notes need of an issued document."""

    kind: str
    number: str
    member_id: int | None
    total: int
    issued_at: datetime
    row: dict[str, Any]
    lines: list[dict[str, Any]]
    paid: int = 0
    credited: int = 0
    refunded: int = 0  # positive: money given back on its credit notes
    credited_lines: dict[int, tuple[int, int]] = field(default_factory=dict)


_TABLES: tuple[Table, ...] = tuple(
    m.__table__  # type: ignore[misc]
    for m in (
        Invoice,
        InvoiceLine,
        Basket,
        BasketLine,
        Membership,
        MemberPack,
        PackMovement,
        Payment,
        WalletMovement,
        Closing,
        IntegrityEntry,
    )
)


def _utc(at: datetime) -> datetime:
    """``at`` as it reads back from the database (aware UTC)."""
    if at.tzinfo is None:
        raise ValueError("naive datetime: store aware datetimes only")
    return at.astimezone(UTC)


class BulkLedger:
    """The billing services' writes, in memory, inserted by :meth:`flush`."""

    def __init__(self, session: Session, *, baskets: bool = True) -> None:
        self.s = session
        self.baskets = baskets
        if session.scalar(select(func.count()).select_from(Invoice)):
            raise ValueError("the bulk ledger starts on a database without documents")
        structure = load_structure(session)
        self.regime = structure.vat_regime
        self.default_rate = structure.default_vat_rate_bp
        self.vat_on_debits = bool(structure.vat_on_debits)
        self.terms = max(0, structure.payment_terms_days or 0)
        self.seller_json = to_json(seller_of(structure))
        self.patterns = {series: _pattern(session, series) for series in SERIES}
        self.counters = {
            (series, period): value
            for series, period, value in session.execute(
                select(DocumentCounter.series, DocumentCounter.period, DocumentCounter.last_value)
            )
        }
        self.counters_known = set(self.counters)
        self.next_id = {
            t.name: int(session.scalar(select(func.coalesce(func.max(t.c.id), 0))) or 0) + 1
            for t in _TABLES
        }
        self.previous = chain._last_footprint(session)
        self.perpetual: dict[str, int] = {}
        for kind, total in session.execute(
            select(Closing.kind, Closing.perpetual_total_cents).order_by(Closing.id)
        ):
            self.perpetual[kind] = total
        self.wallet: dict[int, int] = {
            member_id: int(total)
            for member_id, total in session.execute(
                select(WalletMovement.member_id, func.sum(WalletMovement.amount_cents)).group_by(
                    WalletMovement.member_id
                )
            )
        }
        self.members = {
            m.id: m for m in session.execute(select(Member.__table__).order_by(Member.id))
        }
        # membership periods by member: the VAT basis of a sale depends on them
        self.periods: dict[int, list[tuple[date, date]]] = {}
        for who, start, end in session.execute(
            select(Membership.member_id, Membership.start_date, Membership.end_date)
        ):
            self.periods.setdefault(who, []).append((start, end))
        self.audiences = dict(
            session.execute(select(Audience.id, Audience.name).order_by(Audience.id)).all()
        )
        self.pack_types = {
            p.id: p for p in session.execute(select(PackType.__table__).order_by(PackType.id))
        }
        self.docs: dict[int, _Doc] = {}
        self.rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in _TABLES}
        # compact copies of every document and payment, by local day, for the closings
        self.day_docs: dict[date, list[tuple[dict[str, Any], list[dict[str, Any]]]]] = {}
        self.day_payments: dict[date, list[dict[str, Any]]] = {}
        self.sealed = 0

    # --- ids, numbers, the chain ----------------------------------------------------------

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def _number(self, series: str, day: date) -> tuple[str, int, str]:
        pattern = self.patterns[series]
        period = pattern_period(pattern, day)
        counter = self.counters.get((series, period), 0) + 1
        self.counters[(series, period)] = counter
        return period, counter, format_number(pattern, day, counter)

    def _seal(self, kind: str, record_id: int, content: dict[str, Any], at: datetime) -> None:
        digest = chain.content_hash(content)
        at = _utc(at)
        footprint = chain.entry_footprint(
            chain.ENTRY_VERSION, self.previous, digest, at, kind, record_id
        )
        self.rows["integrity_entry"].append(
            {
                "id": self._id("integrity_entry"),
                "record_kind": kind,
                "record_id": record_id,
                "at": at,
                "content_hash": digest,
                "previous_footprint": self.previous,
                "footprint": footprint,
                "version": chain.ENTRY_VERSION,
            }
        )
        self.previous = footprint
        self.sealed += 1

    def _wallet_move(
        self, actor: int | None, member_id: int, amount: int, note: str, at: datetime
    ) -> None:
        """``packs.add_movement_in``: one movement, sealed."""
        move_id = self._id("wallet_movement")
        row: dict[str, Any] = {
            "id": move_id,
            "member_id": member_id,
            "at": _utc(at),
            "amount_cents": amount,
            "usage_id": None,
            "operator_id": actor,
            "note": note,
        }
        self.rows["wallet_movement"].append(row)
        self.wallet[member_id] = self.wallet.get(member_id, 0) + amount
        self._seal("wallet", move_id, chain._canon_row(row), at)

    def _debit(
        self, actor: int | None, member_id: int, amount: int, note: str, at: datetime
    ) -> None:
        """``packs.debit_in``."""
        balance = self.wallet.get(member_id, 0)
        if amount > balance:
            raise DomainError("wallet_insufficient", balance=balance, amount=amount)
        self._wallet_move(actor, member_id, -amount, note, at)

    def _payment(
        self,
        actor: int | None,
        doc_id: int,
        p: PaymentInput,
        amount: int,
        at: datetime,
        desk: str,
    ) -> int:
        """``payments.write_payment``."""
        doc = self.docs[doc_id]
        tendered = change = None
        if p.method == "cash":
            tendered = p.tendered_cents if p.tendered_cents is not None else p.amount_cents
            change = cash_change(amount, tendered)
        payment_id = self._id("payment")
        row: dict[str, Any] = {
            "id": payment_id,
            "invoice_id": doc_id,
            "at": _utc(at),
            "method": p.method,
            "amount_cents": amount,
            "tendered_cents": tendered,
            "change_cents": change,
            "cheque_number": p.cheque_number.strip(),
            "bank": p.bank.strip(),
            "reference": p.reference.strip(),
            "voucher_count": p.voucher_count,
            "voucher_value_cents": p.voucher_value_cents,
            "desk": desk,
            "operator_id": actor,
        }
        self.rows["payment"].append(row)
        doc.paid += amount
        self.day_payments.setdefault(local_day(at), []).append(
            {"method": p.method, "amount_cents": amount}
        )
        self._seal("payment", payment_id, chain._canon_row(row), at)
        if p.method == "wallet":
            if doc.member_id is None:
                raise DomainError("basket_needs_member")
            self._debit(actor, doc.member_id, amount, doc.number, at)
        return payment_id

    def _keep_for_closings(self, row: dict[str, Any], lines: list[dict[str, Any]]) -> None:
        compact = {
            k: row[k]
            for k in ("id", "kind", "number", "total_excl_cents", "total_vat_cents")
            + ("total_incl_cents",)
        }
        compact_lines = [
            {k: ln[k] for k in ("vat_rate_bp", "total_excl_cents", "vat_cents")} for ln in lines
        ]
        self.day_docs.setdefault(local_day(row["issued_at"]), []).append((compact, compact_lines))

    # --- the services' steps ----------------------------------------------------------------

    def issue(
        self,
        member_id: int | None,
        lines: Sequence[Line],
        payments: Sequence[PaymentInput],
        *,
        actor: int | None,
        desk: str,
        issued_at: datetime,
        note: str = "",
        basket_note: str = "",
        membership_rows: bool = True,
        pack_rows: bool = True,
    ) -> int:
        """``documents.validate_basket`` of a basket holding ``lines``; the invoice's id.
        ``membership_rows`` / ``pack_rows`` False: the memberships (packs) sold already
        exist in the database (the demo wrote them with the members): only their
        invoice is written."""
        if not lines:
            raise DomainError("basket_empty")
        day = local_day(issued_at)
        member = self.members.get(member_id) if member_id is not None else None
        if member is None and (
            any(line.kind in ("membership", "pack", "wallet_topup") for line in lines)
            or any(p.method == "wallet" for p in payments)
        ):
            raise DomainError("basket_needs_member")
        total = sum(line.total_cents for line in lines)
        applied = settle(payments, total)
        from_wallet = sum(amount for p, amount in applied if p.method == "wallet")
        if from_wallet and member_id is not None:
            balance = self.wallet.get(member_id, 0)
            if from_wallet > balance:
                raise DomainError("wallet_insufficient", balance=balance, amount=from_wallet)
        business = member is not None and member.kind == "organisation"
        mandate = any(p.method == "mandate" for p in payments)
        paid_now = sum(amount for _, amount in applied)
        due = (
            day
            if (not business and not mandate and paid_now >= total)
            else day + timedelta(self.terms)
        )
        is_member = member_id is not None and (
            any(start <= day <= end for start, end in self.periods.get(member_id, ()))
            or joins_on(lines, day)
        )
        frozen = []
        for line in lines:
            vat = vat_basis(self.regime, line.kind, self.default_rate, buyer_is_member=is_member)
            excl, vat_cents = split_incl(line.total_cents, vat.rate_bp)
            frozen.append((line, vat, excl, vat_cents))
        mentions = legal_mentions(
            regime=self.regime,
            buyer_is_business=business,
            vat_on_debits=self.vat_on_debits,
            payment_terms_days=self.terms,
            has_vat_lines=any(v.rate_bp > 0 for _, v, _, _ in frozen),
            zero_rate_mentions=tuple(v.mention for _, v, _, _ in frozen if v.rate_bp == 0),
            public_buyer=is_public_buyer(buyer_of(member)),  # type: ignore[arg-type]
        )
        usage_days = [ln.usage_day for ln in lines if ln.usage_id and ln.usage_day is not None]
        period, counter, number = self._number("invoice", day)
        invoice_id = self._id("invoice")
        row = {
            "id": invoice_id,
            "kind": "invoice",
            "series": "invoice",
            "period": period,
            "counter": counter,
            "number": number,
            "issued_at": _utc(issued_at),
            "service_from": min(usage_days) if usage_days else day,
            "service_to": max(usage_days) if usage_days else day,
            "due_date": due,
            "member_id": member_id,
            "buyer_is_business": business,
            "buyer_json": to_json(buyer_of(member)),  # type: ignore[arg-type]
            "seller_json": self.seller_json,
            "vat_regime": self.regime,
            "mentions": "\n".join(mentions),
            "total_excl_cents": sum(f[2] for f in frozen),
            "total_vat_cents": sum(f[3] for f in frozen),
            "total_incl_cents": total,
            "credited_invoice_id": None,
            "desk": desk,
            "operator_id": actor,
            "note": note.strip()[:TEXT_MAX],
        }
        line_rows = []
        for position, (line, vat, excl, vat_cents) in enumerate(frozen, start=1):
            line_rows.append(
                {
                    "id": self._id("invoice_line"),
                    "invoice_id": invoice_id,
                    "position": position,
                    "kind": line.kind,
                    "revenue_kind": line.revenue_kind,
                    "designation": line.designation,
                    "detail": line.detail,
                    "quantity_milli": line.quantity_milli,
                    "unit": line.unit,
                    "unit_price_excl_cents": round_half_up(
                        line.unit_price_cents * 10_000, 10_000 + vat.rate_bp
                    ),
                    "vat_rate_bp": vat.rate_bp,
                    "vat_mention": vat.mention,
                    "list_cents": line.list_cents,
                    "discount_cents": line.discount_cents,
                    "total_excl_cents": excl,
                    "vat_cents": vat_cents,
                    "total_incl_cents": line.total_cents,
                    "usage_id": line.usage_id,
                    "audience_id": line.membership_audience_id
                    if line.kind == "membership"
                    else (member.audience_id if member is not None else None),
                    "credited_line_id": None,
                }
            )
        self.rows["invoice"].append(row)
        self.rows["invoice_line"].extend(line_rows)
        self.docs[invoice_id] = _Doc("invoice", number, member_id, total, issued_at, row, line_rows)
        self._keep_for_closings(row, line_rows)
        self._seal("invoice", invoice_id, chain.invoice_content(row, line_rows), issued_at)
        stamp = {
            "created_at": _utc(issued_at),
            "created_by_id": actor,
            "updated_at": _utc(issued_at),
            "updated_by_id": actor,
        }
        for line in lines:  # side effects of what was sold
            if member_id is None:
                break
            if line.kind == "membership" and membership_rows:
                self.periods.setdefault(member_id, []).append(
                    (line.membership_start, line.membership_end)  # type: ignore[arg-type]
                )
                self.rows["membership"].append(
                    {
                        "id": self._id("membership"),
                        "member_id": member_id,
                        "audience_id": line.membership_audience_id,
                        "start_date": line.membership_start,
                        "end_date": line.membership_end,
                        "fee_cents": line.total_cents,
                        "note": f"Facture {number}",
                        **stamp,
                    }
                )
            elif line.kind == "pack" and pack_rows and line.pack_type_id is not None:
                pack_type = self.pack_types[line.pack_type_id]
                pack_id = self._id("member_pack")
                self.rows["member_pack"].append(
                    {
                        "id": pack_id,
                        "member_id": member_id,
                        "pack_type_id": pack_type.id,
                        "purchased_on": day,
                        "expires_on": pack_expiry(day, max(1, pack_type.validity_months)),
                        "minutes_total": pack_type.minutes,
                        "price_cents": line.total_cents,
                        **stamp,
                    }
                )
                self.rows["pack_movement"].append(
                    {
                        "id": self._id("pack_movement"),
                        "member_pack_id": pack_id,
                        "at": _utc(issued_at),
                        "minutes": pack_type.minutes,
                        "usage_id": None,
                        "operator_id": actor,
                        "note": f"{pack_type.name} — facture {number}",
                    }
                )
            elif line.kind == "wallet_topup":
                self._wallet_move(
                    actor, member_id, line.total_cents, f"Facture {number}", issued_at
                )
        for p, amount in applied:
            self._payment(actor, invoice_id, p, amount, issued_at, desk)
        if self.baskets:
            basket_id = self._id("basket")
            self.rows["basket"].append(
                {
                    "id": basket_id,
                    "member_id": member_id,
                    "status": "validated",
                    "invoice_id": invoice_id,
                    "note": basket_note,
                    **stamp,
                }
            )
            for position, line in enumerate(lines, start=1):
                self.rows["basket_line"].append(
                    {
                        "id": self._id("basket_line"),
                        "basket_id": basket_id,
                        "position": position,
                        "kind": line.kind,
                        "designation": line.designation,
                        "detail": line.detail,
                        "quantity_milli": line.quantity_milli,
                        "unit": line.unit,
                        "unit_price_cents": line.unit_price_cents,
                        "list_cents": line.list_cents,
                        "discount_cents": line.discount_cents,
                        "total_cents": line.total_cents,
                        "revenue_kind": line.revenue_kind,
                        "usage_id": line.usage_id,
                        "pack_type_id": line.pack_type_id,
                        "membership_audience_id": line.membership_audience_id,
                        "membership_start": line.membership_start,
                        "membership_end": line.membership_end,
                        "registration_id": line.registration_id,
                    }
                )
        return invoice_id

    def balance(self, invoice_id: int) -> int:
        """What is left to pay (``payments._invoice_balance``)."""
        doc = self.docs[invoice_id]
        return doc.total - doc.paid - doc.credited + doc.refunded

    def pay(
        self,
        invoice_id: int,
        payment: PaymentInput,
        *,
        actor: int | None,
        desk: str = "",
        at: datetime,
    ) -> int:
        """``payments.add_payment``: a payment received later, never beyond the balance."""
        check_payment(payment)
        doc = self.docs[invoice_id]
        if doc.kind != "invoice":
            raise DomainError("not_an_invoice", number=doc.number)
        balance = self.balance(invoice_id)
        if balance <= 0:
            raise DomainError("invoice_already_paid", number=doc.number)
        ((p, amount),) = settle([payment], balance)
        return self._payment(actor, invoice_id, p, amount, at, desk)

    def credit(
        self,
        invoice_id: int,
        lines: Sequence[tuple[int, int]],
        *,
        reason: str,
        refund: PaymentInput | None,
        actor: int | None,
        desk: str = "",
        issued_at: datetime,
    ) -> int:
        """``credit_notes.create_credit_note`` of (invoice line id, quantity) pairs."""
        reason = reason.strip()
        if refund is not None:
            check_payment(refund, refund=True)
        invoice = self.docs[invoice_id]
        day = local_day(issued_at)
        src = {ln["id"]: ln for ln in invoice.lines}
        quantities: dict[int, int] = {}
        for line_id, quantity in lines:
            quantities[line_id] = quantities.get(line_id, 0) + quantity
        frozen = []
        for line_id, quantity in sorted(quantities.items(), key=lambda q: src[q[0]]["position"]):
            line = src[line_id]
            q_done, incl_done = invoice.credited_lines.get(line_id, (0, 0))
            if quantity > line["quantity_milli"] - q_done:
                raise DomainError(
                    "credit_exceeds_invoice", number=invoice.number, line=line["designation"]
                )
            if q_done + quantity == line["quantity_milli"]:
                incl = line["total_incl_cents"] - incl_done
            else:
                incl = round_half_up(line["total_incl_cents"] * quantity, line["quantity_milli"])
            excl, vat_cents = split_incl(incl, line["vat_rate_bp"])
            frozen.append((line, quantity, incl, excl, vat_cents))
        total = sum(f[2] for f in frozen)
        refund_amount = 0
        if refund is not None:
            overpaid = -(invoice.total - invoice.paid - invoice.credited - total + invoice.refunded)
            if refund.amount_cents > min(total, overpaid):
                raise DomainError("refund_exceeds_credit", maximum=max(0, min(total, overpaid)))
            refund_amount = refund.amount_cents
        src_row = invoice.row
        mentions = [
            f"Avoir sur la facture n° {invoice.number} du {fr_date(local_day(invoice.issued_at))}",
            f"Motif : {reason}",
            *[m for m in src_row["mentions"].split("\n") if m],
        ]
        period, counter, number = self._number("credit_note", day)
        note_id = self._id("invoice")
        row = {
            "id": note_id,
            "kind": "credit_note",
            "series": "credit_note",
            "period": period,
            "counter": counter,
            "number": number,
            "issued_at": _utc(issued_at),
            "service_from": src_row["service_from"],
            "service_to": src_row["service_to"],
            "due_date": day,
            "member_id": invoice.member_id,
            "buyer_is_business": src_row["buyer_is_business"],
            "buyer_json": src_row["buyer_json"],
            "seller_json": self.seller_json,
            "vat_regime": src_row["vat_regime"],
            "mentions": "\n".join(mentions),
            "total_excl_cents": sum(f[3] for f in frozen),
            "total_vat_cents": sum(f[4] for f in frozen),
            "total_incl_cents": total,
            "credited_invoice_id": invoice_id,
            "desk": desk,
            "operator_id": actor,
            "note": reason,
        }
        line_rows = []
        for position, (line, quantity, incl, excl, vat_cents) in enumerate(frozen, start=1):
            line_rows.append(
                {
                    "id": self._id("invoice_line"),
                    "invoice_id": note_id,
                    "position": position,
                    "kind": line["kind"],
                    "revenue_kind": line["revenue_kind"],
                    "designation": line["designation"],
                    "detail": line["detail"],
                    "quantity_milli": quantity,
                    "unit": line["unit"],
                    "unit_price_excl_cents": line["unit_price_excl_cents"],
                    "vat_rate_bp": line["vat_rate_bp"],
                    "vat_mention": line["vat_mention"],
                    "list_cents": incl,
                    "discount_cents": 0,
                    "total_excl_cents": excl,
                    "vat_cents": vat_cents,
                    "total_incl_cents": incl,
                    "usage_id": line["usage_id"],
                    "audience_id": line["audience_id"],
                    "credited_line_id": line["id"],
                }
            )
            q_done, incl_done = invoice.credited_lines.get(line["id"], (0, 0))
            invoice.credited_lines[line["id"]] = (q_done + quantity, incl_done + incl)
        invoice.credited += total
        self.rows["invoice"].append(row)
        self.rows["invoice_line"].extend(line_rows)
        self.docs[note_id] = _Doc(
            "credit_note", number, invoice.member_id, total, issued_at, row, line_rows
        )
        self._keep_for_closings(row, line_rows)
        self._seal("credit_note", note_id, chain.invoice_content(row, line_rows), issued_at)
        taken_back = sum(f[2] for f in frozen if f[0]["kind"] == "wallet_topup")
        if taken_back and invoice.member_id is not None:
            self._debit(actor, invoice.member_id, taken_back, f"Avoir {number}", issued_at)
        if refund is not None and refund_amount > 0:
            refund_id = self._id("payment")
            pay: dict[str, Any] = {
                "id": refund_id,
                "invoice_id": note_id,
                "at": _utc(issued_at),
                "method": refund.method,
                "amount_cents": -refund_amount,
                "tendered_cents": None,
                "change_cents": None,
                "cheque_number": refund.cheque_number.strip(),
                "bank": refund.bank.strip(),
                "reference": refund.reference.strip(),
                "voucher_count": None,
                "voucher_value_cents": None,
                "desk": desk,
                "operator_id": actor,
            }
            self.rows["payment"].append(pay)
            invoice.refunded += refund_amount
            self.docs[note_id].paid -= refund_amount
            self.day_payments.setdefault(day, []).append(
                {"method": refund.method, "amount_cents": -refund_amount}
            )
            self._seal("payment", refund_id, chain._canon_row(pay), issued_at)
            if refund.method == "wallet":
                if invoice.member_id is None:
                    raise DomainError("basket_needs_member")
                self._wallet_move(
                    actor, invoice.member_id, refund_amount, f"Avoir {number}", issued_at
                )
        return note_id

    def close(self, kind: str, start: date, *, actor: int | None, now: datetime) -> int:
        """``ledger.close_period``: the period's totals, the perpetual total, sealed."""
        first, last = period_bounds(kind, start)
        if last > local_day(now):
            raise DomainError("closing_future", kind=kind, start=first, end=last)
        invoices: list[dict[str, Any]] = []
        lines: dict[int, list[dict[str, Any]]] = {}
        payments: list[dict[str, Any]] = []
        day = first
        while day <= last:
            for inv, inv_lines in self.day_docs.get(day, ()):
                invoices.append(inv)
                lines[inv["id"]] = inv_lines
            payments.extend(self.day_payments.get(day, ()))
            day += timedelta(days=1)
        totals = period_totals(invoices, lines, payments)
        net = totals["net_incl_cents"]
        closing_id = self._id("closing")
        row: dict[str, Any] = {
            "id": closing_id,
            "kind": kind,
            "period_start": first,
            "period_end": last,
            "closed_at": _utc(now),
            "totals_json": json.dumps(totals, sort_keys=True, ensure_ascii=False),
            "total_incl_cents": net,
            "perpetual_total_cents": self.perpetual.get(kind, 0) + net,
            "operator_id": actor,
        }
        self.perpetual[kind] = self.perpetual.get(kind, 0) + net
        self.rows["closing"].append(row)
        self._seal("closing", closing_id, chain._canon_row(row), now)
        return closing_id

    # --- writing ----------------------------------------------------------------------------

    def forget_before(self, day: date) -> None:
        """Drop what only the closings and credit notes of earlier periods needed."""
        for key in [d for d in self.day_docs if d < day]:
            del self.day_docs[key]
        for key in [d for d in self.day_payments if d < day]:
            del self.day_payments[key]
        cutoff = datetime(day.year, day.month, day.day, tzinfo=UTC)
        for doc_id in [i for i, d in self.docs.items() if d.issued_at < cutoff]:
            doc = self.docs[doc_id]
            if self.balance(doc_id) == 0 or doc.kind == "credit_note":
                del self.docs[doc_id]

    def flush(self) -> None:
        """Insert every row written so far (executemany, parents first), the counters
        as the services leave them, and queue the anchor log's catch-up after commit."""
        conn = self.s.connection()
        for table in _TABLES:
            rows = self.rows[table.name]
            if rows:
                conn.execute(insert(table), rows)
                self.rows[table.name] = []
        for (series, period), value in sorted(self.counters.items()):
            key = (DocumentCounter.series == series, DocumentCounter.period == period)
            if (series, period) in self.counters_known:
                conn.execute(update(DocumentCounter).where(*key).values(last_value=value))
            else:
                conn.execute(
                    insert(DocumentCounter).values(series=series, period=period, last_value=value)
                )
                self.counters_known.add((series, period))
        if self.sealed:
            chain._after_commit(self.s)  # the anchor log, like every sealing transaction


def lines_of_usages(session: Session, usage_ids: Sequence[int]) -> list[Line]:
    """The basket lines ``baskets.add_usage_lines`` makes of these usages (read one by
    one: for a sample; the decade reads every charge at once)."""
    from tierslieu_desktop.db.models import Usage, UsageCharge

    measures = UsageMeasures(session)
    out: list[Line] = []
    for usage_id in usage_ids:
        usage = session.execute(
            select(Usage.start_at, Usage.minutes, Usage.headcount).where(Usage.id == usage_id)
        ).first()
        if usage is None:
            raise DomainError("usage_not_charged", usage=usage_id)
        charges = session.execute(
            select(
                UsageCharge.kind,
                UsageCharge.label,
                UsageCharge.quantity_text,
                UsageCharge.reasons,
                UsageCharge.list_cents,
                UsageCharge.reduction_cents,
                UsageCharge.rule_id,
            )
            .where(UsageCharge.usage_id == usage_id)
            .order_by(UsageCharge.id)
        ).all()
        out.extend(
            usage_lines(
                usage_id,
                local_day(usage.start_at),
                [(a, b, c, d, e, f) for a, b, c, d, e, f, _ in charges],
                [
                    measures.of(usage_id, usage.minutes, usage.headcount, rule, e)
                    for _, _, _, _, e, _, rule in charges
                ],
            )
        )
    return out
