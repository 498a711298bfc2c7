"""``tierslieu users list|add|reset-password|roles|disable`` (issue 19 point 1): the
operators' accounts from the command line, through ``services.people.accounts`` (which
checks that the logged-in account may manage accounts: Administration).

``users add NAME --role admin`` on a database without administrator makes the first one
(``claim_administration``) without any login: it is how a new or upgraded database gets
its accounts (an existing operator of that name — the « Accueil » of an upgraded
database — becomes it). Every other use logs in first (cli_login.py). A password is asked
twice (never echoed), or read from the first line of the standard input with
``--password-stdin``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tierslieu_desktop.db.engine import Database
    from tierslieu_desktop.services.people.accounts import AccountRow

ROLE_CHOICES = ("accueil", "mediation", "tresorerie", "admin")
_LANG = ["fr"]


def _t(key: str, /, **data: Any) -> str:
    from tierslieu_desktop.i18n.cli_accounts import text

    return text(key, _LANG[0], **data)


def _roles(names: list[str] | None) -> str:
    from tierslieu_desktop.i18n.cli_accounts import role_names

    return role_names(names or (), _LANG[0])


def _fail(message: str) -> int:
    print(f"tierslieu: {message}", file=sys.stderr)
    return 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="comptes des opérateurs et leurs rôles")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    listing = users_sub.add_parser("list", help="lister les comptes, leurs rôles et leur état")
    listing.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    add = users_sub.add_parser(
        "add",
        help="créer un compte (le premier administrateur d'une base neuve : sans connexion)",
    )
    reset = users_sub.add_parser(
        "reset-password", help="remplacer le mot de passe oublié d'un compte (administration)"
    )
    roles = users_sub.add_parser("roles", help="changer les rôles d'un compte")
    disable = users_sub.add_parser(
        "disable", help="désactiver un compte (il ne peut plus se connecter)"
    )
    for parser in (add, reset, roles, disable):
        parser.add_argument("name", metavar="NOM", help="nom du compte")
        parser.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    for parser in (add, roles):
        parser.add_argument(
            "--role",
            dest="roles",
            action="append",
            choices=ROLE_CHOICES,
            required=True,
            metavar="ROLE",
            help="accueil, mediation, tresorerie ou admin (répétable : --role accueil "
            "--role mediation)",
        )
    for parser in (add, reset):
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="lire le mot de passe sur la 1re ligne de l'entrée standard (scripts)",
        )


def run(target: str | None, args: argparse.Namespace, lang: str = "fr") -> int:
    from tierslieu_desktop import cli_login
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n import messages

    _LANG[0] = lang
    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(messages.open_error_text(exc.code, exc.target, exc.detail, lang))
    try:
        if args.users_command == "add" and "admin" in args.roles and _unclaimed(db):
            return _claim(db, args)
        cli_login.login(db)
        if args.users_command == "list":
            return _list(db)
        if args.users_command == "add":
            return _add(db, args)
        account = _account(db, args.name)
        if account is None:
            return _fail(_t("unknown_account", name=args.name.strip()))
        return _change(db, account, args)
    except DomainError as exc:
        if exc.code == "not_permitted":
            raise  # worded once, by cli.main (cli_login.refusal)
        return _fail(_error(exc, getattr(args, "name", "")))
    finally:
        db.dispose()


def _unclaimed(db: Database) -> bool:
    from tierslieu_desktop.services.people.accounts import needs_administrator

    return needs_administrator(db)


def _account(db: Database, name: str) -> AccountRow | None:
    """The account named ``name`` (exactly, else the only one of that name in any case)."""
    from tierslieu_desktop.services.people.accounts import list_accounts

    name = name.strip()
    rows = list_accounts(db, include_inactive=True)
    exact = [r for r in rows if r.name == name]
    folded = [r for r in rows if r.name.casefold() == name.casefold()]
    found = exact or folded
    return found[0] if len(found) == 1 else None


def _list(db: Database) -> int:
    from tierslieu_desktop.domain.calendar import to_local, utcnow
    from tierslieu_desktop.services.people.accounts import list_accounts

    rows = list_accounts(db, include_inactive=True)
    if not rows:
        print(_t("no_account"))
        return 0
    print(
        _t(
            "users_header",
            name=_t("col_name"),
            roles=_t("col_roles"),
            active=_t("col_active"),
            secret=_t("col_secret"),
            locked=_t("col_locked"),
        ).rstrip()
    )
    now = utcnow()
    for row in rows:
        locked = row.locked_until is not None and row.locked_until > now
        print(
            _t(
                "users_header",
                name=row.name,
                roles=_roles([str(r) for r in row.roles]),
                active=_t("yes" if row.active else "no"),
                secret=_t("yes" if row.can_log_in else "no"),
                locked=_t("locked_until", at=to_local(row.locked_until))
                if locked and row.locked_until is not None
                else _t("no"),
            ).rstrip()
        )
    return 0


def _new_secret(name: str, from_stdin: bool) -> str:
    """The new password: the first line of the standard input, or asked twice."""
    from tierslieu_desktop.domain.errors import DomainError

    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise DomainError("stdin_empty")
        return line.rstrip("\r\n")
    from tierslieu_desktop.cli_login import _ask

    secret = _ask(_t("ask_new_password", name=name))
    if _ask(_t("ask_password_again")) != secret:
        raise DomainError("password_mismatch")
    return secret


def _checked_secret(name: str, from_stdin: bool) -> str:
    from tierslieu_desktop.domain.errors import ValidationError
    from tierslieu_desktop.domain.permissions import secret_problem

    secret = _new_secret(name, from_stdin)
    problem = secret_problem(secret)
    if problem is not None:  # said before anything is written
        raise ValidationError({"secret": problem})
    return secret


def _claim(db: Database, args: argparse.Namespace) -> int:
    """The first administrator of a database that has none."""
    from tierslieu_desktop.domain.permissions import Role
    from tierslieu_desktop.services.people.accounts import claim_administration, set_roles

    name = args.name.strip()
    existing = _account(db, name)
    secret = _checked_secret(name, args.password_stdin)
    principal = claim_administration(
        db, name, secret, operator_id=existing.id if existing is not None else None
    )
    db.principal = principal
    wanted = {Role(r) for r in args.roles} | set(principal.roles)
    if wanted != set(principal.roles):
        set_roles(db, principal.operator_id, wanted)
    print(_t("administrator_claimed", name=principal.name, roles=_roles(sorted(wanted))))
    return 0


def _change(db: Database, account: AccountRow, args: argparse.Namespace) -> int:
    from tierslieu_desktop.domain.permissions import Permission, Role
    from tierslieu_desktop.services.access import check
    from tierslieu_desktop.services.people import accounts, operators

    check(db, Permission.OPERATORS)  # refused before a password is asked
    command = args.users_command
    if command == "reset-password":
        accounts.reset_secret(db, account.id, _checked_secret(account.name, args.password_stdin))
        print(_t("password_reset", name=account.name))
    elif command == "roles":
        roles = {Role(r) for r in args.roles}
        accounts.set_roles(db, account.id, roles)
        print(_t("roles_set", name=account.name, roles=_roles(args.roles)))
    else:  # disable
        if not account.active:
            return _fail(_t("already_disabled", name=account.name))
        operators.set_operator_active(db, account.id, False)
        print(_t("account_disabled", name=account.name))
    return 0


def _add(db: Database, args: argparse.Namespace) -> int:
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.domain.permissions import Permission, Role
    from tierslieu_desktop.services.access import check
    from tierslieu_desktop.services.people.accounts import create_account

    name = args.name.strip()
    check(db, Permission.OPERATORS)  # refused before the password is asked
    taken = _account(db, name)
    if taken is not None:
        raise DomainError("operator_exists", name=taken.name)
    secret = _checked_secret(name, args.password_stdin)
    create_account(db, name, {Role(r) for r in args.roles}, secret)
    print(_t("account_created", name=name, roles=_roles(args.roles)))
    return 0


def _error(exc: Exception, name: str) -> str:
    """A refusal of the services (or of this module) as a sentence."""
    from tierslieu_desktop.domain.errors import DomainError, ValidationError

    if isinstance(exc, ValidationError):
        fields = exc.fields
        if "secret" in fields:
            return _t(f"secret_{fields['secret']}")
        if "roles" in fields:
            return _t("roles_required")
        if fields.get("name") == "required":
            return _t("name_required")
        return _t("name_invalid")
    assert isinstance(exc, DomainError)
    code = exc.code
    if code in (
        "password_mismatch",
        "stdin_empty",
        "last_administrator",
        "last_operator",
        "administrator_exists",
    ):
        return _t(code)
    if code == "operator_exists":
        return _t(code, name=exc.params.get("name", name))
    if code == "database_busy":
        from tierslieu_desktop.i18n.cli_messages import text

        return text("busy", _LANG[0])
    if code == "read_only":
        from tierslieu_desktop.i18n.cli_messages import text

        return text("read_only", _LANG[0], t=exc.params.get("target", ""))
    return _t("users_failed", code=code)
