"""Operators: who sits at the desk. Every data change records one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Operator
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.permissions import Permission, Role, parse_roles
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import check_texts

DEFAULT_OPERATOR = "Accueil"
# Desk accounts shared by several people (the default one first): not a person's name.
SHARED_ACCOUNTS = frozenset({DEFAULT_OPERATOR.casefold(), "front desk", "desk", "reception"})


def is_shared_account(name: str) -> bool:
    """True for a desk account several people use ("Accueil"): it names nobody who could
    have helped a visitor, so the cyber-base leaves its "helped by" empty for it."""
    return name.strip().casefold() in SHARED_ACCOUNTS


@dataclass(frozen=True)
class OperatorRow:
    id: int
    name: str
    active: bool


def list_operators(db: Database, *, include_inactive: bool = False) -> list[OperatorRow]:
    stmt = select(Operator).order_by(Operator.name)
    if not include_inactive:
        stmt = stmt.where(Operator.active.is_(True))
    with db.read() as session:
        return [OperatorRow(o.id, o.name, o.active) for o in session.scalars(stmt)]


@guarded(Permission.OPERATORS)
def create_operator(db: Database, name: str) -> int:
    check_texts(name=name)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "required"})
    with db.write() as session:
        if session.scalar(select(Operator.id).where(Operator.name == name)) is not None:
            raise DomainError("operator_exists", name=name)
        op = Operator(name=name, active=True)
        session.add(op)
        session.flush()
        return op.id


@guarded(Permission.OPERATORS)
def set_operator_active(db: Database, operator_id: int, active: bool) -> None:
    with db.write() as session:
        op = session.get(Operator, operator_id)
        if op is None:
            raise DomainError("not_found", entity="operator", id=operator_id)
        if not active:
            others = session.scalars(
                select(Operator.id).where(Operator.active.is_(True), Operator.id != operator_id)
            ).all()
            if not others:
                raise DomainError("last_operator")
            admins = [
                o
                for o in session.scalars(
                    select(Operator).where(
                        Operator.active.is_(True),
                        Operator.id != operator_id,
                        Operator.password_hash.is_not(None),
                    )
                )
                if Role.ADMIN in parse_roles(o.roles)
            ]
            if Role.ADMIN in parse_roles(op.roles) and op.password_hash and not admins:
                raise DomainError("last_administrator")
        op.active = active


def _usable_operator(session: Session, preferred_id: int | None) -> int | None:
    """The remembered operator if still active, else the first active one, else None."""
    if preferred_id is not None:
        op = session.get(Operator, preferred_id)
        if op is not None and op.active:
            return op.id
    return session.scalar(
        select(Operator.id).where(Operator.active.is_(True)).order_by(Operator.id)
    )


def ensure_operator(db: Database, preferred_id: int | None = None) -> int:
    """The operator to use at start: the remembered one if still active, else the first
    active one, else a new "Accueil" operator. Writes only in the last case, so that a
    read-only database with an operator opens."""
    with db.read() as session:
        found = _usable_operator(session, preferred_id)
    if found is not None:
        return found
    with db.write() as session:  # looked up again: another desk may have created one
        found = _usable_operator(session, preferred_id)
        if found is not None:
            return found
        op = Operator(name=DEFAULT_OPERATOR, active=True)
        session.add(op)
        session.flush()
        return op.id
