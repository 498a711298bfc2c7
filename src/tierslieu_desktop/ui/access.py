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
    """The roles' names in the window's language (one wording: ``ui/permission_words``)."""
    from tierslieu_desktop.ui.permission_words import role_label

    return {role: role_label(role) for role in ROLE_ORDER}


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
            if ok and isinstance(target, QWidget) and target.parentWidget() is None:
                return  # not in its layout yet: shown now, it would be a window of its own
            target.setVisible(ok)
            return
        target.setEnabled(ok)
        target.setToolTip(own_tip if ok else refused_tip())

    apply()
    ctx.principal_changed.connect(apply)
