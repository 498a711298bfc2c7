"""``tierslieu export mediation --month AAAA-MM -o FICHIER.xlsx`` (issue 22): a month of
the cyber-base's digital inclusion in the columns of the "Coop de la médiation numérique"
(services.activity.mediation, reports.mediation_xlsx). Its own module so that cli.py only
hooks it in (``add_parser`` on the export sub-commands, ``run``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

_LANG = ["fr"]


def _t(key: str, /, **data: Any) -> str:
    from tierslieu_desktop.i18n.cli_messages import text

    return text(key, _LANG[0], **data)


def _month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(_t("month_invalid", text=text)) from None


def add_parser(export_sub: argparse._SubParsersAction) -> None:
    mediation = export_sub.add_parser(
        "mediation",
        help="un mois de médiation numérique au modèle de la Coop de la médiation "
        "numérique (XLSX : activités, chiffres du mois)",
    )
    mediation.add_argument(
        "--month", type=_month, required=True, metavar="AAAA-MM", help="le mois à exporter"
    )
    mediation.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier XLSX")
    mediation.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")


def run(
    target: str | None,
    args: argparse.Namespace,
    fail: Callable[[str], int],
    open_error: Callable[[Any], str],
    lang: str = "fr",
) -> int:
    from pathlib import Path

    from tierslieu_desktop.cli_login import open_database  # logs in (--user, TIERSLIEU_USER)
    from tierslieu_desktop.db.engine import DatabaseOpenError
    from tierslieu_desktop.fileperms import write_private_bytes
    from tierslieu_desktop.reports.mediation_pdf import mediation_pdf
    from tierslieu_desktop.reports.mediation_xlsx import mediation_xlsx
    from tierslieu_desktop.services.activity.mediation import mediation_month, month_bounds

    _LANG[0] = lang
    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return fail(open_error(exc))
    try:
        first, last = month_bounds(args.month.year, args.month.month)
        month = mediation_month(db, first, last)
        try:
            pdf = Path(args.output).suffix.lower() == ".pdf"
            data = mediation_pdf(month) if pdf else mediation_xlsx(month)
            write_private_bytes(Path(args.output), data)
        except OSError as exc:
            return fail(_t("cannot_write", file=args.output, error=exc.strerror or exc))
        print(
            _t(
                "mediation_written",
                month=f"{first:%m/%Y}",
                file=args.output,
                rows=len(month.records),
            )
        )
        return 0
    finally:
        db.dispose()
