"""The anchor log: the footprints of the integrity chain, copied outside the database.

The chain inside the file (services.chain) shows a change made to one sealed record; it
cannot show a change made by someone who recomputes every footprint with the app's own
functions, erases the last sale or cuts off the last closed day. So every chain entry is
also written, once its transaction has committed, to an append-only log outside the file:
one JSON line per entry in ``config.anchors_dir()/<identity>.jsonl`` (0600 in a 0700
folder), the identity being the random one stored in the database (migration 0007). The
backup copies that folder; ``tierslieu verify`` compares the database with every log it
finds for this database (by identity, or naming the same file) in the data folder, the
backup folder and the folders given with ``--anchors``.

Lines (one JSON object each, ``"v": 1``):

- ``"kind": "entry"``: ``entry`` (the chain entry's id), ``record_kind``, ``record_id``,
  ``label`` (the document, e.g. "Facture F2026-000012"), ``footprint``, ``sealed_at``,
  ``version``;
- ``"kind": "restore"``: the database was replaced by a backup whose last entry is
  ``entry`` / ``footprint``; entries anchored before it with a greater id were lost by
  that restore (reported as a note, not as tampering);

and on every line ``database`` (the identity), ``path`` (the file) and ``written_at``.

Writing: after the commit (``SEAL_LISTENERS``), never inside the transaction. A line lost
in a crash between the commit and the append is caught up by the next write: every entry
after the last anchored one is appended, provided the last anchored one still reads the
same in the database (the log never anchors a rewritten past). One small append per
sealing transaction, flushed but not fsynced: the catch-up covers a line lost to a power
cut, and a desk's sale never waits for the disk.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from tierslieu_desktop import config
from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Closing,
    DatabaseIdentity,
    IntegrityEntry,
    Invoice,
    Payment,
)
from tierslieu_desktop.domain.findings import Finding
from tierslieu_desktop.fileperms import create_private_file, make_private_dirs
from tierslieu_desktop.services import chain
from tierslieu_desktop.services.billing.ledger import closing_label, doc_label

LINE_FORMAT = 1
SUFFIX = ".jsonl"
SUBFOLDER = "ancrages"  # the anchor folder's name in a backup or archive folder
MAX_LISTED = 20
_TAIL = 64 * 1024  # enough for the last line of any log

_log = logging.getLogger(__name__)
_ENTRY = IntegrityEntry.__table__


# --- identity and location ----------------------------------------------------------------


def database_identity(db: Database) -> str | None:
    """The random identity stored in the database (None before migration 0007)."""
    with db.read() as session:
        return session.scalar(select(DatabaseIdentity.identity).where(DatabaseIdentity.id == 1))


def database_location(db: Database) -> str:
    """The database's file (absolute) or, for a server, its URL without the password."""
    if db.is_sqlite:
        return _location(Path(db.target.removeprefix("sqlite:///")))
    return db.engine.url.render_as_string(hide_password=True)


def _location(path: Path) -> str:
    try:
        return str(path.expanduser().resolve())
    except OSError:
        return str(path)


def log_path(identity: str, folder: Path | None = None) -> Path:
    return (folder or config.anchors_dir()) / f"{identity}{SUFFIX}"


def _now_text() -> str:
    return str(chain.canon_value(datetime.now(UTC)))


# --- reading a log ------------------------------------------------------------------------


_BATCH = 1000


def _parse(raw: str) -> dict[str, Any] | None:
    try:
        line = json.loads(raw)
    except ValueError:
        return None
    return line if isinstance(line, dict) and line.get("kind") in ("entry", "restore") else None


