"""Operator accounts (issue 19 point 1): a name and a password — or a 4–6 digit PIN at the
desk — hashed with argon2id, one or more roles (``domain.permissions``), a login that
returns the :class:`Principal` the entry points set on the ``Database``.

A database with no administrator holding a password (a new one, or one upgraded from before
accounts) is "unclaimed": the first start asks who administers it
(:func:`claim_administration`), nothing else is allowed to set a first administrator."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Operator
from tierslieu_desktop.domain.calendar import utcnow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.permissions import (
    Permission,
    Principal,
    Role,
    parse_roles,
    roles_text,
    secret_problem,
)
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import check_texts

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@functools.cache
def _hasher() -> PasswordHasher:
    """argon2id with argon2-cffi's defaults (RFC 9106 "low memory": 64 MiB, 3 passes).
    argon2 is imported at the first hash or check: the lock screen lists the accounts
    before Accueil's figures are painted (issue 14), nobody has typed a secret yet."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def _wrong_secret() -> tuple[type[Exception], ...]:
    """What argon2 raises for a secret that is not the stored one (or a bad hash)."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    return (VerifyMismatchError, VerificationError, InvalidHashError)


# after this many wrong tries in a row, each next try waits WAIT (a PIN has 10,000 values)
TRIES_BEFORE_WAIT = 5
WAIT = timedelta(seconds=30)


@dataclass(frozen=True)
class AccountRow:
    id: int
    name: str
    active: bool
    roles: frozenset[Role]
    can_log_in: bool  # a password or PIN is set
    locked_until: datetime | None = None  # waiting after wrong tries (when in the future)


def _principal(op: Operator) -> Principal:
    return Principal(op.id, op.name, parse_roles(op.roles))


def _hash(secret: str, *, allow_weak: bool = False) -> str:
    if not allow_weak:
        problem = secret_problem(secret)
        if problem is not None:
            raise ValidationError({"secret": problem})
    return _hasher().hash(secret)


def _check_roles(roles: frozenset[Role] | set[Role]) -> frozenset[Role]:
    if not roles:
        raise ValidationError({"roles": "required"})
    return frozenset(Role(r) for r in roles)


def list_accounts(db: Database, *, include_inactive: bool = False) -> list[AccountRow]:
    """Every account, by name (the login dialog's list: names only, never a secret)."""
    stmt = select(Operator).order_by(Operator.name)
    if not include_inactive:
        stmt = stmt.where(Operator.active.is_(True))
    with db.read() as session:
        return [
            AccountRow(
                o.id,
                o.name,
                o.active,
                parse_roles(o.roles),
                o.password_hash is not None,
                o.locked_until,
            )
            for o in session.scalars(stmt)
        ]


def _administrators(session: Session, *, except_id: int | None = None) -> int:
    found = 0
    for op in session.scalars(
        select(Operator).where(Operator.active.is_(True), Operator.password_hash.is_not(None))
    ):
        if op.id != except_id and Role.ADMIN in parse_roles(op.roles):
            found += 1
    return found


def needs_administrator(db: Database) -> bool:
    """True while no active administrator can log in: a new or upgraded database."""
    with db.read() as session:
        return _administrators(session) == 0


def principal_of(db: Database, operator_id: int) -> Principal:
    """The account as it is now (its roles may have changed since the login)."""
    with db.read() as session:
        op = session.get(Operator, operator_id)
        if op is None or not op.active:
            raise DomainError("not_found", entity="operator", id=operator_id)
        return _principal(op)


def _find(session: Session, name: str) -> Operator | None:
    name = name.strip()
    exact = session.scalar(select(Operator).where(Operator.name == name))
    if exact is not None:
        return exact
    folded = session.scalars(
        select(Operator).where(func.lower(Operator.name) == name.casefold())
    ).all()
    return folded[0] if len(folded) == 1 else None


def authenticate(db: Database, name: str, secret: str, *, now: datetime | None = None) -> Principal:
    """The account named ``name`` if ``secret`` is its password or PIN. Raises
    ``DomainError("login_failed")`` (unknown name, inactive, no secret yet or wrong secret:
    the same answer) or ``DomainError("login_wait", seconds=…)`` after several wrong tries.
    Does not set ``db.principal``: the caller does."""
    now = now or utcnow()
    with db.read() as session:
        op = _find(session, name)
        if op is None or not op.active or op.password_hash is None:
            raise DomainError("login_failed")
        if op.locked_until is not None and op.locked_until > now:
            raise DomainError(
                "login_wait", seconds=int((op.locked_until - now).total_seconds()) + 1
            )
        op_id, stored = op.id, op.password_hash
    try:
        _hasher().verify(stored, secret)
    except _wrong_secret():
        _record_try(db, op_id, ok=False, now=now)
        raise DomainError("login_failed") from None
    _record_try(
        db, op_id, ok=True, now=now, rehash=secret if _hasher().check_needs_rehash(stored) else None
    )
    return principal_of(db, op_id)


def _record_try(
    db: Database, op_id: int, *, ok: bool, now: datetime, rehash: str | None = None
) -> None:
    if db.read_only:
        return  # a read-only copy still opens; it just cannot count the tries
    with db.write() as session:
        op = session.get(Operator, op_id)
        if op is None:
            return
        if ok:
            op.failed_logins = 0
            op.locked_until = None
            if rehash is not None:
                op.password_hash = _hasher().hash(rehash)
            return
        op.failed_logins = (op.failed_logins or 0) + 1
        if op.failed_logins >= TRIES_BEFORE_WAIT:
            op.locked_until = now + WAIT


def claim_administration(
    db: Database,
    name: str,
    secret: str,
    *,
    operator_id: int | None = None,
    allow_weak: bool = False,
) -> Principal:
    """Make the first administrator of an unclaimed database: an existing operator
    (``operator_id``, e.g. the « Accueil » of an upgraded database) or a new one named
    ``name``. Refused once an administrator can log in (``administrator_exists``)."""
    check_texts(name=name)
    name = name.strip()
    hashed = _hash(secret, allow_weak=allow_weak)
    with db.write() as session:
        if _administrators(session) > 0:
            raise DomainError("administrator_exists")
        if operator_id is not None:
            op = session.get(Operator, operator_id)
            if op is None:
                raise DomainError("not_found", entity="operator", id=operator_id)
            if name and name != op.name:
                _name_free(session, name, op.id)
                op.name = name
        else:
            if not name:
                raise ValidationError({"name": "required"})
            _name_free(session, name, None)
            op = Operator(name=name, active=True, roles="")
            session.add(op)
        op.active = True
        op.roles = roles_text(parse_roles(op.roles) | {Role.ADMIN})
        op.password_hash = hashed
        op.failed_logins = 0
        op.locked_until = None
        session.flush()
        return _principal(op)


def _name_free(session: Session, name: str, own_id: int | None) -> None:
    taken = session.scalar(select(Operator.id).where(func.lower(Operator.name) == name.casefold()))
    if taken is not None and taken != own_id:
        raise DomainError("operator_exists", name=name)


@guarded(Permission.OPERATORS)
def create_account(
    db: Database,
    name: str,
    roles: frozenset[Role] | set[Role],
    secret: str | None,
    *,
    allow_weak: bool = False,
) -> int:
    """A new account. ``secret`` None: it cannot log in until one is set."""
    check_texts(name=name)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "required"})
    roles = _check_roles(roles)
    hashed = None if secret is None else _hash(secret, allow_weak=allow_weak)
    with db.write() as session:
        _name_free(session, name, None)
        op = Operator(name=name, active=True, roles=roles_text(roles), password_hash=hashed)
        session.add(op)
        session.flush()
        return op.id


