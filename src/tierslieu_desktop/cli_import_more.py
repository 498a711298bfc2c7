"""``tierslieu import machines FILE`` and ``tierslieu import registrations FILE --session
ID``: the machines and class-list importers (services.imports.machines,
.registrations) from the command line, worded by i18n/imports_more.py.

Each prints, as ``import members`` does (cli_import.py, the words of i18n/imports.py and
imports_more.py), every refused line with its number and field, then what was (or,
with ``--dry-run``, would be) created, completed and skipped. Exit 1 and nothing
written when a line is refused, unless ``--skip-bad`` (the other lines are then
written); exit 1 too for a file that cannot be read or a session that cannot take the
list. The column mapping is the one saved by the import wizard for the file's columns,
else the importer's suggestion (services.imports.mappings)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tierslieu_desktop import config

if TYPE_CHECKING:
    from tierslieu_desktop.db.engine import Database
    from tierslieu_desktop.services.imports.base import Importer
    from tierslieu_desktop.services.imports.tables import Table


def add_import_parsers(import_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``machines`` and ``registrations`` sub-commands of ``tierslieu import``."""
    machines = import_sub.add_parser(
        "machines", help="importer des machines (CSV ou XLSX : nom, espace, catégorie, prix…)"
    )
    _common(machines)
    registrations = import_sub.add_parser(
        "registrations", help="inscrire une liste (classe, groupe) à une séance d'activité"
    )
    _common(registrations)
    registrations.add_argument(
        "--session", type=int, required=True, metavar="ID", help="numéro de la séance"
    )
    registrations.add_argument(
        "--group",
        metavar="NOM",
        help="inscrire la liste comme un groupe de ce nom (les lignes sont comptées, "
        "aucun adhérent créé)",
    )
    registrations.add_argument(
        "--responsible", default="", metavar="NOM", help="responsable du groupe (l'enseignant)"
    )
    registrations.add_argument(
        "--audience", metavar="PUBLIC", help="public des adhérents créés (ex. « Scolaires »)"
    )


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="fichier CSV ou XLSX")
    parser.add_argument(
        "--dry-run", action="store_true", help="tout vérifier sans rien enregistrer"
    )
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="enregistrer les bonnes lignes et lister les lignes refusées",
    )
    parser.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    parser.add_argument(
        "--lang", dest="sub_lang", choices=config.LANGUAGES, help="langue des messages"
    )


def run_import_more(target: str | None, args: argparse.Namespace, lang: str = "fr") -> int:
    """Run ``tierslieu import machines|registrations`` (``args.import_command``)."""
    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n import imports as words
    from tierslieu_desktop.i18n import messages
    from tierslieu_desktop.services.imports.tables import read_table

    lang = getattr(args, "sub_lang", None) or lang
    path = Path(args.file)
    try:
        table = read_table(path)
    except DomainError as exc:
        if exc.code == "not_permitted":
            raise  # worded once, by cli.main (cli_login.refusal)
        params = {"name": path.name, "detail": "", "line": "", **exc.params}
        return _fail(words.cli_text(exc.code, lang, **params))
    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(messages.open_error_text(exc.code, exc.target, exc.detail, lang))
    try:
        return _run(db, table, args, lang)
    finally:
        db.dispose()


def _fail(text: str) -> int:
    print(f"tierslieu: {text}", file=sys.stderr)
    return 1


