"""A PostgreSQL server tried before Paramètres saves it as the lab's database (issue 20):
« Tester la connexion » connects once, with a short timeout, and says what it found as a
code the window words — the lab's database (at which revision), an empty database the
application will fill at its next start, or why it cannot be used. Nothing is written."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine, inspect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from tierslieu_desktop import config
from tierslieu_desktop.db.engine import HEAD_REVISION, server_connect_args
from tierslieu_desktop.db.migrations.runner import current_revision, known_revisions

CONNECT_TIMEOUT_S = 5

# What a check can find. ``ours`` and ``empty`` can be saved; the others say why not.
OURS = "ours"  # a Tiers-Lieu database (``revision``; ``upgrade``: migrated at next start)
EMPTY = "empty"  # no table yet: the application creates them at its next start
UNREACHABLE = "unreachable"  # no server answers at this address and port
LOGIN_REFUSED = "login_refused"  # the server refuses this user or password
NO_DATABASE = "no_database"  # the server has no database of this name
FOREIGN = "foreign_database"  # a database with tables that are not ours
NEWER = "newer_than_app"  # ours, from a newer version of the application
NO_TLS = "no_tls"  # an encrypted connection was required and the server offers none
FAILED = "failed"  # anything else (``detail``: the server's words)
USABLE = (OURS, EMPTY)


@dataclass(frozen=True)
class ServerCheck:
    code: str
    url: str  # without the password
    revision: str | None = None
    upgrade: bool = False  # ours, at an older revision: migrated (after a backup) at start
    detail: str = ""

    @property
    def usable(self) -> bool:
        return self.code in USABLE


def check_server(
    host: str,
    port: int,
    database: str,
    user: str,
    password: str | None = None,
    tls: bool = False,
) -> ServerCheck:
    """Connect to ``database`` on ``host:port`` as ``user`` and look at it. ``password``
    None (left blank in the form): the one kept in the password file, if any. ``tls``:
    only over an encrypted connection (``NO_TLS`` when the server offers none)."""
    url = config.server_url(host.strip(), port, database.strip(), user.strip(), tls)
    args: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S}
    args.update(server_connect_args(url))
    if password:
        args["password"] = password
    engine = create_engine(url, poolclass=NullPool, connect_args=args)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return ServerCheck(EMPTY, url)
            if "alembic_version" not in tables or "member" not in tables:
                return ServerCheck(FOREIGN, url)
            revision = current_revision(conn)
    except OperationalError as exc:
        return _refusal(url, exc)
    except DBAPIError as exc:
        return ServerCheck(FAILED, url, detail=_first_line(exc))
    finally:
        engine.dispose()
    if revision is not None and revision not in known_revisions():
        return ServerCheck(NEWER, url, revision=revision)
    return ServerCheck(OURS, url, revision=revision, upgrade=revision != HEAD_REVISION)


def _first_line(exc: DBAPIError) -> str:
    text = str(exc.orig if exc.orig is not None else exc).strip()
    return text.splitlines()[0] if text else ""


def _refusal(url: str, exc: OperationalError) -> ServerCheck:
    """libpq says why it could not connect in words only (no SQLSTATE before the session
    starts); an English server's words are recognised, others are shown as they are."""
    detail = _first_line(exc)
    text = str(exc.orig if exc.orig is not None else exc)
    if "does not support SSL" in text:  # libpq's words: sslmode=require, no TLS on offer
        return ServerCheck(NO_TLS, url, detail=detail)
    if 'database "' in text and "does not exist" in text:
        return ServerCheck(NO_DATABASE, url, detail=detail)
    refused = ("password authentication failed", "no password supplied", "no pg_hba.conf")
    if any(words in text for words in refused) or ('role "' in text and "does not exist" in text):
        return ServerCheck(LOGIN_REFUSED, url, detail=detail)
    if "FATAL" in text or "ERROR" in text:
        return ServerCheck(FAILED, url, detail=detail)
    return ServerCheck(UNREACHABLE, url, detail=detail)
