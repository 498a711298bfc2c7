"""Expenses (one by one or imported from a French CSV file) and the yearly budget by
category. How they count in the balance: services.finance.balance."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import BudgetLine, Expense, Grant, Machine
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.calendar import utcnow
from tierslieu_desktop.domain.inputs import day_in_range, decode_text
from tierslieu_desktop.domain.money import parse_amount
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.validation import FieldInvalid, check_text
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_version, soft_delete, stamp
from tierslieu_desktop.services.finance.checks import (
    LABEL_MAX,
    check_amount,
    check_choice,
    clean_text,
    get_or_raise,
)
from tierslieu_desktop.services.pricing.tariff_csv import (
    REPORT_EVERY,
    CancelCheck,
    CsvImportError,
    ImportSteps,
    Progress,
)

SUPPLIER_MAX = 200

# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class ExpenseRow:
    id: int
    day: date
    category: str
    activity: str
    amount_cents: int
    label: str
    supplier: str
    machine_id: int | None
    machine_name: str
    grant_id: int | None
    payment_day: date | None = None  # None: not paid yet
    payment_method: str = "transfer"
    version: int = 1  # what save_expense's / delete_expense's expected_version is given


# --------------------------------------------------------------------------- expenses


@guarded(Permission.FINANCES)
def list_expenses(
    db: Database,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
    category: str | None = None,
) -> list[ExpenseRow]:
    """Expenses, newest first, optionally within days and of one category."""
    with db.read() as s:
        q = (
            select(Expense, Machine.name)
            .outerjoin(Machine, Machine.id == Expense.machine_id)
            .order_by(Expense.day.desc(), Expense.id.desc())
        )
        if first_day is not None:
            q = q.where(Expense.day >= first_day)
        if last_day is not None:
            q = q.where(Expense.day <= last_day)
        if category is not None:
            q = q.where(Expense.category == category)
        return [_expense_row(e, mname) for e, mname in s.execute(q)]


def _expense_row(e: Expense, machine_name: str | None) -> ExpenseRow:
    return ExpenseRow(
        e.id,
        e.day,
        e.category,
        e.activity,
        e.amount_cents,
        e.label,
        e.supplier,
        e.machine_id,
        machine_name or "",
        e.grant_id,
        e.payment_day,
        e.payment_method,
        e.version,
    )


@guarded(Permission.FINANCES)
def get_expense(db: Database, expense_id: int) -> ExpenseRow:
    """One expense as saved now (the expense form's « Recharger » after another desk
    saved it first)."""
    with db.read() as s:
        e = get_or_raise(s, Expense, expense_id, "expense")
        machine = s.get(Machine, e.machine_id) if e.machine_id is not None else None
        return _expense_row(e, machine.name if machine else None)


def _check_expense(
    fc: FieldCollector,
    day: date | None,
    category: str,
    activity: str,
    amount_cents: int | None,
    label: str,
    supplier: str,
    payment_day: date | None = None,
    payment_method: str = "transfer",
) -> tuple[str, str]:
    if day is None:
        fc.add("day", "required")
    elif not day_in_range(day):
        fc.add("day", "date_out_of_range")
    if payment_day not in (None, day) and not day_in_range(payment_day):
        fc.add("payment_day", "date_out_of_range")
    check_choice(fc, "payment_method", payment_method, rules.EXPENSE_PAYMENT_METHODS)
    check_choice(fc, "category", category, rules.EXPENSE_CATEGORIES)
    check_choice(fc, "activity", activity, rules.ACTIVITIES)
    check_amount(fc, "amount_cents", amount_cents)
    return (
        clean_text(fc, "label", label, LABEL_MAX, required=False),
        clean_text(fc, "supplier", supplier, SUPPLIER_MAX, required=False),
    )


@guarded(Permission.FINANCES)
def save_expense(
    db: Database,
    actor: int | None,
    *,
    expense_id: int | None = None,
    day: date,
    category: str,
    activity: str,
    amount_cents: int,
    label: str = "",
    supplier: str = "",
    machine_id: int | None = None,
    grant_id: int | None = None,
    payment_day: date | None = None,
    payment_method: str = "transfer",
    unpaid: bool = False,
    expected_version: int | None = None,
) -> int:
    """Create or update an expense. Returns its id. Its payment: on ``payment_day``
    (its own day when not given) by ``payment_method``
    (domain.finance.EXPENSE_PAYMENT_METHODS), or not paid yet when ``unpaid``."""
    if unpaid:
        payment_day = None
    elif payment_day is None:
        payment_day = day
    fc = FieldCollector()
    label, supplier = _check_expense(
        fc, day, category, activity, amount_cents, label, supplier, payment_day, payment_method
    )
    with db.write() as s:
        if machine_id is not None and s.get(Machine, machine_id) is None:
            fc.add("machine_id", "unknown")
        if grant_id is not None and s.get(Grant, grant_id) is None:
            fc.add("grant_id", "unknown")
        fc.raise_if_any()
        if expense_id is None:
            e = Expense(day=day, category=category, amount_cents=amount_cents)
            stamp(e, actor, created=True)
            s.add(e)
        else:
            e = get_or_raise(s, Expense, expense_id, "expense")
            check_version(
                e,
                expected_version,
                {"day": day, "category": category, "activity": activity}
                | {"amount_cents": amount_cents, "label": label, "supplier": supplier}
                | {"machine_id": machine_id, "grant_id": grant_id}
                | {"payment_day": payment_day, "payment_method": payment_method},
            )
            stamp(e, actor)
        e.day, e.category, e.activity, e.amount_cents = day, category, activity, amount_cents
        e.label, e.supplier, e.machine_id, e.grant_id = label, supplier, machine_id, grant_id
        e.payment_day, e.payment_method = payment_day, payment_method
        s.flush()
        return e.id


@guarded(Permission.FINANCES)
def delete_expense(
    db: Database,
    actor: int | None,
    expense_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> None:
    """Remove an expense for ``reason``: kept, marked deleted, counted nowhere."""
    with db.write() as s:
        e = get_or_raise(s, Expense, expense_id, "expense")
        check_version(e, expected_version)
        soft_delete(e, actor, reason)


CSV_COLUMNS = ("date", "categorie", "activite", "montant", "libelle", "fournisseur")
_CSV_CATEGORY = {
    "personnel": "staff",
    "consommables": "consumables",
    "maintenance": "maintenance",
    "entretien": "maintenance",
    "loyer": "rent",
    "energie": "energy",
    "énergie": "energy",
    "amortissement": "depreciation",
    "amortissements": "depreciation",
    "autre": "other",
    "autres": "other",
}
_CSV_ACTIVITY = {
    "cyber-base": "cyberbase",
    "général": "general",
    "generale": "general",
    "general": "general",
}


def _parse_csv_date(text: str) -> date:
    text = text.strip()
    if "/" in text:
        d, m, y = text.split("/")
        return date(int(y), int(m), int(d))
    return date.fromisoformat(text)


@guarded(Permission.FINANCES)
def import_expenses_csv(
    db: Database,
    actor: int | None,
    text: str | bytes,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Import expenses from a French CSV: ';' separated, decimal comma, header
    ``date;categorie;activite;montant;libelle;fournisseur`` (date as DD/MM/YYYY or
    YYYY-MM-DD; categories/activities by their code or French name). All lines or none:
    a bad line raises CsvImportError(line, column, problem) and nothing is written.
    Returns the number of expenses created. The file's bytes are decoded by
    :func:`tierslieu_desktop.domain.inputs.decode_text` (UTF-8 or Windows-1252).

    Every line is checked first, then the expenses are inserted in bulk in one
    transaction. ``progress(done, total)`` counts both passes (total = 2 × lines) every
    :data:`REPORT_EVERY` steps; ``cancelled()`` returning True then raises
    ``DomainError("cancelled")`` and nothing is written."""
    if isinstance(text, bytes):
        text = decode_text(text)
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter=";")
    rows = list(reader)
    if not rows:
        raise CsvImportError(1, "date", "required")
    header = [h.strip().lower() for h in rows[0]]
    for col in CSV_COLUMNS[:4]:
        if col not in header:
            raise CsvImportError(1, col, "required")
    index = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    parsed: list[dict[str, object]] = []
    steps = ImportSteps(2 * (len(rows) - 1), progress, cancelled)
    steps.check()
    for number, row in enumerate(rows[1:], start=2):
        steps.step()
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            i = index.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        try:
            day = _parse_csv_date(cell("date"))
        except ValueError:
            raise CsvImportError(
                number, "date", "date_invalid" if cell("date") else "required"
            ) from None
        if not day_in_range(day):
            raise CsvImportError(number, "date", "date_out_of_range")
        category = cell("categorie").lower()
        category = _CSV_CATEGORY.get(category, category)
        if category not in rules.EXPENSE_CATEGORIES:
            raise CsvImportError(number, "categorie", "unknown" if category else "required")
        activity = cell("activite").lower() or "general"
        activity = _CSV_ACTIVITY.get(activity, activity)
        if activity not in rules.ACTIVITIES:
            raise CsvImportError(number, "activite", "unknown")
        try:
            amount = parse_amount(cell("montant"), allow_negative=True)
        except ValueError:
            raise CsvImportError(
                number, "montant", "amount_invalid" if cell("montant") else "required"
            ) from None
        if amount < 0:
            raise CsvImportError(number, "montant", "amount_negative")
        label, supplier = cell("libelle"), cell("fournisseur")
        for column, value, limit in (
            ("libelle", label, LABEL_MAX),
            ("fournisseur", supplier, SUPPLIER_MAX),
        ):
            try:
                check_text(value, column, limit, multiline=False)
            except FieldInvalid as exc:  # too long, or a control character
                raise CsvImportError(number, column, exc.code) from None
        parsed.append(
            {
                "day": day,
                "category": category,
                "activity": activity,
                "amount_cents": amount,
                "label": label,
                "supplier": supplier,
                # an expense imported from the bank statement: paid by bank on its day
                "payment_day": day,
                "payment_method": "transfer",
            }
        )
    skipped = len(rows) - 1 - len(parsed)  # blank lines: nothing to write
    now = utcnow()
    who = {"created_at": now, "created_by_id": actor, "updated_at": now, "updated_by_id": actor}
    with db.write() as s:
        steps.step(skipped)
        for start in range(0, len(parsed), REPORT_EVERY):
            chunk = parsed[start : start + REPORT_EVERY]
            s.execute(insert(Expense), [{**values, **who} for values in chunk])
            steps.step(len(chunk))
    return len(parsed)


