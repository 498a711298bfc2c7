"""The roles and permissions of operator accounts (``domain.permissions``) in words, French
and English, for the command line: what a refused account was asking (« émettre un
avoir »). The window words them with Qt's ``tr()`` (``ui/permission_words.py``)."""

from __future__ import annotations

# keyed by the values of domain.permissions' Role and Permission (i18n imports no domain
# module; tests/unit/test_permissions.py checks that every one is worded)

# role → (French, English), in the matrix's order (domain.permissions.ROLE_ORDER)
ROLES: dict[str, tuple[str, str]] = {
    "admin": ("Administration", "Administration"),
    "accueil": ("Accueil", "Front desk"),
    "mediation": ("Médiation numérique", "Digital mediation"),
    "tresorerie": ("Trésorerie", "Treasury"),
}

# permission → (French, English): what it allows, as an action (« ne permet pas : … »)
ACTIONS: dict[str, tuple[str, str]] = {
    "members": (
        "gérer les adhérents et leurs adhésions",
        "manage members and their memberships",
    ),
    "bookings": (
        "réserver et enregistrer les passages",
        "book machines and record their use",
    ),
    "checkout": ("encaisser à l'accueil", "take payments at the desk"),
    "maintenance": ("suivre l'entretien des machines", "follow machine maintenance"),
    "activity": (
        "gérer les ateliers et les inscriptions",
        "manage workshops and registrations",
    ),
    "cyberbase": ("tenir le registre de la cyber-base", "keep the cyber-base log"),
    "invoices": (
        "facturer et suivre les encaissements",
        "invoice and follow payments",
    ),
    "credit_notes": ("émettre un avoir", "issue a credit note"),
    "closings": ("clôturer une période", "close a period"),
    "finances": ("consulter et modifier les finances", "see and change the finances"),
    "reports": ("produire les rapports", "produce the reports"),
    "exports": (
        "exporter la comptabilité et les tableaux",
        "export the accounts and tables",
    ),
    "tariffs": ("modifier les tarifs", "change the prices"),
    "park": ("gérer les machines et les espaces", "manage machines and spaces"),
    "settings": (
        "modifier les paramètres de la structure",
        "change the structure's settings",
    ),
    "operators": ("gérer les comptes", "manage the accounts"),
    "imports": ("importer des fichiers", "import files"),
    "backups": ("sauvegarder et restaurer la base", "back up and restore the database"),
    "personal_data": (
        "gérer les données personnelles des adhérents",
        "handle members' personal data",
    ),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def role_words(roles: str, lang: str) -> str:
    """The roles of an account as stored ("accueil,tresorerie"), in the matrix's order
    (« Accueil, Trésorerie »); none: « aucun rôle »."""
    held = {part.strip() for part in roles.split(",")}
    words = [_pick(pair, lang) for role, pair in ROLES.items() if role in held]
    return ", ".join(words) or ("no role" if lang == "en" else "aucun rôle")


def action_words(permission: str, lang: str) -> str:
    """What ``permission`` allows (« émettre un avoir »); an unknown value as it is."""
    pair = ACTIONS.get(permission)
    return permission if pair is None else _pick(pair, lang)
