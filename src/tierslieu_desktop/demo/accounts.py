"""The demo's accounts (issue 19 point 1): one per role, each with the password « demo »,
so that the window's login and ``tierslieu --user …`` can be tried at once.

- ``admin`` (Administration), ``mediation`` (Médiation numérique), ``tresorerie``
  (Trésorerie): new operators;
- ``accueil`` (Accueil): the demo's own « Accueil » desk operator, given the role and the
  password (the login finds a name whatever its case), so the history it recorded stays
  the history of the account one logs in with.

« demo » is 4 letters: weaker than ``domain.permissions.secret_problem`` accepts, which is
the point of a demo only (``allow_weak``). Its argon2id hash is made once per process with
a fixed salt: argon2 takes 0.1–0.2 s a hash, and the demo stays the same file for the same
``--seed``."""

from __future__ import annotations

import functools
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Operator
from tierslieu_desktop.domain.permissions import Role, roles_text

PASSWORD = "demo"
# login name → role, in the order the CLI prints them
ACCOUNTS: tuple[tuple[str, Role], ...] = (
    ("admin", Role.ADMIN),
    ("accueil", Role.ACCUEIL),
    ("mediation", Role.MEDIATION),
    ("tresorerie", Role.TRESORERIE),
)
_SALT = b"tierslieu-demo-accounts"


@functools.cache
def password_hash() -> str:
    """The argon2id hash of « demo », with the parameters of the accounts' hasher (so that
    a login does not rehash it) and a fixed salt."""
    from argon2 import PasswordHasher
    from argon2.low_level import hash_secret

    hasher = PasswordHasher()  # argon2-cffi's defaults, as services.people.accounts
    return hash_secret(
        PASSWORD.encode(),
        _SALT,
        time_cost=hasher.time_cost,
        memory_cost=hasher.memory_cost,
        parallelism=hasher.parallelism,
        hash_len=hasher.hash_len,
        type=hasher.type,
    ).decode("ascii")


def add_demo_accounts(session: Session, created: datetime) -> list[str]:
    """Give the demo its four accounts (in the builder's transaction); their login names."""
    hashed = password_hash()
    for name, role in ACCOUNTS:
        op = session.scalars(select(Operator).where(Operator.name.ilike(name))).first()
        if op is None:
            op = Operator(name=name, active=True, created_at=created)
            session.add(op)
        op.roles = roles_text({role})
        op.password_hash = hashed
        op.failed_logins = 0
        op.locked_until = None
    session.flush()
    return [name for name, _role in ACCOUNTS]
