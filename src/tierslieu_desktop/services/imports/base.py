"""What every import shares: the fields an importer knows, the plan of a file (each
line checked, its duplicates found, nothing written) and the result of applying it.

An importer (members, machines, a class list) is an object with the :class:`Importer`
shape. The CLI and the import wizard only talk to that shape:

1. ``suggest_mapping(table.headers, source)`` — which column feeds which field
   (the wizard lets the user change it, and remembers it per source);
2. ``plan(db, table, mapping, ...)`` — a :class:`ImportPlan`: one :class:`PlannedLine`
   per data line, with its action (create, merge, skip, refused), its errors as
   :class:`LineError` codes naming the line and the field, and the existing record it
   duplicates; reading only, so it is also the dry run;
3. ``apply(db, plan, decisions=..., ...)`` — writes the plan in ONE transaction (all or
   nothing): a refused line stops everything unless ``skip_bad``; ``decisions`` says,
   per line number, what the user chose for a duplicate (merge or skip, or create
   anyway). Returns an :class:`ImportResult`.

Long files run off the window's thread: ``plan`` and ``apply`` take a
``progress(done, total)`` callable and a ``cancelled()`` check
(``services.pricing.tariff_csv.ImportSteps``); a cancel raises
``DomainError("cancelled")`` and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.services.imports.tables import Table

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Action(StrEnum):
    CREATE = "create"  # a new record
    MERGE = "merge"  # completes the existing record it duplicates (empty fields only)
    SKIP = "skip"  # left out (a duplicate the user skips)
    REFUSED = "refused"  # a line with errors: stops the import unless skip_bad


@dataclass(frozen=True)
class FieldSpec:
    """A field an importer fills: ``key`` (e.g. "last_name"), whether a line needs it,
    and the column headers it is recognised by (folded: lower case, no accents)."""

    key: str
    required: bool = False
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class LineError:
    """Why a line is refused: its number, the field (a FieldSpec key, "" for the whole
    line), a code worded by the CLI and the window, and the value read."""

    line: int
    field: str
    code: str  # e.g. "required", "invalid_email", "invalid_date", "duplicate_in_file"
    value: str = ""


@dataclass(frozen=True)
class PlannedLine:
    line: int
    action: Action
    values: Mapping[str, object] = field(default_factory=dict)  # cleaned, by field key
    errors: tuple[LineError, ...] = ()
    duplicate_of: int | None = None  # the id of the existing record it duplicates
    duplicate_label: str = ""  # that record as the user knows it ("CASTAGNÉ Lucie, n° 12")
    duplicate_reason: str = ""  # "email", "name_birth_year", "name_commune"...
    label: str = ""  # this line as the preview shows it
    # why a line is planned as SKIP without being a duplicate (e.g. "order_not_paid": a
    # refunded or cancelled HelloAsso order); worded by i18n/imports.py
    skip_reason: str = ""


@dataclass(frozen=True)
class ImportPlan:
    kind: str  # the importer's kind ("members", "machines", "registrations")
    lines: tuple[PlannedLine, ...]
    source: str = ""  # the detected or chosen source format ("csv", "helloasso"...)
    # False for the plan of the first lines only (a preview of ``read_table(limit=...)``):
    # ``apply`` refuses it ("plan_incomplete") rather than import part of the file
    complete: bool = True

    def count(self, action: Action) -> int:
        return sum(1 for line in self.lines if line.action is action)

    @property
    def errors(self) -> tuple[LineError, ...]:
        return tuple(e for line in self.lines for e in line.errors)


@dataclass(frozen=True)
class ImportResult:
    created: int = 0
    merged: int = 0
    skipped: int = 0
    refused: tuple[LineError, ...] = ()  # the lines left out (skip_bad) or that stopped it
    written: bool = False  # False for a dry run or a refused file: nothing was written


class Importer(Protocol):
    kind: str
    fields: tuple[FieldSpec, ...]

    def suggest_mapping(self, headers: tuple[str, ...], source: str) -> dict[str, str | None]:
        """Field key -> the column header that feeds it (None: no column)."""
        ...

    def plan(
        self,
        db: Database,
        table: Table,
        mapping: Mapping[str, str | None],
        *,
        source: str = "csv",
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportPlan: ...

    def apply(
        self,
        db: Database,
        plan: ImportPlan,
        *,
        decisions: Mapping[int, Action] | None = None,
        skip_bad: bool = False,
        operator_id: int | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportResult: ...
