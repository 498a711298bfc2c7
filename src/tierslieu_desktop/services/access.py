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
from tierslieu_desktop.domain.permissions import Permission

P = ParamSpec("P")
R = TypeVar("R")
GUARD = "__permission__"


def check(db: Database, permission: Permission) -> None:
    """Raise ``DomainError("not_permitted")`` unless the logged-in operator may."""
    who = db.principal
    if who is not None and not who.can(permission):
        raise DomainError("not_permitted", permission=permission.value, operator=who.name)


def may(db: Database, permission: Permission) -> bool:
    who = db.principal
    return who is None or who.can(permission)


def guarded(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service function whose first argument is the ``Database``."""

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            db = args[0] if args else kwargs.get("db")
            if not isinstance(db, Database):
                raise TypeError(f"{func.__qualname__}: the first argument is not a Database")
            check(db, permission)
            return func(*args, **kwargs)

        setattr(inner, GUARD, permission)
        return inner

    return wrap


def permission_of(func: Any) -> Permission | None:
    """The permission a guarded function asks (None: not guarded)."""
    return getattr(func, GUARD, None)
