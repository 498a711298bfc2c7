"""Issue 13, point 2: a file dialog never makes the app lose its SQLite locks.

POSIX advisory locks belong to the process: closing *any* descriptor of a file drops every
lock the process holds on it (SQLite, "How To Corrupt An SQLite Database File", 2.2).
Measured: Qt's file dialog opened and closed the database to guess its type, the app's
locks vanished from /proc/locks, a second desk believed it was alone, deleted the
-wal/-shm files and a check-out the app recorded afterwards was missing from the file.

How it is observed, honestly: the locks themselves, in ``/proc/locks`` (Linux only; the
test is skipped elsewhere). SQLite keeps a shared lock on the -shm file (and one on the
database) for as long as a connection is open, so a descriptor on the database or its
-shm opened and closed by anything else in the process — Qt in C++ included, which no
Python patch can see — shows as locks gone. No polling of /proc/self/fd (a short-lived
descriptor is missed) and no LD_PRELOAD: the consequence is what is checked, exactly.
Then a second real process (plain ``sqlite3``) writes, checkpoints and closes, which
deletes the -wal/-shm files whenever it believes it is the last connection — what the
measured second desk did — and the app writes again.

``test_the_other_paths_of_the_running_app_keep_the_locks`` runs the audit of
``ui/file_dialogs.py``. With the old start-up inspection (the header read with ``open``
on a file the process already holds), only the lock on the database file went: the -shm
lock kept the second desk from deleting anything, but ``tierslieu restore`` run meanwhile
no longer saw the app and replaced the database under it.

``test_qt_default_dialog_loses_the_locks`` is the control: the same steps with Qt's
plain (non-native) ``QFileDialog`` lose the locks and a write of the app is missing for
the other desk, which is the bug these dialogs fix.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QLineEdit

from tierslieu_desktop.db.engine import inspect_sqlite_file, open_database
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services.people import members
from tierslieu_desktop.ui.file_dialogs import NameOnlyIconProvider, SafeFileDialog

PROC_LOCKS = Path("/proc/locks")
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not PROC_LOCKS.exists(),
    reason="the process's POSIX locks are read from /proc/locks (Linux)",
)

# The second desk: a plain SQLite client that writes, checkpoints and closes. Its close
# deletes the -wal and -shm files when it can take the lock that says "last connection".
DESK_B = """
import os, sqlite3, sys
path = sys.argv[1]
con = sqlite3.connect(path, timeout=10)
con.execute("CREATE TABLE IF NOT EXISTS desk_b (note TEXT)")
con.execute("INSERT INTO desk_b VALUES ('written by the second desk')")
con.commit()
con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
con.close()
print(os.path.exists(path + "-wal"), os.path.exists(path + "-shm"))
"""


def locked_files(*paths: Path) -> set[str]:
    """The names of ``paths`` on which this process holds a POSIX lock (/proc/locks)."""
    inodes = {p.stat().st_ino: p.name for p in paths if p.exists()}
    names = set()
    for line in PROC_LOCKS.read_text().splitlines():
        fields = line.split()
        if len(fields) < 6 or fields[1] == "->":  # a blocked waiter, not a held lock
            continue
        kind, pid, device = fields[1], fields[4], fields[5]
        if kind == "POSIX" and pid == str(os.getpid()):
            inode = int(device.rsplit(":", 1)[1])
            if inode in inodes:
                names.add(inodes[inode])
    return names


def add_member(db, first_name: str) -> None:
    members.save_member(db, None, members.MemberInput(first_name=first_name, last_name="Lab"))


def member_names(path: Path) -> set[str]:
    """What another desk sees now: a separate process, so its own view of the file."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; con = sqlite3.connect(sys.argv[1]);"
            "print('|'.join(r[0] for r in con.execute('SELECT first_name FROM member')))",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(filter(None, out.stdout.strip().split("|")))


