"""The archive of a closed period (docs/legal-fr.md §1–4): a ZIP with its documents as stored
(documents.json), their PDFs, the closing note (cloture.pdf: the closing's chain footprint,
its fingerprint, printed on it; the same footprint is in the manifest), the chain entries
that seal them, and a manifest of SHA-256 checksums chained to the previous archive;
``verify_archive`` checks one on its own.

Above both the ledger (the chain, the period's documents and totals) and the documents
(``get_invoice`` for the PDFs)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Closing, IntegrityEntry, Structure
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.deposits import CashDay
from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.domain.findings import Finding
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing.deposits import cash_day_in
from tierslieu_desktop.services.billing.documents import _get_invoice_impl
from tierslieu_desktop.services.billing.ledger import (
    canon_value,
    closing_content,
    content_hash,
    entry_footprint,
    invoice_content,
    payment_content,
    period_documents,
    period_totals,
)

_CLOSING = Closing.__table__
_ENTRY = IntegrityEntry.__table__

ARCHIVE_FORMAT = 1
CLOSING_PDF = "cloture.pdf"  # the closing note, its fingerprint printed on it


def _closing_pdf(
    closing: Any, footprint: str | None, structure_name: str, cash: CashDay | None = None
) -> bytes:
    from tierslieu_desktop.reports.closing_pdf import closing_note_pdf

    return closing_note_pdf(
        {
            "kind": closing["kind"],
            "period_start": closing["period_start"],
            "period_end": closing["period_end"],
            "closed_at": closing["closed_at"],
            "totals": json.loads(closing["totals_json"]),
            "total_incl_cents": closing["total_incl_cents"],
            "perpetual_total_cents": closing["perpetual_total_cents"],
            "footprint": footprint,
            "structure_name": structure_name,
            "cash": cash,
        }
    )


def closing_cash(session: Session, closing: Any) -> CashDay:
    """The till over a closing's period (float, cash in and out, deposits): computed from
    the rows, outside the sealed totals (services.billing.deposits)."""
    return cash_day_in(session, closing["period_start"], closing["period_end"])


@guarded(Permission.CLOSINGS)
def closing_note(db: Database, closing_id: int) -> bytes:
    """The closing note PDF of one closing, its chain footprint printed on it."""
    with db.read() as session:
        closing = (
            session.execute(select(_CLOSING).where(_CLOSING.c.id == closing_id)).mappings().first()
        )
        if closing is None:
            raise NotFound("closing", closing_id)
        footprint = session.scalar(
            select(_ENTRY.c.footprint).where(
                _ENTRY.c.record_kind == "closing", _ENTRY.c.record_id == closing_id
            )
        )
        structure_name = session.scalar(select(Structure.name).where(Structure.id == 1)) or ""
        cash = closing_cash(session, closing)
    return _closing_pdf(closing, footprint, structure_name, cash)


def _entries_for(session: Session, kinds: tuple[str, ...], ids: list[int]) -> list[Any]:
    found: list[Any] = []
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        found.extend(
            session.execute(
                select(_ENTRY).where(_ENTRY.c.record_kind.in_(kinds), _ENTRY.c.record_id.in_(chunk))
            ).mappings()
        )
    return found


def _entry_json(entry: Any) -> dict[str, Any]:
    return {key: canon_value(value) for key, value in dict(entry).items()}


def _json_bytes(content: Any) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")


def _zip_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _previous_archive_checksum(folder: Path, closing_id: int) -> str | None:
    """SHA-256 of the archive of ``closing_id`` if it was exported in ``folder``."""
    for candidate in sorted(folder.glob("*.zip")):
        try:
            with zipfile.ZipFile(candidate) as zf:
                manifest = json.loads(zf.read("manifest.json"))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):
            continue
        if manifest.get("closing", {}).get("id") == closing_id:
            return _zip_sha256(candidate)
    return None


def _render_pdfs(db: Database, invoices: list[Any]) -> tuple[dict[str, bytes], str]:
    try:
        from tierslieu_desktop.reports.invoice_pdf import render_invoice
    except ImportError as exc:
        return {}, f"PDF non inclus : module de rendu indisponible ({exc.name})."
    pdfs: dict[str, bytes] = {}
    failed: list[str] = []
    for inv in invoices:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in inv["number"])
        try:
            pdfs[f"pdf/{safe}.pdf"] = render_invoice(_get_invoice_impl(db, inv["id"]))
        except Exception:  # any failure: the JSON documents are the legal record
            failed.append(inv["number"])
    note = f"PDF non générés : {', '.join(failed)}." if failed else ""
    return pdfs, note


@guarded(Permission.CLOSINGS)
def export_archive(db: Database, closing_id: int, path: str | Path) -> None:
    """Write the archive of a closed period: documents.json, pdf/, chain.json, manifest.json."""
    path = Path(path)
    with db.read() as session:
        closing = (
            session.execute(select(_CLOSING).where(_CLOSING.c.id == closing_id)).mappings().first()
        )
        if closing is None:
            raise NotFound("closing", closing_id)
        invoices, lines, payments = period_documents(
            session, closing["period_start"], closing["period_end"]
        )
        entries = _entries_for(session, ("invoice", "credit_note"), [i["id"] for i in invoices])
        entries += _entries_for(session, ("payment",), [p["id"] for p in payments])
        entries += _entries_for(session, ("closing",), [closing_id])
        previous_closing = session.execute(
            select(_CLOSING.c.id)
            .where(_CLOSING.c.kind == closing["kind"], _CLOSING.c.id < closing_id)
            .order_by(_CLOSING.c.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        previous_footprint = None
        if previous_closing is not None:
            previous_footprint = session.execute(
                select(_ENTRY.c.footprint).where(
                    _ENTRY.c.record_kind == "closing", _ENTRY.c.record_id == previous_closing
                )
            ).scalar_one_or_none()
        structure_name = session.scalar(select(Structure.name).where(Structure.id == 1)) or ""
        cash = closing_cash(session, closing)
    entries.sort(key=lambda e: e["id"])
    closing_footprint = next(
        (e["footprint"] for e in entries if e["record_kind"] == "closing"), None
    )
    documents = {
        "closing": closing_content(closing),
        "invoices": [invoice_content(inv, lines.get(inv["id"], [])) for inv in invoices],
        "payments": [payment_content(p) for p in payments],
    }
    files: dict[str, bytes] = {
        "documents.json": _json_bytes(documents),
        "chain.json": _json_bytes([_entry_json(e) for e in entries]),
    }
    pdfs, note = _render_pdfs(db, invoices)
    files.update(pdfs)
    try:
        files[CLOSING_PDF] = _closing_pdf(closing, closing_footprint, structure_name, cash)
    except ImportError as exc:
        note = (note + " " if note else "") + f"PDF de clôture non inclus ({exc.name})."
    manifest = {
        "format": ARCHIVE_FORMAT,
        "closing": {
            "id": closing_id,
            "kind": closing["kind"],
            "period_start": closing["period_start"].isoformat(),
            "period_end": closing["period_end"].isoformat(),
            "footprint": closing_footprint,
        },
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
        "previous_closing_id": previous_closing,
        "previous_closing_footprint": previous_footprint,
        "previous_archive_sha256": None
        if previous_closing is None
        else _previous_archive_checksum(path.parent, previous_closing),
        "note": note,
    }
    files["manifest.json"] = _json_bytes(manifest)
    stamp_time = to_local(closing["closed_at"]).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, files[name])
    write_private_bytes(path, buffer.getvalue())  # invoices with names: 0600 on POSIX


def verify_archive(path: str | Path) -> list[Finding]:
    """Check an archive on its own: file checksums, documents against their chained
    hashes, the chain links and the closing totals. Findings (worded by
    ``i18n.findings``); empty when sound."""
    path = Path(path)
    problems: list[Finding] = []
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return [Finding("archive_unreadable", {"name": path.name, "detail": str(exc)})]
    with zf:
        names = set(zf.namelist())
        try:
            manifest = json.loads(zf.read("manifest.json"))
        except (KeyError, ValueError):
            return [Finding("archive_no_manifest", {"name": path.name})]
        listed: dict[str, str] = manifest.get("files", {})
        for name in sorted(listed):
            if name not in names:
                problems.append(Finding("archive_file_missing", {"file": name}))
            elif hashlib.sha256(zf.read(name)).hexdigest() != listed[name]:
                problems.append(Finding("archive_file_modified", {"file": name}))
        for name in sorted(names - set(listed) - {"manifest.json"}):
            problems.append(Finding("archive_file_added", {"file": name}))
        try:
            documents = json.loads(zf.read("documents.json"))
            chain = json.loads(zf.read("chain.json"))
        except (KeyError, ValueError):
            return [*problems, Finding("archive_no_documents")]
    hashes = {(e["record_kind"], e["record_id"]): e["content_hash"] for e in chain}
    for entry in chain:
        try:
            # "at" is the canonical text of the sealing time: sealed as it reads
            footprint = entry_footprint(
                int(entry.get("version", 1)),
                entry["previous_footprint"],
                entry["content_hash"],
                entry["at"],
                entry["record_kind"],
                entry["record_id"],
            )
        except (KeyError, TypeError, ValueError):
            footprint = None
        if footprint != entry.get("footprint"):
            problems.append(Finding("archive_entry_forged", {"entry": entry["id"]}))
    for inv in documents.get("invoices", []):
        kind = "credit_note" if inv.get("kind") == "credit_note" else "invoice"
        if hashes.get((kind, inv.get("id"))) != content_hash(inv):
            document = {"kind": kind, "number": inv.get("number", "?")}
            problems.append(Finding("archive_modified", {"subject": document}))
    for pay in documents.get("payments", []):
        if hashes.get(("payment", pay.get("id"))) != content_hash(pay):
            payment = {"kind": "payment", "id": pay.get("id")}
            problems.append(Finding("archive_modified", {"subject": payment}))
    closing = documents.get("closing", {})
    if hashes.get(("closing", closing.get("id"))) != content_hash(closing):
        problems.append(Finding("archive_closing_modified"))
    else:
        invoices = documents.get("invoices", [])
        expected = period_totals(
            invoices,
            {inv["id"]: inv.get("lines", []) for inv in invoices},
            documents.get("payments", []),
        )
        if json.loads(closing.get("totals_json", "null")) != expected:
            problems.append(Finding("archive_closing_totals"))
    return problems
