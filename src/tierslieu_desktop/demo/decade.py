"""The large demo's ten years at the front desk, issued in bulk (demo.bulk).

Every charged usage of the decade is sold: a member pays at the desk for what they used
that day, or lets a small tab run to a later visit (never beyond a month); every
membership with a fee is invoiced when it was taken (in the basket of that day's visit
when there is one); some visitors buy a pack or put money on their wallet, and pay later
visits from it; the organisations invoiced monthly get their invoice on the first
working day of the next month and pay it by transfer weeks later, as half the other
organisations' desk invoices (the last ones still unpaid); a few sales are credited two days later and refunded. Each day with a sale is
closed that evening, each month and year after its last day.

The small demo issues its weeks of sales through the services (demo.billing); both give
the same rows for the same events (tests/unit/test_demo_bulk.py).
"""

from __future__ import annotations

import heapq
import itertools
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    MemberPack,
    Membership,
    PackMovement,
    PackType,
    Registration,
    Structure,
    Usage,
    UsageCharge,
)
from tierslieu_desktop.demo import data_people
from tierslieu_desktop.demo.billing import DESK, DESK_METHODS, VOUCHER_CENTS, WALLET_TOPUPS
from tierslieu_desktop.demo.bulk import (
    BulkLedger,
    Line,
    UsageMeasures,
    membership_line,
    pack_line,
    ticket_line,
    usage_lines,
    wallet_topup_line,
)
from tierslieu_desktop.demo.common import REFERENCE_DATE, add_months
from tierslieu_desktop.demo.people_park import Builder
from tierslieu_desktop.domain.calendar import local_dt, public_holiday, to_local
from tierslieu_desktop.domain.enums import MINOR_AGE_BANDS, MemberKind, OrganisationType
from tierslieu_desktop.services.activity.registrations import payable_tickets
from tierslieu_desktop.services.billing.payments import PaymentInput

SETTLE_SHARE = 0.3  # a visit that is paid at once; the others run a tab…
TAB_DAYS = 30  # …paid at the latest at the first visit a month after its oldest usage
TOPUP_SHARE = 0.02  # person's sales with money put on the wallet
PACK_SHARE = 0.006  # adults' sales with a pack bought
CREDIT_SHARE = 0.02  # sales credited two days later
ORG_LATER_SHARE = 0.5  # an organisation's sales invoiced at the desk, paid by transfer
CREDIT_REASONS = (
    "Séance interrompue par une panne de la machine : remboursée.",
    "Erreur de saisie du temps passé : remboursé.",
    "Impression ratée à cause d'une bobine défectueuse : remboursée.",
)


@dataclass(slots=True)
class _Sale:
    payer: int
    at: datetime
    usage_lines: list[Line]
    memberships: list[tuple[int, date, date, int]]  # audience, start, end, fee