def _last_line(path: Path) -> dict[str, Any] | None:
    """The last complete line of a log (None: no log, or nothing readable in its tail)."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - _TAIL))
            tail = fh.read()
    except FileNotFoundError:
        return None
    for raw in reversed(tail.decode("utf-8", "replace").splitlines()):
        line = _parse(raw)
        if line is not None:
            return line
    return None


def read_log(path: Path) -> tuple[list[dict[str, Any]], int]:
    """Every readable line of a log, and how many lines could not be read. The lines are
    decoded a thousand at a time as one JSON array (a log holds one line per sealed
    record: one decoder call per line cost as much as the rest of the comparison); a
    batch with a damaged line is decoded line by line."""
    lines: list[dict[str, Any]] = []
    bad = 0
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        raws = [raw for raw in fh.read().splitlines() if raw.strip()]
    for start in range(0, len(raws), _BATCH):
        batch = raws[start : start + _BATCH]
        try:
            decoded = json.loads("[" + ",".join(batch) + "]")
        except ValueError:
            decoded = None
        if not isinstance(decoded, list) or len(decoded) != len(batch):
            decoded = [_parse(raw) for raw in batch]
        for line in decoded:
            if isinstance(line, dict) and line.get("kind") in ("entry", "restore"):
                lines.append(line)
            else:
                bad += 1
    return lines, bad


# --- writing ------------------------------------------------------------------------------


def _append(path: Path, lines: Iterable[dict[str, Any]]) -> int:
    text = "".join(
        json.dumps(line, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
        for line in lines
    )
    if not text:
        return 0
    make_private_dirs(path.parent)
    with contextlib.suppress(FileExistsError):
        create_private_file(path)
    with path.open("rb") as fh:  # a line cut short by a crash: start on a new line
        fh.seek(0, os.SEEK_END)
        if fh.tell():
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":
                text = "\n" + text
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
    return text.count("\n")


def _labels(session: Any, rows: Sequence[Any]) -> dict[tuple[str, int], str]:
    """The documents' names, one query per kind (cheap: only the new entries)."""
    labels: dict[tuple[str, int], str] = {}
    invoice_ids = [r.record_id for r in rows if r.record_kind in ("invoice", "credit_note")]
    closing_ids = [r.record_id for r in rows if r.record_kind == "closing"]
    for start in range(0, len(invoice_ids), 500):
        chunk = invoice_ids[start : start + 500]
        for inv_id, kind, number in session.execute(
            select(Invoice.id, Invoice.kind, Invoice.number).where(Invoice.id.in_(chunk))
        ):
            labels[(kind, inv_id)] = doc_label(kind, number)
    payment_ids = [r.record_id for r in rows if r.record_kind == "payment"]
    for start in range(0, len(payment_ids), 500):
        chunk = payment_ids[start : start + 500]
        for pay_id, kind, number in session.execute(
            select(Payment.id, Invoice.kind, Invoice.number)
            .join(Invoice, Invoice.id == Payment.invoice_id)
            .where(Payment.id.in_(chunk))
        ):
            of = "de l'avoir" if kind == "credit_note" else "de la facture"
            labels[("payment", pay_id)] = f"Paiement n° {pay_id} {of} {number}"
    for start in range(0, len(closing_ids), 500):
        chunk = closing_ids[start : start + 500]
        for clo_id, kind, first in session.execute(
            select(Closing.id, Closing.kind, Closing.period_start).where(Closing.id.in_(chunk))
        ):
            labels[("closing", clo_id)] = closing_label(kind, first)
    return labels


def _default_label(kind: str, record_id: int) -> str:
    if kind == "audit":
        return f"Journal des modifications (jusqu'à l'entrée n° {record_id})"
    if kind == "payment":
        return f"Paiement n° {record_id}"
    if kind == "wallet":
        return f"Mouvement de porte-monnaie n° {record_id}"
    if kind == "closing":
        return f"Clôture n° {record_id}"
    return ("Avoir" if kind == "credit_note" else "Facture") + f" (n° interne {record_id})"


