"""Who runs a command (issue 19 point 1): every command of the command line that opens an
existing database logs in first, and the services then check that account's roles
(``db.principal``, ``services.access``) as they do for the window.

The rules:

- ``--user NAME`` (before or after the command) asks NAME's password (getpass, nothing
  echoed); a script sets ``TIERSLIEU_USER`` and ``TIERSLIEU_PASSWORD`` instead.
  ``TIERSLIEU_PASSWORD`` is used for ``--user NAME`` too, unless ``TIERSLIEU_USER`` names
  someone else (then the password is asked).
- A database where no active account can log in yet (a new one, one upgraded from before
  accounts): the command works as before, as the system, and says once, after its own
  output, « Aucun compte administrateur : créez-le avec tierslieu users add … --role
  admin ». A user named then is
  not checked: there is no account to check it against.
- Once an account can log in, nothing runs without a login: no user → exit 2 and a message
  naming ``--user`` and ``TIERSLIEU_USER``; a wrong password (or an unknown name: the same
  answer) → exit 1; after 5 wrong tries the account waits 30 s (the message says how long).
- A service refusing the account's roles (``DomainError("not_permitted")``) → exit 1 and
  « Le compte « accueil » (Accueil) ne permet pas : clôturer une période. »
- Commands that create a new database (``tierslieu demo``, the window's ``--demo``) and
  ``tierslieu backups`` (a folder listing) log nobody in; ``tierslieu users add … --role
  admin`` on a database without administrator makes the first one (cli_users.py).

``cli.py`` calls :func:`begin` once per run, opens databases with :func:`open_database`
and words the refusals with :func:`refusal`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from tierslieu_desktop.db.engine import Database
    from tierslieu_desktop.domain.permissions import Principal

USER_VARIABLE = "TIERSLIEU_USER"
PASSWORD_VARIABLE = "TIERSLIEU_PASSWORD"
# commands that log nobody in (a new database, a folder listing, the window's own login)
NO_LOGIN = frozenset({"demo", "backups"})


class LoginRefused(Exception):
    """The command cannot run as nobody logged in: ``message`` said, ``exit_code`` returned."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class _Run:
    lang: str = "fr"
    user: str | None = None  # --user, else None (the environment is read when needed)
    warned: bool = False
    principal: Principal | None = None


_RUN = _Run()


def _t(key: str, /, **data: object) -> str:
    from tierslieu_desktop.i18n.cli_accounts import text

    return text(key, _RUN.lang, **data)


def add_user_options(parser: argparse.ArgumentParser) -> None:
    """``--user NAME`` on the command line and on every command that opens a database
    (``tierslieu --user admin close --day …`` and ``tierslieu close --day … --user admin``
    alike)."""
    parser.add_argument("--user", metavar="NOM", help=_HELP)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if name not in NO_LOGIN:
                    _add_to_leaves(sub)


_HELP = "nom du compte (le mot de passe est demandé ; ou $TIERSLIEU_USER et $TIERSLIEU_PASSWORD)"


def _add_to_leaves(parser: argparse.ArgumentParser) -> None:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        parser.add_argument("--user", dest="sub_user", metavar="NOM", help=_HELP)
        return
    for action in subs:
        for sub in action.choices.values():
            _add_to_leaves(sub)


def begin(args: argparse.Namespace, lang: str) -> None:
    """A new run: its language and the user named on its command line."""
    global _RUN
    _RUN = _Run(lang=lang, user=getattr(args, "sub_user", None) or getattr(args, "user", None))


def _credentials() -> tuple[str, str | None] | None:
    """(name, password or None to ask) of this run, or None when nobody was named."""
    env_user = (os.environ.get(USER_VARIABLE) or "").strip()
    env_password = os.environ.get(PASSWORD_VARIABLE)
    name = (_RUN.user or "").strip() or env_user
    if not name:
        return None
    same = not env_user or env_user.casefold() == name.casefold()
    return name, env_password if env_password is not None and same else None


def _warn_once() -> None:
    """The warning of a database without administrator: said once, after the command's
    own output (``finish``), so that its first line stays what the command says."""
    _RUN.warned = True


def finish() -> None:
    """The end of a run (cli.main): the warning, if a database of the run needed it."""
    if _RUN.warned:
        _RUN.warned = False
        print(f"tierslieu: {_t('no_administrator')}", file=sys.stderr)


