"""The words of an import: the importers return keys and codes (``services.imports``);
their fields, codes and duplicate reasons are worded by ``i18n.imports`` (the CLI's words
too, in the interface's language), the wizard's own actions and choices here with tr()."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.i18n import imports as words
from tierslieu_desktop.services.imports.base import Action, LineError


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


def field_label(key: str, lang: str = "fr") -> str:
    """The name of an importer's field (``FieldSpec.key``) as the user reads it; ""
    names the whole line."""
    if not key:
        return QCoreApplication.translate("ImportWords", "Line")
    return words.field_name(key, lang)


def error_text(err: LineError, lang: str = "fr") -> str:
    """Why a line is refused, naming the line and the field: "Ligne 12, champ « E-mail » :
    adresse invalide (« lucie@ »)"."""
    return words.line_error_text(err, lang)


def reason_label(reason: str, lang: str = "fr") -> str:
    """Why a line is taken for an existing record ("même e-mail")."""
    return words.duplicate_reason_text(reason, lang)
