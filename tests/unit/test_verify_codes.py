"""Issue 17 point 6: the checks say *what* they found (a code and its data) and one
catalogue words it (i18n/findings.py) for `tierslieu verify` and the window alike; the
command line speaks the chosen language in every message it prints, French by default,
and `--lang` given with a command does not change the language saved for the window."""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import re
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from shared_demo import small_demo_copy

from tierslieu_desktop import cli, config
from tierslieu_desktop.domain.findings import Finding
from tierslieu_desktop.i18n import cli_help, cli_messages, findings, formatting

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

SRC = Path(__file__).resolve().parents[2] / "src" / "tierslieu_desktop"
CHECKS = (
    "services/billing/ledger.py",
    "services/billing/archives.py",
    "services/safety/anchors.py",
    "services/safety/integrity.py",
)


def _english_test_module():
    """The French-word detector of the window's English test (tests/ui), reused."""
    path = Path(__file__).resolve().parents[1] / "ui" / "test_i18n17_english.py"
    spec = importlib.util.spec_from_file_location("i18n17_english", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FRENCH_WORDS = _english_test_module().FRENCH_WORDS
# What the window's detector does not look for and the command line and the checks say.
FRENCH_CLI = re.compile(
    r"\b(facture|avoir|paiement|clôture|entrée|empreinte|chaîne|numéro|réservations?|"
    r"sauvegardes?|fichier|écrite?s?|dossier|(?<!cyber-)base|lignes?|comptes?|exercice|chiffres|"
    r"chèques?|espèces|rapport|subvention|déclarer|flux|intègre|endommagée|aucune|"
    r"lecture|ancrage|journée|mois|année|déjà|rien)\b|n°|« | :",
    re.IGNORECASE,
)


def french_in(text: str) -> list[str]:
    """The lines of ``text`` with French in them (file paths and quoted values left
    out: a folder named "sauvegardes", a date typed as 2026-13-01 are data)."""
    # (a quoted value becomes a placeholder: « field "E-mail": » must not read « field : »)
    lines = (re.sub(r'\S*/\S*|"[^"]*"', "X", line) for line in text.splitlines())
    return [line for line in lines if FRENCH_WORDS.search(line) or FRENCH_CLI.search(line)]


def test_the_detector_catches_the_french_it_should():
    assert french_in("Base intègre.") and french_in("tierslieu: Facture F1 : contenu modifié")
    assert french_in("2 adhérents") and not french_in("The database is sound.")


# --- the findings: every code worded in both languages ----------------------------------


def _codes_in(expr: ast.expr) -> set[str]:
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.IfExp):
        return _codes_in(expr.body) | _codes_in(expr.orelse)
    raise AssertionError(f"a finding's code is not a literal: {ast.dump(expr)}")


