"""The members importer: members (and their membership) from any CSV/XLSX, HelloAsso's
export of memberships, Paheko's members export or Fab Manager's users export
(``sources``).

Each line becomes a member checked by ``services.people.members.validate_member`` (the
same rules as the member form: nothing is re-implemented here) and, when the line holds
membership dates or a fee, a membership checked by ``validate_membership``. An imported
membership was paid outside the software (HelloAsso, cash before it): it is written with
``paid_outside`` — counted once in own revenue, never to invoice
(services.finance.own_revenue).

A line whose order was not paid (HelloAsso's "Statut de la commande": "Remboursé",
"Annulé"...) is planned as SKIP (``skip_reason`` "order_not_paid").

What a planned line shows (``PlannedLine.values``): the cleaned value of each field by
its key ("last_name", "email", "birth_year", "membership_start" as a date,
"membership_fee" in cents...), and under "_line" the :class:`MemberLine` that ``apply``
writes (not for display).

Duplicates — the same e-mail, or the same name (accents and case aside) with the same
birth year or the same commune:

- of a member already in the base: planned as MERGE (the empty fields of that member
  are filled, nothing is overwritten; its membership added unless it has it already),
  which the user may turn into SKIP or CREATE;
- of an earlier line of the file: refused ("duplicate_in_file", the value naming the
  first line).

The lookups are made in bulk (one query for the base's members, one for the
audiences): planning the first 100 lines of a 20,000-line file for the preview is
immediate, the whole file a few seconds (tests/bench/bench_members_import.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Audience, ConsentChange, Member, Membership
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import Gender, MemberKind
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.inputs import day_in_range
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import fold, stamp
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
from tierslieu_desktop.services.imports.sources import SOURCE_COLUMNS, match_columns
from tierslieu_desktop.services.imports.sources import detect_source as detect_source
from tierslieu_desktop.services.imports.tables import Cell, Row, Table, cell_date, cell_text
from tierslieu_desktop.services.people.consents import (
    CONSENTS,
    current_consents,
    record_consent_changes,
)
from tierslieu_desktop.services.people.members import (
    MemberInput,
    MembershipInput,
    display_name,
    member_input,
    member_values,
    membership_values,
    new_membership,
    next_member_number,
    validate_member,
    validate_membership,
    write_member,
)
from tierslieu_desktop.services.pricing.tariff_csv import ImportSteps

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("last_name", True, ("nom", "nom de famille", "last name", "surname", "lastname")),
    FieldSpec("first_name", False, ("prenom", "first name", "firstname", "given name")),
    FieldSpec("full_name", False, ("nom prenom", "nom et prenom", "nom complet", "full name")),
    FieldSpec(
        "organisation",
        False,
        ("structure", "organisation", "organization", "raison sociale", "entreprise", "societe"),
    ),
    FieldSpec(
        "email",
        False,
        ("e mail", "email", "courriel", "mail", "adresse e mail", "adresse mail", "adresse email"),
    ),
    FieldSpec(
        "phone",
        False,
        ("telephone", "tel", "portable", "mobile", "phone", "numero de telephone", "tel portable"),
    ),
    FieldSpec("birth_year", False, ("annee de naissance", "birth year", "annee naissance")),
    FieldSpec(
        "birth_date", False, ("date de naissance", "naissance", "date naissance", "birth date")
    ),
    FieldSpec("age", False, ("age",)),
    FieldSpec("gender", False, ("genre", "sexe", "gender", "civilite")),
    FieldSpec("postcode", False, ("code postal", "cp", "postcode", "zip", "code postal adherent")),
    FieldSpec("city", False, ("ville", "commune", "localite", "city", "town")),
    FieldSpec("address", False, ("adresse", "adresse postale", "rue", "address")),
    FieldSpec("audience", False, ("public", "publics", "categorie", "groupe", "audience")),
    FieldSpec("kind", False, ("type", "type de membre", "personne", "statut juridique")),
    FieldSpec("guardian_name", False, ("responsable legal", "representant legal", "parent")),
    FieldSpec("status", False, ("statut de la commande", "statut du paiement")),
    FieldSpec("payer_last_name", False, ("nom payeur",)),
    FieldSpec("payer_first_name", False, ("prenom payeur",)),
    FieldSpec("payer_email", False, ("email payeur",)),
    FieldSpec("newsletter", False, ("lettre d information", "newsletter", "infolettre")),
    FieldSpec("notes", False, ("notes", "note", "remarques", "commentaire", "commentaires")),
    FieldSpec(
        "membership_start",
        False,
        ("debut adhesion", "adhesion debut", "date d adhesion", "date adhesion", "adhesion le"),
    ),
    FieldSpec(
        "membership_end",
        False,
        ("fin adhesion", "adhesion fin", "fin d adhesion", "adhesion jusqu au", "valable jusqu au"),
    ),
    FieldSpec(
        "membership_fee",
        False,
        ("cotisation", "montant", "montant adhesion", "montant cotisation", "tarif adhesion"),
    ),
    FieldSpec("reference", False, ("reference", "numero d adherent", "n adherent")),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

# validate_member's field names that are not this importer's keys
_MEMBER_FIELD_KEY = {"guardian_phone": "guardian_name", "guardian_email": "payer_email"}
_GENDERS = {
    "f": Gender.FEMALE, "femme": Gender.FEMALE, "feminin": Gender.FEMALE, "female": Gender.FEMALE,
    "mme": Gender.FEMALE, "madame": Gender.FEMALE, "elle": Gender.FEMALE, "w": Gender.FEMALE,
    "m": Gender.MALE, "h": Gender.MALE, "homme": Gender.MALE, "masculin": Gender.MALE,
    "male": Gender.MALE, "man": Gender.MALE, "woman": Gender.FEMALE, "monsieur": Gender.MALE,
    "il": Gender.MALE, "mr": Gender.MALE, "autre": Gender.OTHER, "other": Gender.OTHER,
    "iel": Gender.OTHER, "x": Gender.OTHER, "non binaire": Gender.OTHER,
}  # fmt: skip
_ORGANISATION_WORDS = {
    "organisation", "organization", "structure", "personne morale", "morale", "entreprise",
    "association", "societe", "collectivite", "ecole", "etablissement",
}  # fmt: skip
_PERSON_WORDS = {"personne", "person", "personne physique", "physique", "particulier", "individu"}
_YES = {"oui", "o", "yes", "y", "1", "true", "vrai", "x", "inscrit", "inscrite"}
_NO = {"non", "n", "no", "0", "false", "faux", ""}
_REFUND_FREE = {"gratuit", "free", "offert"}
# an order's status that says it was not paid (HelloAsso: "Remboursé", "Annulé"...)
_NOT_PAID = {
    "rembourse", "remboursee", "annule", "annulee", "refunded", "canceled", "cancelled",
    "abandonne", "abandonnee", "refuse", "refusee", "en attente", "pending",
}  # fmt: skip
_CHUNK = 500
_ADDRESS_TOWN = re.compile(r"^(.*?)[,\s]+(\d{5})\s+(\D.*)$")


# what tells two lines or records are the same person: the e-mail, the folded name and
# birth year, the folded name and commune (None when a part is empty)
_Keys = tuple[str | None, tuple[str, int] | None, tuple[str, str] | None]


@dataclass(frozen=True)
class MemberLine:
    """What a planned line writes: the member as ``validate_member`` cleaned it, and its
    membership (``member_id`` 0 until written) or None."""

    member: MemberInput
    membership: MembershipInput | None
    keys: _Keys = (None, None, None)


@dataclass
class _Known:
    """The base's members and audiences, read once for the whole plan."""

    audiences: dict[str, int]  # folded name -> id
    default_audience: int | None
    by_email: dict[str, int]
    by_name_year: dict[tuple[str, int], int]
    by_name_city: dict[tuple[str, str], int]
    labels: dict[int, str]


