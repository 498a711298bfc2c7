"""A month of digital inclusion on the national model (issue 22): the drop-in log's
visits and help sessions as individual activities, and the present participants of
Activité's digital workshops (an activity of kind « atelier numérique », or a session
held in a cyber-base space) as collective activities, one line per beneficiary as the
"Coop de la médiation numérique" exports them (domain.mediation). Written by
``reports.mediation_xlsx`` (``tierslieu export mediation``, cli_mediation.py).

What the desk did not record is filled the Coop's way: the place is the structure's
(Paramètres › Structure: its commune's INSEE code from the shipped list), a drop-in without
themes has its purpose's, a commune typed in words gets its INSEE code when the shipped list
knows it without doubt."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    DropIn,
    Member,
    Registration,
    Space,
    Structure,
)
from tierslieu_desktop.domain import mediation as nm
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.communes import CommuneIndex
from tierslieu_desktop.domain.enums import (
    ActivityKind,
    Attendance,
    RegistrationStatus,
    SessionStatus,
    SpaceKind,
)
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.people.communes import commune_index
from tierslieu_desktop.services.people.members import display_name


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def _changed(created: datetime, updated: datetime | None) -> datetime | None:
    if updated is None or abs((updated - created).total_seconds()) < 1:
        return None
    return to_local(updated)


class _Communes:
    """A typed commune's INSEE code and postcode, when the shipped list is sure."""

    def __init__(self, index: CommuneIndex, postcode: str) -> None:
        self.index, self.postcode = index, postcode
        self.cache: dict[str, tuple[str, str]] = {}

    def codes(self, name: str, insee: str = "") -> tuple[str, str]:
        if insee:
            found = self.index.get(insee)
            return insee, found.postcodes[0] if found and len(found.postcodes) == 1 else ""
        if not name.strip():
            return "", ""
        if name not in self.cache:
            found = self.index.match(name, self.postcode)
            self.cache[name] = (
                (found.insee, found.postcodes[0] if len(found.postcodes) == 1 else "")
                if found
                else ("", "")
            )
        return self.cache[name]


@guarded(Permission.CYBERBASE)  # the cyber-base managers report it themselves
def mediation_month(db: Database, first_day: date, last_day: date) -> nm.MediationMonth:
    """The activities of the local days [first_day, last_day] (a month for the CLI), in
    day order, drop-ins then workshops of each day (one read transaction)."""
    return _mediation_records_impl(db, first_day, last_day)


def _mediation_records_impl(db: Database, first_day: date, last_day: date) -> nm.MediationMonth:
    """``mediation_month`` without its permission check: for a service that checked its
    own (the annual report, services.reporting.annual, asks the reports' permission)."""
    start, end = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    index = commune_index()
    with db.read() as s:
        structure = s.get(Structure, 1)
        name, address, city, postcode = (
            (structure.name, structure.address, structure.city, structure.postcode)
            if structure is not None
            else ("", "", "", "")
        )
        home = index.match(city, postcode) if city else None
        place = nm.Place(
            name, " ".join(address.split()), city, postcode, home.insee if home else ""
        )
        communes = _Communes(index, postcode)
        audiences = dict(s.execute(select(Audience.id, Audience.name)).all())
        records: list[tuple[datetime, int, nm.MediationRecord]] = []
        drop_ins = list(
            s.scalars(select(DropIn).where(DropIn.at >= start, DropIn.at < end).order_by(DropIn.at))
        )
        member_ids = {d.member_id for d in drop_ins if d.member_id is not None}
        names = {
            m.id: display_name(m.kind, m.first_name, m.last_name)
            for m in s.scalars(select(Member).where(Member.id.in_(member_ids)))
        }
        for d in drop_ins:
            insee, bpost = communes.codes(d.commune, d.commune_insee)
            own_place = place
            if d.place_insee or d.place_postcode:
                own_place = nm.Place(name, "", "", d.place_postcode, d.place_insee)
            records.append(
                (
                    d.at,
                    0,
                    nm.MediationRecord(
                        record_id=f"CYB-{d.id}",
                        day=to_local(d.at).date(),
                        created_at=to_local(d.created_at),
                        updated_at=_changed(d.created_at, d.updated_at),
                        activity_type=d.activity_type or "individuel",
                        participant="1",
                        beneficiary=""
                        if d.anonymous or d.member_id is None
                        else names.get(d.member_id, ""),
                        place_type=d.place_type or nm.DEFAULT_PLACE_TYPE,
                        place=own_place,
                        duration_minutes=d.duration_minutes,
                        workshop_title="",
                        equipment=nm.split_values(d.equipment),
                        themes=nm.themes_of(d.themes, d.purpose),
                        autonomy=d.autonomy,
                        referred=d.referred,
                        referral_structure=d.referral_structure,
                        commune=d.commune,
                        postcode=bpost,
                        insee=insee,
                        gender=d.gender,
                        age_range=nm.age_range_of(d.age_range, d.age_band),
                        situation=d.situation,
                        note=d.note,
                        audience=audiences.get(d.audience_id, "") if d.audience_id else "",
                        first_time=d.first_time,
                    ),
                )
            )
        records.extend(_workshops(s, start, end, place, communes, audiences))
    records.sort(key=lambda r: (r[0], r[1]))
    return nm.MediationMonth(first_day, last_day, name, tuple(r[2] for r in records))


