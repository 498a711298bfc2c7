"""Translated labels of the activity enumerations (kinds of activity, attendance,
registration states, cyber-base drop-in kinds and purposes).

Values are stored, labels are shown. Age bands: ``tierslieu_desktop.ui.labels.age_band_labels``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.domain.enums import (
    ActivityKind,
    Attendance,
    DropInKind,
    DropInPurpose,
    RegistrationStatus,
)


def activity_kind_labels() -> dict[ActivityKind, str]:
    return {
        ActivityKind.MACHINE_TRAINING: QCoreApplication.translate(
            "ActivityLabels", "Machine training"
        ),
        ActivityKind.DIGITAL_WORKSHOP: QCoreApplication.translate(
            "ActivityLabels", "Digital inclusion workshop"
        ),
        ActivityKind.OPEN_LAB: QCoreApplication.translate("ActivityLabels", "Open lab"),
        ActivityKind.SCHOOL_VISIT: QCoreApplication.translate("ActivityLabels", "School visit"),
        ActivityKind.REPAIR_CAFE: QCoreApplication.translate("ActivityLabels", "Repair café"),
        ActivityKind.EVENT: QCoreApplication.translate("ActivityLabels", "Event"),
    }


def attendance_labels() -> dict[Attendance, str]:
    return {
        Attendance.PRESENT: QCoreApplication.translate("ActivityLabels", "present"),
        Attendance.ABSENT: QCoreApplication.translate("ActivityLabels", "absent"),
        Attendance.EXCUSED: QCoreApplication.translate("ActivityLabels", "excused"),
    }


def registration_status_labels() -> dict[RegistrationStatus, str]:
    return {
        RegistrationStatus.REGISTERED: QCoreApplication.translate("ActivityLabels", "registered"),
        RegistrationStatus.WAITING: QCoreApplication.translate("ActivityLabels", "waiting list"),
        RegistrationStatus.CANCELLED: QCoreApplication.translate("ActivityLabels", "cancelled"),
    }


def drop_in_purpose_labels() -> dict[DropInPurpose, str]:
    return {
        DropInPurpose.ADMIN: QCoreApplication.translate(
            "ActivityLabels", "Administrative procedures"
        ),
        DropInPurpose.EMPLOYMENT: QCoreApplication.translate("ActivityLabels", "Employment"),
        DropInPurpose.OFFICE: QCoreApplication.translate("ActivityLabels", "Office software"),
        DropInPurpose.PRINT_SCAN: QCoreApplication.translate(
            "ActivityLabels", "Printing / scanning"
        ),
        DropInPurpose.LEISURE: QCoreApplication.translate("ActivityLabels", "Leisure"),
        DropInPurpose.OTHER: QCoreApplication.translate("ActivityLabels", "Other"),
    }


def drop_in_kind_labels() -> dict[DropInKind, str]:
    return {
        DropInKind.VISIT: QCoreApplication.translate("ActivityLabels", "Drop-in visit"),
        DropInKind.HELP: QCoreApplication.translate("ActivityLabels", "Individual support"),
    }