def _name_key(last: str, first: str) -> str:
    return " ".join(fold(f"{last} {first}").split())


def _read_known(session: Session) -> _Known:
    audiences: dict[str, int] = {}
    default: int | None = None
    for aid, name, archived in session.execute(
        select(Audience.id, Audience.name, Audience.archived).order_by(
            Audience.position, Audience.name
        )
    ):
        audiences.setdefault(fold(name).strip(), aid)
        if default is None and not archived:
            default = aid
    known = _Known(audiences, default, {}, {}, {}, {})
    for mid, number, kind, first, last, email, year, city in session.execute(
        select(
            Member.id,
            Member.number,
            Member.kind,
            Member.first_name,
            Member.last_name,
            Member.email,
            Member.birth_year,
            Member.city,
        ).order_by(Member.id)
    ):
        name = _name_key(last, first)
        if email:
            known.by_email.setdefault(email.lower(), mid)
        if year is not None:
            known.by_name_year.setdefault((name, year), mid)
        if city:
            known.by_name_city.setdefault((name, fold(city).strip()), mid)
        known.labels[mid] = f"{display_name(kind, first, last)}, n° {number}"
    return known


def _split_full_name(text: str) -> tuple[str, str]:
    """ "DUPONT Jean" / "Jean DUPONT" -> ("DUPONT", "Jean"): the words in capitals are the
    last name; without any, the first word (Paheko's "Nom & prénom": the name first)."""
    words = text.split()
    upper = [w for w in words if w.isupper() and len(w.strip(".-'")) > 1]
    if upper and len(upper) < len(words):
        return " ".join(upper), " ".join(w for w in words if w not in upper)
    if len(words) == 1:
        return words[0], ""
    return words[0], " ".join(words[1:])


