"""``tierslieu member export NUMBER -o FILE`` and ``tierslieu member anonymise NUMBER
--yes`` (issue 19, point 3): a member's personal data written as PDF and JSON, and the
anonymisation that keeps the issued invoices (services.privacy). Its own module so that
cli.py only hooks it in (``add_parser``, ``run``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tierslieu_desktop.db.engine import Database

# The language of this run, set by ``run`` (cli.py's --lang, else the saved setting);
# the messages are in i18n/cli_messages.py.
_LANG = ["fr"]


def _t(key: str, /, **data: Any) -> str:
    from tierslieu_desktop.i18n.cli_messages import text

    return text(key, _LANG[0], **data)


def add_parser(sub: argparse._SubParsersAction) -> None:
    member = sub.add_parser("member", help="données personnelles d'un adhérent (RGPD)")
    member_sub = member.add_subparsers(dest="member_command", required=True)
    export = member_sub.add_parser(
        "export", help="écrire tout ce qui est conservé sur un adhérent (PDF et JSON)"
    )
    export.add_argument("number", metavar="NUMERO", help="numéro d'adhérent (A00012)")
    export.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FICHIER",
        help="FICHIER.pdf et FICHIER.json sont écrits (une extension .pdf ou .json donnée "
        "est remplacée)",
    )
    anonymise = member_sub.add_parser(
        "anonymise", help="anonymiser un adhérent (irréversible ; les factures restent)"
    )
    anonymise.add_argument("number", metavar="NUMERO", help="numéro d'adhérent (A00012)")
    anonymise.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    anonymise.add_argument(
        "--yes", action="store_true", help="confirmer (sans --yes : rien n'est modifié)"
    )


def run(
    target: str | None,
    args: argparse.Namespace,
    fail: Callable[[str], int],
    open_error: Callable[[Any], str],
    lang: str = "fr",
) -> int:
    from tierslieu_desktop.cli_login import with_database

    _LANG[0] = lang
    from tierslieu_desktop.domain.errors import NotFound

    def body(db: Database) -> int:
        from tierslieu_desktop.services.privacy.export import member_id_by_number

        try:
            member_id = member_id_by_number(db, args.number)
        except NotFound:
            return fail(_t("no_member", number=args.number))
        if args.member_command == "export":
            return _export(db, member_id, args.output, fail)
        return _anonymise(db, member_id, args.yes, fail)

    return with_database(target, fail, open_error, body)


def _export(db: Database, member_id: int, output: str, fail: Callable[[str], int]) -> int:
    from tierslieu_desktop.fileperms import write_private_bytes
    from tierslieu_desktop.reports.personal_data import (
        member_data_json,
        member_data_pdf,
        output_paths,
    )
    from tierslieu_desktop.services.privacy.export import member_data

    export = member_data(db, member_id)
    pdf, json_path = output_paths(output)
    for path, data in ((pdf, member_data_pdf(export)), (json_path, member_data_json(export))):
        try:
            write_private_bytes(str(path), data)  # personal data: 0600 on POSIX
        except OSError as exc:
            return fail(_t("cannot_write", file=path, error=exc.strerror or exc))
    print(_t("member_written", number=export.member_number, pdf=pdf, json=json_path))
    return 0


def _anonymise(db: Database, member_id: int, yes: bool, fail: Callable[[str], int]) -> int:
    from tierslieu_desktop.cli_login import operator_id
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.services.privacy.anonymise import anonymise_member, anonymise_preview

    preview = anonymise_preview(db, member_id)
    if preview.anonymised_at is not None:
        return fail(_t("already_anonymised", number=preview.number))
    who = {"name": preview.name, "number": preview.number}
    if preview.blockers:
        why = _t("blockers_join").join(_t(f"blocker_{b}") for b in preview.blockers)
        return fail(_t("anonymise_blocked", why=why, **who))
    if not yes:
        print(_t("anonymise_confirm", kept=preview.invoices_kept, **who), file=sys.stderr)
        return 1
    try:
        anonymise_member(
            db,
            operator_id(db),
            member_id,
            confirm_number=preview.number,
        )
    except DomainError as exc:
        if exc.code == "not_permitted":
            raise  # worded once, by cli.main (cli_login.refusal)
        return fail(_t("anonymise_failed", code=exc.code))
    print(_t("anonymised", kept=preview.invoices_kept, **who))
    return 0
