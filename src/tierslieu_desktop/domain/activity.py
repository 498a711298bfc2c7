"""The workshops, trainings and cyber-base in plain data: the attendance sheet of a
session and the activity figures of a period, as ``services.activity`` computes them and
the renderers (``reports``: the attendance sheet and the annual report) print them, with
the French words of the activity codes. Frozen dataclasses, no database.

The figures' definitions are in ``services.activity.figures``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from tierslieu_desktop.domain.enums import ActivityKind, AgeBand, DropInPurpose

# A breakdown's key: a stored code (kind, purpose, age band), an audience id or a
# commune's name; None when not known ("Non renseigné").
Key = str | int | None

# The French words of the codes, for the documents and the exports (always French).
FRENCH: dict[str, dict[str, str]] = {
    "kind": {
        ActivityKind.MACHINE_TRAINING: "Formation machine",
        ActivityKind.DIGITAL_WORKSHOP: "Atelier de médiation numérique",
        ActivityKind.OPEN_LAB: "Open lab",
        ActivityKind.SCHOOL_VISIT: "Visite scolaire",
        ActivityKind.REPAIR_CAFE: "Repair café",
        ActivityKind.EVENT: "Événement",
    },
    "purpose": {
        DropInPurpose.ADMIN: "Démarches administratives",
        DropInPurpose.EMPLOYMENT: "Emploi",
        DropInPurpose.OFFICE: "Bureautique",
        DropInPurpose.PRINT_SCAN: "Impression / scan",
        DropInPurpose.LEISURE: "Loisirs",
        DropInPurpose.OTHER: "Autre",
    },
    "age_band": {
        AgeBand.UNDER_12: "Moins de 12 ans",
        AgeBand.AGE_12_17: "12 à 17 ans",
        AgeBand.AGE_18_25: "18 à 25 ans",
        AgeBand.AGE_26_39: "26 à 39 ans",
        AgeBand.AGE_40_59: "40 à 59 ans",
        AgeBand.AGE_60_PLUS: "60 ans et plus",
    },
}


# --------------------------------------------------------------------------- attendance


@dataclass(frozen=True)
class AttendanceLine:
    name: str
    detail: str  # a group's responsible
    headcount: int
    attendance: str | None
    is_group: bool = False


@dataclass(frozen=True)
class AttendanceSheet:
    """Plain data of the printed attendance sheet (émargement)."""

    structure_name: str
    structure_city: str
    activity_name: str
    kind: str
    start_at: datetime
    end_at: datetime
    space_name: str
    trainer: str
    capacity: int
    lines: tuple[AttendanceLine, ...]
    waiting: tuple[AttendanceLine, ...] = field(default=())


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class FigureLine:
    """Participants and participant-minutes of one key of a breakdown."""

    key: Key
    name: str  # an audience's name, a commune; "" for a code (the UI translates it)
    participants: int
    minutes: int
    sessions: int = 0  # only in ``by_kind``: sessions of that kind


@dataclass(frozen=True)
class DropInLine:
    key: Key
    name: str
    visits: int
    helps: int
    minutes: int
    vouchers: int

    @property
    def total(self) -> int:
        return self.visits + self.helps


@dataclass(frozen=True)
class ActivityFigures:
    first_day: date
    last_day: date
    sessions: int
    registered: int  # seats taken by the registered (head-counts)
    participants: int
    participant_minutes: int
    ticked_people: int  # the basis of the attendance rate
    attendance_bp: int | None  # participants ÷ ticked_people, basis points (rounded down)
    by_kind: tuple[FigureLine, ...]
    by_audience: tuple[FigureLine, ...]
    by_age_band: tuple[FigureLine, ...]
    by_commune: tuple[FigureLine, ...]
    visits: int
    helps: int
    drop_in_minutes: int
    vouchers: int
    drop_ins_by_purpose: tuple[DropInLine, ...]
    drop_ins_by_audience: tuple[DropInLine, ...]
    drop_ins_by_age_band: tuple[DropInLine, ...]
    drop_ins_by_commune: tuple[DropInLine, ...]
    # the national model's breakdowns (issue 22): dimension ("theme", "age_range", …,
    # services.activity.figures.NATIONAL_DIMENSIONS) → lines; themes and equipment count
    # a drop-in once per value
    drop_ins_by: Mapping[str, tuple[DropInLine, ...]] = field(default_factory=dict)

    @property
    def drop_ins(self) -> int:
        return self.visits + self.helps
