"""``tierslieu demo``: a realistic, deterministic demonstration database.

The same seed gives the same data, byte for byte: every random choice comes from one
``random.Random(seed)`` and every date from ``REFERENCE_DATE`` (never the clock).
Members are written with bulk inserts in one transaction, so the large demo
(20,000 members) is built in a few seconds.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session
from stdnum import iban as std_iban
from stdnum import luhn

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import (
    Audience,
    Authorization,
    Machine,
    MachineCategory,
    Member,
    Membership,
    Operator,
    Space,
    Structure,
)
from tierslieu_desktop.domain.enums import (
    AgeBand,
    MachineStatus,
    MemberKind,
    OrganisationType,
    VatRegime,
)
from tierslieu_desktop.services import demo_data as data
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.members import (
    MemberInput,
    age_band_for,
    search_text,
    validate_member,
)
from tierslieu_desktop.services.structure import StructureData, validate_structure

REFERENCE_DATE = date(2026, 11, 22)
OPENING_DATE = date(2021, 9, 6)  # the first members registered on that day
SIZES = {"small": 312, "large": 20_000}
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


def build_demo(target: str, size: str = "small", seed: int = 46400) -> str:
    """Create the demo in ``target`` (a new or empty database) and return a short
    French summary such as "312 adhérents, 26 machines, 5 espaces"."""
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}")
    db = open_database(target)
    try:
        with db.write() as session:
            if _holds_data(session):
                raise DemoExists(db.target)
            counts = _Builder(session, random.Random(seed), SIZES[size]).run()
    finally:
        db.dispose()
    return summary(counts)


def summary(counts: DemoCounts) -> str:
    return (
        f"{_n(counts.members)} adhérents, {_n(counts.machines)} machines, "
        f"{_n(counts.spaces)} espaces"
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


class _Builder:
    def __init__(self, session: Session, rng: random.Random, n_members: int) -> None:
        self.s = session
        self.rng = rng
        self.n = n_members
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
        return DemoCounts(
            members=len(people),
            machines=len(self.machines),
            spaces=len(self.space_ids),
            memberships=n_memberships,
            authorizations=n_auths,
        )

    def operators(self) -> None:
        self.op_ids: dict[str, int] = {}
        created = datetime.combine(OPENING_DATE - timedelta(days=7), time(8), tzinfo=UTC)
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
                    **self.stamp_at(max(bought, OPENING_DATE - timedelta(days=7))),
                )
            )
        self.s.add_all(machines)
        self.s.flush()
        self.machines = {m.name: (m.id, m.category_id, m.purchase_date) for m in machines}

    # members ----------------------------------------------------------------------

    def creation_times(self) -> list[datetime]:
        span = (self.last_day - OPENING_DATE).days
        days = []
        for _ in range(self.n):
            # Slightly more registrations as the place becomes known.
            day = OPENING_DATE + timedelta(days=round(span * self.rng.random() ** 0.85))
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
            people.append(_Person(member_id, created_at, cleaned, minor))
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
                first = max(p.created_at.date(), since or OPENING_DATE)
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
        return len(rows)