def _payer(texts: Mapping[str, str], last: str, first: str) -> str:
    """The payer of a HelloAsso order when it is not the member (a parent paying for a
    child): "Jean MARTY"; "" otherwise."""
    payer_last, payer_first = texts.get("payer_last_name", ""), texts.get("payer_first_name", "")
    if not payer_last or _name_key(payer_last, payer_first) == _name_key(last, first):
        return ""
    return f"{payer_first} {payer_last.upper()}".strip()


def _payer_email(texts: Mapping[str, str], last: str, first: str) -> str:
    """The payer's e-mail when the payer is the member (HelloAsso: the form's own
    "Email" left empty)."""
    if texts.get("payer_email") and not _payer(texts, last, first):
        return texts["payer_email"]
    return ""


def _amount(cell: Cell) -> int:
    """Cents of a fee cell (a number, "15", "15,00 €", "Gratuit"); AmountError otherwise."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        cents = round(cell * 100)
        if abs(cents - cell * 100) > 1e-6:
            raise AmountError("amount_decimals", str(cell))
        if cents < 0:
            raise AmountError("amount_negative", str(cell))
        return cents
    text = cell_text(cell).strip()
    if fold(text) in _REFUND_FREE:
        return 0
    return parse_amount(text)


def _one_year_after(day: date) -> date:
    """The last day of a one-year membership starting on ``day``."""
    try:
        return day.replace(year=day.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _one_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1) + timedelta(days=1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28) + timedelta(days=1)


class MembersImporter:
    """The :class:`~.base.Importer` of members (see the module's docstring)."""

    kind = "members"
    fields = FIELDS

    def suggest_mapping(self, headers: tuple[str, ...], source: str) -> dict[str, str | None]:
        """The source's own columns first (HelloAsso, Paheko, Fab Manager), then the
        usual names of each field for the columns left."""
        found: dict[str, str | None] = {}
        if source in SOURCE_COLUMNS:
            found = {k: v for k, v in match_columns(headers, SOURCE_COLUMNS[source]).items() if v}
        taken = set(found.values())
        rest = tuple(h for h in headers if h not in taken)
        generic = match_columns(rest, {f.key: f.aliases for f in FIELDS if f.key not in found})
        mapping = {key: found.get(key) or generic.get(key) for key in FIELD_KEYS}
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
        today: date | None = None,
    ) -> ImportPlan:
        """Every line checked and its duplicates found; nothing written."""
        today = today or lab_today()
        columns = {key: table.column(mapping.get(key)) for key in FIELD_KEYS}
        with db.read() as session:
            known = _read_known(session)
        steps = ImportSteps(len(table.rows), progress, cancelled)
        seen_email: dict[str, int] = {}
        seen_name_year: dict[tuple[str, int], int] = {}
        seen_name_city: dict[tuple[str, str], int] = {}
        lines: list[PlannedLine] = []
        for row in table.rows:
            planned = self._plan_line(row, columns, known, source, today)
            if planned.action is not Action.REFUSED:
                planned = _against_file(planned, seen_email, seen_name_year, seen_name_city)
            lines.append(planned)
            steps.step()
        steps.check()
        return ImportPlan(self.kind, tuple(lines), source, complete=table.complete)

    def _plan_line(
        self,
        row: Row,
        columns: Mapping[str, int | None],
        known: _Known,
        source: str,
        today: date,
    ) -> PlannedLine:
        cells = {key: row.get(index) for key, index in columns.items() if index is not None}
        texts = {key: cell_text(cell).strip() for key, cell in cells.items()}
        errors: dict[str, str] = {}

        last, first = texts.get("last_name", ""), texts.get("first_name", "")
        if not last and not first and texts.get("full_name"):
            last, first = _split_full_name(texts["full_name"])
        organisation = texts.get("organisation", "")
        kind = MemberKind.PERSON
        kind_text = fold(texts.get("kind", ""))
        if kind_text in _ORGANISATION_WORDS or (organisation and not last and not first):
            kind = MemberKind.ORGANISATION
        elif kind_text and kind_text not in _PERSON_WORDS:
            errors["kind"] = "invalid_choice"
        notes = texts.get("notes", "")
        if kind == MemberKind.ORGANISATION:
            last = organisation or last or " ".join(p for p in (first, last) if p)
            first = ""
        elif organisation:
            notes = f"{notes}\nStructure : {organisation}".strip()

        birth_year: int | None = None
        year_field = "birth_year"
        if texts.get("birth_year"):
            try:
                birth_year = int(float(texts["birth_year"].replace(",", ".")))
            except ValueError:
                errors["birth_year"] = "birth_year_invalid"
        if birth_year is None and "birth_year" not in errors and texts.get("birth_date"):
            year_field = "birth_date"
            try:
                born = cell_date(cells["birth_date"])
                birth_year = born.year if born else None
            except ValueError:
                errors["birth_date"] = "invalid_date"
        no_year = birth_year is None and not errors.keys() & {"birth_year", "birth_date"}
        if no_year and texts.get("age"):
            year_field = "age"
            try:
                birth_year = today.year - int(float(texts["age"].replace(",", ".")))
            except ValueError:
                errors["age"] = "invalid_number"

        address = texts.get("address", "")
        postcode, city = texts.get("postcode", ""), texts.get("city", "")
        if address and not postcode and not city:
            # "7 rue Gambetta 46100 Figeac" (Fab Manager's one address field)
            found = _ADDRESS_TOWN.match(address)
            if found:
                address, postcode, city = found.group(1), found.group(2), found.group(3)

        gender: Gender | None = None
        if texts.get("gender"):
            gender = _GENDERS.get(fold(texts["gender"]).strip(". "))
            if gender is None:
                errors["gender"] = "invalid_choice"

        audience_id: int | None = None
        if texts.get("audience"):
            audience_id = known.audiences.get(fold(texts["audience"]).strip())
            if audience_id is None:
                errors["audience"] = "unknown_audience"

        newsletter = False
        if "newsletter" in texts:
            answer = fold(texts["newsletter"])
            newsletter = answer in _YES
            if not newsletter and answer not in _NO:
                errors["newsletter"] = "invalid_choice"

        data = MemberInput(
            kind=kind,
            first_name=first,
            last_name=last,
            email=texts.get("email", "") or _payer_email(texts, last, first),
            phone=texts.get("phone", ""),
            address=address,
            postcode=postcode,
            city=city,
            birth_year=birth_year,
            gender=gender,
            audience_id=audience_id,
            consent_newsletter=newsletter,
            guardian_name=texts.get("guardian_name", "") or _payer(texts, last, first),
            guardian_email=texts.get("payer_email", "") if _payer(texts, last, first) else "",
            notes=notes,
        )
        cleaned = data
        try:
            cleaned = validate_member(data, today=today)
        except ValidationError as exc:
            for name, code in exc.fields.items():
                key = _MEMBER_FIELD_KEY.get(name, name)
                if key == "birth_year":
                    key = year_field
                elif key == "last_name" and columns.get("last_name") is None:
                    if columns.get("full_name") is not None:
                        key = "full_name"
                    elif columns.get("organisation") is not None:
                        key = "organisation"
                if key not in FIELD_KEYS:
                    key = ""
                errors.setdefault(key, code)

        membership = self._membership(cells, texts, errors, audience_id, known, source)
        label = display_name(kind, cleaned.first_name, cleaned.last_name)
        values: dict[str, object] = {
            "last_name": cleaned.last_name,
            "first_name": cleaned.first_name,
            "organisation": organisation,
            "email": cleaned.email,
            "phone": cleaned.phone,
            "birth_year": cleaned.birth_year,
            "gender": cleaned.gender.value if cleaned.gender else "",
            "postcode": cleaned.postcode,
            "city": cleaned.city,
            "address": cleaned.address,
            "audience": texts.get("audience", ""),
            "kind": cleaned.kind.value,
            "notes": cleaned.notes,
            "newsletter": cleaned.consent_newsletter,
        }
        if membership is not None:
            values["membership_start"] = membership.start_date
            values["membership_end"] = membership.end_date
            values["membership_fee"] = membership.fee_cents
        keys = _keys(cleaned)
        values["_line"] = MemberLine(cleaned, membership, keys)
        if fold(texts.get("status", "")).strip() in _NOT_PAID:
            return PlannedLine(
                row.line, Action.SKIP, values, label=label, skip_reason="order_not_paid"
            )
        if errors:
            line_errors = tuple(
                LineError(row.line, key, code, texts.get(key, ""))
                for key, code in sorted(errors.items(), key=lambda kv: _field_order(kv[0]))
            )
            return PlannedLine(row.line, Action.REFUSED, values, line_errors, label=label)
        duplicate, reason = _in_base(keys, known)
        if duplicate is not None:
            return PlannedLine(
                row.line,
                Action.MERGE,
                values,
                duplicate_of=duplicate,
                duplicate_label=known.labels.get(duplicate, ""),
                duplicate_reason=reason,
                label=label,
            )
        return PlannedLine(row.line, Action.CREATE, values, label=label)

    def _membership(
        self,
        cells: Mapping[str, Cell],
        texts: Mapping[str, str],
        errors: dict[str, str],
        audience_id: int | None,
        known: _Known,
        source: str,
    ) -> MembershipInput | None:
        if not any(texts.get(k) for k in ("membership_start", "membership_end", "membership_fee")):
            return None
        days: dict[str, date | None] = {}
        for key in ("membership_start", "membership_end"):
            try:
                day = cell_date(cells.get(key))
            except ValueError:
                errors[key] = "invalid_date"
                day = None
            else:
                if day is not None and not day_in_range(day):
                    errors[key] = "date_out_of_range"
            days[key] = day
        fee = 0
        if texts.get("membership_fee"):
            try:
                fee = _amount(cells["membership_fee"])
            except AmountError as exc:
                errors["membership_fee"] = exc.code
        start, end = days["membership_start"], days["membership_end"]
        if start is None and end is None:
            if not errors.keys() & {"membership_start", "membership_end"}:
                errors["membership_start"] = "required"
            return None
        start = start or _one_year_before(end)  # type: ignore[arg-type]
        end = end or _one_year_after(start)
        audience = audience_id or known.default_audience
        if audience is None:
            errors.setdefault("audience", "no_audience")
            return None
        reference = texts.get("reference", "")
        origin = {"helloasso": "HelloAsso", "paheko": "Paheko", "fabmanager": "Fab Manager"}
        note = " ".join(
            p for p in (origin.get(source, ""), f"réf. {reference}" if reference else "") if p
        )
        data = MembershipInput(0, audience, start, end, fee, note, paid_outside=True)
        try:
            validate_membership(data)
        except ValidationError as exc:
            for name, code in exc.fields.items():
                key = {"end_date": "membership_end", "fee": "membership_fee"}.get(
                    name, "membership_start"
                )
                errors.setdefault(key, code)
            return None
        return data

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
        """Write the plan in one transaction (see ``base``). A refused line writes
        nothing unless ``skip_bad``; ``decisions`` turns a duplicate's MERGE into SKIP or
        CREATE, or skips any line."""
        if not plan.complete:
            raise DomainError("plan_incomplete")
        decisions = decisions or {}
        refused = plan.errors
        if refused and not skip_bad:
            return ImportResult(refused=refused, written=False)
        todo: list[tuple[PlannedLine, Action]] = []
        skipped = 0
        for line in plan.lines:
            if line.action is Action.REFUSED:
                continue
            action = decisions.get(line.line, line.action)
            if action is Action.MERGE and line.duplicate_of is None:
                action = Action.CREATE
            if action is Action.REFUSED:
                action = Action.SKIP
            if action is Action.SKIP:
                skipped += 1
                continue
            todo.append((line, action))
        steps = ImportSteps(len(todo), progress, cancelled)
        created = merged = 0
        merge_errors: list[LineError] = []
        try:
            with db.write() as session:
                number = int(next_member_number(session)[1:])
                stamped = _stamp_columns(operator_id)  # one moment: one transaction
                for chunk in _chunks(todo, _CHUNK):
                    new_members: list[tuple[dict[str, object], MembershipInput | None]] = []
                    merges = [line for line, action in chunk if action is Action.MERGE]
                    targets = _load_targets(session, merges)
                    for line, action in chunk:
                        item = line.values["_line"]
                        assert isinstance(item, MemberLine)
                        if action is Action.CREATE:
                            code = f"A{number:05d}"
                            number += 1
                            values = member_values(item.member, code)
                            values.update(stamped, number=code)
                            new_members.append((values, item.membership))
                            created += 1
                        else:
                            target, periods = targets[line.duplicate_of]
                            error = _merge(session, target, periods, item, line.line, operator_id)
                            if error is not None:
                                merge_errors.append(error)
                                continue
                            merged += 1
                        steps.step()
                    _insert_new(session, new_members, stamped)
                if merge_errors and not skip_bad:
                    raise _MergeRefused
                steps.check()
        except _MergeRefused:
            return ImportResult(refused=refused + tuple(merge_errors), written=False)
        return ImportResult(
            created=created,
            merged=merged,
            skipped=skipped + len(merge_errors),
            refused=refused + tuple(merge_errors),
            written=True,
        )