_Chosen = TypeVar("_Chosen", bound=Select[*tuple[Any, ...]])


def _present_in_workshops(
    stmt: _Chosen, start: datetime, end: datetime, member: Any, org: Any
) -> _Chosen:
    """``stmt`` over the registrations present at a digital workshop (or a session of a
    cyber-base space) starting in [start, end), not cancelled: joined to their session's
    activity, to the member (``member``) or the organisation (``org``) registered — the
    one selection of the records (``_workshops``) and of the counts
    (``_workshop_counts``)."""
    cyber_spaces = select(Space.id).where(Space.kind == SpaceKind.CYBERBASE)
    return (
        stmt.join(Activity, Activity.id == ActivitySession.activity_id)
        .join(Registration, Registration.session_id == ActivitySession.id)
        .outerjoin(member, member.id == Registration.member_id)
        .outerjoin(org, org.id == Registration.organisation_id)
        .where(
            ActivitySession.start_at >= start,
            ActivitySession.start_at < end,
            ActivitySession.status != SessionStatus.CANCELLED,
            (Activity.kind == ActivityKind.DIGITAL_WORKSHOP)
            | ActivitySession.space_id.in_(cyber_spaces),
            Registration.status == RegistrationStatus.REGISTERED,
            Registration.attendance == Attendance.PRESENT,
        )
    )


