"""The demo's year of activities: machine trainings, digital-mediation workshops, open
lab evenings, school visits, repair cafés and events, with their registrations, waiting
lists, cancellations and attendance, and the cyber-base's drop-in log.

Everything follows the demo's rules: one ``random.Random`` (deterministic), every date
from the reference date (never the clock). Activities, price rules and sessions go
through the services (opening hours, the machines' bookings and their conflicts), then
are re-stamped with the moments they "happened" (the services stamp with the clock).
Registrations are written in bulk: through registrations.register they cost about 9 ms each
(the tariff book and the customer are loaded each time: 11 s for a year's 1,100), so
their rules are replayed in memory instead (seated while the seats allow and nobody
waits, the waiting list seated in order when someone cancels, the price of the
activity's rule for the payer's public and membership that day, attendance from the
session's day, a member present at a training authorized on its machine) — the tests
check them against the service. The thousands of drop-ins (drawn in ``demo.dropins``) are
inserted in bulk (the columns ``dropins.log_drop_in`` writes).

Sessions holding a machine stay within the demo's booked weeks (``future_days``) and
never take a slot any booking of the machine touched (even a cancelled one: the demo's
bookings are replayed as they were made); the others run six weeks past the reference
date so the activity pages have a future.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import insert, select, update

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Authorization,
    Booking,
    CalendarException,
    DropIn,
    Machine,
    Member,
    Membership,
    OpeningRange,
    Operator,
    PriceRule,
    Registration,
    Space,
)
from tierslieu_desktop.demo import data_activity, data_finance, data_park, data_people
from tierslieu_desktop.demo.dropins import drop_in_rows, voucher_numbers
from tierslieu_desktop.demo.rows import update_by_id
from tierslieu_desktop.domain.calendar import (
    local_dt,
    merge_ranges,
    public_holiday,
    subtract_ranges,
    to_local,
)
from tierslieu_desktop.domain.enums import (
    ActivityKind,
    Attendance,
    MemberKind,
    RegistrationStatus,
)
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.pricing import Customer, price_activity
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.sessions import ActivityInput, SessionInput
from tierslieu_desktop.services.pricing import tariffs
from tierslieu_desktop.services.pricing.engine import load_tariffs
from tierslieu_desktop.services.scheduling.bookings import BookingStatus

AFTER_DAYS = 42  # sessions planned up to six weeks after the reference date
CANCEL_SHARE = 0.07
ABSENT_SHARE = 0.06
EXCUSED_SHARE = 0.05
NEWCOMERS = 8  # members trained on their first machine during the year


@dataclass(frozen=True)
class ActivityYearCounts:
    activities: int
    sessions: int
    registrations: int
    bookings: int  # the machines' bookings held by the sessions
    authorizations: int  # granted by the trainings
    drop_ins: int


@dataclass
class _Person:
    id: int
    created: date
    until: date | None  # archived on
    audience: str
    age_band: str | None
    city: str
    kind: str
    organisation_type: str | None
    name: str


@dataclass
class _Planned:
    session_id: int
    kind: str
    start: datetime
    end: datetime
    capacity: int
    created: datetime
    activity_name: str


def _minutes(text: str) -> int:
    return data_park.minute_of(text)


class _Year:
    def __init__(
        self,
        db: Database,
        reference: date,
        rng: random.Random,
        future_days: int,
        first_day: date | None = None,
        trainings_factor: float = 1.0,
    ):
        self.db = db
        self.trainings_factor = trainings_factor
        self.rng = rng
        self.reference = reference
        self.first_day = first_day or reference.replace(year=reference.year - 1) + timedelta(days=1)
        self.last_day = reference + timedelta(days=AFTER_DAYS)
        self.machine_last_day = reference + timedelta(days=future_days)
        # When the demo "is": Saturday evening before the reference date.
        self.snapshot = local_dt(reference - timedelta(days=1), 18 * 60 + 30)
        self.planned: list[_Planned] = []
        self.session_stamps: dict[int, datetime] = {}
        self.pools: dict[str, list[_Person]] = {}
        self.held: dict[int, list[tuple[datetime, datetime]]] | None = None

    # data of the demo ------------------------------------------------------------

    def load(self) -> None:
        with self.db.read() as s:
            self.ops = dict(s.execute(select(Operator.name, Operator.id)).all())
            self.accueil = self.ops.get(data_people.ACCUEIL)
            self.spaces = dict(s.execute(select(Space.name, Space.id)).all())
            self.machines = {
                m.name: m for m in s.scalars(select(Machine).order_by(Machine.id)).all()
            }
            self.audiences = dict(s.execute(select(Audience.id, Audience.name)).all())
            self.audience_ids = {name: i for i, name in self.audiences.items()}
            self.people: list[_Person] = []
            for m in s.execute(
                select(
                    Member.id,
                    Member.created_at,
                    Member.archived_at,
                    Member.audience_id,
                    Member.age_band,
                    Member.city,
                    Member.kind,
                    Member.organisation_type,
                    Member.first_name,
                    Member.last_name,
                ).order_by(Member.id)
            ):
                self.people.append(
                    _Person(
                        id=m.id,
                        created=m.created_at.date(),
                        until=m.archived_at.date() if m.archived_at else None,
                        audience=self.audiences.get(m.audience_id, ""),
                        age_band=m.age_band,
                        city=m.city,
                        kind=m.kind,
                        organisation_type=m.organisation_type,
                        name=m.last_name,
                    )
                )
            self.authorized: set[tuple[int, str]] = set()  # (member, machine name)
            by_category: dict[int, list[str]] = {}
            for machine in self.machines.values():
                by_category.setdefault(machine.category_id, []).append(machine.name)
            names = {m.id: m.name for m in self.machines.values()}
            self.holders: set[int] = set()
            for member_id, machine_id, category_id in s.execute(
                select(Authorization.member_id, Authorization.machine_id, Authorization.category_id)
            ):
                self.holders.add(member_id)
                if machine_id is not None:
                    self.authorized.add((member_id, names[machine_id]))
                if category_id is not None:
                    for name in by_category.get(category_id, []):
                        self.authorized.add((member_id, name))
            # A few members new to the machines are trained during the year (most
            # trainees already hold an authorization on another machine).
            fresh = sorted(
                x.id
                for x in self.people
                if x.kind == MemberKind.PERSON
                and x.id not in self.holders
                and x.until is None
                and x.age_band not in ("under_12", "12_17")
            )
            self.newcomers = set(self.rng.sample(fresh, min(len(fresh), NEWCOMERS)))
            self.weekly: dict[int, dict[int, list[tuple[int, int]]]] = {}
            for r in s.scalars(select(OpeningRange)):
                self.weekly.setdefault(r.space_id, {}).setdefault(r.weekday, []).append(
                    (r.start_minute, r.end_minute)
                )
            self.exceptions: dict[tuple[int | None, date], list[CalendarException]] = {}
            for e in s.scalars(select(CalendarException)):
                self.exceptions.setdefault((e.space_id, e.day), []).append(e)
            # Mornings when a class already comes to the fablab (the demo's bookings).
            self.class_days = {
                b.date()
                for b in s.scalars(
                    select(Booking.start_at)
                    .join(Member, Member.id == Booking.organisation_id)
                    .where(Member.organisation_type == "school", Booking.member_id.is_(None))
                )
            }

    def ranges(self, space: str, day: date) -> list[tuple[int, int]]:
        """The space's open ranges that day (as opening_hours.day_opening says)."""
        space_id = self.spaces[space]
        ranges = list(self.weekly.get(space_id, {}).get(day.weekday(), ()))
        if public_holiday(day):
            ranges = []
        found = self.exceptions.get((space_id, day), []) + self.exceptions.get((None, day), [])
        opened = [
            (e.start_minute, e.end_minute)
            for e in found
            if e.kind == "open" and e.start_minute is not None and e.end_minute is not None
        ]
        if opened:
            ranges = merge_ranges(ranges + opened)
        for e in found:
            if e.kind == "closed":
                if e.start_minute is None or e.end_minute is None:
                    ranges = []
                else:
                    ranges = subtract_ranges(ranges, [(e.start_minute, e.end_minute)])
        return merge_ranges(ranges)

    def fits(self, space: str, day: date, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.ranges(space, day))

    def taken(self, machine: str, day: date, start: int, end: int) -> bool:
        """Whether any booking of the machine (even cancelled or not shown up) touches the
        slot and its buffer: the demo's bookings are replayed as they were made, when
        that slot was not free."""
        m = self.machines[machine]
        if self.held is None:  # the trained machines' bookings of the year, read once
            ids = [self.machines[name].id for name, *_rest in data_activity.TRAININGS]
            self.held = {}
            with self.db.read() as s:
                for machine_id, start_at, blocked in s.execute(
                    select(Booking.machine_id, Booking.start_at, Booking.blocked_until).where(
                        Booking.machine_id.in_(ids),
                        Booking.start_at >= local_dt(self.first_day, 0),
                    )
                ):
                    assert machine_id is not None  # the machines' bookings only
                    self.held.setdefault(machine_id, []).append((start_at, blocked))
        start_at = local_dt(day, start)
        blocked = local_dt(day, end) + timedelta(minutes=m.buffer_minutes)
        spans = self.held.setdefault(m.id, [])
        if any(a < blocked and start_at < b for a, b in spans):
            return True
        spans.append((start_at, blocked))  # the session about to be planned
        return False

    def school_holiday(self, day: date) -> bool:
        return any(first <= day <= last for first, last in data_park.SCHOOL_HOLIDAYS)

    def actor(self) -> int | None:
        if self.rng.random() < 0.6:
            return self.accueil
        return self.ops.get(self.rng.choice(data_people.ANIMATORS), self.accueil)

    # activities and their prices ----------------------------------------------------

    def activities(self) -> None:
        rng = self.rng
        fablab, cyber = self.spaces["Fablab"], self.spaces["Cyber-base"]
        self.ids: dict[str, int] = {}
        self.specs: dict[str, tuple] = {}

        def save(inp: ActivityInput) -> int:
            aid = activities.save_activity(self.db, self.accueil, inp)
            self.ids[inp.name] = aid
            return aid

        for machine, name, minutes, capacity, per_year, trainer in data_activity.TRAININGS:
            m = self.machines[machine]
            save(
                ActivityInput(
                    name=name,
                    kind=ActivityKind.MACHINE_TRAINING,
                    description=f"Prise en main et sécurité : {machine.lower()}. "
                    "La présence vaut habilitation.",
                    duration_minutes=minutes,
                    capacity=capacity,
                    trainer=trainer,
                    space_id=m.space_id,
                    machine_id=m.id,
                )
            )
            self.specs[name] = (machine, minutes, capacity, per_year, trainer)
        for name, desc in data_activity.DIGITAL_WORKSHOPS:
            save(
                ActivityInput(
                    name=name,
                    kind=ActivityKind.DIGITAL_WORKSHOP,
                    description=desc,
                    duration_minutes=120,
                    capacity=8,
                    trainer=data_activity.WORKSHOP_TRAINER,
                    space_id=cyber,
                )
            )
        for (name, desc), kind, minutes, capacity, space in (
            (data_activity.OPEN_LAB, ActivityKind.OPEN_LAB, 180, 16, fablab),
            (data_activity.SCHOOL_VISIT, ActivityKind.SCHOOL_VISIT, 120, 28, fablab),
            (data_activity.REPAIR_CAFE, ActivityKind.REPAIR_CAFE, 180, 20, fablab),
        ):
            save(
                ActivityInput(
                    name=name,
                    kind=kind,
                    description=desc,
                    duration_minutes=minutes,
                    capacity=capacity,
                    trainer=rng.choice(data_people.ANIMATORS),
                    space_id=space,
                )
            )
        for name, desc, _day, start, end, capacity in data_activity.EVENTS:
            save(
                ActivityInput(
                    name=name,
                    kind=ActivityKind.EVENT,
                    description=desc,
                    duration_minutes=_minutes(end) - _minutes(start),
                    capacity=capacity,
                    trainer="",
                    space_id=fablab,
                )
            )
        # The tariff grid: trainings 25 € (members) / 40 €, workshops 5 € and free for job
        # seekers, school visits 60 € a class, open lab and repair café free.
        since = self.first_day - timedelta(days=20)
        job_seekers = self.audience_ids.get(data_finance.PUBLIC_JOB_SEEKERS)
        rules: list[tuple[str, int | None, str, str, int, str]] = []
        for _m, name, *_rest in data_activity.TRAININGS:
            rules.append((name, None, "member", "session", 2500, ""))
            rules.append((name, None, "non_member", "session", 4000, ""))
        for name, _d in data_activity.DIGITAL_WORKSHOPS:
            rules.append((name, None, "any", "session", 500, ""))
            rules.append((name, job_seekers, "any", "session", 0, "Gratuit demandeurs d'emploi"))
        rules.append((data_activity.SCHOOL_VISIT[0], None, "any", "flat", 6000, "Forfait classe"))
        rules.append((data_activity.OPEN_LAB[0], None, "any", "session", 0, "Accès libre"))
        rules.append((data_activity.REPAIR_CAFE[0], None, "any", "session", 0, "Prix libre"))
        for name, audience, membership, unit, cents, label in rules:
            tariffs.save_rule(
                self.db,
                self.accueil,
                kind="activity",
                resource_id=self.ids[name],
                audience_id=audience,
                membership=membership,
                unit=unit,
                step_minutes=None,
                amount_cents=cents,
                valid_from=since,
                valid_to=None,
                label=label,
            )
        self.setup_at = local_dt(since - timedelta(days=5), 10 * 60)

    # sessions ----------------------------------------------------------------------

    def plan(
        self,
        name: str,
        day: date,
        start: int,
        end: int,
        *,
        space: str,
        capacity: int,
        trainer: str,
        machine: str | None = None,
        lead: tuple[int, int] = (14, 45),
    ) -> _Planned | None:
        if machine is not None and (
            day > self.machine_last_day
            or day < (self.machines[machine].purchase_date or day)  # not bought yet
            or self.taken(machine, day, start, end)
        ):
            return None
        if machine is None and not self.fits(space, day, start, end):
            return None
        start_at, end_at = local_dt(day, start), local_dt(day, end)
        try:
            sid = activities.create_session(
                self.db,
                self.accueil,
                SessionInput(
                    activity_id=self.ids[name],
                    start_at=start_at,
                    end_at=end_at,
                    capacity=capacity,
                    space_id=self.spaces[space],
                    trainer=trainer,
                    machine_ids=(self.machines[machine].id,) if machine else (),
                ),
            )
        except DomainError:
            return None  # closed, outside the opening hours, the machine taken
        created = local_dt(
            day - timedelta(days=self.rng.randint(*lead)), self.rng.randrange(570, 1050)
        )
        ahead = self.snapshot - timedelta(hours=self.rng.randint(0, 240))
        created = min(created, ahead, start_at - timedelta(hours=2))
        p = _Planned(sid, self._kind(name), start_at, end_at, capacity, created, name)
        self.planned.append(p)
        self.session_stamps[sid] = created
        return p

    def _kind(self, name: str) -> str:
        if name in self.specs:
            return ActivityKind.MACHINE_TRAINING
        if name in {n for n, _d in data_activity.DIGITAL_WORKSHOPS}:
            return ActivityKind.DIGITAL_WORKSHOP
        return {
            data_activity.OPEN_LAB[0]: ActivityKind.OPEN_LAB,
            data_activity.SCHOOL_VISIT[0]: ActivityKind.SCHOOL_VISIT,
            data_activity.REPAIR_CAFE[0]: ActivityKind.REPAIR_CAFE,
        }.get(name, ActivityKind.EVENT)

    def days(self) -> list[date]:
        return [
            self.first_day + timedelta(days=i)
            for i in range((self.last_day - self.first_day).days + 1)
        ]

    def training_days(self, per_year: int, gap: int) -> list[date]:
        """The days around which a machine training is planned: every ``gap`` days (give
        or take five) up to the weeks already planned; before the last year,
        ``trainings_factor`` as many (the small demo's history). The last year's are
        counted back from ten days after the reference date, so the weeks to come have
        one of each training."""
        rng = self.rng
        last_year = self.reference - timedelta(days=365)
        days: list[date] = []
        if self.first_day < last_year:
            slow = round(365 / max(1.0, per_year * self.trainings_factor))
            day = self.first_day + timedelta(days=rng.randrange(slow))
            while day < last_year:
                days.append(day)
                day += timedelta(days=slow + rng.randint(-5, 5))
        anchor = self.reference + timedelta(days=10)
        k = (anchor - max(self.first_day, last_year)).days // gap
        for i in range(k, -1, -1):
            jitter = rng.randint(-5, 5) if i else 0
            days.append(anchor - timedelta(days=i * gap - jitter))
        return [d for d in days if d <= self.machine_last_day]

    def sessions(self) -> None:
        rng = self.rng
        days = self.days()
        summer = {7, 8}
        # Machine trainings: spread over the year, on a weekday afternoon or a Saturday
        # morning, the next possible slot when the machine is taken.
        for name, (machine, minutes, capacity, per_year, trainer) in self.specs.items():
            space = next(n for n, i in self.spaces.items() if i == self.machines[machine].space_id)
            gap = 365 // per_year
            targets = self.training_days(per_year, gap)
            for day in targets:
                if day.month in summer and rng.random() < 0.6:
                    continue
                for offset in range(14):
                    d = day + timedelta(days=offset)
                    slots = [(570, 570 + minutes)] if d.weekday() == 5 else [(840, 840 + minutes)]
                    if d.weekday() in (2, 3):
                        slots.append((570, 570 + min(minutes, 180)))
                    done = False
                    for start, end in slots:
                        if self.plan(
                            name,
                            d,
                            start,
                            end,
                            space=space,
                            capacity=capacity,
                            trainer=trainer,
                            machine=machine,
                            lead=(14, 50),
                        ):
                            done = True
                            break
                    if done:
                        break
        workshops = [n for n, _d in data_activity.DIGITAL_WORKSHOPS]
        w = 0
        week_index = 0
        for day in days:
            weekday = day.weekday()
            if weekday == 0:
                week_index += 1
            in_summer = day.month in summer
            # Digital workshops: Tuesday and Thursday afternoons at the cyber-base.
            if (
                weekday in (1, 3)
                and rng.random() < (0.3 if in_summer else 0.6)
                and self.plan(
                    workshops[w % len(workshops)],
                    day,
                    840,
                    960,
                    space="Cyber-base",
                    capacity=8,
                    trainer=data_activity.WORKSHOP_TRAINER,
                    lead=(10, 35),
                )
            ):
                w += 1
            # The Wednesday open lab, most weeks.
            if weekday == 2 and rng.random() < (0.35 if in_summer else 0.8):
                self.plan(
                    data_activity.OPEN_LAB[0],
                    day,
                    data_park.EVENING_FROM,
                    data_park.EVENING_FROM + 180,
                    space="Fablab",
                    capacity=16,
                    trainer=rng.choice(data_people.ANIMATORS),
                    lead=(7, 28),
                )
            # School visits: Tuesday or Friday mornings in term, when no class comes.
            if (
                weekday in (1, 4)
                and not self.school_holiday(day)
                and day not in self.class_days
                and rng.random() < 0.35
            ):
                self.plan(
                    data_activity.SCHOOL_VISIT[0],
                    day,
                    570,
                    690,
                    space="Fablab",
                    capacity=28,
                    trainer=rng.choice(data_people.ANIMATORS),
                    lead=(20, 60),
                )
            # The repair café: the second Saturday of the month (not in August).
            if weekday == 5 and 8 <= day.day <= 14 and day.month != 8:
                self.plan(
                    data_activity.REPAIR_CAFE[0],
                    day,
                    570,
                    750,
                    space="Fablab",
                    capacity=20,
                    trainer=rng.choice(data_people.ANIMATORS),
                    lead=(20, 40),
                )
        for name, _desc, day, starts, ends, capacity in data_activity.EVENTS:
            if self.first_day <= day <= self.last_day:
                self.plan(
                    name,
                    day,
                    _minutes(starts),
                    _minutes(ends),
                    space="Fablab",
                    capacity=capacity,
                    trainer=", ".join(data_people.ANIMATORS[:2]),
                    lead=(40, 60),
                )

    # registrations and attendance -----------------------------------------------------

    def candidates(self, p: _Planned) -> list[_Person]:
        """Who may come (with repeats as weights); pick() checks the day and the
        machine. Built once per kind of activity (or machine)."""
        key = self.specs[p.activity_name][0] if p.activity_name in self.specs else p.kind
        if key in self.pools:
            return self.pools[key]
        persons = [x for x in self.people if x.kind == MemberKind.PERSON]
        if p.kind == ActivityKind.MACHINE_TRAINING:
            # Mostly makers already trained on another machine (the demo's authorizations
            # stay the main way in), some newcomers.
            adults = [x for x in persons if x.age_band not in ("under_12", "12_17")]
            pool = [x for x in adults if x.id in self.holders] * 4
            pool += [x for x in adults if x.id in self.newcomers]
        elif p.kind == ActivityKind.DIGITAL_WORKSHOP:
            weights = {
                data_finance.PUBLIC_JOB_SEEKERS: 5,
                data_finance.PUBLIC_GENERAL: 3,
                data_finance.PUBLIC_ENTREPRENEURS: 1,
            }
            pool = []
            for x in persons:
                k = weights.get(x.audience, 0)
                if x.age_band in ("60_plus", "40_59"):
                    k *= 2
                pool += [x] * k
        elif p.kind == ActivityKind.OPEN_LAB:
            pool = [
                x
                for x in persons
                if x.audience != data_finance.PUBLIC_JOB_SEEKERS or x.id in self.holders
            ]
        else:
            pool = persons
        self.pools[key] = pool
        return pool

    def pick(self, p: _Planned, wanted: int) -> list[int]:
        """``wanted`` different members of the pool, members when the registrations
        open (not archived by then), not yet authorized on a training's machine."""
        pool = self.candidates(p)
        day = to_local(p.created).date()
        machine = self.specs[p.activity_name][0] if p.activity_name in self.specs else None
        chosen: list[int] = []
        seen: set[int] = set()
        for _ in range(wanted * 12):
            if len(chosen) >= wanted or not pool:
                break
            x = self.rng.choice(pool)
            if (
                x.id in seen
                or x.created >= day
                or (x.until is not None and x.until <= day)
                or (machine is not None and (x.id, machine) in self.authorized)
            ):
                continue
            seen.add(x.id)
            chosen.append(x.id)
        return chosen

    def registrations(self) -> None:
        rng = self.rng
        schools = [
            x
            for x in self.people
            if x.kind == MemberKind.ORGANISATION and x.organisation_type == "school"
        ]
        with self.db.read() as s:
            self.book = load_tariffs(s).book
            self.memberships: dict[int, list[tuple[date, date]]] = {}
            for member_id, first, last in s.execute(
                select(Membership.member_id, Membership.start_date, Membership.end_date)
            ):
                self.memberships.setdefault(member_id, []).append((first, last))
        self.audience_of = {x.id: self.audience_ids.get(x.audience) for x in self.people}
        self.reg_rows: list[dict] = []
        self.grants: list[tuple[dict, dict]] = []  # (authorization, its registration)
        self.unattended: list[int] = []  # past trainings nobody could register for
        for p in self.planned:
            opens = p.created
            closes = min(p.start - timedelta(hours=3), self.snapshot)
            if closes <= opens:
                continue
            future = p.start.date() >= self.reference
            entries: list[dict] = []
            if p.kind == ActivityKind.SCHOOL_VISIT:
                open_to = [x for x in schools if x.created < to_local(opens).date()]
                if not open_to:
                    continue
                school = rng.choice(open_to)
                label, band = rng.choice(data_activity.SCHOOL_GROUPS)
                entries.append(
                    {
                        "organisation_id": school.id,
                        "group_name": f"{label} — {school.name}",
                        "responsible_name": f"{rng.choice(data_park.TEACHER_TITLES)} "
                        f"{rng.choice(data_people.LAST_NAMES)}",
                        "headcount": rng.randint(12, 28),
                        "age_band": band,
                    }
                )
            else:
                fill = rng.uniform(0.4, 1.0)
                if p.kind == ActivityKind.MACHINE_TRAINING and rng.random() < 0.45:
                    fill = rng.uniform(1.1, 1.6)  # a popular training: a waiting list
                elif p.kind == ActivityKind.EVENT:
                    fill = rng.uniform(0.15, 0.3)
                if future:  # the registrations still come in
                    fill *= rng.uniform(0.5, 0.9)
                wanted = max(1, math.ceil(p.capacity * fill))
                chosen = self.pick(p, wanted)
                if not chosen and p.kind == ActivityKind.MACHINE_TRAINING and not future:
                    # everybody around is trained on that machine already (the small
                    # demo's three years): the session was called off
                    self.unattended.append(p.session_id)
                    continue
                entries += [{"member_id": m} for m in chosen]
                if p.kind == ActivityKind.EVENT:
                    # Families come as a group.
                    for _ in range(round(len(chosen) * 1.5)):
                        entries.append(
                            {
                                "group_name": f"{data_activity.FAMILY_PREFIX} {rng.choice(data_people.LAST_NAMES)}",
                                "headcount": rng.randint(2, 5),
                                "age_band": "under_12" if rng.random() < 0.5 else None,
                            }
                        )
                rng.shuffle(entries)
            span = (closes - opens).total_seconds()
            moments = sorted(opens + timedelta(seconds=rng.random() * span) for _ in entries)
            self.seat(p, entries, moments, closes)

    def price(self, p: _Planned, payer: int | None, headcount: int) -> tuple[int, str]:
        """What registrations.register freezes: the activity's rule for the payer's public
        and membership on the session's day."""
        day = to_local(p.start).date()
        if payer is None:
            customer = Customer(audience_id=None, is_member=False)
        else:
            audience = self.audience_of.get(payer)
            customer = Customer(
                audience_id=audience,
                is_member=any(a <= day <= b for a, b in self.memberships.get(payer, ())),
                audience_name=self.audiences.get(audience, "") if audience else "",
            )
        minutes = int((p.end - p.start).total_seconds() // 60)
        price = price_activity(
            self.book,
            self.ids[p.activity_name],
            day,
            customer,
            headcount=headcount,
            minutes=minutes,
        )
        return price.amount_cents, price.reason

    def seat(
        self, p: _Planned, entries: list[dict], moments: list[datetime], closes: datetime
    ) -> None:
        """The rules of registrations.register / cancel_registration / set_attendance,
        replayed in memory: seated while the seats allow and nobody waits, else on the
        waiting list; a cancellation seats the waiting list in order; attendance from
        the session's day, a member present at a training authorized on its machine."""
        rng = self.rng
        rows: list[dict] = []
        taken = 0
        for entry, at in zip(entries, moments, strict=True):
            headcount = entry.get("headcount", 1)
            waiting = any(r["status"] == RegistrationStatus.WAITING for r in rows)
            fits = taken + headcount <= p.capacity
            status = (
                RegistrationStatus.REGISTERED
                if fits and not waiting
                else RegistrationStatus.WAITING
            )
            if status == RegistrationStatus.REGISTERED:
                taken += headcount
            payer = entry.get("member_id") or entry.get("organisation_id")
            cents, reason = self.price(p, payer, headcount)
            rows.append(
                {
                    "session_id": p.session_id,
                    "member_id": entry.get("member_id"),
                    "organisation_id": entry.get("organisation_id"),
                    "group_name": entry.get("group_name", ""),
                    "responsible_name": entry.get("responsible_name", ""),
                    "headcount": headcount,
                    "age_band": entry.get("age_band"),
                    "status": status.value,
                    "queued_at": at,
                    "attendance": None,
                    "present_count": None,
                    "price_cents": cents,
                    "price_reason": reason,
                    "cancelled_at": None,
                    "authorization_id": None,
                    "note": "",
                    "created_at": at,
                    "created_by_id": self.accueil,
                    "updated_at": at,
                    "updated_by_id": self.accueil,
                }
            )
        # A few cancel before the session (in time order); the waiting list moves up.
        cancels = sorted(
            (r["queued_at"] + (closes - r["queued_at"]) * rng.uniform(0.2, 0.9), i)
            for i, r in enumerate(rows)
            if rng.random() < CANCEL_SHARE and p.kind != ActivityKind.SCHOOL_VISIT
        )
        for at, i in cancels:
            r = rows[i]
            if r["status"] == RegistrationStatus.REGISTERED:
                taken -= r["headcount"]
            r.update(status=RegistrationStatus.CANCELLED.value, cancelled_at=at, updated_at=at)
            free = p.capacity - taken
            for w in rows:
                if free <= 0:
                    break
                if w["status"] == RegistrationStatus.WAITING and w["headcount"] <= free:
                    # (A registration made after the cancellation is seated at once.)
                    seated_at = max(at, w["queued_at"])
                    w.update(status=RegistrationStatus.REGISTERED.value, updated_at=seated_at)
                    free -= w["headcount"]
                    taken += w["headcount"]
        if p.start.date() < self.reference:
            ticked_at = p.end + timedelta(minutes=rng.randint(5, 90))
            machine = (
                self.specs[p.activity_name][0] if p.kind == ActivityKind.MACHINE_TRAINING else None
            )
            for r in rows:
                if r["status"] != RegistrationStatus.REGISTERED:
                    continue
                x = rng.random()
                if r["member_id"] is None:
                    attendance = Attendance.PRESENT
                    came = r["headcount"] - rng.choice((0, 0, 0, 1, 1, 2))
                    r["present_count"] = max(1, came)
                elif x < ABSENT_SHARE:
                    attendance = Attendance.ABSENT
                elif x < ABSENT_SHARE + EXCUSED_SHARE:
                    attendance = Attendance.EXCUSED
                else:
                    attendance = Attendance.PRESENT
                r.update(attendance=attendance.value, updated_at=ticked_at)
                if (
                    machine is not None
                    and attendance == Attendance.PRESENT
                    and r["member_id"] is not None
                    and (r["member_id"], machine) not in self.authorized
                ):
                    self.authorized.add((r["member_id"], machine))
                    day = to_local(p.start).date()
                    trainer = self.specs[p.activity_name][4]
                    by = self.ops.get(trainer, self.accueil)
                    auth = {
                        "member_id": r["member_id"],
                        "machine_id": self.machines[machine].id,
                        "category_id": None,
                        "granted_on": day,
                        "trainer": trainer,
                        "note": f"{p.activity_name} — {day:%d/%m/%Y}"[:500],
                        "created_at": ticked_at,
                        "created_by_id": by,
                        "updated_at": ticked_at,
                        "updated_by_id": by,
                    }
                    self.grants.append((auth, r))
        self.reg_rows += rows

    def write_registrations(self) -> int:
        with self.db.write() as s:
            for auth, reg in self.grants:
                row = Authorization(**auth)
                s.add(row)
                s.flush()
                reg["authorization_id"] = row.id
            if self.reg_rows:
                s.execute(insert(Registration), self.reg_rows)
                # As set_attendance does: a session with attendance took place.
                held = {r["session_id"] for r in self.reg_rows if r.get("attendance")}
                s.execute(
                    update(Booking)
                    .where(
                        Booking.activity_session_id.in_(held),
                        Booking.status == BookingStatus.BOOKED,
                    )
                    .values(status=BookingStatus.DONE)
                )
            if self.unattended:
                s.execute(
                    update(ActivitySession)
                    .where(ActivitySession.id.in_(self.unattended))
                    .values(status="cancelled", note="Annulée faute d'inscrits")
                )
                s.execute(
                    update(Booking)
                    .where(Booking.activity_session_id.in_(self.unattended))
                    .values(status=BookingStatus.CANCELLED)
                )
        return len(self.grants)

    # the cyber-base's drop-ins ----------------------------------------------------------

    def drop_ins(self) -> int:
        rows = drop_in_rows(
            self.rng,
            first_day=self.first_day,
            reference=self.reference,
            open_ranges=lambda day: self.ranges("Cyber-base", day),
            space_id=self.spaces["Cyber-base"],
            people=self.people,
            audience_ids=self.audience_ids,
            accueil=self.accueil,
            ops=self.ops,
        )
        with self.db.write() as s:
            if rows:
                s.execute(insert(DropIn), rows)
                voucher_numbers(s)
        return len(rows)

    # the moments things happened ---------------------------------------------------------

    def restamp(self) -> int:
        with self.db.write() as s:
            ids = list(self.ids.values())
            s.execute(
                update(Activity)
                .where(Activity.id.in_(ids))
                .values(created_at=self.setup_at, updated_at=self.setup_at)
            )
            s.execute(
                update(PriceRule)
                .where(PriceRule.activity_id.in_(ids))
                .values(created_at=self.setup_at, updated_at=self.setup_at)
            )
            sessions = [
                {"id": sid, "created_at": at, "updated_at": at}
                for sid, at in self.session_stamps.items()
            ]
            if sessions:
                update_by_id(s, ActivitySession, sessions)
            bookings: list[dict[str, object]] = []
            for bid, sid in s.execute(
                select(Booking.id, Booking.activity_session_id).where(
                    Booking.activity_session_id.in_(list(self.session_stamps))
                )
            ):
                assert sid is not None  # the sessions' bookings only
                at = self.session_stamps[sid]
                bookings.append({"id": bid, "created_at": at, "updated_at": at})
            if bookings:
                update_by_id(s, Booking, bookings)
        return len(bookings)


def build_activity_year(
    db: Database,
    *,
    reference_date: date,
    seed: int,
    future_days: int = 21,
    history_from: date | None = None,
    trainings_factor: float = 1.0,
) -> ActivityYearCounts:
    """Add the demo's year of activities and drop-ins to ``db`` (the demo's open
    database, its members, machines, opening hours and bookings already written).
    ``history_from``: sessions, registrations and drop-ins from that day on (the large
    demo's ten years) instead of the year before ``reference_date``. ``trainings_factor``:
    the machine trainings' yearly count (data_activity.TRAININGS) multiplied by it before
    the last year (the small demo's few hundred members are not all trained within its
    three years)."""
    year = _Year(
        db, reference_date, random.Random(seed), future_days, history_from, trainings_factor
    )
    year.load()
    year.activities()
    year.sessions()
    year.registrations()
    n_auths = year.write_registrations()
    n_drop_ins = year.drop_ins()
    n_bookings = year.restamp()
    return ActivityYearCounts(
        activities=len(year.ids),
        sessions=len(year.planned),
        registrations=len(year.reg_rows),
        bookings=n_bookings,
        authorizations=n_auths,
        drop_ins=n_drop_ins,
    )
