"""The class-list importer: a list of participants (CSV or XLSX) into ONE session's
registrations, as named members or as one group.

What the model allows decided the two ways (``services.activity.registrations``): a
registration is either a member (head-count 1) or a group (a name, an optional
organisation — the school —, a responsible person, a head-count, an age band). A
registration "by name" without a member does not exist, so:

- **Named participants** (the default): each line is a person, matched to a member of
  the base by the members' duplicate rules — the same e-mail, or the same name (case
  and accents aside) with the same birth year — planned as MERGE (that member is
  registered; the empty e-mail, birth year or legal guardian filled); a line with
  neither e-mail nor birth year matches the only member of that name, if there is
  exactly one (class lists rarely carry birth years: a class coming back must not
  create its pupils twice; the preview shows the member and the user may CREATE
  instead). An unknown person is created as a member of the importer's public, checked
  by ``services.people.members.validate_member`` — so a minor (birth year under 18)
  needs a legal guardian column, as at the desk (``guardian_required``). A member
  already registered or waiting for this session is SKIP ("already_registered").
- **A group** (``group=GroupSpec(...)``): the lines are counted, the names only shown
  in the preview (no child's name stored): one group registration whose head-count is
  the number of lines kept. The way for a school class: no pupil becomes a member.

Capacity: the session's free seats (its capacity less the seats taken) are given in
the file's order; a line beyond them is refused ("session_full") — a class is not put on a waiting list line by line; with ``skip_bad`` the
lines that fit are registered. Someone already on the waiting list keeps their place:
no seat is free then. A cancelled session refuses the whole file
(``DomainError("session_cancelled")``), a group name already registered for the
session too (``DomainError("group_already_registered")``: change its head-count).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Member, Registration
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import MemberKind, RegistrationStatus, SessionStatus
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.activity.registrations import RegistrationInput, register_in
from tierslieu_desktop.services.activity.sessions import NAME_MAX, load_session, seats_taken
from tierslieu_desktop.services.common import check_texts, fold, stamp
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
from tierslieu_desktop.services.imports.cells import match_fields
from tierslieu_desktop.services.imports.tables import Row, Table, cell_date, cell_text
from tierslieu_desktop.services.people.members import (
    MemberInput,
    display_name,
    member_input,
    next_member_number,
    validate_member,
    write_member,
)
from tierslieu_desktop.services.pricing.tariff_csv import ImportSteps

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("last_name", True, ("nom", "nom de famille", "nom eleve", "last name", "surname")),
    FieldSpec("first_name", False, ("prenom", "prenom eleve", "first name", "firstname")),
    FieldSpec(
        "full_name",
        False,
        ("nom prenom", "nom et prenom", "eleve", "participant", "nom complet", "full name"),
    ),
    FieldSpec("birth_year", False, ("annee de naissance", "annee naissance", "birth year")),
    FieldSpec("birth_date", False, ("date de naissance", "naissance", "ne le", "birth date")),
    FieldSpec("email", False, ("e mail", "email", "courriel", "mail", "adresse mail")),
    FieldSpec(
        "guardian_name",
        False,
        ("responsable legal", "representant legal", "parent", "nom du parent", "guardian"),
    ),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)
_MEMBER_FIELD_KEY = {"guardian_phone": "guardian_name", "guardian_email": "guardian_name"}


@dataclass(frozen=True)
class GroupSpec:
    """The group a class list is registered as (one registration, the lines counted)."""

    name: str  # "CM2 de l'école de Biars"
    organisation_id: int | None = None  # the school, an organisation member (payer)
    responsible_name: str = ""  # the teacher
    age_band: str | None = None  # domain.enums.AgeBand value


@dataclass(frozen=True)
class PupilLine:
    """What a named line writes: the member to create (as ``validate_member`` cleaned
    it), or what fills the member it matched."""

    member: MemberInput


@dataclass
class _Known:
    by_email: dict[str, int]
    by_name_year: dict[tuple[str, int], int]
    by_name: dict[str, list[int]]
    labels: dict[int, str]
    registered: set[int]  # members registered or waiting for the session


def _name_key(last: str, first: str) -> str:
    return " ".join(fold(f"{last} {first}").split())


def _split_full_name(text: str) -> tuple[str, str]:
    """ "DUPONT Léa" / "Léa DUPONT" -> ("DUPONT", "Léa"): the words in capitals are the
    last name; without any, the first word."""
    words = text.split()
    upper = [w for w in words if w.isupper() and len(w.strip(".-'")) > 1]
    if upper and len(upper) < len(words):
        return " ".join(upper), " ".join(w for w in words if w not in upper)
    if len(words) == 1:
        return words[0], ""
    return words[0], " ".join(words[1:])


def _read_known(session: Session, session_id: int) -> _Known:
    known = _Known({}, {}, {}, {}, set())
    for mid, number, first, last, email, year in session.execute(
        select(
            Member.id,
            Member.number,
            Member.first_name,
            Member.last_name,
            Member.email,
            Member.birth_year,
        )
        .where(Member.kind == MemberKind.PERSON, Member.archived.is_(False))
        .order_by(Member.id)
    ):
        name = _name_key(last, first)
        if email:
            known.by_email.setdefault(email.lower(), mid)
        if year is not None:
            known.by_name_year.setdefault((name, year), mid)
        known.by_name.setdefault(name, []).append(mid)
        label = f"{display_name(MemberKind.PERSON, first, last)}, n° {number}"
        known.labels[mid] = f"{label}, {year}" if year else label
    known.registered = set(
        session.scalars(
            select(Registration.member_id).where(
                Registration.session_id == session_id,
                Registration.member_id.is_not(None),
                Registration.status != RegistrationStatus.CANCELLED,
            )
        )
    )
    return known


def _free_seats(session: Session, session_id: int) -> int:
    """The free seats: none while someone waits (a newcomer never passes them)."""
    s = load_session(session, session_id)
    if s.status == SessionStatus.CANCELLED:
        raise DomainError("session_cancelled")
    waiting = session.scalar(
        select(func.count(Registration.id)).where(
            Registration.session_id == session_id,
            Registration.status == RegistrationStatus.WAITING,
        )
    )
    if waiting:
        return 0
    return max(s.capacity - seats_taken(session, session_id), 0)


class RegistrationsImporter:
    """The :class:`~.base.Importer` of a class list into the session ``session_id``
    (see the module's docstring). ``audience_id``: the public of the members it creates;
    ``group``: register the list as one group instead of named members."""

    kind = "registrations"
    fields = FIELDS

    def __init__(
        self,
        session_id: int,
        *,
        audience_id: int | None = None,
        group: GroupSpec | None = None,
        today: date | None = None,
        now: datetime | None = None,
    ) -> None:
        self.session_id = session_id
        self.audience_id = audience_id
        self.group = group
        self.today = today
        self.now = now

    def suggest_mapping(self, headers: tuple[str, ...], source: str) -> dict[str, str | None]:
        del source
        mapping = match_fields(headers, FIELDS)
        if mapping["full_name"] and mapping["last_name"]:
            mapping["full_name"] = None
        return mapping

    # --- plan ---------------------------------------------------------------------

    @guarded(Permission.IMPORTS)
    def plan(
        self,
        db: Database,
        table: Table,
        mapping: Mapping[str, str | None],
        *,
        source: str = "csv",
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportPlan:
        """Every line checked, matched and given a seat or refused; nothing written."""
        today = self.today or lab_today()
        columns = {key: table.column(mapping.get(key)) for key in FIELD_KEYS}
        with db.read() as session:
            free = _free_seats(session, self.session_id)
            if self.group is not None:
                self._check_group(session)
            known = _read_known(session, self.session_id)
        steps = ImportSteps(len(table.rows), progress, cancelled)
        seen: dict[str, int] = {}
        lines: list[PlannedLine] = []
        for row in table.rows:
            if self.group is not None:
                planned = self._plan_participant(row, columns)
            else:
                planned = self._plan_pupil(row, columns, known, today, seen)
            if planned.action in (Action.CREATE, Action.MERGE):
                if free <= 0:
                    error = LineError(row.line, "", "session_full")
                    planned = replace(planned, action=Action.REFUSED, errors=(error,))
                else:
                    free -= 1
            lines.append(planned)
            steps.step()
        steps.check()
        return ImportPlan(self.kind, tuple(lines), source, complete=table.complete)

    def _check_group(self, session: Session) -> None:
        assert self.group is not None
        data = self._group_input(1)
        wanted = fold(" ".join(data.group_name.split()))
        if not wanted and data.organisation_id is None:
            raise ValidationError({"group_name": "required"})
        check_texts(group_name=data.group_name, responsible_name=data.responsible_name)
        if len(data.group_name.strip()) > NAME_MAX:
            raise ValidationError({"group_name": "too_long"})
        for name in session.scalars(
            select(Registration.group_name).where(
                Registration.session_id == self.session_id,
                Registration.member_id.is_(None),
                Registration.status != RegistrationStatus.CANCELLED,
            )
        ):
            if wanted and fold(" ".join(name.split())) == wanted:
                raise DomainError("group_already_registered", group=name)

    def _group_input(self, headcount: int) -> RegistrationInput:
        assert self.group is not None
        return RegistrationInput(
            session_id=self.session_id,
            organisation_id=self.group.organisation_id,
            group_name=self.group.name,
            responsible_name=self.group.responsible_name,
            headcount=headcount,
            age_band=self.group.age_band,
        )

    def _names(self, row: Row, columns: Mapping[str, int | None]) -> tuple[str, str]:
        texts = {
            key: " ".join(cell_text(row.get(index)).split())
            for key, index in columns.items()
            if index is not None
        }
        last, first = texts.get("last_name", ""), texts.get("first_name", "")
        if not last and not first and texts.get("full_name"):
            last, first = _split_full_name(texts["full_name"])
        return last, first

    def _plan_participant(self, row: Row, columns: Mapping[str, int | None]) -> PlannedLine:
        """A group's line: counted when it names someone; the name is not kept."""
        last, first = self._names(row, columns)
        label = display_name(MemberKind.PERSON, first, last)
        if not label:
            key = "last_name" if columns.get("last_name") is not None else "full_name"
            error = LineError(row.line, key, "required", "")
            return PlannedLine(row.line, Action.REFUSED, {}, (error,), label=label)
        return PlannedLine(
            row.line, Action.CREATE, {"last_name": last, "first_name": first}, label=label
        )

    def _plan_pupil(
        self,
        row: Row,
        columns: Mapping[str, int | None],
        known: _Known,
        today: date,
        seen: dict[str, int],
    ) -> PlannedLine:
        cells = {key: row.get(index) for key, index in columns.items() if index is not None}
        texts = {key: cell_text(cell).strip() for key, cell in cells.items()}
        errors: dict[str, str] = {}
        last, first = self._names(row, columns)
        birth_year: int | None = None
        year_field = "birth_year"
        if texts.get("birth_year"):
            try:
                birth_year = int(float(texts["birth_year"].replace(",", ".")))
            except ValueError:
                errors["birth_year"] = "birth_year_invalid"
        elif texts.get("birth_date"):
            year_field = "birth_date"
            try:
                born = cell_date(cells["birth_date"])
                birth_year = born.year if born else None
            except ValueError:
                errors["birth_date"] = "invalid_date"
        data = MemberInput(
            kind=MemberKind.PERSON,
            first_name=first,
            last_name=last,
            email=texts.get("email", ""),
            birth_year=birth_year,
            audience_id=self.audience_id,
            guardian_name=texts.get("guardian_name", ""),
        )
        cleaned = data
        member_errors: dict[str, str] = {}
        try:
            cleaned = validate_member(data, today=today)
        except ValidationError as exc:
            for name, code in exc.fields.items():
                key = _MEMBER_FIELD_KEY.get(name, name)
                if key == "birth_year":
                    key = year_field
                elif key == "last_name" and columns.get("last_name") is None:
                    key = "full_name"
                member_errors.setdefault(key if key in FIELD_KEYS else "", code)
        label = display_name(MemberKind.PERSON, cleaned.first_name, cleaned.last_name)
        email = cleaned.email.lower() if "email" not in member_errors else ""
        name = _name_key(cleaned.last_name, cleaned.first_name)
        values: dict[str, object] = {
            "last_name": cleaned.last_name,
            "first_name": cleaned.first_name,
            "email": cleaned.email,
            "birth_year": cleaned.birth_year,
            "guardian_name": cleaned.guardian_name,
            "_line": PupilLine(cleaned),
        }
        # the same person twice in the file
        file_keys = [k for k in (email, f"{name}|{birth_year}" if birth_year else name) if k]
        first_line = next((seen[k] for k in file_keys if k in seen), None)
        if first_line is not None and name:
            errors.setdefault("last_name", "duplicate_in_file")
            texts["last_name"] = str(first_line)
        for k in file_keys:
            seen.setdefault(k, row.line)
        match, reason = None, ""
        if not errors and "last_name" not in member_errors:
            if email and email in known.by_email:
                match, reason = known.by_email[email], "email"
            elif birth_year is not None and (name, birth_year) in known.by_name_year:
                match, reason = known.by_name_year[(name, birth_year)], "name_birth_year"
            elif not email and birth_year is None and len(known.by_name.get(name, ())) == 1:
                match, reason = known.by_name[name][0], "name"
        if match is not None:
            # registering a member who exists: only the cells' own format counts
            member_errors = {
                k: v for k, v in member_errors.items() if v not in ("guardian_required",)
            }
        errors.update({k: v for k, v in member_errors.items() if k not in errors})
        if errors:
            order = {key: i for i, key in enumerate(FIELD_KEYS)}
            line_errors = tuple(
                LineError(row.line, key, code, texts.get(key, ""))
                for key, code in sorted(errors.items(), key=lambda kv: order.get(kv[0], -1))
            )
            return PlannedLine(row.line, Action.REFUSED, values, line_errors, label=label)
        if match is not None:
            action = Action.SKIP if match in known.registered else Action.MERGE
            return PlannedLine(
                row.line,
                action,
                values,
                duplicate_of=match,
                duplicate_label=known.labels.get(match, ""),
                duplicate_reason="already_registered" if action is Action.SKIP else reason,
                label=label,
            )
        return PlannedLine(row.line, Action.CREATE, values, label=label)

    # --- apply --------------------------------------------------------------------

    @guarded(Permission.IMPORTS)
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
    ) -> ImportResult:
        """Write the plan in one transaction (see ``base``): the members created or
        completed and their registrations, or the one group registration. A refused
        line writes nothing unless ``skip_bad``."""
        if not plan.complete:  # a preview's plan: never import part of a file
            raise DomainError("plan_incomplete")
        decisions = decisions or {}
        refused = list(plan.errors)
        todo: list[tuple[PlannedLine, Action]] = []
        skipped = 0
        for line in plan.lines:
            if line.action is Action.REFUSED:
                continue
            action = decisions.get(line.line, line.action)
            if action is Action.REFUSED:
                action = Action.SKIP
            if action is Action.MERGE and line.duplicate_of is None:
                action = Action.CREATE
            if line.duplicate_reason == "already_registered" and action is Action.MERGE:
                action = Action.SKIP
            if action is Action.SKIP:
                skipped += 1
                continue
            todo.append((line, action))
        if refused and not skip_bad:
            return ImportResult(refused=tuple(refused), written=False)
        steps = ImportSteps(len(todo), progress, cancelled)
        steps.check()
        try:
            with db.write() as session:
                if self.group is not None:
                    if todo:
                        self._register(
                            session, operator_id, self._group_input(len(todo)), todo[-1][0].line
                        )
                    created, merged = len(todo), 0
                    steps.step(len(todo))
                else:
                    created, merged = self._write_pupils(session, operator_id, todo, steps)
                steps.check()
        except _Stop as stop:  # rolled back: nothing written
            return ImportResult(refused=(*refused, stop.error), written=False)
        return ImportResult(
            created=created,
            merged=merged,
            skipped=skipped,
            refused=tuple(refused),
            written=True,
        )

    def _write_pupils(
        self,
        session: Session,
        actor: int | None,
        todo: list[tuple[PlannedLine, Action]],
        steps: ImportSteps,
    ) -> tuple[int, int]:
        created = merged = 0
        for line, action in todo:
            item = line.values["_line"]
            assert isinstance(item, PupilLine)
            if action is Action.CREATE:
                try:
                    cleaned = validate_member(item.member, today=self.today)
                except ValidationError as exc:
                    name, code = next(iter(exc.fields.items()))
                    key = _MEMBER_FIELD_KEY.get(name, name)
                    raise _Stop(
                        LineError(line.line, key if key in FIELD_KEYS else "", code, "")
                    ) from None
                member = Member(number=next_member_number(session))
                stamp(member, actor, created=True)
                write_member(member, cleaned)
                session.add(member)
                session.flush()
                member_id = member.id
                created += 1
            else:
                assert line.duplicate_of is not None
                member_id = line.duplicate_of
                self._fill(session, actor, member_id, item.member)
                merged += 1
            self._register(
                session,
                actor,
                RegistrationInput(session_id=self.session_id, member_id=member_id),
                line.line,
            )
            steps.step()
        return created, merged

    def _fill(self, session: Session, actor: int | None, member_id: int, new: MemberInput) -> None:
        """The matched member's empty e-mail, birth year and guardian filled from the
        line (never overwritten; left as they were if the result would not be valid)."""
        member = session.get(Member, member_id)
        if member is None:
            return
        existing = member_input(member)
        changes: dict[str, object] = {}
        for name in ("email", "birth_year", "guardian_name"):
            old, value = getattr(existing, name), getattr(new, name)
            if old in ("", None) and value not in ("", None):
                changes[name] = value
        if not changes:
            return
        try:
            cleaned = validate_member(replace(existing, **changes), today=self.today)  # type: ignore[arg-type]
        except ValidationError:
            return
        org_name = member.organisation.last_name if member.organisation is not None else ""
        write_member(member, cleaned, org_name)
        stamp(member, actor)

    def _register(
        self, session: Session, actor: int | None, data: RegistrationInput, line: int
    ) -> None:
        """Seated, never waiting: refused ("session_full") when the seats are gone since
        the plan (another desk registered someone)."""
        free = _free_seats(session, self.session_id)
        if data.headcount > free:
            raise _Stop(LineError(line, "", "session_full"))
        try:
            register_in(session, actor, data, now=self.now)
        except ValidationError as exc:
            name, code = next(iter(exc.fields.items()))
            raise _Stop(LineError(line, "", code, name)) from None
        except DomainError as exc:
            raise _Stop(LineError(line, "", exc.code, "")) from None


class _Stop(DomainError):
    """A line refused while writing: raised inside the transaction, which rolls back."""

    def __init__(self, error: LineError) -> None:
        self.error = error
        super().__init__("import_line_refused", line=error.line, field=error.field)
