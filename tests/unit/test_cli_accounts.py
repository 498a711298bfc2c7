"""Accounts on the command line (issue 19 point 1): ``tierslieu demo`` gives one account
per role, every command that opens a database logs in (``--user`` and its password
prompt, or TIERSLIEU_USER / TIERSLIEU_PASSWORD), ``tierslieu users …`` manages the
accounts, and an action the account's roles do not allow is refused in French."""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3

import pytest

from tierslieu_desktop import cli_login
from tierslieu_desktop.cli import main
from tierslieu_desktop.demo.accounts import ACCOUNTS
from tierslieu_desktop.domain.permissions import ROLE_ORDER, Permission
from tierslieu_desktop.i18n import cli_accounts
from tierslieu_desktop.services.access import guarded, permission_of

REFUSED_WITHOUT_USER = "indiquez qui vous êtes avec --user NOM"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A small demo made by ``tierslieu demo`` itself, and what it printed."""
    path = tmp_path_factory.mktemp("accounts") / "demo.sqlite"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["demo", "--db", str(path)]) == 0
    return path, out.getvalue()


@pytest.fixture
def demo(built, tmp_path):
    """A copy of that demo for one test (``--db`` and its path)."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(built[0], path)
    return ["--db", str(path)]


@pytest.fixture
def prompts(monkeypatch):
    """getpass answered from a list (what the user would type), the prompts kept."""
    asked: list[str] = []
    answers: list[str] = []

    def fake(prompt: str = "") -> str:
        asked.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr("getpass.getpass", fake)
    return asked, answers


def _operator(path: str, name: str):
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT id, roles, active, password_hash FROM operator WHERE name = ?", (name,)
        ).fetchone()
    finally:
        con.close()


def _guard(monkeypatch, module, name: str, permission: Permission) -> None:
    """The service guarded as the guards branch does, if this one does not yet."""
    func = getattr(module, name)
    if permission_of(func) is None:
        monkeypatch.setattr(module, name, guarded(permission)(func))


def test_the_demo_prints_its_accounts_and_each_one_logs_in(built, demo, demo_login, capsys):
    _path, printed = built
    assert (
        "Comptes de démonstration : admin, accueil, mediation, tresorerie — mot de passe : demo"
    ) in printed
    for name, _role in ACCOUNTS:
        demo_login(name)
        assert main(["users", "list", *demo]) == 0, name
    listing = capsys.readouterr().out.splitlines()[-8:]
    rows = {line.split()[0]: line for line in listing}
    assert "Administration" in rows["admin"] and "Trésorerie" in rows["tresorerie"]
    assert "Médiation numérique" in rows["mediation"]
    # the desk's « Accueil » operator of the demo's history is the accueil account
    assert _operator(demo[1], "Accueil")[1] == "accueil"
    assert _operator(demo[1], "accueil") is None


def test_nothing_runs_without_a_user_once_accounts_exist(demo, capsys):
    assert main(["deposit", "list", *demo]) == 2
    err = capsys.readouterr().err
    assert REFUSED_WITHOUT_USER in err and "TIERSLIEU_USER" in err
    assert main(["--lang", "en", "deposit", "list", *demo]) == 2
    assert "say who you are with --user NAME" in capsys.readouterr().err


def test_user_option_asks_the_password(demo, prompts, capsys):
    asked, answers = prompts
    answers.append("demo")
    assert main(["--user", "tresorerie", "deposit", "list", *demo]) == 0
    assert asked == ["Mot de passe de tresorerie : "]
    assert "Espèces en caisse" in capsys.readouterr().out
    answers.append("demo")  # --user after the command works too
    assert main(["deposit", "list", *demo, "--user", "admin"]) == 0


