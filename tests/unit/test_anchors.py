"""Tamper evidence outside the file (issue 13, point 5): the anchor log.

The three attacks of the issue, done as an attacker with the file would (sqlite3, the
triggers dropped then put back, the chain and the closings recomputed with the app's own
functions), each pass ``verify_ledger`` — the chain inside the file is perfect again —
and each is named by ``verify`` (and ``tierslieu verify`` with no option) thanks to the
footprints anchored outside the file.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from test_ledger import issue

from tierslieu_desktop import config
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import DatabaseIdentity, Member
from tierslieu_desktop.i18n.findings import words
from tierslieu_desktop.services.billing import ledger
from tierslieu_desktop.services.chain import content_hash, entry_footprint, record_content
from tierslieu_desktop.services.pricing import packs
from tierslieu_desktop.services.safety import anchors, backups
from tierslieu_desktop.services.safety.integrity import verify

# Three days of sales, each day closed in the evening (Europe/Paris).
DAYS = [date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)]


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def shop(tmp_path):
    """F2026-000001…000006: two sales a day, each day closed at 22:00 UTC."""
    path = tmp_path / "lab.sqlite"
    db = open_database(str(path))
    numbers = []
    for day in DAYS:
        numbers.append(issue(db, _at(day, 9), 1200)[1])
        numbers.append(issue(db, _at(day, 15), 3000, method="card")[1])
        ledger.close_period(db, None, "day", day, now=_at(day, 22))
    assert ledger.verify_ledger(db) == []
    yield db, path, numbers
    db.dispose()


def log_of(db) -> Path:
    return anchors.log_path(anchors.database_identity(db))


def log_lines(db) -> list[dict]:
    return anchors.read_log(log_of(db))[0]


# --- what an attacker does ----------------------------------------------------------------


def raw(path: Path, *statements: str) -> None:
    """sqlite3 on the file: triggers dropped, the statements, triggers put back."""
    con = sqlite3.connect(path)
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _sql in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    for statement in statements:
        con.execute(statement)
    for _name, sql in triggers:
        con.execute(sql)
    con.commit()
    con.close()


def recompute_everything(path: Path) -> None:
    """Recompute every closing and every hash and footprint with the app's own functions,
    triggers dropped then restored: the chain inside the file is sound again."""
    con = sqlite3.connect(path)
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _sql in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    con.commit()
    con.close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as s, s.begin():
            perpetual: dict[str, int] = {}
            for clo in s.execute(select(ledger._CLOSING).order_by(ledger._CLOSING.c.id)).mappings():
                invoices, lines, payments = ledger.period_documents(
                    s, clo["period_start"], clo["period_end"]
                )
                totals = ledger.period_totals(invoices, lines, payments)
                net = totals["net_incl_cents"]
                perpetual[clo["kind"]] = perpetual.get(clo["kind"], 0) + net
                s.execute(
                    ledger._CLOSING.update()
                    .where(ledger._CLOSING.c.id == clo["id"])
                    .values(
                        totals_json=json.dumps(totals, sort_keys=True, ensure_ascii=False),
                        total_incl_cents=net,
                        perpetual_total_cents=perpetual[clo["kind"]],
                    )
                )
            previous = ledger.GENESIS
            entries = s.execute(select(ledger._ENTRY).order_by(ledger._ENTRY.c.id)).mappings()
            for e in list(entries):
                digest = content_hash(record_content(s, e["record_kind"], e["record_id"]))
                footprint = entry_footprint(
                    e["version"], previous, digest, e["at"], e["record_kind"], e["record_id"]
                )
                s.execute(
                    ledger._ENTRY.update()
                    .where(ledger._ENTRY.c.id == e["id"])
                    .values(content_hash=digest, previous_footprint=previous, footprint=footprint)
                )
                previous = footprint
    finally:
        engine.dispose()
    con = sqlite3.connect(path)
    for _name, sql in triggers:
        con.execute(sql)
    con.commit()
    con.close()


def reopen(path: Path):
    return open_database(str(path), create=False)


def cli_verify(path: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[2] / "src")] + sys.path)
    return subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", "verify", "--db", str(path), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


# --- the log ------------------------------------------------------------------------------


def test_every_sealed_entry_is_anchored_after_its_commit_in_a_private_log(shop):
    db, _path, numbers = shop
    lines = log_lines(db)
    with db.read() as s:
        ids = list(s.scalars(select(ledger._ENTRY.c.id).order_by(ledger._ENTRY.c.id)))
        identity = s.scalar(select(DatabaseIdentity.identity))
    assert [line["entry"] for line in lines] == ids
    assert [line["label"] for line in lines if line["record_kind"] == "invoice"] == [
        f"Facture {n}" for n in numbers
    ]
    assert "Clôture du jour 03/12/2026" in [line["label"] for line in lines]
    assert f"Paiement n° 2 de la facture {numbers[1]}" in [line["label"] for line in lines]
    assert {line["database"] for line in lines} == {identity}
    assert {line["path"] for line in lines} == {str(Path(db.target).resolve())}
    assert log_of(db).name == f"{identity}.jsonl"
    if os.name == "posix":
        assert stat.S_IMODE(log_of(db).stat().st_mode) == 0o600
        assert stat.S_IMODE(log_of(db).parent.stat().st_mode) == 0o700
    assert verify(db) == []


def test_a_rolled_back_transaction_anchors_nothing(shop):
    db, _path, _numbers = shop
    before = log_of(db).read_bytes()
    with pytest.raises(RuntimeError), db.write() as s:
        member = Member(number="A9", first_name="A", last_name="B", sort_name="b a")
        s.add(member)
        s.flush()
        packs.add_movement_in(s, None, member.id, 500, note="test")
        raise RuntimeError("stop")
    assert log_of(db).read_bytes() == before


def test_wallet_movements_are_anchored_too(db):
    with db.write() as s:
        member = Member(number="A1", first_name="Léa", last_name="Roux", sort_name="roux lea")
        s.add(member)
        s.flush()
        member_id = member.id
    packs.wallet_credit(db, None, member_id, 2000, "Espèces")
    packs.wallet_debit(db, None, member_id, 700, "Impression 3D")
    assert [line["label"] for line in log_lines(db)] == [
        "Mouvement de porte-monnaie n° 1",
        "Mouvement de porte-monnaie n° 2",
    ]


def test_a_line_lost_between_commit_and_append_is_caught_up_at_the_next_write(shop):
    db, path, _numbers = shop
    log = log_of(db)
    kept = log.read_text().splitlines(keepends=True)[:-3]
    log.write_text("".join(kept) + '{"v":1,"kind":"ent')  # a crash in the middle of a line
    notes: list = []
    assert verify(db, notes=notes) == []
    assert any("pas encore ancrées" in n for n in words(notes, "fr")), notes
    issue(db, _at(date(2026, 12, 4), 10), 800)
    with db.read() as s:
        ids = list(s.scalars(select(ledger._ENTRY.c.id).order_by(ledger._ENTRY.c.id)))
    assert [line["entry"] for line in log_lines(db)] == ids
    notes = []
    assert verify(db, notes=notes) == []
    assert any("illisible" in n for n in words(notes, "fr"))  # the cut line is said, not hidden


def test_a_rewritten_past_is_never_anchored_by_the_next_sale(shop):
    db, path, numbers = shop
    raw(path, f"UPDATE invoice SET note = 'x' WHERE number = '{numbers[0]}'")
    recompute_everything(path)
    before = log_lines(db)
    issue(db, _at(date(2026, 12, 4), 10), 800)
    assert log_lines(db) == before  # not appended over a mismatch
    assert any(f"Facture {numbers[0]} : empreinte différente" in p for p in words(verify(db), "fr"))


def test_a_database_without_any_anchor_log_says_so_but_passes(shop):
    db, _path, _numbers = shop
    log_of(db).unlink()
    notes: list = []
    assert verify(db, notes=notes) == []
    assert any("Aucun journal d'ancrage trouvé" in n for n in words(notes, "fr")), notes
    db.dispose()
    result = cli_verify(Path(db.target))
    assert result.returncode == 0  # a database sealed before anchors existed
    assert "Note : Aucun journal d'ancrage trouvé pour cette base" in result.stdout
    assert "Base intègre." in result.stdout


# --- the three attacks of the issue -------------------------------------------------------


def test_attack_a_recomputed_chain_and_closings_is_named(shop):
    db, path, numbers = shop
    db.dispose()
    # the second sale of the first day now reads 10,00 € instead of 30,00 €
    raw(
        path,
        f"UPDATE invoice SET total_incl_cents = 1000, total_excl_cents = 833, "
        f"total_vat_cents = 167 WHERE number = '{numbers[1]}'",
        "UPDATE invoice_line SET total_incl_cents = 1000, total_excl_cents = 833, "
        f"vat_cents = 167 WHERE invoice_id = (SELECT id FROM invoice WHERE number = '{numbers[1]}')",
        "UPDATE payment SET amount_cents = 1000 WHERE invoice_id = "
        f"(SELECT id FROM invoice WHERE number = '{numbers[1]}')",
    )
    recompute_everything(path)
    db = reopen(path)
    try:
        assert ledger.verify_ledger(db) == []  # the chain inside the file is perfect again
        problems = words(verify(db), "fr")
    finally:
        db.dispose()
    assert problems[0].startswith(
        f"Facture {numbers[1]} : empreinte différente de celle ancrée le "
    )
    assert "passé réécrit" in problems[0]
    assert any(p.startswith("Clôture du jour 01/12/2026 : empreinte différente") for p in problems)
    assert any(p.startswith("Clôture du jour 03/12/2026 : empreinte différente") for p in problems)

    result = cli_verify(path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"Facture {numbers[1]} : empreinte différente de celle ancrée le " in result.stderr


def test_attack_b_erased_sale_with_the_counter_stepped_back_is_named(shop):
    db, path, numbers = shop
    # today's sale, after the last closing
    today = date(2026, 12, 4)
    _id, number = issue(db, _at(today, 10), 4500)
    db.dispose()
    raw(
        path,
        "DELETE FROM integrity_entry WHERE id > (SELECT MAX(id) FROM integrity_entry "
        "WHERE record_kind = 'closing')",
        f"DELETE FROM payment WHERE invoice_id = (SELECT id FROM invoice WHERE number = '{number}')",
        f"DELETE FROM invoice_line WHERE invoice_id = "
        f"(SELECT id FROM invoice WHERE number = '{number}')",
        f"DELETE FROM invoice WHERE number = '{number}'",
        "UPDATE document_counter SET last_value = last_value - 1 WHERE series = 'invoice'",
    )
    db = reopen(path)
    try:
        assert ledger.verify_ledger(db) == []
        problems = words(verify(db), "fr")
    finally:
        db.dispose()
    assert f"Facture {number} : effacée de la base, queue de la chaîne coupée" in problems[0]

    result = cli_verify(path)
    assert result.returncode == 1
    assert f"Facture {number} : effacée de la base" in result.stderr

    # the desk goes on: the next sale takes the erased number and the erased entry's id
    db = reopen(path)
    try:
        issue(db, _at(today, 16), 900)
        problems = words(verify(db), "fr")
    finally:
        db.dispose()
    assert problems[0].startswith(f"Facture {number} : empreinte différente de celle ancrée")


def test_attack_c_cut_last_closed_day_is_named(shop):
    db, path, _numbers = shop
    db.dispose()
    raw(
        path,
        "DELETE FROM integrity_entry WHERE record_kind = 'closing' AND record_id = "
        "(SELECT MAX(id) FROM closing)",
        "DELETE FROM closing WHERE id = (SELECT MAX(id) FROM closing)",
    )
    db = reopen(path)
    try:
        assert ledger.verify_ledger(db) == []
        problems = words(verify(db), "fr")
    finally:
        db.dispose()
    assert problems == [
        "Clôture du jour 03/12/2026 : effacée de la base, queue de la chaîne coupée "
        f"(entrée n° {problems[0].split('entrée n° ')[1].split(' ')[0]} ancrée le "
        f"{problems[0].split('ancrée le ')[1]}"
    ]
    result = cli_verify(path)
    assert result.returncode == 1
    assert "Clôture du jour 03/12/2026 : effacée de la base" in result.stderr


def test_a_changed_sealing_time_and_dropped_triggers_are_named(shop):
    db, path, numbers = shop
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER sealed_integrity_entry_update")
    con.execute("DROP TRIGGER sealed_wallet_movement_delete")
    con.execute(
        "UPDATE integrity_entry SET at = '2026-12-01 08:00:00.000000' WHERE record_id = 1 "
        "AND record_kind = 'invoice'"
    )
    con.commit()
    con.close()
    db = reopen(path)
    try:
        problems = words(verify(db), "fr")
    finally:
        db.dispose()
    assert any(
        f"Facture {numbers[0]}" in p and "date de scellement falsifiée" in p for p in problems
    ), problems
    assert any("déclencheur sealed_integrity_entry_update absent" in p for p in problems)
    assert any("déclencheur sealed_wallet_movement_delete absent" in p for p in problems)


def test_changing_the_identity_does_not_escape(shop):
    db, path, numbers = shop
    db.dispose()
    raw(path, "UPDATE database_identity SET identity = 'f00d'")
    raw(path, f"UPDATE invoice SET note = 'x' WHERE number = '{numbers[0]}'")
    recompute_everything(path)
    db = reopen(path)
    try:
        problems = words(verify(db), "fr")
    finally:
        db.dispose()
    assert any("autre identité" in p for p in problems)
    assert any(p.startswith(f"Facture {numbers[0]} : empreinte différente") for p in problems)


# --- the copies: backup folder, --anchors, restore ----------------------------------------


def test_anchors_kept_in_a_backup_folder_catch_an_attacker_who_deleted_the_data_folder_log(
    shop, tmp_path
):
    db, path, numbers = shop
    copy = tmp_path / "cle-usb" / "ancrages"
    copy.mkdir(parents=True)
    shutil.copy2(log_of(db), copy)  # what the backup does with the anchor folder
    db.dispose()
    shutil.rmtree(config.anchors_dir())  # the attacker removes the log he can reach
    raw(path, "DELETE FROM integrity_entry WHERE id = (SELECT MAX(id) FROM integrity_entry)")
    raw(path, "DELETE FROM closing WHERE id = (SELECT MAX(id) FROM closing)")

    db = reopen(path)
    try:
        notes: list = []
        assert verify(db, notes=notes) == []
        assert any("Aucun journal d'ancrage" in n for n in words(notes, "fr"))
        problems = words(verify(db, [tmp_path / "cle-usb"]), "fr")
    finally:
        db.dispose()
    assert problems and problems[0].startswith("Clôture du jour 03/12/2026 : effacée")
    result = cli_verify(path, "--anchors", str(tmp_path / "cle-usb"))
    assert result.returncode == 1
    assert "Clôture du jour 03/12/2026 : effacée de la base" in result.stderr
    # an archive folder with a folder per year is searched one level down
    nested = tmp_path / "archives" / "2026"
    nested.mkdir(parents=True)
    shutil.copy2(copy / log_of_name(copy), nested)
    assert cli_verify(path, "--anchors", str(tmp_path / "archives")).returncode == 1


def log_of_name(folder: Path) -> str:
    (only,) = [p.name for p in folder.glob("*.jsonl")]
    return only


def test_the_backup_folder_copy_is_searched_with_no_option(shop, tmp_path):
    db, path, _numbers = shop
    config.save_setting("backup_dir", str(tmp_path / "nas"))
    (tmp_path / "nas" / "ancrages").mkdir(parents=True)
    shutil.copy2(log_of(db), tmp_path / "nas" / "ancrages")
    db.dispose()
    log = anchors.log_path(log_of_name(tmp_path / "nas" / "ancrages").removesuffix(".jsonl"))
    log.unlink()
    raw(path, "DELETE FROM closing WHERE id = (SELECT MAX(id) FROM closing)")
    raw(path, "DELETE FROM integrity_entry WHERE id = (SELECT MAX(id) FROM integrity_entry)")
    result = cli_verify(path)
    assert result.returncode == 1
    assert "Clôture du jour 03/12/2026 : effacée de la base" in result.stderr


def test_a_restore_is_noted_and_the_sales_it_lost_are_a_note_not_tampering(shop, tmp_path):
    db, path, _numbers = shop
    backup = backups.make_backup(db, tmp_path / "sauvegardes").path
    later = issue(db, _at(date(2026, 12, 4), 11), 2500)[1]
    db.dispose()
    backups.restore(path, backup)
    assert [line["kind"] for line in log_lines_at(path)][-1] == "restore"
    db = reopen(path)
    try:
        notes: list = []
        assert verify(db, notes=notes) == []
        assert any(
            n.startswith(f"Facture {later} (entrée n° ") and "perdue par la restauration du" in n
            for n in words(notes, "fr")
        ), notes
        # the desk goes on after the restore: the same number and entry id again, no alarm
        again = issue(db, _at(date(2026, 12, 4), 17), 700)[1]
        assert again == later
        notes = []
        assert verify(db, notes=notes) == []
    finally:
        db.dispose()
    assert cli_verify(path).returncode == 0


def log_lines_at(path: Path) -> list[dict]:
    db = open_database(str(path), create=False)
    try:
        return log_lines(db)
    finally:
        db.dispose()


def test_verify_over_many_entries_compares_by_dictionary(tmp_path):
    """50,000 anchored entries compared in well under a second (one dict lookup each)."""
    import time

    path = tmp_path / "big.sqlite"
    db = open_database(str(path))
    try:
        with db.read() as s:
            identity = s.scalar(select(DatabaseIdentity.identity))
        start = datetime(2026, 1, 1, tzinfo=UTC)
        rows, lines, previous = [], [], ledger.GENESIS
        for i in range(1, 50_001):
            footprint = f"{i:064x}"
            rows.append(
                (i, "payment", i, start + timedelta(seconds=i), "0" * 64, previous, footprint, 2)
            )
            lines.append(
                json.dumps(
                    {
                        "v": 1,
                        "kind": "entry",
                        "entry": i,
                        "record_kind": "payment",
                        "record_id": i,
                        "label": f"Paiement n° {i}",
                        "footprint": footprint,
                        "database": identity,
                        "path": str(path.resolve()),
                        "written_at": "2026-12-01T10:00:00.000000Z",
                    }
                )
            )
            previous = footprint
        con = sqlite3.connect(path)
        con.executemany(
            "INSERT INTO integrity_entry (id, record_kind, record_id, at, content_hash, "
            "previous_footprint, footprint, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*r[:3], r[3].strftime("%Y-%m-%d %H:%M:%S.%f"), *r[4:]) for r in rows],
        )
        con.commit()
        con.close()
        log = anchors.log_path(identity)
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("\n".join(lines) + "\n")
        began = time.perf_counter()
        report = anchors.compare(db)
        elapsed = time.perf_counter() - began
    finally:
        db.dispose()
    assert report.problems == []
    print(f"compare over 50,000 anchored entries: {elapsed:.3f} s")
    assert elapsed < 3.0, elapsed


def test_verify_reads_the_chain_once_for_the_ledger_and_the_anchors(shop):
    """``tierslieu verify`` (issue 14): the anchor logs are compared with the footprints
    the ledger's check read, in the same read — not with a second read of the whole
    chain — and an anchored footprint that differs is still named (the attacks above go
    through the same path)."""
    from sqlalchemy import event

    db, _path, _numbers = shop
    whole_chain: list[str] = []

    def hook(_conn, _cursor, statement, *_args) -> None:
        flat = " ".join(statement.split())
        if "FROM integrity_entry" in flat and "WHERE" not in flat.split("FROM integrity_entry")[1]:
            whole_chain.append(flat)

    event.listen(db.engine, "before_cursor_execute", hook)
    try:
        assert verify(db) == []
    finally:
        event.remove(db.engine, "before_cursor_execute", hook)
    assert len(whole_chain) == 1, whole_chain
    footprints: dict[int, str] = {}
    assert ledger.verify_ledger(db, footprints) == []
    assert len(footprints) == len(log_lines(db))  # every entry, anchored
    footprints[3] = "f" * 64  # as if the chain had been rewritten there
    report = anchors.compare(db, (), footprints)
    assert [p.code for p in report.problems] == ["anchor_rewritten"]


# --- each closing's fingerprint, on its note and in its archive ---------------------------


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def test_each_closing_fingerprint_is_printed_on_its_note_and_kept_in_its_archive(shop, tmp_path):
    import zipfile

    from tierslieu_desktop.reports.closing_pdf import fingerprint_lines
    from tierslieu_desktop.services.billing import archives

    db, _path, _numbers = shop
    closing_id = ledger.close_period(db, None, "month", date(2026, 11, 1), now=_at(DAYS[2], 23))
    with db.read() as s:
        footprint = s.scalar(
            select(ledger._ENTRY.c.footprint).where(
                ledger._ENTRY.c.record_kind == "closing", ledger._ENTRY.c.record_id == closing_id
            )
        )
    # the same fingerprint as the one anchored outside the file
    assert footprint in {line["footprint"] for line in log_lines(db)}

    text = _pdf_text(archives.closing_note(db, closing_id), tmp_path)
    assert "Clôture du mois 11/2026" in text
    assert "Empreinte de la clôture" in text
    for line in fingerprint_lines(footprint):
        assert line in text, (line, text)

    day_closing = closing_id - 1  # the day closing of 03/12/2026
    path = tmp_path / "cloture-2026-12-03.zip"
    archives.export_archive(db, day_closing, path)
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        note = zf.read(archives.CLOSING_PDF)
    with db.read() as s:
        day_footprint = s.scalar(
            select(ledger._ENTRY.c.footprint).where(
                ledger._ENTRY.c.record_kind == "closing", ledger._ENTRY.c.record_id == day_closing
            )
        )
    assert manifest["closing"]["footprint"] == day_footprint
    assert archives.CLOSING_PDF in manifest["files"]
    text = _pdf_text(note, tmp_path)
    assert "Clôture du jour 03/12/2026" in text
    assert all(line in text for line in fingerprint_lines(day_footprint))
    assert archives.verify_archive(path) == []


# --- migration 0007 and the version 2 footprint -------------------------------------------


def test_migration_0007_seals_existing_wallet_movements_at_the_end_of_the_chain(tmp_path):
    from tierslieu_desktop.db.engine import make_engine, sqlite_url
    from tierslieu_desktop.db.migrations.runner import upgrade

    frozen = Path(__file__).parents[1] / "db" / "frozen" / "schema_0004_invoices.sqlite"
    path = tmp_path / "old.sqlite"
    path.write_bytes(frozen.read_bytes())
    engine = make_engine(sqlite_url(path))
    upgrade(engine, "0006")
    engine.dispose()
    con = sqlite3.connect(path)
    (member,) = con.execute("SELECT id FROM member LIMIT 1").fetchone()
    con.executemany(
        "INSERT INTO wallet_movement (member_id, at, amount_cents, note) VALUES (?, ?, ?, ?)",
        [
            (member, "2026-10-01 09:00:00.000000", 3000, "Espèces"),
            (member, "2026-10-02 10:00:00.000000", -1200, "Laser"),
        ],
    )
    con.commit()
    (before,) = con.execute("SELECT COUNT(*) FROM integrity_entry").fetchone()
    con.close()

    db = open_database(str(path))
    try:
        with db.read() as s:
            entries = s.execute(
                select(
                    ledger._ENTRY.c.record_kind, ledger._ENTRY.c.record_id, ledger._ENTRY.c.version
                ).order_by(ledger._ENTRY.c.id)
            ).all()
            assert s.scalar(select(DatabaseIdentity.identity))
        assert [tuple(e) for e in entries[before:]] == [("wallet", 1, 2), ("wallet", 2, 2)]
        assert {e.version for e in entries[:before]} == {1}  # the old entries keep their formula
        assert ledger.verify_ledger(db) == []
    finally:
        db.dispose()
    con = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="wallet_movement is sealed"):
        con.execute("UPDATE wallet_movement SET amount_cents = 1")
    with pytest.raises(sqlite3.DatabaseError, match="wallet_movement is sealed"):
        con.execute("DELETE FROM wallet_movement")
    con.close()


def test_the_fast_version_2_payload_is_the_canonical_json():
    from tierslieu_desktop.services import chain

    at = datetime(2026, 12, 3, 17, 5, 9, 120034, tzinfo=UTC)
    for previous, digest, kind in (
        ("a" * 64, "b" * 64, "invoice"),
        ('x"', "y\\", "wallet"),  # what canonical JSON escapes goes the slow way
    ):
        assert chain._v2_payload(previous, digest, at, kind, 7) == chain.canonical_json(
            {
                "v": 2,
                "previous": previous,
                "content_hash": digest,
                "at": "2026-12-03T17:05:09.120034Z",
                "record_kind": kind,
                "record_id": 7,
            }
        )
    for value in (at, datetime(2026, 1, 2, 3, 4, 5), datetime(1, 1, 1, tzinfo=UTC)):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        assert chain.canon_value(value) == aware.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_a_long_log_is_read_whole_around_its_damaged_lines(tmp_path):
    """Thousands of lines read in batches: a damaged line costs only itself — the lines
    before and after it in the same batch are read, each damaged line is counted."""
    good = [
        json.dumps({"kind": "entry", "entry": i, "footprint": f"{i:064x}"}) for i in range(2500)
    ]
    raw = list(good)
    raw[1200] = raw[1200][:30]  # a line cut by a crash
    raw[1700] = '{"kind": "other"}'  # readable JSON, not an anchor line
    raw.insert(2000, "[1, 2]")  # not even an object
    path = tmp_path / "log.jsonl"
    path.write_text("\n".join(raw) + "\n\n", encoding="utf-8")
    lines, bad = anchors.read_log(path)
    assert bad == 3
    assert [line["entry"] for line in lines] == [i for i in range(2500) if i not in (1200, 1700)]
