"""``tierslieu demo``: a realistic, deterministic demonstration database.

The same seed gives the same data, byte for byte: every random choice comes from one
``random.Random(seed)`` and every date from ``REFERENCE_DATE`` (never the clock).
Everything is written with bulk inserts in one transaction, so the large demo
(20,000 members, 200,000 bookings over ten years) is built in well under a minute.

Bookings are generated day by day and resource by resource, each one placed only where
the rules of its resource allow it (opening hours, closures and public holidays, slot
step, minimum and maximum duration, buffer, how far ahead, authorization): the demo
holds what the booking service would have accepted.

Invoices, payments and closings then go through services.billing.invoicing and services.billing.ledger
(real numbering, frozen copies, the integrity chain; ``tierslieu verify`` passes), in the
same transaction (``_SessionDb``). At about 20 ms a document, only the last weeks of
front-desk sales are issued (``SALES_DAYS``), with a year of monthly invoices to the
schools, a company and the town hall; older usages stay unbilled.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session
from stdnum import iban as std_iban
from stdnum import luhn

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.db.models import (
    Audience,
    Authorization,
    Basket,
    Booking,
    BookingEvent,
    BudgetLine,
    CalendarException,
    Consumable,
    Expense,
    Funder,
    Grant,
    GrantMachine,
    GrantPayment,
    InKindContribution,
    Invoice,
    Machine,
    MachineCategory,
    MachineConsumable,
    MaintenanceEntry,
    Member,
    MemberPack,
    Membership,
    MembershipFee,
    OpeningRange,
    Operator,
    PackMovement,
    PackType,
    PriceRule,
    Quota,
    Reduction,
    ReportText,
    Space,
    Structure,
    Usage,
    UsageCharge,
    UsageConsumable,
    WalletMovement,
)
from tierslieu_desktop.demo import activity as demo_activity
from tierslieu_desktop.demo import data
from tierslieu_desktop.domain.calendar import (
    local_day_bounds,
    local_dt,
    merge_ranges,
    public_holiday,
    subtract_ranges,
    to_local,
)
from tierslieu_desktop.domain.enums import (
    MINOR_AGE_BANDS,
    AgeBand,
    MachineStatus,
    MemberKind,
    OrganisationType,
    VatRegime,
)
from tierslieu_desktop.services.billing import invoicing, ledger
from tierslieu_desktop.services.billing.invoicing import PaymentInput
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.people.members import (
    MemberInput,
    age_band_for,
    search_text,
    validate_member,
)
from tierslieu_desktop.services.people.structure import StructureData, validate_structure
from tierslieu_desktop.services.pricing.engine import charge_uncharged_usages

REFERENCE_DATE = date(2026, 11, 22)
OPENING_DATE = date(2021, 9, 6)  # the first members registered on that day
# The large demo tells ten years of history: the place opened five years earlier.
OPENING_DATE_LARGE = date(2016, 9, 5)
SIZES = {"small": 312, "large": 20_000}
HISTORY_YEARS = {"small": 1, "large": 10}  # of bookings and usages up to REFERENCE_DATE
BOOKING_TOTAL = {"small": None, "large": 200_000}  # None: what the year gives
FUTURE_DAYS = 21  # bookings already made for the weeks after REFERENCE_DATE
ORGANISATION_SHARE = 20 / 312
MINOR_SHARE = 0.08
ARCHIVED_SHARE = 0.03
AUTHORIZED_SHARE = 0.25
LINKED_SHARE = 0.12  # adults who come on behalf of an organisation
NO_MEMBERSHIP_SHARE = 0.08  # drop-in users of the cyber-base, mostly
ADULT_AGE = 18
_ADULT_BANDS = (AgeBand.AGE_18_25, AgeBand.AGE_26_39, AgeBand.AGE_40_59, AgeBand.AGE_60_PLUS)


class DemoExists(Exception):
    """The target database already holds data: the demo never overwrites it."""

    def __init__(self, target: str) -> None:
        self.target = target
        super().__init__(target)


@dataclass(frozen=True)
class DemoCounts:
    members: int
    machines: int
    spaces: int
    memberships: int
    authorizations: int
    bookings: int = 0
    usages: int = 0
    invoices: int = 0
    credit_notes: int = 0
    closings: int = 0


def build_demo(target: str, size: str = "small", seed: int = 46400) -> str:
    """Create the demo in ``target`` (a new or empty database) and return a short
    French summary such as "312 adhérents, 26 machines, 5 espaces, 7 123 réservations"."""
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}")
    db = open_database(target)
    try:
        with db.write() as session:
            if _holds_data(session):
                raise DemoExists(db.target)
            builder = _Builder(session, random.Random(seed), SIZES[size], size)
            counts = builder.run()
            invoices, credit_notes, closings = _Sales(builder, _SessionDb(db, session)).run()
            counts = replace(
                counts, invoices=invoices, credit_notes=credit_notes, closings=closings
            )
            _Funding(builder).run()
            year = demo_activity.build_activity_year(
                _SessionDb(db, session),
                reference_date=REFERENCE_DATE,
                seed=seed + 1,
                future_days=FUTURE_DAYS,
            )
            counts = replace(counts, bookings=counts.bookings + year.bookings)
    finally:
        db.dispose()
    return summary(counts)


def summary(counts: DemoCounts) -> str:
    return (
        f"{_n(counts.members)} adhérents, {_n(counts.machines)} machines, "
        f"{_n(counts.spaces)} espaces, {_n(counts.bookings)} réservations"
    )


def _n(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")  # French thousands separator


def _holds_data(session: Session) -> bool:
    """Members, publics, spaces, machines or an identity: the file is someone's data.
    (An operator alone is what opening an empty file in the window leaves behind.)"""
    for model in (Member, Audience, Space, MachineCategory, Machine, Structure):
        if session.scalar(select(func.count()).select_from(model)):
            return True
    return False


# --- identifiers with valid check digits ----------------------------------------------


def siret_from(rng: random.Random) -> str:
    """A random SIRET whose SIREN and SIRET Luhn keys are both right."""
    siren = _with_luhn(f"{rng.randint(1, 9)}{rng.randrange(10**7):07d}")
    return _with_luhn(f"{siren}{rng.randint(1, 99):04d}")


def demo_logo() -> bytes | None:
    """The demo structure's logo, shipped with the package."""
    try:
        return (resources.files("tierslieu_desktop") / "resources" / "demo-logo.png").read_bytes()
    except OSError:
        return None


def _with_luhn(digits: str) -> str:
    return digits + luhn.calc_check_digit(digits)


def french_iban(bank: str, branch: str, account: str) -> str:
    """FR76… with the RIB key and the IBAN check digits computed."""
    rib_key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{rib_key:02d}"
    return std_iban.format(f"FR{std_iban.calc_check_digits('FR00' + bban)}{bban}")


# --- the builder -----------------------------------------------------------------------


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of a shorter month)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def _rules(rules: tuple[int, int, int, int, int] | None) -> dict:
    """Booking rules as Machine/Space column values (None: the model's defaults)."""
    if rules is None:
        return {}
    step, shortest, longest, buffer, ahead = rules
    return {
        "slot_step_minutes": step,
        "min_duration_minutes": shortest,
        "max_duration_minutes": longest,
        "buffer_minutes": buffer,
        "max_advance_days": ahead,
    }


def _de(commune: str) -> str:
    """French elision before a vowel: "de Martel", "d'Aynac"."""
    return f"d'{commune}" if fold(commune[0]) in "aeiouy" else f"de {commune}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).replace("'", "")).strip("-")


@dataclass
class _Person:
    """What the generator knows about a member beyond its MemberInput."""

    member_id: int
    created_at: datetime
    data: MemberInput
    minor: bool
    archived_at: datetime | None = None


