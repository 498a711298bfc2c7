"""Bookings, usages, consumables, opening hours and maintenance of the demo, generated
day by day and resource by resource, each booking placed only where the rules of its
resource allow it (opening hours, closures and public holidays, slot step, minimum and
maximum duration, buffer, how far ahead, authorization).
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import cast

from sqlalchemy import Table, insert

from tierslieu_desktop.db.models import (
    Base,
    Booking,
    BookingEvent,
    CalendarException,
    Consumable,
    Machine,
    MachineConsumable,
    MaintenanceEntry,
    OpeningRange,
    Usage,
    UsageConsumable,
)
from tierslieu_desktop.demo import data_park, data_people
from tierslieu_desktop.demo.common import (
    BOOKING_TOTAL,
    FUTURE_DAYS,
    HISTORY_START_SMALL,
    HISTORY_YEARS,
    REFERENCE_DATE,
    SMALL_DEMAND,
    SMALL_LAB_DEMAND,
    Person,
    add_years,
)
from tierslieu_desktop.demo.people_park import Builder
from tierslieu_desktop.domain.calendar import (
    local_dt,
    merge_ranges,
    public_holiday,
    subtract_ranges,
)
from tierslieu_desktop.domain.enums import MemberKind

_EVER = datetime(9999, 1, 1, tzinfo=UTC)
_CHUNK = 20_000
_QUANTUM = {"gram": 1.0, "sheet": 1.0, "piece": 1.0, "kilostitch": 1.0, "metre": 0.1}


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _saturday_before(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 5) % 7)


def school_holiday(day: date) -> bool:
    """French school holidays, zone C: the real calendar around the demo year, the usual
    pattern otherwise (two weeks at All Saints, Christmas, winter and spring; summer)."""
    known = data_park.SCHOOL_HOLIDAYS
    if known[0][0] <= day <= known[-1][1]:
        return any(first <= day <= last for first, last in known)
    y = day.year
    if date(y, 7, 5) <= day <= date(y, 8, 31) or day <= date(y, 1, 3):
        return True
    for month, mday in ((2, 17), (4, 17), (10, 20), (12, 21)):
        first = _saturday_before(date(y, month, mday))
        if first <= day <= first + timedelta(days=15):
            return True
    return False


class _Pool:
    """People to draw from, ordered by when they could first book, with weights."""

    def __init__(self, entries: list[tuple[datetime, float, Person]]) -> None:
        entries.sort(key=lambda e: (e[0], e[2].member_id))
        self.since = [e[0] for e in entries]
        self.people = [e[2] for e in entries]
        self.cum = list(itertools.accumulate(e[1] for e in entries))

    def pick(self, rng: random.Random, before: datetime, until: datetime) -> Person | None:
        """Someone who could book before ``before`` and was not archived before ``until``."""
        k = bisect.bisect_left(self.since, before)
        if k == 0:
            return None
        total = self.cum[k - 1]
        for _attempt in range(6):
            i = min(bisect.bisect_right(self.cum, rng.random() * total, 0, k), k - 1)
            person = self.people[i]
            if person.archived_at is None or person.archived_at > until:
                return person
        return None


@dataclass(eq=False)
class _Res:
    """A bookable machine or space as the generator sees it."""

    name: str
    machine_id: int | None
    space_id: int | None
    home: str  # the space whose opening hours apply
    step: int
    min_minutes: int
    max_minutes: int
    buffer: int
    advance: int
    auth: bool
    first_day: date
    last_day: date | None
    durations: tuple[Sequence[int], Sequence[int]] = ((), ())
    consumables: tuple = ()
    rate: float = 0.0
    purposes: tuple[str, ...] = ()
    holders: _Pool | None = None
    holder_since: dict[int, date] = field(default_factory=dict)
    taken: list[tuple[int, int]] = field(default_factory=list)  # today's [start, blocked)
    taken_day: date | None = None

    def free(self, day: date, start: int, blocked: int) -> bool:
        if self.taken_day != day:
            self.taken_day, self.taken = day, []
        return all(blocked <= a or b <= start for a, b in self.taken)

    def take(self, start: int, blocked: int) -> None:
        self.taken.append((start, blocked))

    def open_on(self, day: date) -> bool:
        return self.first_day <= day and (self.last_day is None or day <= self.last_day)


class _B:
    """A booking being generated (minutes are local to ``day``)."""

    __slots__ = (
        "res",
        "day",
        "start",
        "end",
        "member",
        "org_id",
        "responsible",
        "headcount",
        "purpose",
        "note",
        "walk_in",
        "override",
        "status",
        "created_at",
        "created_by",
        "group",
    )

    def __init__(self, res: _Res, day: date, start: int, end: int) -> None:
        self.res, self.day, self.start, self.end = res, day, start, end
        self.member: Person | None = None
        self.org_id: int | None = None
        self.responsible = ""
        self.headcount = 1
        self.purpose = ""
        self.note = ""
        self.walk_in = False
        self.override = ""
        self.status = "booked"
        self.created_at = _EVER
        self.created_by = 0
        self.group = False


class BookingHistory:
    """Bookings, usages and maintenance since 2024 (small: the three funding years, at a
    rural lab's demand) or over ten years (large)."""

    def __init__(self, builder: Builder, people: list[Person]) -> None:
        self.b = builder
        self.s = builder.s
        self.rng = builder.rng
        self.size = builder.size
        self.people = people
        years = HISTORY_YEARS[self.size]
        self.first_day = (
            HISTORY_START_SMALL
            if self.size == "small"
            else add_years(REFERENCE_DATE, -years) + timedelta(days=1)
        )
        self.last_day = REFERENCE_DATE + timedelta(days=FUTURE_DAYS)
        # When the demo "is": Saturday evening before REFERENCE_DATE. Later bookings are
        # the ones already made for the coming weeks.
        self.snapshot = local_dt(REFERENCE_DATE - timedelta(days=1), 18 * 60 + 30)
        self.scale = SMALL_DEMAND if self.size == "small" else 6.0
        # the machines' own demand factor (the large demo keeps its figures)
        self.lab_scale = SMALL_LAB_DEMAND if self.size == "small" else 1.0
        self.bookings: list[_B] = []

    # set-up -----------------------------------------------------------------------

    def run(self) -> tuple[int, int]:
        self.opening_hours()
        self.consumables()
        self.resources()
        self.pools()
        day = self.first_day
        while day <= self.last_day:
            self.one_day(day)
            day += timedelta(days=1)
        total = BOOKING_TOTAL[self.size]
        if total is not None and len(self.bookings) > total:
            keep = sorted(self.rng.sample(range(len(self.bookings)), total))
            self.bookings = [self.bookings[i] for i in keep]
        n_usages = self.write()
        self.maintenance()
        return len(self.bookings), n_usages

    def stamp(self, at: datetime, actor: int) -> dict:
        return {"created_at": at, "created_by_id": actor, "updated_at": at, "updated_by_id": actor}

    def opening_hours(self) -> None:
        b = self.b
        self.schedule = {name: data_park.OPENING_HOURS[name] for name in b.space_ids}
        rows = [
            {"space_id": b.space_ids[name], "weekday": wd, "start_minute": s, "end_minute": e}
            for name, week in self.schedule.items()
            for wd, ranges in sorted(week.items())
            for s, e in ranges
        ]
        self.s.execute(insert(OpeningRange), rows)
        # (space name or None, day) → [(kind, start, end)]
        self.exceptions: dict[tuple[str | None, date], list[tuple[str, int | None, int | None]]]
        self.exceptions = {}
        rows = []
        last = self.last_day + timedelta(days=60)  # closures are known in advance
        for year in range(self.first_day.year, last.year + 1):
            for (m1, d1), (m2, d2), spaces, reason in data_park.YEARLY_CLOSURES:
                day = date(year, m1, d1)
                while day <= date(year, m2, d2):
                    if day.weekday() != 6 and self.first_day <= day <= last:
                        for space in spaces or (None,):
                            rows.append(
                                self.exception_row(day, space, "closed", None, None, reason)
                            )
                    day += timedelta(days=1)
        for day, space, kind, start, end, reason in data_park.ONE_OFF_EXCEPTIONS:
            if self.first_day <= day <= last:
                s_min = data_park.minute_of(start) if start else None
                e_min = data_park.minute_of(end) if end else None
                rows.append(self.exception_row(day, space, kind, s_min, e_min, reason))
        self.s.execute(insert(CalendarException), rows)

    def exception_row(
        self,
        day: date,
        space: str | None,
        kind: str,
        start: int | None,
        end: int | None,
        reason: str,
    ) -> dict:
        self.exceptions.setdefault((space, day), []).append((kind, start, end))
        at = local_dt(day - timedelta(days=30), 10 * 60)
        return {
            "space_id": self.b.space_ids[space] if space else None,
            "day": day,
            "kind": kind,
            "start_minute": start,
            "end_minute": end,
            "reason": reason,
            **self.stamp(at, self.b.accueil),
        }

    def ranges(self, space: str, day: date) -> list[tuple[int, int]]:
        """What opening_hours.day_opening says of ``space`` on ``day`` (every space of the
        demo is closed on public holidays)."""
        ranges = list(self.schedule[space].get(day.weekday(), ()))
        if public_holiday(day):
            ranges = []
        found = self.exceptions.get((space, day), []) + self.exceptions.get((None, day), [])
        opened = [
            (s, e) for kind, s, e in found if kind == "open" and s is not None and e is not None
        ]
        if opened:
            ranges = merge_ranges(ranges + opened)
        for kind, s, e in found:
            if kind == "closed":
                ranges = [] if s is None or e is None else subtract_ranges(ranges, [(s, e)])
        return merge_ranges(ranges)

    def consumables(self) -> None:
        rows: list[dict[str, object]] = []
        links: list[dict[str, int]] = []
        self.consumable_ids: dict[str, tuple[int, str]] = {}
        for i, (name, unit, machines) in enumerate(data_park.CONSUMABLES, start=1):
            rows.append({"id": i, "name": name, "unit": unit, "position": i, "archived": False})
            self.consumable_ids[name] = (i, unit)
            links.extend(
                {"machine_id": self.b.machines[m][0], "consumable_id": i} for m in machines
            )
        self.s.execute(insert(Consumable), rows)
        self.s.execute(insert(MachineConsumable), links)

    def _consumable_groups(self, groups: tuple) -> tuple:
        return tuple(
            (chance, [self.consumable_ids[c[0]] + c[2:] for c in choices], [c[1] for c in choices])
            for chance, choices in groups
        )

    def resources(self) -> None:
        b = self.b
        self.res: dict[str, _Res] = {}
        for name, m in b.machine_rows.items():
            space = next(n for n, sid in b.space_ids.items() if sid == m.space_id)
            assert m.purchase_date is not None  # every machine of the demo has one
            first = max(self.first_day, m.purchase_date + timedelta(days=7))
            last = (
                data_park.MAINTENANCE_SINCE - timedelta(days=1)
                if name == data_park.MAINTENANCE[0]
                else None
            )
            res = _Res(
                name,
                m.id,
                None,
                space,
                m.slot_step_minutes,
                m.min_duration_minutes,
                m.max_duration_minutes,
                m.buffer_minutes,
                m.max_advance_days,
                m.authorization_required,
                first,
                last,
            )
            profile = data_park.USAGE_PROFILES.get(name)
            if profile is None and name.startswith("Poste cyber-base"):
                profile = data_park.CYBERBASE_PROFILE
            if profile is not None:
                self.set_profile(res, profile)
            self.res[name] = res
        room = b.space_rows["Salle de réunion"]
        meeting = _Res(
            room.name,
            None,
            room.id,
            room.name,
            room.slot_step_minutes,
            room.min_duration_minutes,
            room.max_duration_minutes,
            room.buffer_minutes,
            room.max_advance_days,
            False,
            self.first_day,
            None,
        )
        self.set_profile(meeting, data_park.MEETING_PROFILE)
        self.res[room.name] = meeting
        self.lab = [r for n, r in self.res.items() if n in data_park.USAGE_PROFILES]
        self.pcs = [r for n, r in self.res.items() if n.startswith("Poste cyber-base")]
        self.desks = [r for n, r in self.res.items() if n.startswith("Poste coworking")]
        self.prusas = [r for n, r in self.res.items() if n.startswith("Prusa")]

    def set_profile(self, res: _Res, profile: dict) -> None:
        pairs = [
            (m, w)
            for m, w in profile["durations"]
            if res.min_minutes <= m <= res.max_minutes and m % res.step == 0
        ]
        res.durations = ([m for m, _w in pairs], [w for _m, w in pairs])
        res.consumables = self._consumable_groups(profile.get("consumables", ()))
        res.rate = profile.get("rate", 0.0)
        res.purposes = profile.get("purposes", ())

    def pools(self) -> None:
        rng = self.rng
        persons = [p for p in self.people if p.data.kind == MemberKind.PERSON]
        weights = {p.member_id: rng.paretovariate(1.3) for p in persons}
        audiences = self.b.audience_ids
        self.fablab = _Pool(
            [(p.created_at, weights[p.member_id] * (0.7 if p.minor else 1.0), p) for p in persons]
        )
        cyber_audiences: dict[int | None, float] = {audiences[2]: 4.0, audiences[3]: 2.0}
        self.cyber = _Pool(
            [
                (
                    p.created_at,
                    weights[p.member_id] * cyber_audiences.get(p.data.audience_id, 0.3),
                    p,
                )
                for p in persons
                if not p.minor
            ]
        )
        self.entrepreneurs = _Pool(
            [
                (p.created_at, 1.0 + 4.0 * (p.data.audience_id == audiences[0]), p)
                for p in persons
                if not p.minor and p.archived_at is None
            ]
        )
        orgs = [p for p in self.people if p.data.kind == MemberKind.ORGANISATION]
        self.organisations = _Pool([(p.created_at, 1.0, p) for p in orgs])
        self.schools = _Pool(
            [(p.created_at, 1.0, p) for p in orgs if p.data.organisation_type == "school"]
        )
        self.contacts: dict[int, list[str]] = {}
        by_id = {p.member_id: p for p in persons}
        machine_of = {mid: r for r in self.res.values() if (mid := r.machine_id) is not None}
        holders: dict[int, list[tuple[datetime, float, Person]]] = {}
        for row in self.b.authorization_rows:
            person = by_id[row["member_id"]]
            since = local_dt(row["granted_on"] + timedelta(days=1), 0)
            for res in self.lab:
                if not res.auth:
                    continue
                covers = row["machine_id"] == res.machine_id or (
                    row["category_id"] is not None
                    and row["category_id"] == self.b.machines[res.name][1]
                )
                if covers:
                    assert res.machine_id is not None  # the lab's resources are machines
                    holders.setdefault(res.machine_id, []).append(
                        (since, weights[person.member_id], person)
                    )
                    first = res.holder_since.get(person.member_id)
                    if first is None or row["granted_on"] < first:
                        res.holder_since[person.member_id] = row["granted_on"]
        for machine_id, entries in holders.items():
            machine_of[machine_id].holders = _Pool(entries)
        self.coworkers: list[list] = []  # [person, last day, days a week, usual desk]

    # one day --------------------------------------------------------------------------

    def factor(self, day: date) -> float:
        f = self.scale
        if day.month in (7, 8):
            f *= 0.7
        elif school_holiday(day):
            f *= 0.9
        if day.month == 12:
            f *= 0.85
        return f

    def one_day(self, day: date) -> None:
        f = self.factor(day)
        lab_ranges = {name: self.ranges(name, day) for name in ("Fablab", "Atelier textile")}
        weekday = day.weekday()
        if (
            weekday in (1, 3)
            and lab_ranges["Fablab"]
            and not school_holiday(day)
            # the schools' classes are not scaled down with the small demo's demand
            and self.rng.random()
            < data_park.SCHOOL_CLASS["chance"] * min(max(self.scale, 1.0), 1.5)
        ):
            self.school_class(day, lab_ranges["Fablab"])
        day_factor = {2: 1.3, 5: 1.2}.get(weekday, 1.0)
        evening = {2: 6.0, 3: 0.6}.get(weekday, 1.0)  # the open lab on Wednesday evening
        for res in self.lab:
            ranges = lab_ranges[res.home]
            if not ranges or not res.open_on(day):
                continue
            for _ in range(_poisson(self.rng, res.rate * f * self.lab_scale * day_factor)):
                self.demand(res, day, ranges, evening)
        cyber = self.ranges("Cyber-base", day)
        if cyber:
            self.cyberbase(day, cyber, f)
        coworking = self.ranges("Espace coworking", day)
        if coworking:
            self.coworking(day, coworking)
        room = self.res["Salle de réunion"]
        meeting = self.ranges(room.home, day)
        if meeting:
            # the meeting room is let to the territory's associations and companies:
            # not scaled down with the small demo's demand
            room_f = f * max(1.0, 1.0 / self.scale)
            for _ in range(_poisson(self.rng, room.rate * room_f)):
                self.meeting(room, day, meeting, 3.0 if weekday == 3 else 0.3)

    def periods(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int, int, bool]]:
        """Ranges split at the evening: (start, end, end of the opening range, evening)."""
        result = []
        for start, end in ranges:
            if start < data_park.EVENING_FROM < end:
                result.append((start, data_park.EVENING_FROM, end, False))
                result.append((data_park.EVENING_FROM, end, end, True))
            else:
                result.append((start, end, end, start >= data_park.EVENING_FROM))
        return result

    def place(
        self, res: _Res, day: date, ranges: list[tuple[int, int]], evening: float = 1.0
    ) -> _B | None:
        """A slot that follows every rule of ``res`` and is free, or None (asked for a
        taken or impossible slot: the member went elsewhere)."""
        rng = self.rng
        periods = self.periods(ranges)
        weights = [(pe - ps) * (evening if ev else 1.0) for ps, pe, _re, ev in periods]
        step = res.step
        for _attempt in range(4):
            duration = rng.choices(*res.durations)[0]
            fitting = [i for i, p in enumerate(periods) if p[2] - p[0] >= duration]
            if not fitting:
                continue
            ps, pe, re_, _ev = periods[rng.choices(fitting, [weights[i] for i in fitting])[0]]
            first = -(-ps // step) * step
            last = min(pe - 1, re_ - duration)
            last -= last % step
            if last < first:
                continue
            start = first + step * rng.randint(0, (last - first) // step)
            if res.free(day, start, start + duration + res.buffer):
                res.take(start, start + duration + res.buffer)
                return _B(res, day, start, start + duration)
        return None

    def created(self, bk: _B, *, lead_days: float = 6.0) -> None:
        """When and by whom the booking was made: a few days before, never after the
        snapshot, never further ahead than the resource allows."""
        rng = self.rng
        start_at = local_dt(bk.day, bk.start)
        lead = min(bk.res.advance - 1, int(rng.expovariate(1 / lead_days)))
        if lead == 0:
            at = start_at - timedelta(minutes=rng.randint(10, 180))
        else:
            at = local_dt(bk.day - timedelta(days=lead), rng.randrange(9 * 60, 18 * 60))
        bk.created_at = min(at, self.snapshot)
        bk.created_by = self.b.actor()

    def settle(self, bk: _B, *, group: bool = False) -> None:
        """The fate of the booking: mostly done; some cancelled, some no-shows."""
        r = self.rng.random()
        if bk.day > REFERENCE_DATE:
            bk.status = "cancelled" if r < 0.03 else "booked"
        elif r < (0.03 if group else 0.05):
            bk.status = "cancelled"
        elif r < (0.04 if group else 0.10):
            bk.status = "no_show"
        else:
            bk.status = "done"
        self.bookings.append(bk)

    def person_for(self, bk: _B, pool: _Pool) -> bool:
        until = _EVER if bk.day > REFERENCE_DATE else local_dt(bk.day, bk.end)
        person = pool.pick(self.rng, bk.created_at, until)
        if person is None:
            return False
        bk.member = person
        if person.data.organisation_id is not None and self.rng.random() < 0.5:
            bk.org_id = person.data.organisation_id  # billed to the employer
        return True

    def demand(self, res: _Res, day: date, ranges: list[tuple[int, int]], evening: float) -> None:
        rng = self.rng
        bk = self.place(res, day, ranges, evening)
        if bk is None:
            return
        self.created(bk)
        if res.auth:
            ok = False
            if rng.random() < 0.03:
                ok = self.override(bk)
            if not ok and res.holders is not None:
                ok = self.person_for(bk, res.holders)
        else:
            ok = self.person_for(bk, self.fablab)
        if not ok:
            res.taken.pop()
            return
        if rng.random() < 0.7:
            bk.purpose = rng.choice(res.purposes)
        if rng.random() < 0.04:
            bk.note = rng.choice(data_park.BOOKING_NOTES)
        self.settle(bk)

    def override(self, bk: _B) -> bool:
        """An untrained member booked anyway: the operator wrote why."""
        until = _EVER if bk.day > REFERENCE_DATE else local_dt(bk.day, bk.end)
        person = self.fablab.pick(self.rng, bk.created_at, until)
        if person is None or person.minor:
            return False
        since = bk.res.holder_since.get(person.member_id)
        if since is not None and since < bk.created_at.date():
            return False  # trained after all: no override needed
        bk.member = person
        bk.override = self.rng.choice(data_park.OVERRIDE_REASONS)
        return True

    def school_class(self, day: date, ranges: list[tuple[int, int]]) -> None:
        """A class on a school morning: the laser and two or three printers."""
        rng = self.rng
        spec = data_park.SCHOOL_CLASS
        slot = rng.choices([s for s, _w in spec["slots"]], [w for _s, w in spec["slots"]])[0]
        start, end = data_park.minute_ranges(slot)[0]
        if not any(s <= start and end <= e for s, e in ranges):
            return
        created = local_dt(day - timedelta(days=rng.randint(7, 40)), rng.randrange(600, 1020))
        created = min(created, self.snapshot)
        school = self.schools.pick(rng, created, _EVER)
        if school is None:
            return
        teacher = self.contact(school.member_id)
        headcount = rng.randint(12, 28)
        purpose = rng.choice(spec["purposes"])
        printers = [r for r in self.prusas if r.open_on(day)]
        chosen = [
            self.res["Découpeuse laser"],
            *rng.sample(printers, min(len(printers), rng.randint(2, 3))),
        ]
        actor = self.b.actor()
        cancelled = rng.random() < 0.03
        for res in chosen:
            if not res.open_on(day) or not res.free(day, start, end + res.buffer):
                continue
            res.take(start, end + res.buffer)
            bk = _B(res, day, start, end)
            bk.org_id, bk.responsible, bk.headcount = school.member_id, teacher, headcount
            bk.purpose, bk.group = purpose, True
            bk.created_at, bk.created_by = created, actor
            if cancelled:
                bk.status = "cancelled"
                self.bookings.append(bk)
            else:
                self.settle(bk, group=True)

    def contact(self, org_id: int) -> str:
        """The teacher or officer who comes for an organisation ("Mme Lafon")."""
        names = self.contacts.get(org_id)
        if names is None:
            names = [
                f"{self.rng.choice(data_park.TEACHER_TITLES)} {self.rng.choice(data_people.LAST_NAMES)}"
                for _ in range(self.rng.randint(1, 3))
            ]
            self.contacts[org_id] = names
        return self.rng.choice(names)

    def cyberbase(self, day: date, ranges: list[tuple[int, int]], f: float) -> None:
        rng = self.rng
        spec = data_park.CYBERBASE_PROFILE
        pcs = [pc for pc in self.pcs if pc.open_on(day)]
        if not pcs:
            return
        if day < REFERENCE_DATE:
            periods = self.periods(ranges)
            weights = [pe - ps for ps, pe, _re, _ev in periods]
            for _ in range(_poisson(rng, spec["drop_ins"] * f)):
                ps, pe, re_, _ev = rng.choices(periods, weights)[0]
                start = ps + 5 * rng.randint(0, max(0, (pe - ps - 15) // 5))
                end = min(re_, start + rng.choices(*pcs[0].durations)[0])
                if end - start < 10:
                    continue
                order = rng.sample(pcs, len(pcs))
                pc = next((p for p in order if p.free(day, start, end)), None)
                if pc is None:
                    continue
                bk = _B(pc, day, start, end)
                bk.walk_in = True
                bk.created_at, bk.created_by = local_dt(day, start), self.b.actor()
                if not self.person_for(bk, self.cyber):
                    continue
                pc.take(start, end)
                if rng.random() < 0.5:
                    bk.purpose = rng.choice(pc.purposes)
                bk.status = "done"
                self.bookings.append(bk)
        for _ in range(_poisson(rng, spec["appointments"] * f)):
            pc = rng.choice(pcs)
            appointment = self.place(pc, day, ranges)
            if appointment is None:
                continue
            self.created(appointment, lead_days=3.0)
            if not self.person_for(appointment, self.cyber):
                pc.taken.pop()
                continue
            appointment.purpose = rng.choice(pc.purposes)
            self.settle(appointment)

    def coworking(self, day: date, ranges: list[tuple[int, int]]) -> None:
        rng = self.rng
        wanted = round(data_park.COWORKING_PROFILE["regulars"] * self.scale)
        self.coworkers = [c for c in self.coworkers if c[1] >= day]
        desks = [d for d in self.desks if d.open_on(day)]
        if not desks:
            return
        while len(self.coworkers) < wanted:
            person = self.entrepreneurs.pick(rng, local_dt(day, 0), _EVER)
            if person is None or any(c[0] is person for c in self.coworkers):
                break
            stint = day + timedelta(days=rng.randint(60, 540))
            self.coworkers.append(
                [person, stint, rng.choice((1, 2, 2, 3, 3, 4, 5)), rng.choice(desks)]
            )
        slots = data_park.COWORKING_PROFILE["slots"]
        for person, _last, per_week, usual in self.coworkers:
            if rng.random() >= per_week / 5 * 0.85:
                continue
            start, end = data_park.minute_ranges(
                rng.choices([s for s, _w in slots], [w for _s, w in slots])[0]
            )[0]
            if not any(s <= start and end <= e for s, e in ranges):
                continue
            order = [usual, *(d for d in desks if d is not usual)]
            desk = next((d for d in order if d.open_on(day) and d.free(day, start, end)), None)
            if desk is None:
                continue
            desk.take(start, end)
            bk = _B(desk, day, start, end)
            self.created(bk, lead_days=4.0)
            bk.member = person
            self.settle(bk)

    def meeting(self, room: _Res, day: date, ranges: list[tuple[int, int]], evening: float) -> None:
        rng = self.rng
        bk = self.place(room, day, ranges, evening)
        if bk is None:
            return
        self.created(bk, lead_days=14.0)
        if rng.random() < 0.6:
            org = self.organisations.pick(rng, bk.created_at, _EVER)
            if org is None:
                room.taken.pop()
                return
            bk.org_id, bk.responsible = org.member_id, self.contact(org.member_id)
            bk.headcount = rng.randint(3, 14)
        else:
            if not self.person_for(bk, self.entrepreneurs):
                room.taken.pop()
                return
            bk.headcount = rng.randint(1, 6)
        bk.purpose = rng.choice(room.purposes)
        self.settle(bk, group=bk.member is None)

    # writing --------------------------------------------------------------------------

    def write(self) -> int:
        """Bookings numbered in the order they were made, their events, the usages of the
        done ones with their consumables; machine counters moved by the usages."""
        rng = self.rng
        b = self.b
        order = {id(r): i for i, r in enumerate(self.res.values())}
        self.bookings.sort(key=lambda k: (k.created_at, order[id(k.res)], k.day, k.start))
        # The end of the previous booking's buffer on the same resource: a usage never
        # starts before it (nor runs over its own booking's buffer), so the usages of a
        # machine never overlap either.
        previous: dict[int, datetime | None] = {}
        last: dict[int, datetime] = {}
        for bk in sorted(self.bookings, key=lambda k: (order[id(k.res)], k.day, k.start)):
            previous[id(bk)] = last.get(id(bk.res))
            last[id(bk.res)] = local_dt(bk.day, bk.end) + timedelta(minutes=bk.res.buffer)
        bookings: list[dict[str, object]] = []
        events: list[tuple[int, datetime, int, str, str, str]] = []
        usages: list[dict[str, object]] = []
        used: list[dict[str, object]] = []
        minutes_on: dict[int, int] = {}
        for booking_id, bk in enumerate(self.bookings, start=1):
            res = bk.res
            start_at = local_dt(bk.day, bk.start)
            end_at = local_dt(bk.day, bk.end)
            blocked = end_at + timedelta(minutes=res.buffer)
            person = bk.member
            first_action = "walk_in" if bk.walk_in else "created"
            first_status = "in_progress" if bk.walk_in else "booked"
            detail = f"override: {bk.override}" if bk.override else ""
            events.append(
                (booking_id, bk.created_at, bk.created_by, first_action, first_status, detail)
            )
            last_at, last_by = bk.created_at, bk.created_by
            checked_in = None
            if bk.status == "done":
                if bk.walk_in:
                    u_start, u_end = start_at, end_at
                else:
                    u_start = start_at + timedelta(minutes=rng.randint(-5, 10))
                    before = previous[id(bk)]
                    if before is not None:
                        u_start = max(u_start, before)
                    u_end = min(end_at + timedelta(minutes=rng.randint(-15, 5)), blocked)
                    u_end = max(u_end, u_start + timedelta(minutes=5))
                    events.append((booking_id, u_start, b.actor(), "checked_in", "in_progress", ""))
                checked_in = u_start
                out_by = b.actor()
                events.append((booking_id, u_end, out_by, "checked_out", "done", ""))
                last_at, last_by = u_end, out_by
                minutes = int((u_end - u_start).total_seconds() // 60)
                usage_id = len(usages) + 1
                usages.append(
                    {
                        "id": usage_id,
                        "booking_id": booking_id,
                        "machine_id": res.machine_id,
                        "space_id": res.space_id,
                        "member_id": person.member_id if person else None,
                        "organisation_id": bk.org_id,
                        "headcount": bk.headcount,
                        "start_at": u_start,
                        "end_at": u_end,
                        "minutes": minutes,
                        "note": rng.choice(data_park.USAGE_NOTES) if rng.random() < 0.03 else "",
                        **self.stamp(u_end, out_by),
                    }
                )
                if res.machine_id is not None:
                    minutes_on[res.machine_id] = minutes_on.get(res.machine_id, 0) + minutes
                used.extend(self.quantities(usage_id, bk, minutes))
            elif bk.status == "cancelled":
                # some time after it was made, at least half an hour before it starts
                latest = min(start_at - timedelta(minutes=30), self.snapshot)
                span = max(0, int((latest - bk.created_at).total_seconds() // 60))
                at = bk.created_at + timedelta(minutes=rng.randint(0, span))
                by = b.actor()
                reason = rng.choice(data_park.CANCEL_REASONS) if rng.random() < 0.6 else ""
                events.append((booking_id, at, by, "cancelled", "cancelled", reason))
                last_at, last_by = at, by
            elif bk.status == "no_show":
                at = min(start_at + timedelta(minutes=30), end_at)
                by = b.actor()
                events.append((booking_id, at, by, "no_show", "no_show", ""))
                last_at, last_by = at, by
            bookings.append(
                {
                    "id": booking_id,
                    "machine_id": res.machine_id,
                    "space_id": res.space_id,
                    "member_id": person.member_id if person else None,
                    "organisation_id": bk.org_id,
                    "responsible_name": bk.responsible,
                    "headcount": bk.headcount,
                    "start_at": start_at,
                    "end_at": end_at,
                    "blocked_until": blocked,
                    "purpose": bk.purpose,
                    "note": bk.note,
                    "status": bk.status,
                    "walk_in": bk.walk_in,
                    "override_reason": bk.override,
                    "series_id": None,
                    "checked_in_at": checked_in,
                    "created_at": bk.created_at,
                    "created_by_id": bk.created_by,
                    "updated_at": last_at,
                    "updated_by_id": last_by,
                }
            )
        keys = ("booking_id", "at", "operator_id", "action", "status", "detail")
        self.insert(Booking, bookings)
        self.insert(BookingEvent, [dict(zip(keys, e, strict=True)) for e in events])
        self.insert(Usage, usages)
        self.insert(UsageConsumable, used)
        for machine_id, minutes in minutes_on.items():
            machine = self.s.get(Machine, machine_id)
            assert machine is not None
            machine.hour_counter_minutes += minutes
        return len(usages)

    def insert(self, model: type[Base], rows: list[dict]) -> None:
        # A Core insert of the table: one executemany per chunk (the ORM's bulk path
        # splits the rows into many small batches).
        stmt = insert(cast(Table, model.__table__))  # declared a FromClause, a Table here
        for i in range(0, len(rows), _CHUNK):
            self.s.execute(stmt, rows[i : i + _CHUNK])

    def quantities(self, usage_id: int, bk: _B, minutes: int) -> list[dict]:
        """What was used: a sheet or three on the laser, grams of filament by the hour…"""
        rng = self.rng
        res = bk.res
        rows = []
        if bk.group and res.machine_id is not None and res.consumables:
            spec = data_park.SCHOOL_CLASS
            if res.name == "Découpeuse laser":
                picked = [("Contreplaqué peuplier 3 mm (60 × 40 cm)", *spec["laser_sheets"])]
            else:
                picked = [("Filament PLA", *spec["pla_grams"])]
            for name, low, high in picked:
                cid, unit = self.consumable_ids[name]
                rows.append(self.quantity_row(usage_id, cid, unit, rng.uniform(low, high)))
            return rows
        for chance, choices, weights in res.consumables:
            if rng.random() >= chance:
                continue
            cid, unit, low, high, per_hour = rng.choices(choices, weights)[0]
            q = rng.uniform(low, high) * (minutes / 60 if per_hour else 1)
            rows.append(self.quantity_row(usage_id, cid, unit, q))
        return rows

    def quantity_row(self, usage_id: int, cid: int, unit: str, q: float) -> dict:
        quantum = _QUANTUM[unit]
        steps = max(1, round(q / quantum))
        return {
            "usage_id": usage_id,
            "consumable_id": cid,
            "quantity_milli": round(steps * quantum * 1000),
        }

    def maintenance(self) -> None:
        """A few entries a year per machine (cleaning, nozzles, yearly service) and the
        notable events of the last year."""
        rng = self.rng
        b = self.b
        rows = []

        def add(day: date, name: str, text: str, euros: int, by: str | None) -> None:
            while day.weekday() in (0, 6):  # the lab is closed: done the next day
                day += timedelta(days=1)
            who = by or rng.choice(data_people.ANIMATORS)
            actor = b.op_ids.get(who, b.accueil)
            rows.append(
                {
                    "machine_id": b.machines[name][0],
                    "day": day,
                    "description": text,
                    "cost_cents": euros * 100,
                    "done_by": who,
                    **self.stamp(local_dt(day, rng.randrange(600, 1080)), actor),
                }
            )

        for name, every, text, euros, by in data_park.MAINTENANCE_ROUTINE:
            res = self.res[name]
            day = res.first_day + timedelta(days=rng.randint(5, every))
            while day < REFERENCE_DATE - timedelta(days=2):
                add(day, name, text, euros, by)
                day += timedelta(days=round(every * rng.uniform(0.8, 1.2)))
        for day, name, text, euros, by in data_park.MAINTENANCE_ONE_OFF:
            if self.first_day <= day < REFERENCE_DATE:
                add(day, name, text, euros, by)
        rows.sort(key=lambda r: (r["day"], r["machine_id"]))
        self.s.execute(insert(MaintenanceEntry), rows)
