"""Errors seen, never lost: the log file in the data folder, a busy database said in words,
and a FEC that says which default accounts it used instead of substituting silently."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys

import pytest
from sqlalchemy import event, text

from tierslieu_desktop import config, logs
from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import Database, make_engine, open_database, sqlite_url
from tierslieu_desktop.db.models import AccountMapping
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.finance import accounts as account_service
from tierslieu_desktop.services.finance.fec import DEFAULT_ACCOUNTS, accounts, write_fec_report

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

# --- the log ------------------------------------------------------------------------


@pytest.fixture
def restore_hooks():
    saved = sys.excepthook
    yield
    sys.excepthook = saved
    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()


def test_the_cli_starts_the_log_in_the_data_folder_private(tmp_path, restore_hooks, capsys):
    target = str(tmp_path / "lab.sqlite")
    open_database(target).dispose()
    assert main(["verify", "--db", target]) == 0
    path = config.data_dir() / "tierslieu.log"
    assert path.is_file()
    assert "started" in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert logs.current_log_path() == path.absolute()


def test_rotated_log_files_stay_private(tmp_path, restore_hooks):
    path = tmp_path / "data" / "tierslieu.log"
    logs.setup_logging(path)
    handler = next(h for h in logs.log.handlers if isinstance(h, logs.PrivateRotatingFileHandler))
    handler.maxBytes = 200
    for i in range(20):
        logs.log.info("line %d with some text to fill the file", i)
    rotated = tmp_path / "data" / "tierslieu.log.1"
    assert rotated.is_file()
    if os.name == "posix":
        for f in (path, rotated):
            assert stat.S_IMODE(f.stat().st_mode) == 0o600


def test_the_cli_hook_writes_an_uncaught_error_to_the_log(tmp_path, restore_hooks, capsys):
    logs.setup_logging(tmp_path / "tierslieu.log")
    logs.install_cli_hook()
    try:
        raise RuntimeError("boom in a command")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    content = (tmp_path / "tierslieu.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom in a command" in content and "Traceback" in content
    assert "boom in a command" in capsys.readouterr().err  # still printed as usual


# --- a database another desk holds ------------------------------------------------


def _short_timeout_db(path) -> Database:
    engine = make_engine(sqlite_url(path))

    @event.listens_for(engine, "connect")
    def _short(dbapi_connection, _record):  # after ours: 10 s becomes 0.1 s
        dbapi_connection.execute("PRAGMA busy_timeout=100")

    return Database(engine, str(path))


def test_a_locked_database_is_a_domain_error_and_nothing_is_saved(tmp_path):
    path = tmp_path / "lab.sqlite"
    open_database(str(path)).dispose()
    db = _short_timeout_db(path)
    other_desk = sqlite3.connect(path, isolation_level=None)
    try:
        other_desk.execute("BEGIN IMMEDIATE")  # another desk is writing
        with pytest.raises(DomainError) as err:
            account_service.set_account(db, "revenue:usage", "7061", "Usages")
        assert err.value.code == "database_busy"
        other_desk.execute("ROLLBACK")
        with db.read() as s:
            assert s.get(AccountMapping, "revenue:usage") is None  # nothing half-saved
        account_service.set_account(db, "revenue:usage", "7061", "Usages")  # retry works
        with db.read() as s:
            assert s.get(AccountMapping, "revenue:usage").account == "7061"
    finally:
        other_desk.close()
        db.dispose()


def test_an_exclusive_lock_makes_a_read_a_domain_error_too(tmp_path):
    path = tmp_path / "lab.sqlite"
    open_database(str(path)).dispose()
    db = _short_timeout_db(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA journal_mode=DELETE")  # no WAL: a writer locks readers out
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DomainError) as err, db.read() as s:
            s.execute(text("SELECT count(*) FROM member")).scalar()
        assert err.value.code == "database_busy"
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.dispose()


def test_other_operational_errors_are_not_called_busy(db):
    # SQLite raises OperationalError, PostgreSQL ProgrammingError: a database error either
    # way, never DomainError("database_busy")
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError), db.read() as s:
        s.execute(text("SELECT * FROM no_such_table"))


# --- FEC: no silent substitution ----------------------------------------------------


def test_fec_with_a_broken_mapping_row_stops_with_a_message(db, tmp_path, capsys):
    with db.write() as s:  # a row written by hand or by an older version
        s.add(AccountMapping(key="payment:cash", account="53O", label="Caisse"))
    with pytest.raises(DomainError) as err:
        write_fec_report(db, 2026, tmp_path)
    assert err.value.code == "fec_account_invalid"
    assert err.value.params == {"key": "payment:cash", "account": "53O"}
    assert list(tmp_path.glob("*FEC*")) == []
    assert main(["export", "fec", "--year", "2026", "-o", str(tmp_path), "--db", db.target]) == 1
    err_text = capsys.readouterr().err
    assert "« 53O »" in err_text and "payment:cash" in err_text and "pas été écrit" in err_text


def test_fec_says_which_default_accounts_it_used(db, tmp_path, capsys):
    target = db.target
    written = write_fec_report(db, 2026, tmp_path)
    assert written.every_default and set(written.defaulted) >= set(DEFAULT_ACCOUNTS)
    assert main(["export", "fec", "--year", "2026", "-o", str(tmp_path), "--db", target]) == 0
    assert "comptes par défaut utilisés pour tous les comptes" in capsys.readouterr().err
    saved = {k: v for k, v in accounts(db)[0].items() if k != "vat:collected"}
    account_service.set_accounts(db, saved)
    written = write_fec_report(db, 2026, tmp_path)
    assert written.defaulted == ("vat:collected",) and not written.every_default
    assert main(["export", "fec", "--year", "2026", "-o", str(tmp_path), "--db", target]) == 0
    assert "comptes par défaut utilisés pour : vat:collected" in capsys.readouterr().err


def test_a_saved_account_is_used_and_not_reported(db, tmp_path):
    account_service.set_account(db, "customers", "4110", "Adhérents")
    written = write_fec_report(db, lab_today().year, tmp_path)
    assert "customers" not in written.defaulted


def test_an_unreadable_mapping_is_an_error_not_the_defaults(db, tmp_path):
    with db.write() as s:
        s.execute(text("DROP TABLE account_mapping"))
    with pytest.raises(Exception, match="account_mapping"):
        write_fec_report(db, 2026, tmp_path)
    assert list(tmp_path.glob("*FEC*")) == []
