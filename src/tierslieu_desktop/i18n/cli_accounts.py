"""What the command line says about accounts (issue 19 point 1), French and English: the
login (``cli_login.py``), ``tierslieu users …`` (``cli_users.py``), the refusal of an
action the logged-in account's roles do not allow, and the names of the roles and
permissions in plain words. Same shape as ``cli_messages``: ``text(key, lang, **data)``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tierslieu_desktop.i18n.permissions import ACTIONS, ROLES

# The roles and permissions in words: one table for the whole command line
# (i18n/permissions.py, also worded by the window in ui/permission_words.py).
ROLE_NAMES = ROLES
PERMISSION_ACTIONS = ACTIONS

_FR: dict[str, str] = {
    # login (cli_login.py)
    "ask_password": "Mot de passe de {name} : ",
    "no_administrator": (
        "Aucun compte administrateur : créez-le avec "
        "tierslieu users add NOM --role admin (ensuite, chaque commande demandera --user)."
    ),
    "login_required": (
        "cette base a des comptes : indiquez qui vous êtes avec --user NOM "
        "(le mot de passe est demandé), ou les variables TIERSLIEU_USER et "
        "TIERSLIEU_PASSWORD dans un script. Rien n'a été fait."
    ),
    "login_failed": "nom de compte ou mot de passe incorrect. Rien n'a été fait.",
    "login_wait": "trop d'essais manqués pour « {name} » : réessayez dans {seconds} s.",
    "not_permitted": "Le compte « {name} » ({roles}) ne permet pas : {action}.",
    "no_role": "aucun rôle",
    # users (cli_users.py)
    "users_header": "{name:<24} {roles:<40} {active:<8} {secret:<13} {locked}",
    "col_name": "Nom",
    "col_roles": "Rôles",
    "col_active": "Actif",
    "col_secret": "Mot de passe",
    "col_locked": "Bloqué",
    "yes": "oui",
    "no": "non",
    "locked_until": "jusqu'à {at:%H:%M:%S}",
    "no_account": "aucun compte n'existe encore.",
    "unknown_account": "aucun compte nommé « {name} ».",
    "ask_new_password": "Nouveau mot de passe (ou code de 4 à 6 chiffres) de {name} : ",
    "ask_password_again": "Le même, encore une fois : ",
    "password_mismatch": "les deux mots de passe diffèrent : rien n'a été enregistré.",
    "secret_required": "le mot de passe est vide : rien n'a été enregistré.",
    "secret_pin_length": (
        "un code doit avoir de 4 à 6 chiffres (ou choisissez un mot de passe d'au moins "
        "8 caractères) : rien n'a été enregistré."
    ),
    "secret_password_short": (
        "mot de passe trop court : 8 caractères au moins (ou un code de 4 à 6 chiffres "
        "pour l'accueil). Rien n'a été enregistré."
    ),
    "name_required": "le nom du compte est vide.",
    "name_invalid": "le nom du compte est trop long ou contient un caractère interdit.",
    "roles_required": "indiquez au moins un rôle avec --role (accueil, mediation, tresorerie, admin).",
    "operator_exists": "le nom « {name} » est déjà pris par un autre compte.",
    "last_administrator": (
        "c'est le dernier compte administrateur qui peut se connecter : donnez d'abord le "
        "rôle admin à un autre compte. Rien n'a été modifié."
    ),
    "last_operator": "c'est le dernier compte actif : rien n'a été modifié.",
    "administrator_exists": (
        "cette base a déjà un administrateur : connectez-vous avec --user pour ajouter un compte."
    ),
    "account_created": "Compte « {name} » créé : {roles}.",
    "administrator_claimed": (
        "Compte « {name} » créé, administrateur de cette base : {roles}. Désormais, chaque "
        "commande demande --user (ou TIERSLIEU_USER)."
    ),
    "password_reset": "Mot de passe de « {name} » remplacé ; ses essais manqués sont oubliés.",
    "roles_set": "Rôles de « {name} » : {roles}.",
    "account_disabled": "Compte « {name} » désactivé : il ne peut plus se connecter.",
    "already_disabled": "le compte « {name} » est déjà désactivé.",
    "stdin_empty": "--password-stdin : aucune ligne lue sur l'entrée standard.",
    "users_failed": "opération impossible ({code}).",
    # demo
    "demo_accounts": "Comptes de démonstration : {names} — mot de passe : {password}",
}

_EN: dict[str, str] = {
    "ask_password": "Password of {name}: ",
    "no_administrator": (
        "No administrator account: create it with "
        "tierslieu users add NAME --role admin (then every command will ask for --user)."
    ),
    "login_required": (
        "this database has accounts: say who you are with --user NAME (the password is "
        "asked), or the variables TIERSLIEU_USER and TIERSLIEU_PASSWORD in a script. "
        "Nothing was done."
    ),
    "login_failed": "wrong account name or password. Nothing was done.",
    "login_wait": 'too many failed tries for "{name}": try again in {seconds} s.',
    "not_permitted": 'The account "{name}" ({roles}) does not allow: {action}.',
    "no_role": "no role",
    "users_header": "{name:<24} {roles:<40} {active:<8} {secret:<13} {locked}",
    "col_name": "Name",
    "col_roles": "Roles",
    "col_active": "Active",
    "col_secret": "Password",
    "col_locked": "Locked",
    "yes": "yes",
    "no": "no",
    "locked_until": "until {at:%H:%M:%S}",
    "no_account": "no account exists yet.",
    "unknown_account": 'no account named "{name}".',
    "ask_new_password": "New password (or 4 to 6 digit PIN) of {name}: ",
    "ask_password_again": "The same once more: ",
    "password_mismatch": "the two passwords differ: nothing was saved.",
    "secret_required": "the password is empty: nothing was saved.",
    "secret_pin_length": (
        "a PIN has 4 to 6 digits (or choose a password of at least 8 characters): "
        "nothing was saved."
    ),
    "secret_password_short": (
        "password too short: at least 8 characters (or a 4 to 6 digit PIN for the desk). "
        "Nothing was saved."
    ),
    "name_required": "the account name is empty.",
    "name_invalid": "the account name is too long or holds a forbidden character.",
    "roles_required": "give at least one role with --role (accueil, mediation, tresorerie, admin).",
    "operator_exists": 'the name "{name}" is already taken by another account.',
    "last_administrator": (
        "this is the last administrator account that can log in: give the admin role to "
        "another account first. Nothing was changed."
    ),
    "last_operator": "this is the last active account: nothing was changed.",
    "administrator_exists": (
        "this database already has an administrator: log in with --user to add an account."
    ),
    "account_created": 'Account "{name}" created: {roles}.',
    "administrator_claimed": (
        'Account "{name}" created, administrator of this database: {roles}. From now on '
        "every command asks for --user (or TIERSLIEU_USER)."
    ),
    "password_reset": 'Password of "{name}" replaced; its failed tries are forgotten.',
    "roles_set": 'Roles of "{name}": {roles}.',
    "account_disabled": 'Account "{name}" disabled: it can no longer log in.',
    "already_disabled": 'the account "{name}" is already disabled.',
    "stdin_empty": "--password-stdin: no line read from the standard input.",
    "users_failed": "operation failed ({code}).",
    "demo_accounts": "Demo accounts: {names} — password: {password}",
}


def text(key: str, lang: str, /, **data: Any) -> str:
    """The message ``key`` in ``lang`` ("en"; French otherwise), filled with ``data``."""
    return (_EN if lang == "en" else _FR)[key].format(**data)


def keys(lang: str) -> frozenset[str]:
    return frozenset(_EN if lang == "en" else _FR)


def role_names(roles: Iterable[str], lang: str) -> str:
    """« Administration, Accueil » in the matrix's order; « aucun rôle » for none."""
    i = 1 if lang == "en" else 0
    held = {str(r) for r in roles}
    named = [words[i] for role, words in ROLE_NAMES.items() if role in held]
    return ", ".join(named) if named else text("no_role", lang)


def action_of(permission: str, lang: str) -> str:
    """What ``permission`` (its value, as a ``not_permitted`` error carries it) allows."""
    i = 1 if lang == "en" else 0
    words = PERMISSION_ACTIONS.get(str(permission))
    return words[i] if words else str(permission)
