"""The command line's argparse in French: its own messages (usage, errors, help headings)
translated while it builds, parses and prints (``FrenchArgumentParser``)."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

# argparse's own messages (its gettext msgids, Python 3.11–3.13), in French. argparse
# looks its ``_`` and ``ngettext`` up when it builds a message: FrenchArgumentParser swaps
# them for these while it builds, parses and prints.
ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "subcommands": "commandes",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix non valable : %(value)r (possibles : %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valeur non valable : %(value)r (%(type)s attendu)",
    "the following arguments are required: %s": "ces arguments sont obligatoires : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "one of the arguments %s is required": "l'un de ces arguments est obligatoire : %s",
    "not allowed with argument %s": "impossible avec l'argument %s",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "une valeur au moins est attendue",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut être %(matches)s"
    ),
    "ignored explicit argument %r": "valeur ignorée : %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue %(parser_name)r (possibles : %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "unexpected option string: %s": "option inattendue : %s",
}
# What "invalid int value" calls the type it expected.
_TYPE_FR = {"(int attendu)": "(nombre entier attendu)", "(float attendu)": "(nombre attendu)"}


def _gettext_fr(message: str) -> str:
    return ARGPARSE_FR.get(message, message)


def _ngettext_fr(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "%s valeur attendue" if n == 1 else "%s valeurs attendues"
    return singular if n == 1 else plural


class _InFrench:
    """While active, argparse builds its messages in French (re-entrant)."""

    depth = 0
    saved: tuple[object, object] | None = None

    def __enter__(self) -> None:
        if _InFrench.depth == 0:
            _InFrench.saved = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
            argparse._ = _gettext_fr  # type: ignore[attr-defined]
            argparse.ngettext = _ngettext_fr  # type: ignore[attr-defined]
        _InFrench.depth += 1

    def __exit__(self, *_exc: object) -> None:
        _InFrench.depth -= 1
        if _InFrench.depth == 0 and _InFrench.saved is not None:
            argparse._, argparse.ngettext = _InFrench.saved  # type: ignore[attr-defined]
            _InFrench.saved = None


class FrenchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own messages (usage, errors, help headings) are French;
    its sub-command parsers are of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _InFrench():
            super().__init__(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _InFrench():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _InFrench():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _InFrench():
            return super().format_usage()

    def format_help(self) -> str:
        with _InFrench():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        for english, french in _TYPE_FR.items():
            message = message.replace(english, french)
        with _InFrench():
            super().error(message)
