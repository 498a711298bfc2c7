"""The change feed (issue 20, live refresh): what each write transaction changed, sent to
the other desks in the same transaction, and read back by a desk's window.

Writing: a listener of the write sessions (``Database.write``) gathers after each flush
the rows created, changed or deleted through the ORM — and, for a bulk statement
(``session.execute(update(…))``), its table as a whole — as page entities and ids
(:data:`ENTITY_OF`: a basket line is its basket, a booking event its booking, a price
rule a "tariff"…). Just before the commit, :func:`publish` sends one payload::

    {"d": "<desk>", "c": {"booking": [12], "usage": "*"}}

- PostgreSQL: ``pg_notify('tierslieu_changes', payload)`` — transactional, delivered to
  the listening connections at commit, nothing if it rolls back. Above
  :data:`MAX_PAYLOAD` bytes (the server's limit is 8000), the longest id lists become
  ``"*"`` (everything of that entity).
- SQLite (several processes on one file): one ``change_log`` row per transaction, read by
  :class:`FeedReader` when ``PRAGMA data_version`` says another connection committed.

Reading: :class:`FeedReader` (one per window, in a thread of its own): ``wait(timeout)``
returns the other desks' changes, merged per entity (ids ``None``: all of them); a lost
connection raises :class:`FeedLost`, and once ``open()`` works again the window does one
full refresh (PostgreSQL does not keep what was sent while nobody listened).

Not sent: the audit trail, the chain, the counters and this log itself
(:data:`NOT_SENT`), changes made with ``session.connection()`` (the audit rows), and the
writes of a ``Database`` whose ``feed`` is False (the demo builder).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from tierslieu_desktop.db.models import ChangeLog, utcnow

CHANNEL = "tierslieu_changes"
MAX_PAYLOAD = 7900  # bytes; PostgreSQL refuses a NOTIFY payload of 8000 or more
KEEP_LOG = timedelta(days=1)
PRUNE_EVERY_S = 3600.0
SQLITE_POLL_S = 0.2  # how often a desk on SQLite looks at data_version

# Tables that are no page's business (or are this feed itself).
NOT_SENT = frozenset(
    {
        "audit_entry",
        "audit_value",
        "integrity_entry",
        "document_counter",
        "database_identity",
        "invoice_open",
        "change_log",
    }
)
# table -> the entities pages listen to (ui/pages/*: REFRESH_ON), each with the attribute
# that holds its id; a table not listed is its own entity by its id.
ENTITY_OF: dict[str, tuple[tuple[str, str], ...]] = {
    "activity_session": (("activity", "id"), ("session", "id")),
    "registration": (("registration", "id"), ("activity", "session_id")),
    "drop_in_voucher": (("drop_in", "drop_in_id"),),
    "booking_event": (("booking", "booking_id"),),
    "usage_consumable": (("usage", "usage_id"),),
    "usage_correction": (("usage", "usage_id"),),
    "usage_charge": (("usage", "usage_id"),),
    "quota_use": (("usage", "usage_id"),),
    "maintenance_entry": (("maintenance", "machine_id"),),
    "machine_consumable": (("consumable", "consumable_id"), ("machine", "machine_id")),
    "opening_range": (("opening_hours", "space_id"),),
    "calendar_exception": (("opening_hours", "space_id"),),
    "basket_line": (("basket", "basket_id"),),
    "invoice_line": (("invoice", "invoice_id"),),
    "payment": (("payment", "id"), ("invoice", "invoice_id")),
    "bank_deposit": (("deposit", "id"),),
    "bank_deposit_cheque": (("deposit", "deposit_id"),),
    "numbering_format": (("numbering", "id"),),
    "price_rule": (("tariff", "id"),),
    "membership_fee": (("tariff", "id"),),
    "reduction": (("tariff", "id"),),
    "quota": (("tariff", "id"),),
    "pack_type": (("pack", "id"), ("tariff", "id")),
    "member_pack": (("pack", "id"),),
    "pack_movement": (("pack", "id"),),
    "wallet_movement": (("wallet", "id"),),
    "grant_payment": (("grant", "grant_id"),),
    "grant_machine": (("grant", "grant_id"),),
    "in_kind_contribution": (("in_kind", "id"),),
    "budget_line": (("budget", "id"),),
    "consent_change": (("member", "member_id"),),
    "staff_member": (("staff", "id"),),
    "space": (("space", "id"),),
}
ALL = "*"


def entities_of(table: str) -> tuple[tuple[str, str], ...]:
    return ENTITY_OF.get(table, ((table, "id"),))


def every_entity() -> list[str]:
    """Every entity the feed may send: what a full refresh announces."""
    from tierslieu_desktop.db.models import Base

    names = {
        entity
        for table in Base.metadata.tables
        if table not in NOT_SENT
        for entity, _attr in entities_of(table)
    }
    return sorted(names)


# --- writing ---------------------------------------------------------------------------

Gathered = dict[str, set[int] | None]  # entity -> ids, None: all of them


def _feeding(session: Session) -> bool:
    db = session.info.get("database")
    return db is not None and getattr(db, "feed", False)


def _gathered(session: Session) -> Gathered:
    found: Gathered = session.info.setdefault("feed_pending", {})
    return found


def _note(found: Gathered, entity: str, entity_id: Any) -> None:
    if entity not in found:
        found[entity] = set()
    ids = found[entity]
    if ids is not None and isinstance(entity_id, int):
        ids.add(entity_id)


STAMPS = ("updated_at", "updated_by_id")  # set by every save, whatever it changed


def _modified(state: Any) -> bool:
    return any(
        state.attrs[c.key].history.has_changes()
        for c in state.mapper.column_attrs
        if c.key not in STAMPS
    )


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    if not _feeding(session):
        return
    found = _gathered(session)
    for dirty, group in ((False, session.new), (True, session.dirty), (False, session.deleted)):
        for obj in group:
            table = getattr(obj, "__tablename__", None)
            if table is None or table in NOT_SENT:
                continue
            state = inspect(obj)
            if dirty and not _modified(state):
                continue  # values set to what they were: nothing to refresh
            for entity, attr in entities_of(table):
                _note(found, entity, state.dict.get(attr))


def _bulk(state: ORMExecuteState) -> None:
    """A bulk INSERT / UPDATE / DELETE through the session: its whole table."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if not _feeding(state.session):
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table is None or table in NOT_SENT:
        return
    found = _gathered(state.session)
    for entity, _attr in entities_of(table):
        found[entity] = None