class _Builder:
    def __init__(
        self, session: Session, rng: random.Random, n_members: int, size: str = "small"
    ) -> None:
        self.s = session
        self.rng = rng
        self.n = n_members
        self.size = size
        self.opening = OPENING_DATE if size == "small" else OPENING_DATE_LARGE
        self.years_earlier = OPENING_DATE.year - self.opening.year  # machines bought earlier
        self.last_day = REFERENCE_DATE - timedelta(days=1)
        self.emails: set[str] = set()

    # helpers ----------------------------------------------------------------------

    def at(self, day: date) -> datetime:
        """A moment during opening hours on ``day`` (aware, UTC)."""
        minutes = self.rng.randrange(7 * 60, 17 * 60)
        return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=UTC)

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        day = first + timedelta(days=self.rng.randint(0, (last - first).days))
        return day - timedelta(days=1) if day.weekday() == 6 and day > first else day

    def mobile(self) -> str:
        pairs = " ".join(f"{self.rng.randrange(100):02d}" for _ in range(4))
        return f"0{self.rng.choice('67')} {pairs}"

    def landline(self) -> str:
        pairs = " ".join(f"{self.rng.randrange(100):02d}" for _ in range(3))
        return f"05 65 {pairs}"

    def email(self, local: str, domain: str | None = None) -> str:
        domain = domain or self.rng.choice(data.EMAIL_DOMAINS)
        candidate, k = f"{local}@{domain}", 1
        while candidate in self.emails:
            k += 1
            candidate = f"{local}{k}@{domain}"
        self.emails.add(candidate)
        return candidate

    def address(self) -> str:
        r = self.rng.random()
        if r < 0.2:
            return f"Lieu-dit {self.rng.choice(data.HAMLETS)}"
        if r < 0.85:
            return f"{self.rng.randint(1, 48)} {self.rng.choice(data.STREETS)}"
        return ""

    # steps ------------------------------------------------------------------------

    def run(self) -> DemoCounts:
        self.operators()
        self.structure()
        self.audiences()
        self.spaces_and_machines()
        people = self.members()
        n_memberships = self.memberships(people)
        n_auths = self.authorizations(people)
        activity = _Activity(self, people)
        n_bookings, n_usages = activity.run()
        self.tariffs(activity.consumable_ids)
        self.packs_and_wallets(people)
        # Every past usage priced and frozen as its check-out would have done.
        charge_uncharged_usages(self.s, self.opening, self.last_day, self.accueil)
        return DemoCounts(
            members=len(people),
            machines=len(self.machines),
            spaces=len(self.space_ids),
            memberships=n_memberships,
            authorizations=n_auths,
            bookings=n_bookings,
            usages=n_usages,
        )

    def operators(self) -> None:
        self.op_ids: dict[str, int] = {}
        created = datetime.combine(self.opening - timedelta(days=7), time(8), tzinfo=UTC)
        for name in (data.ACCUEIL, *data.ANIMATORS):
            op = self.s.scalar(select(Operator).where(Operator.name == name))
            if op is None:
                op = Operator(name=name, active=True, created_at=created)
                self.s.add(op)
                self.s.flush()
            self.op_ids[name] = op.id
        self.accueil = self.op_ids[data.ACCUEIL]
        self.setup_stamp = {
            "created_at": created,
            "created_by_id": self.accueil,
            "updated_at": created,
            "updated_by_id": self.accueil,
        }

    def stamp_at(self, day: date) -> dict:
        at = self.at(day)
        actor = self.accueil
        return {"created_at": at, "created_by_id": actor, "updated_at": at, "updated_by_id": actor}

    def actor(self) -> int:
        if self.rng.random() < 0.6:
            return self.accueil
        return self.op_ids[self.rng.choice(data.ANIMATORS)]

    def structure(self) -> None:
        siren = _with_luhn(data.STRUCTURE_SIREN_BASE)
        cleaned = validate_structure(
            StructureData(
                **data.STRUCTURE,
                siret=_with_luhn(siren + data.STRUCTURE_NIC_BASE),
                vat_regime=VatRegime.EXEMPT_NON_PROFIT,
                iban=french_iban(*data.STRUCTURE_RIB),
                logo=demo_logo(),
            )
        )
        s = Structure(id=1, **self.setup_stamp)
        for name in StructureData.__dataclass_fields__:
            value = getattr(cleaned, name)
            setattr(s, name, value.value if name == "vat_regime" else value)
        self.s.add(s)

    def audiences(self) -> None:
        rows = [
            Audience(name=name, description=desc, position=i, **self.setup_stamp)
            for i, (name, desc) in enumerate(data.AUDIENCES, start=1)
        ]
        self.s.add_all(rows)
        self.s.flush()
        self.audience_ids = [a.id for a in rows]
        self.org_audience = self.audience_ids[-1]
        self.fees = dict(zip(self.audience_ids, data.AUDIENCE_FEES, strict=True))

    def spaces_and_machines(self) -> None:
        spaces = [
            Space(
                name=name,
                kind=kind,
                capacity=capacity,
                bookable=bookable,
                description=desc,
                position=i,
                **_rules(data.SPACE_RULES.get(name)),
                **self.setup_stamp,
            )
            for i, (name, kind, capacity, bookable, desc) in enumerate(data.SPACES, start=1)
        ]
        categories = [
            MachineCategory(name=name, position=i)
            for i, name in enumerate(data.MACHINE_CATEGORIES, start=1)
        ]
        self.s.add_all(spaces + categories)
        self.s.flush()
        self.space_ids = {sp.name: sp.id for sp in spaces}
        self.category_ids = {c.name: c.id for c in categories}
        specs = list(data.MACHINES)
        for i in range(1, data.CYBERBASE_PCS + 1):
            make, model, bought, value = data.CYBERBASE_PC
            specs.append(
                (
                    f"Poste cyber-base {i}",
                    "Postes informatiques",
                    "Cyber-base",
                    make,
                    model,
                    bought,
                    value,
                    False,
                    0,
                    data.FUNDED_CYBERBASE,
                    "Windows 11, suite bureautique, imprimante partagée.",
                )
            )
        for i in range(1, data.COWORKING_DESKS + 1):
            make, model, bought, value = data.COWORKING_DESK
            specs.append(
                (
                    f"Poste coworking {i}",
                    "Postes de coworking",
                    "Espace coworking",
                    make,
                    model,
                    bought,
                    value,
                    False,
                    0,
                    data.FUNDED_COWORKING,
                    "Bureau, écran 27 pouces, station d'accueil USB-C.",
                )
            )
        machines = []
        for (
            name,
            category,
            space,
            make,
            model,
            bought,
            euros,
            auth,
            hours,
            funded,
            desc,
        ) in specs:
            counter = hours * 60 + self.rng.randrange(60) if hours else 0
            if category == "Postes informatiques":
                counter = self.rng.randint(900, 1600) * 60
            maintenance = name == data.MAINTENANCE[0]
            if category == "Postes informatiques":
                rules = data.CYBERBASE_PC_RULES
            elif category == "Postes de coworking":
                rules = data.COWORKING_DESK_RULES
            else:
                rules = data.MACHINE_RULES[name]
            bought = _add_years(bought, -self.years_earlier)
            if self.size != "small":  # the counter started with the ten years of history
                counter = counter % 60 if hours else 0
            machines.append(
                Machine(
                    name=name,
                    category_id=self.category_ids[category],
                    space_id=self.space_ids[space],
                    make=make,
                    model=model,
                    serial_number=f"{_slug(make)[:3].upper()}-{self.rng.randrange(10**6):06d}",
                    status=(
                        MachineStatus.MAINTENANCE if maintenance else MachineStatus.AVAILABLE
                    ).value,
                    status_note=data.MAINTENANCE[1] if maintenance else "",
                    authorization_required=auth,
                    hour_counter_minutes=counter,
                    purchase_date=bought,
                    purchase_value_cents=euros * 100,
                    funded_by=funded,
                    description=desc,
                    **_rules(rules),
                    **self.stamp_at(max(bought, self.opening - timedelta(days=7))),
                )
            )
        self.s.add_all(machines)
        self.s.flush()
        self.machine_rows = {m.name: m for m in machines}
        self.space_rows = {sp.name: sp for sp in spaces}
        self.machines = {m.name: (m.id, m.category_id, m.purchase_date) for m in machines}

    # members ----------------------------------------------------------------------

    def creation_times(self) -> list[datetime]:
        span = (self.last_day - self.opening).days
        days = []
        for _ in range(self.n):
            # Slightly more registrations as the place becomes known.
            day = self.opening + timedelta(days=round(span * self.rng.random() ** 0.85))
            if day.weekday() == 6:
                day -= timedelta(days=1)
            days.append(self.at(day))
        return sorted(days)

    def members(self) -> list[_Person]:
        rng = self.rng
        times = self.creation_times()
        n_orgs = round(self.n * ORGANISATION_SHARE)
        # Organisations anywhere in the timeline; persons link to one created before them.
        org_slots = set(rng.sample(range(self.n), n_orgs))
        people: list[_Person] = []
        rows: list[dict] = []
        org_names: dict[int, str] = {}  # id → name
        org_ids: list[int] = []
        used_org_names: set[str] = set()
        communes = [c[:2] for c in data.COMMUNES]
        commune_weights = [c[2] for c in data.COMMUNES]
        for index, created_at in enumerate(times):
            member_id = index + 1
            number = f"A{member_id:05d}"
            city, postcode = rng.choices(communes, commune_weights)[0]
            if rng.random() < 0.04:
                city, postcode = "", ""
            org_name = ""
            minor = False
            if index in org_slots:
                inp = self.organisation(len(org_ids), used_org_names)
                org_names[member_id] = inp.last_name.strip()
                org_ids.append(member_id)
            else:
                org_id = None
                minor = rng.random() < MINOR_SHARE
                if not minor and org_ids and rng.random() < LINKED_SHARE:
                    org_id = rng.choice(org_ids)
                    org_name = org_names[org_id]
                inp = self.person(created_at.date(), city, postcode, org_id, minor)
            cleaned = validate_member(inp, today=REFERENCE_DATE)
            row = {}
            for name in MemberInput.__dataclass_fields__:  # as save_member stores them
                value = getattr(cleaned, name)
                row[name] = value.value if hasattr(value, "value") else value
            archived = inp.kind == MemberKind.PERSON and rng.random() < ARCHIVED_SHARE
            actor = self.actor()
            archived_at = None
            updated_at, updated_by = created_at, actor
            if archived:
                archived_at = self.at(self.day_between(created_at.date(), self.last_day))
                archived_at = max(archived_at, created_at)
                updated_at, updated_by = archived_at, self.actor()
            row.update(
                id=member_id,
                number=number,
                archived=archived,
                archived_at=archived_at,
                sort_name=fold(f"{cleaned.last_name} {cleaned.first_name}".strip()),
                search_text=search_text(cleaned, number, org_name),
                created_at=created_at,
                created_by_id=actor,
                updated_at=updated_at,
                updated_by_id=updated_by,
            )
            rows.append(row)
            people.append(_Person(member_id, created_at, cleaned, minor, archived_at))
        self.s.execute(insert(Member), rows)
        return people

    def organisation(self, position: int, used: set[str]) -> MemberInput:
        rng = self.rng
        if position < len(data.ORGANISATIONS):
            name, org_type, city = data.ORGANISATIONS[position]
            postcode = next(pc for c, pc, _w in data.COMMUNES if c == city)
        else:
            types = list(data.ORGANISATION_TYPE_WEIGHTS)
            org_type = rng.choices(types, [data.ORGANISATION_TYPE_WEIGHTS[t] for t in types])[0]
            city, postcode = rng.choice(data.COMMUNES)[:2]
            name = ""
            for _attempt in range(8):
                pattern = rng.choice(data.ORGANISATION_PATTERNS[org_type])
                name = pattern.format(
                    name=rng.choice(data.LAST_NAMES), commune=city, de_commune=_de(city)
                )
                if name not in used:
                    break
                org_type = "company"  # communes run out of clubs before names run out
            base, k = name, 1
            while name in used:
                k += 1
                name = f"{base} ({city})" if k == 2 else f"{base} {k}"
        used.add(name)
        return MemberInput(
            monthly_invoicing=name in data.MONTHLY_INVOICING,
            service_code=data.SERVICE_CODES.get(name, ""),
            kind=MemberKind.ORGANISATION,
            last_name=name,
            organisation_type=OrganisationType(org_type),
            siret=siret_from(rng),
            email=self.email("contact", f"{_slug(name)[:40]}.example.org"),
            phone=self.landline(),
            address=self.address() or f"{rng.randint(1, 30)} {rng.choice(data.STREETS)}",
            postcode=postcode,
            city=city,
            audience_id=self.org_audience,
            consent_newsletter=rng.random() < 0.7,
            notes=rng.choice(data.ORGANISATION_NOTES) if rng.random() < 0.2 else "",
        )

    def person(
        self, joined: date, city: str, postcode: str, org_id: int | None, minor: bool
    ) -> MemberInput:
        rng = self.rng
        female = rng.random() < 0.52
        first = rng.choice(data.FIRST_NAMES_F if female else data.FIRST_NAMES_M)
        last = rng.choice(data.LAST_NAMES)
        year = REFERENCE_DATE.year
        birth_year: int | None = None
        age_band: AgeBand | None = None
        guardian_name = guardian_phone = guardian_email = ""
        if minor:
            # 10 to 17 years old today, at least 9 when they first came.
            youngest = min(year - 10, joined.year - 9)
            birth_year = rng.randint(year - ADULT_AGE + 1, max(year - ADULT_AGE + 1, youngest))
            audience = self.audience_ids[1] if rng.random() < 0.8 else self.audience_ids[3]
            parent = rng.choice(data.FIRST_NAMES_F if rng.random() < 0.6 else data.FIRST_NAMES_M)
            guardian_name = f"{parent} {last}"
            guardian_phone = self.mobile()
            if rng.random() < 0.6:
                guardian_email = self.email(f"{_slug(parent)}.{_slug(last)}")
        else:
            if org_id is not None:
                audience = self.org_audience
            else:
                audience = rng.choices(self.audience_ids[:-1], data.AUDIENCE_WEIGHTS[:-1])[0]
            student = audience == self.audience_ids[1]
            if rng.random() < 0.75:
                if student:
                    birth_year = rng.randint(year - 25, year - ADULT_AGE - 1)
                else:
                    age = min(84, max(19, round(rng.gauss(44, 15))))
                    birth_year = year - age
                age_band = age_band_for(birth_year, REFERENCE_DATE)
            else:
                age_band = AgeBand.AGE_18_25 if student else rng.choice(_ADULT_BANDS)
        email = ""
        if not minor or rng.random() < 0.25:
            local = rng.choice(
                (
                    f"{_slug(first)}.{_slug(last)}",
                    f"{_slug(first)[0]}.{_slug(last)}",
                    f"{_slug(first)}{_slug(last)}",
                    f"{_slug(last)}.{_slug(first)}",
                )
            )
            email = self.email(local) if rng.random() < 0.92 else ""
        r = rng.random()
        if minor:
            phone = self.mobile() if r < 0.2 else ""
        else:
            phone = self.mobile() if r < 0.8 else self.landline() if r < 0.88 else ""
        return MemberInput(
            kind=MemberKind.PERSON,
            first_name=first,
            last_name=last,
            email=email,
            phone=phone,
            address=self.address() if city else "",
            postcode=postcode,
            city=city,
            age_band=age_band,
            birth_year=birth_year,
            audience_id=audience,
            organisation_id=org_id,
            consent_newsletter=rng.random() < 0.6,
            consent_photos=rng.random() < (0.35 if minor else 0.5),
            guardian_name=guardian_name,
            guardian_phone=guardian_phone,
            guardian_email=guardian_email,
            notes=rng.choice(data.PERSON_NOTES) if rng.random() < 0.06 else "",
        )

    # memberships and authorizations -------------------------------------------------

    def memberships(self, people: list[_Person]) -> int:
        rng = self.rng
        rows = []
        for p in people:
            audience = p.data.audience_id or self.audience_ids[3]
            if p.data.kind == MemberKind.PERSON and rng.random() < NO_MEMBERSHIP_SHARE:
                continue
            joined = p.created_at.date()
            possible = 0
            while _add_years(joined, possible) <= REFERENCE_DATE:
                possible += 1
            count = min(possible, rng.choices((1, 2, 3, 4), (40, 30, 20, 10))[0])
            # Loyal members renewed up to now; the others stopped after ``count`` years.
            first = possible - count if rng.random() < 0.6 else 0
            fee, note = self.fees[audience], ""
            if audience == self.audience_ids[3] and rng.random() < 0.1:
                fee, note = 1000, data.MEMBERSHIP_NOTES[0]
            elif p.data.organisation_id is not None and rng.random() < 0.5:
                note = data.MEMBERSHIP_NOTES[1]
            elif rng.random() < 0.01:
                fee, note = 0, data.MEMBERSHIP_NOTES[2]
            for year in range(first, first + count):
                start = _add_years(joined, year)
                end = _add_years(joined, year + 1) - timedelta(days=1)
                at = max(self.at(start), p.created_at)
                actor = self.actor()
                rows.append(
                    {
                        "member_id": p.member_id,
                        "audience_id": audience,
                        "start_date": start,
                        "end_date": end,
                        "fee_cents": fee,
                        "note": note,
                        "created_at": at,
                        "created_by_id": actor,
                        "updated_at": at,
                        "updated_by_id": actor,
                    }
                )
        if rows:
            self.s.execute(insert(Membership), rows)
        return len(rows)

    # tariffs ----------------------------------------------------------------------

    def _ref(self, kind: str | None, name: str | None) -> dict:
        """The resource columns of a rule, reduction, quota or pack type."""
        cols = dict.fromkeys(("machine_id", "category_id", "space_id", "consumable_id"))
        if kind == "machine":
            cols["machine_id"] = self.machines[name][0]
        elif kind == "category":
            cols["category_id"] = self.category_ids[name]
        elif kind == "space":
            cols["space_id"] = self.space_ids[name]
        elif kind == "consumable":
            cols["consumable_id"] = self.consumable_ids[name][0]
        return cols

    def tariffs(self, consumable_ids: dict[str, tuple[int, str]]) -> None:
        """The price rules since the opening (so that every usage has a price), the one
        change of 1 July 2026 made as the grid makes it, fees, the students' reduction,
        the job seekers' free laser hours, pack types and a few followed stocks."""
        self.consumable_ids = consumable_ids
        audience = dict(zip((a[0] for a in data.AUDIENCES), self.audience_ids, strict=True))
        audience[None] = None  # type: ignore[index]
        since = self.opening
        rules: list[dict] = []
        index: dict[tuple, dict] = {}
        for kind, name, public, membership, unit, step, cents, label in data.PRICE_RULES:
            row = {
                **self._ref(kind, name),
                "audience_id": audience[public],
                "membership": membership,
                "unit": unit,
                "step_minutes": step,
                "amount_cents": cents,
                "valid_from": since,
                "valid_to": None,
                "label": label,
                **self.setup_stamp,
            }
            rules.append(row)
            index[(kind, name, public, membership)] = row
        for day, kind, name, public, membership, cents in data.PRICE_CHANGES:
            old = index[(kind, name, public, membership)]
            decided = datetime.combine(day - timedelta(days=10), time(9), tzinfo=UTC)
            changed = {"updated_at": decided, "updated_by_id": self.accueil}
            old.update(valid_to=day - timedelta(days=1), **changed)
            new = {**old, "amount_cents": cents, "valid_from": day, "valid_to": None}
            new.update(created_at=decided, created_by_id=self.accueil)
            rules.append(new)
            index[(kind, name, public, membership)] = new
        self.s.execute(insert(PriceRule), rules)
        fees = [
            {
                "audience_id": audience[public],
                "duration": "calendar_year",
                "amount_cents": cents,
                "valid_from": since,
                "valid_to": None,
                "label": label,
                **self.setup_stamp,
            }
            for public, cents, label in data.MEMBERSHIP_FEES
        ]
        self.s.execute(insert(MembershipFee), fees)
        reductions = [
            {
                "audience_id": audience[public],
                **self._ref(kind, name),
                "percent_bp": bp,
                "valid_from": since,
                "valid_to": None,
                "label": label,
                **self.setup_stamp,
            }
            for public, kind, name, bp, label in data.REDUCTIONS
        ]
        self.s.execute(insert(Reduction), reductions)
        quotas = []
        for public, kind, name, minutes, label in data.QUOTAS:
            ref = self._ref(kind, name)
            del ref["consumable_id"]
            quotas.append(
                {
                    "audience_id": audience[public],
                    **ref,
                    "free_minutes_per_month": minutes,
                    "valid_from": since,
                    "valid_to": None,
                    "label": label,
                    **self.setup_stamp,
                }
            )
        self.s.execute(insert(Quota), quotas)
        self.pack_type_ids: dict[str, tuple[int, int, int, int]] = {}
        for name, kind, scope, minutes, months, cents in data.PACK_TYPES:
            ref = self._ref(kind, scope)
            del ref["consumable_id"]
            pack = PackType(
                name=name,
                **ref,
                minutes=minutes,
                validity_months=months,
                price_cents=cents,
                archived=False,
                **self.setup_stamp,
            )
            self.s.add(pack)
            self.s.flush()
            self.pack_type_ids[name] = (pack.id, minutes, months, cents)
        for name, stock, low in data.STOCKS:
            consumable = self.s.get(Consumable, consumable_ids[name][0])
            assert consumable is not None
            consumable.stock_milli = stock * 1000
            consumable.low_stock_milli = low * 1000

    def packs_and_wallets(self, people: list[_Person]) -> None:
        """A few members bought a pack this year; a few credited their wallet."""
        rng = random.Random(self.rng.random())  # the steps before keep their draws
        adults = [
            p
            for p in people
            if p.data.kind == MemberKind.PERSON
            and not p.minor
            and p.archived_at is None
            and p.created_at.date() < date(2026, 1, 1)
        ]
        buyers = rng.sample(adults, sum(data.PACK_BUYERS.values()) + len(data.WALLET_CREDITS))
        movements = []
        for name, count in data.PACK_BUYERS.items():
            type_id, minutes, months, cents = self.pack_type_ids[name]
            for _ in range(count):
                person = buyers.pop()
                day = self.day_between(date(2026, 1, 5), REFERENCE_DATE - timedelta(days=30))
                expires = _add_months(day, months) - timedelta(days=1)
                at = self.at(day)
                actor = self.actor()
                pack = MemberPack(
                    member_id=person.member_id,
                    pack_type_id=type_id,
                    purchased_on=day,
                    expires_on=expires,
                    minutes_total=minutes,
                    price_cents=cents,
                    **self.stamp(at, actor),
                )
                self.s.add(pack)
                self.s.flush()
                movements.append(
                    {
                        "member_pack_id": pack.id,
                        "at": at,
                        "minutes": minutes,
                        "usage_id": None,
                        "operator_id": actor,
                        "note": f"Achat du forfait « {name} »",
                    }
                )
        self.s.execute(insert(PackMovement), movements)
        wallets = []
        for cents in data.WALLET_CREDITS:
            person = buyers.pop()
            day = self.day_between(date(2026, 1, 5), REFERENCE_DATE - timedelta(days=7))
            wallets.append(
                {
                    "member_id": person.member_id,
                    "at": self.at(day),
                    "amount_cents": cents,
                    "usage_id": None,
                    "operator_id": self.actor(),
                    "note": rng.choice(data.WALLET_NOTES),
                }
            )
        self.s.execute(insert(WalletMovement), wallets)

    @staticmethod
    def stamp(at: datetime, actor: int) -> dict:
        return {"created_at": at, "created_by_id": actor, "updated_at": at, "updated_by_id": actor}

    def authorizations(self, people: list[_Person]) -> int:
        rng = self.rng
        cat, machine = self.category_ids, self.machines

        def on_machine(name: str, weight: int) -> tuple:
            machine_id, _category, bought = machine[name]
            return (machine_id, None, weight, False, bought)

        # (machine id, category id, weight, suitable for a minor, available since)
        targets = [
            (None, cat["Impression 3D FDM"], 30, True, None),
            on_machine("Découpeuse laser", 20),
            on_machine("Fraiseuse CNC d'établi", 10),
            (None, cat["Impression 3D résine"], 8, False, machine["Imprimante résine"][2]),
            on_machine("Imprimante 3D industrielle", 6),
            on_machine("Brodeuse professionnelle", 8),
            (None, cat["Découpe vinyle et traceur"], 8, True, None),
            (None, cat["Thermoformage"], 5, False, None),
            (None, cat["Numérisation 3D"], 5, True, None),
        ]
        rows = []
        for p in people:
            if p.data.kind != MemberKind.PERSON or rng.random() >= AUTHORIZED_SHARE:
                continue
            options = [t for t in targets if t[3] or not p.minor]
            wanted = rng.choices((1, 2, 3), (60, 30, 10))[0]
            chosen: list[tuple] = []
            while len(chosen) < min(wanted, len(options)):
                pick = rng.choices(options, [t[2] for t in options])[0]
                if pick not in chosen:
                    chosen.append(pick)
            for machine_id, category_id, _w, _minor_ok, since in chosen:
                first = max(p.created_at.date(), since or self.opening)
                granted = self.day_between(first, self.last_day)
                trainer = rng.choice(data.ANIMATORS)
                at = max(self.at(granted), p.created_at)
                rows.append(
                    {
                        "member_id": p.member_id,
                        "machine_id": machine_id,
                        "category_id": category_id,
                        "granted_on": granted,
                        "trainer": trainer,
                        "note": rng.choice(data.AUTHORIZATION_NOTES) if rng.random() < 0.15 else "",
                        "created_at": at,
                        "created_by_id": self.op_ids[trainer],
                        "updated_at": at,
                        "updated_by_id": self.op_ids[trainer],
                    }
                )
        if rows:
            self.s.execute(insert(Authorization), rows)
        self.authorization_rows = rows
        return len(rows)


