"""The cyber-base's drop-in log: anonymous visits and one-to-one digital-help sessions
("accompagnement individuel"), counted by public, age band, commune and purpose, with
the Pass numérique vouchers received. Nobody needs an account; linking a visit to a
member is optional (their public, age band and commune then fill the blanks).
The vouchers reach the accounts (services.finance.journal.vouchers): on a closed day they
can no longer be added, changed or removed.

Issue 22: a drop-in also carries the optional fields of the national model of digital
inclusion (domain.mediation: type, place, equipment, themes, autonomy, referral, the
beneficiary's gender, age range, situation, commune code, anonymous, first time), and the
numbers of its Pass numérique vouchers (``drop_in_voucher``: a number taken twice is
refused, ``voucher_seen`` naming the earlier visit; a number already claimed from the
issuer can no longer be removed)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Audience,
    Closing,
    DropIn,
    DropInVoucher,
    Member,
    Space,
    utcnow,
)
from tierslieu_desktop.domain import mediation as nm
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.enums import AgeBand, DropInKind, DropInPurpose
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, as_operator, check_version, stamp
from tierslieu_desktop.services.people.members import display_name

DROP_IN_ISSUER = "pass_numerique"  # the issuer of the vouchers taken at the drop-in log
PURPOSES = tuple(p.value for p in DropInPurpose)
KINDS = tuple(k.value for k in DropInKind)
MAX_MINUTES = 12 * 60
MAX_VOUCHERS = 100
COMMUNE_MAX = 120


@dataclass(frozen=True)
class DropInInput:
    kind: str = DropInKind.VISIT
    purpose: str = DropInPurpose.OTHER
    duration_minutes: int = 30
    audience_id: int | None = None
    age_band: str | None = None
    commune: str = ""
    helper: str = ""  # who helped (one-to-one help)
    vouchers: int = 0  # Pass numérique vouchers received
    member_id: int | None = None
    space_id: int | None = None
    note: str = ""
    at: datetime | None = None  # default: now
    # The national model (issue 22), all optional: the Coop's values (domain.mediation).
    activity_type: str | None = None  # "individuel" / "collectif"
    place_type: str | None = None  # None: the structure's place
    place_insee: str = ""  # "": the structure's commune
    place_postcode: str = ""
    equipment: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # (): the purpose's themes
    autonomy: str | None = None
    referred: bool | None = None
    referral_structure: str | None = None
    gender: str | None = None
    age_range: str | None = None  # None: from age_band when it fits one range
    situation: str | None = None
    commune_insee: str = ""
    anonymous: bool | None = None
    first_time: bool | None = None
    # Pass numérique vouchers by number (a scanner types them): they count in ``vouchers``.
    voucher_numbers: tuple[str, ...] = ()
    voucher_expiry: date | None = None  # printed on the vouchers typed with this visit


@dataclass(frozen=True)
class DropInRow:
    id: int
    at: datetime
    kind: str
    purpose: str
    duration_minutes: int
    audience_id: int | None
    audience_name: str
    age_band: str | None
    commune: str
    helper: str
    vouchers: int
    member_id: int | None
    member_name: str
    space_id: int | None
    note: str
    activity_type: str | None = None
    place_type: str | None = None
    place_insee: str = ""
    place_postcode: str = ""
    equipment: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    autonomy: str | None = None
    referred: bool | None = None
    referral_structure: str | None = None
    gender: str | None = None
    age_range: str | None = None
    situation: str | None = None
    commune_insee: str = ""
    anonymous: bool | None = None
    first_time: bool | None = None
    voucher_numbers: tuple[str, ...] = ()
    version: int = 1  # what update_drop_in / delete_drop_in's expected_version is given


@dataclass(frozen=True)
class DayCount:
    visits: int
    helps: int
    minutes: int
    vouchers: int


def _check(data: DropInInput) -> None:
    errors = FieldCollector()
    errors.texts(data)
    if data.kind not in KINDS:
        errors.add("kind", "invalid")
    if data.purpose not in PURPOSES:
        errors.add("purpose", "invalid")
    if not 1 <= data.duration_minutes <= MAX_MINUTES:
        errors.add("duration_minutes", "number_invalid")
    if data.age_band is not None and data.age_band not in {a.value for a in AgeBand}:
        errors.add("age_band", "invalid")
    if len(data.commune.strip()) > COMMUNE_MAX:
        errors.add("commune", "too_long")
    if not 0 <= data.vouchers <= MAX_VOUCHERS:
        errors.add("vouchers", "number_invalid")
    if data.kind == DropInKind.HELP and not data.helper.strip():
        errors.add("helper", "required")
    for name, allowed in (
        ("activity_type", nm.ACTIVITY_TYPES),
        ("place_type", nm.PLACE_TYPES),
        ("autonomy", nm.AUTONOMY),
        ("referral_structure", nm.REFERRAL_STRUCTURES),
        ("gender", nm.GENDERS),
        ("age_range", nm.AGE_RANGES),
        ("situation", nm.SITUATIONS),
    ):
        value = getattr(data, name)
        if value is not None and value not in allowed:
            errors.add(name, "invalid")
    if nm.invalid_values(data.equipment, nm.EQUIPMENT):
        errors.add("equipment", "invalid")
    if nm.invalid_values(data.themes, nm.THEMES):
        errors.add("themes", "invalid")
    for name in ("place_insee", "commune_insee"):
        code = getattr(data, name).strip()
        if code and (len(code) != nm.MAX_INSEE or not code.isalnum()):
            errors.add(name, "invalid")
    postcode = data.place_postcode.strip()
    if postcode and (len(postcode) != nm.MAX_POSTCODE or not postcode.isdigit()):
        errors.add("place_postcode", "invalid")
    numbers = [nm.voucher_number(n) for n in data.voucher_numbers]
    if any(not n or len(n) > nm.MAX_VOUCHER_NUMBER or not n.isprintable() for n in numbers):
        errors.add("voucher_numbers", "invalid")
    elif len(set(numbers)) != len(numbers):
        errors.add("voucher_numbers", "voucher_twice")
    if data.at is not None and data.at.tzinfo is None:
        raise ValueError("aware datetimes only")
    errors.raise_if_any()


def _apply(session: Session, row: DropIn, data: DropInInput) -> None:
    audience_id, age_band, commune = data.audience_id, data.age_band, data.commune.strip()
    if data.member_id is not None:
        member = session.get(Member, data.member_id)
        if member is None:
            raise NotFound("member", data.member_id)
        # A linked member fills what the desk left blank.
        audience_id = audience_id if audience_id is not None else member.audience_id
        age_band = age_band if age_band is not None else member.age_band
        commune = commune or member.city
    if audience_id is not None and session.get(Audience, audience_id) is None:
        raise NotFound("audience", audience_id)
    if data.space_id is not None and session.get(Space, data.space_id) is None:
        raise NotFound("space", data.space_id)
    row.kind = data.kind
    row.purpose = data.purpose
    row.duration_minutes = data.duration_minutes
    row.audience_id = audience_id
    row.age_band = age_band
    row.commune = commune
    row.helper = data.helper.strip() if data.kind == DropInKind.HELP else ""
    row.vouchers = data.vouchers
    row.member_id = data.member_id
    row.space_id = data.space_id
    row.note = data.note.strip()
    gender, situation = data.gender, data.situation
    if data.member_id is not None:
        member = session.get(Member, data.member_id)
        if member is not None:
            gender = gender or nm.MEMBER_GENDERS.get(member.gender or "")
            situation = situation or nm.MEMBER_SITUATIONS.get(member.situation or "")
    row.activity_type = data.activity_type or "individuel"
    row.place_type = data.place_type
    row.place_insee = data.place_insee.strip().upper()
    row.place_postcode = data.place_postcode.strip()
    row.equipment = nm.join_values(data.equipment)
    row.themes = nm.join_values(data.themes)
    row.autonomy = data.autonomy
    row.referred = data.referred
    row.referral_structure = data.referral_structure if data.referred is not False else None
    row.gender = gender
    row.age_range = data.age_range or nm.AGE_BAND_RANGES.get(age_band or "")
    row.situation = situation
    row.commune_insee = data.commune_insee.strip().upper()
    row.anonymous = data.anonymous
    row.first_time = data.first_time
    row.vouchers = max(data.vouchers, len(data.voucher_numbers))


def _set_vouchers(session: Session, actor: int | None, row: DropIn, data: DropInInput) -> None:
    """Keep the drop-in's voucher numbers equal to ``data.voucher_numbers``: a number new
    to the issuer added, one of another visit refused (``voucher_seen``), one no longer
    listed removed unless its issuer was already asked to pay it (``voucher_claimed``)."""
    wanted = [nm.voucher_number(n) for n in data.voucher_numbers]
    have = {
        v.number: v
        for v in session.scalars(select(DropInVoucher).where(DropInVoucher.drop_in_id == row.id))
    }
    for number, voucher in have.items():
        if number not in wanted:
            if voucher.claim_reference:
                raise DomainError("voucher_claimed", number=number, claim=voucher.claim_reference)
            session.delete(voucher)
    new = [n for n in wanted if n not in have]
    if new:
        seen = session.execute(
            select(DropInVoucher.number, DropIn.id, DropIn.at)
            .join(DropIn, DropIn.id == DropInVoucher.drop_in_id)
            .where(DropInVoucher.issuer == DROP_IN_ISSUER, DropInVoucher.number.in_(new))
            .order_by(DropIn.at)
            .limit(1)
        ).first()
        if seen is not None:
            number, earlier_id, earlier_at = seen
            raise DomainError("voucher_seen", number=number, drop_in_id=earlier_id, at=earlier_at)
    for number in new:
        voucher = DropInVoucher(
            drop_in_id=row.id,
            issuer=DROP_IN_ISSUER,
            number=number,
            expires_on=data.voucher_expiry,
        )
        stamp(voucher, actor, created=True)
        session.add(voucher)


def _vouchers_open(session: Session, at: datetime, vouchers: int) -> None:
    """The Pass numérique vouchers of the drop-in log reach the accounts (the journal's
    OD entry of their day, services.finance.journal.vouchers): refuse adding, changing
    or removing vouchers on a day a closing covers, like any write into the accounts."""
    if not vouchers:
        return
    day = to_local(at).date()
    covered = session.execute(
        select(Closing.id).where(Closing.period_start <= day, Closing.period_end >= day).limit(1)
    ).scalar_one_or_none()
    if covered is not None:
        raise DomainError("period_closed", day=day)


@guarded(Permission.CYBERBASE)
def log_drop_in(db: Database, actor: int | None, data: DropInInput) -> int:
    """Record one visit or help session (one click at the desk)."""
    _check(data)
    with db.write() as session:
        row = DropIn(at=data.at or utcnow())
        _apply(session, row, data)
        _vouchers_open(session, row.at, row.vouchers)
        stamp(row, actor, created=True)
        session.add(row)
        session.flush()
        _set_vouchers(session, actor, row, data)
        return row.id


@guarded(Permission.CYBERBASE)
def update_drop_in(
    db: Database,
    actor: int | None,
    drop_in_id: int,
    data: DropInInput,
    *,
    expected_version: int | None = None,
) -> None:
    _check(data)
    with db.write() as session:
        row = session.get(DropIn, drop_in_id)
        if row is None:
            raise NotFound("drop_in", drop_in_id)
        given = {
            key: value
            for key, value in vars(
                data if data.at is not None else replace(data, at=row.at)
            ).items()
            if key not in ("equipment", "themes")  # lists stored joined: never named as changed
        }
        check_version(row, expected_version, given)
        new_at = data.at if data.at is not None else row.at
        new_count = max(data.vouchers, len(data.voucher_numbers))
        if row.vouchers != new_count or new_at != row.at:
            _vouchers_open(session, row.at, row.vouchers)
            _vouchers_open(session, new_at, new_count)
        _apply(session, row, data)
        if data.at is not None:
            row.at = data.at
        stamp(row, actor)
        _set_vouchers(session, actor, row, data)


@guarded(Permission.CYBERBASE)
def delete_drop_in(
    db: Database, actor: int | None, drop_in_id: int, *, expected_version: int | None = None
) -> None:
    """Remove a visit logged by mistake (the desk's undo)."""
    with db.write() as session:
        as_operator(session, actor)  # no audit columns: the journal's operator
        row = session.get(DropIn, drop_in_id)
        if row is None:
            raise NotFound("drop_in", drop_in_id)
        check_version(row, expected_version)
        _vouchers_open(session, row.at, row.vouchers)
        for voucher in session.scalars(
            select(DropInVoucher).where(DropInVoucher.drop_in_id == row.id)
        ):
            if voucher.claim_reference:
                raise DomainError(
                    "voucher_claimed", number=voucher.number, claim=voucher.claim_reference
                )
            session.delete(voucher)
        session.flush()  # the vouchers first: they point to the drop-in
        session.delete(row)


@guarded(Permission.CYBERBASE)
def list_drop_ins(db: Database, first_day: date, last_day: date) -> list[DropInRow]:
    """Visits and help sessions of the local days [first_day, last_day], latest first."""
    start, end = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    with db.read() as session:
        rows = list(
            session.scalars(
                select(DropIn)
                .where(DropIn.at >= start, DropIn.at < end)
                .order_by(DropIn.at.desc(), DropIn.id.desc())
            )
        )
        return _drop_in_rows(session, rows)


@guarded(Permission.CYBERBASE)
def get_drop_in(db: Database, drop_in_id: int) -> DropInRow:
    """One visit as saved now (an edit form's « Recharger »)."""
    with db.read() as session:
        row = session.get(DropIn, drop_in_id)
        if row is None:
            raise NotFound("drop_in", drop_in_id)
        return _drop_in_rows(session, [row])[0]


def _drop_in_rows(session: Session, rows: list[DropIn]) -> list[DropInRow]:
    audiences = dict(session.execute(select(Audience.id, Audience.name)).all())
    ids = {r.member_id for r in rows if r.member_id is not None}
    members = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(ids)))}
    numbers: dict[int, list[str]] = {}
    for drop_in_id, number in session.execute(
        select(DropInVoucher.drop_in_id, DropInVoucher.number)
        .where(DropInVoucher.drop_in_id.in_([r.id for r in rows if r.vouchers]))
        .order_by(DropInVoucher.id)
    ):
        numbers.setdefault(drop_in_id, []).append(number)
    return [
        DropInRow(
            id=r.id,
            at=r.at,
            kind=r.kind,
            purpose=r.purpose,
            duration_minutes=r.duration_minutes,
            audience_id=r.audience_id,
            audience_name=audiences.get(r.audience_id, "") if r.audience_id else "",
            age_band=r.age_band,
            commune=r.commune,
            helper=r.helper,
            vouchers=r.vouchers,
            member_id=r.member_id,
            member_name=display_name(
                members[r.member_id].kind,
                members[r.member_id].first_name,
                members[r.member_id].last_name,
            )
            if r.member_id in members
            else "",
            space_id=r.space_id,
            note=r.note,
            activity_type=r.activity_type,
            place_type=r.place_type,
            place_insee=r.place_insee,
            place_postcode=r.place_postcode,
            equipment=nm.split_values(r.equipment),
            themes=nm.split_values(r.themes),
            autonomy=r.autonomy,
            referred=r.referred,
            referral_structure=r.referral_structure,
            gender=r.gender,
            age_range=r.age_range,
            situation=r.situation,
            commune_insee=r.commune_insee,
            anonymous=r.anonymous,
            first_time=r.first_time,
            voucher_numbers=tuple(numbers.get(r.id, ())),
            version=r.version,
        )
        for r in rows
    ]