def test_a_wrong_password_exits_1_then_makes_the_account_wait(demo, monkeypatch, capsys):
    monkeypatch.setenv("TIERSLIEU_USER", "admin")
    monkeypatch.setenv("TIERSLIEU_PASSWORD", "pas le bon")
    assert main(["deposit", "list", *demo]) == 1
    err = capsys.readouterr().err
    assert "nom de compte ou mot de passe incorrect" in err
    assert "Espèces" not in capsys.readouterr().out
    for _ in range(4):
        main(["deposit", "list", *demo])
    capsys.readouterr()
    monkeypatch.setenv("TIERSLIEU_PASSWORD", "demo")  # even the right one must wait
    assert main(["deposit", "list", *demo]) == 1
    err = capsys.readouterr().err
    assert "trop d'essais manqués pour « admin » : réessayez dans" in err and " s." in err
    monkeypatch.setenv("TIERSLIEU_USER", "tresorerie")
    assert main(["users", "list", *demo]) == 0  # only admin waits
    assert "jusqu'à" in capsys.readouterr().out.split("\nadmin")[1].splitlines()[0]


def test_environment_user_and_password_for_scripts(demo, monkeypatch, capsys):
    monkeypatch.setenv("TIERSLIEU_USER", "Tresorerie")  # any case
    monkeypatch.setenv("TIERSLIEU_PASSWORD", "demo")
    assert main(["deposit", "list", *demo]) == 0
    assert "Espèces en caisse" in capsys.readouterr().out


def test_an_accueil_account_cannot_close_a_day_the_treasurer_can(
    demo, demo_login, monkeypatch, capsys
):
    from tierslieu_desktop.services.billing import ledger

    _guard(monkeypatch, ledger, "close_period", Permission.CLOSINGS)
    demo_login("accueil")
    assert main(["close", "--day", "2026-11-21", *demo]) == 1
    assert capsys.readouterr().err.strip() == (
        "tierslieu: Le compte « Accueil » (Accueil) ne permet pas : clôturer une période."
    )
    assert main(["--lang", "en", "close", "--day", "2026-11-21", *demo]) == 1
    assert 'The account "Accueil" (Front desk) does not allow: close a period.' in (
        capsys.readouterr().err
    )
    demo_login("tresorerie")
    assert main(["close", "--day", "2026-11-21", *demo]) == 0
    assert "Clôture enregistrée pour la journée du 21/11/2026" in capsys.readouterr().out
    con = sqlite3.connect(demo[1])
    try:
        (closed_by,) = con.execute(
            "SELECT operator_id FROM closing WHERE kind = 'day' AND period_start = '2026-11-21'"
        ).fetchone()
    finally:
        con.close()
    assert closed_by == _operator(demo[1], "tresorerie")[0]  # who closed it, not « Accueil »


def _anonymisable(path: str) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in con.execute(
                "SELECT m.number FROM member m WHERE m.kind = 'person' AND m.email != '' AND "
                "EXISTS (SELECT 1 FROM invoice i WHERE i.member_id = m.id) ORDER BY m.id"
            )
        ]
    finally:
        con.close()


def test_personal_data_commands_for_admin_not_for_accueil(
    demo, demo_login, monkeypatch, tmp_path, capsys
):
    from tierslieu_desktop.services.privacy import anonymise, export

    for module, name in (
        (export, "member_id_by_number"),
        (export, "member_data"),
        (anonymise, "anonymise_preview"),
        (anonymise, "anonymise_member"),
    ):
        _guard(monkeypatch, module, name, Permission.PERSONAL_DATA)
    demo_login("accueil")
    numbers = _anonymisable(demo[1])
    out = str(tmp_path / "export")
    assert main(["member", "export", numbers[0], "-o", out, *demo]) == 1
    refused = "Le compte « Accueil » (Accueil) ne permet pas : gérer les données personnelles des adhérents"
    assert refused in capsys.readouterr().err
    assert not (tmp_path / "export.pdf").exists()
    assert main(["member", "anonymise", numbers[0], "--yes", *demo]) == 1
    assert refused in capsys.readouterr().err

    demo_login("admin")
    assert main(["member", "export", numbers[0], "-o", out, *demo]) == 0
    assert (tmp_path / "export.pdf").read_bytes()[:5] == b"%PDF-"
    for number in numbers:  # the first one nothing blocks
        if main(["member", "anonymise", number, "--yes", *demo]) == 0:
            break
    assert "anonymisé" in capsys.readouterr().out
    con = sqlite3.connect(demo[1])
    try:
        (anonymous,) = con.execute(
            "SELECT count(*) FROM member WHERE last_name = 'Anonyme'"
        ).fetchone()
    finally:
        con.close()
    assert anonymous == 1