def _workshops(
    s: Session,
    start: datetime,
    end: datetime,
    place: nm.Place,
    communes: _Communes,
    audiences: dict[int, str],
) -> list[tuple[datetime, int, nm.MediationRecord]]:
    """Each digital workshop's present participants: a member is one line with their
    name, town, gender and situation; a group is ``present_count`` anonymous lines."""
    member, org = aliased(Member), aliased(Member)
    rows = s.execute(
        _present_in_workshops(
            select(ActivitySession, Activity.name, Registration, member, org),
            start,
            end,
            member,
            org,
        ).order_by(ActivitySession.start_at, ActivitySession.id, Registration.id)
    ).all()
    people: dict[int, list[tuple[ActivitySession, str, dict[str, Any]]]] = {}
    for session, title, reg, m, o in rows:
        lines = people.setdefault(session.id, [])
        if m is not None:
            lines.append(
                (
                    session,
                    title,
                    {
                        "beneficiary": display_name(m.kind, m.first_name, m.last_name),
                        "commune": m.city,
                        "gender": nm.MEMBER_GENDERS.get(m.gender or ""),
                        "situation": nm.MEMBER_SITUATIONS.get(m.situation or ""),
                        "age_range": nm.AGE_BAND_RANGES.get(m.age_band or ""),
                        "audience": audiences.get(m.audience_id, "") if m.audience_id else "",
                    },
                )
            )
        else:
            count = reg.present_count if reg.present_count is not None else reg.headcount
            group = {
                "beneficiary": "",
                "commune": o.city if o is not None else "",
                "gender": None,
                "situation": None,
                "age_range": nm.AGE_BAND_RANGES.get(reg.age_band or ""),
                "audience": audiences.get(o.audience_id, "") if o and o.audience_id else "",
            }
            lines.extend((session, title, group) for _ in range(max(count, 0)))
    out = []
    for lines in people.values():
        n = len(lines)
        for i, (session, title, who) in enumerate(lines, start=1):
            insee, bpost = communes.codes(who["commune"])
            out.append(
                (
                    session.start_at,
                    1,
                    nm.MediationRecord(
                        record_id=f"ATL-{session.id}",
                        day=to_local(session.start_at).date(),
                        created_at=to_local(session.created_at),
                        updated_at=_changed(session.created_at, session.updated_at),
                        activity_type="collectif",
                        participant="1" if n == 1 else f"{i}/{n}",
                        beneficiary=who["beneficiary"],
                        place_type=nm.DEFAULT_PLACE_TYPE,
                        place=place,
                        duration_minutes=int(
                            (session.end_at - session.start_at).total_seconds() // 60
                        ),
                        workshop_title=title,
                        equipment=(),
                        themes=nm.split_values(session.themes),
                        autonomy=None,
                        referred=None,
                        referral_structure=None,
                        commune=who["commune"],
                        postcode=bpost,
                        insee=insee,
                        gender=who["gender"],
                        age_range=who["age_range"],
                        situation=who["situation"],
                        note="",
                        audience=who["audience"],
                        workshop_level=session.workshop_level,
                    ),
                )
            )
    return out


def _mediation_counts_impl(db: Database, first_day: date, last_day: date) -> nm.MediationCounts:
    """The figures of the local days [first_day, last_day] as ``_mediation_records_impl``'s
    records would count them (``domain.mediation.counts_of``), by GROUP BY queries instead
    of one record per beneficiary: the annual report's cyber-base page (its caller checks
    the reports' permission). A multi-valued field is grouped by its stored list, each
    distinct list split once here (``themes_of``: a drop-in without themes has its
    purpose's)."""
    start, end = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    themes: dict[str, int] = {}
    by_audience: dict[int | None, int] = {}
    age_ranges: dict[str, int] = {}
    situations: dict[str, int] = {}
    communes: dict[str, int] = {}
    genders: dict[str, int] = {}

    def add(counts: dict[Any, int], key: Any, n: int) -> None:
        counts[key] = counts.get(key, 0) + n

    with db.read() as s:
        audiences = dict(s.execute(select(Audience.id, Audience.name)).all())
        # the drop-ins: one line each
        in_period = (DropIn.at >= start, DropIn.at < end)
        n = func.count(DropIn.id)
        drop_ins = individual = collective_drop_ins = first_time = minutes = 0
        for kind, count, summed, firsts in s.execute(
            select(
                DropIn.activity_type,
                n,
                func.sum(DropIn.duration_minutes),
                func.sum(case((DropIn.first_time.is_(True), 1), else_=0)),
            )
            .where(*in_period)
            .group_by(DropIn.activity_type)
        ):
            drop_ins += count
            first_time += firsts or 0
            if (kind or "individuel") == "individuel":
                individual += count
                minutes += summed or 0
            elif kind == "collectif":  # each drop-in an activity of its own
                collective_drop_ins += count
        for stored, purpose, count in s.execute(
            select(DropIn.themes, DropIn.purpose, n)
            .where(*in_period)
            .group_by(DropIn.themes, DropIn.purpose)
        ):
            for theme in nm.themes_of(stored, purpose) or ("",):
                add(themes, theme, count)
        for audience_id, count in s.execute(
            select(DropIn.audience_id, n).where(*in_period).group_by(DropIn.audience_id)
        ):
            add(by_audience, audience_id, count)
        for age_range, age_band, count in s.execute(
            select(DropIn.age_range, DropIn.age_band, n)
            .where(*in_period)
            .group_by(DropIn.age_range, DropIn.age_band)
        ):
            add(age_ranges, nm.age_range_of(age_range, age_band) or "", count)
        for column, counts in (
            (DropIn.situation, situations),
            (DropIn.commune, communes),
            (DropIn.gender, genders),
        ):
            for value, count in s.execute(select(column, n).where(*in_period).group_by(column)):
                add(counts, value or "", count)
        workshops, participants, sessions = _workshop_counts(
            s, start, end, by_audience, age_ranges, situations, communes, genders
        )
    levels: dict[str, int] = {}
    if collective_drop_ins:
        add(levels, "", collective_drop_ins)  # a collective drop-in has no workshop level
    for stored_themes, level, lines in sessions:
        # each participant of a workshop in each of its themes; the workshop once by level
        for theme in nm.split_values(stored_themes) or ("",):
            add(themes, theme, lines)
        add(levels, level or "", 1)
    audience_names: dict[str, int] = {}
    for audience_id, count in by_audience.items():
        add(audience_names, audiences.get(audience_id, "") if audience_id else "", count)
    return nm.MediationCounts(
        records=drop_ins + participants,
        individual=individual,
        workshops=collective_drop_ins + workshops,
        participants=collective_drop_ins + participants,
        first_time=first_time,
        individual_minutes=minutes,
        themes=themes,
        audiences=audience_names,
        age_ranges=age_ranges,
        situations=situations,
        communes=communes,
        genders=genders,
        workshop_levels=levels,
    )


