"""The demo's optional indicators (issue 16): a gender and a situation for most persons
(about one in six left « non renseigné », as at a real desk), and the people running the
lab — the three animators (salariés), a volontaire en service civique each school year
and a handful of bénévoles (repair café, cyber-base help).

Drawn from its own ``random.Random(seed)`` after the members exist, so that the other
draws of the demo are unchanged.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Member
from tierslieu_desktop.demo import data_people
from tierslieu_desktop.demo.common import REFERENCE_DATE
from tierslieu_desktop.demo.rows import update_by_id
from tierslieu_desktop.domain.enums import StaffKind
from tierslieu_desktop.services.people.staff import StaffInput, save_staff_in

UNKNOWN_SHARE = 0.17  # left « non renseigné »
# (name, kind, role, hours a month, start, end)
STAFF = (
    ("Julien Bessières", StaffKind.EMPLOYEE, "Fabmanager", 151, date(2021, 9, 1), None),
    ("Camille Delmas", StaffKind.EMPLOYEE, "Médiatrice numérique", 151, date(2021, 9, 1), None),
    ("Sarah Lacombe", StaffKind.EMPLOYEE, "Animatrice (mi-temps)", 76, date(2022, 1, 3), None),
    (
        "Léo Marty",
        StaffKind.CIVIC_SERVICE,
        "Service civique — médiation",
        104,
        date(2024, 10, 1),
        date(2025, 5, 31),
    ),
    (
        "Inès Vayssière",
        StaffKind.CIVIC_SERVICE,
        "Service civique — fablab",
        104,
        date(2025, 10, 6),
        date(2026, 6, 30),
    ),
    ("Michel Lafon", StaffKind.VOLUNTEER, "Repair café", 8, date(2022, 3, 1), None),
    ("Annie Couderc", StaffKind.VOLUNTEER, "Aide à la cyber-base", 12, date(2022, 9, 1), None),
    ("Bernard Roques", StaffKind.VOLUNTEER, "Repair café", 6, date(2023, 2, 1), None),
    ("Pauline Garrigue", StaffKind.VOLUNTEER, "Couture et broderie", 6, date(2024, 1, 8), None),
    ("Gérard Salgues", StaffKind.VOLUNTEER, "Trésorier", 10, date(2021, 9, 1), None),
    (
        "Marie Lavergne",
        StaffKind.VOLUNTEER,
        "Ateliers enfants",
        4,
        date(2023, 9, 1),
        date(2025, 6, 30),
    ),
)


def add_indicators(session: Session, seed: int, actor: int | None) -> None:
    """Gender and situation of the demo's persons; the staff and volunteers."""
    rng = random.Random(seed)
    female = set(data_people.FIRST_NAMES_F)
    male = set(data_people.FIRST_NAMES_M)
    year = REFERENCE_DATE.year
    rows = session.execute(
        select(Member.id, Member.first_name, Member.birth_year, Member.age_band)
        .where(Member.kind == "person")
        .order_by(Member.id)
    ).all()
    values = []
    for member_id, first_name, birth_year, band in rows:
        gender: str | None = (
            "female" if first_name in female else "male" if first_name in male else "other"
        )
        if rng.random() < UNKNOWN_SHARE:
            gender = None
        age = year - birth_year if birth_year else _age_of_band(band)
        situation = _situation(rng, age) if rng.random() >= UNKNOWN_SHARE else None
        values.append({"id": member_id, "gender": gender, "situation": situation})
    if values:
        update_by_id(session, Member, values)
    for name, kind, role, hours, start, end in STAFF:
        data = StaffInput(name, kind, hours, start, end, role)
        save_staff_in(session, actor, data)


def _age_of_band(band: str | None) -> int | None:
    return {
        "under_12": 10,
        "12_17": 15,
        "18_25": 22,
        "26_39": 33,
        "40_59": 50,
        "60_plus": 67,
    }.get(band or "")


def _situation(rng: random.Random, age: int | None) -> str:
    if age is None:
        return rng.choice(("employed", "job_seeker", "retired", "other"))
    if age < 18:
        return "pupil"
    if age < 26:
        return rng.choices(("student", "employed", "job_seeker"), (5, 3, 2))[0]
    if age < 62:
        return rng.choices(("employed", "job_seeker", "other"), (65, 22, 13))[0]
    return rng.choices(("retired", "employed", "other"), (88, 7, 5))[0]