def sync(db: Database) -> int:
    """Append to the anchor log every chain entry not anchored yet; the number of lines
    written. Nothing is written when the last anchored entry no longer reads the same in
    the database (a rewritten past is never anchored: verify reports it)."""
    with db.read() as session:
        identity = session.scalar(select(DatabaseIdentity.identity).where(DatabaseIdentity.id == 1))
        if identity is None:
            return 0
        path = log_path(identity)
        last = _last_line(path)
        after = 0
        if last is not None:
            after = int(last.get("entry", 0))
            if after:
                stored = session.scalar(select(_ENTRY.c.footprint).where(_ENTRY.c.id == after))
                if stored != last.get("footprint"):
                    _log.warning(
                        "anchor log %s: entry %s differs from the database, not appended",
                        path,
                        after,
                    )
                    return 0
        rows = session.execute(
            select(
                _ENTRY.c.id,
                _ENTRY.c.record_kind,
                _ENTRY.c.record_id,
                _ENTRY.c.footprint,
                _ENTRY.c.content_hash,
                _ENTRY.c.at,
                _ENTRY.c.version,
            )
            .where(_ENTRY.c.id > after)
            .order_by(_ENTRY.c.id)
        ).all()
        if not rows:
            return 0
        labels = _labels(session, rows)
    where = database_location(db)
    written = _now_text()
    return _append(
        path,
        (
            {
                "v": LINE_FORMAT,
                "kind": "entry",
                "entry": r.id,
                "record_kind": r.record_kind,
                "record_id": r.record_id,
                "label": labels.get(
                    (r.record_kind, r.record_id), _default_label(r.record_kind, r.record_id)
                ),
                "footprint": r.footprint,
                "content_hash": r.content_hash,
                "sealed_at": chain.canon_value(r.at),
                "version": r.version,
                "database": identity,
                "path": where,
                "written_at": written,
            }
            for r in rows
        ),
    )


def _sync_quietly(db: Database) -> None:
    """The seal listener: the sale is saved whatever happens to the log."""
    try:
        sync(db)
    except (OSError, SQLAlchemyError, ValueError):
        _log.exception("anchor log not written")


if _sync_quietly not in chain.SEAL_LISTENERS:
    chain.SEAL_LISTENERS.append(_sync_quietly)


