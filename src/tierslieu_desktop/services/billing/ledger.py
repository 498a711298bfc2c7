"""The integrity chain, period closings and the ledger check (docs/legal-fr.md §1–4); the
archives of closed periods are in services.billing.archives.

Every issued document (invoice, credit note), payment and closing is *sealed*: an
``IntegrityEntry`` records the SHA-256 of the record's canonical JSON (as stored) and a
footprint chained to the previous entry. ``verify_ledger`` recomputes everything and names
the first broken document.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import FromClause, Row, select, text
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    AuditEntry,
    Closing,
    DocumentCounter,
    IntegrityEntry,
    Invoice,
    InvoiceLine,
    Payment,
    WalletMovement,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.findings import Finding
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded

# The sealing itself lives in services.chain (pricing seals wallet movements too); its
# names stay importable from here.
from tierslieu_desktop.services.chain import (
    _CHAIN_LOCK as _CHAIN_LOCK,
)
from tierslieu_desktop.services.chain import (
    ENTRY_VERSION as ENTRY_VERSION,
)
from tierslieu_desktop.services.chain import (
    GENESIS as GENESIS,
)
from tierslieu_desktop.services.chain import (
    RECORD_KINDS as RECORD_KINDS,
)
from tierslieu_desktop.services.chain import (
    _canon_row as _canon_row,
)
from tierslieu_desktop.services.chain import (
    _last_footprint as _last_footprint,
)
from tierslieu_desktop.services.chain import (
    _member_ref as _member_ref,
)
from tierslieu_desktop.services.chain import (
    audit_content as audit_content,
)
from tierslieu_desktop.services.chain import (
    canon_value as canon_value,
)
from tierslieu_desktop.services.chain import (
    canonical_json as canonical_json,
)
from tierslieu_desktop.services.chain import (
    chain_footprint as chain_footprint,
)
from tierslieu_desktop.services.chain import (
    closing_content as closing_content,
)
from tierslieu_desktop.services.chain import (
    content_hash as content_hash,
)
from tierslieu_desktop.services.chain import (
    entry_footprint as entry_footprint,
)
from tierslieu_desktop.services.chain import (
    invoice_content as invoice_content,
)
from tierslieu_desktop.services.chain import (
    payment_content as payment_content,
)
from tierslieu_desktop.services.chain import (
    record_content as record_content,
)
from tierslieu_desktop.services.chain import (
    seal as seal,
)

_INVOICE = Invoice.__table__
_LINE = InvoiceLine.__table__
_PAYMENT = Payment.__table__
_CLOSING = Closing.__table__
_WALLET = WalletMovement.__table__
_ENTRY = IntegrityEntry.__table__
_AUDIT = AuditEntry.__table__


def ensure_open(session: Session, day: date) -> None:
    """Refuse writing a document dated ``day`` (its local day, Europe/Paris) when a
    closing covers that day."""
    covered = session.execute(
        select(Closing.id).where(Closing.period_start <= day, Closing.period_end >= day).limit(1)
    ).scalar_one_or_none()
    if covered is not None:
        raise DomainError("period_closed", day=day)


# --- labels -------------------------------------------------------------------------------


def _local_day(value: datetime) -> date:
    return to_local(value).date()


def closing_label(kind: str, start: date) -> str:
    if kind == "day":
        return f"Clôture du jour {start:%d/%m/%Y}"
    if kind == "month":
        return f"Clôture du mois {start:%m/%Y}"
    return f"Clôture de l'année {start:%Y}"


def doc_label(kind: str, number: str) -> str:
    return f"Avoir {number}" if kind == "credit_note" else f"Facture {number}"


# --- closings -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClosingSummary:
    """A line of the list of closings (its totals are read with ``closing``)."""

    id: int
    kind: str
    period_start: date
    period_end: date
    closed_at: datetime
    total_incl_cents: int
    perpetual_total_cents: int


@dataclass(frozen=True)
class ClosingRow:
    id: int
    kind: str
    period_start: date
    period_end: date
    closed_at: datetime
    total_incl_cents: int
    perpetual_total_cents: int
    totals: dict[str, Any]


def period_bounds(kind: str, start: date) -> tuple[date, date]:
    """First and last day of the period of ``kind`` containing ``start``."""
    if kind == "day":
        return start, start
    if kind == "month":
        first = start.replace(day=1)
        nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    if kind == "year":
        return date(start.year, 1, 1), date(start.year, 12, 31)
    raise ValidationError({"kind": "invalid"})


def period_totals(
    invoices: list[Any], lines_by_invoice: dict[int, list[Any]], payments: list[Any]
) -> dict[str, Any]:
    """Totals of the documents of one period (``invoices`` and ``payments`` already filtered)."""
    docs = {
        "invoice": {"count": 0, "total_excl_cents": 0, "total_vat_cents": 0, "total_incl_cents": 0},
        "credit_note": {
            "count": 0,
            "total_excl_cents": 0,
            "total_vat_cents": 0,
            "total_incl_cents": 0,
        },
    }
    vat: dict[str, dict[str, int]] = {}
    numbers: dict[str, list[str]] = {"invoice": [], "credit_note": []}
    for inv in invoices:
        kind = "credit_note" if inv["kind"] == "credit_note" else "invoice"
        sign = -1 if kind == "credit_note" else 1
        bucket = docs[kind]
        bucket["count"] += 1
        # credit notes count against the net whatever sign they are stored with
        bucket["total_excl_cents"] += abs(inv["total_excl_cents"])
        bucket["total_vat_cents"] += abs(inv["total_vat_cents"])
        bucket["total_incl_cents"] += abs(inv["total_incl_cents"])
        numbers[kind].append(inv["number"])
        for line in lines_by_invoice.get(inv["id"], []):
            rate = vat.setdefault(str(line["vat_rate_bp"]), {"base_excl_cents": 0, "vat_cents": 0})
            rate["base_excl_cents"] += sign * abs(line["total_excl_cents"])
            rate["vat_cents"] += sign * abs(line["vat_cents"])
    by_method: dict[str, int] = {}
    for pay in payments:
        by_method[pay["method"]] = by_method.get(pay["method"], 0) + pay["amount_cents"]
    net = docs["invoice"]["total_incl_cents"] - docs["credit_note"]["total_incl_cents"]
    return {
        "invoices": docs["invoice"],
        "credit_notes": docs["credit_note"],
        "net_incl_cents": net,
        "net_excl_cents": docs["invoice"]["total_excl_cents"]
        - docs["credit_note"]["total_excl_cents"],
        "vat_by_rate": vat,
        "payments_by_method": by_method,
        "payments_total_cents": sum(by_method.values()),
        "invoice_numbers": [min(numbers["invoice"]), max(numbers["invoice"])]
        if numbers["invoice"]
        else [],
        "credit_note_numbers": [min(numbers["credit_note"]), max(numbers["credit_note"])]
        if numbers["credit_note"]
        else [],
    }


def period_documents(
    session: Session, first: date, last: date
) -> tuple[list[Any], dict[int, list[Any]], list[Any]]:
    lo, _ = local_day_bounds(first)
    _, hi = local_day_bounds(last)
    invoices = (
        session.execute(
            select(_INVOICE)
            .where(_INVOICE.c.issued_at >= lo, _INVOICE.c.issued_at < hi)
            .order_by(_INVOICE.c.issued_at, _INVOICE.c.id)
        )
        .mappings()
        .all()
    )
    ids = [inv["id"] for inv in invoices]
    lines: dict[int, list[Any]] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for line in session.execute(select(_LINE).where(_LINE.c.invoice_id.in_(chunk))).mappings():
            lines.setdefault(line["invoice_id"], []).append(line)
    payments = (
        session.execute(
            select(_PAYMENT)
            .where(_PAYMENT.c.at >= lo, _PAYMENT.c.at < hi)
            .order_by(_PAYMENT.c.at, _PAYMENT.c.id)
        )
        .mappings()
        .all()
    )
    return list(invoices), lines, list(payments)


@guarded(Permission.CLOSINGS)
def close_period(
    db: Database, actor: int | None, kind: str, start: date, *, now: datetime | None = None
) -> int:
    """Close a day, month or year: store its totals and the perpetual grand total, sealed.

    Refuses a period that is not over yet (a day can be closed on the evening itself)
    and a period already closed with the same kind."""
    first, last = period_bounds(kind, start)
    now = now or utcnow()
    if last > _local_day(now):
        raise DomainError("closing_future", kind=kind, start=first, end=last)
    with db.write() as session:
        exists = session.execute(
            select(Closing.id).where(Closing.kind == kind, Closing.period_start == first)
        ).scalar_one_or_none()
        if exists is not None:
            raise DomainError("closing_exists", kind=kind, start=first, end=last)
        invoices, lines, payments = period_documents(session, first, last)
        totals = period_totals(invoices, lines, payments)
        previous = session.execute(
            select(Closing.perpetual_total_cents)
            .where(Closing.kind == kind)
            .order_by(Closing.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        net = totals["net_incl_cents"]
        closing = Closing(
            kind=kind,
            period_start=first,
            period_end=last,
            closed_at=now,
            totals_json=json.dumps(totals, sort_keys=True, ensure_ascii=False),
            total_incl_cents=net,
            perpetual_total_cents=(previous or 0) + net,
            operator_id=actor,
        )
        session.add(closing)
        session.flush()
        seal(session, "closing", closing.id, now)
        return closing.id


def _closing_row(c: Closing) -> ClosingRow:
    return ClosingRow(
        id=c.id,
        kind=c.kind,
        period_start=c.period_start,
        period_end=c.period_end,
        closed_at=c.closed_at,
        total_incl_cents=c.total_incl_cents,
        perpetual_total_cents=c.perpetual_total_cents,
        totals=json.loads(c.totals_json),
    )


@guarded(Permission.CLOSINGS)
def list_closings(db: Database) -> list[ClosingSummary]:
    """Every closing, most recent period first: the columns of the list only (a decade of
    day closings is ~3,800 rows; their totals, parsed, held 24 MB for nothing)."""
    with db.read() as session:
        return [
            ClosingSummary(*row)
            for row in session.execute(
                select(
                    Closing.id,
                    Closing.kind,
                    Closing.period_start,
                    Closing.period_end,
                    Closing.closed_at,
                    Closing.total_incl_cents,
                    Closing.perpetual_total_cents,
                ).order_by(Closing.period_start.desc(), Closing.kind, Closing.id.desc())
            )
        ]


@guarded(Permission.CLOSINGS)
def closing(db: Database, closing_id: int) -> ClosingRow:
    """One closing with its totals (invoices, credit notes, VAT by rate, payments by
    method)."""
    with db.read() as session:
        found = session.get(Closing, closing_id)
        if found is None:
            raise NotFound("closing", closing_id)
        return _closing_row(found)


# --- verification -------------------------------------------------------------------------

MAX_LISTED = 20


def _dicts(session: Session, table: FromClause) -> list[dict[str, Any]]:
    """Every row of ``table`` as a plain dict (built from the row tuples: the canonical
    content of each is computed from it, far faster than from a RowMapping)."""
    result = session.execute(select(table))
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def verify_ledger(db: Database, footprints: dict[int, str] | None = None) -> list[Finding]:
    """Recompute the chain, the numbering and the closings; findings (worded by
    ``i18n.findings``), the first broken document first (empty when everything is sound).
    ``footprints``, when given, receives each entry's id → footprint as read here, for
    the comparison with the anchor logs (services.safety.anchors.compare) to use rather
    than read the whole chain again."""
    with db.read() as session:
        invoices = {r["id"]: r for r in _dicts(session, _INVOICE)}
        lines: dict[int, list[Any]] = {}
        for line in _dicts(session, _LINE):
            lines.setdefault(line["invoice_id"], []).append(line)
        payments = {r["id"]: r for r in _dicts(session, _PAYMENT)}
        closings = {r["id"]: r for r in _dicts(session, _CLOSING)}
        wallets = {r["id"]: r for r in _dicts(session, _WALLET)}
        audit_rows = sorted(_dicts(session, _AUDIT), key=lambda r: int(r["id"]))
        entries = session.execute(select(_ENTRY).order_by(_ENTRY.c.id)).mappings().all()
        if footprints is not None:
            footprints.update((e["id"], e["footprint"]) for e in entries)
        counters = session.execute(
            select(DocumentCounter.series, DocumentCounter.period, DocumentCounter.last_value)
        ).all()
        triggers = missing_triggers(session)

    def label(kind: str, record_id: int) -> dict[str, Any]:
        """The document of an entry, as ``i18n.findings.subject`` names it."""
        if kind == "audit":
            return {"kind": "audit", "id": record_id}
        if kind in ("invoice", "credit_note"):
            inv = invoices.get(record_id)
            if inv is not None:
                return {"kind": inv["kind"], "number": inv["number"]}
            return {"kind": kind, "id": record_id}
        if kind == "payment":
            pay = payments.get(record_id)
            if pay is not None:
                inv = invoices.get(pay["invoice_id"])
                if inv is not None:
                    return {
                        "kind": "payment",
                        "id": record_id,
                        "doc": inv["kind"],
                        "number": inv["number"],
                        "at": pay["at"],
                    }
                return {"kind": "payment", "id": record_id, "at": pay["at"]}
            return {"kind": "payment", "id": record_id}
        if kind == "wallet":
            move = wallets.get(record_id)
            if move is not None:
                return {"kind": "wallet", "id": record_id, "at": move["at"]}
            return {"kind": "wallet", "id": record_id}
        row = closings.get(record_id)
        if row is not None:
            return {"kind": "closing", "period": row["kind"], "start": row["period_start"]}
        return {"kind": "closing", "id": record_id}

    documents: list[Finding] = []  # one problem per document, in chain order
    chain: list[Finding] = []
    sealed: dict[str, set[int]] = {
        "invoice": set(),
        "payment": set(),
        "closing": set(),
        "wallet": set(),
        "audit": set(),
    }
    audit_ids = [r["id"] for r in audit_rows]
    audit_through = 0  # the last audit row sealed by the entries read so far
    previous = GENESIS
    newest_version = 1
    for entry in entries:
        kind, record_id = entry["record_kind"], entry["record_id"]
        group = "invoice" if kind in ("invoice", "credit_note") else kind
        sealed[group].add(record_id)
        if entry["previous_footprint"] != previous:
            chain.append(
                Finding("chain_broken", {"entry": entry["id"], "subject": label(kind, record_id)})
            )
        version = entry["version"]
        if version not in (1, 2) or version < newest_version:
            # an entry sealed by this version of the app is never turned into an older one
            chain.append(
                Finding("entry_version", {"entry": entry["id"], "subject": label(kind, record_id)})
            )
        else:
            newest_version = version
            if (
                entry_footprint(
                    version,
                    entry["previous_footprint"],
                    entry["content_hash"],
                    entry["at"],
                    kind,
                    record_id,
                )
                != entry["footprint"]
            ):
                chain.append(
                    Finding(
                        "entry_forged",
                        {
                            "entry": entry["id"],
                            "subject": label(kind, record_id),
                            "version": version,
                        },
                    )
                )
        previous = entry["footprint"]
        if group == "invoice":
            inv = invoices.get(record_id)
            if inv is not None and inv["kind"] != kind:
                # the kind is in no hash: seal() always records the document's own kind
                chain.append(
                    Finding("entry_kind", {"entry": entry["id"], "subject": label(kind, record_id)})
                )
            content = None if inv is None else invoice_content(inv, lines.get(record_id, []))
        elif group == "payment":
            pay = payments.get(record_id)
            content = None if pay is None else _canon_row(pay)
        elif group == "wallet":
            move = wallets.get(record_id)
            content = None if move is None else _canon_row(move)
        elif group == "audit":
            run = audit_rows[
                bisect_right(audit_ids, audit_through) : bisect_right(audit_ids, record_id)
            ]
            audit_through = max(audit_through, record_id)
            content = audit_content(run) if run else None
        else:
            clo = closings.get(record_id)
            content = None if clo is None else _canon_row(clo)
        if content is None:
            documents.append(
                Finding(
                    "document_deleted",
                    {"subject": label(kind, record_id), "sealed_at": entry["at"]},
                )
            )
        elif content_hash(content) != entry["content_hash"]:
            documents.append(
                Finding(
                    "closing_modified"
                    if group == "closing"
                    else "audit_modified"
                    if group == "audit"
                    else "document_modified",
                    {"subject": label(kind, record_id)},
                )
            )

    # rows that never were sealed, or whose entry was removed
    unsealed: list[tuple[datetime, dict[str, Any]]] = []
    for inv_id, inv in invoices.items():
        if inv_id not in sealed["invoice"]:
            unsealed.append((inv["issued_at"], label(inv["kind"], inv_id)))
    for pay_id, pay in payments.items():
        if pay_id not in sealed["payment"]:
            unsealed.append((pay["at"], label("payment", pay_id)))
    for clo_id, clo in closings.items():
        if clo_id not in sealed["closing"]:
            unsealed.append((clo["closed_at"], label("closing", clo_id)))
    for move_id, move in wallets.items():
        if move_id not in sealed["wallet"]:
            unsealed.append((move["at"], label("wallet", move_id)))
    unsealed.sort(key=lambda item: item[0])
    documents.extend(Finding("document_unsealed", {"subject": s}) for _at, s in unsealed)

    numbering = _check_numbering(invoices, counters)
    closing_problems = _check_closings(invoices, lines, payments, closings)
    problems = documents + numbering + closing_problems + chain + triggers
    if len(problems) > MAX_LISTED:
        extra = len(problems) - MAX_LISTED
        problems = problems[:MAX_LISTED] + [Finding("ledger_more", {"count": extra})]
    return problems


# The protective triggers (migrations 0004 and 0007): issued records never updated nor
# deleted. SQLite: one per table and action; PostgreSQL: one per table.
SEALED_TABLES = (
    "invoice",
    "invoice_line",
    "payment",
    "closing",
    "integrity_entry",
    "wallet_movement",
)


# Insert-only tables (migration 0013): the bank deposits (services.billing.deposits).
# The audit trail (migration 0021): services.chain seals each finished day of it.
INSERT_ONLY_TABLES = ("bank_deposit", "bank_deposit_cheque", "audit_entry")


def expected_triggers(dialect: str) -> list[tuple[str, str]]:
    """(table, trigger name) of every protective trigger."""
    actions = ("update", "delete")
    if dialect == "sqlite":
        return [(t, f"sealed_{t}_{a}") for t in SEALED_TABLES for a in actions] + [
            (t, f"insert_only_{t}_{a}") for t in INSERT_ONLY_TABLES for a in actions
        ]
    return [(t, f"sealed_{t}") for t in SEALED_TABLES] + [
        (t, f"insert_only_{t}") for t in INSERT_ONLY_TABLES
    ]


def missing_triggers(session: Session) -> list[Finding]:
    """One finding per protective trigger that is gone (SQLite's sqlite_master, or
    PostgreSQL's pg_trigger, a disabled trigger counting as gone); another database is
    not checked."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        rows = session.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    elif dialect == "postgresql":
        rows = session.execute(
            text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")
        )
    else:
        return []
    present = {r[0] for r in rows}
    return [
        Finding("trigger_missing", {"table": table, "trigger": name})
        for table, name in expected_triggers(dialect)
        if name not in present
    ]


def _check_numbering(
    invoices: dict[int, Any], counters: Sequence[Row[str, str, int]]
) -> list[Finding]:
    """Each series and period: counters 1..last with no gap and no duplicate."""
    series: dict[tuple[str, str], dict[int, list[str]]] = {}
    kinds: dict[tuple[str, str], str] = {}
    for inv in invoices.values():
        key = (inv["series"], inv["period"])
        series.setdefault(key, {}).setdefault(inv["counter"], []).append(inv["number"])
        kinds[key] = inv["kind"]
    last_taken = {(s, p): v for s, p, v in counters}
    problems: list[Finding] = []
    for key in sorted(set(series) | set(last_taken)):
        taken = series.get(key, {})
        what = (
            "credit_note"
            if kinds.get(key) == "credit_note" or key[0] == "credit_note"
            else "invoice"
        )
        name = {"series": what, "period": key[1]}
        for counter in sorted(taken):
            if len(taken[counter]) > 1:
                problems.append(
                    Finding("number_duplicate", {**name, "numbers": list(taken[counter])})
                )
        top = max([last_taken.get(key, 0), *taken])
        missing = [c for c in range(1, top + 1) if c not in taken]
        for counter in missing[:MAX_LISTED]:
            before = max((c for c in taken if c < counter), default=None)
            after = min((c for c in taken if c > counter), default=None)
            problems.append(
                Finding(
                    "number_missing",
                    {
                        **name,
                        "counter": counter,
                        "after": None if before is None else taken[before][0],
                        "before": None if after is None else taken[after][0],
                    },
                )
            )
    return problems


def _check_closings(
    invoices: dict[int, Any],
    lines: dict[int, list[Any]],
    payments: dict[int, Any],
    closings: dict[int, Any],
) -> list[Finding]:
    """Recompute every closing's totals from the documents and the perpetual totals."""
    problems: list[Finding] = []
    inv_days = sorted(
        ((_local_day(inv["issued_at"]), inv["id"], inv) for inv in invoices.values()),
        key=lambda t: (t[0], t[1]),
    )
    pay_days = sorted(
        ((_local_day(pay["at"]), pay["id"], pay) for pay in payments.values()),
        key=lambda t: (t[0], t[1]),
    )
    inv_keys = [t[0] for t in inv_days]
    pay_keys = [t[0] for t in pay_days]
    perpetual: dict[str, int] = {}
    for clo_id in sorted(closings):
        clo = closings[clo_id]
        name = {"subject": {"kind": "closing", "period": clo["kind"], "start": clo["period_start"]}}
        first, last = clo["period_start"], clo["period_end"]
        invs = [t[2] for t in inv_days[bisect_left(inv_keys, first) : bisect_right(inv_keys, last)]]
        pays = [t[2] for t in pay_days[bisect_left(pay_keys, first) : bisect_right(pay_keys, last)]]
        expected = period_totals(invs, lines, pays)
        try:
            stored = json.loads(clo["totals_json"])
        except ValueError:
            stored = None
        if stored != expected or clo["total_incl_cents"] != expected["net_incl_cents"]:
            problems.append(Finding("closing_totals", name))
        expected_perpetual = perpetual.get(clo["kind"], 0) + clo["total_incl_cents"]
        if clo["perpetual_total_cents"] != expected_perpetual:
            problems.append(Finding("closing_perpetual", name))
        perpetual[clo["kind"]] = clo["perpetual_total_cents"]
    return problems