class _MergeRefused(Exception):
    """A merged record does not validate: the transaction is rolled back."""


def _stamp_columns(actor: int | None) -> dict[str, object]:
    """The audit columns ``stamp`` sets on a new row, for the rows inserted in bulk."""
    row = Member()
    stamp(row, actor, created=True)
    return {
        k: getattr(row, k) for k in ("created_at", "created_by_id", "updated_at", "updated_by_id")
    }


def _insert_new(
    session: Session,
    new_members: list[tuple[dict[str, object], MembershipInput | None]],
    stamped: dict[str, object],
) -> None:
    """The new members of a chunk in one INSERT (their ids back in order), then their
    memberships in another: the ORM's unit of work would write them one by one."""
    if not new_members:
        return
    ids = session.scalars(
        insert(Member).returning(Member.id, sort_by_parameter_order=True),
        [values for values, _ in new_members],
    ).all()
    # the consents the file gives, dated like a new card's (issue 19: consent history)
    consents = [
        {
            "member_id": member_id,
            "consent": consent,
            "given": True,
            "at": stamped["created_at"],
            "operator_id": stamped["created_by_id"],
            "reason": "created",
        }
        for member_id, (values, _) in zip(ids, new_members, strict=True)
        for consent in CONSENTS
        if values.get(f"consent_{consent}")
    ]
    if consents:
        session.execute(insert(ConsentChange), consents)
    rows = [
        {**membership_values(replace(ms, member_id=member_id)), **stamped}
        for member_id, (_, ms) in zip(ids, new_members, strict=True)
        if ms is not None
    ]
    if rows:
        session.execute(insert(Membership), rows)


