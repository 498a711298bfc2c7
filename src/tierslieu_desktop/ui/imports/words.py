"""The words of an import: the importers return keys and codes (``services.imports``),
the wizard names them here in the interface's language — the members' fields, codes and
duplicate reasons with ``i18n.imports`` (the CLI's words too), the machines' and the class
list's with tr()."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.i18n import imports as words
from tierslieu_desktop.services.imports.base import Action, LineError
from tierslieu_desktop.ui.errors import field_message

PRICE_PREFIX = "price:"  # services.imports.machines: a public's hourly price


def action_label(action: Action) -> str:
    labels = {
        Action.CREATE: QCoreApplication.translate("ImportWords", "Create"),
        Action.MERGE: QCoreApplication.translate("ImportWords", "Merge"),
        Action.SKIP: QCoreApplication.translate("ImportWords", "Skip"),
        Action.REFUSED: QCoreApplication.translate("ImportWords", "Refused"),
    }
    return labels[action]


def decision_label(action: Action) -> str:
    """What the user chooses for a line that duplicates an existing record."""
    labels = {
        Action.MERGE: QCoreApplication.translate("ImportWords", "Merge"),
        Action.SKIP: QCoreApplication.translate("ImportWords", "Skip"),
        Action.CREATE: QCoreApplication.translate("ImportWords", "Create anyway"),
    }
    return labels.get(action, action_label(action))


DECISIONS = (Action.MERGE, Action.SKIP, Action.CREATE)


def _other_fields() -> dict[str, str]:
    """The fields of the machines and class-list importers (``i18n.imports`` names the
    members' fields)."""
    return {
        "name": QCoreApplication.translate("ImportWords", "Name"),
        "space": QCoreApplication.translate("ImportWords", "Space"),
        "category": QCoreApplication.translate("ImportWords", "Category"),
        "make": QCoreApplication.translate("ImportWords", "Make"),
        "model": QCoreApplication.translate("ImportWords", "Model"),
        "serial_number": QCoreApplication.translate("ImportWords", "Serial number"),
        "description": QCoreApplication.translate("ImportWords", "Description"),
        "authorization_required": QCoreApplication.translate(
            "ImportWords", "Authorization required"
        ),
        "purchase_date": QCoreApplication.translate("ImportWords", "Purchase date"),
        "purchase_value": QCoreApplication.translate("ImportWords", "Purchase value"),
        "funded_by": QCoreApplication.translate("ImportWords", "Funded by"),
        "slot_step": QCoreApplication.translate("ImportWords", "Booking step (min)"),
        "min_duration": QCoreApplication.translate("ImportWords", "Shortest booking (min)"),
        "max_duration": QCoreApplication.translate("ImportWords", "Longest booking (min)"),
        "buffer": QCoreApplication.translate("ImportWords", "Gap between bookings (min)"),
        "max_advance": QCoreApplication.translate("ImportWords", "Booked ahead at most (days)"),
        "price": QCoreApplication.translate("ImportWords", "Hourly price"),
    }


def _language(lang: str) -> str:
    return lang if lang in words.LANGUAGES else "fr"


def field_label(key: str, lang: str = "fr") -> str:
    """The name of an importer's field (``FieldSpec.key``) as the user reads it; ""
    names the whole line."""
    if not key:
        return QCoreApplication.translate("ImportWords", "Line")
    if key.startswith(PRICE_PREFIX):  # a machine's hourly price for one public
        return QCoreApplication.translate("ImportWords", "Hourly price: {public}").format(
            public=key.removeprefix(PRICE_PREFIX)
        )
    if key in words.FIELD_NAMES[_language(lang)]:
        return words.field_name(key, lang)
    return _other_fields().get(key, key)


def _other_codes() -> dict[str, str]:
    """The codes of the machines and class-list importers (``i18n.imports`` words the
    members' codes; the fields' own checks are worded by ``ui.errors.field_message``)."""
    return {
        "name_taken": QCoreApplication.translate("ImportWords", "this name is already taken"),
        "unknown_space": QCoreApplication.translate(
            "ImportWords", "no space of this name: create it first in Machines & spaces"
        ),
        "session_full": QCoreApplication.translate("ImportWords", "the session is full"),
        "session_cancelled": QCoreApplication.translate("ImportWords", "the session is cancelled"),
        "already_registered": QCoreApplication.translate("ImportWords", "already registered"),
        "group_already_registered": QCoreApplication.translate(
            "ImportWords", "the group is already registered"
        ),
    }


def error_text(err: LineError, lang: str = "fr") -> str:
    """Why a line is refused, naming the line and the field: "Ligne 12, champ « E-mail » :
    adresse invalide (« lucie@ »)"."""
    if err.code in words.ERRORS[_language(lang)] and err.code not in _other_codes():
        return words.line_error_text(err, lang)
    reason = _other_codes().get(err.code) or field_message(err.code, err.field)
    if err.value:
        reason += " " + QCoreApplication.translate("ImportWords", "(“{value}”)").format(
            value=err.value
        )
    if not err.field:
        return QCoreApplication.translate("ImportWords", "Line {line}: {reason}").format(
            line=err.line, reason=reason
        )
    return QCoreApplication.translate(
        "ImportWords", "Line {line}, field “{field}”: {reason}"
    ).format(line=err.line, field=field_label(err.field, lang), reason=reason)


def reason_label(reason: str, lang: str = "fr") -> str:
    """Why a line is taken for an existing record."""
    if reason in words.DUPLICATE_REASONS[_language(lang)]:
        return words.duplicate_reason_text(reason, lang)
    reasons = {
        "name_space": QCoreApplication.translate("ImportWords", "same name in the same space"),
        "already_registered": QCoreApplication.translate("ImportWords", "already registered"),
    }
    return reasons.get(reason, reason)