def run_desk_b(path: Path) -> tuple[bool, bool]:
    out = subprocess.run(
        [sys.executable, "-c", DESK_B, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    wal, shm = out.stdout.split()
    return wal == "True", shm == "True"


@pytest.fixture
def lab(tmp_path):
    """The app's database open in the folder the dialogs browse, with a write done."""
    folder = tmp_path / "Documents"
    path = folder / "tierslieu.sqlite"
    db = open_database(str(path))
    add_member(db, "Ada")
    (folder / "facture-2026-0001.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "notes").write_bytes(b"no extension: Qt would read it to guess its type\n")
    yield db, path
    db.dispose()


def work_files(path: Path) -> tuple[Path, Path, Path]:
    return path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def browse(qtbot, dialog: QFileDialog, path: Path, *, select: bool) -> None:
    """Show the dialog on the database's folder and do what a user does: wait for the
    listing (icons and types computed for every file), details view, the database
    selected, its name typed (completer), then close."""
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(path.parent))
    dialog.show()
    model = dialog.proxyModel().sourceModel() if dialog.proxyModel() else None
    if model is None:
        from PySide6.QtWidgets import QFileSystemModel

        model = dialog.findChild(QFileSystemModel)
    files = [p for p in path.parent.iterdir() if p.is_file()]

    def listed() -> bool:
        return all(model.type(model.index(str(p))) for p in files)

    qtbot.waitUntil(listed, timeout=10000)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    if select:
        dialog.selectFile(str(path))
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    if name_edit is not None and name_edit.isVisible():
        name_edit.clear()
        qtbot.keyClicks(name_edit, path.name[:4])
    qtbot.wait(200)
    dialog.grab()  # paints every visible icon and type
    dialog.reject()


@pytest.mark.parametrize(
    "kind",
    ["save", "open", "folder"],
)
def test_browsing_the_database_folder_keeps_the_locks_and_every_write(qtbot, lab, kind):
    db, path = lab
    files = work_files(path)
    before = locked_files(*files)
    assert path.name + "-shm" in before  # the app's open connection holds the database

    if kind == "save":
        dialog = SafeFileDialog(
            None, "PDF", save=True, directory=str(path.parent / "f.pdf"), filters="PDF (*.pdf)"
        )
    elif kind == "open":
        dialog = SafeFileDialog(None, "Importer", mode=QFileDialog.FileMode.ExistingFile)
    else:
        dialog = SafeFileDialog(None, "Dossier", mode=QFileDialog.FileMode.Directory)
    browse(qtbot, dialog, path, select=kind != "folder")
    assert locked_files(*files) == before

    wal_kept, shm_kept = run_desk_b(path)
    assert wal_kept and shm_kept  # the second desk knew the app was there
    add_member(db, "Grace")  # the check-out recorded after the other desk's visit
    assert member_names(path) == {"Ada", "Grace"}  # seen by another desk right away
    db.dispose()

    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert {r[0] for r in con.execute("SELECT first_name FROM member")} == {"Ada", "Grace"}
        assert con.execute("SELECT note FROM desk_b").fetchall() == [
            ("written by the second desk",)
        ]
    finally:
        con.close()


def test_qt_default_dialog_loses_the_locks(qtbot, lab):
    """The control: Qt's own non-native dialog with its default icon provider."""
    db, path = lab
    files = work_files(path)
    before = locked_files(*files)
    dialog = QFileDialog(None, "PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter("PDF (*.pdf)")
    browse(qtbot, dialog, path, select=False)
    if locked_files(*files) == before:
        pytest.skip("this Qt/shared-mime-info guesses the type of *.sqlite by name alone")
    assert path.name + "-shm" not in locked_files(*files)

    assert run_desk_b(path) == (False, False)  # the second desk deleted -wal and -shm
    add_member(db, "Grace")
    assert member_names(path) == {"Ada"}  # the app's write is missing for everyone else


def test_what_drops_the_locks_and_what_does_not(qapp, lab):
    """The mechanism, file by file: Qt's default provider opens the file to guess its
    type; ours looks at the name only; a plain open()/close() drops the locks."""
    db, path = lab
    files = work_files(path)
    before = locked_files(*files)
    ours = NameOnlyIconProvider()
    for target in files:
        info = QFileInfo(str(target))
        assert ours.type(info)
        assert not ours.icon(info).isNull()
    assert locked_files(*files) == before
    assert inspect_sqlite_file(path).exists  # the database this process holds: SQLite only
    assert locked_files(*files) == before

    os.close(os.open(path.with_name(path.name + "-shm"), os.O_RDONLY))
    assert path.name + "-shm" not in locked_files(*files)
    db.dispose()


def test_the_other_paths_of_the_running_app_keep_the_locks(lab):
    """The audit of file_dialogs.py, run: backups taken, listed and a restore refused,
    the integrity check and verify, exports written beside the database, and the same
    file opened again in the process (start-up inspection) then closed."""

    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.services.finance import exports
    from tierslieu_desktop.services.safety import backups, integrity

    db, path = lab
    files = work_files(path)
    before = locked_files(*files)
    folder = path.parent / "sauvegardes"
    taken = backups.make_backup(db, folder)
    assert [b.ok for b in backups.list_backups(folder)] == [True]
    with pytest.raises(DomainError) as refused:
        backups.restore(path, taken.path)
    assert refused.value.code == "database_in_use"
    assert integrity.quick_check(db) == [] and integrity.verify(db) == []
    exports.export_csv(db, "members", None, path.parent / "adherents.csv")
    exports.export_fec(db, lab_today().year, path.parent)
    again = open_database(str(path))
    add_member(again, "Grace")
    again.dispose()
    assert locked_files(*files) == before
    # what the locks are for: `tierslieu restore` run meanwhile sees the app and refuses
    restore = subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", "restore", str(taken.path), "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restore.returncode != 0, restore.stdout
    assert not list(path.parent.glob("*.before-restore-*"))
    assert run_desk_b(path) == (True, True)


def test_qt_default_icon_provider_reads_the_database(qapp, lab):
    db, path = lab
    files = work_files(path)
    before = locked_files(*files)
    QFileIconProvider().type(QFileInfo(str(path.with_name(path.name + "-shm"))))
    if locked_files(*files) == before:
        pytest.skip("this Qt guesses the type of a -shm file without reading it")
    assert path.name + "-shm" not in locked_files(*files)
