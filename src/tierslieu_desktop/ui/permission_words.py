"""The roles and permissions of operator accounts in the window's language (Qt's ``tr()``):
the refusal of a service (``DomainError("not_permitted")``) names the account's roles and
what it asked in words (« Votre compte (Accueil) ne permet pas : émettre un avoir. »).
The command line's words are ``i18n/permissions.py``."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.domain.permissions import ROLE_ORDER, Permission, Role, parse_roles


def role_label(role: Role) -> str:
    labels = {
        Role.ACCUEIL: QCoreApplication.translate("Permissions", "Front desk"),
        Role.MEDIATION: QCoreApplication.translate("Permissions", "Digital mediation"),
        Role.TRESORERIE: QCoreApplication.translate("Permissions", "Treasury"),
        Role.ADMIN: QCoreApplication.translate("Permissions", "Administration"),
    }
    return labels[role]


def roles_label(roles: Iterable[Role]) -> str:
    """An account's roles in the matrix's order, comma-separated."""
    held = set(roles)
    words = [role_label(r) for r in ROLE_ORDER if r in held]
    return ", ".join(words) or QCoreApplication.translate("Permissions", "no role")


def action_label(permission: Permission) -> str:
    """What ``permission`` allows, as an action (« émettre un avoir »)."""
    labels = {
        Permission.MEMBERS: QCoreApplication.translate(
            "Permissions", "manage members and their memberships"
        ),
        Permission.BOOKINGS: QCoreApplication.translate(
            "Permissions", "book machines and record their use"
        ),
        Permission.CHECKOUT: QCoreApplication.translate("Permissions", "take payments at the desk"),
        Permission.MAINTENANCE: QCoreApplication.translate(
            "Permissions", "follow machine maintenance"
        ),
        Permission.ACTIVITY: QCoreApplication.translate(
            "Permissions", "manage workshops and registrations"
        ),
        Permission.CYBERBASE: QCoreApplication.translate("Permissions", "keep the cyber-base log"),
        Permission.INVOICES: QCoreApplication.translate(
            "Permissions", "invoice and follow payments"
        ),
        Permission.CREDIT_NOTES: QCoreApplication.translate("Permissions", "issue a credit note"),
        Permission.CLOSINGS: QCoreApplication.translate("Permissions", "close a period"),
        Permission.FINANCES: QCoreApplication.translate(
            "Permissions", "see and change the finances"
        ),
        Permission.REPORTS: QCoreApplication.translate("Permissions", "produce the reports"),
        Permission.EXPORTS: QCoreApplication.translate(
            "Permissions", "export the accounts and tables"
        ),
        Permission.TARIFFS: QCoreApplication.translate("Permissions", "change the prices"),
        Permission.PARK: QCoreApplication.translate("Permissions", "manage machines and spaces"),
        Permission.SETTINGS: QCoreApplication.translate(
            "Permissions", "change the structure's settings"
        ),
        Permission.OPERATORS: QCoreApplication.translate("Permissions", "manage the accounts"),
        Permission.IMPORTS: QCoreApplication.translate("Permissions", "import files"),
        Permission.BACKUPS: QCoreApplication.translate(
            "Permissions", "back up and restore the database"
        ),
        Permission.PERSONAL_DATA: QCoreApplication.translate(
            "Permissions", "handle members' personal data"
        ),
    }
    return labels[permission]


def refusal(params: dict[str, object]) -> str:
    """The sentence of a ``not_permitted`` refusal from its params (``permission``,
    ``roles`` as stored: "accueil,tresorerie")."""
    try:
        action = action_label(Permission(str(params.get("permission", ""))))
    except ValueError:
        action = str(params.get("permission", ""))
    roles = roles_label(parse_roles(str(params.get("roles", ""))))
    return QCoreApplication.translate(
        "Errors", "Your account ({roles}) does not allow: {action}."
    ).format(roles=roles, action=action)