def _field_order(key: str) -> int:
    return FIELD_KEYS.index(key) if key in FIELD_KEYS else -1


def _keys(m: MemberInput) -> _Keys:
    name = _name_key(m.last_name, m.first_name)
    return (
        m.email or None,
        (name, m.birth_year) if m.birth_year is not None else None,
        (name, fold(m.city).strip()) if m.city else None,
    )


def _in_base(keys: _Keys, known: _Known) -> tuple[int | None, str]:
    email, name_year, name_city = keys
    if email and email in known.by_email:
        return known.by_email[email], "email"
    if name_year and name_year in known.by_name_year:
        return known.by_name_year[name_year], "name_birth_year"
    if name_city and name_city in known.by_name_city:
        return known.by_name_city[name_city], "name_commune"
    return None, ""


def _against_file(
    planned: PlannedLine,
    seen_email: dict[str, int],
    seen_name_year: dict[tuple[str, int], int],
    seen_name_city: dict[tuple[str, str], int],
) -> PlannedLine:
    """Refused as "duplicate_in_file" when an earlier line is the same person (the
    error's value: that line's number); else its keys are remembered."""
    item = planned.values["_line"]
    assert isinstance(item, MemberLine)
    email, name_year, name_city = item.keys
    first: tuple[str, int] | None = None
    if email and email in seen_email:
        first = ("email", seen_email[email])
    elif name_year and name_year in seen_name_year:
        first = ("last_name", seen_name_year[name_year])
    elif name_city and name_city in seen_name_city:
        first = ("last_name", seen_name_city[name_city])
    if first is not None:
        error = LineError(planned.line, first[0], "duplicate_in_file", str(first[1]))
        return replace(planned, action=Action.REFUSED, errors=(error,))
    if email:
        seen_email[email] = planned.line
    if name_year:
        seen_name_year[name_year] = planned.line
    if name_city:
        seen_name_city[name_city] = planned.line
    return planned