def note_restore(db_path: Path, restored_from: Path | None = None) -> int:
    """Record in the anchor log(s) of the file at ``db_path`` (just replaced by a backup)
    that a restore happened, with the restored file's last chain entry: the entries
    anchored after it are then reported by verify as lost by this restore, not as
    tampering. Returns the number of logs written. Reads the file with SQLite directly
    (read-only); never raises for a missing table."""
    import sqlite3

    identity: str | None = None
    last_id, last_footprint = 0, chain.GENESIS
    con = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            row = con.execute("SELECT identity FROM database_identity WHERE id = 1").fetchone()
            identity = row[0] if row else None
        except sqlite3.DatabaseError:
            identity = None
        try:
            row = con.execute(
                "SELECT id, footprint FROM integrity_entry ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row:
                last_id, last_footprint = int(row[0]), str(row[1])
        except sqlite3.DatabaseError:
            pass
    finally:
        con.close()
    where = _location(Path(db_path))
    targets = {log_path(identity)} if identity else set()
    targets |= set(_logs_naming(config.anchors_dir(), None, where))
    line = {
        "v": LINE_FORMAT,
        "kind": "restore",
        "entry": last_id,
        "footprint": last_footprint,
        "label": "" if restored_from is None else Path(restored_from).name,
        "database": identity or "",
        "path": where,
        "written_at": _now_text(),
    }
    for target in targets:
        _append(target, [line])
    return len(targets)


def retire_logs(db_path: Path) -> list[Path]:
    """A demo replaced by a new one at the same place (``tierslieu demo --force``): the
    old demo's logs in the data folder are renamed ``….jsonl.remplace-<time>`` so that
    verify no longer compares the new file with them. Returns the new names."""
    where = _location(Path(db_path))
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    moved = []
    for path in _logs_naming(config.anchors_dir(), None, where):
        target = path.with_name(f"{path.name}.remplace-{stamp}")
        path.rename(target)
        moved.append(target)
    return moved


# --- finding the logs ---------------------------------------------------------------------


def default_folders() -> list[Path]:
    """Where the app writes anchor logs: the data folder, and the copy in the backup
    folder."""
    return [config.anchors_dir(), config.backup_dir() / SUBFOLDER]


def search_folders(extra: Sequence[Path] = ()) -> list[Path]:
    """The default folders, and for each ``--anchors DIR``: DIR, DIR/ancrages, and the
    same one level down (a backup folder, an archive folder with a folder per year)."""
    folders = list(default_folders())
    for root in extra:
        root = Path(root)
        folders += [root, root / SUBFOLDER]
        try:
            subs = sorted(p for p in root.iterdir() if p.is_dir() and p.name != SUBFOLDER)
        except OSError:
            subs = []
        for sub in subs:
            folders += [sub, sub / SUBFOLDER]
    unique: list[Path] = []
    seen: set[str] = set()
    for folder in folders:
        key = _location(folder)
        if key not in seen:
            seen.add(key)
            unique.append(folder)
    return unique


def _first_line(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            for raw in fh:
                if raw.strip():
                    return _parse(raw)
    except OSError:
        return None
    return None


def _logs_naming(folder: Path, identity: str | None, where: str) -> list[Path]:
    """The logs in ``folder`` of the database ``identity`` or naming the file ``where``."""
    try:
        candidates = sorted(p for p in folder.glob(f"*{SUFFIX}") if p.is_file())
    except OSError:
        return []
    found = []
    for path in candidates:
        if identity is not None and path.name == f"{identity}{SUFFIX}":
            found.append(path)
            continue
        first = _first_line(path)
        if first is not None and (
            first.get("path") == where or (identity and first.get("database") == identity)
        ):
            found.append(path)
    return found


# --- comparing ----------------------------------------------------------------------------


@dataclass
class AnchorReport:
    """What the comparison found: ``problems`` (tampering: verify fails), ``notes``
    (worth saying, not tampering), and the logs read."""

    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)


def _when(text: Any) -> datetime | str:
    """The moment a log line was written (the text as read when it is no moment)."""
    try:
        return datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return str(text)


def _anchored(line: dict[str, Any], entry: Any) -> dict[str, Any]:
    """The document of a log line, as ``i18n.findings.subject`` names it: the label the
    line was written with (French), and its kind and id to name it in English."""
    return {
        "kind": "anchored",
        "label": line.get("label"),
        "record_kind": line.get("record_kind"),
        "record_id": line.get("record_id"),
        "entry": entry,
    }


def _listed(out: list[Finding], items: list[Finding], what: str) -> None:
    out.extend(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        out.append(Finding("anchor_more", {"count": len(items) - MAX_LISTED, "what": what}))


def _entry_details(db: Database, ids: Sequence[int]) -> dict[int, Any]:
    """id → (record_kind, record_id, content_hash) of the entries ``ids``."""
    out: dict[int, Any] = {}
    with db.read() as session:
        for start in range(0, len(ids), 500):
            rows = session.execute(
                select(
                    _ENTRY.c.id, _ENTRY.c.record_kind, _ENTRY.c.record_id, _ENTRY.c.content_hash
                ).where(_ENTRY.c.id.in_(ids[start : start + 500]))
            )
            out.update((r.id, r) for r in rows)
    return out


def compare(
    db: Database, extra: Sequence[Path] = (), footprints: dict[int, str] | None = None
) -> AnchorReport:
    """Compare the database's chain with every anchor log found (:func:`search_folders`).
    ``footprints``: the chain's id → footprint as the ledger's check just read it
    (``verify_ledger(db, footprints)``), else read here."""
    report = AnchorReport()
    identity = database_identity(db)
    where = database_location(db)
    for folder in search_folders(extra):
        for path in _logs_naming(folder, identity, where):
            if all(_location(path) != _location(p) for p in report.logs):
                report.logs.append(path)
    # id → footprint of every entry (all that is compared when all is well); the kind,
    # record and content hash of an entry are read only when its footprint differs.
    entries: dict[int, str] = footprints if footprints is not None else {}
    if footprints is None:
        with db.read() as session:
            entries.update(session.execute(select(_ENTRY.c.id, _ENTRY.c.footprint)).all())
    if not report.logs:
        if entries:
            places = [str(f) for f in search_folders(extra)[:2]]
            report.notes.append(Finding("anchor_none", {"places": places}))
        return report

    lines: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    unreadable = 0
    other_identities: set[str] = set()
    for path in report.logs:
        try:
            read, bad = read_log(path)
        except OSError as exc:
            report.notes.append(
                Finding("anchor_log_unreadable", {"path": str(path), "detail": str(exc)})
            )
            continue
        unreadable += bad
        for line in read:
            key: tuple[Any, ...] = (line.get("kind"), line.get("entry"), line.get("footprint"))
            if line.get("kind") == "restore":
                key += (line.get("written_at"),)
            if key in seen:
                continue
            seen.add(key)
            lines.append(line)
            if identity and line.get("database") and line.get("database") != identity:
                other_identities.add(str(line.get("database")))
    if unreadable:
        report.notes.append(Finding("anchor_lines_unreadable", {"count": unreadable}))
    if other_identities:
        report.problems.append(
            Finding("anchor_identity", {"others": sorted(other_identities), "identity": identity})
        )
    lines.sort(key=lambda line: str(line.get("written_at", "")))

    anchored: dict[int, dict[str, Any]] = {}
    lost: list[tuple[dict[str, Any], dict[str, Any]]] = []
    forks: list[Finding] = []
    for line in lines:
        try:
            entry_id = int(line.get("entry", 0))
        except (TypeError, ValueError):
            continue
        if line["kind"] == "restore":
            for later in [e for e in anchored if e > entry_id]:
                lost.append((line, anchored.pop(later)))
            continue
        known = anchored.get(entry_id)
        if known is None:
            anchored[entry_id] = line
        elif known.get("footprint") != line.get("footprint"):
            forks.append(
                Finding(
                    "anchor_fork",
                    {
                        "entry": entry_id,
                        "first": _anchored(known, entry_id),
                        "first_at": _when(known.get("written_at")),
                        "second": _anchored(line, entry_id),
                        "second_at": _when(line.get("written_at")),
                    },
                )
            )

    rewritten: list[Finding] = []
    recomputed: list[int] = []  # same content, footprint changed: the chain recomputed
    erased: list[Finding] = []
    cut: list[Finding] = []
    last_db = max(entries, default=0)
    differing = sorted(e for e, line in anchored.items() if entries.get(e) != line.get("footprint"))
    details = _entry_details(db, differing)
    for entry_id in differing:
        line = anchored[entry_id]
        row = details.get(entry_id)
        found = {
            "subject": _anchored(line, entry_id),
            "entry": entry_id,
            "at": _when(line.get("written_at")),
        }
        if row is None:
            (cut if entry_id > last_db else erased).append(
                Finding("anchor_cut" if entry_id > last_db else "anchor_erased", found)
            )
        else:
            same = (row.record_kind, row.record_id) == (
                line.get("record_kind"),
                line.get("record_id"),
            )
            if same and rewritten and row.content_hash == line.get("content_hash"):
                recomputed.append(entry_id)
                continue
            if not same:  # the database now holds another document at that entry
                found["now"] = {"kind": row.record_kind, "id": row.record_id}
            rewritten.append(Finding("anchor_rewritten", found))
    _listed(report.problems, rewritten, "rewritten")
    if recomputed:
        report.problems.append(
            Finding(
                "anchor_recomputed",
                {"count": len(recomputed), "first": recomputed[0], "last": recomputed[-1]},
            )
        )
    _listed(report.problems, erased + cut, "absent")
    _listed(report.problems, forks, "forks")

    gone = []
    for restore, line in lost:
        if entries.get(int(line.get("entry", 0))) == line.get("footprint"):
            continue  # the same entry again (restored from a later backup)
        gone.append(
            Finding(
                "anchor_lost",
                {
                    "subject": _anchored(line, line.get("entry")),
                    "entry": line.get("entry"),
                    "at": _when(restore.get("written_at")),
                },
            )
        )
    _listed(report.notes, gone, "lost")

    last_anchored = max(anchored, default=0)
    newer = [e for e in entries if e > last_anchored]
    if newer:
        report.notes.append(Finding("anchor_not_yet", {"count": len(newer), "last": last_anchored}))
    return report
