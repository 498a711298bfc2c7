"""Members (adhérents / usagers): search, create, edit, archive; their memberships."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, ScalarSelect, Select, SQLColumnExpression, func, select
from sqlalchemy.orm import Session, aliased

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Audience,
    Authorization,
    Machine,
    MachineCategory,
    Member,
    Membership,
    Operator,
    utcnow,
)
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import (
    MINOR_AGE_BANDS,
    AgeBand,
    Gender,
    MemberKind,
    OrganisationType,
    Situation,
)
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.domain.invoicing import PUBLIC_BUYER_TYPES
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.validation import (
    FieldInvalid,
    clean_birth_year,
    clean_email,
    clean_phone,
    clean_postcode,
    clean_siret,
    clean_vat_number,
    vat_matches_siren,
)
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import (
    FieldCollector,
    check_version,
    escape_like,
    fold,
    soft_delete,
    stamp,
)
from tierslieu_desktop.services.people.consents import current_consents, record_consent_changes

SORT_KEYS = ("name", "number", "city", "audience", "membership")
_SelectT = TypeVar("_SelectT", bound="Select[*tuple[Any, ...]]")  # any SELECT
ADULT_AGE = 18
MAX_SERVICE_CODE_LENGTH = 100  # Chorus Pro "code service"
MAX_COMMITMENT_NUMBER_LENGTH = 50  # Chorus Pro "numéro d'engagement juridique"


@dataclass(frozen=True)
class MemberRow:
    id: int
    number: str
    kind: MemberKind
    display_name: str
    email: str
    phone: str
    postcode: str
    city: str
    audience_name: str
    membership_until: date | None
    archived: bool
    version: int = 1  # what set_archived's expected_version is given (the list's archiving)


@dataclass(frozen=True)
class MemberInput:
    kind: MemberKind = MemberKind.PERSON
    first_name: str = ""
    last_name: str = ""  # the organisation's name for an organisation
    organisation_type: OrganisationType | None = None
    siret: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    age_band: AgeBand | None = None
    birth_year: int | None = None
    # Optional, never required at the desk (None: « non renseigné »; issue 16).
    gender: Gender | None = None
    situation: Situation | None = None
    audience_id: int | None = None
    organisation_id: int | None = None
    consent_newsletter: bool = False
    consent_photos: bool = False
    guardian_name: str = ""
    guardian_phone: str = ""
    guardian_email: str = ""
    notes: str = ""
    # Invoicing, organisations only: invoiced once a month in one batch; the Chorus Pro
    # service code and commitment number of a public buyer (public body, school); the
    # buyer's intra-EU VAT number.
    monthly_invoicing: bool = False
    service_code: str = ""
    vat_number: str = ""
    commitment_number: str = ""


@dataclass(frozen=True)
class MembershipRow:
    id: int
    audience_id: int
    audience_name: str
    start_date: date
    end_date: date
    fee_cents: int
    note: str


@dataclass(frozen=True)
class AuthorizationRow:
    id: int
    member_id: int
    member_name: str
    machine_id: int | None
    category_id: int | None
    label: str  # machine name, or category name
    granted_on: date
    trainer: str
    note: str


@dataclass(frozen=True)
class MemberDetail:
    id: int
    number: str
    data: MemberInput
    display_name: str
    audience_name: str
    organisation_name: str
    archived: bool
    archived_at: datetime | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    memberships: tuple[MembershipRow, ...] = field(default=())
    authorizations: tuple[AuthorizationRow, ...] = field(default=())
    people: tuple[MemberRow, ...] = field(default=())  # for an organisation: linked persons
    version: int = 1  # the row's version: what save_member's expected_version is given

    @property
    def is_minor(self) -> bool:
        return is_minor(self.data)


def display_name(kind: str, first_name: str, last_name: str) -> str:
    if kind == MemberKind.ORGANISATION:
        return last_name
    return f"{last_name.upper()} {first_name}".strip()


def is_minor(data: MemberInput, today: date | None = None) -> bool:
    if data.kind != MemberKind.PERSON:
        return False
    if data.birth_year is not None:
        return (today or lab_today()).year - data.birth_year < ADULT_AGE
    return data.age_band in MINOR_AGE_BANDS


def age_band_for(birth_year: int, today: date | None = None) -> AgeBand:
    age = (today or lab_today()).year - birth_year
    for limit, band in (
        (12, AgeBand.UNDER_12),
        (18, AgeBand.AGE_12_17),
        (26, AgeBand.AGE_18_25),
        (40, AgeBand.AGE_26_39),
        (60, AgeBand.AGE_40_59),
    ):
        if age < limit:
            return band
    return AgeBand.AGE_60_PLUS


def search_text(data: MemberInput, number: str, organisation_name: str = "") -> str:
    parts = [
        data.last_name,
        data.first_name,
        number,
        data.email,
        data.postcode,
        data.city,
        organisation_name,
    ]
    return fold(" ".join(p for p in parts if p))


# --- search ------------------------------------------------------------------------


def _membership_until() -> ScalarSelect[date]:
    return (
        select(func.max(Membership.end_date))
        .where(Membership.member_id == Member.id)
        .correlate(Member)
        .scalar_subquery()
    )


def _filtered(
    stmt: _SelectT, query: str, include_archived: bool, audience_id: int | None, kind: str | None
) -> _SelectT:
    words = fold(query).split()
    for word in words:
        stmt = stmt.where(Member.search_text.like(f"%{escape_like(word)}%", escape="\\"))
    if not include_archived:
        # The (archived, sort_name, search_text) index covers the words: matched on the
        # index alone, in name order (tests/bench/bench_search.py).
        stmt = stmt.where(Member.archived.is_(False))
    if audience_id is not None:
        stmt = stmt.where(Member.audience_id == audience_id)
    if kind is not None:
        stmt = stmt.where(Member.kind == kind)
    return stmt


def search_members(
    db: Database,
    query: str = "",
    *,
    include_archived: bool = False,
    audience_id: int | None = None,
    kind: str | None = None,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
) -> list[MemberRow]:
    """One page of members matching every word of ``query`` (name, number, email,
    postcode, commune), accent- and case-insensitive, sorted in SQL."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    until = _membership_until().label("until")
    key = {
        "name": Member.sort_name,
        "number": Member.number,
        "city": Member.city,
        "audience": Audience.name,
        "membership": until,
    }[sort]
    order: list[SQLColumnExpression[Any]] = [key.desc() if descending else key.asc()]
    if sort != "name":
        order.append(Member.sort_name)
    order.append(Member.id)
    # The page's ids first (the filter and the order, on the index when sorted by name),
    # then the rows of that page only: the membership end is looked up for 100 rows, not
    # for every member matching a one-letter search.
    page = select(Member.id)
    if sort == "audience":
        page = page.outerjoin(Audience, Audience.id == Member.audience_id)
    page = _filtered(page, query, include_archived, audience_id, kind)
    page = page.order_by(*order).offset(offset).limit(limit)
    stmt = (
        select(
            Member.id,
            Member.number,
            Member.kind,
            Member.first_name,
            Member.last_name,
            Member.email,
            Member.phone,
            Member.postcode,
            Member.city,
            Audience.name,
            until,
            Member.archived,
            Member.version,
        )
        .outerjoin(Audience, Audience.id == Member.audience_id)
        .where(Member.id.in_(page.scalar_subquery()))
        .order_by(*order)
    )
    with db.read() as session:
        return [
            MemberRow(
                id=r[0],
                number=r[1],
                kind=MemberKind(r[2]),
                display_name=display_name(r[2], r[3], r[4]),
                email=r[5],
                phone=r[6],
                postcode=r[7],
                city=r[8],
                audience_name=r[9] or "",
                membership_until=r[10],
                archived=r[11],
                version=r[12],
            )
            for r in session.execute(stmt)
        ]


