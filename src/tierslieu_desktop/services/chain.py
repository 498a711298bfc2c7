"""The integrity chain's sealing (docs/legal-fr.md §1–4): canonical JSON, content hashes,
footprints and :func:`seal`. The checks, the closings and the labels are in
``services.billing.ledger``; this module sits below every service that writes a sealed
record (billing's documents and payments, pricing's wallet movements).

Every sealed record gets an ``IntegrityEntry``: the SHA-256 of the record's canonical JSON
(as stored) and a footprint chained to the previous entry's. Version 1 entries (before
issue 13) chain the previous footprint and the content hash only; version 2 entries also
chain their sealing time, record kind and record id, so changing any of them is seen.

After the transaction that sealed something commits, the functions in
:data:`SEAL_LISTENERS` are called with the database (``services.safety.anchors`` copies the
new footprints to the anchor log outside the file); see ``Database.write``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tierslieu_desktop.db.audit import value_digest as audit_value_digest
from tierslieu_desktop.db.engine import BEFORE_COMMIT, Database
from tierslieu_desktop.db.models import (
    AuditEntry,
    Closing,
    IntegrityEntry,
    Invoice,
    InvoiceLine,
    Payment,
    WalletMovement,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local

GENESIS = "0" * 64
_CHAIN_LOCK = 4640_0005  # PostgreSQL advisory lock key of the chain
# "audit": the audit trail's rows up to ``record_id`` since the previous "audit" entry
# (each finished day sealed at the first write after it: :func:`seal_audit_days`)
RECORD_KINDS = ("invoice", "credit_note", "payment", "closing", "wallet", "audit")
ENTRY_VERSION = 2  # the footprint formula of new entries

# Called after a write transaction that sealed at least one record has committed.
SEAL_LISTENERS: list[Callable[[Database], None]] = []


# --- canonical JSON ---------------------------------------------------------------------


def canon_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        elif value.tzinfo is not UTC:
            value = value.astimezone(UTC)
        if value.year < 1000:  # strftime's %Y is not zero-padded there: same bytes as ever
            return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        # "%Y-%m-%dT%H:%M:%S.%fZ", written directly (verify formats one per entry)
        return (
            f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:"
            f"{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}Z"
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):  # never stored for money; keep it exact if it ever is
        return repr(value)
    return value


def _canon_utc(value: datetime) -> Any:
    """``canon_value`` of an aware UTC datetime from year 1000 on (every one read from
    the database): its ISO form with microseconds, "+00:00" written "Z"."""
    if value.tzinfo is UTC and value.year >= 1000:
        return value.isoformat(timespec="microseconds")[:-6] + "Z"
    return canon_value(value)


# The types ``canon_value`` returns unchanged: most values of a row.
_AS_IS = frozenset({int, str, bool, type(None)})
# ``canon_value`` by exact type for the others a row holds; any other type (a subclass, a
# driver's own) goes through ``canon_value`` itself: the same bytes either way.
_CANON_OF_TYPE: dict[type, Callable[[Any], Any]] = {
    datetime: _canon_utc,
    date: date.isoformat,
    float: repr,
}


def _canon_row(row: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The row's canonical dict (``canon_value`` of every value; ``member_id`` becomes
    ``member_ref``). Verify canonicalises every sealed row: the row is copied whole and
    only its values of another type than int, str, bool or None are converted."""
    out = dict(row)
    for key in drop:
        out.pop(key, None)
    if "member_id" in out:
        # docs/legal-fr.md §7: the member is referred to by a hash of their id, never a name
        # (anonymising a member never breaks a chain).
        member_id = out.pop("member_id")
        out["member_ref"] = None if member_id is None else _member_ref(member_id)
    for key in [k for k, v in out.items() if type(v) not in _AS_IS]:
        value = out[key]
        out[key] = _CANON_OF_TYPE.get(type(value), canon_value)(value)
    return out


def _member_ref(member_id: int) -> str:
    return hashlib.sha256(f"member:{int(member_id)}".encode()).hexdigest()


