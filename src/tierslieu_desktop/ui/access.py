"""What the window shows of what the logged-in operator may do (issue 19 point 1).

The services refuse anyway (``services.access.guarded``); the window only hides, or
disables with a tooltip, what would be refused. ``allowed`` reads the permission matrix
(``domain.permissions``) for the operator logged in on the context's database; nobody
logged in (a page's tests, the demo builder) is allowed everything, as in the services.
``follow_permission`` keeps a button right after a desk switch (Ctrl+L, another login)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from tierslieu_desktop.domain.permissions import ROLE_ORDER, Permission, Principal, Role

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from tierslieu_desktop.ui.context import AppContext

# The pages of the sidebar and the permissions that open them (any one of them).
PAGE_PERMISSIONS: dict[str, frozenset[Permission] | None] = {
    "home": None,  # everyone: the day at the desk
    "members": frozenset({Permission.MEMBERS}),
    "machines": frozenset({Permission.PARK, Permission.MAINTENANCE}),
    "bookings": frozenset({Permission.BOOKINGS}),
    "activity": frozenset({Permission.ACTIVITY, Permission.CYBERBASE}),
    "checkout": frozenset({Permission.CHECKOUT, Permission.INVOICES}),
    "finances": frozenset({Permission.FINANCES}),
    "reports": frozenset({Permission.REPORTS, Permission.EXPORTS}),
    "settings": None,  # everyone: at least their own password and the language
}


def principal_allows(principal: Principal | None, permission: Permission) -> bool:
    return principal is None or principal.can(permission)


def allowed(ctx: AppContext, permission: Permission) -> bool:
    """Whether the operator logged in at this desk may do what ``permission`` guards."""
    return principal_allows(ctx.db.principal, permission)


def page_allowed(ctx: AppContext, key: str) -> bool:
    needed = PAGE_PERMISSIONS.get(key)
    return needed is None or any(allowed(ctx, p) for p in needed)


def role_labels() -> dict[Role, str]:
    return {
        Role.ADMIN: QCoreApplication.translate("Access", "Administration"),
        Role.ACCUEIL: QCoreApplication.translate("Access", "Front desk"),
        Role.MEDIATION: QCoreApplication.translate("Access", "Digital mediation"),
        Role.TRESORERIE: QCoreApplication.translate("Access", "Treasury"),
    }


def roles_words(roles: frozenset[Role] | set[Role]) -> str:
    """« Accueil, Trésorerie », in the matrix's order."""
    labels = role_labels()
    return ", ".join(labels[r] for r in ROLE_ORDER if r in roles)


def refused_tip() -> str:
    return QCoreApplication.translate(
        "Access", "Your account does not allow this: ask an administrator."
    )


def follow_permission(
    ctx: AppContext,
    target: QWidget | QAction,
    permission: Permission,
    *,
    hide: bool = False,
) -> None:
    """Disable (with a tooltip saying why) or hide ``target`` while the logged-in operator
    lacks ``permission``; again after each login. A button the page itself enables and
    disables (by the selection) is hidden instead: ``hide=True``."""
    own_tip = target.toolTip()

    def apply() -> None:
        if not isValid(target):  # a page dropped by a restore
            return
        ok = allowed(ctx, permission)
        if hide:  # only hidden: the page keeps enabling it as it did
            target.setVisible(ok)
            return
        target.setEnabled(ok)
        target.setToolTip(own_tip if ok else refused_tip())

    apply()
    ctx.principal_changed.connect(apply)


def permission_words() -> dict[Permission, str]:
    """What each permission allows, as the end of « … ne permet pas : … »."""
    return {
        Permission.MEMBERS: QCoreApplication.translate("Access", "manage the members"),
        Permission.BOOKINGS: QCoreApplication.translate(
            "Access", "manage the bookings and the machines' use"
        ),
        Permission.CHECKOUT: QCoreApplication.translate("Access", "take payments at the desk"),
        Permission.MAINTENANCE: QCoreApplication.translate(
            "Access", "record the machines' maintenance"
        ),
        Permission.ACTIVITY: QCoreApplication.translate(
            "Access", "manage the activities and sessions"
        ),
        Permission.CYBERBASE: QCoreApplication.translate("Access", "record the cyber-base visits"),
        Permission.INVOICES: QCoreApplication.translate("Access", "manage the invoices"),
        Permission.CREDIT_NOTES: QCoreApplication.translate("Access", "issue a credit note"),
        Permission.CLOSINGS: QCoreApplication.translate("Access", "close a period"),
        Permission.FINANCES: QCoreApplication.translate("Access", "manage the finances"),
        Permission.REPORTS: QCoreApplication.translate("Access", "produce the reports"),
        Permission.EXPORTS: QCoreApplication.translate(
            "Access", "export the accounts and the tables"
        ),
        Permission.TARIFFS: QCoreApplication.translate("Access", "change the prices"),
        Permission.PARK: QCoreApplication.translate("Access", "change the machines and spaces"),
        Permission.SETTINGS: QCoreApplication.translate("Access", "change the settings"),
        Permission.OPERATORS: QCoreApplication.translate("Access", "manage the accounts"),
        Permission.IMPORTS: QCoreApplication.translate("Access", "import files"),
        Permission.BACKUPS: QCoreApplication.translate("Access", "manage the backups"),
        Permission.PERSONAL_DATA: QCoreApplication.translate(
            "Access", "handle the members' personal data"
        ),
    }


def not_permitted_text(err: object) -> str:
    """« Le compte « Lucie » ne permet pas : émettre un avoir. » for a service's refusal."""
    params = getattr(err, "params", {}) or {}
    try:
        what = permission_words()[Permission(str(params.get("permission")))]
    except ValueError:
        what = QCoreApplication.translate("Access", "do this")
    return QCoreApplication.translate(
        "Access", "The account “{name}” does not allow you to: {what}. Ask an administrator."
    ).format(name=params.get("operator", ""), what=what)