def emitted_codes() -> set[str]:
    """Every code the checks can return (the first argument of each Finding(...))."""
    codes: set[str] = set()
    for name in CHECKS:
        tree = ast.parse((SRC / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Finding":
                codes |= _codes_in(node.args[0])
    return codes


def test_the_checks_say_codes_and_no_french_sentence():
    codes = emitted_codes()
    assert len(codes) > 40 and "document_modified" in codes and "anchor_rewritten" in codes
    for name in CHECKS:  # the sentences moved out: no "… : " French wording left there
        text = (SRC / name).read_text(encoding="utf-8")
        assert "modifié après émission" not in text and "passé réécrit" not in text


ANCHORED = {
    "kind": "anchored",
    "label": "Facture F2026-000012",
    "record_kind": "invoice",
    "record_id": 12,
    "entry": 40,
}
SAMPLE = {
    "entry": 40,
    "subject": {"kind": "invoice", "number": "F2026-000012"},
    "version": 2,
    "sealed_at": datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
    "series": "invoice",
    "period": "2026",
    "numbers": ["F2026-000003", "F2026-000003"],
    "counter": 4,
    "after": "F2026-000003",
    "before": "F2026-000005",
    "table": "invoice",
    "trigger": "sealed_invoice_update",
    "count": 3,
    "detail": "disk I/O error",
    "row": 5,
    "parent": "invoice",
    "number": "M0042",
    "resource": "Découpe laser",
    "booking": 77,
    "start": datetime(2026, 3, 2, 13, 0, tzinfo=UTC),
    "places": ["/srv/data/ancrages"],
    "path": "/srv/data/ancrages/x.anchors",
    "others": ["abc"],
    "identity": "def",
    "first": 41,
    "last": 44,
    "first_at": datetime(2026, 3, 2, 9, 31, tzinfo=UTC),
    "second_at": "illisible-2026",
    "second": ANCHORED,
    "at": datetime(2026, 3, 2, 9, 31, tzinfo=UTC),
    "now": {"kind": "payment", "id": 9},
    "what": "rewritten",
    "name": "cloture-2026-03.zip",
    "file": "documents.json",
}


def sample(code: str) -> dict:
    data = dict(SAMPLE)
    if code == "anchor_fork":
        data["first"] = ANCHORED
    if code.startswith("anchor_") and code not in ("anchor_fork", "anchor_rewritten"):
        data["subject"] = ANCHORED
    return data


@pytest.mark.parametrize("code", sorted(emitted_codes()))
def test_every_code_is_worded_in_french_and_english(code):
    assert code in findings.wordings("fr"), f"{code}: no French wording"
    assert code in findings.wordings("en"), f"{code}: no English wording"
    french = findings.word(Finding(code, sample(code)), "fr")
    english = findings.word(Finding(code, sample(code)), "en")
    assert code not in french and code not in english  # not the fallback
    assert french != english or code in ("sqlite_integrity", "check_failed")
    assert not french_in(english.replace("Découpe laser", "")), english


def test_no_wording_without_its_code_nor_half_translated():
    assert findings.wordings("fr") == findings.wordings("en") == emitted_codes()
    assert cli_messages.keys("fr") == cli_messages.keys("en")


def test_subjects_agree_in_french_and_are_named_in_english():
    def both(code, **data):
        f = Finding(code, data)
        return findings.word(f, "fr"), findings.word(f, "en")

    at = datetime(2026, 2, 23, 10, 0, tzinfo=UTC)
    pay = {"kind": "payment", "id": 4, "doc": "invoice", "number": "F2026-000004", "at": at}
    assert both("document_deleted", subject=pay, sealed_at=at) == (
        "Paiement n° 4 de la facture F2026-000004 du 23/02/2026 11:00 : supprimé de la base "
        "après émission (scellement du 23/02/2026 11:00).",
        "Payment no. 4 of invoice F2026-000004 on 23/02/2026 11:00: deleted from the "
        "database after it was issued (sealed on 23/02/2026 11:00).",
    )
    closing = {"kind": "closing", "period": "month", "start": date(2026, 1, 1)}
    assert both("document_unsealed", subject=closing) == (
        "Clôture du mois 01/2026 : absente de la chaîne d'intégrité (entrée supprimée).",
        "Closing of the month 01/2026: missing from the integrity chain (entry deleted).",
    )
    # an anchor log names its documents in French: named again in English from the line
    paid = dict(ANCHORED, label="Paiement n° 7 de l'avoir A2026-000001", record_kind="payment")
    paid["record_id"] = 7
    assert both("anchor_erased", subject=paid, entry=9, at=at)[1] == (
        "Payment no. 7 of credit note A2026-000001: erased from the database "
        "(entry no. 9 anchored on 23/02/2026 11:00)."
    )
    assert both("anchor_not_yet", count=1, last=8)[0] == (
        "1 entrée de la chaîne après la dernière ancrée (n° 8) n'est pas encore ancrée : "
        "elle le sera à la prochaine écriture de l'application."
    )


# --- a tampered demo: the same French as before, proper English --------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return small_demo_copy(tmp_path_factory.mktemp("verify-codes") / "demo.sqlite")


def tampered(demo: Path, target: Path) -> tuple[Path, str]:
    """The demo with its second invoice's amount changed by sqlite3 (triggers dropped,
    then put back: what test_ledger's ``tamper`` does)."""
    target.write_bytes(demo.read_bytes())
    con = sqlite3.connect(target)
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _sql in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    second, number = con.execute(
        "SELECT id, number FROM invoice ORDER BY id LIMIT 1 OFFSET 1"
    ).fetchone()
    con.execute(f"UPDATE invoice SET total_incl_cents = 1 WHERE id = {second}")
    for _name, sql in triggers:
        con.execute(sql)
    con.commit()
    con.close()
    return target, number


def verify_run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_tampered_demo_is_named_in_french_as_before_and_in_english(demo, tmp_path, capsys):
    path, number = tampered(demo, tmp_path / "tampered.sqlite")
    config.save_setting("language", "fr")
    code, _out, err = verify_run(capsys, "verify", "--db", str(path))
    assert code == 1
    assert err.splitlines()[0] == f"tierslieu: Facture {number} : contenu modifié après émission."
    code, out, err = verify_run(capsys, "--lang", "en", "verify", "--db", str(path))
    assert code == 1
    assert (
        err.splitlines()[0] == f"tierslieu: Invoice {number}: content modified after it was issued."
    )
    assert not french_in(err + out), err + out
    assert config.saved_language() == "fr"  # --lang with a command: not saved


# --- every command in English ------------------------------------------------------------


IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"


def commands(demo: Path, tmp: Path) -> list[list[str]]:
    """Every command that prints something, on a copy of the small demo, with what
    goes well and what is refused."""
    db = ["--db", str(demo)]
    con = sqlite3.connect(demo)
    number = con.execute("SELECT number FROM invoice ORDER BY id LIMIT 1").fetchone()[0]
    closed = con.execute("SELECT period_start FROM closing WHERE kind = 'day' LIMIT 1").fetchone()
    (member,) = con.execute("SELECT number FROM member ORDER BY id LIMIT 1").fetchone()
    con.close()
    (tmp / "fec").mkdir()
    backup_dir = tmp / "backups"
    return [
        ["verify", *db],
        ["verify", *db, "--anchors", str(tmp / "nowhere")],
        ["close", "--day", "2099-01-01", *db],
        ["close", "--day", str(closed[0])[:10], *db],
        ["close", "--day", "2026-13-01", *db],
        ["close", "--year", "1999", *db],
        ["deposit", "list", *db],
        ["invoice", "pdf", number, "-o", str(tmp / "f.pdf"), *db],
        ["invoice", "pdf", "F1999-999999", "-o", str(tmp / "f.pdf"), *db],
        ["report", "grant", "99999", "-o", str(tmp / "g.pdf"), *db],
        ["export", "fec", "--year", "2026", "-o", str(tmp / "fec"), *db],
        ["export", "fec", "--year", "2026", "-o", str(tmp / "f.pdf"), *db],
        ["export", "paheko", "--year", "2026", "-o", str(tmp / "p.csv"), *db],
        # (export ledger says what export paheko says, more slowly: not run)
        ["export", "csv", "members", "-o", str(tmp / "m.csv"), *db],
        ["export", "activity", "--from", "2026-03-02", "--to", "2026-03-08"]
        + ["-o", str(tmp / "a.xlsx"), *db],
        ["export", "activity", "--from", "2026-02-01", "--to", "2026-01-01", "-o", "x", *db],
        ["export", "ereporting", "--from", "2026-03-01", "--to", "2026-03-31"]
        + ["-o", str(tmp / "e.xml"), *db],
        ["export", "ereporting", "--from", "2026-03-01", "--to", "2026-03-31", "--payments"]
        + ["-o", str(tmp / "p.xml"), *db],
        ["backup", "-o", str(backup_dir), *db],
        ["backups", "-o", str(backup_dir)],
        ["backups", "-o", str(tmp / "empty")],
        ["demo", *db],
        ["migrate", "--from", str(demo), "--to", str(demo)],
        ["member", "export", member, "-o", str(tmp / "member"), *db],
        ["member", "export", "A99999", "-o", str(tmp / "member"), *db],
        ["member", "anonymise", member, *db],  # refused, or asks for --yes
        ["import", "members", str(IMPORTS / "one_bad_line.csv"), "--dry-run", *db],
        ["import", "members", str(IMPORTS / "paheko_membres_comma.csv"), "--dry-run", *db],
        ["report", "annual", "--year", "2026", "-o", str(tmp / "r.pdf"), *db],
    ]


def test_every_command_speaks_english_with_lang_en(demo, tmp_path, capsys):
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo.read_bytes())
    config.save_setting("language", "fr")
    printed = []
    try:
        for argv in [*commands(copy, tmp_path), ["restore", "LAST", "--db", "restored"]]:
            if argv[0] == "restore":  # the backup made above, into another file
                (backup,) = (tmp_path / "backups").glob("*.sqlite")
                argv = ["restore", str(backup), "--db", str(tmp_path / "restored.sqlite")]
            with contextlib.suppress(SystemExit):  # argparse's refusals
                cli.main(["--lang", "en", *argv])
            out = capsys.readouterr()
            text = out.out + out.err
            assert text.strip(), argv  # every one of them says something
            printed.append(text)
            assert not french_in(text), (argv, text)
            assert formatting.current_locale() == "fr_FR"  # the process's language back
    finally:
        formatting.set_language("fr")
    assert config.saved_language() == "fr"
    joined = "\n".join(printed)
    for english in (
        "is not over yet",
        "is already closed",
        "FEC 2026 written to",
        "Backup written:",
        "Cheques to deposit:",
        "already holds a demo database",
        "restored into",
    ):
        assert english in joined


def test_the_saved_english_setting_makes_the_commands_english(demo, tmp_path, capsys):
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo.read_bytes())
    config.save_setting("language", "en")
    try:
        assert cli.main(["deposit", "list", "--db", str(copy)]) == 0
    finally:
        formatting.set_language("fr")
    out = capsys.readouterr().out
    assert "Cash in the till: €" in out and not french_in(out)