@guarded(Permission.OPERATORS)
def set_roles(db: Database, operator_id: int, roles: frozenset[Role] | set[Role]) -> None:
    """Change an account's roles; the last administrator who can log in keeps the role."""
    roles = _check_roles(roles)
    with db.write() as session:
        op = session.get(Operator, operator_id)
        if op is None:
            raise DomainError("not_found", entity="operator", id=operator_id)
        was_admin = Role.ADMIN in parse_roles(op.roles) and op.password_hash is not None
        if was_admin and Role.ADMIN not in roles and _administrators(session, except_id=op.id) == 0:
            raise DomainError("last_administrator")
        op.roles = roles_text(roles)


@guarded(Permission.OPERATORS)
def reset_secret(db: Database, operator_id: int, secret: str, *, allow_weak: bool = False) -> None:
    """An administrator sets another account's password or PIN (a forgotten one)."""
    hashed = _hash(secret, allow_weak=allow_weak)
    with db.write() as session:
        op = session.get(Operator, operator_id)
        if op is None:
            raise DomainError("not_found", entity="operator", id=operator_id)
        op.password_hash = hashed
        op.failed_logins = 0
        op.locked_until = None


def change_own_secret(db: Database, old: str, new: str) -> None:
    """The logged-in operator changes their own password or PIN (the old one asked)."""
    who = db.principal
    if who is None:
        raise DomainError("not_logged_in")
    hashed = _hash(new)
    with db.read() as session:
        op = session.get(Operator, who.operator_id)
        stored = None if op is None else op.password_hash
    if stored is None:
        raise ValidationError({"old_secret": "wrong"})
    try:
        _hasher().verify(stored, old)
    except _wrong_secret():
        raise ValidationError({"old_secret": "wrong"}) from None
    with db.write() as session:
        op = session.get(Operator, who.operator_id)
        assert op is not None
        op.password_hash = hashed