def test_users_add_asks_twice_and_refuses_what_it_should(demo, demo_login, prompts, capsys):
    asked, answers = prompts
    demo_login("admin")
    answers += ["atelier2026", "atelier2025"]
    assert main(["users", "add", "Lou", "--role", "mediation", *demo]) == 1
    assert asked == [
        "Nouveau mot de passe (ou code de 4 à 6 chiffres) de Lou : ",
        "Le même, encore une fois : ",
    ]
    assert "les deux mots de passe diffèrent" in capsys.readouterr().err
    answers += ["court", "court"]
    assert main(["users", "add", "Lou", "--role", "mediation", *demo]) == 1
    assert "mot de passe trop court : 8 caractères au moins" in capsys.readouterr().err
    answers += ["12", "12"]
    assert main(["users", "add", "Lou", "--role", "mediation", *demo]) == 1
    assert "un code doit avoir de 4 à 6 chiffres" in capsys.readouterr().err
    assert _operator(demo[1], "Lou") is None  # nothing written by the refusals
    answers += ["atelier2026", "atelier2026"]
    assert main(["users", "add", "Lou", "--role", "mediation", "--role", "accueil", *demo]) == 0
    assert "Compte « Lou » créé : Accueil, Médiation numérique." in capsys.readouterr().out
    assert main(["users", "add", "lou", "--role", "accueil", *demo]) == 1
    assert "le nom « Lou » est déjà pris" in capsys.readouterr().err
    assert answers == []  # the taken name was refused before asking a password


def test_a_new_account_logs_in_with_its_password(demo, demo_login, monkeypatch, capsys):
    import sys

    demo_login("admin")
    monkeypatch.setattr(sys, "stdin", io.StringIO("atelier2026\n"))
    assert main(["users", "add", "Lou", "--role", "mediation", "--password-stdin", *demo]) == 0
    monkeypatch.setenv("TIERSLIEU_USER", "Lou")
    monkeypatch.setenv("TIERSLIEU_PASSWORD", "atelier2026")
    assert main(["users", "list", *demo]) == 0
    assert "Lou" in capsys.readouterr().out


def test_reset_password_is_for_an_administrator(demo, demo_login, monkeypatch, capsys):
    import sys

    demo_login("accueil")
    monkeypatch.setattr(sys, "stdin", io.StringIO("nouveau-secret\n"))
    assert main(["users", "reset-password", "tresorerie", "--password-stdin", *demo]) == 1
    assert capsys.readouterr().err.strip() == (
        "tierslieu: Le compte « Accueil » (Accueil) ne permet pas : gérer les comptes."
    )
    demo_login("admin")
    assert main(["users", "reset-password", "tresorerie", "--password-stdin", *demo]) == 0
    assert "Mot de passe de « tresorerie » remplacé" in capsys.readouterr().out
    demo_login("tresorerie")  # the old « demo » no longer works
    assert main(["deposit", "list", *demo]) == 1
    monkeypatch.setenv("TIERSLIEU_PASSWORD", "nouveau-secret")
    assert main(["deposit", "list", *demo]) == 0
    demo_login("admin")
    assert main(["users", "reset-password", "personne", *demo]) == 1
    assert "aucun compte nommé « personne »" in capsys.readouterr().err


def test_roles_and_disable_keep_an_administrator(demo, demo_login, capsys):
    demo_login("admin")
    assert (
        main(["users", "roles", "mediation", "--role", "mediation", "--role", "tresorerie", *demo])
        == 0
    )
    assert "Rôles de « mediation » : Médiation numérique, Trésorerie." in capsys.readouterr().out
    assert _operator(demo[1], "mediation")[1] == "mediation,tresorerie"
    assert main(["users", "roles", "admin", "--role", "accueil", *demo]) == 1
    assert "c'est le dernier compte administrateur" in capsys.readouterr().err
    assert main(["users", "disable", "admin", *demo]) == 1
    assert "c'est le dernier compte administrateur" in capsys.readouterr().err
    assert main(["users", "disable", "mediation", *demo]) == 0
    assert "Compte « mediation » désactivé" in capsys.readouterr().out
    demo_login("mediation")
    assert main(["users", "list", *demo]) == 1  # a disabled account cannot log in
    assert "mot de passe incorrect" in capsys.readouterr().err
    demo_login("accueil")
    assert main(["users", "disable", "tresorerie", *demo]) == 1
    assert "ne permet pas : gérer les comptes." in capsys.readouterr().err
    assert _operator(demo[1], "tresorerie")[2] == 1


