"""A small importer of the ``services.imports.base.Importer`` shape for the wizard's
tests: members with a last name (required), a first name and an email; a line whose
email is an existing member's is a duplicate (merge by default); it writes real
``Member`` rows in one transaction, so that "nothing written" can be counted."""

from __future__ import annotations

import threading
from collections.abc import Mapping

from sqlalchemy import func, select

from tierslieu_desktop.db.models import Member
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.imports.base import (
    Action,
    CancelCheck,
    FieldSpec,
    ImportPlan,
    ImportResult,
    LineError,
    PlannedLine,
    Progress,
)
from tierslieu_desktop.services.imports.tables import Table, cell_text


class FakeMembersImporter:
    kind = "members"
    fields = (
        FieldSpec("last_name", required=True, aliases=("nom",)),
        FieldSpec("first_name", aliases=("prenom",)),
        FieldSpec("email", aliases=("email", "courriel")),
    )

    def __init__(self) -> None:
        self.applied: list[dict] = []  # what apply was called with
        self.hold: threading.Event | None = None  # apply waits for it (or a cancel)
        self.started = threading.Event()

    def suggest_mapping(self, headers: tuple[str, ...], source: str) -> dict[str, str | None]:
        found: dict[str, str | None] = {}
        for spec in self.fields:
            found[spec.key] = next((h for h in headers if fold(h).strip() in spec.aliases), None)
        return found

    def plan(self, db, table: Table, mapping, *, source="csv", progress=None, cancelled=None):
        with db.read() as s:
            existing = {
                e.lower(): (i, f"{n} {p}".strip())
                for i, e, n, p in s.execute(
                    select(Member.id, Member.email, Member.last_name, Member.first_name)
                )
                if e
            }
        cols = {k: table.column(v) for k, v in mapping.items()}
        lines = []
        total = len(table.rows)
        for done, row in enumerate(table.rows, start=1):
            if cancelled is not None and cancelled():
                raise DomainError("cancelled")
            values = {k: cell_text(row.get(i)) for k, i in cols.items()}
            errors = []
            if not values.get("last_name"):
                errors.append(LineError(row.line, "last_name", "required"))
            email = values.get("email", "")
            if email and "@" not in email:
                errors.append(LineError(row.line, "email", "email_invalid", email))
            label = f"{values.get('last_name', '').upper()} {values.get('first_name', '')}".strip()
            if errors:
                lines.append(
                    PlannedLine(row.line, Action.REFUSED, values, tuple(errors), label=label)
                )
            elif email.lower() in existing:
                member_id, name = existing[email.lower()]
                lines.append(
                    PlannedLine(row.line, Action.MERGE, values, (), member_id, name, "email", label)
                )
            else:
                lines.append(PlannedLine(row.line, Action.CREATE, values, label=label))
            if progress is not None:
                progress(done, total)
        return ImportPlan(self.kind, tuple(lines), source)

    def apply(
        self,
        db,
        plan: ImportPlan,
        *,
        decisions: Mapping[int, Action] | None = None,
        skip_bad: bool = False,
        operator_id: int | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportResult:
        decisions = dict(decisions or {})
        self.applied.append({"decisions": decisions, "skip_bad": skip_bad})
        refused = plan.errors
        if refused and not skip_bad:
            return ImportResult(refused=refused, written=False)
        created = merged = skipped = 0
        with db.write() as s:
            last = s.scalar(select(func.count(Member.id))) or 0
            for done, line in enumerate(plan.lines, start=1):
                self.started.set()
                if self.hold is not None:
                    while not self.hold.wait(0.01):
                        if cancelled is not None and cancelled():
                            break
                if cancelled is not None and cancelled():
                    raise DomainError("cancelled")  # rolled back: nothing written
                action = line.action
                if line.duplicate_of is not None and action is not Action.REFUSED:
                    action = decisions.get(line.line, action)
                if action is Action.CREATE:
                    last += 1
                    s.add(
                        Member(
                            number=f"I{last:05d}",
                            last_name=str(line.values.get("last_name", "")),
                            first_name=str(line.values.get("first_name", "")),
                            email=str(line.values.get("email", "")),
                        )
                    )
                    created += 1
                elif action is Action.MERGE:
                    member = s.get(Member, line.duplicate_of)
                    if member is not None and not member.first_name:
                        member.first_name = str(line.values.get("first_name", ""))
                    merged += 1
                elif action is Action.SKIP:
                    skipped += 1
                if progress is not None:
                    progress(done, len(plan.lines))
        return ImportResult(created, merged, skipped, refused, written=True)
