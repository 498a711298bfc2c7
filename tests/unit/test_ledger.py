"""The integrity chain, closings, the ledger check and the period archives."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import UTC, date, datetime

import pytest

from tierslieu_desktop.db.models import (
    DocumentCounter,
    IntegrityEntry,
    Invoice,
    InvoiceLine,
    Member,
    Payment,
)
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.i18n.findings import words
from tierslieu_desktop.services.billing import archives, ledger
from tierslieu_desktop.services.safety.integrity import verify

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def issue(
    db,
    at: datetime,
    amount_incl: int = 1200,
    *,
    kind: str = "invoice",
    method: str | None = "cash",
    member_id: int | None = None,
    rate_bp: int = 2000,
) -> tuple[int, str]:
    """Issue a document the way the invoicing service does: number from the series
    counter, lines, totals, a payment, all sealed in one transaction (ORM only, so the
    test does not depend on the invoicing service)."""
    series = "invoice" if kind == "invoice" else "credit_note"
    prefix = "F" if kind == "invoice" else "AV"
    period = str(at.year)
    excl = round(amount_incl * 10000 / (10000 + rate_bp))
    with db.write() as s:
        ledger.ensure_open(s, at.date())
        counter = s.get(DocumentCounter, (series, period))
        if counter is None:
            counter = DocumentCounter(series=series, period=period, last_value=0)
            s.add(counter)
        counter.last_value += 1
        number = f"{prefix}{period}-{counter.last_value:06}"
        inv = Invoice(
            kind=kind,
            series=series,
            period=period,
            counter=counter.last_value,
            number=number,
            issued_at=at,
            due_date=at.date(),
            member_id=member_id,
            buyer_json=json.dumps({"name": "Camille Martin"}),
            seller_json=json.dumps({"name": "Le Fablab du Lot"}),
            vat_regime="liable",
            total_excl_cents=excl,
            total_vat_cents=amount_incl - excl,
            total_incl_cents=amount_incl,
        )
        s.add(inv)
        s.flush()
        s.add(
            InvoiceLine(
                invoice_id=inv.id,
                position=1,
                kind="usage",
                designation="Découpe laser, 1 h",
                quantity_milli=1000,
                unit="h",
                unit_price_excl_cents=excl,
                vat_rate_bp=rate_bp,
                total_excl_cents=excl,
                vat_cents=amount_incl - excl,
                total_incl_cents=amount_incl,
            )
        )
        s.flush()
        ledger.seal(s, kind, inv.id, at)
        if method is not None:
            sign = -1 if kind == "credit_note" else 1
            pay = Payment(invoice_id=inv.id, at=at, method=method, amount_cents=sign * amount_incl)
            s.add(pay)
            s.flush()
            ledger.seal(s, "payment", pay.id, at)
        return inv.id, number


def tamper(db, *statements: str) -> None:
    """What an attacker with the database file does: drop the wall, then write. On
    PostgreSQL, a superuser's session with every trigger off does the same."""
    if not db.is_sqlite:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            for statement in statements:
                # the replica role already skips the triggers and the foreign keys
                if not statement.startswith(("PRAGMA", "DROP TRIGGER")):
                    conn.exec_driver_sql(statement)
        return
    con = sqlite3.connect(db.engine.url.database)
    triggers = con.execute("SELECT sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for statement in statements:
        con.execute(statement)
    present = {r[0] for r in con.execute("SELECT sql FROM sqlite_master WHERE type='trigger'")}
    for (sql,) in triggers:
        if sql not in present:
            con.execute(sql)
    con.commit()
    con.close()


def drop_triggers(db) -> list[str]:
    """Drop the protective triggers; :func:`tamper` puts them back after its writes (a
    careful attacker does: verify reports a missing trigger). PostgreSQL: none to drop,
    :func:`tamper` turns them off for its session."""
    if not db.is_sqlite:
        return []
    con = sqlite3.connect(db.engine.url.database)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
    con.close()
    return [f"DROP TRIGGER {name}" for name in names]


@pytest.fixture
def three(db):
    """Three invoices paid in October 2026 and one in November."""
    numbers = [
        issue(db, datetime(2026, 10, day, 9, 30, tzinfo=UTC), 1000 * day)[1] for day in (1, 2, 3)
    ]
    numbers.append(issue(db, datetime(2026, 11, 2, 10, 0, tzinfo=UTC), 500, method="card")[1])
    return numbers


# --- canonical content and chain ----------------------------------------------------------


def test_canonical_json_sorts_keys_uses_utc_iso_and_integers():
    content = ledger.invoice_content(
        {
            "number": "F2026-000001",
            "issued_at": datetime(2026, 11, 23, 15, 4, 5, tzinfo=UTC),
            "due_date": date(2026, 12, 23),
            "total_incl_cents": 1200,
            "member_id": 42,
            "id": 1,
        },
        [{"id": 3, "position": 2, "total_incl_cents": 200}, {"id": 2, "position": 1}],
    )
    raw = ledger.canonical_json(content).decode()
    assert raw.index('"due_date"') < raw.index('"issued_at"') < raw.index('"lines"')
    assert '"issued_at":"2026-11-23T15:04:05.000000Z"' in raw
    assert '"total_incl_cents":1200' in raw
    # the lines are part of the invoice, in their order
    assert [line["id"] for line in content["lines"]] == [2, 3]
    # the member is a hash of the id, never the id itself nor a name
    assert "42" not in json.dumps(content["member_ref"])
    assert "member_id" not in content


def test_seal_chains_each_record_to_the_previous_footprint(db):
    issue(db, datetime(2026, 10, 1, 9, tzinfo=UTC))
    issue(db, datetime(2026, 10, 2, 9, tzinfo=UTC), method=None)
    with db.read() as s:
        entries = [
            (e.record_kind, e.previous_footprint, e.content_hash, e.footprint, e)
            for e in s.query(IntegrityEntry).order_by(IntegrityEntry.id)
        ]
        s.expunge_all()
    assert [e[0] for e in entries] == ["invoice", "payment", "invoice"]
    assert entries[0][1] == "0" * 64
    for before, after in zip(entries, entries[1:], strict=False):
        assert after[1] == before[3]
        e = after[4]
        assert e.version == 2  # the sealing time, kind and id are sealed too
        assert after[3] == ledger.entry_footprint(
            2, after[1], after[2], e.at, e.record_kind, e.record_id
        )
        assert after[3] != ledger.chain_footprint(after[1], after[2])


def test_anonymising_the_member_keeps_the_chain_sound(db):
    with db.write() as s:
        member = Member(number="2026-0001", first_name="Camille", last_name="Martin")
        s.add(member)
        s.flush()
        member_id = member.id
    issue(db, datetime(2026, 10, 1, 9, tzinfo=UTC), member_id=member_id)
    with db.write() as s:
        m = s.get(Member, member_id)
        m.first_name, m.last_name = "Anonyme", "Anonyme"
    assert verify(db) == []


# --- verify names what was altered --------------------------------------------------------


def test_sound_database_verifies(db, three):
    assert verify(db) == []


def test_editing_an_issued_invoice_amount_is_named_first(db, three):
    tamper(
        db,
        "DROP TRIGGER sealed_invoice_update",
        f"UPDATE invoice SET total_incl_cents = 1 WHERE number = '{three[1]}'",
    )
    problems = words(verify(db), "fr")
    assert problems[0] == f"Facture {three[1]} : contenu modifié après émission."
    assert len(problems) == 1


def test_editing_a_line_of_an_invoice_is_named(db, three):
    tamper(
        db,
        *drop_triggers(db),
        "UPDATE invoice_line SET designation = 'Rien' WHERE invoice_id = "
        f"(SELECT id FROM invoice WHERE number = '{three[2]}')",
    )
    assert three[2] in words(verify(db), "fr")[0]


def test_deleting_a_payment_is_named(db, three):
    with db.read() as s:
        pay_id = s.query(Payment.id).order_by(Payment.id).first()[0]
    tamper(db, *drop_triggers(db), f"DELETE FROM payment WHERE id = {pay_id}")
    problems = words(verify(db), "fr")
    assert problems[0].startswith(f"Paiement n° {pay_id}")
    assert "supprimé" in problems[0]


def test_deleting_an_integrity_entry_is_named(db, three):
    tamper(
        db,
        *drop_triggers(db),
        "DELETE FROM integrity_entry WHERE record_kind = 'invoice' AND record_id = "
        f"(SELECT id FROM invoice WHERE number = '{three[0]}')",
    )
    problems = words(verify(db), "fr")
    assert problems[0] == (
        f"Facture {three[0]} : absente de la chaîne d'intégrité (entrée supprimée)."
    )
    assert any("Chaîne d'intégrité rompue" in p for p in problems)


def test_deleting_an_invoice_leaves_a_named_gap(db, three):
    tamper(
        db,
        *drop_triggers(db),
        "PRAGMA foreign_keys = OFF",
        f"DELETE FROM invoice_line WHERE invoice_id = (SELECT id FROM invoice WHERE number = '{three[1]}')",
        f"DELETE FROM payment WHERE invoice_id = (SELECT id FROM invoice WHERE number = '{three[1]}')",
        f"DELETE FROM invoice WHERE number = '{three[1]}'",
    )
    problems = words(verify(db), "fr")
    assert problems[0].startswith("Facture (n° interne")
    assert any(f"le numéro n° 2 manque (après {three[0]}, avant {three[2]})" in p for p in problems)


def test_a_gap_in_a_numbering_series_is_named(db, three):
    # an attacker renumbers the last invoice (and reseals nothing): the content changes and
    # the series has a hole
    tamper(
        db,
        *drop_triggers(db),
        f"UPDATE invoice SET counter = 9, number = 'F2026-000009' WHERE number = '{three[3]}'",
        "UPDATE document_counter SET last_value = 9",
    )
    problems = words(verify(db), "fr")
    assert problems[0] == "Facture F2026-000009 : contenu modifié après émission."
    assert any(
        "le numéro n° 4 manque (après F2026-000003, avant F2026-000009)" in p for p in problems
    )


def test_a_counter_ahead_of_the_last_invoice_is_a_gap(db, three):
    tamper(db, "UPDATE document_counter SET last_value = last_value + 1")
    problems = words(verify(db), "fr")
    assert problems == [
        "Numérotation des factures (2026) : le numéro n° 5 manque (après F2026-000004)."
    ]


def test_an_altered_closing_is_named(db, three):
    closing_id = ledger.close_period(db, None, "month", date(2026, 10, 1), now=NOW)
    assert verify(db) == []
    tamper(
        db,
        *drop_triggers(db),
        f"UPDATE closing SET total_incl_cents = 0 WHERE id = {closing_id}",
    )
    problems = words(verify(db), "fr")
    assert problems[0] == "Clôture du mois 10/2026 : totaux modifiés après la clôture."
    assert "Clôture du mois 10/2026 : totaux différents des documents de la période." in problems


def test_a_forged_footprint_is_named(db, three):
    tamper(db, *drop_triggers(db), "UPDATE integrity_entry SET footprint = 'x' WHERE id = 2")
    problems = words(verify(db), "fr")
    assert any(p.startswith("Entrée d'intégrité n° 2") for p in problems)


# --- closings -----------------------------------------------------------------------------


def test_month_closing_totals_and_perpetual_total(db, three):
    issue(db, datetime(2026, 10, 20, 9, tzinfo=UTC), 600, kind="credit_note", method="cash")
    issue(db, datetime(2026, 10, 21, 9, tzinfo=UTC), 550, rate_bp=0, method="cheque")
    first = ledger.close_period(db, None, "month", date(2026, 10, 15), now=NOW)
    october = ledger.closing(db, first)
    assert ledger.list_closings(db)[0].total_incl_cents == october.total_incl_cents
    assert (october.period_start, october.period_end) == (date(2026, 10, 1), date(2026, 10, 31))
    t = october.totals
    assert t["invoices"]["count"] == 4
    assert t["invoices"]["total_incl_cents"] == 1000 + 2000 + 3000 + 550
    assert t["credit_notes"] == {
        "count": 1,
        "total_excl_cents": 500,
        "total_vat_cents": 100,
        "total_incl_cents": 600,
    }
    assert october.total_incl_cents == t["net_incl_cents"] == 6550 - 600
    assert t["vat_by_rate"]["2000"] == {"base_excl_cents": 5000 - 500, "vat_cents": 1000 - 100}
    assert t["vat_by_rate"]["0"] == {"base_excl_cents": 550, "vat_cents": 0}
    assert t["payments_by_method"] == {"cash": 6000 - 600, "cheque": 550}
    assert october.perpetual_total_cents == 5950
    second = ledger.close_period(db, None, "month", date(2026, 11, 1), now=NOW.replace(month=12))
    november = ledger.closing(db, second)
    assert november.total_incl_cents == 500
    assert november.perpetual_total_cents == 5950 + 500
    assert november.totals["payments_by_method"] == {"card": 500}
    # a day closing has its own perpetual total
    day = ledger.close_period(db, None, "day", date(2026, 10, 2), now=NOW)
    assert {c.id: c for c in ledger.list_closings(db)}[day].perpetual_total_cents == 2000
    assert verify(db) == []


def test_closing_the_same_period_twice_is_refused(db, three):
    ledger.close_period(db, None, "month", date(2026, 10, 1), now=NOW)
    with pytest.raises(DomainError) as err:
        ledger.close_period(db, None, "month", date(2026, 10, 31), now=NOW)
    assert err.value.code == "closing_exists"
    assert len(ledger.list_closings(db)) == 1


def test_a_period_not_over_is_refused_but_today_can_be_closed(db):
    with pytest.raises(DomainError) as err:
        ledger.close_period(db, None, "month", date(2026, 11, 1), now=NOW)
    assert err.value.code == "closing_future"
    with pytest.raises(DomainError):
        ledger.close_period(db, None, "day", date(2026, 11, 24), now=NOW)
    with pytest.raises(DomainError):
        ledger.close_period(db, None, "year", date(2026, 1, 1), now=NOW)
    ledger.close_period(db, None, "day", date(2026, 11, 23), now=NOW)
    assert [c.kind for c in ledger.list_closings(db)] == ["day"]


def test_nothing_can_be_issued_into_a_closed_period(db, three):
    ledger.close_period(db, None, "month", date(2026, 10, 1), now=NOW)
    with pytest.raises(DomainError) as err:
        issue(db, datetime(2026, 10, 31, 9, tzinfo=UTC))
    assert err.value.code == "period_closed"
    assert err.value.params == {"day": date(2026, 10, 31)}
    issue(db, datetime(2026, 11, 1, 9, tzinfo=UTC))  # the next month is open
    with db.read() as s:
        ledger.ensure_open(s, date(2026, 11, 3))
        with pytest.raises(DomainError):
            ledger.ensure_open(s, date(2026, 10, 1))


# --- archives -----------------------------------------------------------------------------


def test_archive_of_a_closed_period_verifies_and_detects_a_modified_file(db, three, tmp_path):
    closing_id = ledger.close_period(db, None, "month", date(2026, 10, 1), now=NOW)
    path = tmp_path / "cloture-2026-10.zip"
    archives.export_archive(db, closing_id, path)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        documents = json.loads(zf.read("documents.json"))
    assert {"documents.json", "chain.json", "manifest.json"} <= names
    assert set(manifest["files"]) == names - {"manifest.json"}
    assert [d["number"] for d in documents["invoices"]] == three[:3]
    assert len(documents["payments"]) == 3
    # PDFs when the renderer is available; otherwise the manifest says why they are absent
    for n in three[:3]:
        assert (
            f"pdf/{n}.pdf" in names or n in manifest["note"] or "indisponible" in manifest["note"]
        )
    assert archives.verify_archive(path) == []

    # an archive edited afterwards: the amount of one invoice changed in documents.json
    documents["invoices"][0]["total_incl_cents"] = 1
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(forged, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "documents.json":
                data = json.dumps(documents).encode()
            dst.writestr(name, data)
    problems = words(archives.verify_archive(forged), "fr")
    assert "Fichier documents.json : modifié (empreinte SHA-256 différente)." in problems
    assert f"Facture {three[0]} : contenu modifié." in problems


def test_next_archive_carries_the_previous_archive_checksum(db, three, tmp_path):
    import hashlib

    october = ledger.close_period(db, None, "month", date(2026, 10, 1), now=NOW)
    november = ledger.close_period(db, None, "month", date(2026, 11, 1), now=NOW.replace(month=12))
    first = tmp_path / "2026-10.zip"
    archives.export_archive(db, october, first)
    second = tmp_path / "2026-11.zip"
    archives.export_archive(db, november, second)
    with zipfile.ZipFile(second) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["previous_archive_sha256"] == hashlib.sha256(first.read_bytes()).hexdigest()
    assert manifest["previous_closing_id"] == october
    assert archives.verify_archive(second) == []


def test_editing_a_payment_amount_names_the_payment_and_its_invoice(db, three):
    tamper(db, *drop_triggers(db), "UPDATE payment SET amount_cents = 1 WHERE id = 2")
    problems = words(verify(db), "fr")
    assert problems == [
        f"Paiement n° 2 de la facture {three[1]} du 02/10/2026 11:30 : "
        "contenu modifié après émission."
    ]


def test_a_closing_that_does_not_exist_is_named(db):
    with pytest.raises(NotFound):
        ledger.closing(db, 999)
