"""Front-desk sales, monthly invoices, payments and closings of the demo, issued through
services.billing (baskets, documents, payments, credit notes, ledger: real numbering,
frozen copies, the integrity chain) inside the demo's one transaction.
"""

from __future__ import annotations

import heapq
import itertools
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update

from tierslieu_desktop.db.models import (
    Basket,
    Invoice,
    Member,
    MemberPack,
    Membership,
    PackMovement,
    Structure,
    Usage,
    UsageCharge,
    WalletMovement,
)
from tierslieu_desktop.demo import data_people
from tierslieu_desktop.demo.common import REFERENCE_DATE, SessionDb, add_months, add_years
from tierslieu_desktop.demo.people_park import Builder
from tierslieu_desktop.domain.calendar import local_day_bounds, local_dt, public_holiday, to_local
from tierslieu_desktop.domain.enums import MINOR_AGE_BANDS, MemberKind, OrganisationType
from tierslieu_desktop.services.billing import baskets, credit_notes, documents, ledger
from tierslieu_desktop.services.billing.payments import PaymentInput, add_payment


@dataclass(frozen=True)
class _Visit:
    payer_id: int
    day: date
    usage_ids: tuple[int, ...]
    charged_cents: int
    last_end: datetime


# Documents go through services.billing.documents one by one (~30 ms each): the front desk's
# sales cover the last weeks only, the monthly invoices the last twelve months.
SALES_DAYS = {"small": 28, "large": 7}
MONTHLY_MONTHS = 12
WALLET_TOPUPS = (2000, 3000, 5000, 2000)  # sold at the desk, then spent on later visits
DESK = "Accueil"
# Front-desk payment methods of persons, by weight (wallet and Pass numérique when possible).
DESK_METHODS = {"card": 42, "cash": 33, "cheque": 13, "pass_numerique": 6, "wallet": 6}
VOUCHER_CENTS = 1000  # a Pass numérique voucher is worth 10 €
MEMBERSHIP_SALES = {"small": 8, "large": 40}
PACK_SALES = {"small": 3, "large": 12}


