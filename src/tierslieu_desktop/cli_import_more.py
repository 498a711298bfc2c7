"""``tierslieu import machines FILE`` and ``tierslieu import registrations FILE --session
ID``: the machines and class-list importers (services.imports.machines,
.registrations) from the command line, worded by i18n/imports_more.py.

Each prints what was (or, with ``--dry-run``, would be) created, completed and
skipped, and every refused line with its number and field. Exit 1 and nothing written
when a line is refused, unless ``--skip-bad`` (the other lines are then written); exit 1
too for a file that cannot be read or a session that cannot take the list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tierslieu_desktop.db.engine import Database
    from tierslieu_desktop.services.imports.base import Importer


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
    parser.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    parser.add_argument(
        "--dry-run", action="store_true", help="vérifier et compter sans rien enregistrer"
    )
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="importer les lignes correctes et laisser de côté les lignes refusées",
    )


def run_import_more(target: str | None, args: argparse.Namespace, lang: str = "fr") -> int:
    """Run ``tierslieu import machines|registrations`` (``args.import_command``)."""
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.i18n import messages

    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(messages.open_error_text(exc.code, exc.target, exc.detail, lang))
    try:
        return _run(db, args, lang)
    finally:
        db.dispose()


def _fail(text: str) -> int:
    print(f"tierslieu: {text}", file=sys.stderr)
    return 1


def _run(db: Database, args: argparse.Namespace, lang: str) -> int:
    from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
    from tierslieu_desktop.i18n import imports_more as words
    from tierslieu_desktop.services.imports.machines import MachinesImporter
    from tierslieu_desktop.services.imports.registrations import (
        GroupSpec,
        RegistrationsImporter,
    )
    from tierslieu_desktop.services.imports.tables import read_table
    from tierslieu_desktop.services.people.operators import ensure_operator

    path = Path(args.file)
    importer: Importer
    kind = args.import_command
    group = ""
    try:
        table = read_table(path)
        if kind == "machines":
            importer = MachinesImporter.for_database(db)
        else:
            audience_id = _audience(db, args.audience) if args.audience else None
            if args.audience and audience_id is None:
                return _fail(words.message("unknown_public", lang, public=args.audience))
            spec = None
            if args.group is not None:
                group = " ".join(args.group.split())
                if not group:
                    return _fail(words.message("group_name_required", lang))
                spec = GroupSpec(group, responsible_name=args.responsible)
            importer = RegistrationsImporter(args.session, audience_id=audience_id, group=spec)
            kind = "group" if spec is not None else "pupils"
        mapping = importer.suggest_mapping(table.headers, table.kind)
        missing = _missing(importer, mapping)
        if missing:
            return _fail(
                words.message(
                    "no_column",
                    lang,
                    field=words.field_name(missing, lang),
                    headers=", ".join(h for h in table.headers if h) or "—",
                )
            )
        plan = importer.plan(db, table, mapping, source=table.kind)
        for error in plan.errors:
            print(words.line_error(error, lang), file=sys.stderr)
        from tierslieu_desktop.services.imports.base import Action

        refused = plan.count(Action.REFUSED)
        if args.dry_run:
            print(
                words.summary(
                    kind,
                    path.name,
                    lines=len(plan.lines),
                    created=plan.count(Action.CREATE),
                    merged=plan.count(Action.MERGE),
                    skipped=plan.count(Action.SKIP),
                    refused=refused,
                    group=group,
                    lang=lang,
                )
            )
            print(words.message("dry_run", lang))
            return 1 if refused and not args.skip_bad else 0
        result = importer.apply(db, plan, skip_bad=args.skip_bad, operator_id=ensure_operator(db))
    except NotFound as exc:
        if exc.params.get("entity") == "activity_session":
            return _fail(words.message("session_not_found", lang, session=args.session))
        raise
    except ValidationError as exc:
        if "group_name" in exc.fields:
            return _fail(words.message("group_name_required", lang))
        raise
    except DomainError as exc:
        if exc.code == "session_cancelled":
            return _fail(words.message("session_cancelled", lang, session=args.session))
        if exc.code == "group_already_registered":
            return _fail(words.message(exc.code, lang, group=exc.params.get("group", "")))
        if exc.code in ("file_unreadable", "file_undecodable", "file_empty", "cancelled"):
            return _fail(words.message(exc.code, lang, name=path.name))
        raise
    for error in result.refused[len(plan.errors) :]:  # refused while writing
        print(words.line_error(error, lang), file=sys.stderr)
    print(
        words.summary(
            kind,
            path.name,
            lines=len(plan.lines),
            created=result.created,
            merged=result.merged,
            skipped=result.skipped,
            refused=len({e.line for e in result.refused}),
            group=group,
            lang=lang,
        )
    )
    if not result.written:
        print(words.message("nothing_written", lang), file=sys.stderr)
        return 1
    print(words.message("written", lang))
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
