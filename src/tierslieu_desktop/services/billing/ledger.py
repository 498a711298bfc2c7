"""The integrity chain, period closings and the ledger check (docs/legal-fr.md §1–4); the
archives of closed periods are in services.billing.archives.

Every issued document (invoice, credit note), payment and closing is *sealed*: an
``IntegrityEntry`` records the SHA-256 of the record's canonical JSON (as stored) and a
footprint chained to the previous entry. ``verify_ledger`` recomputes everything and names
the first broken document.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, select, text
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Closing,
    DocumentCounter,
    IntegrityEntry,
    Invoice,
    InvoiceLine,
    Payment,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.errors import DomainError, ValidationError

GENESIS = "0" * 64
_CHAIN_LOCK = 4640_0005  # PostgreSQL advisory lock key of the chain
RECORD_KINDS = ("invoice", "credit_note", "payment", "closing")


# --- canonical JSON ---------------------------------------------------------------------


def canon_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):  # never stored for money; keep it exact if it ever is
        return repr(value)
    return value


def _canon_row(row: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in dict(row).items():
        if key in drop:
            continue
        if key == "member_id":
            # docs/legal-fr.md §7: the member is referred to by a hash of their id, never a name
            # (anonymising a member never breaks a chain).
            value = None if value is None else _member_ref(value)
            key = "member_ref"
        out[key] = canon_value(value)
    return out


def _member_ref(member_id: int) -> str:
    return hashlib.sha256(f"member:{int(member_id)}".encode()).hexdigest()


def canonical_json(content: dict[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same content always gives the same bytes."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def chain_footprint(previous: str, content_hash_hex: str) -> str:
    return hashlib.sha256((previous + content_hash_hex).encode("ascii")).hexdigest()


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
_ENTRY = IntegrityEntry.__table__


def record_content(session: Session, record_kind: str, record_id: int) -> dict[str, Any] | None:
    """The canonical content of one record as stored (None when the row is gone)."""
    if record_kind in ("invoice", "credit_note"):
        row = session.execute(select(_INVOICE).where(_INVOICE.c.id == record_id)).mappings().first()
        if row is None:
            return None
        lines = (
            session.execute(select(_LINE).where(_LINE.c.invoice_id == record_id)).mappings().all()
        )
        return invoice_content(row, list(lines))
    table = {"payment": _PAYMENT, "closing": _CLOSING}.get(record_kind)
    if table is None:
        raise ValueError(f"unknown record kind: {record_kind}")
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return None if row is None else _canon_row(row)


# --- sealing ------------------------------------------------------------------------------


def _last_footprint(session: Session) -> str:
    last = session.execute(
        select(_ENTRY.c.footprint).order_by(_ENTRY.c.id.desc()).limit(1)
    ).scalar_one_or_none()
    return last or GENESIS


def seal(session: Session, record_kind: str, record_id: int, at: datetime) -> str:
    """Append the record to the chain; call inside the issuing transaction after flush.

    Returns the new footprint."""
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
    footprint = chain_footprint(previous, digest)
    session.add(
        IntegrityEntry(
            record_kind=record_kind,
            record_id=record_id,
            at=at,
            content_hash=digest,
            previous_footprint=previous,
            footprint=footprint,
        )
    )
    session.flush()
    return footprint


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


def _closing_label(kind: str, start: date) -> str:
    if kind == "day":
        return f"Clôture du jour {start:%d/%m/%Y}"
    if kind == "month":
        return f"Clôture du mois {start:%m/%Y}"
    return f"Clôture de l'année {start:%Y}"


def doc_label(kind: str, number: str) -> str:
    return f"Avoir {number}" if kind == "credit_note" else f"Facture {number}"


# --- closings -----------------------------------------------------------------------------


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


def list_closings(db: Database) -> list[ClosingRow]:
    """Every closing, most recent period first."""
    with db.read() as session:
        rows = session.scalars(
            select(Closing).order_by(Closing.period_start.desc(), Closing.kind, Closing.id.desc())
        ).all()
        return [_closing_row(c) for c in rows]


# --- verification -------------------------------------------------------------------------

MAX_LISTED = 20


def _agree(subject: str, adjective: str) -> str:
    """French agreement: "Facture …" and "Clôture …" are feminine."""
    return adjective + "e" if subject.startswith(("Facture", "Clôture")) else adjective


def _fmt_at(value: datetime) -> str:
    return to_local(value).strftime("%d/%m/%Y %H:%M")


def verify_ledger(db: Database) -> list[str]:
    """Recompute the chain, the numbering and the closings; French sentences, the first
    broken document first (empty when everything is sound)."""
    with db.read() as session:
        invoices = {r["id"]: r for r in session.execute(select(_INVOICE)).mappings()}
        lines: dict[int, list[Any]] = {}
        for line in session.execute(select(_LINE)).mappings():
            lines.setdefault(line["invoice_id"], []).append(line)
        payments = {r["id"]: r for r in session.execute(select(_PAYMENT)).mappings()}
        closings = {r["id"]: r for r in session.execute(select(_CLOSING)).mappings()}
        entries = session.execute(select(_ENTRY).order_by(_ENTRY.c.id)).mappings().all()
        counters = session.execute(
            select(DocumentCounter.series, DocumentCounter.period, DocumentCounter.last_value)
        ).all()

    def label(kind: str, record_id: int) -> str:
        if kind in ("invoice", "credit_note"):
            inv = invoices.get(record_id)
            if inv is not None:
                return doc_label(inv["kind"], inv["number"])
            return ("Avoir" if kind == "credit_note" else "Facture") + f" (n° interne {record_id})"
        if kind == "payment":
            pay = payments.get(record_id)
            if pay is not None:
                inv = invoices.get(pay["invoice_id"])
                of = ""
                if inv is not None:
                    article = "de l'avoir" if inv["kind"] == "credit_note" else "de la facture"
                    of = f" {article} {inv['number']}"
                return f"Paiement n° {record_id}{of} du {_fmt_at(pay['at'])}"
            return f"Paiement n° {record_id}"
        row = closings.get(record_id)
        if row is not None:
            return _closing_label(row["kind"], row["period_start"])
        return f"Clôture n° {record_id}"

    documents: list[str] = []  # one problem per document, in chain order
    chain: list[str] = []
    sealed: dict[str, set[int]] = {"invoice": set(), "payment": set(), "closing": set()}
    previous = GENESIS
    for entry in entries:
        kind, record_id = entry["record_kind"], entry["record_id"]
        group = "invoice" if kind in ("invoice", "credit_note") else kind
        sealed[group].add(record_id)
        if entry["previous_footprint"] != previous:
            chain.append(
                f"Chaîne d'intégrité rompue avant l'entrée n° {entry['id']} ({label(kind, record_id)}) : "
                "une entrée a été supprimée ou modifiée."
            )
        if (
            chain_footprint(entry["previous_footprint"], entry["content_hash"])
            != entry["footprint"]
        ):
            chain.append(
                f"Entrée d'intégrité n° {entry['id']} ({label(kind, record_id)}) : empreinte falsifiée."
            )
        previous = entry["footprint"]
        if group == "invoice":
            inv = invoices.get(record_id)
            if inv is not None and inv["kind"] != kind:
                # the kind is in no hash: seal() always records the document's own kind
                chain.append(
                    f"Entrée d'intégrité n° {entry['id']} ({label(kind, record_id)}) : "
                    "type de document modifié."
                )
            content = None if inv is None else invoice_content(inv, lines.get(record_id, []))
        elif group == "payment":
            pay = payments.get(record_id)
            content = None if pay is None else _canon_row(pay)
        else:
            clo = closings.get(record_id)
            content = None if clo is None else _canon_row(clo)
        if content is None:
            subject = label(kind, record_id)
            documents.append(
                f"{subject} : {_agree(subject, 'supprimé')} de la base après émission "
                f"(scellement du {_fmt_at(entry['at'])})."
            )
        elif content_hash(content) != entry["content_hash"]:
            what = (
                "totaux modifiés après la clôture"
                if group == "closing"
                else "contenu modifié après émission"
            )
            documents.append(f"{label(kind, record_id)} : {what}.")

    # rows that never were sealed, or whose entry was removed
    unsealed: list[tuple[datetime, str]] = []
    for inv_id, inv in invoices.items():
        if inv_id not in sealed["invoice"]:
            unsealed.append((inv["issued_at"], label(inv["kind"], inv_id)))
    for pay_id, pay in payments.items():
        if pay_id not in sealed["payment"]:
            unsealed.append((pay["at"], label("payment", pay_id)))
    for clo_id, clo in closings.items():
        if clo_id not in sealed["closing"]:
            unsealed.append((clo["closed_at"], label("closing", clo_id)))
    unsealed.sort(key=lambda item: item[0])
    documents.extend(
        f"{subject} : {_agree(subject, 'absent')} de la chaîne d'intégrité (entrée supprimée)."
        for _at, subject in unsealed
    )

    numbering = _check_numbering(invoices, counters)
    closing_problems = _check_closings(invoices, lines, payments, closings)
    problems = documents + numbering + closing_problems + chain
    if len(problems) > MAX_LISTED:
        extra = len(problems) - MAX_LISTED
        problems = problems[:MAX_LISTED] + [f"… et {extra} autres anomalies du journal."]
    return problems


def _check_numbering(invoices: dict[int, Any], counters: Sequence[Row[str, str, int]]) -> list[str]:
    """Each series and period: counters 1..last with no gap and no duplicate."""
    series: dict[tuple[str, str], dict[int, list[str]]] = {}
    kinds: dict[tuple[str, str], str] = {}
    for inv in invoices.values():
        key = (inv["series"], inv["period"])
        series.setdefault(key, {}).setdefault(inv["counter"], []).append(inv["number"])
        kinds[key] = inv["kind"]
    last_taken = {(s, p): v for s, p, v in counters}
    problems: list[str] = []
    for key in sorted(set(series) | set(last_taken)):
        taken = series.get(key, {})
        what = (
            "avoirs" if kinds.get(key) == "credit_note" or key[0] == "credit_note" else ("factures")
        )
        name = f"Numérotation des {what} ({key[1]})"
        for counter in sorted(taken):
            if len(taken[counter]) > 1:
                problems.append(f"{name} : numéro en double ({', '.join(taken[counter])}).")
        top = max([last_taken.get(key, 0), *taken])
        missing = [c for c in range(1, top + 1) if c not in taken]
        for counter in missing[:MAX_LISTED]:
            before = max((c for c in taken if c < counter), default=None)
            after = min((c for c in taken if c > counter), default=None)
            around = []
            if before is not None:
                around.append(f"après {taken[before][0]}")
            if after is not None:
                around.append(f"avant {taken[after][0]}")
            where = f" ({', '.join(around)})" if around else ""
            problems.append(f"{name} : le numéro n° {counter} manque{where}.")
    return problems


def _check_closings(
    invoices: dict[int, Any],
    lines: dict[int, list[Any]],
    payments: dict[int, Any],
    closings: dict[int, Any],
) -> list[str]:
    """Recompute every closing's totals from the documents and the perpetual totals."""
    problems: list[str] = []
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
        name = _closing_label(clo["kind"], clo["period_start"])
        first, last = clo["period_start"], clo["period_end"]
        invs = [t[2] for t in inv_days[bisect_left(inv_keys, first) : bisect_right(inv_keys, last)]]
        pays = [t[2] for t in pay_days[bisect_left(pay_keys, first) : bisect_right(pay_keys, last)]]
        expected = period_totals(invs, lines, pays)
        try:
            stored = json.loads(clo["totals_json"])
        except ValueError:
            stored = None
        if stored != expected or clo["total_incl_cents"] != expected["net_incl_cents"]:
            problems.append(f"{name} : totaux différents des documents de la période.")
        expected_perpetual = perpetual.get(clo["kind"], 0) + clo["total_incl_cents"]
        if clo["perpetual_total_cents"] != expected_perpetual:
            problems.append(f"{name} : total perpétuel incohérent avec la clôture précédente.")
        perpetual[clo["kind"]] = clo["perpetual_total_cents"]
    return problems