# What ``json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``
# builds on every call, built once.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(content: dict[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same content always gives the same bytes."""
    return _ENCODER.encode(content).encode("utf-8")


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def chain_footprint(previous: str, content_hash_hex: str) -> str:
    """The version 1 footprint: the previous footprint and the content hash only."""
    return hashlib.sha256((previous + content_hash_hex).encode("ascii")).hexdigest()


def entry_footprint(
    version: int,
    previous: str,
    content_hash_hex: str,
    at: datetime,
    record_kind: str,
    record_id: int,
) -> str:
    """The footprint of an entry of ``version``: version 2 also seals the sealing time
    ``at``, the record kind and the record id."""
    if version == 1:
        return chain_footprint(previous, content_hash_hex)
    if version != 2:
        raise ValueError(f"unknown entry version: {version}")
    return hashlib.sha256(
        _v2_payload(previous, content_hash_hex, at, record_kind, record_id)
    ).hexdigest()


_PLAIN = re.compile(r"[0-9A-Za-z_.:\-]*")  # nothing canonical JSON would escape


def _v2_payload(
    previous: str, content_hash_hex: str, at: datetime, record_kind: str, record_id: int
) -> bytes:
    """``canonical_json`` of the version 2 fields, written directly (10× faster: verify
    recomputes one per entry). Equal to ``canonical_json`` for these values (hex digits,
    an ISO time, a record kind: no character JSON escapes); anything else goes through
    ``canonical_json``."""
    when = canon_value(at)
    if all(map(_PLAIN.fullmatch, (previous, content_hash_hex, when, record_kind))):
        return (
            f'{{"at":"{when}","content_hash":"{content_hash_hex}","previous":"{previous}",'
            f'"record_id":{int(record_id)},"record_kind":"{record_kind}","v":2}}'
        ).encode("ascii")
    return canonical_json(
        {
            "v": 2,
            "previous": previous,
            "content_hash": content_hash_hex,
            "at": when,
            "record_kind": record_kind,
            "record_id": int(record_id),
        }
    )


def invoice_content(invoice_row: Any, line_rows: list[Any]) -> dict[str, Any]:
    content = _canon_row(invoice_row)
    lines = sorted((_canon_row(r) for r in line_rows), key=lambda r: (r["position"], r["id"]))
    content["lines"] = lines
    return content


def payment_content(row: Any) -> dict[str, Any]:
    return _canon_row(row)


def closing_content(row: Any) -> dict[str, Any]:
    return _canon_row(row)


_INVOICE = Invoice.__table__
_LINE = InvoiceLine.__table__
_PAYMENT = Payment.__table__
_CLOSING = Closing.__table__
_WALLET = WalletMovement.__table__
_ENTRY = IntegrityEntry.__table__
_AUDIT = AuditEntry.__table__
TABLE_OF_KIND = {"payment": _PAYMENT, "closing": _CLOSING, "wallet": _WALLET}


def record_content(session: Session, record_kind: str, record_id: int) -> dict[str, Any] | None:
    """The canonical content of one record as stored (None when the row is gone)."""
    if record_kind == "audit":
        first = _audit_sealed_through(session, before=record_id)
        rows = session.execute(
            select(_AUDIT)
            .where(_AUDIT.c.id > first, _AUDIT.c.id <= record_id)
            .order_by(_AUDIT.c.id)
        ).mappings()
        return audit_content(list(rows))
    if record_kind in ("invoice", "credit_note"):
        row = session.execute(select(_INVOICE).where(_INVOICE.c.id == record_id)).mappings().first()
        if row is None:
            return None
        lines = (
            session.execute(select(_LINE).where(_LINE.c.invoice_id == record_id)).mappings().all()
        )
        return invoice_content(row, list(lines))
    table = TABLE_OF_KIND.get(record_kind)
    if table is None:
        raise ValueError(f"unknown record kind: {record_kind}")
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return None if row is None else _canon_row(row)