# --------------------------------------------------------------------------- budget


@guarded(Permission.FINANCES)
def set_budget(db: Database, year: int, side: str, category: str, amount_cents: int) -> None:
    """Set the budget of a category for a year (side 'revenue' or 'expense')."""
    fc = FieldCollector()
    check_choice(fc, "side", side, ("revenue", "expense"))
    allowed = (
        rules.BUDGET_REVENUE_CATEGORIES if side == "revenue" else rules.BUDGET_EXPENSE_CATEGORIES
    )
    check_choice(fc, "category", category, allowed)
    check_amount(fc, "amount_cents", amount_cents)
    fc.raise_if_any()
    with db.write() as s:
        line = s.scalar(
            select(BudgetLine).where(
                BudgetLine.year == year, BudgetLine.side == side, BudgetLine.category == category
            )
        )
        if line is None:
            s.add(BudgetLine(year=year, side=side, category=category, amount_cents=amount_cents))
        else:
            line.amount_cents = amount_cents


@guarded(Permission.FINANCES)
def budget(db: Database, year: int) -> dict[tuple[str, str], int]:
    return _budget_impl(db, year)


def _budget_impl(db: Database, year: int) -> dict[tuple[str, str], int]:
    with db.read() as s:
        return budget_of_years(s, [year])


def budget_of_years(s: Session, years: Iterable[int]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for side, category, amount in s.execute(
        select(BudgetLine.side, BudgetLine.category, BudgetLine.amount_cents).where(
            BudgetLine.year.in_(list(years))
        )
    ):
        out[(side, category)] = out.get((side, category), 0) + amount
    return out
