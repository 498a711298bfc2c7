"""The tariff file: the price rules as CSV (';', decimal comma, French words) and back.

Names are written as reports.sheets.csv_text writes them (a name starting with "=" gets
a "'" so that no spreadsheet runs it) and read back without it. Importing a file sets each
price as the grid does (services.pricing.tariffs.set_price):
the past is never rewritten, and a bad line writes nothing (:class:`CsvImportError`,
also raised by the expenses import of services.finance.expenses).

Long imports (100,000 lines) run off the window's thread: both imports take a
``progress(done, total)`` callable and a ``cancelled()`` check (plain callables, see
:class:`ImportSteps`), called every :data:`REPORT_EVERY` lines; a cancel raises
``DomainError("cancelled")`` inside the transaction, so nothing is written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Audience, PriceRule
from tierslieu_desktop.domain import money
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.inputs import day_in_range, decode_text
from tierslieu_desktop.domain.money import AmountError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.reports.sheets import csv_text, uncsv_text
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.pricing.scopes import KIND_MODELS
from tierslieu_desktop.services.pricing.tariffs import apply_price, list_rules

# CSV words (French, as the users read them).
CSV_HEADER = ("type", "ressource", "public", "adhesion", "unite", "pas_minutes", "prix", "du", "au")
CSV_EVERY_PUBLIC = "Tous publics"
_CSV_KINDS = {"machine": "machine", "category": "categorie", "space": "espace"}
_CSV_KINDS["consumable"] = "consommable"
_CSV_KINDS["activity"] = "activite"
_CSV_MEMBERSHIPS = {"any": "tous", "member": "adherent", "non_member": "non_adherent"}
_CSV_UNITS = {"hour": "heure", "session": "seance", "flat": "forfait", "consumable": "unite"}


Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
REPORT_EVERY = 1000


class ImportSteps:
    """Counts the steps of an import, reports them every :data:`REPORT_EVERY` steps (and
    at the end) to ``progress(done, total)`` and raises ``DomainError("cancelled")`` at
    those same points once ``cancelled()`` says so. Raised inside ``db.write()``, the
    cancel rolls the whole import back."""

    def __init__(
        self, total: int, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress
        self.cancelled = cancelled

    def step(self, count: int = 1) -> None:
        before = self.done
        self.done = min(self.done + count, self.total)
        if self.done // REPORT_EVERY != before // REPORT_EVERY or self.done == self.total:
            self.check()

    def check(self) -> None:
        """Stop if the user cancelled, then tell how far the import is."""
        if self.cancelled is not None and self.cancelled():
            raise DomainError("cancelled")
        if self.progress is not None:
            self.progress(self.done, self.total)


class CsvImportError(DomainError):
    """A line of an imported tariff file is wrong: nothing was written.

    ``line`` is the line number in the file (the header is line 1), ``field`` the CSV
    column, ``problem`` a field error code ("required", "invalid", "unknown", …)."""

    def __init__(self, line: int, field: str, problem: str) -> None:
        self.line = line
        self.field = field
        self.problem = problem
        super().__init__("csv_invalid", line=line, field=field, problem=problem)


# --------------------------------------------------------------------------- CSV


def _csv_money(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def _csv_date(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


@guarded(Permission.TARIFFS)
def export_rules_csv(db: Database, day: date | None = None) -> str:
    """The rules as CSV text (';', decimal comma, French words; the caller adds the
    BOM). ``day`` None = every rule (history); a day = the rules in force that day."""
    rows = list_rules(db, on=day)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in rows:  # list_rules order: the history of a key is consecutive, oldest first
        writer.writerow(
            (
                _CSV_KINDS[r.kind],
                csv_text(r.resource_name),
                csv_text(r.audience_name or CSV_EVERY_PUBLIC),
                _CSV_MEMBERSHIPS[r.membership],
                _CSV_UNITS[r.unit],
                "" if r.step_minutes is None else str(r.step_minutes),
                _csv_money(r.amount_cents),
                _csv_date(r.valid_from),
                _csv_date(r.valid_to),
            )
        )
    return out.getvalue()


def parse_amount(text: str) -> int | None:
    """ "15,00", "15", "15,5", "15.50 €", "1 200,00" → cents; None when not an amount
    (:func:`tierslieu_desktop.domain.money.parse_amount`'s rules, negatives refused)."""
    try:
        return money.parse_amount(text)
    except AmountError:
        return None


def _parse_date(text: str) -> date | None:
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _reverse(mapping: dict[str, str]) -> dict[str, str]:
    return {fold(v): k for k, v in mapping.items()}


@guarded(Permission.TARIFFS)
def import_rules_csv(
    db: Database,
    actor: int | None,
    text: str | bytes,
    from_day: date,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Apply a tariff file: each line sets a price (as :func:`set_price`) from the later
    of its "du" date and ``from_day``. One transaction: a bad line raises
    :class:`CsvImportError` and nothing is written. Returns the number of prices set.
    The file's bytes are decoded by :func:`tierslieu_desktop.domain.inputs.decode_text`
    (UTF-8 or Windows-1252; ``DomainError("file_undecodable")`` otherwise).
    ``progress(done, total)`` is told every :data:`REPORT_EVERY` lines; ``cancelled()``
    returning True then stops the import with ``DomainError("cancelled")``, nothing
    written."""
    if isinstance(text, bytes):
        text = decode_text(text)
    text = text.lstrip("\ufeff")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not lines or tuple(fold(c.strip()) for c in lines[0]) != CSV_HEADER:
        raise CsvImportError(1, "header", "header")
    kinds, memberships, units = (
        _reverse(_CSV_KINDS),
        _reverse(_CSV_MEMBERSHIPS),
        _reverse(_CSV_UNITS),
    )
    count = 0
    steps = ImportSteps(len(lines) - 1, progress, cancelled)
    steps.check()
    with db.write() as session:
        by_name = {
            kind: {fold(name): rid for rid, name in session.execute(select(model.id, model.name))}
            for kind, model in KIND_MODELS.items()
        }
        audiences = {fold(n): aid for aid, n in session.execute(select(Audience.id, Audience.name))}
        for number, cells in enumerate(lines[1:], start=2):
            steps.step()
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(CSV_HEADER):
                raise CsvImportError(number, "ligne", "columns")
            v = dict(zip(CSV_HEADER, (uncsv_text(c.strip()) for c in cells), strict=True))
            kind = kinds.get(fold(v["type"]))
            if kind is None:
                raise CsvImportError(number, "type", "invalid")
            resource_id = by_name[kind].get(fold(v["ressource"]))
            if resource_id is None:
                raise CsvImportError(number, "ressource", "unknown")
            if not v["public"] or fold(v["public"]) == fold(CSV_EVERY_PUBLIC):
                audience_id = None
            else:
                audience_id = audiences.get(fold(v["public"]))
                if audience_id is None:
                    raise CsvImportError(number, "public", "unknown")
            membership = memberships.get(fold(v["adhesion"] or "tous"))
            if membership is None:
                raise CsvImportError(number, "adhesion", "invalid")
            unit = units.get(fold(v["unite"]))
            if unit is None or (unit == "consumable") != (kind == "consumable"):
                raise CsvImportError(number, "unite", "invalid")
            step = None
            if v["pas_minutes"]:
                if not v["pas_minutes"].isdigit() or int(v["pas_minutes"]) < 1 or unit != "hour":
                    raise CsvImportError(number, "pas_minutes", "invalid")
                step = int(v["pas_minutes"])
            if not v["prix"]:
                raise CsvImportError(number, "prix", "required")
            amount = parse_amount(v["prix"])
            if amount is None:
                raise CsvImportError(number, "prix", "invalid")
            start = _parse_date(v["du"]) if v["du"] else from_day
            if start is None:
                raise CsvImportError(number, "du", "invalid")
            if not day_in_range(start):
                raise CsvImportError(number, "du", "date_out_of_range")
            end = None
            if v["au"]:
                end = _parse_date(v["au"])
                if end is None:
                    raise CsvImportError(number, "au", "invalid")
                if not day_in_range(end):
                    raise CsvImportError(number, "au", "date_out_of_range")
                if end < start:
                    raise CsvImportError(number, "au", "dates")
            start = max(start, from_day)
            if end is not None and end < start:
                continue  # a closed rule of the past: the past is never rewritten
            try:
                rule_id = apply_price(
                    session,
                    actor,
                    kind=kind,
                    resource_id=resource_id,
                    audience_id=audience_id,
                    membership=membership,
                    unit=unit,
                    step_minutes=step,
                    amount_cents=amount,
                    from_day=start,
                )
            except ValidationError as exc:
                raise CsvImportError(number, "prix", next(iter(exc.fields.values()))) from exc
            if end is not None and rule_id is not None:
                rule = session.get(PriceRule, rule_id)
                assert rule is not None
                if rule.valid_to is None or rule.valid_to > end:
                    rule.valid_to = end
            count += 1
    return count