class Decade:
    """Issue the decade's documents through a :class:`BulkLedger` (see the module)."""

    def __init__(self, b: Builder) -> None:
        self.b = b
        self.s = b.s
        self.rng = random.Random(b.rng.random())
        self.last_sale_day = b.last_day - timedelta(days=1)  # yesterday's visits: at the desk
        self.invoices = 0
        self.credit_notes = 0
        self.closings = 0

    # --- what happened ------------------------------------------------------------------

    def load(self) -> None:
        s = self.s
        self.members = self.book.members
        self.audience_names = self.book.audiences
        end_of_sales = local_dt(self.last_sale_day + timedelta(days=1), 0)
        rows = s.execute(
            select(
                Usage.id,
                Usage.member_id,
                Usage.organisation_id,
                Usage.start_at,
                Usage.end_at,
                UsageCharge.kind,
                UsageCharge.label,
                UsageCharge.quantity_text,
                UsageCharge.reasons,
                UsageCharge.list_cents,
                UsageCharge.reduction_cents,
                UsageCharge.charged_cents,
                Usage.minutes,
                Usage.headcount,
                UsageCharge.rule_id,
            )
            .join(UsageCharge, UsageCharge.usage_id == Usage.id)
            .where(Usage.start_at < end_of_sales)
            .order_by(Usage.start_at, Usage.id, UsageCharge.id)
        ).all()
        # payer → day → [last end, usage lines, ticket lines]
        self.visits: dict[int, dict[date, list]] = {}
        self.month_lines: dict[tuple[int, date], tuple[list[Line], list[Line]]] = {}
        monthly = {m.id for m in self.members.values() if m.monthly_invoicing}
        measures = UsageMeasures(s)
        for _usage_id, group in itertools.groupby(rows, key=lambda r: r[0]):
            charges = list(group)
            first = charges[0]
            payer = first[1] if first[1] is not None else first[2]
            if payer is None or sum(c[11] for c in charges) <= 0:
                continue  # free visits (quota, pack, membership): nothing to sell
            day = to_local(first[3]).date()
            lines = usage_lines(
                first[0],
                day,
                [tuple(c[5:11]) for c in charges],  # type: ignore[misc]
                [measures.of(first[0], c[12], c[13], c[14], c[9]) for c in charges],
            )
            if payer in monthly:
                self.month_lines.setdefault((payer, day.replace(day=1)), ([], []))[0].extend(lines)
                continue
            visit = self.visits.setdefault(payer, {}).setdefault(day, [first[4], [], []])
            visit[0] = max(visit[0], first[4])
            visit[1].extend(lines)
        # the workshop and training tickets of the sessions held
        tickets = payable_tickets(
            Registration, ActivitySession.start_at, ActivitySession.end_at, Activity.name
        )
        for reg, start, end, name in s.execute(
            tickets.where(ActivitySession.start_at < end_of_sales).order_by(
                ActivitySession.start_at, Registration.id
            )
        ):
            payer = reg.member_id if reg.member_id is not None else reg.organisation_id
            if payer is None:
                continue
            day = to_local(start).date()
            line = ticket_line(
                reg.id,
                name,
                day,
                reg.headcount if reg.member_id is None else None,
                reg.price_cents,
                reg.price_reason,
            )
            if payer in monthly:
                self.month_lines.setdefault((payer, day.replace(day=1)), ([], []))[1].append(line)
                continue
            visit = self.visits.setdefault(payer, {}).setdefault(day, [end, [], []])
            visit[0] = max(visit[0], end)
            visit[2].append(line)
        self.memberships = [
            (r.member_id, r.audience_id, r.start_date, r.end_date, r.fee_cents, r.created_at)
            for r in s.execute(
                select(Membership.__table__)
                .where(Membership.fee_cents > 0, Membership.start_date <= self.last_sale_day)
                .order_by(Membership.created_at, Membership.id)
            )
        ]
        self.old_packs = s.execute(
            select(
                MemberPack.member_id,
                MemberPack.pack_type_id,
                PackType.name,
                PackType.validity_months,
                MemberPack.price_cents,
                PackMovement.at,
            )
            .join(PackType, PackType.id == MemberPack.pack_type_id)
            .join(PackMovement, PackMovement.member_pack_id == MemberPack.id)
            .where(PackMovement.usage_id.is_(None), PackMovement.minutes > 0)
            .order_by(PackMovement.at, MemberPack.id)
        ).all()

    def sales(self) -> list[_Sale]:
        """The desk's sales: usage days grouped into tabs, memberships joined to the
        visit of their day (or sold on their own)."""
        rng = self.rng
        sales: list[_Sale] = []
        by_day: dict[tuple[int, date], _Sale] = {}
        for payer, by_visit in self.visits.items():
            tab: list[Line] = []
            tickets: list[Line] = []
            oldest: date | None = None
            days = sorted(by_visit)
            for i, day in enumerate(days):
                last_end, lines, day_tickets = by_visit[day]
                tab += lines
                tickets += day_tickets
                oldest = oldest or day
                last = i == len(days) - 1
                if (
                    rng.random() < SETTLE_SHARE
                    or (day - oldest).days >= TAB_DAYS
                    or (last and day <= self.last_sale_day - timedelta(days=TAB_DAYS))
                ):
                    at = min(
                        last_end + timedelta(minutes=rng.randint(2, 20)),
                        local_dt(day, 23 * 60 + 30),
                    )
                    sale = _Sale(payer, at, tab + tickets, [])
                    sales.append(sale)
                    by_day[(payer, day)] = sale
                    tab, tickets, oldest = [], [], None
            # a tab still open today: to collect at the next visit
        for member_id, audience, start, end, fee, created in self.memberships:
            day = to_local(created).date()
            if day > self.last_sale_day:
                continue
            joined = by_day.get((member_id, day))
            if joined is None:
                joined = _Sale(member_id, created, [], [])
                sales.append(joined)
                by_day[(member_id, day)] = joined
            joined.memberships.append((audience, start, end, fee))
        sales.sort(key=lambda v: (v.at, v.payer))
        return sales

    # --- issuing ------------------------------------------------------------------------

    def run(self) -> tuple[int, int, int]:
        """(invoices, credit notes, closings) issued."""
        self.s.flush()
        self.book = BulkLedger(self.s)
        self.load()
        self.queue: list[tuple[datetime, int, int, str, object]] = []
        self.seq = itertools.count()
        for sale in self.sales():
            self.push(sale.at, 0, "sale", sale)
        self.visits, self.memberships = {}, []  # in the sales now
        for member_id, type_id, name, months, cents, at in self.old_packs:
            self.push(at, 0, "pack", (member_id, pack_line(type_id, name, months, cents)))
        for (org_id, month), (used, tickets) in sorted(
            self.month_lines.items(), key=lambda kv: (kv[0][1], kv[0][0])
        ):
            lines = used + tickets
            issue_day = add_months(month, 1)
            while issue_day.weekday() >= 5 or public_holiday(issue_day):
                issue_day += timedelta(days=1)
            if issue_day <= self.last_sale_day:
                self.push(local_dt(issue_day, 9 * 60 + 30), 1, "monthly", (org_id, month, lines))
        self.unpaid_left = {
            add_months(REFERENCE_DATE.replace(day=1), -2): 1,
            add_months(REFERENCE_DATE.replace(day=1), -1): 2,
        }
        self.pack_types = [
            (p.id, p.name, p.validity_months, p.price_cents)
            for p in self.book.pack_types.values()
            if not p.archived
        ]
        current: date | None = None
        while self.queue:
            at, _order, _seq, kind, payload = heapq.heappop(self.queue)
            day = to_local(at).date()
            if day > self.last_sale_day:
                continue  # after yesterday: not happened yet (still unpaid)
            if current is not None and day > current:
                self.close(current, day)
            current = day
            getattr(self, kind)(at, payload)
        if current is not None:
            self.close(current, self.last_sale_day + timedelta(days=1))
        self.book.flush()
        structure = self.s.get(Structure, 1)
        if structure is not None:
            # Older usages are invoiced or free (never proposed at the desk again); the
            # tabs still open are younger than two months.
            structure.invoicing_start = REFERENCE_DATE - timedelta(days=3 * TAB_DAYS)
        return self.invoices, self.credit_notes, self.closings

    def push(self, at: datetime, order: int, kind: str, payload: object) -> None:
        heapq.heappush(self.queue, (at, order, next(self.seq), kind, payload))

    def sale(self, at: datetime, sale: _Sale) -> None:
        rng = self.rng
        member = self.members[sale.payer]
        person = member.kind == MemberKind.PERSON.value
        lines = list(sale.usage_lines)
        for audience, start, end, fee in sale.memberships:
            lines.append(membership_line(self.audience_names[audience], audience, start, end, fee))
        side_lines: list[Line] = []
        if person and sale.usage_lines:
            if rng.random() < TOPUP_SHARE:
                side_lines.append(wallet_topup_line(rng.choice(WALLET_TOPUPS)))
            adult = member.age_band not in (None, *[b.value for b in MINOR_AGE_BANDS])
            if adult and self.pack_types and rng.random() < PACK_SHARE:
                side_lines.append(pack_line(*rng.choice(self.pack_types)))
        total = sum(ln.total_cents for ln in lines)
        on_terms = not person and rng.random() < ORG_LATER_SHARE
        payments = [] if on_terms else self.desk_payments(member, total, at)
        invoice_id = self.book.issue(
            sale.payer,
            lines + side_lines,
            payments + self.extra_payments(side_lines),
            actor=self.b.actor(),
            desk=DESK,
            issued_at=at,
            membership_rows=False,  # demo.people_park wrote the memberships
        )
        self.invoices += 1
        if on_terms:  # paid by transfer within its terms (the last ones not yet)
            pay_day = to_local(at).date() + timedelta(days=rng.randint(10, 45))
            while pay_day.weekday() >= 5:
                pay_day += timedelta(days=1)
            self.push(local_dt(pay_day, 11 * 60), 1, "transfer", invoice_id)
        if sale.usage_lines and rng.random() < CREDIT_SHARE:
            later = at + timedelta(days=2, minutes=rng.randint(-120, 120))
            self.push(later, 2, "credit", (invoice_id, payments[0].method if payments else ""))

    def extra_payments(self, side_lines: list[Line]) -> list[PaymentInput]:
        """A wallet top-up or a pack is paid by card."""
        total = sum(ln.total_cents for ln in side_lines)
        if not total:
            return []
        return [PaymentInput("card", total, reference=f"TPE {self.rng.randrange(10**6):06d}")]

    def pack(self, at: datetime, payload: tuple[int, Line]) -> None:
        """A pack of this year (demo.people_park wrote it): its invoice."""
        member_id, line = payload
        self.book.issue(
            member_id,
            [line],
            [
                PaymentInput(
                    "card", line.total_cents, reference=f"TPE {self.rng.randrange(10**6):06d}"
                )
            ],
            actor=self.b.actor(),
            desk=DESK,
            issued_at=at,
            pack_rows=False,
        )
        self.invoices += 1

    def desk_payments(self, member: object, total: int, at: datetime) -> list[PaymentInput]:
        """As demo.billing.Sales.desk_payments (the wallet read from the ledger)."""
        rng = self.rng
        if total <= 0:
            return []
        kind = getattr(member, "kind")  # noqa: B009
        member_id = int(getattr(member, "id"))  # noqa: B009
        if kind == MemberKind.ORGANISATION.value:
            method = rng.choices(("cheque", "transfer", "card"), (5, 3, 2))[0]
        else:
            method = rng.choices(list(DESK_METHODS), list(DESK_METHODS.values()))[0]
        balance = self.book.wallet.get(member_id, 0)
        if balance >= total and rng.random() < 0.8:
            method = "wallet"  # money on the wallet: most people use it
        if method == "wallet":
            if balance < total:
                method = "card"
            else:
                return [PaymentInput("wallet", total)]
        if method == "pass_numerique":
            vouchers = min(total // VOUCHER_CENTS, 5)
            if vouchers == 0:
                method = "cash"
            else:
                paid = [
                    PaymentInput(
                        "pass_numerique",
                        vouchers * VOUCHER_CENTS,
                        voucher_count=vouchers,
                        voucher_value_cents=VOUCHER_CENTS,
                    )
                ]
                rest = total - vouchers * VOUCHER_CENTS
                if rest:
                    paid.append(self.cash(rest))
                return paid
        if method == "cash":
            return [self.cash(total)]
        if method == "cheque":
            return [
                PaymentInput(
                    "cheque",
                    total,
                    cheque_number=f"{rng.randrange(10**7):07d}",
                    bank=rng.choice(data_people.BANKS),
                )
            ]
        if method == "transfer":
            return [PaymentInput("transfer", total, reference=f"VIR {rng.randrange(10**8):08d}")]
        return [PaymentInput("card", total, reference=f"TPE {rng.randrange(10**6):06d}")]

    def cash(self, amount: int) -> PaymentInput:
        note = next(n for n in (500, 1000, 2000, 5000, 10000, 10**9) if n >= amount)
        tendered = amount if self.rng.random() < 0.4 or note == 10**9 else note
        return PaymentInput("cash", amount, tendered_cents=tendered)

    def monthly(self, at: datetime, payload: tuple[int, date, list[Line]]) -> None:
        org_id, month, lines = payload
        org = self.members[org_id]
        public = org.organisation_type == OrganisationType.PUBLIC_BODY.value
        invoice_id = self.book.issue(
            org_id,
            lines,
            [PaymentInput("mandate", 0)] if public else [],
            actor=self.b.accueil,
            desk=DESK,
            issued_at=at,
            note=f"Facturation mensuelle {month:%m/%Y}",
            basket_note=f"{month:%m/%Y}",
        )
        self.invoices += 1
        left = self.unpaid_left.get(month, 0)
        if left:  # still unpaid today (September's: overdue)
            self.unpaid_left[month] = left - 1
            return
        delay = self.rng.randint(28, 56) if public else self.rng.randint(12, 40)
        pay_day = min(to_local(at).date() + timedelta(days=delay), self.last_sale_day)
        while pay_day.weekday() >= 5 and pay_day > to_local(at).date():
            pay_day -= timedelta(days=1)
        self.push(local_dt(pay_day, 11 * 60), 1, "transfer", invoice_id)

    def transfer(self, at: datetime, invoice_id: int) -> None:
        if invoice_id not in self.book.docs:
            return  # settled meanwhile (a credit note), and forgotten since
        balance = self.book.balance(invoice_id)
        if balance > 0:
            doc = self.book.docs[invoice_id]
            name = self.members[doc.member_id].last_name if doc.member_id else ""
            self.book.pay(
                invoice_id,
                PaymentInput("transfer", balance, reference=f"VIR {doc.number} {name}"[:120]),
                actor=self.b.accueil,
                desk=DESK,
                at=at,
            )

    def credit(self, at: datetime, payload: tuple[int, str]) -> None:
        """A usage line credited (the session interrupted…), refunded as it was paid."""
        invoice_id, method = payload
        doc = self.book.docs[invoice_id]
        usage = [ln for ln in doc.lines if ln["kind"] in ("usage", "consumable")]
        if not usage:
            return
        line = max(usage, key=lambda ln: (ln["total_incl_cents"], -ln["position"]))
        if line["total_incl_cents"] <= 0:
            return
        overpaid = -(self.book.balance(invoice_id) - line["total_incl_cents"])
        amount = min(line["total_incl_cents"], max(0, overpaid))
        refund = None
        if amount > 0:
            how = method if method in ("cash", "cheque", "card", "transfer", "wallet") else "cash"
            if how == "wallet" and doc.member_id is None:
                how = "cash"
            refund = PaymentInput(how, amount)
        self.book.credit(
            invoice_id,
            [(line["id"], line["quantity_milli"])],
            reason=self.rng.choice(CREDIT_REASONS),
            refund=refund,
            actor=self.b.accueil,
            desk=DESK,
            issued_at=at,
        )
        self.credit_notes += 1

    def close(self, done: date, next_day: date) -> None:
        """Close ``done``, then every month and year that ended before ``next_day``."""
        actor = self.b.accueil
        self.book.close("day", done, actor=actor, now=local_dt(done, 23 * 60 + 50))
        self.closings += 1
        month = done.replace(day=1)
        while (
            add_months(month, 1) <= next_day.replace(day=1)
            and add_months(month, 1) <= REFERENCE_DATE
        ):
            last = add_months(month, 1) - timedelta(days=1)
            self.book.close("month", month, actor=actor, now=local_dt(last, 23 * 60 + 52))
            self.closings += 1
            if month.month == 12:
                self.book.close(
                    "year", month.replace(month=1), actor=actor, now=local_dt(last, 23 * 60 + 55)
                )
                self.closings += 1
                self.book.forget_before(last - timedelta(days=10))
            month = add_months(month, 1)
            self.book.flush()
