"""Authorizations (habilitations): a member trained on a machine or a machine category."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Authorization, Machine, MachineCategory, Member
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, soft_delete, stamp


@dataclass(frozen=True)
class AuthorizationInput:
    member_id: int
    granted_on: date
    machine_id: int | None = None
    category_id: int | None = None
    trainer: str = ""
    note: str = ""


@guarded(Permission.MEMBERS)
def grant_authorization(db: Database, actor: int | None, data: AuthorizationInput) -> int:
    texts = FieldCollector()
    texts.texts(data)
    texts.raise_if_any()
    if (data.machine_id is None) == (data.category_id is None):
        raise ValidationError({"machine": "machine_or_category_required"})
    if data.granted_on > lab_today():
        raise ValidationError({"granted_on": "date_in_future"})
    with db.write() as session:
        if session.get(Member, data.member_id) is None:
            raise NotFound("member", data.member_id)
        if data.machine_id is not None and session.get(Machine, data.machine_id) is None:
            raise NotFound("machine", data.machine_id)
        if data.category_id is not None and session.get(MachineCategory, data.category_id) is None:
            raise NotFound("machine_category", data.category_id)
        dup = session.scalar(
            select(Authorization.id).where(
                Authorization.member_id == data.member_id,
                Authorization.machine_id.is_(data.machine_id)
                if data.machine_id is None
                else Authorization.machine_id == data.machine_id,
                Authorization.category_id.is_(data.category_id)
                if data.category_id is None
                else Authorization.category_id == data.category_id,
            )
        )
        if dup is not None:
            raise DomainError("authorization_exists")
        auth = Authorization(
            member_id=data.member_id,
            machine_id=data.machine_id,
            category_id=data.category_id,
            granted_on=data.granted_on,
            trainer=data.trainer.strip(),
            note=data.note.strip(),
        )
        stamp(auth, actor, created=True)
        session.add(auth)
        session.flush()
        return auth.id


@guarded(Permission.MEMBERS)
def revoke_authorization(
    db: Database, actor: int | None, authorization_id: int, reason: str
) -> None:
    """Withdraw an authorization for ``reason``: kept, marked deleted."""
    with db.write() as session:
        auth = session.get(Authorization, authorization_id)
        if auth is None or auth.deleted_at is not None:
            raise NotFound("authorization", authorization_id)
        soft_delete(auth, actor, reason)


def is_authorized(db: Database, member_id: int, machine_id: int) -> bool:
    with db.read() as session:
        machine = session.get(Machine, machine_id)
        if machine is None:
            raise NotFound("machine", machine_id)
        return (
            session.scalar(
                select(Authorization.id).where(
                    Authorization.member_id == member_id,
                    or_(
                        Authorization.machine_id == machine_id,
                        Authorization.category_id == machine.category_id,
                    ),
                )
            )
            is not None
        )