def _sealed_changes(text: str) -> Any:
    try:
        data = json.loads(text)
    except ValueError:
        return text  # not ours: sealed as written
    if not isinstance(data, dict):
        return text
    return {
        key: [audit_value_digest(v) for v in pair] if isinstance(pair, list) else pair
        for key, pair in data.items()
    }


def audit_content(rows: list[Any]) -> dict[str, Any]:
    """The canonical content of a run of audit rows (in id order): each row whole, the
    values of its changes by their digest (:func:`audit_value_digest`), so that personal
    data can later be erased from the journal without breaking the chain."""
    out = []
    for row in rows:
        content = _canon_row(row)
        content["changes"] = _sealed_changes(str(content.get("changes", "")))
        out.append(content)
    return {"audit": out}


def _audit_sealed_through(session: Session, before: int | None = None) -> int:
    """The last audit row id sealed (by an "audit" entry below ``before``), 0 if none."""
    query = select(func.max(_ENTRY.c.record_id)).where(_ENTRY.c.record_kind == "audit")
    if before is not None:
        query = query.where(_ENTRY.c.record_id < before)
    return int(session.execute(query).scalar_one_or_none() or 0)


def seal_audit_days(session: Session) -> None:
    """Seal into the chain the audit rows of the days before today not sealed yet (one
    entry covering them all); run before each audited commit, checked once a day per
    open database."""
    db = session.info.get("database")
    today = to_local(utcnow()).date()
    if db is None or getattr(db, "audit_sealed_day", None) == today:
        return
    midnight = local_day_bounds(today)[0]
    through = _audit_sealed_through(session)
    last = session.execute(
        select(func.max(_AUDIT.c.id)).where(_AUDIT.c.at < midnight, _AUDIT.c.id > through)
    ).scalar_one_or_none()
    if last is not None:
        seal(session, "audit", int(last), utcnow())

    def done() -> None:  # once committed: a rolled-back seal is tried again
        db.audit_sealed_day = today

    session.info.setdefault("after_commit", []).append(done)


BEFORE_COMMIT.append(seal_audit_days)


# --- sealing ------------------------------------------------------------------------------


def _last_footprint(session: Session) -> str:
    last = session.execute(
        select(_ENTRY.c.footprint).order_by(_ENTRY.c.id.desc()).limit(1)
    ).scalar_one_or_none()
    return last or GENESIS


def seal(session: Session, record_kind: str, record_id: int, at: datetime) -> str:
    """Append the record to the chain; call inside the issuing transaction after flush.

    Returns the new footprint. Once the transaction commits, :data:`SEAL_LISTENERS` run
    (the anchor log outside the database)."""
    if record_kind not in RECORD_KINDS:
        raise ValueError(f"unknown record kind: {record_kind}")
    session.flush()
    content = record_content(session, record_kind, record_id)
    if content is None:
        raise ValueError(f"{record_kind} {record_id} not found (flush before sealing)")
    digest = content_hash(content)
    if session.get_bind().dialect.name == "postgresql":
        # one sealer at a time (SQLite writers are already serialised by BEGIN IMMEDIATE)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})
    previous = _last_footprint(session)
    # the footprint seals ``at`` as it reads back from the database (microseconds, UTC)
    at = at.astimezone(UTC) if at.tzinfo is not None else at.replace(tzinfo=UTC)
    footprint = entry_footprint(ENTRY_VERSION, previous, digest, at, record_kind, record_id)
    session.add(
        IntegrityEntry(
            record_kind=record_kind,
            record_id=record_id,
            at=at,
            content_hash=digest,
            previous_footprint=previous,
            footprint=footprint,
            version=ENTRY_VERSION,
        )
    )
    session.flush()
    _after_commit(session)
    return footprint


def _after_commit(session: Session) -> None:
    """Ask ``Database.write`` to run the seal listeners once, after its commit."""
    db = session.info.get("database")
    if db is None or session.info.get("seal_listeners_queued"):
        return
    session.info["seal_listeners_queued"] = True
    hooks = session.info.setdefault("after_commit", [])
    for listener in SEAL_LISTENERS:
        hooks.append(lambda listener=listener: listener(db))