class Sales:
    """What the front desk and the treasurer did with the demo's usages: a sale per
    member and visit day, monthly invoices to the organisations invoiced monthly (paid
    by transfer some weeks later, a few still unpaid), one credit note, and the day,
    month and year closings — all through services.billing (documents, payments, ledger)."""

    def __init__(self, b: Builder, db: SessionDb) -> None:
        self.b = b
        self.s = b.s
        self.db = db
        self.rng = random.Random(b.rng.random())
        self.last_sale_day = b.last_day - timedelta(days=1)  # yesterday's visits: at the desk
        self.first_day = max(b.opening, add_months(REFERENCE_DATE.replace(day=1), -MONTHLY_MONTHS))
        self.sales_from = REFERENCE_DATE - timedelta(days=SALES_DAYS[b.size])
        self.invoices = 0
        self.credit_notes = 0
        self.closings = 0

    # helpers ----------------------------------------------------------------------

    def actor(self) -> int:
        return self.b.actor()

    def visits(self) -> tuple[list[_Visit], dict[tuple[int, date], list[int]]]:
        """Charged, non-free usages of the period: per (payer, day) for the desk, per
        (organisation, month) for the members invoiced monthly."""
        first, _ = local_day_bounds(self.first_day)
        _, last = local_day_bounds(self.last_sale_day)
        monthly = set(self.s.scalars(select(Member.id).where(Member.monthly_invoicing.is_(True))))
        charged = (
            select(UsageCharge.usage_id, func.sum(UsageCharge.charged_cents).label("cents"))
            .group_by(UsageCharge.usage_id)
            .subquery()
        )
        rows = self.s.execute(
            select(
                Usage.id,
                Usage.member_id,
                Usage.organisation_id,
                Usage.start_at,
                Usage.end_at,
                charged.c.cents,
            )
            .join(charged, charged.c.usage_id == Usage.id)
            .where(Usage.start_at >= first, Usage.start_at < last)
            .order_by(Usage.start_at, Usage.id)
        ).all()
        desk: dict[tuple[int, date], list] = {}
        months: dict[tuple[int, date], list[int]] = {}
        for usage_id, member_id, org_id, start, end, cents in rows:
            payer = member_id if member_id is not None else org_id
            if payer is None:
                continue
            day = to_local(start).date()
            if payer in monthly:
                months.setdefault((payer, day.replace(day=1)), []).append(usage_id)
                continue
            if day >= self.sales_from:
                desk.setdefault((payer, day), []).append((usage_id, cents, end))
        visits = []
        for (payer, day), items in desk.items():
            total = sum(c for _u, c, _e in items)
            if total <= 0:  # free visits (quota, pack, membership): nothing to sell
                continue
            visits.append(
                _Visit(
                    payer,
                    day,
                    tuple(u for u, _c, _e in items),
                    total,
                    max(e for _u, _c, e in items),
                )
            )
        visits.sort(key=lambda v: (v.last_end, v.payer_id))
        return visits, months

    # steps ------------------------------------------------------------------------

    def run(self) -> tuple[int, int, int]:
        """(invoices, credit notes, closings) issued."""
        visits, months = self.visits()
        self.extras = self.extra_lines(visits)
        self.wallet = self.wallets()
        self.queue: list[tuple[datetime, int, int, str, object]] = []
        self.seq = itertools.count()
        for v in visits:
            at = min(
                v.last_end + timedelta(minutes=self.rng.randint(2, 20)),
                local_dt(v.day, 23 * 60 + 30),
            )
            self.push(at, 0, "sale", v)
        for (org_id, month), usage_ids in sorted(
            months.items(), key=lambda kv: (kv[0][1], kv[0][0])
        ):
            issue_day = add_months(month, 1)
            while issue_day.weekday() >= 5 or public_holiday(issue_day):
                issue_day += timedelta(days=1)
            if issue_day <= self.last_sale_day:
                self.push(
                    local_dt(issue_day, 9 * 60 + 30), 1, "monthly", (org_id, month, usage_ids)
                )
        self.unpaid_left = {
            add_months(REFERENCE_DATE.replace(day=1), -2): 1,
            add_months(REFERENCE_DATE.replace(day=1), -1): 2,
        }
        self.credit_target = REFERENCE_DATE - timedelta(days=45)
        self.credit_done = False
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
        self.date_side_effects()
        # The demo lab invoiced its walk-in visitors in a spreadsheet until it adopted the
        # software's checkout: older usages are not proposed again at the desk.
        structure = self.s.get(Structure, 1)
        if structure is not None:
            structure.invoicing_start = self.sales_from
        return self.invoices, self.credit_notes, self.closings

    def date_side_effects(self) -> None:
        """The services stamp what a sale creates (memberships, packs, baskets) with the
        clock: date them at their sale instead, so the same seed gives the same data."""
        self.s.flush()
        cutoff = local_dt(REFERENCE_DATE, 0)
        issued = dict(self.s.execute(select(Invoice.number, Invoice.issued_at)).all())
        for ms in self.s.scalars(
            select(Membership).where(
                Membership.created_at >= cutoff, Membership.note.like("Facture %")
            )
        ):
            at = issued[ms.note.removeprefix("Facture ")]
            ms.created_at = ms.updated_at = at
        bought = dict(
            self.s.execute(
                select(PackMovement.member_pack_id, func.min(PackMovement.at)).group_by(
                    PackMovement.member_pack_id
                )
            ).all()
        )
        for pack in self.s.scalars(
            select(MemberPack).where(
                MemberPack.created_at >= cutoff, MemberPack.id.in_(list(bought))
            )
        ):
            pack.created_at = pack.updated_at = bought[pack.id]
        self.s.execute(update(Basket).values(updated_at=Basket.created_at))
        self.s.flush()

    def push(self, at: datetime, order: int, kind: str, payload: object) -> None:
        heapq.heappush(self.queue, (at, order, next(self.seq), kind, payload))

    def basket(self, member_id: int, at: datetime, actor: int, note: str = "") -> int:
        basket = Basket(member_id=member_id, status="open", note=note, **self.b.stamp(at, actor))
        self.s.add(basket)
        self.s.flush()
        return basket.id

    def sale(self, at: datetime, v: _Visit) -> None:
        actor = self.actor()
        basket_id = self.basket(v.payer_id, at, actor)
        baskets.add_usage_lines(self.db, actor, basket_id, v.usage_ids)
        total = v.charged_cents
        for extra in self.extras.get((v.payer_id, v.day), ()):
            if extra[0] == "membership":
                _kind, audience, start, end, fee = extra
                baskets.add_membership_line(
                    self.db,
                    actor,
                    basket_id,
                    audience_id=audience,
                    start=start,
                    end=end,
                    fee_cents=fee,
                )
                total += fee
            elif extra[0] == "wallet":
                baskets.add_wallet_topup_line(self.db, actor, basket_id, extra[1])
                total += extra[1]
                wallet = self.wallet.setdefault(v.payer_id, [0, v.day + timedelta(days=1)])
                wallet[0] += extra[1]
                wallet[1] = min(wallet[1], v.day + timedelta(days=1))
            else:
                baskets.add_pack_line(self.db, actor, basket_id, extra[1])
                total += next(
                    c for pid, _m, _mo, c in self.b.pack_type_ids.values() if pid == extra[1]
                )
        payments = self.desk_payments(v.payer_id, v.day, total)
        invoice_id = documents.validate_basket(
            self.db, actor, basket_id, payments, desk=DESK, issued_at=at
        )
        self.invoices += 1
        if (
            not self.credit_done
            and v.day >= self.credit_target
            and payments[0].method == "cash"
            and len(payments) == 1
            and v.charged_cents >= 1500
        ):
            self.credit_done = True
            later = local_dt(v.day + timedelta(days=2), 10 * 60 + 15)
            self.push(later, 2, "credit", invoice_id)

    def desk_payments(self, member_id: int, day: date, total: int) -> list[PaymentInput]:
        rng = self.rng
        member = self.b.s.get(Member, member_id)
        assert member is not None
        if member.kind == MemberKind.ORGANISATION.value:
            method = rng.choices(("cheque", "transfer", "card"), (5, 3, 2))[0]
        else:
            method = rng.choices(list(DESK_METHODS), list(DESK_METHODS.values()))[0]
        wallet = self.wallet.get(member_id)
        if wallet is not None and wallet[1] <= day and wallet[0] >= total and rng.random() < 0.8:
            method = "wallet"  # money on the wallet: most people use it
        if method == "wallet":
            if wallet is None or wallet[1] > day or wallet[0] < total:
                method = "card"
            else:
                wallet[0] -= total
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

    def monthly(self, at: datetime, payload: tuple[int, date, list[int]]) -> None:
        org_id, month, usage_ids = payload
        actor = self.b.accueil
        org = self.s.get(Member, org_id)
        assert org is not None
        basket_id = self.basket(org_id, at, actor, note=f"{month:%m/%Y}")
        baskets.add_usage_lines(self.db, actor, basket_id, usage_ids)
        public = org.organisation_type == OrganisationType.PUBLIC_BODY.value
        payments = [PaymentInput("mandate", 0)] if public else []
        invoice_id = documents.validate_basket(
            self.db,
            actor,
            basket_id,
            payments,
            desk=DESK,
            issued_at=at,
            note=f"Facturation mensuelle {month:%m/%Y}",
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
        doc = documents.get_invoice(self.db, invoice_id)
        if doc.balance_cents > 0:
            add_payment(
                self.db,
                self.b.accueil,
                invoice_id,
                PaymentInput(
                    "transfer",
                    doc.balance_cents,
                    reference=f"VIR {doc.number} {doc.buyer['name']}"[:120],
                ),
                desk=DESK,
                at=at,
            )

    def credit(self, at: datetime, invoice_id: int) -> None:
        doc = documents.get_invoice(self.db, invoice_id)
        # The session interrupted by a breakdown: a usage line (never a wallet top-up,
        # whose money may already be spent).
        lines = [ln for ln in doc.lines if ln.kind != "wallet_topup"] or list(doc.lines)
        line = max(lines, key=lambda ln: (ln.kind == "usage", ln.total_incl_cents, -ln.position))
        if line.kind == "wallet_topup":
            return
        credit_notes.create_credit_note(
            self.db,
            self.b.accueil,
            invoice_id,
            lines=[(line.id, line.quantity_milli)],
            reason="Séance interrompue par une panne de la machine : remboursée.",
            refund=PaymentInput("cash", line.total_incl_cents),
            desk=DESK,
            issued_at=at,
        )
        self.credit_notes += 1

    def close(self, done: date, next_day: date) -> None:
        """Close ``done`` (a day with activity), then every month and year that ended
        before ``next_day``."""
        ledger.close_period(self.db, self.b.accueil, "day", done, now=local_dt(done, 23 * 60 + 50))
        self.closings += 1
        month = done.replace(day=1)
        while (
            add_months(month, 1) <= next_day.replace(day=1)
            and add_months(month, 1) <= REFERENCE_DATE
        ):
            last = add_months(month, 1) - timedelta(days=1)
            ledger.close_period(
                self.db, self.b.accueil, "month", month, now=local_dt(last, 23 * 60 + 52)
            )
            self.closings += 1
            if month.month == 12:
                ledger.close_period(
                    self.db,
                    self.b.accueil,
                    "year",
                    month.replace(month=1),
                    now=local_dt(last, 23 * 60 + 55),
                )
                self.closings += 1
            month = add_months(month, 1)

    def extra_lines(self, visits: list[_Visit]) -> dict[tuple[int, date], list[tuple]]:
        """A few memberships renewed and packs bought at the desk during a visit."""
        rng = self.rng
        extras: dict[tuple[int, date], list[tuple]] = {}
        persons = {
            m.id: m
            for m in self.s.scalars(select(Member).where(Member.kind == MemberKind.PERSON.value))
        }
        ends = {
            member_id: (end, count)
            for member_id, end, count in self.s.execute(
                select(Membership.member_id, func.max(Membership.end_date), func.count()).group_by(
                    Membership.member_id
                )
            )
        }
        lapsed = [  # came back after their membership ended (four years at most)
            v
            for v in visits
            if v.payer_id in persons
            and persons[v.payer_id].audience_id is not None
            and v.payer_id in ends
            and ends[v.payer_id][0] < v.day
            and ends[v.payer_id][1] < 4
        ]
        chosen: set[int] = set()
        for v in rng.sample(lapsed, min(len(lapsed), MEMBERSHIP_SALES[self.b.size] * 3)):
            if len(chosen) >= MEMBERSHIP_SALES[self.b.size]:
                break
            if v.payer_id in chosen:
                continue
            chosen.add(v.payer_id)
            audience = persons[v.payer_id].audience_id
            assert audience is not None  # lapsed members have a public
            end = add_years(v.day, 1) - timedelta(days=1)
            extras.setdefault((v.payer_id, v.day), []).append(
                ("membership", audience, v.day, end, self.b.fees[audience])
            )
        adults = [
            v
            for v in visits
            if v.payer_id in persons
            and v.payer_id not in chosen
            and persons[v.payer_id].age_band not in (None, *[b.value for b in MINOR_AGE_BANDS])
            and v.day >= date(REFERENCE_DATE.year, 1, 5)
        ]
        regulars: dict[int, list[_Visit]] = {}
        for v in visits:
            if v.payer_id in persons and v.payer_id not in chosen:
                regulars.setdefault(v.payer_id, []).append(v)
        loyal = sorted(p for p, vs in regulars.items() if len(vs) >= 3)
        for member_id, cents in zip(
            rng.sample(loyal, min(len(loyal), len(WALLET_TOPUPS))), WALLET_TOPUPS, strict=False
        ):
            first = regulars[member_id][0]
            extras.setdefault((member_id, first.day), []).append(("wallet", cents))
            chosen.add(member_id)
        types = [pid for pid, *_rest in self.b.pack_type_ids.values()]
        for v in rng.sample(adults, min(len(adults), PACK_SALES[self.b.size])):
            extras.setdefault((v.payer_id, v.day), []).append(("pack", rng.choice(types)))
        return extras

    def wallets(self) -> dict[int, list]:
        """member → [balance, first day the wallet holds money]."""
        result: dict[int, list] = {}
        for member_id, at, cents in self.s.execute(
            select(
                WalletMovement.member_id, WalletMovement.at, WalletMovement.amount_cents
            ).order_by(WalletMovement.at)
        ):
            entry = result.setdefault(member_id, [0, to_local(at).date() + timedelta(days=1)])
            entry[0] += cents
        return result
