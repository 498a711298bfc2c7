"""The words of an import: the importers return keys and codes (``services.imports``),
the wizard names them here in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.services.imports.base import Action, LineError
from tierslieu_desktop.ui.errors import field_message


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


def _fallback_fields() -> dict[str, str]:
    return {
        "kind": QCoreApplication.translate("ImportWords", "Kind (person or organisation)"),
        "number": QCoreApplication.translate("ImportWords", "Member number"),
        "last_name": QCoreApplication.translate("ImportWords", "Last name"),
        "first_name": QCoreApplication.translate("ImportWords", "First name"),
        "name": QCoreApplication.translate("ImportWords", "Name"),
        "email": QCoreApplication.translate("ImportWords", "Email"),
        "phone": QCoreApplication.translate("ImportWords", "Phone"),
        "address": QCoreApplication.translate("ImportWords", "Address"),
        "postcode": QCoreApplication.translate("ImportWords", "Postcode"),
        "city": QCoreApplication.translate("ImportWords", "Commune"),
        "birth_date": QCoreApplication.translate("ImportWords", "Date of birth"),
        "birth_year": QCoreApplication.translate("ImportWords", "Birth year"),
        "gender": QCoreApplication.translate("ImportWords", "Gender"),
        "audience": QCoreApplication.translate("ImportWords", "Public"),
        "organisation": QCoreApplication.translate("ImportWords", "Organisation"),
        "notes": QCoreApplication.translate("ImportWords", "Notes"),
        "membership_start": QCoreApplication.translate("ImportWords", "Membership start"),
        "membership_end": QCoreApplication.translate("ImportWords", "Membership end"),
        "membership_amount": QCoreApplication.translate("ImportWords", "Membership amount"),
        "amount": QCoreApplication.translate("ImportWords", "Amount"),
        "space": QCoreApplication.translate("ImportWords", "Space"),
        "category": QCoreApplication.translate("ImportWords", "Category"),
    }


def field_label(key: str, lang: str = "fr") -> str:
    """The name of an importer's field (``FieldSpec.key``) as the user reads it; ""
    names the whole line."""
    if not key:
        return QCoreApplication.translate("ImportWords", "Line")
    try:  # the importers' own words, when they ship them
        from tierslieu_desktop.i18n import imports as words

        named = str(words.field_name(key, lang))
        if named:
            return named
    except (ImportError, AttributeError, KeyError):
        pass
    return _fallback_fields().get(key, key)


def _fallback_codes() -> dict[str, str]:
    return {
        "required": QCoreApplication.translate("ImportWords", "missing"),
        "invalid_email": QCoreApplication.translate("ImportWords", "not a valid email address"),
        "invalid_date": QCoreApplication.translate("ImportWords", "not a date"),
        "invalid_number": QCoreApplication.translate("ImportWords", "not a number"),
        "invalid_amount": QCoreApplication.translate("ImportWords", "not an amount"),
        "invalid_choice": QCoreApplication.translate(
            "ImportWords", "not one of the accepted values"
        ),
        "too_long": QCoreApplication.translate("ImportWords", "too long"),
        "duplicate_in_file": QCoreApplication.translate(
            "ImportWords", "the same record is on another line of the file"
        ),
    }


def error_text(err: LineError, lang: str = "fr") -> str:
    """Why a line is refused, naming the line and the field: "Line 12, field “Email”:
    not a valid email address (“jean@”)"."""
    try:
        from tierslieu_desktop.i18n import imports as words

        text = str(words.line_error_text(err, lang))
        if text:
            return text
    except (ImportError, AttributeError, KeyError):
        pass
    reason = _fallback_codes().get(err.code) or field_message(err.code, err.field)
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


def reason_label(reason: str) -> str:
    """Why a line is taken for an existing record."""
    reasons = {
        "email": QCoreApplication.translate("ImportWords", "same email"),
        "name_birth_year": QCoreApplication.translate("ImportWords", "same name and birth year"),
        "name_commune": QCoreApplication.translate("ImportWords", "same name and commune"),
        "name": QCoreApplication.translate("ImportWords", "same name"),
        # the machines and class-list importers (services.imports.machines, .registrations)
        "name_space": QCoreApplication.translate("ImportWords", "same name in the same space"),
        "already_registered": QCoreApplication.translate(
            "ImportWords", "already registered for this session"
        ),
    }
    return reasons.get(reason, reason)