def _workshop_counts(
    s: Session,
    start: datetime,
    end: datetime,
    by_audience: dict[int | None, int],
    age_ranges: dict[str, int],
    situations: dict[str, int],
    communes: dict[str, int],
    genders: dict[str, int],
) -> tuple[int, int, list[tuple[str | None, str | None, int]]]:
    """``_workshops``' lines counted by GROUP BY into the given counts: a member present is
    one line (their public, town, gender, situation and age band), a group its
    ``present_count`` (else its head-count) of lines (the organisation's public and town,
    the group's age band). Returns (workshops with a line, lines, and for each such
    workshop its stored themes, its level and its lines)."""
    member, org = aliased(Member), aliased(Member)
    is_member = member.id.is_not(None)
    group_size = func.coalesce(Registration.present_count, Registration.headcount)
    lines = case((is_member, 1), (group_size > 0, group_size), else_=0).label("lines")
    chosen = select(
        ActivitySession.id.label("session_id"),
        ActivitySession.themes.label("themes"),
        ActivitySession.workshop_level.label("workshop_level"),
        lines,
        case((is_member, member.audience_id), else_=org.audience_id).label("audience_id"),
        case((is_member, member.city), else_=org.city).label("commune"),
        case((is_member, member.age_band), else_=Registration.age_band).label("age_band"),
        case((is_member, member.gender)).label("gender"),
        case((is_member, member.situation)).label("situation"),
    )
    present = _present_in_workshops(chosen, start, end, member, org).subquery()
    total = func.coalesce(func.sum(present.c.lines), 0)
    workshops, participants = s.execute(
        select(func.count(func.distinct(case((present.c.lines > 0, present.c.session_id)))), total)
    ).one()

    def grouped(column: Any) -> list[Any]:
        return list(
            s.execute(select(column, total).group_by(column).having(func.sum(present.c.lines) > 0))
        )

    for audience_id, count in grouped(present.c.audience_id):
        by_audience[audience_id] = by_audience.get(audience_id, 0) + count
    for column, counts, words in (
        (present.c.commune, communes, None),
        (present.c.age_band, age_ranges, nm.AGE_BAND_RANGES),
        (present.c.gender, genders, nm.MEMBER_GENDERS),
        (present.c.situation, situations, nm.MEMBER_SITUATIONS),
    ):
        for value, count in grouped(column):
            key = (value if words is None else words.get(value or "")) or ""
            counts[key] = counts.get(key, 0) + count
    sessions = [
        (stored, level, int(count))
        for _id, stored, level, count in s.execute(
            select(present.c.session_id, present.c.themes, present.c.workshop_level, total)
            .group_by(present.c.session_id, present.c.themes, present.c.workshop_level)
            .having(func.sum(present.c.lines) > 0)
        )
    ]
    return int(workshops), int(participants), sessions