def test_french_stays_the_default(demo, tmp_path, capsys):
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo.read_bytes())
    assert cli.main(["deposit", "list", "--db", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Espèces en caisse : " in out and "€" in out


def test_english_help_has_every_help_text_translated(capsys):
    french = cli_help.help_texts(cli._parser("fr"))
    missing = [t for t in french if t not in cli_help.HELP_EN]
    assert missing == []  # a new help text needs its English in i18n/cli_help.py
    with pytest.raises(SystemExit):
        cli.main(["--lang", "en", "export", "fec", "--help"])
    text = capsys.readouterr().out
    assert "usage: tierslieu export fec" in text and "--year YYYY" in text
    assert not french_in(text.replace("Structure", "")), text


REFUSALS = {
    # what the services raise → the function of cli.py that words it
    "_fec_error_fr": (
        "fec_account_invalid",
        "journal_unbalanced",
        "journal_account_unknown",
        "database_busy",
        "something_new",
    ),
    "_ereporting_error_fr": (
        "ereporting_no_siren",
        "ereporting_period",
        "structure_missing",
        "database_busy",
        "something_new",
    ),
    "_backup_error_fr": (*cli._BACKUP_ERRORS, "database_busy", "something_new"),
}


@pytest.mark.parametrize(
    ("wording", "code"), [(w, c) for w, codes in REFUSALS.items() for c in codes]
)
def test_every_refusal_is_worded_in_both_languages(wording, code):
    from tierslieu_desktop.domain.errors import DomainError

    exc = DomainError(
        code,
        account="7O6",
        key="usage",
        piece="F2026-000001",
        debit=100,
        credit=90,
        file="/srv/b.sqlite",
        target="/srv/lab.sqlite",
        first=date(2026, 3, 1),
        last=date(2026, 3, 31),
    )
    said = {}
    for lang in ("fr", "en"):
        cli._LANG[0] = lang
        try:
            said[lang] = getattr(cli, wording)(exc)
        finally:
            cli._LANG[0] = "fr"
    assert said["fr"] != said["en"]
    assert not french_in(said["en"]), said["en"]
    assert "{" not in said["fr"] + said["en"]  # every placeholder filled