def install(target: Any) -> None:
    """Gather the changes of every session ``target`` (a sessionmaker) opens."""
    event.listen(target, "after_flush", _after_flush)
    event.listen(target, "do_orm_execute", _bulk)


def payload(desk: str, found: Gathered) -> str:
    """The JSON sent for ``found``, shorter than :data:`MAX_PAYLOAD` bytes: the longest id
    lists replaced by "*" until it fits."""
    changes: dict[str, Any] = {
        entity: ALL if ids is None else sorted(ids) for entity, ids in sorted(found.items())
    }
    while True:
        text_ = json.dumps({"d": desk, "c": changes}, separators=(",", ":"))
        if len(text_.encode()) <= MAX_PAYLOAD:
            return text_
        lists = [(len(v), k) for k, v in changes.items() if isinstance(v, list)]
        if not lists:  # pragma: no cover - 7900 bytes of entity names
            return json.dumps({"d": desk, "c": dict.fromkeys(changes, ALL)})
        changes[max(lists)[1]] = ALL


def publish(session: Session, desk: str) -> None:
    """Send what this transaction changed (``Database.write``, just before the commit)."""
    session.flush()
    found: Gathered = session.info.pop("feed_pending", {})
    if not found:
        return
    body = payload(desk, found)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": body})
    else:
        connection.execute(insert(ChangeLog), {"at": utcnow(), "desk": desk, "payload": body})


# --- reading ---------------------------------------------------------------------------

Received = dict[str, list[int] | None]  # entity -> ids (sorted), None: all of them


class FeedLost(Exception):
    """The listening connection failed (the server went away, the file is gone)."""


