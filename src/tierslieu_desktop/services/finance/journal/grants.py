"""Journal source: grants, sponsorship and donations (OD, BQ).

- Decided (``granted_cents`` set): OD on ``granted_on`` (else the start of its period):
  debit the funder's receivable — 441 for a public funder, 468 for a private one, with
  the funder as auxiliary account — and credit, by the grant's nature:
  operating or donation → the account of the funder's level ("grant:<level>": 741…748,
  7541 dons manuels for individuals, 7542 mécénat for companies);
  investment → 131 ("grant:investment:fund").
- Received (each GrantPayment): BQ on its day, 512 debit / 441 (or 468) credit, lettered
  with the decision once the instalments add up to it.
- Investment grants released to the result: OD on the last day of the period, 139 debit
  / 777 credit. The share follows the depreciation of the machines the grant financed
  (GrantMachine): grant × depreciation of those machines in the period ÷ their purchase
  value (the usual "quote-part" rule, ANC 2018-06). A grant linked to no depreciable
  machine is released straight-line over DEFAULT_DEPRECIATION_YEARS from the start of
  its period. Nothing is released before the decision; the period holding the decision
  catches up what its machines depreciated before it.

A period spanning several years books an operating grant whole on its decision: splitting
it (487 produits constatés d'avance, 19 fonds dédiés) is left to the accountant's
year-end entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Funder, Grant, GrantMachine, GrantPayment, Machine
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine

__all__ = ["funder_aux", "grant_entries", "receivable_key", "revenue_key"]


def funder_aux(funder_id: int, name: str) -> tuple[str, str]:
    """The auxiliary account of a funder (441/468): ``SUB`` + its id, and its name."""
    return f"SUB{funder_id:05d}", name


def receivable_key(sector: str) -> str:
    return "funders:public" if sector == "public" else "funders:private"


def revenue_key(nature: str, level: str) -> str:
    """The account key credited when a grant is decided."""
    return "grant:investment:fund" if nature == "investment" else f"grant:{level}"


def _decision_day(g: Grant) -> date:
    return g.granted_on or g.period_start


def grant_entries(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    """Decisions, instalments received and investment releases of [first_day, last_day]."""
    yield from _decisions(session, first_day, last_day)
    yield from _receipts(session, first_day, last_day)
    yield from _releases(session, first_day, last_day)


def _decisions(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    day = func.coalesce(Grant.granted_on, Grant.period_start)
    rows = session.execute(
        select(Grant, Funder.name, Funder.sector, Funder.level)
        .join(Funder, Funder.id == Grant.funder_id)
        .where(Grant.granted_cents.is_not(None), Grant.granted_cents > 0)
        .where(day >= first_day, day <= last_day)
        .order_by(day, Grant.id)
    )
    for g, name, sector, level in rows:
        amount = g.granted_cents or 0
        aux, aux_label = funder_aux(g.funder_id, name)
        yield JournalEntry(
            "OD",
            _decision_day(g),
            f"SUBV{g.id}",
            _decision_day(g),
            f"Subvention {name} - {g.purpose}"[:200],
            (
                JournalLine(
                    receivable_key(sector),
                    debit_cents=amount,
                    aux=aux,
                    aux_label=aux_label,
                    letter_key=f"grant:{g.id}",
                ),
                JournalLine(revenue_key(g.nature, level), credit_cents=amount),
            ),
            f"grant:{g.id}",
        )


def _receipts(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    rows = session.execute(
        select(GrantPayment, Grant.purpose, Grant.funder_id, Funder.name, Funder.sector)
        .join(Grant, Grant.id == GrantPayment.grant_id)
        .join(Funder, Funder.id == Grant.funder_id)
        .where(GrantPayment.received_on >= first_day, GrantPayment.received_on <= last_day)
        .order_by(GrantPayment.received_on, GrantPayment.id)
    )
    for p, purpose, funder_id, name, sector in rows:
        aux, aux_label = funder_aux(funder_id, name)
        yield JournalEntry(
            "BQ",
            p.received_on,
            f"SUBV{p.grant_id}-V{p.id}",
            p.received_on,
            f"Versement subvention {name} - {purpose}"[:200],
            (
                JournalLine("payment:transfer", debit_cents=p.amount_cents),
                JournalLine(
                    receivable_key(sector),
                    credit_cents=p.amount_cents,
                    aux=aux,
                    aux_label=aux_label,
                    letter_key=f"grant:{p.grant_id}",
                ),
            ),
            f"grant_payment:{p.id}",
        )


def released_by(
    granted_cents: int, machines: list[tuple[int, date, int]], start: date, day: date
) -> int:
    """The part of an investment grant released before ``day``: in proportion to the
    accumulated depreciation of its machines ``(value, purchase day, years)``, or
    straight-line over DEFAULT_DEPRECIATION_YEARS from ``start`` without any."""
    if not machines:
        return rules.depreciated_by(granted_cents, start, rules.DEFAULT_DEPRECIATION_YEARS, day)
    value = sum(m[0] for m in machines)
    done = sum(rules.depreciated_by(v, bought, years, day) for v, bought, years in machines)
    return min(granted_cents, (granted_cents * done * 2 + value) // (2 * value))


def _releases(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    grants = session.execute(
        select(Grant, Funder.name)
        .join(Funder, Funder.id == Grant.funder_id)
        .where(
            Grant.nature == "investment",
            Grant.granted_cents.is_not(None),
            Grant.granted_cents > 0,
            func.coalesce(Grant.granted_on, Grant.period_start) <= last_day,
        )
        .order_by(Grant.id)
    ).all()
    if not grants:
        return
    machines: dict[int, list[tuple[int, date, int]]] = {}
    for gid, value, bought, years in session.execute(
        select(
            GrantMachine.grant_id,
            Machine.purchase_value_cents,
            Machine.purchase_date,
            Machine.depreciation_years,
        )
        .join(Machine, Machine.id == GrantMachine.machine_id)
        .where(GrantMachine.grant_id.in_([g.id for g, _ in grants]))
    ):
        if value and bought and years:
            machines.setdefault(gid, []).append((value, bought, years))
    after = last_day + timedelta(days=1)
    for g, name in grants:
        amount = g.granted_cents or 0
        linked = machines.get(g.id, [])
        before = released_by(amount, linked, g.period_start, first_day)
        if _decision_day(g) >= first_day:
            before = 0  # the decision's period catches up
        share = released_by(amount, linked, g.period_start, after) - before
        if share <= 0:
            continue
        yield JournalEntry(
            "OD",
            last_day,
            f"SUBV{g.id}-QP",
            last_day,
            f"Quote-part subvention {name} - {g.purpose}"[:200],
            (
                JournalLine("grant:investment:released", debit_cents=share),
                JournalLine("grant:investment", credit_cents=share),
            ),
            f"grant_release:{g.id}",
        )
