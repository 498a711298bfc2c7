"""Journal exports of issue 15 §5: the Paheko import CSV, the general ledger and the
trial balance (XLSX)."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import load_workbook

from tierslieu_desktop.db.models import Expense, Funder, Grant, GrantPayment
from tierslieu_desktop.domain.finance import DEFAULT_ACCOUNTS
from tierslieu_desktop.domain.journal import JOURNALS, JournalEntry, LedgerLine
from tierslieu_desktop.domain.ledger import trial_balance
from tierslieu_desktop.reports.ledger_xlsx import BALANCE_HEADERS, ledger_xlsx
from tierslieu_desktop.reports.paheko import (
    PAHEKO_COLUMNS,
    accounts_used,
    paheko_amount,
    paheko_csv,
)
from tierslieu_desktop.services.finance.journal.expenses import expense_entries
from tierslieu_desktop.services.finance.journal.grants import grant_entries

Y = 2026

# The columns of Paheko's "Groupé" / "Complet" accounting CSV (paheko/paheko,
# src/include/lib/Paheko/Accounting/Export.php, COLUMNS_FULL), in order.
DOCUMENTED = [
    "Numéro d'écriture",
    "Type",
    "Statut",
    "Libellé",
    "Date",
    "Remarques",
    "Numéro pièce comptable",
    "Numéro compte",
    "Libellé compte",
    "Débit",
    "Crédit",
    "Référence ligne",
    "Libellé ligne",
    "Rapprochement",
    "Projet analytique",
    "Membres associés",
]


def posted(entries: list[JournalEntry]) -> list[LedgerLine]:
    """What the journal core produces, with the default mapping and numbers per journal."""
    counters: dict[str, int] = {}
    out: list[LedgerLine] = []
    for e in sorted(entries, key=lambda e: (e.day, list(JOURNALS).index(e.journal))):
        counters[e.journal] = n = counters.get(e.journal, 0) + 1
        for x in e.lines:
            account, label = DEFAULT_ACCOUNTS.get(x.account, (x.account, x.account))
            out.append(
                LedgerLine(
                    e.journal,
                    JOURNALS[e.journal],
                    f"{e.journal}{n:06d}",
                    e.day,
                    account,
                    label,
                    x.aux,
                    x.aux_label,
                    e.piece_ref,
                    e.piece_date,
                    x.label or e.label,
                    x.debit_cents,
                    x.credit_cents,
                    "",
                    None,
                    date(Y + 1, 3, 31),
                )
            )
    return out


def sample(db) -> list[LedgerLine]:
    with db.write() as s:
        region = Funder(name="Région Occitanie", sector="public", level="region")
        s.add(region)
        s.flush()
        g = Grant(
            funder_id=region.id,
            purpose="Animation",
            nature="operating",
            period_start=date(Y, 1, 1),
            period_end=date(Y, 12, 31),
            granted_cents=12000_00,
            granted_on=date(Y, 3, 10),
        )
        s.add(g)
        s.flush()
        s.add(GrantPayment(grant_id=g.id, received_on=date(Y, 4, 2), amount_cents=8000_00))
        s.add(
            Expense(
                day=date(Y, 2, 3),
                category="consumables",
                amount_cents=1234_56,
                label="PLA",
                supplier="Leroy Merlin",
                payment_day=date(Y, 2, 3),
            )
        )
    first, last = date(Y, 1, 1), date(Y, 12, 31)
    with db.read() as s:
        entries = [*grant_entries(s, first, last), *expense_entries(s, first, last)]
    return posted(entries)


def test_paheko_csv_has_the_documented_columns_and_one_row_per_line(db):
    lines = sample(db)
    text = paheko_csv(lines)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == DOCUMENTED == list(PAHEKO_COLUMNS)
    body = rows[1:]
    assert len(body) == len(lines) == 8
    col = {name: i for i, name in enumerate(DOCUMENTED)}
    # Grouped: the first row of each entry carries the entry, the next ones leave it empty;
    # no entry number, so that Paheko creates every entry.
    firsts = [r for r in body if r[col["Date"]]]
    assert len(firsts) == 4
    assert all(r[col["Numéro d'écriture"]] == "" for r in body)
    assert all(r[col["Type"]] == "Avancé" for r in firsts)
    expense = next(r for r in body if r[col["Numéro compte"]] == "6022")
    assert expense[col["Date"]] == "03/02/2026"
    assert expense[col["Débit"]] == "1234,56" and expense[col["Crédit"]] == "0,00"
    following = body[body.index(expense) + 1]
    assert following[col["Date"]] == following[col["Libellé"]] == ""
    assert following[col["Numéro compte"]] == "401"
    assert following[col["Référence ligne"]] == "401LEROYMERLIN"
    assert following[col["Libellé ligne"]] == "Leroy Merlin"
    # Every entry balances in the file as Paheko reads it.
    cents = [
        (int(r[col["Débit"]].replace(",", "")), int(r[col["Crédit"]].replace(",", "")))
        for r in body
    ]
    assert sum(d for d, _ in cents) == sum(c for _, c in cents)
    assert [paheko_amount(v) for v in (0, 5, 100, 123456)] == ["0,00", "0,05", "1,00", "1234,56"]
    # The accounts to create in Paheko's chart before the import, once each, by number.
    assert [a for a, _ in accounts_used(lines)] == ["401", "441", "512", "6022", "742"]


def test_trial_balance_and_general_ledger(db):
    lines = sample(db)
    rows = trial_balance(lines)
    assert sum(r.debit_cents for r in rows) == sum(r.credit_cents for r in rows)
    by_account = {r.account: r for r in rows}
    assert by_account["441"].balance_cents == 4000_00  # still to receive from the Région
    assert by_account["742"].balance_cents == -12000_00
    assert by_account["401"].balance_cents == 0  # the supplier is paid

    wb = load_workbook(io.BytesIO(ledger_xlsx(lines)))
    assert wb.sheetnames == ["Grand livre", "Balance"]
    bs = wb["Balance"]
    values = list(bs.iter_rows(values_only=True))
    assert list(values[0]) == list(BALANCE_HEADERS)
    total = values[-1]
    assert total[0] == "Total" and total[2] == total[3] == 12000 + 8000 + 2 * 1234.56
    assert [v[0] for v in values[1:-1]] == sorted(by_account)

    gl = list(wb["Grand livre"].iter_rows(values_only=True))
    bank = [r for r in gl if r[0] == "512" and r[1] is not None]
    assert [r[10] for r in bank] == [-1234.56, 6765.44]  # running balance
    assert ("Total 441", 12000, 8000, 4000) in [(r[0], r[8], r[9], r[10]) for r in gl]
