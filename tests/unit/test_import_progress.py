"""Long imports tell how far they are and can be cancelled, writing nothing (issue 13,
point 6: 100,000-line imports off the window's thread)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, insert, select

from tierslieu_desktop.db.models import Audience, Expense, MachineCategory, PriceRule
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.pricing import tariff_csv
from tierslieu_desktop.services.pricing.tariff_csv import REPORT_EVERY

LINES = 2_500


def expense_csv(lines: int) -> bytes:
    out = ["date;categorie;activite;montant;libelle;fournisseur"]
    for i in range(lines):
        day = date(2026, 1, 1) + timedelta(days=i % 365)
        out.append(f"{day:%d/%m/%Y};energie;general;{1 + i % 90},50;Facture {i};EDF")
    return ("\n".join(out) + "\n").encode()


def tariff_lines(db, lines: int) -> bytes:
    with db.write() as s:
        s.execute(insert(MachineCategory), [{"name": f"Cat {c}", "position": c} for c in range(50)])
        s.add(Audience(name="Public", position=0))
    out = ["type;ressource;public;adhesion;unite;pas_minutes;prix;du;au"]
    for i in range(lines):
        month = i // 50
        start = date(2027 + month // 12, 1 + month % 12, 1)
        out.append(f"categorie;Cat {i % 50};Public;tous;heure;15;{5 + i % 7},00;{start:%d/%m/%Y};")
    return ("\n".join(out) + "\n").encode()


def count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_expense_import_reports_its_progress_to_the_end(db, operator):
    seen: list[tuple[int, int]] = []
    n = expenses.import_expenses_csv(
        db, operator, expense_csv(LINES), progress=lambda d, t: seen.append((d, t))
    )
    assert n == LINES == count(db, Expense)
    dones = [d for d, _t in seen]
    assert dones == sorted(dones) and len(seen) >= LINES * 2 // REPORT_EVERY
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0


@pytest.mark.parametrize("after_reports", [1, 3, 5])  # while checking, while inserting
def test_a_cancelled_expense_import_writes_nothing(db, operator, after_reports):
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with pytest.raises(DomainError) as err:
        expenses.import_expenses_csv(
            db,
            operator,
            expense_csv(LINES),
            progress=progress,
            cancelled=lambda: len(seen) >= after_reports,
        )
    assert err.value.code == "cancelled"
    assert count(db, Expense) == 0
    if after_reports == 5:
        assert seen[-1] > LINES  # stopped in the second pass: rows were being inserted


def test_tariff_import_reports_progress_and_a_cancel_writes_nothing(db, operator):
    data = tariff_lines(db, LINES)
    seen: list[tuple[int, int]] = []
    with pytest.raises(DomainError) as err:
        tariff_csv.import_rules_csv(
            db,
            operator,
            data,
            date(2026, 12, 1),
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: len(seen) >= 2,  # after a thousand prices were set
        )
    assert err.value.code == "cancelled"
    assert seen[-1][0] >= REPORT_EVERY
    assert count(db, PriceRule) == 0

    seen.clear()
    n = tariff_csv.import_rules_csv(
        db, operator, data, date(2026, 12, 1), progress=lambda d, t: seen.append((d, t))
    )
    assert n == LINES == count(db, PriceRule)
    assert seen[-1] == (LINES, LINES)
