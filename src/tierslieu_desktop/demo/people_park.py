"""The demo's first steps: operators, the structure, the publics, spaces and machines,
members, memberships, authorizations, then (after the bookings) tariffs, packs and
wallets. ``Builder`` also holds what the later steps share: the session, the random
generator, the ids of what it created and the stamps of who did it when.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from stdnum import iban as std_iban
from stdnum import luhn

from tierslieu_desktop.db.models import (
    Audience,
    Authorization,
    ConsentChange,
    Consumable,
    Machine,
    MachineCategory,
    Member,
    MemberPack,
    Membership,
    MembershipFee,
    Operator,
    PackMovement,
    PackType,
    PriceRule,
    Quota,
    Reduction,
    Space,
    Structure,
    WalletMovement,
)
from tierslieu_desktop.demo import data_finance, data_park, data_people
from tierslieu_desktop.demo.common import (
    OPENING_DATE,
    OPENING_DATE_LARGE,
    REFERENCE_DATE,
    Person,
    add_months,
    add_years,
)
from tierslieu_desktop.domain.enums import (
    AgeBand,
    MachineStatus,
    MemberKind,
    OrganisationType,
    VatRegime,
)
from tierslieu_desktop.services.chain import seal
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.people.members import (
    MemberInput,
    age_band_for,
    search_text,
    validate_member,
)
from tierslieu_desktop.services.people.structure import StructureData, validate_structure

ORGANISATION_SHARE = 20 / 312
MINOR_SHARE = 0.08
ARCHIVED_SHARE = 0.03
AUTHORIZED_SHARE = 0.25
LINKED_SHARE = 0.12  # adults who come on behalf of an organisation
NO_MEMBERSHIP_SHARE = 0.08  # drop-in users of the cyber-base, mostly
ADULT_AGE = 18
_ADULT_BANDS = (AgeBand.AGE_18_25, AgeBand.AGE_26_39, AgeBand.AGE_40_59, AgeBand.AGE_60_PLUS)


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


class Builder:
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
        domain = domain or self.rng.choice(data_people.EMAIL_DOMAINS)
        candidate, k = f"{local}@{domain}", 1
        while candidate in self.emails:
            k += 1
            candidate = f"{local}{k}@{domain}"
        self.emails.add(candidate)
        return candidate

    def address(self) -> str:
        r = self.rng.random()
        if r < 0.2:
            return f"Lieu-dit {self.rng.choice(data_people.HAMLETS)}"
        if r < 0.85:
            return f"{self.rng.randint(1, 48)} {self.rng.choice(data_people.STREETS)}"
        return ""

    # steps ------------------------------------------------------------------------

    def operators(self) -> None:
        self.op_ids: dict[str, int] = {}
        created = datetime.combine(self.opening - timedelta(days=7), time(8), tzinfo=UTC)
        self.operators_created = created  # the demo's accounts too (demo.accounts)
        for name in (data_people.ACCUEIL, *data_people.ANIMATORS):
            op = self.s.scalar(select(Operator).where(Operator.name == name))
            if op is None:
                op = Operator(name=name, active=True, created_at=created)
                self.s.add(op)
                self.s.flush()
            self.op_ids[name] = op.id
        self.accueil = self.op_ids[data_people.ACCUEIL]
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
        return self.op_ids[self.rng.choice(data_people.ANIMATORS)]

    def structure(self) -> None:
        siren = _with_luhn(data_people.STRUCTURE_SIREN_BASE)
        cleaned = validate_structure(
            StructureData(
                **data_people.STRUCTURE,
                siret=_with_luhn(siren + data_people.STRUCTURE_NIC_BASE),
                vat_regime=VatRegime.EXEMPT_NON_PROFIT,
                iban=french_iban(*data_people.STRUCTURE_RIB),
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
            for i, (name, desc) in enumerate(data_people.AUDIENCES, start=1)
        ]
        self.s.add_all(rows)
        self.s.flush()
        self.audience_ids = [a.id for a in rows]
        self.org_audience = self.audience_ids[-1]
        self.fees = dict(zip(self.audience_ids, data_people.AUDIENCE_FEES, strict=True))

    def spaces_and_machines(self) -> None:
        spaces = [
            Space(
                name=name,
                kind=kind,
                capacity=capacity,
                bookable=bookable,
                description=desc,
                position=i,
                **_rules(data_park.SPACE_RULES.get(name)),
                **self.setup_stamp,
            )
            for i, (name, kind, capacity, bookable, desc) in enumerate(data_park.SPACES, start=1)
        ]
        categories = [
            MachineCategory(name=name, position=i)
            for i, name in enumerate(data_park.MACHINE_CATEGORIES, start=1)
        ]
        self.s.add_all([*spaces, *categories])
        self.s.flush()
        self.space_ids = {sp.name: sp.id for sp in spaces}
        self.category_ids = {c.name: c.id for c in categories}
        specs = list(data_park.MACHINES)
        for i in range(1, data_park.CYBERBASE_PCS + 1):
            make, model, bought, value = data_park.CYBERBASE_PC
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
                    data_park.FUNDED_CYBERBASE,
                    "Windows 11, suite bureautique, imprimante partagée.",
                )
            )
        for i in range(1, data_park.COWORKING_DESKS + 1):
            make, model, bought, value = data_park.COWORKING_DESK
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
                    data_park.FUNDED_COWORKING,
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
            maintenance = name == data_park.MAINTENANCE[0]
            if category == "Postes informatiques":
                rules = data_park.CYBERBASE_PC_RULES
            elif category == "Postes de coworking":
                rules = data_park.COWORKING_DESK_RULES
            else:
                rules = data_park.MACHINE_RULES[name]
            bought = add_years(bought, -self.years_earlier)
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
                    status_note=data_park.MAINTENANCE[1] if maintenance else "",
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

    def members(self) -> list[Person]:
        rng = self.rng
        times = self.creation_times()
        n_orgs = round(self.n * ORGANISATION_SHARE)
        # Organisations anywhere in the timeline; persons link to one created before them.
        org_slots = set(rng.sample(range(self.n), n_orgs))
        people: list[Person] = []
        rows: list[dict] = []
        org_names: dict[int, str] = {}  # id → name
        org_ids: list[int] = []
        used_org_names: set[str] = set()
        communes = [c[:2] for c in data_people.COMMUNES]
        commune_weights = [c[2] for c in data_people.COMMUNES]
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
            people.append(Person(member_id, created_at, cleaned, minor, archived_at))
        self.s.execute(insert(Member), rows)
        self.s.execute(insert(ConsentChange), _consent_history(rows, self.last_day))
        return people

    def organisation(self, position: int, used: set[str]) -> MemberInput:
        rng = self.rng
        if position < len(data_people.ORGANISATIONS):
            name, org_type, city = data_people.ORGANISATIONS[position]
            postcode = next(pc for c, pc, _w in data_people.COMMUNES if c == city)
        else:
            types = list(data_people.ORGANISATION_TYPE_WEIGHTS)
            org_type = rng.choices(
                types, [data_people.ORGANISATION_TYPE_WEIGHTS[t] for t in types]
            )[0]
            city, postcode = rng.choice(data_people.COMMUNES)[:2]
            name = ""
            for _attempt in range(8):
                pattern = rng.choice(data_people.ORGANISATION_PATTERNS[org_type])
                name = pattern.format(
                    name=rng.choice(data_people.LAST_NAMES), commune=city, de_commune=_de(city)
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
            monthly_invoicing=name in data_people.MONTHLY_INVOICING,
            service_code=data_people.SERVICE_CODES.get(name, ""),
            commitment_number=data_people.COMMITMENT_NUMBERS.get(name, ""),
            kind=MemberKind.ORGANISATION,
            last_name=name,
            organisation_type=OrganisationType(org_type),
            siret=siret_from(rng),
            email=self.email("contact", f"{_slug(name)[:40]}.example.org"),
            phone=self.landline(),
            address=self.address() or f"{rng.randint(1, 30)} {rng.choice(data_people.STREETS)}",
            postcode=postcode,
            city=city,
            audience_id=self.org_audience,
            consent_newsletter=rng.random() < 0.7,
            notes=rng.choice(data_people.ORGANISATION_NOTES) if rng.random() < 0.2 else "",
        )

    def person(
        self, joined: date, city: str, postcode: str, org_id: int | None, minor: bool
    ) -> MemberInput:
        rng = self.rng
        female = rng.random() < 0.52
        first = rng.choice(data_people.FIRST_NAMES_F if female else data_people.FIRST_NAMES_M)
        last = rng.choice(data_people.LAST_NAMES)
        year = REFERENCE_DATE.year
        birth_year: int | None = None
        age_band: AgeBand | None = None
        guardian_name = guardian_phone = guardian_email = ""
        if minor:
            # 10 to 17 years old today, at least 9 when they first came.
            youngest = min(year - 10, joined.year - 9)
            birth_year = rng.randint(year - ADULT_AGE + 1, max(year - ADULT_AGE + 1, youngest))
            audience = self.audience_ids[1] if rng.random() < 0.8 else self.audience_ids[3]
            parent = rng.choice(
                data_people.FIRST_NAMES_F if rng.random() < 0.6 else data_people.FIRST_NAMES_M
            )
            guardian_name = f"{parent} {last}"
            guardian_phone = self.mobile()
            if rng.random() < 0.6:
                guardian_email = self.email(f"{_slug(parent)}.{_slug(last)}")
        else:
            if org_id is not None:
                audience = self.org_audience
            else:
                audience = rng.choices(self.audience_ids[:-1], data_people.AUDIENCE_WEIGHTS[:-1])[0]
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
            notes=rng.choice(data_people.PERSON_NOTES) if rng.random() < 0.06 else "",
        )

    # memberships and authorizations -------------------------------------------------

    def memberships(self, people: list[Person]) -> int:
        rng = self.rng
        rows = []
        for p in people:
            audience = p.data.audience_id or self.audience_ids[3]
            if p.data.kind == MemberKind.PERSON and rng.random() < NO_MEMBERSHIP_SHARE:
                continue
            joined = p.created_at.date()
            possible = 0
            while add_years(joined, possible) <= REFERENCE_DATE:
                possible += 1
            count = min(possible, rng.choices((1, 2, 3, 4), (40, 30, 20, 10))[0])
            # Loyal members renewed up to now; the others stopped after ``count`` years.
            first = possible - count if rng.random() < 0.6 else 0
            fee, note = self.fees[audience], ""
            if audience == self.audience_ids[3] and rng.random() < 0.1:
                fee, note = 1000, data_people.MEMBERSHIP_NOTES[0]
            elif p.data.organisation_id is not None and rng.random() < 0.5:
                note = data_people.MEMBERSHIP_NOTES[1]
            elif rng.random() < 0.01:
                fee, note = 0, data_people.MEMBERSHIP_NOTES[2]
            for year in range(first, first + count):
                start = add_years(joined, year)
                end = add_years(joined, year + 1) - timedelta(days=1)
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
        if name is None:  # no scope: every resource
            return cols
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
        audience: dict[str | None, int | None] = dict(
            zip((a[0] for a in data_people.AUDIENCES), self.audience_ids, strict=True)
        )
        audience[None] = None
        since = self.opening
        rules: list[dict] = []
        index: dict[tuple, dict] = {}
        for kind, name, public, membership, unit, step, cents, label in data_finance.PRICE_RULES:
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
        for day, kind, name, public, membership, cents in data_finance.PRICE_CHANGES:
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
            for public, cents, label in data_finance.MEMBERSHIP_FEES
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
            for public, kind, name, bp, label in data_finance.REDUCTIONS
        ]
        self.s.execute(insert(Reduction), reductions)
        quotas = []
        for public, kind, name, minutes, label in data_finance.QUOTAS:
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
        for name, kind, scope, minutes, months, cents in data_finance.PACK_TYPES:
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
        for name, stock, low in data_finance.STOCKS:
            consumable = self.s.get(Consumable, consumable_ids[name][0])
            assert consumable is not None
            consumable.stock_milli = stock * 1000
            consumable.low_stock_milli = low * 1000

    def packs_and_wallets(self, people: list[Person]) -> None:
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
        buyers = rng.sample(
            adults, sum(data_finance.PACK_BUYERS.values()) + len(data_finance.WALLET_CREDITS)
        )
        movements = []
        for name, count in data_finance.PACK_BUYERS.items():
            type_id, minutes, months, cents = self.pack_type_ids[name]
            for _ in range(count):
                person = buyers.pop()
                day = self.day_between(date(2026, 1, 5), REFERENCE_DATE - timedelta(days=30))
                expires = add_months(day, months) - timedelta(days=1)
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
        for cents in data_finance.WALLET_CREDITS:
            person = buyers.pop()
            day = self.day_between(date(2026, 1, 5), REFERENCE_DATE - timedelta(days=7))
            wallets.append(
                {
                    "member_id": person.member_id,
                    "at": self.at(day),
                    "amount_cents": cents,
                    "usage_id": None,
                    "operator_id": self.actor(),
                    "note": rng.choice(data_finance.WALLET_NOTES),
                }
            )
        self.s.execute(insert(WalletMovement), wallets)
        # prepaid money is sealed in the integrity chain, like the app does it
        for move_id, at in self.s.execute(
            select(WalletMovement.id, WalletMovement.at).order_by(WalletMovement.id)
        ).all():
            seal(self.s, "wallet", move_id, at)

    @staticmethod
    def stamp(at: datetime, actor: int) -> dict:
        return {"created_at": at, "created_by_id": actor, "updated_at": at, "updated_by_id": actor}

    def authorizations(self, people: list[Person]) -> int:
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
                trainer = rng.choice(data_people.ANIMATORS)
                at = max(self.at(granted), p.created_at)
                rows.append(
                    {
                        "member_id": p.member_id,
                        "machine_id": machine_id,
                        "category_id": category_id,
                        "granted_on": granted,
                        "trainer": trainer,
                        "note": rng.choice(data_people.AUTHORIZATION_NOTES)
                        if rng.random() < 0.15
                        else "",
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


def _consent_history(rows: list[dict], last_day: date) -> list[dict]:
    """The dated consents of the demo's members (issue 19, point 3): each consent given
    when the card was created; one member in seven without photo consent had given it,
    then withdrew it half-way to the last day (no draw of the random generator: the
    rest of the demo stays the same)."""
    out: list[dict] = []
    for row in rows:
        created, actor = row["created_at"], row["created_by_id"]
        for consent in ("newsletter", "photos"):
            if row[f"consent_{consent}"]:
                out.append(_consent(row["id"], consent, True, created, actor, "created"))
        if not row["consent_photos"] and row["kind"] == "person" and row["id"] % 7 == 0:
            end = datetime.combine(last_day, time(10), tzinfo=UTC)
            withdrawn = created + (end - created) / 2
            out.append(_consent(row["id"], "photos", True, created, actor, "created"))
            out.append(_consent(row["id"], "photos", False, withdrawn, actor, "edit"))
    return out


def _consent(
    member_id: int, consent: str, given: bool, at: datetime, actor: int | None, reason: str
) -> dict:
    return {
        "member_id": member_id,
        "consent": consent,
        "given": given,
        "at": at,
        "operator_id": actor,
        "reason": reason,
    }
