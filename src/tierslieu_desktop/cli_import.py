"""``tierslieu import <what> FILE``: bringing a lab's records in from the command line
(issue 18). ``import members`` reads a CSV/XLSX file, HelloAsso's export of memberships,
Paheko's or Fab Manager's members export (told by its headers, or ``--format``), plans
every line (services.imports.members: the same plan the import wizard previews), prints
how many members are created, completed (a duplicate of a member already in the base)
and skipped, and every refused line with its number, then writes everything in one
transaction — or nothing (exit 1) when a line is refused, unless ``--skip-bad``.
``--dry-run`` writes nothing. The words are those of the window (i18n/imports.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tierslieu_desktop import config

FORMATS = ("auto", "csv", "xlsx", "helloasso", "paheko", "fabmanager")


def add_import_parser(sub: Any) -> None:
    """The ``import`` group and its ``members`` command, on the CLI's sub-parsers."""
    group = sub.add_parser(
        "import",
        help="importer des membres (CSV, XLSX, HelloAsso, Paheko…), des machines, une liste",
    )
    what = group.add_subparsers(dest="import_command", required=True, metavar="QUOI")
    members = what.add_parser(
        "members", help="importer des membres et leurs adhésions depuis un fichier"
    )
    members.add_argument("file", metavar="FICHIER", help="fichier CSV ou XLSX")
    members.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="format du fichier (défaut : reconnu à ses en-têtes)",
    )
    members.add_argument(
        "--dry-run", action="store_true", help="tout vérifier sans rien enregistrer"
    )
    members.add_argument(
        "--skip-bad",
        action="store_true",
        help="enregistrer les bonnes lignes et lister les lignes refusées",
    )
    members.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    members.add_argument(
        "--lang", dest="sub_lang", choices=config.LANGUAGES, help="langue des messages"
    )
    from tierslieu_desktop.cli_import_more import add_import_parsers

    add_import_parsers(what)  # import machines | registrations


def run(target: str | None, args: argparse.Namespace, lang: str) -> int:
    lang = getattr(args, "sub_lang", None) or lang
    if args.import_command == "members":
        return import_members(
            target,
            Path(args.file),
            fmt=args.format,
            dry_run=args.dry_run,
            skip_bad=args.skip_bad,
            lang=lang,
        )
    if args.import_command in ("machines", "registrations"):
        from tierslieu_desktop.cli_import_more import run_import_more

        return run_import_more(target, args, lang)
    return 2  # argparse requires a known command: not reached


def _fail(message: str) -> int:
    print(f"tierslieu: {message}", file=sys.stderr)
    return 1


def import_members(
    target: str | None,
    path: Path,
    *,
    fmt: str = "auto",
    dry_run: bool = False,
    skip_bad: bool = False,
    lang: str = "fr",
) -> int:
    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n import imports as words
    from tierslieu_desktop.i18n import messages
    from tierslieu_desktop.services.imports.base import Action
    from tierslieu_desktop.services.imports.mappings import mapping_for
    from tierslieu_desktop.services.imports.members import IMPORTER
    from tierslieu_desktop.services.imports.sources import detect_source
    from tierslieu_desktop.services.imports.tables import read_table

    try:
        table = read_table(path)
    except DomainError as exc:
        if exc.code == "not_permitted":
            raise  # worded once, by cli.main (cli_login.refusal)
        params = {"name": path.name, "detail": "", "line": "", **exc.params}
        return _fail(words.cli_text(exc.code, lang, **params))
    source = detect_source(table.headers) if fmt == "auto" else fmt
    source = "csv" if source == "xlsx" else source
    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(messages.open_error_text(exc.code, exc.target, exc.detail, lang))
    try:
        mapping = mapping_for(IMPORTER, table.headers, source)
        plan = IMPORTER.plan(db, table, mapping, source=source)
        print(
            words.cli_text(
                "file",
                lang,
                name=path.name,
                source=words.source_name(source, lang),
                n=len(table.rows),
            )  # fmt: skip
        )
        for line in plan.lines:
            if line.skip_reason:
                print(words.skipped_line_text(line.line, line.skip_reason, lang))
        refused = plan.errors
        for error in refused:
            print(words.line_error_text(error, lang))
        refused_lines = plan.count(Action.REFUSED)
        if dry_run or (refused and not skip_bad):
            counts = (
                ("created", plan.count(Action.CREATE)),
                ("merged", plan.count(Action.MERGE)),
                ("skipped", plan.count(Action.SKIP)),
                ("refused", refused_lines),
            )
            print(", ".join(words.count_text(what, n, lang, planned=True) for what, n in counts))
            if refused and not skip_bad:
                key = "nothing_written" if refused_lines == 1 else "nothing_written_many"
                print(words.cli_text(key, lang))
                return 1
            print(words.cli_text("dry_run", lang))
            return 0
        try:
            result = IMPORTER.apply(db, plan, skip_bad=skip_bad)
        except DomainError as exc:
            if exc.code == "not_permitted":
                raise  # worded once, by cli.main (cli_login.refusal)
            key = exc.code if exc.code in ("read_only", "database_busy", "cancelled") else ""
            return _fail(words.cli_text(key, lang) if key else str(exc))
        for error in result.refused[len(refused) :]:
            print(words.line_error_text(error, lang))
        counts = (
            ("created", result.created),
            ("merged", result.merged),
            ("skipped", result.skipped),
            ("refused", refused_lines + len(result.refused) - len(refused)),
        )
        print(", ".join(words.count_text(what, n, lang) for what, n in counts))
        if not result.written:
            print(words.cli_text("nothing_written", lang))
            return 1
        print(words.cli_text("written_skip_bad" if result.refused else "written", lang))
        return 0
    finally:
        db.dispose()
