"""``tierslieu migrate --from FILE_OR_URL --to URL``: a lab's database moved to another
engine (an SQLite file onto the lab's PostgreSQL server, or back), through
``services.safety.moving``. Prints what it copied, table by table, and both sides'
verification; exit 1 and nothing written on the target when anything is wrong."""

from __future__ import annotations

import argparse
import sys

from tierslieu_desktop.i18n.messages import count_fr

_TEXTS = {
    "fr": {
        "copying": "Copie de « {source} » vers « {target} »…",
        "table": "  {table} : {rows}",
        "done": "{tables} tables, {rows} copiées ; comptes identiques des deux côtés.",
        "verified": "Vérification : source intègre, cible intègre.",
        "target_unsound": (
            "Vérification de la cible : {n}. Lancez « tierslieu verify --db {target} »."
        ),
        "target_not_empty": (
            "La base cible n'est pas vide (table {table} : {rows}) : rien n'a été "
            "copié. Donnez une base neuve."
        ),
        "source_unsound": (
            "La base source ne se vérifie pas ({problems}) : rien n'a été copié. "
            "Lancez « tierslieu verify » et restaurez une sauvegarde saine."
        ),
        "move_mismatch": (
            "Table {table} : {source} à la source, {target} dans la cible : copie "
            "annulée, la cible est restée vide."
        ),
        "same": "La source et la cible sont la même base.",
        "failed": "Copie impossible : {detail}. Rien n'a été écrit dans la cible.",
    },
    "en": {
        "copying": 'Copying "{source}" to "{target}"…',
        "table": "  {table}: {rows}",
        "done": "{tables} tables, {rows} copied; the same counts on both sides.",
        "verified": "Verification: the source is sound, the target is sound.",
        "target_unsound": 'Verification of the target: {n}. Run "tierslieu verify --db {target}".',
        "target_not_empty": (
            "The target database is not empty (table {table}: {rows}): nothing was "
            "copied. Give a new, empty database."
        ),
        "source_unsound": (
            "The source database does not verify ({problems}): nothing was "
            'copied. Run "tierslieu verify" and restore a sound backup.'
        ),
        "move_mismatch": (
            "Table {table}: {source} in the source, {target} in the target: the copy "
            "was cancelled and the target left empty."
        ),
        "same": "The source and the target are the same database.",
        "failed": "The copy failed: {detail}. Nothing was written to the target.",
    },
}


def _count(n: int, what: str, lang: str) -> str:
    """``n`` rows or problems, the noun agreed (never "(s)")."""
    words = {
        ("fr", "rows"): ("ligne", "lignes"),
        ("fr", "problems"): ("problème", "problèmes"),
        ("en", "rows"): ("row", "rows"),
        ("en", "problems"): ("problem", "problems"),
    }
    one, many = words[(lang if lang == "en" else "fr", what)]
    if lang == "en":
        return f"{n} {one if n == 1 else many}"
    return count_fr(n, one, many)


def _worded(params: dict[str, object], lang: str) -> dict[str, object]:
    """A DomainError's parameters with its counts worded."""
    out = dict(params)
    for key, what in (("rows", "rows"), ("source", "rows"), ("target", "rows")):
        if isinstance(out.get(key), int):
            out[key] = _count(int(out[key]), what, lang)  # type: ignore[call-overload]
    if isinstance(out.get("problems"), int):
        out["problems"] = _count(int(out["problems"]), "problems", lang)  # type: ignore[call-overload]
    return out


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "migrate",
        help="déplacer la base vers un autre moteur (fichier SQLite → serveur PostgreSQL)",
    )
    p.add_argument("--from", dest="source", required=True, metavar="FICHIER_OU_URL")
    p.add_argument("--to", dest="target", required=True, metavar="URL")


def run(args: argparse.Namespace, lang: str) -> int:
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database, shown_target
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n import messages
    from tierslieu_desktop.services.safety.moving import move_database

    texts = _TEXTS.get(lang, _TEXTS["fr"])
    if args.source == args.target:
        print(texts["same"], file=sys.stderr)
        return 1
    databases = []
    try:
        for name in (args.source, args.target):
            databases.append(open_database(name))
    except DatabaseOpenError as exc:
        print(messages.open_error_text(exc.code, exc.target, exc.detail, lang), file=sys.stderr)
        for db in databases:
            db.dispose()
        return 1
    source, target = databases
    from tierslieu_desktop import cli_login

    try:
        cli_login.login(source)  # the lab's accounts move with it; the target has none yet
    except BaseException:
        source.dispose()
        target.dispose()
        raise
    print(
        texts["copying"].format(source=shown_target(args.source), target=shown_target(args.target))
    )
    try:
        report = move_database(source, target)
    except DomainError as exc:
        if exc.code == "not_permitted":
            raise  # worded once, by cli.main (cli_login.refusal)
        text = texts.get(exc.code)
        print(
            text.format(**_worded(exc.params, lang))
            if text
            else texts["failed"].format(detail=exc.code),
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # a value the target refuses (a NUL byte in PostgreSQL…)
        print(texts["failed"].format(detail=str(exc).splitlines()[0]), file=sys.stderr)
        return 1
    finally:
        source.dispose()
        target.dispose()
    for table, rows in report.counts.items():
        if rows:
            print(texts["table"].format(table=table, rows=_count(rows, "rows", lang)))
    total = _count(sum(report.counts.values()), "rows", lang)
    print(texts["done"].format(tables=len(report.counts), rows=total))
    if report.target_problems:
        print(
            texts["target_unsound"].format(
                n=_count(report.target_problems, "problems", lang), target=shown_target(args.target)
            ),
            file=sys.stderr,
        )
        return 1
    print(texts["verified"])
    return 0