def merge(into: Received, body: str, desk: str) -> None:
    """Add a payload's changes to ``into``, unless this desk sent it (or it is not ours)."""
    try:
        data = json.loads(body)
        if data.get("d") == desk:
            return
        changes = data["c"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return
    for entity, ids in changes.items():
        if not isinstance(entity, str):
            continue
        if ids == ALL or not isinstance(ids, list) or into.get(entity, []) is None:
            into[entity] = None
            continue
        known = set(into.get(entity) or [])
        known.update(i for i in ids if isinstance(i, int))
        into[entity] = sorted(known)


class FeedReader:
    """The other desks' changes, for one window (used from one thread only; made by
    ``Database.feed_reader()``, which knows the server's password file). ``open()``
    connects (a dedicated connection: PostgreSQL ``LISTEN``; SQLite ``sqlite3`` on the
    file, old log rows pruned); ``wait(timeout)`` returns within ``timeout`` seconds, as
    soon as something arrived; errors of the connection raise :class:`FeedLost`."""

    def __init__(self, db: Any, connect_args: dict[str, Any] | None = None) -> None:
        self.desk: str = db.desk
        self._connect_args = dict(connect_args or {})  # PostgreSQL: the passfile
        self.is_sqlite: bool = db.is_sqlite
        self._path = db.path
        self._read_only: bool = db.read_only
        self._url = db.engine.url
        self._conn: Any = None
        self._last_id = 0
        self._version: int | None = None
        self._pruned = 0.0

    # -- connection

    def open(self) -> None:
        self.close()
        try:
            if self.is_sqlite:
                self._open_sqlite()
            else:
                self._open_postgresql()
        except Exception as exc:
            self.close()
            raise FeedLost(str(exc)) from exc

    def _open_postgresql(self) -> None:
        import psycopg

        url = self._url.set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        # the desk's own connection arguments (its password file, the server timeouts),
        # then a listener's shorter keepalives: it only listens, so a server gone without a
        # word (a cable, a NAS switched off) is noticed within about 10 s
        args = {
            **self._connect_args,
            "connect_timeout": 5,
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 2,
        }
        conn = psycopg.connect(conninfo, autocommit=True, **args)
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def _open_sqlite(self) -> None:
        if self._path is None:
            raise FeedLost("no file")
        mode = "ro" if self._read_only else "rw"
        conn = sqlite3.connect(
            f"{self._path.as_uri()}?mode={mode}", uri=True, timeout=0.5, isolation_level=None
        )
        self._conn = conn
        self._prune()
        row = conn.execute("SELECT max(id) FROM change_log").fetchone()
        self._last_id = int(row[0] or 0)
        self._version = conn.execute("PRAGMA data_version").fetchone()[0]

    def _prune(self) -> None:
        """Delete the log rows older than a day (at start, then hourly while listening)."""
        self._pruned = time.monotonic()
        if self._read_only or self._conn is None:
            return
        old = (utcnow() - KEEP_LOG).replace(tzinfo=None)
        with contextlib.suppress(sqlite3.OperationalError):  # a desk writing: next time
            self._conn.execute("DELETE FROM change_log WHERE at < ?", (old.isoformat(" "),))

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # closing a broken connection
                conn.close()

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    # -- reading

    def wait(self, timeout: float) -> Received:
        if self._conn is None:
            raise FeedLost("closed")
        try:
            if self.is_sqlite:
                return self._wait_sqlite(timeout)
            return self._wait_postgresql(timeout)
        except FeedLost:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise FeedLost(str(exc)) from exc

    def _wait_postgresql(self, timeout: float) -> Received:
        out: Received = {}
        conn = self._conn
        for note in conn.notifies(timeout=timeout, stop_after=1):
            merge(out, note.payload, self.desk)
        # whatever else already arrived with it, without waiting
        for note in conn.notifies(timeout=0):
            merge(out, note.payload, self.desk)
        if conn.closed or conn.broken:
            raise FeedLost("connection closed")
        return out

    def _wait_sqlite(self, timeout: float) -> Received:
        if self._path is not None and not self._path.exists():
            # an open connection keeps reading a file unlinked or moved away (a network
            # share unplugged, a USB disk pulled): the desk would never notice while idle
            raise FeedLost("database file gone")
        out: Received = {}
        end = time.monotonic() + timeout
        if end - self._pruned > PRUNE_EVERY_S:
            self._prune()
        conn = self._conn
        while True:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._version = version
                rows = conn.execute(
                    "SELECT id, desk, payload FROM change_log WHERE id > ? ORDER BY id",
                    (self._last_id,),
                ).fetchall()
                for row_id, desk, body in rows:
                    self._last_id = max(self._last_id, int(row_id))
                    if desk != self.desk:
                        merge(out, body, self.desk)
                if out:
                    return out
            left = end - time.monotonic()
            if left <= 0:
                return out
            time.sleep(min(SQLITE_POLL_S, left))
