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

BLOCKERS_FR = {
    "open_basket": "un panier est ouvert à son nom (validez-le ou annulez-le)",
    "unbilled_usages": "des utilisations ne sont pas encore facturées",
    "open_balance": "une facture n'est pas soldée (ou un avoir n'est pas remboursé)",
    "bookings_to_come": "des réservations sont à venir ou en cours",
    "registrations_to_come": "des inscriptions à des séances à venir",
}


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
) -> int:
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.domain.errors import NotFound

    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return fail(open_error(exc))
    try:
        from tierslieu_desktop.services.privacy.export import member_id_by_number

        try:
            member_id = member_id_by_number(db, args.number)
        except NotFound:
            return fail(f"aucun adhérent n° « {args.number} ».")
        if args.member_command == "export":
            return _export(db, member_id, args.output, fail)
        return _anonymise(db, member_id, args.yes, fail)
    finally:
        db.dispose()


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
            return fail(f"impossible d'écrire « {path} » : {exc.strerror or exc}")
    print(f"Données de l'adhérent n° {export.member_number} écrites dans {pdf} et {json_path}")
    return 0


def _anonymise(db: Database, member_id: int, yes: bool, fail: Callable[[str], int]) -> int:
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.services.people.operators import ensure_operator
    from tierslieu_desktop.services.privacy.anonymise import anonymise_member, anonymise_preview

    preview = anonymise_preview(db, member_id)
    if preview.anonymised_at is not None:
        return fail(f"l'adhérent n° {preview.number} est déjà anonymisé.")
    if preview.blockers:
        why = " ; ".join(BLOCKERS_FR.get(b, b) for b in preview.blockers)
        return fail(f"anonymisation de {preview.name} (n° {preview.number}) impossible : {why}.")
    if not yes:
        print(
            f"L'anonymisation de {preview.name} (n° {preview.number}) est irréversible : "
            f"ses {preview.invoices_kept} factures et avoirs restent avec l'identité figée à "
            "leur émission. Relancez avec --yes pour confirmer ; rien n'a été modifié.",
            file=sys.stderr,
        )
        return 1
    try:
        anonymise_member(
            db,
            ensure_operator(db),
            member_id,
            confirm_number=preview.number,
        )
    except DomainError as exc:
        return fail(f"anonymisation impossible ({exc.code}).")
    print(
        f"{preview.name} (n° {preview.number}) anonymisé : la fiche porte désormais "
        f"« Anonyme n° {preview.number} » ; {preview.invoices_kept} factures et avoirs "
        "conservés."
    )
    return 0
