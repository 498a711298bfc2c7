"""Permissions enforced in the services (issue 19 point 1): ``@guarded(Permission.X)`` on a
public service function refuses the call, before it reads or writes anything, when the
operator logged in on its ``Database`` (``db.principal``) holds no role allowing it —
whatever screen or command called it. The matrix itself is ``domain.permissions``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission, roles_text

P = ParamSpec("P")
R = TypeVar("R")
GUARD = "__permission__"


def check(db: Database, permission: Permission) -> None:
    """Raise ``DomainError("not_permitted")`` unless the logged-in operator may."""
    who = db.principal
    if who is not None and not who.can(permission):
        raise DomainError(
            "not_permitted",
            permission=permission.value,
            operator=who.name,
            roles=roles_text(who.roles),
        )


def may(db: Database, permission: Permission) -> bool:
    who = db.principal
    return who is None or who.can(permission)


def _database_among(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Database | None:
    """The ``Database`` a call works on: its first argument, the first after ``self`` for a
    method (an importer's ``plan(db, …)``), or the keyword ``db``."""
    for arg in args[:2]:
        if isinstance(arg, Database):
            return arg
    db = kwargs.get("db")
    return db if isinstance(db, Database) else None


def guarded(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service function whose first argument is the ``Database`` (or a method
    whose first argument after ``self`` is). A guarded function that another service calls
    on its user's behalf keeps its body in a private ``_…_impl`` the caller uses: the
    permission is checked once, at the entry the user called (issue 19)."""

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            db = _database_among(args, kwargs)
            if db is None:
                raise TypeError(f"{func.__qualname__}: no Database among its first arguments")
            check(db, permission)
            return func(*args, **kwargs)

        setattr(inner, GUARD, permission)
        return inner

    return wrap


def permission_of(func: Any) -> Permission | None:
    """The permission a guarded function asks (None: not guarded)."""
    return getattr(func, GUARD, None)
