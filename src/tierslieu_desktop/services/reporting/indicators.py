"""The indicators funders ask for over a period (issue 16, point 4), in plain data
(``domain.reports.AudienceIndicators``), for the annual report and the grant report.

Definitions (local days, Europe/Paris, ``first_day`` and ``last_day`` included):
- a USER of the period is a member who came: a usage starting in the period (as the
  annual report's "publics touchés": the member, or the organisation of a group usage),
  a registration ticked present in a session of the period (the member, or the group's
  organisation), or a cyber-base drop-in of the period recorded with a member. Anonymous
  drop-ins and bookings never honoured (cancelled, no-show) are not users;
- a NEW user is a user whose first such contact ever (usage, attendance, drop-in) is in
  the period; the others are returning users;
- a user is counted once in each breakdown: by their public (Member.audience), age band
  (from the birth year at the end of the period, else the age band typed at the desk),
  gender and situation (optional fields: « Non renseigné » when not given); an
  organisation (a group) is in the key "organisation" of the age, gender and situation
  breakdowns;
- communes: the member's commune and postcode matched to an INSEE code
  (``domain.communes``); inside / outside the structure's EPCI (its own commune's, from
  Paramètres › Structure); not given or not matched: « non identifiée »; QPV / ZRR: the
  user's commune is in the shipped lists (``services.people.communes``, shipped empty) or
  in the lab's (Paramètres › Structure: « Communes classées ZRR / FRR », « Communes
  comptant un QPV »);
- opening: ``services.park.opening_hours.opening_totals``; staff and volunteers:
  ``services.people.staff.staff_totals``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime

from sqlalchemy import Subquery, case, func, select, union_all
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    ActivitySession,
    Audience,
    DropIn,
    Member,
    Registration,
    Structure,
    Usage,
)
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.enums import AgeBand, Gender, Situation
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.reports import AudienceIndicators, Breakdown, CommuneLine
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.park.opening_hours import opening_totals
from tierslieu_desktop.services.people.communes import (
    commune_index,
    qpv_communes,
    union_codes,
    zrr_communes,
)
from tierslieu_desktop.services.people.members import age_band_for
from tierslieu_desktop.services.people.staff import staff_totals

ORGANISATION = "organisation"


@guarded(Permission.REPORTS)
def audience_indicators(db: Database, first_day: date, last_day: date) -> AudienceIndicators:
    """The indicators of the period (see the module docstring)."""
    return _audience_indicators_impl(db, first_day, last_day)


def _audience_indicators_impl(db: Database, first_day: date, last_day: date) -> AudienceIndicators:
    with db.read() as s:
        return audience_indicators_in(s, first_day, last_day)


def _contacts() -> Subquery:
    """(who, at) of every contact ever: usages, attendances, drop-ins with a member."""
    group = (Usage.organisation_id.is_not(None)) & (
        Usage.member_id.is_(None) | (Usage.headcount > 1)
    )
    usage_who = case((group, Usage.organisation_id), else_=Usage.member_id)
    usages = select(usage_who.label("who"), Usage.start_at.label("at"))
    present = (
        select(
            func.coalesce(Registration.member_id, Registration.organisation_id).label("who"),
            ActivitySession.start_at.label("at"),
        )
        .join(ActivitySession, ActivitySession.id == Registration.session_id)
        .where(Registration.attendance == "present", ActivitySession.status != "cancelled")
    )
    drop_ins = select(DropIn.member_id.label("who"), DropIn.at.label("at")).where(
        DropIn.member_id.is_not(None)
    )
    return union_all(usages, present, drop_ins).subquery()


def audience_indicators_in(s: Session, first_day: date, last_day: date) -> AudienceIndicators:
    """``audience_indicators`` in the caller's session (the grant report's)."""
    start, end = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    contacts = _contacts()
    firsts = dict(
        s.execute(
            select(contacts.c.who, func.min(contacts.c.at))
            .where(contacts.c.who.is_not(None))
            .group_by(contacts.c.who)
            .having(
                func.max(case(((contacts.c.at >= start) & (contacts.c.at < end), 1), else_=0)) == 1
            )
        ).all()
    )
    users = set(firsts)
    new = {who for who, at in firsts.items() if _aware(at) >= start}
    audiences = dict(s.execute(select(Audience.id, Audience.name)).all())
    members = {
        row[0]: row[1:]
        for row in s.execute(
            select(
                Member.id,
                Member.kind,
                Member.audience_id,
                Member.birth_year,
                Member.age_band,
                Member.gender,
                Member.situation,
                Member.city,
                Member.postcode,
            )  # every member (no IN list: a decade holds more users than SQL variables)
        )
        if row[0] in users
    }

    def breakdown(
        key_of: Callable[[int], str | None], order: Iterable[str]
    ) -> tuple[Breakdown, ...]:
        counts: Counter[str | None] = Counter()
        news: Counter[str | None] = Counter()
        for who in users:
            key = key_of(who)
            counts[key] += 1
            news[key] += who in new
        return _ordered(counts, news, list(order))

    def org(who: int) -> bool:
        return members[who][0] == ORGANISATION

    def age(who: int) -> str | None:
        if org(who):
            return ORGANISATION
        birth_year, band = members[who][2], members[who][3]
        if birth_year is not None:
            return age_band_for(birth_year, last_day).value
        return band

    by_public = breakdown(lambda w: audiences.get(members[w][1] or 0), sorted(audiences.values()))
    by_age = breakdown(age, [b.value for b in AgeBand])
    by_gender = breakdown(
        lambda w: ORGANISATION if org(w) else members[w][4], [g.value for g in Gender]
    )
    by_situation = breakdown(
        lambda w: ORGANISATION if org(w) else members[w][5], [x.value for x in Situation]
    )

    # --- communes ----------------------------------------------------------------------
    structure = s.get(Structure, 1)
    index = commune_index()
    home = index.match(structure.city, structure.postcode) if structure else None
    epci = home.epci_siren if home else ""
    # The shipped lists (empty: not reachable offline) and the lab's (Paramètres › Structure).
    qpv = union_codes(qpv_communes(), structure.qpv_communes if structure else "")
    zrr = union_codes(zrr_communes(), structure.zrr_communes if structure else "")
    lines: dict[str, list] = {}  # type: ignore[type-arg]
    zone = {"in": [0, 0], "out": [0, 0], "none": [0, 0], "qpv": [0, 0], "zrr": [0, 0]}
    for who in users:
        city, postcode = members[who][6] or "", members[who][7] or ""
        commune = index.match(city, postcode) if city.strip() else None
        is_new = who in new
        if commune is None:
            key, name, insee, inside = f"?{city.strip()}", city.strip(), None, None
            zone["none"][0] += 1
            zone["none"][1] += is_new
        else:
            key, name, insee = commune.insee, commune.name, commune.insee
            inside = bool(epci) and commune.epci_siren == epci
            zone["in" if inside else "out"][0] += 1
            zone["in" if inside else "out"][1] += is_new
            for flag, codes in (("qpv", qpv), ("zrr", zrr)):
                if commune.insee in codes:
                    zone[flag][0] += 1
                    zone[flag][1] += is_new
        line = lines.setdefault(key, [name, insee, inside, 0, 0])
        line[3] += 1
        line[4] += is_new
    communes = tuple(
        CommuneLine(
            name=n or "",
            insee=i,
            inside=inside,
            users=u,
            new=nw,
            qpv=i in qpv if i else False,
            zrr=i in zrr if i else False,
        )
        for n, i, inside, u, nw in sorted(lines.values(), key=lambda v: (-v[3], v[0]))
    )
    days, minutes = opening_totals(s, first_day, last_day)
    return AudienceIndicators(
        first_day=first_day,
        last_day=last_day,
        users=len(users),
        new_users=len(new),
        by_public=by_public,
        by_age_band=by_age,
        by_gender=by_gender,
        by_situation=by_situation,
        epci_name=home.epci_name if home else "",
        inside=Breakdown("inside", *zone["in"]),
        outside=Breakdown("outside", *zone["out"]),
        unidentified=Breakdown(None, *zone["none"]),
        communes=communes,
        qpv=Breakdown("qpv", *zone["qpv"]),
        zrr=Breakdown("zrr", *zone["zrr"]),
        qpv_list_size=len(qpv),
        zrr_list_size=len(zrr),
        opening_days=days,
        opening_minutes=minutes,
        staff=staff_totals(s, first_day, last_day),
    )


def _aware(at: datetime) -> datetime:
    from datetime import UTC

    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _ordered(
    counts: Mapping[str | None, int], news: Mapping[str | None, int], order: list[str]
) -> tuple[Breakdown, ...]:
    """Known keys in ``order``, then the others by name, then groups, then not given."""
    rank = {k: i for i, k in enumerate(order)}
    keys = sorted(
        counts,
        key=lambda k: (
            k is None,
            k == ORGANISATION,
            rank.get(k, len(rank)) if k is not None else 0,
            k or "",
        ),
    )
    return tuple(Breakdown(k, counts[k], news.get(k, 0)) for k in keys)