@guarded(Permission.CYBERBASE)
def voucher_visit(db: Database, typed: str) -> tuple[int, datetime] | None:
    """The visit (id, when) that already took the Pass numérique voucher ``typed``, or
    None: the desk says so as soon as the number is scanned."""
    number = nm.voucher_number(typed)
    if not number:
        return None
    with db.read() as session:
        found = session.execute(
            select(DropIn.id, DropIn.at)
            .join(DropInVoucher, DropInVoucher.drop_in_id == DropIn.id)
            .where(DropInVoucher.issuer == DROP_IN_ISSUER, DropInVoucher.number == number)
        ).first()
    return (int(found[0]), found[1]) if found is not None else None


@guarded(Permission.CYBERBASE)
def known_communes(db: Database, since: date) -> list[str]:
    """The towns typed at the desk since ``since`` and the members' towns, each once
    (case-insensitively, first spelling kept), alphabetical: the commune field's
    suggestions."""
    start = local_day_bounds(since)[0]
    with db.read() as session:
        typed = session.scalars(
            select(DropIn.commune).where(DropIn.at >= start, DropIn.commune != "").distinct()
        ).all()
        cities = session.scalars(
            select(Member.city).where(Member.city != "", Member.archived.is_(False)).distinct()
        ).all()
    seen: dict[str, str] = {}
    for name in (*typed, *cities):
        seen.setdefault(name.strip().casefold(), name.strip())
    return sorted(seen.values(), key=str.casefold)


@guarded(Permission.CYBERBASE)
def day_count(db: Database, day: date | None = None) -> DayCount:
    """The desk's counters for a local day (default today)."""
    day = day or to_local(utcnow()).date()
    start, end = local_day_bounds(day)
    with db.read() as session:
        rows = session.execute(
            select(
                DropIn.kind,
                func.count(),
                func.sum(DropIn.duration_minutes),
                func.sum(DropIn.vouchers),
            )
            .where(DropIn.at >= start, DropIn.at < end)
            .group_by(DropIn.kind)
        ).all()
    by_kind = {k: (int(n), int(m or 0), int(v or 0)) for k, n, m, v in rows}
    visit = by_kind.get(DropInKind.VISIT, (0, 0, 0))
    help_ = by_kind.get(DropInKind.HELP, (0, 0, 0))
    return DayCount(
        visits=visit[0],
        helps=help_[0],
        minutes=visit[1] + help_[1],
        vouchers=visit[2] + help_[2],
    )