# --- bookings, usages, consumables, opening hours, maintenance ------------------------

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
    known = data.SCHOOL_HOLIDAYS
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

    def __init__(self, entries: list[tuple[datetime, float, _Person]]) -> None:
        entries.sort(key=lambda e: (e[0], e[2].member_id))
        self.since = [e[0] for e in entries]
        self.people = [e[2] for e in entries]
        self.cum = list(itertools.accumulate(e[1] for e in entries))

    def pick(self, rng: random.Random, before: datetime, until: datetime) -> _Person | None:
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
    durations: tuple[list[int], list[int]] = ((), ())  # type: ignore[assignment]
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
        self.member: _Person | None = None
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


class _Activity:
    """A year (small) or ten years (large) of bookings, usages and maintenance."""

    def __init__(self, builder: _Builder, people: list[_Person]) -> None:
        self.b = builder
        self.s = builder.s
        self.rng = builder.rng
        self.size = builder.size
        self.people = people
        years = HISTORY_YEARS[self.size]
        self.first_day = _add_years(REFERENCE_DATE, -years) + timedelta(days=1)
        self.last_day = REFERENCE_DATE + timedelta(days=FUTURE_DAYS)
        # When the demo "is": Saturday evening before REFERENCE_DATE. Later bookings are
        # the ones already made for the coming weeks.
        self.snapshot = local_dt(REFERENCE_DATE - timedelta(days=1), 18 * 60 + 30)
        self.scale = 1.0 if self.size == "small" else 6.0
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
        self.schedule = {name: data.OPENING_HOURS[name] for name in b.space_ids}
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
            for (m1, d1), (m2, d2), spaces, reason in data.YEARLY_CLOSURES:
                day = date(year, m1, d1)
                while day <= date(year, m2, d2):
                    if day.weekday() != 6 and self.first_day <= day <= last:
                        for space in spaces or (None,):
                            rows.append(
                                self.exception_row(day, space, "closed", None, None, reason)
                            )
                    day += timedelta(days=1)
        for day, space, kind, start, end, reason in data.ONE_OFF_EXCEPTIONS:
            if self.first_day <= day <= last:
                s_min = data.minute_of(start) if start else None
                e_min = data.minute_of(end) if end else None
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
        opened = [(s, e) for kind, s, e in found if kind == "open" and s is not None]
        if opened:
            ranges = merge_ranges(ranges + opened)  # type: ignore[operator]
        for kind, s, e in found:
            if kind == "closed":
                ranges = [] if s is None else subtract_ranges(ranges, [(s, e)])  # type: ignore[list-item]
        return merge_ranges(ranges)

    def consumables(self) -> None:
        rows, links = [], []
        self.consumable_ids: dict[str, tuple[int, str]] = {}
        for i, (name, unit, machines) in enumerate(data.CONSUMABLES, start=1):
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
            first = max(self.first_day, m.purchase_date + timedelta(days=7))
            last = (
                data.MAINTENANCE_SINCE - timedelta(days=1) if name == data.MAINTENANCE[0] else None
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
            profile = data.USAGE_PROFILES.get(name)
            if profile is None and name.startswith("Poste cyber-base"):
                profile = data.CYBERBASE_PROFILE
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
        self.set_profile(meeting, data.MEETING_PROFILE)
        self.res[room.name] = meeting
        self.lab = [r for n, r in self.res.items() if n in data.USAGE_PROFILES]
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
        cyber_audiences = {audiences[2]: 4.0, audiences[3]: 2.0}
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
        holders: dict[int, list[tuple[datetime, float, _Person]]] = {}
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
            and self.rng.random() < data.SCHOOL_CLASS["chance"] * min(self.scale, 1.5)
        ):
            self.school_class(day, lab_ranges["Fablab"])
        day_factor = {2: 1.3, 5: 1.2}.get(weekday, 1.0)
        evening = {2: 6.0, 3: 0.6}.get(weekday, 1.0)  # the open lab on Wednesday evening
        for res in self.lab:
            ranges = lab_ranges[res.home]
            if not ranges or not res.open_on(day):
                continue
            for _ in range(_poisson(self.rng, res.rate * f * day_factor)):
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
            for _ in range(_poisson(self.rng, room.rate * f)):
                self.meeting(room, day, meeting, 3.0 if weekday == 3 else 0.3)

    def periods(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int, int, bool]]:
        """Ranges split at the evening: (start, end, end of the opening range, evening)."""
        result = []
        for start, end in ranges:
            if start < data.EVENING_FROM < end:
                result.append((start, data.EVENING_FROM, end, False))
                result.append((data.EVENING_FROM, end, end, True))
            else:
                result.append((start, end, end, start >= data.EVENING_FROM))
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
            bk.note = rng.choice(data.BOOKING_NOTES)
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
        bk.override = self.rng.choice(data.OVERRIDE_REASONS)
        return True

    def school_class(self, day: date, ranges: list[tuple[int, int]]) -> None:
        """A class on a school morning: the laser and two or three printers."""
        rng = self.rng
        spec = data.SCHOOL_CLASS
        slot = rng.choices([s for s, _w in spec["slots"]], [w for _s, w in spec["slots"]])[0]
        start, end = data.minute_ranges(slot)[0]
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
                f"{self.rng.choice(data.TEACHER_TITLES)} {self.rng.choice(data.LAST_NAMES)}"
                for _ in range(self.rng.randint(1, 3))
            ]
            self.contacts[org_id] = names
        return self.rng.choice(names)

    def cyberbase(self, day: date, ranges: list[tuple[int, int]], f: float) -> None:
        rng = self.rng
        spec = data.CYBERBASE_PROFILE
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
            bk = self.place(pc, day, ranges)
            if bk is None:
                continue
            self.created(bk, lead_days=3.0)
            if not self.person_for(bk, self.cyber):
                pc.taken.pop()
                continue
            bk.purpose = rng.choice(pc.purposes)
            self.settle(bk)

    def coworking(self, day: date, ranges: list[tuple[int, int]]) -> None:
        rng = self.rng
        wanted = round(data.COWORKING_PROFILE["regulars"] * self.scale)
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
        slots = data.COWORKING_PROFILE["slots"]
        for person, _last, per_week, usual in self.coworkers:
            if rng.random() >= per_week / 5 * 0.85:
                continue
            start, end = data.minute_ranges(
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
        bookings, events, usages, used = [], [], [], []
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
                        "note": rng.choice(data.USAGE_NOTES) if rng.random() < 0.03 else "",
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
                reason = rng.choice(data.CANCEL_REASONS) if rng.random() < 0.6 else ""
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

    def insert(self, model: type, rows: list[dict]) -> None:
        # A Core insert of the table: one executemany per chunk (the ORM's bulk path
        # splits the rows into many small batches).
        stmt = insert(model.__table__)  # type: ignore[attr-defined]
        for i in range(0, len(rows), _CHUNK):
            self.s.execute(stmt, rows[i : i + _CHUNK])

    def quantities(self, usage_id: int, bk: _B, minutes: int) -> list[dict]:
        """What was used: a sheet or three on the laser, grams of filament by the hour…"""
        rng = self.rng
        res = bk.res
        rows = []
        if bk.group and res.machine_id is not None and res.consumables:
            spec = data.SCHOOL_CLASS
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
            who = by or rng.choice(data.ANIMATORS)
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

        for name, every, text, euros, by in data.MAINTENANCE_ROUTINE:
            res = self.res[name]
            day = res.first_day + timedelta(days=rng.randint(5, every))
            while day < REFERENCE_DATE - timedelta(days=2):
                add(day, name, text, euros, by)
                day += timedelta(days=round(every * rng.uniform(0.8, 1.2)))
        for day, name, text, euros, by in data.MAINTENANCE_ONE_OFF:
            if self.first_day <= day < REFERENCE_DATE:
                add(day, name, text, euros, by)
        rows.sort(key=lambda r: (r["day"], r["machine_id"]))
        self.s.execute(insert(MaintenanceEntry), rows)


# --- front-desk sales, monthly invoices, payments, closings ---------------------------


class _SessionDb:
    """A Database whose units of work all run inside one open session, each write in a
    savepoint: the demo issues its thousands of documents through the real invoicing
    and ledger services (numbering, frozen copies, the integrity chain) in the demo's
    single transaction instead of one commit each."""

    def __init__(self, db: Database, session: Session) -> None:
        self.engine = db.engine
        self.target = db.target
        self.is_sqlite = db.is_sqlite
        self._session = session

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._session.begin_nested():
            yield self._session


@dataclass(frozen=True)
class _Visit:
    payer_id: int
    day: date
    usage_ids: tuple[int, ...]
    charged_cents: int
    last_end: datetime


# Documents go through services.billing.invoicing one by one (~30 ms each): the front desk's
# sales cover the last weeks only, the monthly invoices the last twelve months.
SALES_DAYS = {"small": 28, "large": 7}
MONTHLY_MONTHS = 12
WALLET_TOPUPS = (2000, 3000, 5000, 2000)  # sold at the desk, then spent on later visits
DESK = "Accueil"
# Front-desk payment methods of persons, by weight (wallet and Pass numérique when possible).
DESK_METHODS = {"card": 42, "cash": 33, "cheque": 13, "pass_numerique": 6, "wallet": 6}
VOUCHER_CENTS = 1000  # a Pass numérique voucher is worth 10 €
MEMBERSHIP_SALES = {"small": 8, "large": 40}
PACK_SALES = {"small": 3, "large": 12}


class _Sales:
    """What the front desk and the treasurer did with the demo's usages: a sale per
    member and visit day, monthly invoices to the organisations invoiced monthly (paid
    by transfer some weeks later, a few still unpaid), one credit note, and the day,
    month and year closings — all through services.billing.invoicing and services.billing.ledger."""

    def __init__(self, b: _Builder, db: _SessionDb) -> None:
        self.b = b
        self.s = b.s
        self.db = db
        self.rng = random.Random(b.rng.random())
        self.last_sale_day = b.last_day - timedelta(days=1)  # yesterday's visits: at the desk
        self.first_day = max(b.opening, _add_months(REFERENCE_DATE.replace(day=1), -MONTHLY_MONTHS))
        self.sales_from = REFERENCE_DATE - timedelta(days=SALES_DAYS[b.size])
        self.invoices = 0
        self.credit_notes = 0
        self.closings = 0

    # helpers ----------------------------------------------------------------------

    def actor(self) -> int:
        return self.b.actor()

    def visits(self) -> tuple[list[_Visit], dict[tuple[int, date], list[int]]]:
        """Charged, non-free usages of the period: per (payer, day) for the desk, per
        (organisation, month) for the members invoiced monthly."""
        first, _ = local_day_bounds(self.first_day)
        _, last = local_day_bounds(self.last_sale_day)
        monthly = set(self.s.scalars(select(Member.id).where(Member.monthly_invoicing.is_(True))))
        charged = (
            select(UsageCharge.usage_id, func.sum(UsageCharge.charged_cents).label("cents"))
            .group_by(UsageCharge.usage_id)
            .subquery()
        )
        rows = self.s.execute(
            select(
                Usage.id,
                Usage.member_id,
                Usage.organisation_id,
                Usage.start_at,
                Usage.end_at,
                charged.c.cents,
            )
            .join(charged, charged.c.usage_id == Usage.id)
            .where(Usage.start_at >= first, Usage.start_at < last)
            .order_by(Usage.start_at, Usage.id)
        ).all()
        desk: dict[tuple[int, date], list] = {}
        months: dict[tuple[int, date], list[int]] = {}
        for usage_id, member_id, org_id, start, end, cents in rows:
            payer = member_id if member_id is not None else org_id
            if payer is None:
                continue
            day = to_local(start).date()
            if payer in monthly:
                months.setdefault((payer, day.replace(day=1)), []).append(usage_id)
                continue
            if day >= self.sales_from:
                desk.setdefault((payer, day), []).append((usage_id, cents, end))
        visits = []
        for (payer, day), items in desk.items():
            total = sum(c for _u, c, _e in items)
            if total <= 0:  # free visits (quota, pack, membership): nothing to sell
                continue
            visits.append(
                _Visit(
                    payer,
                    day,
                    tuple(u for u, _c, _e in items),
                    total,
                    max(e for _u, _c, e in items),
                )
            )
        visits.sort(key=lambda v: (v.last_end, v.payer_id))
        return visits, months

    # steps ------------------------------------------------------------------------

    def run(self) -> tuple[int, int, int]:
        """(invoices, credit notes, closings) issued."""
        visits, months = self.visits()
        self.extras = self.extra_lines(visits)
        self.wallet = self.wallets()
        self.queue: list[tuple[datetime, int, int, str, object]] = []
        self.seq = itertools.count()
        for v in visits:
            at = min(
                v.last_end + timedelta(minutes=self.rng.randint(2, 20)),
                local_dt(v.day, 23 * 60 + 30),
            )
            self.push(at, 0, "sale", v)
        for (org_id, month), usage_ids in sorted(
            months.items(), key=lambda kv: (kv[0][1], kv[0][0])
        ):
            issue_day = _add_months(month, 1)
            while issue_day.weekday() >= 5 or public_holiday(issue_day):
                issue_day += timedelta(days=1)
            if issue_day <= self.last_sale_day:
                self.push(
                    local_dt(issue_day, 9 * 60 + 30), 1, "monthly", (org_id, month, usage_ids)
                )
        self.unpaid_left = {
            _add_months(REFERENCE_DATE.replace(day=1), -2): 1,
            _add_months(REFERENCE_DATE.replace(day=1), -1): 2,
        }
        self.credit_target = REFERENCE_DATE - timedelta(days=45)
        self.credit_done = False
        current: date | None = None
        while self.queue:
            at, _order, _seq, kind, payload = heapq.heappop(self.queue)
            day = to_local(at).date()
            if day > self.last_sale_day:
                continue  # after yesterday: not happened yet (still unpaid)
            if current is not None and day > current:
                self.close(current, day)
            current = day
            getattr(self, kind)(at, payload)
        if current is not None:
            self.close(current, self.last_sale_day + timedelta(days=1))
        self.date_side_effects()
        # The demo lab invoiced its walk-in visitors in a spreadsheet until it adopted the
        # software's checkout: older usages are not proposed again at the desk.
        structure = self.s.get(Structure, 1)
        if structure is not None:
            structure.invoicing_start = self.sales_from
        return self.invoices, self.credit_notes, self.closings

    def date_side_effects(self) -> None:
        """The services stamp what a sale creates (memberships, packs, baskets) with the
        clock: date them at their sale instead, so the same seed gives the same data."""
        self.s.flush()
        cutoff = local_dt(REFERENCE_DATE, 0)
        issued = dict(self.s.execute(select(Invoice.number, Invoice.issued_at)).all())
        for ms in self.s.scalars(
            select(Membership).where(
                Membership.created_at >= cutoff, Membership.note.like("Facture %")
            )
        ):
            at = issued[ms.note.removeprefix("Facture ")]
            ms.created_at = ms.updated_at = at
        bought = dict(
            self.s.execute(
                select(PackMovement.member_pack_id, func.min(PackMovement.at)).group_by(
                    PackMovement.member_pack_id
                )
            ).all()
        )
        for pack in self.s.scalars(
            select(MemberPack).where(
                MemberPack.created_at >= cutoff, MemberPack.id.in_(list(bought))
            )
        ):
            pack.created_at = pack.updated_at = bought[pack.id]
        self.s.execute(update(Basket).values(updated_at=Basket.created_at))
        self.s.flush()

    def push(self, at: datetime, order: int, kind: str, payload: object) -> None:
        heapq.heappush(self.queue, (at, order, next(self.seq), kind, payload))

    def basket(self, member_id: int, at: datetime, actor: int, note: str = "") -> int:
        basket = Basket(member_id=member_id, status="open", note=note, **self.b.stamp(at, actor))
        self.s.add(basket)
        self.s.flush()
        return basket.id

    def sale(self, at: datetime, v: _Visit) -> None:
        actor = self.actor()
        basket_id = self.basket(v.payer_id, at, actor)
        invoicing.add_usage_lines(self.db, actor, basket_id, v.usage_ids)
        total = v.charged_cents
        for extra in self.extras.get((v.payer_id, v.day), ()):
            if extra[0] == "membership":
                _kind, audience, start, end, fee = extra
                invoicing.add_membership_line(
                    self.db,
                    actor,
                    basket_id,
                    audience_id=audience,
                    start=start,
                    end=end,
                    fee_cents=fee,
                )
                total += fee
            elif extra[0] == "wallet":
                invoicing.add_wallet_topup_line(self.db, actor, basket_id, extra[1])
                total += extra[1]
                wallet = self.wallet.setdefault(v.payer_id, [0, v.day + timedelta(days=1)])
                wallet[0] += extra[1]
                wallet[1] = min(wallet[1], v.day + timedelta(days=1))
            else:
                invoicing.add_pack_line(self.db, actor, basket_id, extra[1])
                total += next(
                    c for pid, _m, _mo, c in self.b.pack_type_ids.values() if pid == extra[1]
                )
        payments = self.desk_payments(v.payer_id, v.day, total)
        invoice_id = invoicing.validate_basket(
            self.db, actor, basket_id, payments, desk=DESK, issued_at=at
        )
        self.invoices += 1
        if (
            not self.credit_done
            and v.day >= self.credit_target
            and payments[0].method == "cash"
            and len(payments) == 1
            and v.charged_cents >= 1500
        ):
            self.credit_done = True
            later = local_dt(v.day + timedelta(days=2), 10 * 60 + 15)
            self.push(later, 2, "credit", invoice_id)

    def desk_payments(self, member_id: int, day: date, total: int) -> list[PaymentInput]:
        rng = self.rng
        if self.b.s.get(Member, member_id).kind == MemberKind.ORGANISATION.value:
            method = rng.choices(("cheque", "transfer", "card"), (5, 3, 2))[0]
        else:
            method = rng.choices(list(DESK_METHODS), list(DESK_METHODS.values()))[0]
        wallet = self.wallet.get(member_id)
        if wallet is not None and wallet[1] <= day and wallet[0] >= total and rng.random() < 0.8:
            method = "wallet"  # money on the wallet: most people use it
        if method == "wallet":
            if wallet is None or wallet[1] > day or wallet[0] < total:
                method = "card"
            else:
                wallet[0] -= total
                return [PaymentInput("wallet", total)]
        if method == "pass_numerique":
            vouchers = min(total // VOUCHER_CENTS, 5)
            if vouchers == 0:
                method = "cash"
            else:
                paid = [
                    PaymentInput(
                        "pass_numerique",
                        vouchers * VOUCHER_CENTS,
                        voucher_count=vouchers,
                        voucher_value_cents=VOUCHER_CENTS,
                    )
                ]
                rest = total - vouchers * VOUCHER_CENTS
                if rest:
                    paid.append(self.cash(rest))
                return paid
        if method == "cash":
            return [self.cash(total)]
        if method == "cheque":
            return [
                PaymentInput(
                    "cheque",
                    total,
                    cheque_number=f"{rng.randrange(10**7):07d}",
                    bank=rng.choice(data.BANKS),
                )
            ]
        if method == "transfer":
            return [PaymentInput("transfer", total, reference=f"VIR {rng.randrange(10**8):08d}")]
        return [PaymentInput("card", total, reference=f"TPE {rng.randrange(10**6):06d}")]

    def cash(self, amount: int) -> PaymentInput:
        note = next(n for n in (500, 1000, 2000, 5000, 10000, 10**9) if n >= amount)
        tendered = amount if self.rng.random() < 0.4 or note == 10**9 else note
        return PaymentInput("cash", amount, tendered_cents=tendered)

    def monthly(self, at: datetime, payload: tuple[int, date, list[int]]) -> None:
        org_id, month, usage_ids = payload
        actor = self.b.accueil
        org = self.s.get(Member, org_id)
        basket_id = self.basket(org_id, at, actor, note=f"{month:%m/%Y}")
        invoicing.add_usage_lines(self.db, actor, basket_id, usage_ids)
        public = org.organisation_type == OrganisationType.PUBLIC_BODY.value
        payments = [PaymentInput("mandate", 0)] if public else []
        invoice_id = invoicing.validate_basket(
            self.db,
            actor,
            basket_id,
            payments,
            desk=DESK,
            issued_at=at,
            note=f"Facturation mensuelle {month:%m/%Y}",
        )
        self.invoices += 1
        left = self.unpaid_left.get(month, 0)
        if left:  # still unpaid today (September's: overdue)
            self.unpaid_left[month] = left - 1
            return
        delay = self.rng.randint(28, 56) if public else self.rng.randint(12, 40)
        pay_day = min(to_local(at).date() + timedelta(days=delay), self.last_sale_day)
        while pay_day.weekday() >= 5 and pay_day > to_local(at).date():
            pay_day -= timedelta(days=1)
        self.push(local_dt(pay_day, 11 * 60), 1, "transfer", invoice_id)

    def transfer(self, at: datetime, invoice_id: int) -> None:
        doc = invoicing.get_invoice(self.db, invoice_id)
        if doc.balance_cents > 0:
            invoicing.add_payment(
                self.db,
                self.b.accueil,
                invoice_id,
                PaymentInput(
                    "transfer",
                    doc.balance_cents,
                    reference=f"VIR {doc.number} {doc.buyer['name']}"[:120],
                ),
                desk=DESK,
                at=at,
            )

    def credit(self, at: datetime, invoice_id: int) -> None:
        doc = invoicing.get_invoice(self.db, invoice_id)
        # The session interrupted by a breakdown: a usage line (never a wallet top-up,
        # whose money may already be spent).
        lines = [ln for ln in doc.lines if ln.kind != "wallet_topup"] or list(doc.lines)
        line = max(lines, key=lambda ln: (ln.kind == "usage", ln.total_incl_cents, -ln.position))
        if line.kind == "wallet_topup":
            return
        invoicing.create_credit_note(
            self.db,
            self.b.accueil,
            invoice_id,
            lines=[(line.id, line.quantity_milli)],
            reason="Séance interrompue par une panne de la machine : remboursée.",
            refund=PaymentInput("cash", line.total_incl_cents),
            desk=DESK,
            issued_at=at,
        )
        self.credit_notes += 1

    def close(self, done: date, next_day: date) -> None:
        """Close ``done`` (a day with activity), then every month and year that ended
        before ``next_day``."""
        ledger.close_period(self.db, self.b.accueil, "day", done, now=local_dt(done, 23 * 60 + 50))
        self.closings += 1
        month = done.replace(day=1)
        while (
            _add_months(month, 1) <= next_day.replace(day=1)
            and _add_months(month, 1) <= REFERENCE_DATE
        ):
            last = _add_months(month, 1) - timedelta(days=1)
            ledger.close_period(
                self.db, self.b.accueil, "month", month, now=local_dt(last, 23 * 60 + 52)
            )
            self.closings += 1
            if month.month == 12:
                ledger.close_period(
                    self.db,
                    self.b.accueil,
                    "year",
                    month.replace(month=1),
                    now=local_dt(last, 23 * 60 + 55),
                )
                self.closings += 1
            month = _add_months(month, 1)

    def extra_lines(self, visits: list[_Visit]) -> dict[tuple[int, date], list[tuple]]:
        """A few memberships renewed and packs bought at the desk during a visit."""
        rng = self.rng
        extras: dict[tuple[int, date], list[tuple]] = {}
        persons = {
            m.id: m
            for m in self.s.scalars(select(Member).where(Member.kind == MemberKind.PERSON.value))
        }
        ends = {
            member_id: (end, count)
            for member_id, end, count in self.s.execute(
                select(Membership.member_id, func.max(Membership.end_date), func.count()).group_by(
                    Membership.member_id
                )
            )
        }
        lapsed = [  # came back after their membership ended (four years at most)
            v
            for v in visits
            if v.payer_id in persons
            and persons[v.payer_id].audience_id is not None
            and v.payer_id in ends
            and ends[v.payer_id][0] < v.day
            and ends[v.payer_id][1] < 4
        ]
        chosen: set[int] = set()
        for v in rng.sample(lapsed, min(len(lapsed), MEMBERSHIP_SALES[self.b.size] * 3)):
            if len(chosen) >= MEMBERSHIP_SALES[self.b.size]:
                break
            if v.payer_id in chosen:
                continue
            chosen.add(v.payer_id)
            audience = persons[v.payer_id].audience_id
            end = _add_years(v.day, 1) - timedelta(days=1)
            extras.setdefault((v.payer_id, v.day), []).append(
                ("membership", audience, v.day, end, self.b.fees[audience])
            )
        adults = [
            v
            for v in visits
            if v.payer_id in persons
            and v.payer_id not in chosen
            and persons[v.payer_id].age_band not in (None, *[b.value for b in MINOR_AGE_BANDS])
            and v.day >= date(REFERENCE_DATE.year, 1, 5)
        ]
        regulars: dict[int, list[_Visit]] = {}
        for v in visits:
            if v.payer_id in persons and v.payer_id not in chosen:
                regulars.setdefault(v.payer_id, []).append(v)
        loyal = sorted(p for p, vs in regulars.items() if len(vs) >= 3)
        for member_id, cents in zip(
            rng.sample(loyal, min(len(loyal), len(WALLET_TOPUPS))), WALLET_TOPUPS, strict=False
        ):
            first = regulars[member_id][0]
            extras.setdefault((member_id, first.day), []).append(("wallet", cents))
            chosen.add(member_id)
        types = [pid for pid, *_rest in self.b.pack_type_ids.values()]
        for v in rng.sample(adults, min(len(adults), PACK_SALES[self.b.size])):
            extras.setdefault((v.payer_id, v.day), []).append(("pack", rng.choice(types)))
        return extras

    def wallets(self) -> dict[int, list]:
        """member → [balance, first day the wallet holds money]."""
        result: dict[int, list] = {}
        for member_id, at, cents in self.s.execute(
            select(
                WalletMovement.member_id, WalletMovement.at, WalletMovement.amount_cents
            ).order_by(WalletMovement.at)
        ):
            entry = result.setdefault(member_id, [0, to_local(at).date() + timedelta(days=1)])
            entry[0] += cents
        return result


class _Funding:
    """Funders and grants of the fablab over three years (2024-2026), in-kind
    contributions, monthly expenses, machine depreciation, the 2026 budget, report
    due dates (one within 30 days of REFERENCE_DATE) and the 2025 report texts. The
    same few hundred rows in both sizes; random draws from the builder's generator."""

    def __init__(self, b: _Builder) -> None:
        self.b = b
        self.s = b.s
        self.rng = random.Random(b.rng.random())

    def run(self) -> None:
        funders = self.funders()
        self.grants(funders)
        self.in_kind(funders)
        self.expenses()
        self.depreciation()
        for side, category, euros in data.BUDGET_2026:
            self.s.add(
                BudgetLine(year=2026, side=side, category=category, amount_cents=euros * 100)
            )
        for section, text in data.REPORT_TEXTS_2025.items():
            self.s.add(ReportText(year=2025, section=section, text=text))
        self.s.flush()

    def funders(self) -> dict[str, int]:
        ids: dict[str, int] = {}
        for name, sector, level, contact in data.FUNDERS:
            f = Funder(name=name, sector=sector, level=level, contact=contact, **self.b.setup_stamp)
            self.s.add(f)
            self.s.flush()
            ids[name] = f.id
        return ids

    def grants(self, funders: dict[str, int]) -> None:
        for (
            funder,
            purpose,
            nature,
            start,
            end,
            requested,
            granted,
            granted_on,
            payments,
            report_due,
            status,
            actions,
        ) in data.GRANTS:
            if report_due is None and nature != "donation":
                report_due = REFERENCE_DATE + timedelta(days=18)
            requested_on = start - timedelta(days=75 + self.rng.randint(0, 40))
            g = Grant(
                funder_id=funders[funder],
                purpose=purpose,
                nature=nature,
                period_start=start,
                period_end=end,
                requested_cents=requested * 100,
                requested_on=requested_on,
                granted_cents=granted * 100,
                granted_on=granted_on,
                actions=actions,
                planned_budget_json=_planned_budget(requested * 100, nature),
                report_due=report_due,
                report_status=status,
                **self.b.stamp_at(min(granted_on, REFERENCE_DATE)),
            )
            self.s.add(g)
            self.s.flush()
            for day, euros in payments:
                if day <= REFERENCE_DATE:
                    self.s.add(
                        GrantPayment(
                            grant_id=g.id, received_on=day, amount_cents=euros * 100, note=""
                        )
                    )
            for name in data.GRANT_MACHINES.get(purpose, ()):
                self.s.add(GrantMachine(grant_id=g.id, machine_id=self.b.machines[name][0]))

    def in_kind(self, funders: dict[str, int]) -> None:
        for i, year in enumerate(data.FUNDING_YEARS):
            for funder, kind, description, hours, euros in data.IN_KIND:
                h = hours[i] if hours else None
                cents = euros * 100 if euros is not None else (h or 0) * data.VOLUNTEER_HOUR_CENTS
                self.s.add(
                    InKindContribution(
                        funder_id=funders[funder] if funder else None,
                        year=year,
                        kind=kind,
                        description=description,
                        hours=h,
                        value_cents=cents,
                        **self.b.stamp_at(min(date(year, 12, 31), REFERENCE_DATE)),
                    )
                )

    def expenses(self) -> None:
        rng = self.rng
        rows: list[dict] = []
        first = date(data.FUNDING_YEARS[0], 1, 1)
        month = first
        while month <= REFERENCE_DATE.replace(day=1) - timedelta(days=1):
            for category, activity, label, supplier, (low, high) in data.MONTHLY_EXPENSES:
                if category == "energy":  # more in winter
                    winter = month.month in (1, 2, 3, 11, 12)
                    euros = (
                        rng.randint((low + high) // 2, high)
                        if winter
                        else rng.randint(low, (low + high) // 2)
                    )
                else:
                    euros = rng.randint(low, high)
                rows.append(
                    self.expense(
                        month.replace(day=28), category, activity, label, supplier, euros * 100
                    )
                )
            for (m, d), category, activity, label, supplier, euros in data.YEARLY_EXPENSES:
                if month.month == m:
                    rows.append(
                        self.expense(
                            month.replace(day=d), category, activity, label, supplier, euros * 100
                        )
                    )
            if month.month % 3 == 0 or rng.random() < 0.25:
                name, label, (low, high) = rng.choice(data.MAINTENANCE_MACHINES)
                day = month.replace(day=rng.randint(2, 26))
                row = self.expense(
                    day,
                    "maintenance",
                    "fablab",
                    f"{label} — {name}",
                    "",
                    rng.randint(low, high) * 100,
                )
                row["machine_id"] = self.b.machines[name][0]
                rows.append(row)
            month = _add_months(month, 1)
        # The running costs of each year are the action the communauté de communes'
        # operating grant finances: its funder report shows them as "réalisé".
        operating = self.s.execute(
            select(Grant.id, Grant.period_start, Grant.period_end)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Funder.level == "epci", Grant.nature == "operating")
        ).all()
        for row in rows:
            if row["category"] in ("staff", "rent", "energy", "consumables"):
                for grant_id, start, end in operating:
                    if start <= row["day"] <= end:
                        row["grant_id"] = grant_id
                        break
        self.s.execute(insert(Expense), rows)

    def expense(
        self, day: date, category: str, activity: str, label: str, supplier: str, cents: int
    ) -> dict:
        return {
            "day": day,
            "category": category,
            "activity": activity,
            "amount_cents": cents,
            "label": label,
            "supplier": supplier,
            "machine_id": None,
            "grant_id": None,
            **self.b.stamp_at(day),
        }

    def depreciation(self) -> None:
        for name, (machine_id, _category, _purchased) in self.b.machines.items():
            years = data.DEPRECIATION_YEARS.get(name, data.DEFAULT_DEPRECIATION_YEARS)
            self.s.execute(
                update(Machine).where(Machine.id == machine_id).values(depreciation_years=years)
            )


def _planned_budget(requested_cents: int, nature: str) -> str:
    """The budget of the financed action as filed with the request (CERFA 15059
    categories): mostly staff, some purchases and services; the grant asked on the
    revenue side with the lab's own share."""
    import json

    if nature == "donation":
        return "{}"
    total = requested_cents * 10 // 7  # the grant covers about 70 % of the action
    charges = {"60": total * 15 // 100, "61": total * 10 // 100, "62": total * 10 // 100}
    charges["64"] = total - sum(charges.values())
    products = {"74": requested_cents, "70": total - requested_cents}
    return json.dumps({**charges, **products}, sort_keys=True)
