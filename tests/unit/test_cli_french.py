"""argparse's own messages in French (issue 13, point 7): a mistyped command, a missing
or unknown argument, a value of the wrong type say what is wrong in the user's language,
with the usage, exit 2 and no English left."""

from __future__ import annotations

import argparse
import gettext

import pytest

from tierslieu_desktop.cli import main

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

ENGLISH = (
    "usage:",
    "error:",
    "invalid choice",
    "the following arguments are required",
    "unrecognized arguments",
    "invalid int value",
    "one of the arguments",
    "expected one argument",
    "show this help",
    "positional arguments",
)


def run(capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.err + out.out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["frobnicate"], "argument COMMANDE : choix non valable : 'frobnicate'"),
        (["export", "xlsx"], "ces arguments sont obligatoires : TABLE, -o/--output"),
        (["verify", "--nope"], "arguments inconnus : --nope"),
        (["report", "grant", "abc", "-o", "x.pdf"], "valeur non valable : 'abc' (nombre entier"),
        (["demo", "--size", "huge"], "argument --size : choix non valable : 'huge'"),
        (["close"], "l'un de ces arguments est obligatoire : --day --month --year"),
        (["report", "annual", "--year"], "argument --year : une valeur est attendue"),
        (["report", "annual", "--year", "9999", "-o", "x.pdf"], "l'année 9999 est hors"),
        (["export", "fec", "--year", "deux-mille"], "« deux-mille » n'est pas une année"),
    ],
)
def test_argparse_errors_are_french(capsys, argv, expected):
    code, text = run(capsys, *argv)
    assert code == 2
    assert expected in text
    assert "utilisation : tierslieu" in text and "erreur :" in text
    assert not [english for english in ENGLISH if english in text]


def test_help_is_french(capsys):
    code, text = run(capsys, "--help")
    assert code == 0
    assert "afficher cette aide et quitter" in text and "afficher la version" in text
    assert not [english for english in ENGLISH if english in text]
    code, text = run(capsys, "export", "fec", "-h")
    assert code == 0 and "utilisation : tierslieu export fec" in text


def test_argparse_is_english_again_after_the_command_line():
    """The French messages are swapped in only while our parser works."""
    with pytest.raises(SystemExit):
        main(["frobnicate"])
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(prog="other")
    assert "usage: other" in parser.format_usage()
