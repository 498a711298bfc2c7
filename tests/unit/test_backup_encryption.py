"""Encrypted backups (passphrase, AES-256-GCM by chunks) and the anchor logs copied with
each backup: what a treasurer relies on when a copy leaves the PC."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tierslieu_desktop import cli
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.safety import backup_crypto, backups
from tierslieu_desktop.services.safety.integrity import verify

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
PHRASE = "Le lama de Figeac dort à 7 h"
# a backup is a copy of the SQLite file (PostgreSQL's would be pg_dump's, issue 20 pt 7)
FILE_BACKUP = pytest.mark.sqlite_only(reason="backs up and restores the SQLite file")


def _operators(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT COUNT(*) FROM operator").fetchone()[0]
    finally:
        con.close()


def _add_operator(db, name: str) -> None:
    from tierslieu_desktop.services.people.operators import create_operator

    create_operator(db, name)


@pytest.fixture(scope="module")
def key() -> backup_crypto.BackupKey:
    return backup_crypto.derive_key(PHRASE)


@FILE_BACKUP
def test_encrypted_backup_round_trip_and_verify_clean(db, operator, tmp_path, key):
    folder = tmp_path / "cle-usb"
    info = backups.make_backup(db, folder, key=key)
    assert info.encrypted and info.path.name.endswith(".sqlite.enc") and info.ok
    raw = info.path.read_bytes()
    assert raw.startswith(backup_crypto.MAGIC)
    assert b"SQLite format 3" not in raw and b"operator" not in raw  # nothing in clear
    # no clear copy left anywhere: not in the backup folder, not beside the database
    assert [p.name for p in folder.iterdir()] == [info.path.name]
    assert not list(Path(db.target).parent.glob(".tierslieu-backup-*"))
    before = _operators(Path(db.target))
    _add_operator(db, "Après la sauvegarde")
    db.dispose()
    target = Path(db.target)
    aside = backups.restore(target, info.path, PHRASE)
    assert aside is not None and _operators(aside) == before + 1
    assert _operators(target) == before
    from tierslieu_desktop.db.engine import open_database

    again = open_database(str(target))
    try:
        assert verify(again) == []
    finally:
        again.dispose()


@FILE_BACKUP
def test_wrong_passphrase_says_so_and_touches_nothing(db, operator, tmp_path, key):
    info = backups.make_backup(db, tmp_path / "sauv", key=key)
    db.dispose()
    target = Path(db.target)
    before = target.read_bytes()
    with pytest.raises(DomainError) as exc:
        backups.restore(target, info.path, "le lama de figeac dort à 7 h")
    assert exc.value.code == "backup_wrong_passphrase"
    with pytest.raises(DomainError) as exc:
        backups.restore(target, info.path)
    assert exc.value.code == "backup_passphrase_required"
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir() if p.name.startswith(target.name)) == [
        target.name
    ]


def _stream(data: bytes, key) -> bytes:
    out = io.BytesIO()
    backup_crypto.encrypt_stream(io.BytesIO(data), out, key)
    return out.getvalue()


def _decrypt(blob: bytes, key) -> bytes:
    out = io.BytesIO()
    backup_crypto.decrypt_stream(io.BytesIO(blob), out, key, "x")
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, 1 << 20, (1 << 20) + 1, (5 << 19) + 7])
def test_chunks_round_trip(key, size):
    data = os.urandom(size)
    assert _decrypt(_stream(data, key), key) == data


def test_truncated_or_altered_encrypted_file_is_detected(key):
    data = os.urandom((5 << 19) + 7)  # 2.5 MiB: three chunks
    blob = _stream(data, key)
    chunk = (1 << 20) + backup_crypto.TAG
    cuts = {
        "cut at a chunk boundary": blob[: backup_crypto.HEADER_SIZE + 2 * chunk],
        "cut inside a chunk": blob[:-100],
        "last chunk dropped": blob[: backup_crypto.HEADER_SIZE + chunk],
        "one byte changed": blob[:5000] + bytes([blob[5000] ^ 1]) + blob[5001:],
        "chunks swapped": blob[: backup_crypto.HEADER_SIZE]
        + blob[backup_crypto.HEADER_SIZE + chunk : backup_crypto.HEADER_SIZE + 2 * chunk]
        + blob[backup_crypto.HEADER_SIZE : backup_crypto.HEADER_SIZE + chunk]
        + blob[backup_crypto.HEADER_SIZE + 2 * chunk :],
    }
    for what, bad in cuts.items():
        with pytest.raises(DomainError) as exc:
            _decrypt(bad, key)
        assert exc.value.code == "backup_damaged", what


@FILE_BACKUP
def test_truncated_encrypted_backup_listed_damaged_and_refused(db, operator, tmp_path, key):
    folder = tmp_path / "sauv"
    info = backups.make_backup(db, folder, key=key)
    blob = info.path.read_bytes()
    stub = folder / "tierslieu-20200102-000000.sqlite.enc"
    stub.write_bytes(blob[: backup_crypto.HEADER_SIZE + 3])  # cut right after the header
    cut = folder / "tierslieu-20200101-000000.sqlite.enc"
    cut.write_bytes(blob[: len(blob) - 40])
    listed = {b.path: b for b in backups.list_backups(folder)}
    assert listed[info.path].encrypted and listed[info.path].ok
    assert listed[info.path].members is None  # unknown until decrypted
    assert listed[stub].encrypted and not listed[stub].ok  # visible from its length
    # a cut inside the last chunk shows only when decrypted: restore refuses it
    db.dispose()
    before = Path(db.target).read_bytes()
    with pytest.raises(DomainError) as exc:
        backups.restore(Path(db.target), cut, PHRASE)
    assert exc.value.code == "backup_damaged"
    assert Path(db.target).read_bytes() == before
    assert not list(tmp_path.glob("*.restoring"))


def test_rotation_counts_encrypted_and_clear_backups_together(tmp_path):
    folder = tmp_path / "sauv"
    folder.mkdir()
    old = [
        folder / "tierslieu-20260101-080000.sqlite",
        folder / "tierslieu-20260101-200000.sqlite.enc",
        folder / "tierslieu-20260102-080000.sqlite.enc",
    ]
    for p in old:
        p.touch()
    deleted = backups.rotate(folder, datetime(2026, 1, 3, tzinfo=UTC))
    assert deleted == [old[0]]  # the same day: the newer (encrypted) one is kept


def test_remembered_key_holds_no_passphrase_and_reloads(key):
    setting = key.to_setting()
    assert PHRASE not in str(setting)
    assert backup_crypto.BackupKey.from_setting(setting) == key
    assert backup_crypto.BackupKey.from_setting({"key": "x"}) is None
    tampered = dict(setting, verifier=setting["kdf_salt"])
    assert backup_crypto.BackupKey.from_setting(tampered) is None


@FILE_BACKUP
def test_cli_backup_encrypt_and_restore_with_passphrase_file(db, operator, tmp_path, capsys):
    target = db.target
    db.dispose()
    phrase_file = tmp_path / "phrase.txt"
    phrase_file.write_text(PHRASE + "\n", encoding="utf-8")
    folder = tmp_path / "sauv"
    args = ["backup", "--db", target, "-o", str(folder), "--encrypt"]
    assert cli.main([*args, "--passphrase-file", str(phrase_file)]) == 0
    out = capsys.readouterr().out
    (enc,) = folder.glob("*.sqlite.enc")
    assert str(enc) in out and "chiffrée" in out
    assert cli.main(["backups", "-o", str(folder)]) == 0
    assert "chiffrée" in capsys.readouterr().out
    wrong = tmp_path / "faux.txt"
    wrong.write_text("autre chose", encoding="utf-8")
    assert cli.main(["restore", str(enc), "--db", target, "--passphrase-file", str(wrong)]) == 1
    err = capsys.readouterr().err
    assert "phrase de passe" in err and "Traceback" not in err
    restore = ["restore", str(enc), "--db", target, "--passphrase-file", str(phrase_file)]
    assert cli.main(restore) == 0
    assert "restaurée" in capsys.readouterr().out


# --- anchor logs -----------------------------------------------------------------------


def _anchors(tmp_path: Path) -> Path:
    folder = tmp_path / "ancrages-pc"
    folder.mkdir()
    (folder / "factures.jsonl").write_text('{"n": 1}\n', encoding="utf-8")
    (folder / "clotures.jsonl").write_text('{"c": 1}\n', encoding="utf-8")
    (folder / "notes.txt").write_text("pas un journal", encoding="utf-8")
    return folder


@POSIX_ONLY
@FILE_BACKUP
def test_anchor_logs_copied_with_each_backup_private(db, operator, tmp_path):
    anchors = _anchors(tmp_path)
    folder = tmp_path / "sauv"
    backups.make_backup(db, folder, anchors=anchors)
    copied = folder / "ancrages"
    assert sorted(p.name for p in copied.iterdir()) == ["clotures.jsonl", "factures.jsonl"]
    assert stat.S_IMODE(copied.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in copied.iterdir())
    # the log grows on the PC: the copy follows at the next backup
    with (anchors / "factures.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"n": 2}\n')
    backups.make_backup(db, folder, anchors=anchors)
    assert (copied / "factures.jsonl").read_text() == '{"n": 1}\n{"n": 2}\n'
    # a log removed from the PC is never removed from the backup folder
    (anchors / "clotures.jsonl").unlink()
    backups.make_backup(db, folder, anchors=anchors)
    assert (copied / "clotures.jsonl").read_text() == '{"c": 1}\n'
    # the backups themselves are not confused with anchor logs by rotation or listing
    assert all(b.path.parent == folder for b in backups.list_backups(folder))


def test_a_cut_anchor_log_never_overwrites_the_copy(tmp_path):
    anchors = _anchors(tmp_path)
    folder = tmp_path / "sauv"
    backups.copy_anchors(anchors, folder)
    (anchors / "factures.jsonl").write_text('{"n": 9}\n', encoding="utf-8")  # rewritten
    written = backups.copy_anchors(anchors, folder)
    assert (folder / "ancrages" / "factures.jsonl").read_text() == '{"n": 1}\n'
    (beside,) = written
    assert beside.name.startswith("factures.") and beside.read_text() == '{"n": 9}\n'
    assert backups.copy_anchors(anchors, folder) == []  # kept once, not at every backup
