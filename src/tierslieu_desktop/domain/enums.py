"""Enumerations of the domain. Values are stored in the database: never rename a value."""

from __future__ import annotations

from enum import StrEnum


class MemberKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class OrganisationType(StrEnum):
    COMPANY = "company"
    ASSOCIATION = "association"
    SCHOOL = "school"
    PUBLIC_BODY = "public_body"
    OTHER = "other"


class AgeBand(StrEnum):
    UNDER_12 = "under_12"
    AGE_12_17 = "12_17"
    AGE_18_25 = "18_25"
    AGE_26_39 = "26_39"
    AGE_40_59 = "40_59"
    AGE_60_PLUS = "60_plus"


MINOR_AGE_BANDS = frozenset({AgeBand.UNDER_12, AgeBand.AGE_12_17})


class MachineStatus(StrEnum):
    AVAILABLE = "available"
    MAINTENANCE = "maintenance"
    OUT_OF_ORDER = "out_of_order"


class VatRegime(StrEnum):
    LIABLE = "liable"  # assujetti à la TVA
    FRANCHISE = "franchise"  # franchise en base, art. 293 B du CGI
    EXEMPT_NON_PROFIT = "exempt_non_profit"  # association, art. 261-7-1° du CGI


class SpaceKind(StrEnum):
    FABLAB = "fablab"
    COWORKING = "coworking"
    MEETING_ROOM = "meeting_room"
    CYBERBASE = "cyberbase"
    OFFICE = "office"
    OTHER = "other"


class ActivityKind(StrEnum):
    MACHINE_TRAINING = "machine_training"
    DIGITAL_WORKSHOP = "digital_workshop"
    OPEN_LAB = "open_lab"
    SCHOOL_VISIT = "school_visit"
    REPAIR_CAFE = "repair_cafe"
    EVENT = "event"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    CANCELLED = "cancelled"


class RegistrationStatus(StrEnum):
    REGISTERED = "registered"
    WAITING = "waiting"
    CANCELLED = "cancelled"


class Attendance(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class DropInKind(StrEnum):
    VISIT = "visit"  # a drop-in visit
    HELP = "help"  # accompagnement individuel


class DropInPurpose(StrEnum):
    ADMIN = "admin"  # démarches administratives
    EMPLOYMENT = "employment"  # emploi
    OFFICE = "office"  # bureautique
    PRINT_SCAN = "print_scan"  # impression / scan
    LEISURE = "leisure"  # loisirs
    OTHER = "other"  # autre
