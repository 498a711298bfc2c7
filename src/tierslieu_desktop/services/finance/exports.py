"""Spreadsheet exports of the main tables (XLSX with openpyxl, CSV for French
spreadsheets) and the FEC (see services.finance.fec).

``table_rows`` returns French headers and typed values: ``date`` for days, naive local
``datetime`` for instants (Europe/Paris), ``Decimal`` euros for money (marked by the
column name in ``MONEY_HEADERS``), ``int`` for counts, ``str`` otherwise. A ``year``
keeps the rows whose main date falls in that (local) year; ``None`` keeps everything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Audience,
    Booking,
    Expense,
    Funder,
    Grant,
    GrantPayment,
    Invoice,
    InvoiceLine,
    Machine,
    Member,
    Payment,
    Space,
    Usage,
    UsageCharge,
)
from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.domain.inputs import check_year
from tierslieu_desktop.domain.journal import LedgerLine
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.reports import GENDER_FR, SITUATION_FR
from tierslieu_desktop.fileperms import open_private, write_private_bytes
from tierslieu_desktop.reports.sheets import csv_value, write_sheet
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.finance.balance import grant_ids_of_period

if TYPE_CHECKING:
    from tierslieu_desktop.services.finance.fec import FecWritten

TABLES = ("members", "bookings", "usages", "invoices", "payments", "grants", "expenses")

# Column names holding money: written as numbers with the euro format.
MONEY_HEADERS = frozenset(
    {
        "Tarif catalogue",
        "Montant facturé",
        "Total HT",
        "TVA",
        "Total TTC",
        "Montant",
        "Demandé",
        "Accordé",
        "Reçu",
        "Reçu sur la période",
        "Reçu depuis l'accord (cumul)",
        "Recharges porte-monnaie",
    }
)

_KIND = {"person": "Personne", "organisation": "Organisation"}
_STATUS = {
    "booked": "Réservée",
    "checked_in": "Arrivée",
    "done": "Terminée",
    "cancelled": "Annulée",
    "late_cancelled": "Annulée tard",
    "no_show": "Absent",
}
_DOC = {"invoice": "Facture", "credit_note": "Avoir"}
_METHOD = {
    "cash": "Espèces",
    "cheque": "Chèque",
    "card": "Carte",
    "transfer": "Virement",
    "pass_numerique": "Pass numérique",
    "mandate": "Mandat administratif",
    "wallet": "Porte-monnaie",
}
_AGE = {
    "under_12": "moins de 12 ans",
    "12_17": "12-17 ans",
    "18_25": "18-25 ans",
    "26_39": "26-39 ans",
    "40_59": "40-59 ans",
    "60_plus": "60 ans et plus",
}
_SECTOR = {"public": "Public", "private": "Privé"}
_LEVEL = {
    "commune": "Commune",
    "epci": "Intercommunalité",
    "departement": "Département",
    "region": "Région",
    "etat": "État",
    "ue": "Union européenne",
    "social": "Organisme social",
    "employment": "Emploi",
    "foundation": "Fondation",
    "company": "Entreprise",
    "individual": "Particulier",
    "other": "Autre",
}
_NATURE = {"operating": "Fonctionnement", "investment": "Investissement", "donation": "Don"}
_REPORT = {"none": "", "todo": "À faire", "sent": "Envoyé", "accepted": "Accepté"}
_CATEGORY = {
    "staff": "Personnel",
    "consumables": "Consommables",
    "maintenance": "Entretien",
    "rent": "Loyer",
    "energy": "Énergie",
    "depreciation": "Amortissement",
    "other": "Autre",
}
_ACTIVITY = {
    "fablab": "Fablab",
    "coworking": "Coworking",
    "cyberbase": "Cyber-base",
    "general": "Général",
}


def euros(cents: int | None) -> Decimal | None:
    """Cents → Decimal euros with two places (None stays None)."""
    if cents is None:
        return None
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def _local(at: datetime | None) -> datetime | None:
    return None if at is None else to_local(at).replace(tzinfo=None)


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    return local_dt(date(year, 1, 1), 0), local_dt(date(year + 1, 1, 1), 0)


def _name(m: Member | None) -> str:
    if m is None:
        return ""
    return " ".join(p for p in (m.first_name, m.last_name) if p).strip()


def _members(s: Session, year: int | None) -> tuple[list[str], list[list[Any]]]:
    headers = [
        "Numéro",
        "Type",
        "Nom",
        "Prénom",
        "Courriel",
        "Téléphone",
        "Code postal",
        "Commune",
        "Public",
        "Tranche d'âge",
        "Genre",
        "Situation",
        "Inscrit le",
        "Archivé",
    ]
    q = select(Member, Audience.name).outerjoin(Audience, Member.audience_id == Audience.id)
    if year is not None:
        lo, hi = _year_bounds(year)
        q = q.where(Member.created_at >= lo, Member.created_at < hi)
    rows = []
    for m, audience in s.execute(q.order_by(Member.number)):
        rows.append(
            [
                m.number,
                _KIND.get(m.kind, m.kind),
                m.last_name,
                m.first_name,
                m.email,
                m.phone,
                m.postcode,
                m.city,
                audience or "",
                _AGE.get(m.age_band or "", m.age_band or ""),
                GENDER_FR.get(m.gender or "", m.gender or ""),
                SITUATION_FR.get(m.situation or "", m.situation or ""),
                to_local(m.created_at).date(),
                "oui" if m.archived else "non",
            ]
        )
    return headers, rows


def _resource_names(s: Session) -> tuple[dict[int, str], dict[int, str]]:
    machines = {i: n for i, n in s.execute(select(Machine.id, Machine.name))}
    spaces = {i: n for i, n in s.execute(select(Space.id, Space.name))}
    return machines, spaces


def _bookings(s: Session, year: int | None) -> tuple[list[str], list[list[Any]]]:
    headers = ["N°", "Début", "Fin", "Ressource", "Adhérent", "Nom", "Effectif", "Statut", "Objet"]
    machines, spaces = _resource_names(s)
    q = select(Booking, Member).outerjoin(Member, Booking.member_id == Member.id)
    if year is not None:
        lo, hi = _year_bounds(year)
        q = q.where(Booking.start_at >= lo, Booking.start_at < hi)
    rows = []
    for b, m in s.execute(q.order_by(Booking.start_at, Booking.id)):
        resource = machines.get(b.machine_id or 0) or spaces.get(b.space_id or 0, "")
        rows.append(
            [
                b.id,
                _local(b.start_at),
                _local(b.end_at),
                resource,
                m.number if m else "",
                _name(m) or b.responsible_name,
                b.headcount,
                _STATUS.get(b.status, b.status),
                b.purpose,
            ]
        )
    return headers, rows


def _usages(s: Session, year: int | None) -> tuple[list[str], list[list[Any]]]:
    headers = [
        "N°",
        "Début",
        "Fin",
        "Ressource",
        "Adhérent",
        "Nom",
        "Minutes",
        "Tarif catalogue",
        "Montant facturé",
    ]
    machines, spaces = _resource_names(s)
    charges = (
        select(
            UsageCharge.usage_id.label("uid"),
            func.sum(UsageCharge.list_cents).label("list"),
            func.sum(UsageCharge.charged_cents).label("charged"),
        )
        .group_by(UsageCharge.usage_id)
        .subquery()
    )
    q = (
        select(Usage, Member, charges.c.list, charges.c.charged)
        .outerjoin(Member, Usage.member_id == Member.id)
        .outerjoin(charges, charges.c.uid == Usage.id)
    )
    if year is not None:
        lo, hi = _year_bounds(year)
        q = q.where(Usage.start_at >= lo, Usage.start_at < hi)
    rows = []
    for u, m, list_cents, charged in s.execute(q.order_by(Usage.start_at, Usage.id)):
        resource = machines.get(u.machine_id or 0) or spaces.get(u.space_id or 0, "")
        rows.append(
            [
                u.id,
                _local(u.start_at),
                _local(u.end_at),
                resource,
                m.number if m else "",
                _name(m),
                u.minutes,
                euros(list_cents),
                euros(charged),
            ]
        )
    return headers, rows


def _invoices(s: Session, year: int | None) -> tuple[list[str], list[list[Any]]]:
    """ "Total HT" is the revenue excl. VAT: wallet top-ups (money kept for later, not
    revenue) are in their own column; "Total TTC" is the document's total."""
    headers = ["Numéro", "Type", "Date", "Échéance", "Adhérent", "Nom", "Total HT", "TVA"]
    headers += ["Recharges porte-monnaie", "Total TTC"]
    topups = (
        select(
            InvoiceLine.invoice_id.label("iid"),
            func.sum(InvoiceLine.total_excl_cents).label("t"),
        )
        .where(InvoiceLine.kind == "wallet_topup")
        .group_by(InvoiceLine.invoice_id)
        .subquery()
    )
    q = (
        select(Invoice, Member, topups.c.t)
        .outerjoin(Member, Invoice.member_id == Member.id)
        .outerjoin(topups, topups.c.iid == Invoice.id)
    )
    if year is not None:
        lo, hi = _year_bounds(year)
        q = q.where(Invoice.issued_at >= lo, Invoice.issued_at < hi)
    rows = []
    for inv, m, topup in s.execute(q.order_by(Invoice.issued_at, Invoice.id)):
        sign = -1 if inv.kind == "credit_note" else 1
        topup = int(topup or 0)
        rows.append(
            [
                inv.number,
                _DOC.get(inv.kind, inv.kind),
                to_local(inv.issued_at).date(),
                inv.due_date,
                m.number if m else "",
                _name(m),
                euros(sign * (inv.total_excl_cents - topup)),
                euros(sign * inv.total_vat_cents),
                euros(sign * topup),
                euros(sign * inv.total_incl_cents),
            ]
        )
    return headers, rows