def _run(db: Database, table: Table, args: argparse.Namespace, lang: str) -> int:
    from tierslieu_desktop.cli_login import operator_id
    from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
    from tierslieu_desktop.i18n import imports as words
    from tierslieu_desktop.i18n import imports_more as more
    from tierslieu_desktop.services.imports.base import Action
    from tierslieu_desktop.services.imports.machines import MachinesImporter
    from tierslieu_desktop.services.imports.mappings import mapping_for
    from tierslieu_desktop.services.imports.registrations import (
        GroupSpec,
        RegistrationsImporter,
    )

    importer: Importer
    kind = args.import_command
    group = ""
    if kind == "machines":
        importer = MachinesImporter.for_database(db)
    else:
        audience_id = _audience(db, args.audience) if args.audience else None
        if args.audience and audience_id is None:
            return _fail(more.message("unknown_public", lang, public=args.audience))
        spec = None
        if args.group is not None:
            group = " ".join(args.group.split())
            if not group:
                return _fail(more.message("group_name_required", lang))
            spec = GroupSpec(group, responsible_name=args.responsible)
        importer = RegistrationsImporter(args.session, audience_id=audience_id, group=spec)
        kind = "group" if spec is not None else "pupils"
    mapping = mapping_for(importer, table.headers, "csv")
    missing = _missing(importer, mapping)
    if missing:
        headers = ", ".join(h for h in table.headers if h) or "—"
        field = words.field_name(missing, lang)
        return _fail(more.message("no_column", lang, field=field, headers=headers))
    try:
        plan = importer.plan(db, table, mapping, source="csv")
        print(
            words.cli_text(
                "file",
                lang,
                name=table.name,
                source=words.source_name("csv", lang),
                n=len(table.rows),
            )
        )
        refused = plan.errors
        for error in refused:
            print(words.line_error_text(error, lang))
        refused_lines = plan.count(Action.REFUSED)
        if args.dry_run or (refused and not args.skip_bad):
            print(
                more.summary(
                    kind,
                    created=plan.count(Action.CREATE),
                    merged=plan.count(Action.MERGE),
                    skipped=plan.count(Action.SKIP),
                    refused=refused_lines,
                    group=group,
                    lang=lang,
                    planned=True,
                )
            )
            if refused and not args.skip_bad:
                key = "nothing_written" if refused_lines == 1 else "nothing_written_many"
                print(words.cli_text(key, lang))
                return 1
            print(words.cli_text("dry_run", lang))
            return 0
        result = importer.apply(db, plan, skip_bad=args.skip_bad, operator_id=operator_id(db))
    except NotFound as exc:
        if exc.params.get("entity") == "activity_session":
            return _fail(more.message("session_not_found", lang, session=args.session))
        raise
    except ValidationError as exc:
        for key in ("group_name", "responsible_name"):
            if key in exc.fields:
                if exc.fields[key] == "required":
                    return _fail(more.message("group_name_required", lang))
                field = more.field_name(key, lang)
                colon = " : " if lang == "fr" else ": "
                return _fail(field + colon + words.error_text(exc.fields[key], "", lang))
        raise
    except DomainError as exc:
        if exc.code == "not_permitted":
            raise  # worded once, by cli.main (cli_login.refusal)
        if exc.code == "session_cancelled":
            return _fail(more.message("session_cancelled", lang, session=args.session))
        if exc.code == "group_already_registered":
            return _fail(more.message(exc.code, lang, group=exc.params.get("group", "")))
        if exc.code in ("read_only", "database_busy", "cancelled"):
            return _fail(words.cli_text(exc.code, lang))
        raise
    for error in result.refused[len(refused) :]:  # refused while writing
        print(words.line_error_text(error, lang))
    print(
        more.summary(
            kind,
            created=result.created,
            merged=result.merged,
            skipped=result.skipped,
            refused=len({e.line for e in result.refused}),
            group=group,
            lang=lang,
        )
    )
    if not result.written:
        print(words.cli_text("nothing_written", lang))
        return 1
    print(words.cli_text("written_skip_bad" if result.refused else "written", lang))
    return 0


def _missing(importer: Importer, mapping: dict[str, str | None]) -> str:
    """The first required field no column feeds ("" when all are fed); a class list's
    "Nom" may come from a "Nom et prénom" column."""
    for spec in importer.fields:
        if spec.required and not mapping.get(spec.key):
            if spec.key == "last_name" and mapping.get("full_name"):
                continue
            return spec.key
    return ""


def _audience(db: Database, name: str) -> int | None:
    from tierslieu_desktop.services.common import fold
    from tierslieu_desktop.services.people.audiences import list_audiences

    wanted = fold(" ".join(name.split()))
    for row in list_audiences(db, include_archived=False):
        if fold(row.name) == wanted:
            return row.id
    return None
