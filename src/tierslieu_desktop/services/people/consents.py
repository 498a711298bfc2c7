"""A member's consents (newsletter, photos) dated and revocable (issue 19, point 3;
docs/legal-fr.md §7): every change written to ``consent_change`` by the service that
changes it (``members.save_member``, the anonymisation), the history read back for the
member card and the personal data export. ``member.consent_*`` keep the current value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import ConsentChange, Member, Operator, utcnow
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded

CONSENTS = ("newsletter", "photos")
REASONS = ("edit", "created", "anonymised", "initial")


@dataclass(frozen=True)
class ConsentChangeRow:
    consent: str  # CONSENTS
    given: bool
    at: datetime
    operator: str  # "" when unknown
    reason: str  # REASONS


def current_consents(member: Member) -> dict[str, bool]:
    return {c: bool(getattr(member, f"consent_{c}")) for c in CONSENTS}


def record_consent_changes(
    session: Session,
    member: Member,
    before: dict[str, bool] | None,
    actor: int | None,
    *,
    reason: str = "edit",
    at: datetime | None = None,
) -> int:
    """Write one row per consent whose value differs from ``before`` (None: a new card,
    whose given consents are written with reason ``created``). Call after the member's
    new values are set, inside the same transaction; returns the rows written."""
    when = at or utcnow()
    session.flush()
    written = 0
    for consent, given in current_consents(member).items():
        if before is None:
            if not given:
                continue
            why = "created"
        elif before.get(consent, False) == given:
            continue
        else:
            why = reason
        session.add(
            ConsentChange(
                member_id=member.id,
                consent=consent,
                given=given,
                at=when,
                operator_id=actor,
                reason=why,
            )
        )
        written += 1
    return written


def consent_history_rows(session: Session, member_id: int) -> list[ConsentChangeRow]:
    stmt = (
        select(ConsentChange, Operator.name)
        .outerjoin(Operator, Operator.id == ConsentChange.operator_id)
        .where(ConsentChange.member_id == member_id)
        .order_by(ConsentChange.at, ConsentChange.id)
    )
    return [
        ConsentChangeRow(
            consent=row.consent,
            given=row.given,
            at=row.at,
            operator=name or "",
            reason=row.reason,
        )
        for row, name in session.execute(stmt)
    ]


@guarded(Permission.MEMBERS)
def consent_history(db: Database, member_id: int) -> list[ConsentChangeRow]:
    """The member's consent changes, oldest first."""
    with db.read() as session:
        return consent_history_rows(session, member_id)