def _payments(s: Session, year: int | None) -> tuple[list[str], list[list[Any]]]:
    headers = ["Date", "Facture", "Adhérent", "Nom", "Moyen", "Montant", "Référence"]
    q = (
        select(Payment, Invoice.number, Member)
        .join(Invoice, Payment.invoice_id == Invoice.id)
        .outerjoin(Member, Invoice.member_id == Member.id)
    )
    if year is not None:
        lo, hi = _year_bounds(year)
        q = q.where(Payment.at >= lo, Payment.at < hi)
    rows = []
    for p, number, m in s.execute(q.order_by(Payment.at, Payment.id)):
        ref = p.cheque_number or p.reference
        rows.append(
            [
                to_local(p.at).date(),
                number,
                m.number if m else "",
                _name(m),
                _METHOD.get(p.method, p.method),
                euros(p.amount_cents),
                ref,
            ]
        )
    return headers, rows


def _grants(s: Session, year: int | None) -> tuple[list[str], list[list[Any]]]:
    headers = [
        "Financeur",
        "Secteur",
        "Niveau",
        "Objet",
        "Nature",
        "Début",
        "Fin",
        "Demandé",
        "Accordé",
        "Accordé le",
        "Reçu sur la période",
        "Reçu depuis l'accord (cumul)",
        "Compte rendu dû le",
        "Compte rendu",
    ]
    """A year lists the grants of that year (balance.grant_ids_of_period: investment
    grants released over their machines' depreciation included); "Reçu sur la période" is
    what was received in it, "Reçu depuis l'accord (cumul)" everything received up to its
    end."""
    last = date(year, 12, 31) if year is not None else date.max
    first = date(year, 1, 1) if year is not None else date.min
    got_in: dict[int, int] = {}
    got_to: dict[int, int] = {}
    for gid, day, amount in s.execute(
        select(GrantPayment.grant_id, GrantPayment.received_on, GrantPayment.amount_cents)
    ):
        if day <= last:
            got_to[gid] = got_to.get(gid, 0) + amount
            if day >= first:
                got_in[gid] = got_in.get(gid, 0) + amount
    q = select(Grant, Funder).join(Funder, Grant.funder_id == Funder.id)
    if year is not None:
        q = q.where(Grant.id.in_(grant_ids_of_period(s, first, last)))
    rows = []
    for g, f in s.execute(q.order_by(Grant.period_start, Funder.name, Grant.id)):
        rows.append(
            [
                f.name,
                _SECTOR.get(f.sector, f.sector),
                _LEVEL.get(f.level, f.level),
                g.purpose,
                _NATURE.get(g.nature, g.nature),
                g.period_start,
                g.period_end,
                euros(g.requested_cents),
                euros(g.granted_cents),
                g.granted_on,
                euros(got_in.get(g.id, 0)),
                euros(got_to.get(g.id, 0)),
                g.report_due,
                _REPORT.get(g.report_status, g.report_status),
            ]
        )
    return headers, rows


