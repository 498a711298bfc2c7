"""Translated labels of the domain enumerations (values are stored, labels are shown)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.domain.enums import (
    AgeBand,
    Gender,
    OrganisationType,
    Situation,
    StaffKind,
    VatRegime,
)

if TYPE_CHECKING:  # not imported at start (the window is shown before SQLAlchemy is)
    from tierslieu_desktop.services.common import Database
    from tierslieu_desktop.services.people.members import MemberHint


def label_of(labels: Mapping[Any, str], value: str) -> str:
    """The label of a stored value (the value itself when it has none)."""
    return labels.get(value, value)


def age_band_labels() -> dict[AgeBand, str]:
    return {
        AgeBand.UNDER_12: QCoreApplication.translate("Labels", "Under 12"),
        AgeBand.AGE_12_17: QCoreApplication.translate("Labels", "12 to 17"),
        AgeBand.AGE_18_25: QCoreApplication.translate("Labels", "18 to 25"),
        AgeBand.AGE_26_39: QCoreApplication.translate("Labels", "26 to 39"),
        AgeBand.AGE_40_59: QCoreApplication.translate("Labels", "40 to 59"),
        AgeBand.AGE_60_PLUS: QCoreApplication.translate("Labels", "60 and over"),
    }


def gender_labels() -> dict[Gender, str]:
    return {
        Gender.FEMALE: QCoreApplication.translate("Labels", "Woman"),
        Gender.MALE: QCoreApplication.translate("Labels", "Man"),
        Gender.OTHER: QCoreApplication.translate("Labels", "Other"),
    }


def situation_labels() -> dict[Situation, str]:
    return {
        Situation.PUPIL: QCoreApplication.translate("Labels", "Pupil (school)"),
        Situation.STUDENT: QCoreApplication.translate("Labels", "Student"),
        Situation.EMPLOYED: QCoreApplication.translate("Labels", "In employment"),
        Situation.JOB_SEEKER: QCoreApplication.translate("Labels", "Job seeker"),
        Situation.RETIRED: QCoreApplication.translate("Labels", "Retired"),
        Situation.OTHER: QCoreApplication.translate("Labels", "Other situation"),
    }


def staff_kind_labels() -> dict[StaffKind, str]:
    return {
        StaffKind.EMPLOYEE: QCoreApplication.translate("Labels", "Employee"),
        StaffKind.VOLUNTEER: QCoreApplication.translate("Labels", "Volunteer"),
        StaffKind.CIVIC_SERVICE: QCoreApplication.translate("Labels", "Civic service"),
    }


def organisation_type_labels() -> dict[OrganisationType, str]:
    return {
        OrganisationType.COMPANY: QCoreApplication.translate("Labels", "Company"),
        OrganisationType.ASSOCIATION: QCoreApplication.translate("Labels", "Association"),
        OrganisationType.SCHOOL: QCoreApplication.translate("Labels", "School or college"),
        OrganisationType.PUBLIC_BODY: QCoreApplication.translate("Labels", "Public body"),
        OrganisationType.OTHER: QCoreApplication.translate("Labels", "Other"),
    }


def vat_regime_labels() -> dict[VatRegime, str]:
    return {
        VatRegime.EXEMPT_NON_PROFIT: QCoreApplication.translate(
            "Labels", "Non-profit association, not liable to VAT (CGI art. 261-7-1°)"
        ),
        VatRegime.FRANCHISE: QCoreApplication.translate("Labels", "VAT franchise (CGI art. 293 B)"),
        VatRegime.LIABLE: QCoreApplication.translate("Labels", "Liable to VAT"),
    }


def booking_status_labels() -> dict[str, str]:
    """Booking states as words (réservée → en cours → terminée, annulée, absent)."""
    return {
        "booked": QCoreApplication.translate("Labels", "booked"),
        "in_progress": QCoreApplication.translate("Labels", "in progress"),
        "done": QCoreApplication.translate("Labels", "done"),
        "cancelled": QCoreApplication.translate("Labels", "cancelled"),
        "no_show": QCoreApplication.translate("Labels", "no-show"),
    }


def machine_status_text(status: str) -> str:
    """A machine's state inside a sentence ("it is in maintenance")."""
    return {
        "available": QCoreApplication.translate("Labels", "available"),
        "maintenance": QCoreApplication.translate("Labels", "in maintenance"),
        "out_of_order": QCoreApplication.translate("Labels", "out of order"),
    }.get(status, status)


def homonym_label(name: str, hint: MemberHint) -> str:
    """ "CASTAGNÉ Lucie (A00012 · Figeac · 1984)": the number, then what else is known."""
    parts = [hint.number, hint.city, str(hint.birth_year) if hint.birth_year else ""]
    return f"{name} ({' · '.join(p for p in parts if p)})"


def told_apart(db: Database, people: Iterable[tuple[int | None, str]]) -> dict[int, str]:
    """Member id → the name to show: the name itself, or with what tells it apart when
    another member (of the list or of the base) bears the same name (Accueil,
    À encaisser, the baskets).
    One place for every list that names members: each shows the same words."""
    people = list(people)
    ids_by_name: dict[str, set[int]] = {}
    for member_id, name in people:
        if member_id is not None:
            ids_by_name.setdefault(name.strip().casefold(), set()).add(member_id)
    from tierslieu_desktop.services.people.members import homonyms_among, member_hints

    colliding = {i for ids in ids_by_name.values() if len(ids) > 1 for i in ids}
    # a homonym elsewhere in the base too: the one shown may not be the one meant
    colliding |= homonyms_among(db, {i for i, _n in people if i is not None} - colliding)
    hints = member_hints(db, colliding)
    labels: dict[int, str] = {}
    for member_id, name in people:
        if member_id is None:
            continue
        hint = hints.get(member_id)
        labels[member_id] = homonym_label(name, hint) if hint else name
    return labels