def count_members(
    db: Database,
    query: str = "",
    *,
    include_archived: bool = False,
    audience_id: int | None = None,
    kind: str | None = None,
) -> int:
    stmt = _filtered(select(func.count(Member.id)), query, include_archived, audience_id, kind)
    with db.read() as session:
        return session.execute(stmt).scalar_one()


def list_organisations(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every non-archived organisation, for the person → organisation link."""
    stmt = (
        select(Member.id, Member.last_name)
        .where(Member.kind == MemberKind.ORGANISATION, Member.archived.is_(False))
        .order_by(Member.sort_name)
    )
    with db.read() as session:
        return [(r[0], r[1]) for r in session.execute(stmt)]


# --- detail ------------------------------------------------------------------------


def _input_of(m: Member) -> MemberInput:
    return MemberInput(
        kind=MemberKind(m.kind),
        first_name=m.first_name,
        last_name=m.last_name,
        organisation_type=OrganisationType(m.organisation_type) if m.organisation_type else None,
        siret=m.siret,
        email=m.email,
        phone=m.phone,
        address=m.address,
        postcode=m.postcode,
        city=m.city,
        age_band=AgeBand(m.age_band) if m.age_band else None,
        birth_year=m.birth_year,
        gender=Gender(m.gender) if m.gender else None,
        situation=Situation(m.situation) if m.situation else None,
        audience_id=m.audience_id,
        organisation_id=m.organisation_id,
        consent_newsletter=m.consent_newsletter,
        consent_photos=m.consent_photos,
        guardian_name=m.guardian_name,
        guardian_phone=m.guardian_phone,
        guardian_email=m.guardian_email,
        notes=m.notes,
        monthly_invoicing=m.monthly_invoicing,
        service_code=m.service_code,
        vat_number=m.vat_number,
        commitment_number=m.commitment_number,
    )


def authorization_rows(
    session: Session, *conditions: ColumnElement[bool]
) -> list[AuthorizationRow]:
    """Authorizations matching SQL ``conditions``, as plain rows (shared with machines)."""
    stmt = (
        select(Authorization, Member, Machine.name, MachineCategory.name)
        .join(Member, Member.id == Authorization.member_id)
        .outerjoin(Machine, Machine.id == Authorization.machine_id)
        .outerjoin(MachineCategory, MachineCategory.id == Authorization.category_id)
        .where(*conditions)
        .order_by(Member.sort_name, Authorization.granted_on)
    )
    rows = []
    for auth, member, machine_name, category_name in session.execute(stmt):
        rows.append(
            AuthorizationRow(
                id=auth.id,
                member_id=member.id,
                member_name=display_name(member.kind, member.first_name, member.last_name),
                machine_id=auth.machine_id,
                category_id=auth.category_id,
                label=machine_name or category_name or "",
                granted_on=auth.granted_on,
                trainer=auth.trainer,
                note=auth.note,
            )
        )
    return rows


def get_member(db: Database, member_id: int) -> MemberDetail:
    with db.read() as session:
        m = session.get(Member, member_id)
        if m is None:
            raise NotFound("member", member_id)
        ops: dict[int | None, str] = {
            r[0]: r[1] for r in session.execute(select(Operator.id, Operator.name))
        }
        memberships = tuple(
            MembershipRow(
                id=ms.id,
                audience_id=ms.audience_id,
                audience_name=ms.audience.name,
                start_date=ms.start_date,
                end_date=ms.end_date,
                fee_cents=ms.fee_cents,
                note=ms.note,
            )
            for ms in session.scalars(
                select(Membership)
                .where(Membership.member_id == member_id)
                .order_by(Membership.start_date.desc())
            )
        )
        auths = tuple(authorization_rows(session, Authorization.member_id == member_id))
        people: tuple[MemberRow, ...] = ()
        if m.kind == MemberKind.ORGANISATION:
            org_alias = aliased(Member)
            people = tuple(
                MemberRow(
                    id=p.id,
                    number=p.number,
                    kind=MemberKind(p.kind),
                    display_name=display_name(p.kind, p.first_name, p.last_name),
                    email=p.email,
                    phone=p.phone,
                    postcode=p.postcode,
                    city=p.city,
                    audience_name="",
                    membership_until=None,
                    archived=p.archived,
                )
                for p in session.scalars(
                    select(org_alias)
                    .where(org_alias.organisation_id == member_id)
                    .order_by(org_alias.sort_name)
                )
            )
        return MemberDetail(
            id=m.id,
            number=m.number,
            data=_input_of(m),
            display_name=display_name(m.kind, m.first_name, m.last_name),
            audience_name=m.audience.name if m.audience else "",
            organisation_name=m.organisation.last_name if m.organisation else "",
            archived=m.archived,
            archived_at=m.archived_at,
            created_at=m.created_at,
            created_by=ops.get(m.created_by_id, ""),
            updated_at=m.updated_at,
            updated_by=ops.get(m.updated_by_id, ""),
            memberships=memberships,
            authorizations=auths,
            people=people,
            version=m.version,
        )


# --- changes -----------------------------------------------------------------------


def clean_buyer_vat_number(value: str) -> str:
    """An intra-EU VAT number ("DE136695976", "FR40303265045"); without a country
    prefix it is read as French. FieldInvalid("vat_number_invalid") otherwise."""
    raw = value.strip()
    if not raw:
        return ""
    if not raw[:2].isalpha():
        return clean_vat_number(raw)
    from stdnum.eu import vat as std_eu_vat  # imported when used (Accueil first, issue 14)
    from stdnum.exceptions import ValidationError as StdnumError

    try:
        return std_eu_vat.validate(raw)
    except StdnumError:
        raise FieldInvalid("vat_number_invalid") from None


def validate_member(data: MemberInput, *, today: date | None = None) -> MemberInput:
    """Clean every field; raise one ValidationError naming every invalid field."""
    c = FieldCollector()
    c.texts(data)
    first = data.first_name.strip()
    last = data.last_name.strip()
    if not last:
        c.add("last_name", "required")
    email = c.check("email", clean_email, data.email)
    phone = c.check("phone", clean_phone, data.phone)
    postcode = c.check("postcode", clean_postcode, data.postcode)
    siret = c.check("siret", clean_siret, data.siret)
    birth_year = c.check("birth_year", clean_birth_year, data.birth_year, today=today)
    guardian_phone = c.check("guardian_phone", clean_phone, data.guardian_phone)
    guardian_email = c.check("guardian_email", clean_email, data.guardian_email)
    vat_number = c.check("vat_number", clean_buyer_vat_number, data.vat_number)
    if "vat_number" not in c.errors and not vat_matches_siren(vat_number or "", siret or ""):
        c.add("vat_number", "vat_number_siren_mismatch")
    service_code = " ".join(data.service_code.split())
    if len(service_code) > MAX_SERVICE_CODE_LENGTH:
        c.add("service_code", "too_long")
    commitment_number = " ".join(data.commitment_number.split())
    if len(commitment_number) > MAX_COMMITMENT_NUMBER_LENGTH:
        c.add("commitment_number", "too_long")
    gender = _choice(c, "gender", Gender, data.gender)
    situation = _choice(c, "situation", Situation, data.situation)
    age_band = data.age_band
    if data.kind == MemberKind.PERSON and birth_year is not None and "birth_year" not in c.errors:
        age_band = age_band_for(birth_year, today)
    cleaned = replace(
        data,
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        postcode=postcode,
        city=data.city.strip(),
        address=data.address.strip(),
        siret=siret,
        birth_year=birth_year,
        age_band=age_band,
        gender=gender,
        situation=situation,
        guardian_name=data.guardian_name.strip(),
        guardian_phone=guardian_phone,
        guardian_email=guardian_email,
        notes=data.notes.strip(),
        vat_number=vat_number,
        service_code=service_code,
        commitment_number=commitment_number,
    )
    if data.kind == MemberKind.ORGANISATION:
        if cleaned.organisation_type not in PUBLIC_BUYER_TYPES:
            # Chorus Pro: public buyers only (public bodies and schools)
            cleaned = replace(cleaned, service_code="", commitment_number="")
        cleaned = replace(
            cleaned,
            first_name="",
            age_band=None,
            birth_year=None,
            gender=None,
            situation=None,
            organisation_id=None,
            guardian_name="",
            guardian_phone="",
            guardian_email="",
        )
    else:
        cleaned = replace(
            cleaned,
            organisation_type=None,
            siret="",
            monthly_invoicing=False,
            service_code="",
            vat_number="",
            commitment_number="",
        )
        if "birth_year" not in c.errors and is_minor(cleaned, today) and not cleaned.guardian_name:
            c.add("guardian_name", "guardian_required")
    c.raise_if_any()
    return cleaned


def _choice(c: FieldCollector, name: str, enum: Any, value: object) -> Any:
    """An optional choice (None: not given); "invalid_choice" when not one of ``enum``."""
    if value is None or value == "":
        return None
    try:
        return enum(value)
    except ValueError:
        c.add(name, "invalid_choice")
        return None


def _next_number(session: Session) -> str:
    # Numbers are "A" + zero-padded digits: the longest, then the greatest, is the last.
    last = session.scalar(
        select(Member.number)
        .where(Member.number.like("A%"))
        .order_by(func.length(Member.number).desc(), Member.number.desc())
        .limit(1)
    )
    highest = int(last[1:]) if last and last[1:].isdigit() else 0
    return f"A{highest + 1:05d}"


@guarded(Permission.MEMBERS)
def save_member(
    db: Database,
    actor: int | None,
    data: MemberInput,
    member_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Create (``member_id`` None) or update a member. Returns its id. An update from a
    card loaded at ``expected_version`` (``MemberDetail.version``) that another desk saved
    since is refused (``stale_record``, the fresh values named): nothing is written."""
    cleaned = validate_member(data)
    with db.write() as session:
        member: Member | None
        consents: dict[str, bool] | None = None  # before the change (None: a new card)
        if member_id is None:
            member = Member(number=_next_number(session))
            session.add(member)
            stamp(member, actor, created=True)
        else:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            if member.anonymised_at is not None:
                raise DomainError("member_anonymised")
            check_version(member, expected_version, cleaned)
            consents = current_consents(member)
            stamp(member, actor)
        org_name = ""
        if cleaned.organisation_id is not None:
            org = session.get(Member, cleaned.organisation_id)
            if org is None or org.kind != MemberKind.ORGANISATION or org.id == member_id:
                raise DomainError("organisation_invalid")
            org_name = org.last_name
        if cleaned.audience_id is not None and session.get(Audience, cleaned.audience_id) is None:
            raise NotFound("audience", cleaned.audience_id)
        write_member(member, cleaned, org_name)
        session.flush()
        record_consent_changes(session, member, consents, actor)  # dated (issue 19)
        return member.id


def member_values(cleaned: MemberInput, number: str, org_name: str = "") -> dict[str, Any]:
    """The columns of a member validated by :func:`validate_member`, with its sort name
    and search text: what ``save_member`` writes, and what the members import
    (services.imports.members) inserts in bulk after checking the audiences itself."""
    values: dict[str, Any] = {}
    for name in MemberInput.__dataclass_fields__:
        value = getattr(cleaned, name)
        values[name] = value.value if hasattr(value, "value") else value
    values["sort_name"] = fold(f"{cleaned.last_name} {cleaned.first_name}".strip())
    values["search_text"] = search_text(cleaned, number, org_name)
    return values


def write_member(member: Member, cleaned: MemberInput, org_name: str = "") -> None:
    """Copy a validated member onto its row (``member.number`` set): :func:`member_values`."""
    for name, value in member_values(cleaned, member.number, org_name).items():
        setattr(member, name, value)


def member_input(member: Member) -> MemberInput:
    """The fields of a member's row, as :func:`save_member` takes them (for a merge)."""
    return _input_of(member)


def next_member_number(session: Session) -> str:
    """The number the next new member gets ("A00042")."""
    return _next_number(session)


@guarded(Permission.MEMBERS)
def set_archived(
    db: Database,
    actor: int | None,
    member_id: int,
    archived: bool,
    *,
    expected_version: int | None = None,
) -> None:
    """Archive (hide from searches, keep every record) or bring a member back."""
    with db.write() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("member", member_id)
        check_version(member, expected_version, {"archived": archived})
        member.archived = archived
        member.archived_at = utcnow() if archived else None
        stamp(member, actor)


@dataclass(frozen=True)
class MembershipInput:
    member_id: int
    audience_id: int
    start_date: date
    end_date: date
    fee_cents: int = 0
    note: str = ""
    # Paid outside the software (an import: HelloAsso, a spreadsheet): counted once in own
    # revenue on its start day, never to invoice (services.finance.own_revenue).
    paid_outside: bool = False


def validate_membership(data: MembershipInput) -> None:
    """One ValidationError naming every invalid field of a membership."""
    c = FieldCollector()
    c.texts(data)
    if data.end_date < data.start_date:
        c.add("end_date", "end_before_start")
    if data.fee_cents < 0:
        c.add("fee", "amount_negative")
    c.raise_if_any()


def membership_values(data: MembershipInput) -> dict[str, Any]:
    """The columns of a membership checked by :func:`validate_membership` (the audit
    stamp aside): what ``add_membership`` writes, and the members import in bulk."""
    return {
        "member_id": data.member_id,
        "audience_id": data.audience_id,
        "start_date": data.start_date,
        "end_date": data.end_date,
        "fee_cents": data.fee_cents,
        "note": data.note.strip(),
        "paid_outside": data.paid_outside,
    }


def new_membership(data: MembershipInput, actor: int | None) -> Membership:
    """The row of a membership checked by :func:`validate_membership` (not added)."""
    ms = Membership(**membership_values(data))
    stamp(ms, actor, created=True)
    return ms


@guarded(Permission.MEMBERS)
def add_membership(db: Database, actor: int | None, data: MembershipInput) -> int:
    validate_membership(data)
    with db.write() as session:
        if session.get(Member, data.member_id) is None:
            raise NotFound("member", data.member_id)
        if session.get(Audience, data.audience_id) is None:
            raise NotFound("audience", data.audience_id)
        ms = new_membership(data, actor)
        session.add(ms)
        session.flush()
        return ms.id


@guarded(Permission.MEMBERS)
def remove_membership(db: Database, actor: int | None, membership_id: int, reason: str) -> None:
    """Remove a membership entered by mistake, for ``reason`` (possible while no payment
    is attached to it): kept, marked deleted (``soft_delete``), skipped by every read."""
    with db.write() as session:
        ms = session.get(Membership, membership_id)
        if ms is None or ms.deleted_at is not None:
            raise NotFound("membership", membership_id)
        soft_delete(ms, actor, reason)


@dataclass(frozen=True)
class MemberHint:
    """What tells two members of the same name apart at the desk."""

    number: str
    city: str
    birth_year: int | None


def member_hints(db: Database, member_ids: list[int] | set[int]) -> dict[int, MemberHint]:
    """Number, town and birth year of each member (for homonyms: two "CASTAGNÉ Lucie")."""
    if not member_ids:
        return {}
    stmt = select(Member.id, Member.number, Member.city, Member.birth_year).where(
        Member.id.in_(list(member_ids))
    )
    with db.read() as session:
        return {
            mid: MemberHint(number, city or "", birth_year)
            for mid, number, city, birth_year in session.execute(stmt)
        }


def homonyms_among(db: Database, member_ids: list[int] | set[int]) -> set[int]:
    """The members of ``member_ids`` whose name another member of the base bears too
    (archived ones included: an old card may still be shown)."""
    if not member_ids:
        return set()
    other = aliased(Member)
    # The same name is the same sort_name (fold of "last first", written with the
    # names): matched on the (archived, sort_name, …) index, both values of archived,
    # instead of reading every member for each one asked (20,000 x the day's bookings:
    # 50 ms of Accueil's first figures on the large demo, issue 14).
    stmt = (
        select(Member.id)
        .join(
            other,
            other.archived.in_([False, True])
            & (other.sort_name == Member.sort_name)
            & (other.last_name == Member.last_name)
            & (other.first_name == Member.first_name)
            & (other.kind == Member.kind)
            & (other.id != Member.id),
        )
        .where(Member.id.in_(list(member_ids)))
        .distinct()
    )
    with db.read() as session:
        return set(session.scalars(stmt))
