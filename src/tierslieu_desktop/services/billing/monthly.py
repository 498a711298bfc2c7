"""The monthly batch: one invoice per member invoiced monthly for their unbilled usages
and tickets of a month, each issued in its own transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Basket, Member, utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing._common import member_name
from tierslieu_desktop.services.billing.baskets import (
    add_registration_lines_in,
    add_usage_lines_in,
    unbilled_in,
    unbilled_registrations_in,
)
from tierslieu_desktop.services.billing.documents import validate_basket_in
from tierslieu_desktop.services.common import stamp


@dataclass(frozen=True)
class BatchResult:
    invoice_ids: list[int] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    cancelled: bool = False


def _month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return first, nxt - timedelta(days=1)


def _monthly_members(session: Session) -> list[Member]:
    return list(
        session.scalars(
            select(Member)
            .where(Member.monthly_invoicing.is_(True), Member.archived.is_(False))
            .order_by(Member.sort_name, Member.id)
        )
    )


@guarded(Permission.INVOICES)
def monthly_candidates(db: Database, month: date) -> list[tuple[int, str, int, int]]:
    """(member id, name, usages, total) of the members invoiced monthly who have
    unbilled usages in ``month``."""
    return _monthly_candidates_impl(db, month)


def _monthly_candidates_impl(db: Database, month: date) -> list[tuple[int, str, int, int]]:
    first, last = _month_bounds(month)
    with db.read() as session:
        result = []
        for member in _monthly_members(session):
            usages = unbilled_in(session, member.id, first_day=first, last_day=last)
            tickets = unbilled_registrations_in(session, member.id, first_day=first, last_day=last)
            if usages or tickets:
                result.append(
                    (
                        member.id,
                        member_name(member),
                        len(usages) + len(tickets),
                        sum(u.charged_cents for u in usages) + sum(t.cents for t in tickets),
                    )
                )
        return result


@guarded(Permission.INVOICES)
def invoice_month(
    db: Database,
    actor: int | None,
    month: date,
    *,
    progress: Callable[[int, int], bool] | None = None,
    desk: str = "",
) -> BatchResult:
    """One invoice per member invoiced monthly, for their unbilled usages of ``month``;
    one transaction per invoice. ``progress(done, total)`` returning False stops the
    batch: the invoices already issued stay, nothing half-done remains."""
    first, last = _month_bounds(month)
    candidates = _monthly_candidates_impl(db, month)
    result = BatchResult()
    total = len(candidates)
    for done, (member_id, _name, _count, _cents) in enumerate(candidates):
        if progress is not None and progress(done, total) is False:
            return BatchResult(result.invoice_ids, result.skipped, True)
        try:
            with db.write() as session:
                usages = unbilled_in(session, member_id, first_day=first, last_day=last)
                tickets = unbilled_registrations_in(
                    session, member_id, first_day=first, last_day=last
                )
                if not usages and not tickets:
                    continue
                basket = Basket(member_id=member_id, status="open", note=f"{first:%m/%Y}")
                stamp(basket, actor, created=True)
                session.add(basket)
                session.flush()
                add_usage_lines_in(session, actor, basket, [u.usage_id for u in usages])
                add_registration_lines_in(
                    session, actor, basket, [t.registration_id for t in tickets]
                )
                invoice_id = validate_basket_in(
                    session,
                    actor,
                    basket,
                    [],
                    desk=desk,
                    issued_at=utcnow(),
                    note=f"Facturation mensuelle {first:%m/%Y}",
                )
            result.invoice_ids.append(invoice_id)
        except DomainError as exc:
            result.skipped.append((member_id, exc.code))
    if progress is not None:
        progress(total, total)
    return result
