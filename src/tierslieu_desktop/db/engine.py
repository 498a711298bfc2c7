"""Opening a database: checks, backup, automatic migration, and the unit of work.

SQLite gets WAL, foreign keys and a busy timeout on every connection. Write
transactions start with ``BEGIN IMMEDIATE`` so that two desks writing at once are
serialised by SQLite itself, not by luck.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Engine, Insert, create_engine, event
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

# The file checks need sqlite3 alone (db.files); re-exported here for every caller.
from tierslieu_desktop.db.audit import install as install_audit
from tierslieu_desktop.db.audit import install_soft_delete, write_pending
from tierslieu_desktop.db.changes import FeedReader
from tierslieu_desktop.db.changes import install as install_feed
from tierslieu_desktop.db.changes import publish as publish_changes
from tierslieu_desktop.db.files import _HELD as _HELD
from tierslieu_desktop.db.files import SQLITE_CORRUPT as SQLITE_CORRUPT
from tierslieu_desktop.db.files import SQLITE_HEADER as SQLITE_HEADER
from tierslieu_desktop.db.files import SQLITE_NOTADB as SQLITE_NOTADB
from tierslieu_desktop.db.files import DatabaseOpenError as DatabaseOpenError
from tierslieu_desktop.db.files import SchemaState as SchemaState
from tierslieu_desktop.db.files import held_database_files as held_database_files
from tierslieu_desktop.db.files import inspect_sqlite_file as inspect_sqlite_file
from tierslieu_desktop.db.files import is_held as is_held
from tierslieu_desktop.db.files import is_read_only as is_read_only
from tierslieu_desktop.db.files import is_url as is_url
from tierslieu_desktop.db.files import resolve_target as resolve_target
from tierslieu_desktop.db.files import shown_target as shown_target
from tierslieu_desktop.db.files import sqlite_url as sqlite_url
from tierslieu_desktop.db.files import truncation as truncation
from tierslieu_desktop.db.migrations import HEAD_REVISION as HEAD_REVISION
from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Principal
from tierslieu_desktop.fileperms import copy_protection, create_private_file, make_private_dirs

# How long a write waits for another desk's write before "database_busy" (read when a
# connection opens; the tests shorten it).
BUSY_TIMEOUT_MS = 10_000


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is unreliable).
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not cur.execute("PRAGMA query_only").fetchone()[0]:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


SQLITE_BUSY = 5
SQLITE_LOCKED = 6
BUSY_MESSAGES = ("database is locked", "database is busy", "database table is locked")


def busy_error(exc: BaseException, target: str) -> DomainError | None:
    """``DomainError("database_busy")`` for SQLite's "database is locked" / "busy" (raw
    or wrapped by SQLAlchemy), None for any other error."""
    if isinstance(exc, OperationalError):
        exc = exc.orig if isinstance(exc.orig, BaseException) else exc
    if not isinstance(exc, sqlite3.OperationalError):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    if (code is None or code & 0xFF not in (SQLITE_BUSY, SQLITE_LOCKED)) and not any(
        m in text for m in BUSY_MESSAGES
    ):
        return None
    return DomainError("database_busy", target=shown_target(target))


# --- the database out of reach (issue 20, point 5) -------------------------------------
# A desk without its database refuses every action (no offline sales: docs and
# packaging/server/README-SERVEUR.md): the unit of work in progress is rolled back (or
# was never begun), the action raises ``DomainError("server_unreachable")`` (a PostgreSQL
# server) or ``DomainError("database_file_unreachable")`` (an SQLite file gone: a network
# share unplugged), and every function of ``UNREACHABLE_LISTENERS`` is called with the
# Database — from whatever thread met it; the window's banner listens (ui/connection.py).
UNREACHABLE_CODES = ("server_unreachable", "database_file_unreachable")
UNREACHABLE_LISTENERS: list[Callable[[Database], None]] = []
SQLITE_IOERR = 10
SQLITE_CANTOPEN = 14
# PostgreSQL's "the server went away" states beside class 08 (connection exception):
# admin_shutdown (pg_terminate_backend, a server stopped), crash_shutdown, cannot_connect_now
_LOST_SQLSTATES = ("57P01", "57P02", "57P03")


def listen_unreachable(listener: Callable[[Database], None]) -> None:
    """Call ``listener(db)`` whenever a database is found out of reach (once per listener)."""
    if listener not in UNREACHABLE_LISTENERS:
        UNREACHABLE_LISTENERS.append(listener)


def forget_unreachable(listener: Callable[[Database], None]) -> None:
    while listener in UNREACHABLE_LISTENERS:
        UNREACHABLE_LISTENERS.remove(listener)


def is_connection_lost(exc: BaseException) -> bool:
    """True for an error that says the database cannot be reached any more: the
    connection was invalidated (SQLAlchemy's ``connection_invalidated``), psycopg's
    OperationalError of a connection refused, closed or terminated, SQLite's I/O error or
    "unable to open" (its file gone). False for every other error (a lock, a constraint)."""
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        exc = exc.orig if isinstance(exc.orig, BaseException) else exc
    if isinstance(exc, sqlite3.OperationalError):
        code = getattr(exc, "sqlite_errorcode", None)
        return code is not None and code & 0xFF in (SQLITE_IOERR, SQLITE_CANTOPEN)
    psycopg = sys.modules.get("psycopg")  # never imported: not a psycopg error
    if psycopg is not None and isinstance(exc, psycopg.OperationalError):
        state = getattr(exc, "sqlstate", None)
        return state is None or state.startswith("08") or state in _LOST_SQLSTATES
    return False


# Called with the write session just before each commit of an audited Database (the
# daily seal of the audit trail, services.chain).
BEFORE_COMMIT: list[Callable[[Session], None]] = []


def run_after_commit(hooks: list[Callable[[], None]]) -> None:
    """Run what a committed transaction queued in ``session.info["after_commit"]`` (the
    anchor log of the sealed records): the data is saved whatever happens here, so an
    error is logged, never raised."""
    for hook in hooks:
        try:
            hook()
        except Exception:
            logging.getLogger(__name__).exception("after-commit hook failed")


class Database:
    """An open, migrated database. Services take it and open one unit of work per call.
    A ``read_only`` database (the file or its folder cannot be written) refuses every
    ``write()`` with ``DomainError("read_only")`` before touching the file."""

    def __init__(self, engine: Engine, target: str, *, read_only: bool = False) -> None:
        self.engine = engine
        self.target = target
        self.read_only = read_only
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._read = sessionmaker(engine, expire_on_commit=False)
        write_engine = (
            engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        )
        self._write = sessionmaker(write_engine, expire_on_commit=False)
        # every change of a write session recorded in the audit trail (db.audit); False
        # for a writer that is no operator (the demo builder)
        self.audit = True
        self.audit_sealed_day: date | None = None  # services.chain.seal_audit_days
        # the operator logged in (issue 19): every guarded service checks its roles
        # (services.access); None for a writer that logged nobody in — the demo builder,
        # the migrations, the tests of one service — which every entry point replaces
        # (app.py after its login dialog, cli.py after --user / TIERSLIEU_USER)
        self.principal: Principal | None = None
        install_audit(self._write)
        # the change feed (db.changes, issue 20): what each write changed, sent to the
        # other desks in its transaction, tagged with this handle's desk id so that a
        # window skips its own; False for a writer nobody watches (the demo builder)
        self.feed = True
        self.desk = uuid.uuid4().hex
        install_feed(self._write)
        install_soft_delete(self._read)
        install_soft_delete(self._write)
        self.path = _sqlite_file(engine, target) if self.is_sqlite else None
        if self.path is not None:
            _HELD.add(self)

    @property
    def shown_target(self) -> str:
        """``target`` as shown to people and logs: a server URL's password masked."""
        return shown_target(self.target)

    def unreachable(self, exc: BaseException | None = None) -> DomainError:
        """The error of an action the database could not be reached for (``exc``: what
        was met, None for an SQLite file found missing), after telling the listeners."""
        for listener in list(UNREACHABLE_LISTENERS):
            try:
                listener(self)
            except Exception:
                logging.getLogger(__name__).exception("unreachable listener failed")
        if self.is_sqlite:
            return DomainError("database_file_unreachable", target=self.shown_target)
        detail = str(getattr(exc, "orig", None) or exc or "").strip().splitlines()
        return DomainError(
            "server_unreachable", target=self.shown_target, detail=detail[0] if detail else ""
        )

    def _check_file_present(self) -> None:
        """An SQLite file that vanished (a network share unplugged, a USB disk pulled) is
        refused before SQLite would create an empty one in its place."""
        if self.path is not None and not self.path.exists():
            raise self.unreachable()

    def reachable(self) -> bool:
        """Whether the database answers now (one ``SELECT 1``; the pool's pre-ping drops
        the connections a restarted server closed). Never raises: the window's retry."""
        if self.path is not None and not self.path.exists():
            return False
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            if is_connection_lost(exc) or isinstance(exc, OperationalError):
                return False
            raise
        return True

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work: always rolled back. SQLite busy or locked past the
        busy timeout raises ``DomainError("database_busy")``; a database out of reach
        ``server_unreachable`` / ``database_file_unreachable`` (see ``unreachable``)."""
        self._check_file_present()
        try:
            with self._read() as session:
                try:
                    yield session
                finally:
                    session.rollback()
        except DBAPIError as exc:
            if is_connection_lost(exc):
                raise self.unreachable(exc) from exc
            busy = busy_error(exc, self.target)
            if busy is None:
                raise
            raise busy from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction for one user action: committed whole, or not at all. Another
        desk holding the database past the busy timeout (10 s) raises
        ``DomainError("database_busy")``: nothing of this action was saved. Functions
        queued in ``session.info["after_commit"]`` run once the commit is done (never
        inside the transaction; see :func:`run_after_commit`). The database out of reach
        (before or during the transaction) raises ``server_unreachable`` /
        ``database_file_unreachable``: rolled back by the server, nothing saved."""
        if self.read_only:
            raise DomainError("read_only", target=self.shown_target)
        self._check_file_present()
        try:
            with self._write() as session:
                session.info["database"] = self
                if self.principal is not None:
                    session.info["operator"] = self.principal.operator_id
                try:
                    yield session
                    if self.audit:
                        session.flush()
                        write_pending(session)
                        for before in BEFORE_COMMIT:
                            before(session)
                    if self.feed:
                        publish_changes(session, self.desk)
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
                hooks = session.info.pop("after_commit", [])
        except DataError as exc:
            # a value the server refuses that no service check caught (PostgreSQL: a text
            # longer than its column, a NUL byte, a number out of range): the user gets a
            # sentence, and nothing of this action was saved
            raise DomainError("value_rejected", detail=str(exc.orig).splitlines()[0]) from exc
        except StaleDataError as exc:
            # a versioned row (db.models.VersionMixin) another desk changed or removed
            # between this transaction's read and its write: nothing of this action was
            # saved, never an overwrite (the services' own check names the fresh values)
            raise DomainError("stale_record", changes=()) from exc
        except DBAPIError as exc:
            if is_connection_lost(exc):
                raise self.unreachable(exc) from exc
            busy = busy_error(exc, self.target)
            if busy is None:
                raise
            raise busy from exc
        run_after_commit(hooks)

    def feed_reader(self) -> FeedReader:
        """A reader of the other desks' changes (db.changes; the window's live refresh)."""
        return FeedReader(self, server_connect_args(self.target) if not self.is_sqlite else {})

    def dispose(self) -> None:
        self.engine.dispose()
        _HELD.discard(self)


def _sqlite_file(engine: Engine, target: str) -> Path | None:
    """The absolute path of the file of an SQLite engine (None in memory)."""
    if target == ":memory:":
        return None
    if not is_url(target):
        return Path(target).expanduser().resolve()
    name = engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).expanduser().resolve()


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    if read_only:
        # SQLite itself refuses every write (mode=ro), and query_only tells our pragmas.
        path = Path(url.removeprefix("sqlite:///")).resolve()
        engine = create_engine(f"sqlite:///{path.as_uri()}?mode=ro&uri=true")

        @event.listens_for(engine, "connect", insert=True)
        def _query_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            dbapi_connection.execute("PRAGMA query_only=1")

        _install_sqlite_pragmas(engine)
        return engine
    if url.startswith("postgresql"):
        # a server restarted while the desk was open: the pool's connections it closed are
        # found dead at checkout and replaced, so the desk carries on without a restart
        engine = create_engine(url, connect_args=server_connect_args(url), pool_pre_ping=True)
    else:
        engine = create_engine(url, connect_args=server_connect_args(url))
    if engine.dialect.name == "sqlite":
        _install_sqlite_pragmas(engine)
    elif engine.dialect.name == "postgresql":
        from tierslieu_desktop.db.models.billing import for_postgresql

        for_postgresql()  # the partial indexes' condition, as the migrations wrote them
        _advance_sequences_after_explicit_ids(engine)
    return engine