def _expenses(s: Session, year: int | None) -> tuple[list[str], list[list[Any]]]:
    headers = ["Date", "Catégorie", "Activité", "Montant", "Libellé", "Fournisseur", "Machine"]
    headers += ["Subvention"]
    g = aliased(Grant)
    q = (
        select(Expense, Machine.name, g.purpose)
        .outerjoin(Machine, Expense.machine_id == Machine.id)
        .outerjoin(g, Expense.grant_id == g.id)
    )
    if year is not None:
        q = q.where(Expense.day >= date(year, 1, 1), Expense.day <= date(year, 12, 31))
    rows = []
    for e, machine, grant in s.execute(q.order_by(Expense.day, Expense.id)):
        rows.append(
            [
                e.day,
                _CATEGORY.get(e.category, e.category),
                _ACTIVITY.get(e.activity, e.activity),
                euros(e.amount_cents),
                e.label,
                e.supplier,
                machine or "",
                grant or "",
            ]
        )
    return headers, rows


_BUILDERS: dict[str, Callable[[Session, int | None], tuple[list[str], list[list[Any]]]]] = {
    "members": _members,
    "bookings": _bookings,
    "usages": _usages,
    "invoices": _invoices,
    "payments": _payments,
    "grants": _grants,
    "expenses": _expenses,
}


