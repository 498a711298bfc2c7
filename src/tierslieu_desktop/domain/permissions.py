"""Who may do what (issue 19 point 1): the roles of an operator account and the one
permission matrix every service checks (``services.access.guarded``), the window and the
CLI only reading it to hide what would be refused anyway.

An account holds one or more roles; its permissions are the union of theirs. The
Administration role holds every permission."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ACCUEIL = "accueil"  # members, bookings, check-in/out, checkout
    MEDIATION = "mediation"  # Activité, the cyber-base
    TRESORERIE = (
        "tresorerie"  # invoices, credit notes, closings, finances, reports, exports, tariffs
    )
    ADMIN = "admin"  # settings, operators, imports, backups, personal data — and all the rest


class Permission(StrEnum):
    MEMBERS = "members"  # members, memberships, consents, authorizations
    BOOKINGS = "bookings"  # bookings, check-in and check-out, usages and their corrections
    CHECKOUT = "checkout"  # the basket at the desk: its invoice, its payment, packs, wallet
    MAINTENANCE = "maintenance"  # a machine's status and maintenance log
    ACTIVITY = "activity"  # activities, sessions, registrations, attendance
    CYBERBASE = "cyberbase"  # the drop-in log
    INVOICES = "invoices"  # monthly invoicing, numbering, payments outside the desk, deposits
    CREDIT_NOTES = "credit_notes"
    CLOSINGS = "closings"  # day/month/year closings, archives
    FINANCES = "finances"  # funders, grants, in-kind, expenses, budget, accounts, balance
    REPORTS = "reports"  # annual and funders' reports
    EXPORTS = "exports"  # FEC, ledgers, tables, e-reporting
    TARIFFS = "tariffs"  # prices, packs, reductions, quotas, fees
    PARK = "park"  # spaces, machines, opening hours, consumables
    SETTINGS = "settings"  # the structure, publics, staff
    OPERATORS = "operators"  # accounts and roles, passwords
    IMPORTS = "imports"
    BACKUPS = "backups"
    PERSONAL_DATA = "personal_data"  # a member's export, anonymisation, retention


P = Permission
MATRIX: dict[Role, frozenset[Permission]] = {
    Role.ACCUEIL: frozenset({P.MEMBERS, P.BOOKINGS, P.CHECKOUT, P.MAINTENANCE}),
    Role.MEDIATION: frozenset({P.MEMBERS, P.ACTIVITY, P.CYBERBASE, P.MAINTENANCE}),
    Role.TRESORERIE: frozenset(
        {
            P.CHECKOUT,
            P.INVOICES,
            P.CREDIT_NOTES,
            P.CLOSINGS,
            P.FINANCES,
            P.REPORTS,
            P.EXPORTS,
            P.TARIFFS,
        }
    ),
    Role.ADMIN: frozenset(Permission),
}
ROLE_ORDER = (Role.ADMIN, Role.ACCUEIL, Role.MEDIATION, Role.TRESORERIE)


def permissions_of(roles: frozenset[Role] | set[Role]) -> frozenset[Permission]:
    found: set[Permission] = set()
    for role in roles:
        found |= MATRIX[role]
    return frozenset(found)


def parse_roles(text: str | None) -> frozenset[Role]:
    """The roles stored as ``"accueil,tresorerie"`` (unknown names ignored)."""
    known = {r.value for r in Role}
    parts = (part.strip() for part in (text or "").split(","))
    return frozenset(Role(part) for part in parts if part in known)


def roles_text(roles: frozenset[Role] | set[Role]) -> str:
    return ",".join(r.value for r in ROLE_ORDER if r in roles)


@dataclass(frozen=True)
class Principal:
    """The operator logged in at a desk or on the command line."""

    operator_id: int
    name: str
    roles: frozenset[Role]

    def can(self, permission: Permission) -> bool:
        return permission in permissions_of(self.roles)

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles


PIN = re.compile(r"\d{4,6}")
MIN_PASSWORD = 8


def secret_problem(secret: str) -> str | None:
    """Why a new password or PIN is refused (a code), or None: a PIN of 4 to 6 digits for
    the desk, or a password of at least 8 characters that is not all digits."""
    if not secret:
        return "required"
    if secret.isdigit():
        return None if PIN.fullmatch(secret) else "pin_length"
    if len(secret) < MIN_PASSWORD:
        return "password_short"
    return None
