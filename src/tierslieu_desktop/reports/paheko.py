"""The journal as a CSV in Paheko's accounting import format, "Groupé" (grouped) kind.

Paheko (paheko.cloud, association accounting) imports a year's entries from CSV in its
export formats ("Simplifié", "Complet", "Groupé", "FEC"); their columns are
``Paheko\\Accounting\\Export::COLUMNS`` (repository paheko/paheko,
src/include/lib/Paheko/Accounting/Export.php) and the import reads them back in
``Paheko\\Accounting\\Import::import`` (Import.php). "Simplifié" holds one debit and one
credit account per row (two-line entries only); "Complet" groups the rows of an entry by
``Numéro d'écriture`` and looks that number up as an *existing* Paheko entry (an unknown
one is refused); "Groupé" has the same 16 columns as "Complet" and starts a new entry at
each row that carries entry data (type, label, date, reference…), the following rows of
the entry leaving those columns empty. So this writer uses "Groupé", with an empty
``Numéro d'écriture``: every entry, however many lines, is created in Paheko.

- Type ``Avancé`` (Paheko's advanced entry: any accounts, any number of lines);
  ``Statut`` empty; ``Remarques`` = our journal code and entry number (e.g. "VT 12").
- Date dd/mm/yyyy; amounts as Paheko exports them: decimal comma, no thousands
  separator ("1234,56"), "0,00" on the other side.
- Paheko has no auxiliary accounts: the auxiliary (411 member, 401 supplier, 441 funder)
  goes to ``Référence ligne`` and its name to ``Libellé ligne`` (else a line's own
  wording when it differs from the entry's).
- Comma separated, double quotes, UTF-8. Paheko refuses an account code missing from the
  year's chart: :func:`accounts_used` lists them so the treasurer can add them first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from tierslieu_desktop.domain.journal import LedgerLine

__all__ = ["PAHEKO_COLUMNS", "accounts_used", "paheko_amount", "paheko_csv"]

PAHEKO_COLUMNS = (
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
)
ADVANCED = "Avancé"


def paheko_amount(cents: int) -> str:
    """Cents as Paheko writes money in its CSV: 123456 → "1234,56"."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units},{rest:02d}"


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def paheko_csv(lines: Iterable[LedgerLine]) -> str:
    """The CSV text: a header row, then one row per journal line, in the given order (the
    lines of an entry — same journal and number — consecutive)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(PAHEKO_COLUMNS)
    current: tuple[str, str] | None = None
    entry_label = ""
    for x in lines:
        entry = (x.journal, x.number)
        first = entry != current
        current = entry
        if first:
            entry_label = x.label
            head = [
                "",
                ADVANCED,
                "",
                x.label,
                _day(x.day),
                x.number,
                x.piece_ref,
            ]
        else:
            head = [""] * 7
        writer.writerow(
            [
                *head,
                x.account,
                x.account_label,
                paheko_amount(x.debit_cents),
                paheko_amount(x.credit_cents),
                x.aux,
                x.aux_label if x.aux else (x.label if x.label != entry_label else ""),
                "",
                "",
                "",
            ]
        )
    return out.getvalue()


def accounts_used(lines: Iterable[LedgerLine]) -> list[tuple[str, str]]:
    """(account, label) of every account of the lines, sorted by number."""
    seen: dict[str, str] = {}
    for x in lines:
        seen.setdefault(x.account, x.account_label)
    return sorted(seen.items())