@guarded(Permission.EXPORTS)
def table_rows(db: Database, table: str, year: int | None) -> tuple[list[str], list[list[Any]]]:
    """French headers and typed rows of ``table`` (one of ``TABLES``) for ``year``
    (``DomainError("year_out_of_range")`` outside 2000–2100)."""
    return _table_rows_impl(db, table, year)


def _table_rows_impl(
    db: Database, table: str, year: int | None
) -> tuple[list[str], list[list[Any]]]:
    if table not in _BUILDERS:
        raise ValueError(f"unknown table {table!r}")
    if year is not None:
        check_year(year)
    with db.read() as s:
        return _BUILDERS[table](s, year)


@guarded(Permission.EXPORTS)
def export_xlsx(db: Database, table: str, year: int | None, path: str | Path) -> int:
    """Write ``table`` to an XLSX workbook (see ``reports.sheets.write_sheet``). Returns
    the rows written."""
    from openpyxl import Workbook

    headers, rows = _table_rows_impl(db, table, year)
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    ws = wb.create_sheet(table)
    write_sheet(ws, headers, rows, money_headers=MONEY_HEADERS)
    buffer = io.BytesIO()
    wb.save(buffer)
    write_private_bytes(path, buffer.getvalue())  # personal data: 0600 on POSIX
    return len(rows)


@guarded(Permission.EXPORTS)
def export_csv(db: Database, table: str, year: int | None, path: str | Path) -> int:
    """Write ``table`` as CSV: UTF-8 with BOM, ';' separator, decimal comma, dates
    JJ/MM/AAAA. Returns the rows written."""
    headers, rows = _table_rows_impl(db, table, year)
    with open_private(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([csv_value(v) for v in row])
    return len(rows)


@guarded(Permission.EXPORTS)
def export_fec(db: Database, year: int, directory: str | Path) -> FecWritten:
    """The FEC of fiscal ``year`` in ``directory``: its path and the keys for which the
    default account was used (see services.finance.fec.write_fec_report)."""
    from tierslieu_desktop.services.finance.fec import _write_fec_report_impl

    return _write_fec_report_impl(db, year, directory)


def _fiscal_year_lines(db: Database, year: int) -> list[LedgerLine]:
    from tierslieu_desktop.services.finance import journal

    check_year(year)
    with db.read() as session:
        return list(journal.ledger_lines(journal.collect_fiscal_year(session, year)))


@guarded(Permission.EXPORTS)
def export_paheko(db: Database, year: int, path: str | Path) -> int:
    """The journal of fiscal ``year`` as a CSV in Paheko's accounting import format
    (« Groupé », reports.paheko): the number of lines written. The accounts it uses must
    exist in Paheko's chart (reports.paheko.accounts_used lists them)."""
    from tierslieu_desktop.reports.paheko import paheko_csv

    lines = _fiscal_year_lines(db, year)
    write_private_bytes(Path(path), paheko_csv(lines).encode("utf-8"))
    return len(lines)


@guarded(Permission.EXPORTS)
def export_ledger(db: Database, year: int, path: str | Path) -> int:
    """The general ledger and the trial balance of fiscal ``year`` (XLSX, two sheets):
    the number of journal lines."""
    from tierslieu_desktop.reports.ledger_xlsx import ledger_xlsx

    lines = _fiscal_year_lines(db, year)
    write_private_bytes(Path(path), ledger_xlsx(lines))
    return len(lines)
