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


class Gender(StrEnum):
    """A member's gender, optional (None: « non renseigné »), for the funders' tables."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Situation(StrEnum):
    """A member's situation, optional (None: « non renseigné »). The set is the one the
    French funders' activity reports share: the Conseillers numériques / France Services
    activity report (ANCT: scolarisé, sans emploi, en emploi, retraité), the INSEE
    "situation principale" (emploi, chômage, retraite, études, autre inactivité) and the
    Conseil départemental's insertion tables (demandeur d'emploi apart), with pupils and
    students apart because the youth and school funders count them separately."""

    PUPIL = "pupil"  # scolaire (école, collège, lycée)
    STUDENT = "student"  # étudiant, apprenti en formation
    EMPLOYED = "employed"  # en emploi (salarié, indépendant)
    JOB_SEEKER = "job_seeker"  # demandeur d'emploi, sans emploi
    RETIRED = "retired"  # retraité
    OTHER = "other"  # autre inactif (au foyer, congé, invalidité…)


class StaffKind(StrEnum):
    """Who runs the lab: staff, volunteers, civic service (annual report's head-count)."""

    EMPLOYEE = "employee"  # salarié
    VOLUNTEER = "volunteer"  # bénévole
    CIVIC_SERVICE = "civic_service"  # volontaire en service civique


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