def _chunks(items: list[tuple[PlannedLine, Action]], size: int) -> Iterator[list]:  # type: ignore[type-arg]
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _load_targets(
    session: Session, merges: list[PlannedLine]
) -> dict[int, tuple[Member, set[tuple[int, date, date]]]]:
    """The members some lines merge into, with the (audience, start, end) of their
    memberships: two queries for a chunk of lines."""
    ids = list({line.duplicate_of for line in merges if line.duplicate_of is not None})
    if not ids:
        return {}
    members = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(ids)))}
    periods: dict[int, set[tuple[int, date, date]]] = {mid: set() for mid in members}
    for mid, aid, start, end in session.execute(
        select(
            Membership.member_id, Membership.audience_id, Membership.start_date, Membership.end_date
        ).where(Membership.member_id.in_(ids))
    ):
        periods[mid].add((aid, start, end))
    return {mid: (members[mid], periods[mid]) for mid in members}


def _merged(existing: MemberInput, new: MemberInput) -> MemberInput:
    """``existing`` with its empty fields filled from ``new`` (never overwritten)."""
    changes: dict[str, object] = {}
    for f in dataclasses.fields(MemberInput):
        old, value = getattr(existing, f.name), getattr(new, f.name)
        if f.name == "kind" or f.name == "age_band":
            continue
        if old in ("", None, False) and value not in ("", None, False):
            changes[f.name] = value
    if (
        existing.notes
        and new.notes
        and new.notes not in existing.notes
        and len(existing.notes) + len(new.notes) < 1900
    ):
        changes["notes"] = f"{existing.notes}\n{new.notes}"
    return replace(existing, **changes)  # type: ignore[arg-type]


def _merge(
    session: Session,
    target: Member,
    periods: set[tuple[int, date, date]],
    item: MemberLine,
    line: int,
    actor: int | None,
) -> LineError | None:
    try:
        cleaned = validate_member(_merged(member_input(target), item.member))
    except ValidationError as exc:
        name, code = next(iter(exc.fields.items()))
        return LineError(line, name if name in FIELD_KEYS else "", code, "")
    org_name = target.organisation.last_name if target.organisation is not None else ""
    consents = current_consents(target)
    write_member(target, cleaned, org_name)
    stamp(target, actor)
    record_consent_changes(session, target, consents, actor)  # a consent the file gives
    ms = item.membership
    if ms is not None:
        audience = item.member.audience_id or target.audience_id or ms.audience_id
        ms = replace(ms, audience_id=audience)
        key = (ms.audience_id, ms.start_date, ms.end_date)
        if key not in periods and (ms.start_date, ms.end_date) not in {
            (s, e) for _, s, e in periods
        }:
            session.add(new_membership(replace(ms, member_id=target.id), actor))
            periods.add(key)
    return None


IMPORTER = MembersImporter()