def test_a_database_without_accounts_warns_then_gets_its_administrator(db, monkeypatch, capsys):
    import sys

    path = str(db.target)  # the file, or the server's URL on PostgreSQL
    db.dispose()
    target = ["--db", path]
    assert main(["deposit", "list", *target]) == 0  # works as before, with a warning, once
    err = capsys.readouterr().err
    assert err.count("Aucun compte administrateur : créez-le avec tierslieu users add") == 1
    monkeypatch.setattr(sys, "stdin", io.StringIO("motdepasse-admin\n"))
    assert main(["users", "add", "Claire", "--role", "admin", "--password-stdin", *target]) == 0
    assert "Compte « Claire » créé, administrateur de cette base" in capsys.readouterr().out
    assert main(["deposit", "list", *target]) == 2  # now, nobody runs anything unnamed
    assert REFUSED_WITHOUT_USER in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("autre-admin\n"))
    # a second administrator needs a login: the database is claimed
    assert main(["users", "add", "Paul", "--role", "admin", "--password-stdin", *target]) == 2
    monkeypatch.setenv("TIERSLIEU_USER", "claire")
    monkeypatch.setenv("TIERSLIEU_PASSWORD", "motdepasse-admin")
    assert main(["deposit", "list", *target]) == 0
    assert "Aucun compte administrateur" not in capsys.readouterr().err


def test_every_message_role_and_permission_is_worded_in_both_languages():
    assert cli_accounts.keys("fr") == cli_accounts.keys("en")
    assert set(cli_accounts.ROLE_NAMES) == {r.value for r in ROLE_ORDER}
    assert set(cli_accounts.PERMISSION_ACTIONS) == {p.value for p in Permission}
    text = cli_login.not_permitted_text({"permission": "credit_notes", "operator": "accueil"}, "fr")
    assert text.endswith("ne permet pas : émettre un avoir.")


def test_the_readme_first_command_builds_the_demo_then_opens_the_window(built, monkeypatch, capsys):
    """``tierslieu --demo``: the demo made on first launch (here the module's copy, for
    speed), its accounts said, then the window opened on it — where they log in."""
    from tierslieu_desktop import app, config
    from tierslieu_desktop.db.engine import open_database
    from tierslieu_desktop.demo import builder
    from tierslieu_desktop.services.people.accounts import authenticate

    made, opened = [], []

    def build(target, **_kwargs):
        shutil.copyfile(built[0], target)
        made.append(target)
        return "312 adhérents"

    def window(target, lang):
        db = open_database(target, create=False)
        try:
            opened.append({n: authenticate(db, n, "demo").roles for n, _r in ACCOUNTS})
        finally:
            db.dispose()
        return 0

    monkeypatch.setattr(builder, "build_demo", build)
    monkeypatch.setattr(app, "run", window)
    assert main(["--demo"]) == 0
    assert made == [str(config.demo_database_path())]
    assert "mot de passe : demo" in capsys.readouterr().out
    assert opened == [{name: frozenset({role}) for name, role in ACCOUNTS}]


def test_every_command_opens_its_database_through_the_login():
    """A command opening the database with ``db.engine.open_database`` directly would run
    with no one logged in — every permission granted (the mediation export once did)."""
    import re
    from pathlib import Path

    import tierslieu_desktop

    package = Path(tierslieu_desktop.__file__).parent
    direct = re.compile(r"from tierslieu_desktop\.db\.engine import [^\n]*\bopen_database\b")
    offenders = []
    for path in sorted(package.glob("cli*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name == "cli_login.py" or not direct.search(text):
            continue
        if "cli_login.login(" not in text and "claim_administration" not in text:
            offenders.append(path.name)
    assert offenders == []