def login(db: Database) -> None:
    """Set ``db.principal`` to the account of this run, or leave it None on a database
    where no account can log in yet (with the warning, once). Raises
    :class:`LoginRefused`."""
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.services.people.accounts import (
        authenticate,
        list_accounts,
        needs_administrator,
    )

    if not any(a.can_log_in for a in list_accounts(db)):
        _warn_once()
        return
    given = _credentials()
    if given is None:
        raise LoginRefused(_t("login_required"), 2)
    name, password = given
    if password is None:
        password = _ask(_t("ask_password", name=name))
    try:
        principal = authenticate(db, name, password)
    except DomainError as exc:
        if exc.code == "login_wait":
            seconds = exc.params.get("seconds", 30)
            raise LoginRefused(_t("login_wait", name=name, seconds=seconds)) from None
        if exc.code == "login_failed":
            raise LoginRefused(_t("login_failed")) from None
        raise
    db.principal = _RUN.principal = principal
    if needs_administrator(db):
        _warn_once()


def _ask(prompt: str) -> str:
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:  # no terminal and nothing on the standard input
        return ""


def open_database(target: str | None, *, create: bool = False) -> Database:
    """``db.engine.open_database``, then :func:`login` (the database closed again if the
    login is refused)."""
    from tierslieu_desktop.db.engine import open_database as open_it

    db = open_it(target, create=create)
    try:
        login(db)
    except BaseException:
        db.dispose()
        raise
    return db


def with_database(
    target: str | None,
    fail: Callable[[str], int],
    open_error: Callable[[Any], str],
    body: Callable[[Database], int],
) -> int:
    """Open ``target`` logged in (:func:`open_database`), run ``body`` on it and close it
    again; a database that cannot be opened is said by ``fail(open_error(…))`` — the frame
    of the commands that read or write one database (cli_mediation, cli_member)."""
    from tierslieu_desktop.db.engine import DatabaseOpenError

    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return fail(open_error(exc))
    try:
        return body(db)
    finally:
        db.dispose()


def may_restore(path: Path) -> None:
    """``tierslieu restore``: the database about to be replaced is logged in on, and its
    account must hold the backups permission (administration). A file that cannot be
    opened (missing, damaged: the reason to restore) asks nobody — whoever can replace
    the file can do so without the application anyway."""
    from tierslieu_desktop.db.engine import DatabaseOpenError
    from tierslieu_desktop.db.engine import open_database as open_it
    from tierslieu_desktop.domain.permissions import Permission
    from tierslieu_desktop.services.access import check

    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        db = open_it(str(path), create=False)
    except DatabaseOpenError:
        return
    try:
        login(db)
        check(db, Permission.BACKUPS)
    finally:
        db.dispose()


def operator_id(db: Database) -> int:
    """The operator a command records (a closing, an anonymisation): the account logged
    in, else — a database without accounts — the desk's first operator, as before."""
    if db.principal is not None:
        return db.principal.operator_id
    from tierslieu_desktop.services.people.operators import ensure_operator

    return ensure_operator(db)


def not_permitted_text(params: dict[str, object], lang: str | None = None) -> str:
    """« Le compte « accueil » (Accueil) ne permet pas : clôturer une période. »"""
    from tierslieu_desktop.i18n.cli_accounts import action_of, role_names, text

    lang = lang or _RUN.lang
    who = _RUN.principal
    name = str(params.get("operator") or (who.name if who else ""))
    roles = role_names(who.roles if who is not None else (), lang)
    action = action_of(str(params.get("permission", "")), lang)
    return text("not_permitted", lang, name=name, roles=roles, action=action)


def refusal(exc: BaseException) -> int | None:
    """A login refused or an action not permitted, said on stderr: the exit code; None
    for any other exception (left to the caller)."""
    if isinstance(exc, LoginRefused):
        print(f"tierslieu: {exc}", file=sys.stderr)
        return exc.exit_code
    from tierslieu_desktop.domain.errors import DomainError

    if isinstance(exc, DomainError) and exc.code == "not_permitted":
        print(f"tierslieu: {not_permitted_text(exc.params)}", file=sys.stderr)
        return 1
    return None