def server_connect_args(url: str) -> dict[str, object]:
    """PostgreSQL: the password file that Paramètres wrote (config.save_password, libpq's
    format, 0600), when there is one; libpq takes the line of this host, port, database
    and user. Nothing for SQLite, nor when the URL carries its own password."""
    if not url.startswith("postgresql"):
        return {}
    from sqlalchemy.engine import make_url

    from tierslieu_desktop.config import database_password_file

    # a server gone silent (its machine off, the network cable out) is found out within
    # seconds instead of TCP's minutes: libpq's connect timeout and keepalives
    args: dict[str, object] = dict(SERVER_TIMEOUTS)
    passfile = database_password_file()
    if make_url(url).password is None and passfile.is_file():
        args["passfile"] = str(passfile)
    return args


SERVER_TIMEOUTS = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}


def _advance_sequences_after_explicit_ids(engine: Engine) -> None:
    """PostgreSQL: an INSERT that gives the ids itself (the demo's bulk rows, a lab moved
    from SQLite) leaves the table's sequence behind, and the next row the services add
    would take an id already used. After such an INSERT the sequence is set to the
    table's highest id (SQLite needs nothing: its next id is always max + 1)."""

    @event.listens_for(engine, "after_execute")
    def _after(
        conn: Connection,
        clause: object,
        _multiparams: object,
        _params: object,
        _options: object,
        result: object,
    ) -> None:
        if not isinstance(clause, Insert) or "id" not in clause.table.c:
            return
        compiled = getattr(getattr(result, "context", None), "compiled", None)
        if "id" not in (getattr(compiled, "column_keys", None) or ()):
            return
        name = clause.table.name
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f'(SELECT max(id) FROM "{name}"))'
        )


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy a live SQLite database (WAL included) beside itself and return the copy's path.
    The copy is created 0600 and ends no more readable than the original (POSIX)."""
    stamp = to_local(utcnow()).strftime("%Y%m%d-%H%M%S")  # the lab's time
    dest = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    n = 1
    while dest.exists():
        dest = path.with_name(f"{path.name}.{label}-{stamp}-{n}.bak")
        n += 1
    create_private_file(dest)
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    copy_protection(path, dest)
    return dest


def open_database(
    target: str | None = None, *, create: bool = True, read_only: bool | None = None
) -> Database:
    """Open (creating or migrating as needed) the database at a path or URL.

    - a new SQLite file gets the current schema, created 0600 (its new folders 0700);
      an existing 0-byte file is refused as ``empty`` (it is not what we create);
    - a file that cannot be written (or whose folder cannot) opens read-only, as does
      any file when ``read_only`` is True;
    - an older schema is backed up beside the file, then migrated;
    - a file that is not ours, or from a newer version, raises ``DatabaseOpenError``
      without touching it.
    """
    target = resolve_target(target)
    if is_url(target) and not target.startswith("sqlite"):
        engine = make_engine(target)
        from tierslieu_desktop.db.migrations.runner import current_revision, upgrade

        try:
            with engine.connect() as conn:
                rev = current_revision(conn)
        except OperationalError as exc:
            # the server cannot be reached, or refuses this user or database: said in one
            # sentence by the window and the CLI, never a traceback
            engine.dispose()
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise DatabaseOpenError("cannot_open", target, detail) from None
        if rev != HEAD_REVISION:
            _check_known(rev, target)
            upgrade(engine)
        return Database(engine, target)

    path = Path(target.removeprefix("sqlite:///")) if is_url(target) else Path(target)
    path = path.expanduser()
    state = inspect_sqlite_file(path)
    # A 0-byte file where only this app creates its database is one it began to create
    # when it was stopped: it is created again. Anywhere else it is refused.
    empty = path.is_file() and path.stat().st_size == 0
    if empty and (not create or not _in_our_data_folder(path)):
        raise DatabaseOpenError("empty", str(path))
    if path.exists() and (read_only or (read_only is None and is_read_only(path))):
        if state.revision != HEAD_REVISION:
            _check_known(state.revision, str(path))
            raise DatabaseOpenError("read_only_outdated", str(path), state.revision or "")
        return Database(make_engine(sqlite_url(path), read_only=True), str(path), read_only=True)
    if not state.exists:
        if not create:
            raise DatabaseOpenError("not_found", str(path))
        try:
            make_private_dirs(path.parent)
            if not path.exists():
                create_private_file(path)
        except OSError as exc:
            raise DatabaseOpenError("cannot_open", str(path), str(exc)) from None
    elif state.revision != HEAD_REVISION:
        _check_known(state.revision, str(path))
        backup_sqlite(path, f"before-{HEAD_REVISION}")
    engine = make_engine(sqlite_url(path))
    if state.revision != HEAD_REVISION:
        from tierslieu_desktop.db.migrations.runner import upgrade

        try:
            upgrade(engine)
        except Exception as exc:
            engine.dispose()
            raise DatabaseOpenError("cannot_open", str(path), str(exc)) from exc
    return Database(engine, str(path))


def _in_our_data_folder(path: Path) -> bool:
    from tierslieu_desktop.config import default_database_path, demo_database_path

    ours = {default_database_path().resolve(), demo_database_path().resolve()}
    return path.resolve() in ours


def _check_known(revision: str | None, target: str) -> None:
    if revision is None:
        return
    from tierslieu_desktop.db.migrations.runner import known_revisions

    if revision not in known_revisions():
        raise DatabaseOpenError("newer_than_app", target, revision)
