"""``tierslieu verify`` on the invoicing ledger and ``tierslieu close``, run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from test_ledger import issue, tamper

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.billing import ledger


def _run(*args: str):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def books(db):
    """A database file with two October 2026 invoices and one of November."""
    numbers = [
        issue(db, datetime(2026, 10, 5, 9, tzinfo=UTC), 1200)[1],
        issue(db, datetime(2026, 10, 6, 9, tzinfo=UTC), 3000, method="card")[1],
        issue(db, datetime(2026, 11, 2, 9, tzinfo=UTC), 800)[1],
    ]
    path = db.target  # the file, or the PostgreSQL database's URL
    db.dispose()
    return path, numbers


def test_verify_a_sound_ledger_exits_0(books):
    path, _ = books
    result = _run("verify", "--db", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Base intègre")


def test_verify_names_an_invoice_edited_behind_the_software(books, db):
    path, numbers = books
    tamper(
        db,
        "DROP TRIGGER sealed_invoice_update",
        f"UPDATE invoice SET total_incl_cents = 99 WHERE number = '{numbers[1]}'",
    )
    db.dispose()
    result = _run("verify", "--db", path)
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first == f"tierslieu: Facture {numbers[1]} : contenu modifié après émission."
    assert "Traceback" not in result.stderr


def test_close_a_month_then_refuse_it_twice(books):
    path, _ = books
    result = _run("close", "--month", "2026-10", "--db", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "Clôture enregistrée pour le mois 10/2026 : 2 factures, 0 avoir, "
        "net TTC 42,00\xa0€, total perpétuel 42,00\xa0€."
    )
    again = _run("close", "--month", "2026-10", "--db", path)
    assert again.returncode == 1
    assert "Le mois 10/2026 est déjà clôturé : rien n'a été modifié." in again.stderr
    # the closing is in the chain and the base still verifies
    assert _run("verify", "--db", path).returncode == 0


def test_close_day_and_year_and_future_period(books):
    path, _ = books
    day = _run("close", "--day", "2026-10-05", "--db", path)
    assert day.returncode == 0, day.stderr
    assert "la journée du 05/10/2026 : 1 facture," in day.stdout
    future = _run("close", "--year", "2099", "--db", path)
    assert future.returncode == 1
    assert "L'année 2099 n'est pas terminée" in future.stderr


def test_close_bad_arguments_exit_2(books):
    path, _ = books
    bad = _run("close", "--month", "octobre", "--db", path)
    assert bad.returncode == 2
    assert "« octobre » n'est pas une date au format AAAA-MM" in bad.stderr
    assert _run("close", "--db", path).returncode == 2  # a period is required


def test_close_refuses_a_missing_database(tmp_path):
    result = _run("close", "--month", "2026-10", "--db", str(tmp_path / "none.sqlite"))
    assert result.returncode == 1
    assert "n'existe pas" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_closed_month_refuses_new_documents(books):
    path, _ = books
    assert _run("close", "--month", "2026-10", "--db", path).returncode == 0
    from tierslieu_desktop.db.engine import open_database

    db = open_database(path, create=False)
    try:
        with pytest.raises(DomainError) as err:
            issue(db, datetime(2026, 10, 30, 9, tzinfo=UTC))
        assert err.value.code == "period_closed"
        assert [c.kind for c in ledger.list_closings(db)] == ["month"]
    finally:
        db.dispose()
