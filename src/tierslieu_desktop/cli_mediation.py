"""The cyber-base's national reporting on the command line (issue 22), two export
sub-commands hooked in by cli.py (``add_parser`` on the export sub-commands, ``run``):

- ``tierslieu export mediation --month AAAA-MM -o FICHIER.xlsx|.pdf``: a month of digital
  inclusion in the columns of the "Coop de la médiation numérique" (services.activity.
  mediation, reports.mediation_xlsx), or its activity report (reports.mediation_pdf);
- ``tierslieu export pass-numerique --month AAAA-MM [--issuer NOM] [--issue]
  -o FICHIER.pdf|.csv``: the month's Pass numérique claim list (services.finance.
  voucher_claims, reports.voucher_claim). Without ``--issue`` the vouchers not claimed
  yet are listed as a preview and nothing is written in the database; with it the claim
  is made (its vouchers marked with the list's reference, as « Faire la demande… » in
  Caisse › Règlements des émetteurs) and the list written as sent.

A month, an issuer or a file name that cannot be taken is refused by argparse: a French
line naming the argument, exit 2."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tierslieu_desktop.db.engine import Database

_LANG = ["fr"]
CLAIM_SUFFIXES = (".pdf", ".csv")


def _t(key: str, /, **data: Any) -> str:
    from tierslieu_desktop.i18n.cli_messages import text

    return text(key, _LANG[0], **data)


def _month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(_t("month_invalid", text=text)) from None


def _issuer(text: str) -> str:
    """An issuer by its key (« pass_numerique », « pass-numerique ») or its journal code
    (« PASSNUM »), case ignored."""
    from tierslieu_desktop.domain.finance import VOUCHER_ISSUERS

    wanted = text.strip().casefold().replace("-", "_")
    for key, (aux, _label) in VOUCHER_ISSUERS.items():
        if wanted in (key, aux.casefold()):
            return key
    known = ", ".join(k.replace("_", "-") for k in VOUCHER_ISSUERS)
    raise argparse.ArgumentTypeError(_t("issuer_invalid", text=text, known=known))


def _claim_file(text: str) -> str:
    if Path(text).suffix.lower() not in CLAIM_SUFFIXES:
        raise argparse.ArgumentTypeError(_t("claim_file_invalid", text=text))
    return text


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
    claim = export_sub.add_parser(
        "pass-numerique",
        help="la demande de remboursement des bons Pass numérique d'un mois (PDF ou CSV)",
    )
    claim.add_argument(
        "--month",
        type=_month,
        required=True,
        metavar="AAAA-MM",
        help="le mois des passages où les bons ont été reçus",
    )
    claim.add_argument(
        "--issuer",
        type=_issuer,
        default="pass_numerique",
        metavar="NOM",
        help="l'émetteur des bons (défaut : pass-numerique)",
    )
    claim.add_argument(
        "--issue",
        action="store_true",
        help="faire la demande : les bons sont marqués comme demandés à l'émetteur (sans "
        "cette option, un aperçu des bons restant à demander, rien n'est enregistré)",
    )
    claim.add_argument(
        "-o",
        "--output",
        type=_claim_file,
        required=True,
        metavar="FICHIER",
        help="fichier .pdf (à envoyer) ou .csv (tableur)",
    )
    claim.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")


def run(
    target: str | None,
    args: argparse.Namespace,
    fail: Callable[[str], int],
    open_error: Callable[[Any], str],
    lang: str = "fr",
) -> int:
    from tierslieu_desktop.cli_login import with_database  # logs in (--user, TIERSLIEU_USER)

    _LANG[0] = lang
    if args.export_command == "pass-numerique":
        return with_database(target, fail, open_error, lambda db: _claim(db, args, fail))
    return with_database(target, fail, open_error, lambda db: _mediation(db, args, fail))


def _mediation(db: Database, args: argparse.Namespace, fail: Callable[[str], int]) -> int:
    from tierslieu_desktop.fileperms import write_private_bytes
    from tierslieu_desktop.reports.mediation_pdf import mediation_pdf
    from tierslieu_desktop.reports.mediation_xlsx import mediation_xlsx
    from tierslieu_desktop.services.activity.mediation import mediation_month, month_bounds

    first, last = month_bounds(args.month.year, args.month.month)
    month = mediation_month(db, first, last)
    try:
        pdf = Path(args.output).suffix.lower() == ".pdf"
        data = mediation_pdf(month) if pdf else mediation_xlsx(month)
        write_private_bytes(Path(args.output), data)
    except OSError as exc:
        return fail(_t("cannot_write", file=args.output, error=exc.strerror or exc))
    print(
        _t("mediation_written", month=f"{first:%m/%Y}", file=args.output, rows=len(month.records))
    )
    return 0


def _claim(db: Database, args: argparse.Namespace, fail: Callable[[str], int]) -> int:
    from tierslieu_desktop.cli_login import operator_id
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.fileperms import write_private_bytes
    from tierslieu_desktop.i18n import formatting
    from tierslieu_desktop.reports.voucher_claim import claim_csv, claim_pdf
    from tierslieu_desktop.services.finance import voucher_claims

    year, month = args.month.year, args.month.month
    if args.issue:
        try:
            claim = voucher_claims.issue_claim(db, operator_id(db), args.issuer, year, month)
        except DomainError as exc:
            if exc.code != "nothing_to_claim":
                raise
            return fail(_t("nothing_to_claim", month=f"{args.month:%m/%Y}"))
    else:
        claim = voucher_claims.claim_preview(db, args.issuer, year, month)
    csv = Path(args.output).suffix.lower() == ".csv"
    try:
        write_private_bytes(Path(args.output), claim_csv(claim) if csv else claim_pdf(claim))
    except OSError as exc:
        error = exc.strerror or exc
        if claim.reference is not None:  # made all the same: where to print it again
            return fail(
                _t("claim_not_written", reference=claim.reference, file=args.output, error=error)
            )
        return fail(_t("cannot_write", file=args.output, error=error))
    words = {
        "month": f"{args.month:%m/%Y}",
        "issuer": claim.issuer_label,
        "n": len(claim.vouchers),
        "amount": formatting.money(claim.total_cents),
        "file": args.output,
    }
    if claim.reference is not None:
        print(_t("claim_written", reference=claim.reference, **words))
    else:
        print(_t("claim_preview_written", **words))
    return 0
