"""A desk that loses its database (issue 20, point 5): the action in progress raises
``server_unreachable`` / ``database_file_unreachable`` (a sentence, never a traceback),
nothing of it is written, and the desk carries on once the server answers again.

The PostgreSQL tests run when ``TIERSLIEU_TEST_PG`` names a server; the server side of
the loss is a ``pg_terminate_backend`` of the desk's session from another connection,
the very thing a server restarted, or stopped, does to its sessions."""

from __future__ import annotations

import os
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from tierslieu_desktop.db import engine as db_engine
from tierslieu_desktop.db.engine import Database, make_engine, open_database
from tierslieu_desktop.db.models import Basket, DocumentCounter, Invoice, Payment, Structure
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.billing import baskets, documents, payments

SERVER = os.environ.get("TIERSLIEU_TEST_PG", "")
needs_server = pytest.mark.skipif(not SERVER, reason="TIERSLIEU_TEST_PG names no server")


@pytest.fixture
def pg_url():
    """A new empty database on the test server, dropped afterwards."""
    name = f"tl_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = SERVER.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def _terminate_sessions_of(database: str) -> int:
    """What a server restart does to a desk: every session on ``database`` ended."""
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            return len(
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": database},
                ).all()
            )
    finally:
        admin.dispose()


def _basket_of_one_print(db) -> int:
    basket = baskets.open_basket(db, None, None)
    baskets.add_free_line(
        db,
        None,
        basket,
        designation="Impression A3 couleur",
        quantity_milli=2000,
        unit="",
        unit_price_cents=150,
    )
    return basket


@needs_server
def test_a_sale_cut_by_a_lost_connection_writes_nothing_and_the_next_one_goes_through(
    pg_url, monkeypatch
):
    db = open_database(pg_url)
    heard = []
    monkeypatch.setattr(db_engine, "UNREACHABLE_LISTENERS", [heard.append])
    try:
        with db.write() as s:
            s.add(Structure(id=1, name="Fab'Causse", vat_regime="exempt_non_profit"))
        basket = _basket_of_one_print(db)
        database = pg_url.rsplit("/", 1)[1]
        real_seal = documents.seal

        def seal_then_lose_the_server(session: Session, kind: str, record_id: int, at: datetime):
            # the invoice has its number and its row, the payment is written: the
            # server goes away before the commit
            number = real_seal(session, kind, record_id, at)
            session.flush()
            assert _terminate_sessions_of(database) >= 1
            return number

        monkeypatch.setattr(documents, "seal", seal_then_lose_the_server)
        with pytest.raises(DomainError) as caught:
            documents.validate_basket(
                db, None, basket, [payments.PaymentInput("cash", 300)], desk="A"
            )
        assert caught.value.code == "server_unreachable"
        assert heard == [db]  # the window's banner is told
        monkeypatch.setattr(documents, "seal", real_seal)

        # Nothing of the sale: no invoice, no payment, the number given back, the
        # basket still open with its line (the server rolled the transaction back).
        with db.read() as s:  # the pool's pre-ping replaces the dead connection
            assert s.scalar(select(func.count()).select_from(Invoice)) == 0
            assert s.scalar(select(func.count()).select_from(Payment)) == 0
            assert s.scalar(select(func.coalesce(func.max(DocumentCounter.last_value), 0))) == 0
            assert s.get(Basket, basket) is not None
        # The same sale again, without restarting anything: it gets the first number.
        invoice_id = documents.validate_basket(
            db, None, basket, [payments.PaymentInput("cash", 300)], desk="A"
        )
        assert documents.get_invoice(db, invoice_id).number.endswith("-000001")
    finally:
        db.dispose()


@needs_server
def test_a_server_that_does_not_answer_is_said_and_found_again(pg_url):
    db = open_database(pg_url)
    try:
        assert db.reachable()
        with db.read() as s:
            s.execute(text("SELECT 1"))
        _terminate_sessions_of(pg_url.rsplit("/", 1)[1])
        assert db.reachable()  # the pre-ping: a new connection, nothing to say
        # a server that is stopped: nobody listens on its port
        gone_url = "postgresql+psycopg://postgres@127.0.0.1:9/tierslieu"
        gone = Database(make_engine(gone_url), gone_url)
        try:
            assert not gone.reachable()
            with pytest.raises(DomainError) as caught, gone.read() as s:
                s.execute(text("SELECT 1"))
            assert caught.value.code == "server_unreachable"
        finally:
            gone.dispose()
    finally:
        db.dispose()


@pytest.mark.sqlite_only("an SQLite file that vanishes")
def test_an_sqlite_file_gone_refuses_the_action_and_is_not_created_again(db, monkeypatch):
    heard = []
    monkeypatch.setattr(db_engine, "UNREACHABLE_LISTENERS", [heard.append])
    path = Path(db.target)
    aside = path.with_name(path.name + ".unplugged")
    with db.write() as s:
        s.add(Structure(id=1, name="Fab'Causse", vat_regime="exempt_non_profit"))
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
    with pytest.raises(DomainError) as caught, db.write() as s:
        s.add(Structure(id=2, name="Ailleurs", vat_regime="exempt_non_profit"))
    assert caught.value.code == "database_file_unreachable"
    assert not path.exists()  # SQLite did not make an empty one in its place
    assert not db.reachable()
    assert heard == [db]
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{aside}{suffix}").exists():
            os.replace(f"{aside}{suffix}", f"{path}{suffix}")
    assert db.reachable()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Structure)) == 1


def test_what_counts_as_a_lost_connection():
    import sqlite3

    import psycopg
    from sqlalchemy.exc import OperationalError

    def wrapped(orig: BaseException, invalidated: bool = False) -> OperationalError:
        return OperationalError("SELECT 1", {}, orig, connection_invalidated=invalidated)

    lost = psycopg.OperationalError("server closed the connection unexpectedly")
    assert db_engine.is_connection_lost(lost)
    assert db_engine.is_connection_lost(wrapped(lost))
    assert db_engine.is_connection_lost(wrapped(ValueError("any"), invalidated=True))
    assert db_engine.is_connection_lost(psycopg.errors.AdminShutdown("terminating connection"))
    # a lock or a cancelled statement is no lost server; neither is SQLite's "locked"
    assert not db_engine.is_connection_lost(psycopg.errors.LockNotAvailable("lock timeout"))
    assert not db_engine.is_connection_lost(psycopg.errors.QueryCanceled("canceling"))
    assert not db_engine.is_connection_lost(sqlite3.OperationalError("database is locked"))
    assert not db_engine.is_connection_lost(ValueError("not a database error"))
    gone = sqlite3.OperationalError("unable to open database file")
    gone.sqlite_errorcode = 14  # SQLITE_CANTOPEN
    assert db_engine.is_connection_lost(gone)
