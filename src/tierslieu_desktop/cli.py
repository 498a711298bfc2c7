"""Command line: ``tierslieu`` opens the window; sub-commands run headless."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from tierslieu_desktop import __version__, cli_member, cli_migrate, config
from tierslieu_desktop.cli_argparse import FrenchArgumentParser
from tierslieu_desktop.cli_import import add_import_parser
from tierslieu_desktop.i18n.messages import count_fr

if TYPE_CHECKING:
    from tierslieu_desktop.db.engine import Database, DatabaseOpenError
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.services.safety.integrity import Damage


def _parser() -> argparse.ArgumentParser:
    p = FrenchArgumentParser(
        prog="tierslieu",
        description="Tiers-Lieu Desktop : gestion d'un fablab / tiers-lieu rural.",
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="afficher la version et quitter",
    )
    p.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="fichier SQLite ou URL de base (défaut : $TIERSLIEU_DB, sinon le fichier "
        "de l'utilisateur)",
    )
    p.add_argument("--lang", choices=config.LANGUAGES, help="langue de l'interface (fr, en)")
    p.add_argument(
        "--demo",
        action="store_true",
        help="ouvrir la base de démonstration (créée au premier lancement)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMANDE")
    demo = sub.add_parser("demo", help="créer une base de démonstration")
    demo.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    demo.add_argument("--size", choices=("small", "large"), default="small")
    demo.add_argument("--seed", type=int, default=46400)
    demo.add_argument(
        "--force",
        action="store_true",
        help="remplacer une base de démonstration existante (jamais une base réelle)",
    )
    cli_migrate.register(sub)
    verify = sub.add_parser("verify", help="contrôler l'intégrité de la base")
    verify.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    verify.add_argument(
        "--anchors",
        action="append",
        default=[],
        metavar="DOSSIER",
        help="comparer aussi aux journaux d'ancrage de ce dossier (sauvegardes, archives)",
    )
    close = sub.add_parser("close", help="clôturer une journée, un mois ou une année")
    close.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    period = close.add_mutually_exclusive_group(required=True)
    period.add_argument("--day", type=_close_day, metavar="AAAA-MM-JJ", help="une journée")
    period.add_argument("--month", type=_close_month, metavar="AAAA-MM", help="un mois")
    period.add_argument("--year", type=_close_year, metavar="AAAA", help="une année")
    deposit = sub.add_parser("deposit", help="remises en banque (chèques, espèces)")
    deposit_sub = deposit.add_subparsers(dest="deposit_command", required=True)
    deposit_list = deposit_sub.add_parser(
        "list", help="les chèques pas encore remis et les espèces en caisse"
    )
    deposit_list.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    invoice = sub.add_parser("invoice", help="factures et avoirs")
    invoice_sub = invoice.add_subparsers(dest="invoice_command", required=True)
    pdf = invoice_sub.add_parser("pdf", help="écrire le PDF d'une facture ou d'un avoir")
    pdf.add_argument("number", metavar="NUMERO", help="numéro de la facture ou de l'avoir")
    pdf.add_argument(
        "-o", "--output", required=True, metavar="FICHIER", help="fichier PDF à écrire"
    )
    pdf_kind = pdf.add_mutually_exclusive_group()
    pdf_kind.add_argument(
        "--facturx", action="store_true", help="Factur-X (PDF/A-3 avec XML EN 16931)"
    )
    pdf_kind.add_argument("--receipt", action="store_true", help="ticket de caisse 80 mm")
    pdf.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    report = sub.add_parser("report", help="rapport d'activité annuel, compte rendu financier")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    annual = report_sub.add_parser("annual", help="rapport d'activité annuel (PDF)")
    annual.add_argument("--year", type=_year, required=True, metavar="AAAA")
    annual.add_argument("-o", "--output", required=True, metavar="FICHIER", help="PDF à écrire")
    annual.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    grant = report_sub.add_parser("grant", help="compte rendu financier d'une subvention (PDF)")
    grant.add_argument("grant_id", type=int, metavar="ID", help="numéro de la subvention")
    grant.add_argument("-o", "--output", required=True, metavar="FICHIER", help="PDF à écrire")
    grant.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    export = sub.add_parser("export", help="exporter un tableau (XLSX, CSV) ou le FEC")
    export_sub = export.add_subparsers(dest="export_command", required=True)
    fec = export_sub.add_parser("fec", help="fichier des écritures comptables d'un exercice")
    fec.add_argument(
        "--year",
        type=_year,
        required=True,
        metavar="AAAA",
        help="l'exercice qui commence en AAAA, au mois choisi dans Paramètres › Structure "
        "(janvier par défaut : l'année civile AAAA ; septembre : 1/9/AAAA – 31/8/AAAA+1)",
    )
    fec.add_argument("-o", "--output", required=True, metavar="DOSSIER", help="dossier du fichier")
    fec.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    for name, what, ext in (
        ("paheko", "journal d'un exercice au format d'import de Paheko (CSV « Groupé »)", "csv"),
        ("ledger", "grand livre et balance d'un exercice (XLSX)", "xlsx"),
    ):
        books = export_sub.add_parser(name, help=what)
        books.add_argument(
            "--year",
            type=_year,
            required=True,
            metavar="AAAA",
            help="l'exercice qui commence en AAAA (mois choisi dans Paramètres › Structure)",
        )
        books.add_argument(
            "-o", "--output", required=True, metavar="FICHIER", help=f"fichier {ext.upper()}"
        )
        books.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    for fmt in ("xlsx", "csv"):
        table = export_sub.add_parser(fmt, help=f"exporter un tableau en {fmt.upper()}")
        table.add_argument("table", choices=_EXPORT_TABLES, metavar="TABLE")
        table.add_argument("--year", type=_year, metavar="AAAA", help="une année (défaut : tout)")
        table.add_argument("-o", "--output", required=True, metavar="FICHIER")
        table.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    activity = export_sub.add_parser(
        "activity", help="chiffres des ateliers, formations et de la cyber-base (XLSX)"
    )
    span = activity.add_mutually_exclusive_group(required=True)
    span.add_argument("--year", type=_year, metavar="AAAA", help="une année civile")
    span.add_argument("--from", dest="first_day", type=_close_day, metavar="AAAA-MM-JJ")
    activity.add_argument("--to", dest="last_day", type=_close_day, metavar="AAAA-MM-JJ")
    activity.add_argument("-o", "--output", required=True, metavar="FICHIER")
    activity.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    ereport = export_sub.add_parser(
        "ereporting",
        help="e-reporting des ventes aux particuliers (XML du flux 10 : transactions 10.3, "
        "ou paiements 10.4 avec --payments)",
    )
    for flag, dest, what in (
        ("--from", "first_day", "premier jour de la période"),
        ("--to", "last_day", "dernier jour de la période"),
    ):
        ereport.add_argument(
            flag, dest=dest, type=_close_day, required=True, metavar="AAAA-MM-JJ", help=what
        )
    ereport.add_argument(
        "--payments",
        action="store_true",
        help="les paiements reçus (flux 10.4) au lieu des transactions (flux 10.3)",
    )
    ereport.add_argument(
        "--platform",
        metavar="MATRICULE",
        help="matricule (4 caractères) de la plateforme agréée qui transmet le fichier",
    )
    ereport.add_argument("--platform-name", metavar="NOM", help="nom de cette plateforme")
    ereport.add_argument(
        "--replace",
        action="store_true",
        help="transmission rectificative (RE) d'une période déjà transmise",
    )
    ereport.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier XML")
    ereport.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    backup = sub.add_parser("backup", help="sauvegarder la base (puis faire le tri)")
    backup.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    backup.add_argument(
        "-o", "--output", metavar="DOSSIER", help="dossier des sauvegardes (défaut : sauvegardes)"
    )
    backup.add_argument(
        "--encrypt",
        action="store_true",
        help="chiffrer avec une phrase de passe (demandée, ou lue dans --passphrase-file)",
    )
    backup.add_argument("--passphrase-file", metavar="FICHIER", help="phrase de passe (1re ligne)")
    backups = sub.add_parser("backups", help="lister les sauvegardes")
    backups.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    backups.add_argument("-o", "--output", metavar="DOSSIER", help="dossier des sauvegardes")
    cli_member.add_parser(sub)  # member export | anonymise (issue 19)
    restore = sub.add_parser("restore", help="restaurer une sauvegarde (application fermée)")
    restore.add_argument("file", metavar="FICHIER", help="fichier de sauvegarde")
    restore.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    restore.add_argument(
        "--passphrase-file", metavar="FICHIER", help="phrase de passe d'une sauvegarde chiffrée"
    )
    add_import_parser(sub)  # import members|machines|registrations (cli_import.py)
    return p


_EXPORT_TABLES = ("members", "bookings", "usages", "invoices", "payments", "grants", "expenses")


def _open_error_fr(exc: DatabaseOpenError) -> str:
    """Why the database cannot be opened, as the window says it (i18n/messages.py), in
    the language chosen for this run."""
    from tierslieu_desktop.i18n import messages

    return messages.open_error_text(exc.code, exc.target, exc.detail, _LANG[0])


# The language of this run: --lang, else the one saved in the settings (set by main).
_LANG = ["fr"]


READ_ONLY_FR = (
    "« {t} » est en lecture seule : rien n'a été enregistré "
    "(vérifiez les droits du fichier et de son dossier)."
)


BUSY_FR = (
    "la base est occupée par un autre poste qui enregistre : rien n'a été enregistré, "
    "réessayez dans un instant."
)


def _fail(message: str) -> int:
    print(f"tierslieu: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from tierslieu_desktop import logs

    logs.setup_logging()  # <data folder>/tierslieu.log: no error is lost
    logs.install_cli_hook()
    target = getattr(args, "sub_db", None) or args.db
    _LANG[0] = args.lang or config.saved_language()
    if args.lang and args.command is None:
        # the window's language is remembered; « tierslieu --lang en verify » only
        # speaks English for that command
        config.save_setting("language", args.lang)
    if args.command == "demo":
        return _cmd_demo(target, args.size, args.seed, args.force)
    if args.command == "verify":
        return _cmd_verify(target, args.anchors)
    if args.command == "migrate":
        return cli_migrate.run(args, _LANG[0])
    if args.command == "close":
        return _cmd_close(target, args)
    if args.command == "invoice":
        return _cmd_invoice_pdf(target, args)
    if args.command == "deposit":
        return _cmd_deposit_list(target)
    if args.command == "report":
        return _cmd_report(target, args)
    if args.command == "export":
        return _cmd_export(target, args)
    if args.command == "member":
        return cli_member.run(target, args, _fail, _open_error_fr)
    if args.command == "import":
        from tierslieu_desktop import cli_import

        return cli_import.run(target, args, _LANG[0])
    if args.command in ("backup", "backups", "restore"):
        return _cmd_backups(args.command, target, args)
    if args.demo and not target:
        # The demo's own file, never the user's database (nor $TIERSLIEU_DB).
        demo_path = config.demo_database_path()
        target = str(demo_path)
        if not demo_path.exists() or (demo_path.is_file() and demo_path.stat().st_size == 0):
            code = _cmd_demo(target, "small", 46400, False)
            if code:
                return code
    from tierslieu_desktop.app import run

    return run(target, args.lang)


def _cmd_demo(target: str | None, size: str, seed: int, force: bool) -> int:
    """Without --db the demo goes to its own file (``config.demo_database_path``), never to
    the user's database (nor to $TIERSLIEU_DB). --force only replaces a previous demo."""
    from tierslieu_desktop.db.engine import DatabaseOpenError
    from tierslieu_desktop.demo.builder import DemoExists, build_demo

    target = target or str(config.demo_database_path())
    try:
        from tierslieu_desktop.domain.calendar import utcnow

        summary = build_demo(target, size=size, seed=seed, replace_demo=force, today_at=utcnow())
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    except DemoExists as exc:
        if exc.is_demo:
            return _fail(
                f"« {exc.target} » contient déjà une base de démonstration : "
                "ajoutez --force pour la remplacer."
            )
        return _fail(
            f"« {exc.target} » contient déjà des données : la démonstration ne remplace "
            "jamais une base réelle, même avec --force. Fichier laissé intact."
        )
    print(f"Base de démonstration créée : {target} ({summary})")
    return 0


def _cmd_verify(target: str | None, anchors: list[str] | None = None) -> int:
    """Exit 1 on any problem (tampering included: a footprint that differs from the one
    anchored outside the file, an anchored document gone). Notes (no anchor log found:
    a database sealed before anchors existed; entries not anchored yet; documents lost
    by a restore) are printed and do not fail."""
    from pathlib import Path

    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.services.safety.integrity import DatabaseDamaged, verify

    folders = [Path(a).expanduser() for a in anchors or []]
    for folder in folders:
        if not folder.is_dir():
            return _fail(f"--anchors : le dossier « {folder} » n'existe pas.")
    notes: list[str] = []
    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        if exc.code == "damaged":  # cut short: read what is left, without writing
            from tierslieu_desktop.db.engine import Database, make_engine, sqlite_url
            from tierslieu_desktop.services.safety.integrity import damage_report

            damaged = Database(
                make_engine(sqlite_url(Path(exc.target)), read_only=True),
                exc.target,
                read_only=True,
            )
            try:
                return _report_damage(exc.target, damage_report(damaged, exc.detail))
            finally:
                damaged.dispose()
        return _fail(_open_error_fr(exc))
    try:
        problems = verify(db, folders, notes)
    except DatabaseDamaged as exc:
        return _report_damage(db.target, exc.damage)
    finally:
        db.dispose()
    for note in notes:
        print(f"Note : {note}")
    if problems:
        for p in problems:
            print(f"tierslieu: {p}", file=sys.stderr)
        return 1
    print("Base intègre.")
    return 0


def _report_damage(target: str, damage: Damage) -> int:
    """One line saying the file is damaged, then what could still be read of it."""
    from tierslieu_desktop.i18n.formatting import number

    _fail(f"base endommagée : « {target} » ({damage.error}). Restaurez une sauvegarde.")
    for line in damage.checks:
        print(f"tierslieu:   contrôle SQLite : {line}", file=sys.stderr)
    readable = [f"{name} {number(n)}" for name, n in damage.counts if n is not None]
    unreadable = [name for name, n in damage.counts if n is None]
    if readable:
        print(f"tierslieu:   tables lues (lignes) : {', '.join(readable)}", file=sys.stderr)
    if unreadable:
        print(f"tierslieu:   tables illisibles : {', '.join(unreadable)}", file=sys.stderr)
    return 1


def _close_date(text: str, fmt: str, expected: str) -> date:
    from datetime import datetime

    from tierslieu_desktop.domain.inputs import day_in_range

    try:
        day = datetime.strptime(text, fmt).date()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"« {text} » n'est pas une date au format {expected}"
        ) from None
    if not day_in_range(day):
        raise argparse.ArgumentTypeError(
            f"« {text} » est hors des dates acceptées (du 01/01/2000 au 31/12/2100)"
        )
    return day


def _year(text: str) -> int:
    """A --year: AAAA between 2000 and 2100 (domain.inputs), else a French message."""
    from tierslieu_desktop.domain.inputs import FIRST_YEAR, LAST_YEAR, year_in_range

    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas une année (AAAA)") from None
    if not year_in_range(year):
        raise argparse.ArgumentTypeError(
            f"l'année {text} est hors des années acceptées ({FIRST_YEAR} à {LAST_YEAR})"
        )
    return year


def _close_day(text: str) -> date:
    return _close_date(text, "%Y-%m-%d", "AAAA-MM-JJ")


def _close_month(text: str) -> date:
    return _close_date(text, "%Y-%m", "AAAA-MM")


def _close_year(text: str) -> date:
    _year(text)
    return _close_date(text, "%Y", "AAAA")


def _cmd_close(target: str | None, args: argparse.Namespace) -> int:
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n.formatting import money
    from tierslieu_desktop.services.billing.ledger import close_period, closing
    from tierslieu_desktop.services.people.operators import ensure_operator

    kind = "day" if args.day else "month" if args.month else "year"
    start = args.day or args.month or args.year
    # (name, feminine ending): "la journée … est déjà clôturée", "le mois … est déjà clôturé"
    names = {
        "day": ("la journée du {:%d/%m/%Y}", "e"),
        "month": ("le mois {:%m/%Y}", ""),
        "year": ("l'année {:%Y}", "e"),
    }
    pattern, e = names[kind]
    name = pattern.format(start)
    subject = name[0].upper() + name[1:]
    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    try:
        closing_id = close_period(db, ensure_operator(db), kind, start)
        row = closing(db, closing_id)
    except DomainError as exc:
        texts = {
            "closing_exists": f"{subject} est déjà clôturé{e} : rien n'a été modifié.",
            "closing_future": f"{subject} n'est pas terminé{e} : "
            "impossible de clôturer une période à venir.",
            "read_only": READ_ONLY_FR.format(t=db.target),
        }
        return _fail(texts.get(exc.code, f"clôture impossible ({exc.code})."))
    finally:
        db.dispose()
    totals = row.totals
    print(
        f"Clôture enregistrée pour {name} : "
        f"{count_fr(totals['invoices']['count'], 'facture', 'factures')}, "
        f"{count_fr(totals['credit_notes']['count'], 'avoir', 'avoirs')}, "
        f"net TTC {money(row.total_incl_cents)}, "
        f"total perpétuel {money(row.perpetual_total_cents)}."
    )
    return 0


def _cmd_deposit_list(target: str | None) -> int:
    """The cheques waiting to be taken to the bank, one a line, and the cash in the till."""
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.i18n.formatting import money
    from tierslieu_desktop.services.billing import deposits

    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    try:
        waiting = deposits.undeposited_cheques(db)
        on_hand = deposits.cash_on_hand(db)
    finally:
        db.dispose()
    for c in waiting:
        print(
            f"{c.day:%d/%m/%Y}  chèque {c.cheque_number or '—'}  {c.bank or '—'}  "
            f"{c.drawer}  {c.invoice_number}  {money(c.amount_cents)}"
        )
    total = sum(c.amount_cents for c in waiting)
    print(f"Chèques à remettre : {len(waiting)}, {money(total)}.")
    print(f"Espèces en caisse : {money(on_hand)}.")
    return 0


def _cmd_invoice_pdf(target: str | None, args: argparse.Namespace) -> int:
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.domain.errors import NotFound
    from tierslieu_desktop.fileperms import write_private_bytes
    from tierslieu_desktop.reports import invoice_pdf
    from tierslieu_desktop.services.billing.documents import invoice_by_number
    from tierslieu_desktop.services.people.structure import get_structure

    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    try:
        try:
            doc = invoice_by_number(db, args.number)
        except NotFound:
            return _fail(f"aucune facture ni aucun avoir n° « {args.number} ».")
        logo = get_structure(db).logo
    finally:
        db.dispose()
    if args.receipt:
        data = invoice_pdf.render_receipt(doc)
    elif args.facturx:
        data = invoice_pdf.render_facturx(doc, logo=logo)
    else:
        data = invoice_pdf.render_invoice(doc, logo=logo)
    try:
        write_private_bytes(args.output, data)  # names of members: 0600 on POSIX
    except OSError as exc:
        return _fail(f"impossible d'écrire « {args.output} » : {exc.strerror or exc}")
    print(f"{doc.number} écrit dans {args.output}")
    return 0


def _cmd_export(target: str | None, args: argparse.Namespace) -> int:
    from pathlib import Path

    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.services.finance import exports

    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    try:
        if args.export_command == "activity":
            return _export_activity(db, args)
        if args.export_command == "ereporting":
            return _export_ereporting(db, args)
        if args.export_command == "fec":
            directory = Path(args.output)
            if not directory.is_dir():
                return _fail(f"« {args.output} » n'est pas un dossier.")
            try:
                written = exports.export_fec(db, args.year, directory)
            except DomainError as exc:
                return _fail(_fec_error_fr(exc))
            print(f"FEC {args.year} écrit dans {written.path}")
            if written.every_default:
                print(
                    "tierslieu: comptes par défaut utilisés pour tous les comptes (aucun "
                    "compte enregistré dans Finances › Comptes)",
                    file=sys.stderr,
                )
            elif written.defaulted:
                print(
                    "tierslieu: comptes par défaut utilisés pour : "
                    f"{', '.join(written.defaulted)} (aucun compte enregistré dans "
                    "Finances › Comptes)",
                    file=sys.stderr,
                )
            return 0
        if args.export_command in ("paheko", "ledger"):
            books = (
                exports.export_paheko if args.export_command == "paheko" else exports.export_ledger
            )
            try:
                count = books(db, args.year, Path(args.output))
            except DomainError as exc:
                what = "journal Paheko" if args.export_command == "paheko" else "grand livre"
                return _fail(_fec_error_fr(exc, what))
            lines = count_fr(count, "ligne d'écriture", "lignes d'écriture")
            agreed = "écrite" if count < 2 else "écrites"
            print(f"{lines} de l'exercice {args.year} {agreed} dans {args.output}")
            return 0
        write = exports.export_xlsx if args.export_command == "xlsx" else exports.export_csv
        count = write(db, args.table, args.year, Path(args.output))
        print(f"{count_fr(count, 'ligne écrite', 'lignes écrites')} dans {args.output}")
        return 0
    except OSError as exc:
        return _fail(f"impossible d'écrire « {args.output} » : {exc.strerror or exc}")
    finally:
        db.dispose()


def _fec_error_fr(exc: DomainError, what: str = "FEC") -> str:
    """Why an export written from the journal (the FEC, the Paheko CSV, the general
    ledger: ``what``) could not be written, in French."""
    not_written = f"Le {what} n'a pas été écrit."
    if exc.code == "fec_account_invalid":
        return (
            f"le compte « {exc.params.get('account')} » de « {exc.params.get('key')} » "
            "n'est pas un numéro de compte (chiffres seulement) : corrigez-le dans "
            f"Finances › Comptes. {not_written}"
        )
    if exc.code == "database_busy":
        return BUSY_FR
    if exc.code == "journal_unbalanced":
        return (
            f"l'écriture de la pièce « {exc.params.get('piece')} » n'est pas équilibrée "
            f"(débit {exc.params.get('debit')} c, crédit {exc.params.get('credit')} c). "
            f"{not_written}"
        )
    if exc.code == "journal_account_unknown":
        return (
            f"la pièce « {exc.params.get('piece')} » utilise le compte « "
            f"{exc.params.get('key')} », absent de Finances › Comptes. {not_written}"
        )
    return f"export du {what} impossible ({exc.code})."


def _export_activity(db: Database, args: argparse.Namespace) -> int:
    from pathlib import Path

    from tierslieu_desktop.fileperms import write_private_bytes
    from tierslieu_desktop.services.activity.figures import figures, figures_xlsx

    if args.year is not None:
        first, last = date(args.year, 1, 1), date(args.year, 12, 31)
    else:
        first, last = args.first_day, args.last_day or date.today()
        if last < first:
            return _fail("la date de fin (--to) précède la date de début (--from).")
    fig = figures(db, first, last)
    from tierslieu_desktop.services.reporting.annual import indicator_tables

    extra = indicator_tables(db, first, last)  # users, communes, staff, budget (issue 16)
    write_private_bytes(Path(args.output), figures_xlsx(fig, extra=extra))
    from tierslieu_desktop.i18n.formatting import number

    print(
        f"Chiffres du {first:%d/%m/%Y} au {last:%d/%m/%Y} écrits dans {args.output} "
        f"({count_fr(fig.sessions, 'séance', 'séances', number(fig.sessions))}, "
        f"{count_fr(fig.drop_ins, 'passage', 'passages', number(fig.drop_ins))} cyber-base)"
    )
    return 0


def _export_ereporting(db: Database, args: argparse.Namespace) -> int:
    """``export ereporting``: the B2C flux 10 XML of a period (docs/e-reporting.md)."""
    from tierslieu_desktop.domain.calendar import utcnow
    from tierslieu_desktop.domain.ereporting import Transmission
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n.formatting import money, number
    from tierslieu_desktop.services.billing.ereporting import export_ereporting

    first, last = args.first_day, args.last_day
    span = f"du {first:%d/%m/%Y} au {last:%d/%m/%Y}"
    platform = (args.platform or "").strip()
    if platform and (len(platform) != 4 or not (args.platform_name or "").strip()):
        return _fail(
            "--platform attend le matricule de 4 caractères de la plateforme agréée, "
            "avec son nom (--platform-name)."
        )
    transmission = Transmission(
        utcnow(),
        "RE" if args.replace else "IN",
        (platform, args.platform_name.strip()) if platform else None,
    )
    try:
        report = export_ereporting(
            db, first, last, args.output, transmission, payments=args.payments
        )
    except DomainError as exc:
        return _fail(_ereporting_error_fr(exc))
    flux = "10.4" if args.payments else "10.3"
    if report.empty:
        print(f"Rien à déclarer {span} (flux {flux}) : {_nothing_why(report)} Aucun fichier écrit.")
    elif args.payments:
        print(
            f"E-reporting {span} (flux 10.4, paiements) écrit dans {args.output} : "
            f"{count_fr(len(report.payments), 'journée', 'journées')}, "
            f"{money(report.paid_cents)} encaissés TTC."
        )
    else:
        print(
            f"E-reporting {span} (flux 10.3, transactions) écrit dans {args.output} : "
            f"{count_fr(len(report.transactions), 'ligne journalière', 'lignes journalières')}, "
            f"{money(report.base_cents)} HT, "
            f"TVA {money(report.vat_cents)}."
        )
    left = report.left
    parts = [
        f"{what} {money(cents)} HT"
        for what, cents in (
            (
                "ventes aux entreprises et organismes publics (facturation électronique)",
                left.business_cents,
            ),
            ("lignes exonérées (art. 261-7-1° du CGI)", left.exempt_cents),
            ("versements hors champ de la TVA (porte-monnaie)", left.outside_scope_cents),
        )
        if cents
    ]
    if parts:
        print(f"tierslieu: non déclaré ici : {' ; '.join(parts)}.", file=sys.stderr)
    for day in report.unexpressed:
        refunds = ", ".join(f"{money(-c)} à {number(r / 100)} %" for r, c in day.amounts)
        print(
            f"tierslieu: remboursements nets du {day.day:%d/%m/%Y} ({refunds}) non écrits : le "
            "flux 10.4 n'accepte pas de montant négatif, signalez-les à votre plateforme agréée.",
            file=sys.stderr,
        )
    if not report.empty and not platform:
        print(
            "tierslieu: émetteur = la structure elle-même : la plateforme agréée doit s'y "
            "inscrire pour que le flux soit accepté (règles G6.22 et G7.51) ; indiquez "
            "--platform et --platform-name pour l'écrire dès maintenant.",
            file=sys.stderr,
        )
    return 0


def _nothing_why(report: Any) -> str:
    """Why a period has nothing to e-report, in French."""
    regime = report.declarant.vat_regime
    if regime == "exempt_non_profit":
        return (
            "la structure est exonérée de TVA (art. 261-7-1° du CGI) ; les opérations "
            "exonérées par les art. 261 à 261 E sont hors du champ du e-reporting."
        )
    if report.kind == "payments" and not report.declarant.owes_payment_data:
        return (
            "aucune donnée de paiement n'est due : la TVA des services n'est pas exigible à "
            "l'encaissement (franchise en base, ou option pour les débits)."
        )
    if report.kind == "payments":
        return "aucun paiement reçu d'un particulier pour des services taxés sur la période."
    return "aucune vente à un particulier soumise au e-reporting sur la période."


def _ereporting_error_fr(exc: DomainError) -> str:
    not_written = "Le fichier d'e-reporting n'a pas été écrit."
    if exc.code == "ereporting_no_siren":
        return (
            "le SIRET de la structure manque ou n'est pas valable (Paramètres › Structure) : "
            f"le déclarant est identifié par son SIREN. {not_written}"
        )
    if exc.code == "ereporting_period":
        if exc.params.get("first") == exc.params.get("last"):
            return (
                "le flux 10 n'accepte pas une période d'un seul jour (sa fin doit suivre son "
                f"début, règle G6.25) : choisissez une décade ou un mois. {not_written}"
            )
        return f"la date de fin (--to) précède la date de début (--from). {not_written}"
    if exc.code == "structure_missing":
        return f"la structure n'est pas renseignée (Paramètres › Structure). {not_written}"
    if exc.code == "database_busy":
        return BUSY_FR
    return f"export de l'e-reporting impossible ({exc.code})."


def _cmd_report(target: str | None, args: argparse.Namespace) -> int:
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.domain.errors import NotFound
    from tierslieu_desktop.fileperms import write_private_bytes
    from tierslieu_desktop.services.reporting import annual_report, grant_report

    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    try:
        if args.report_command == "annual":
            data = annual_report(db, args.year)
            what = f"Rapport d'activité {args.year}"
        else:
            try:
                data = grant_report(db, args.grant_id)
            except NotFound:
                return _fail(f"aucune subvention n° {args.grant_id}.")
            what = f"Compte rendu financier de la subvention n° {args.grant_id}"
    finally:
        db.dispose()
    try:
        write_private_bytes(args.output, data)  # names of members: 0600 on POSIX
    except OSError as exc:
        return _fail(f"impossible d'écrire « {args.output} » : {exc.strerror or exc}")
    print(f"{what} écrit dans {args.output}")
    return 0


def _backup_error_fr(exc: DomainError) -> str:
    f = exc.params.get("file", "")
    texts = {
        "backup_sqlite_only": "les sauvegardes ne concernent qu'une base SQLite (un fichier) ; "
        "pour PostgreSQL, utilisez pg_dump.",
        "backup_not_found": f"« {f} » n'existe pas.",
        "restore_same_file": f"« {f} » est la base elle-même : rien n'a été modifié.",
        "backup_damaged": f"la sauvegarde « {f} » est endommagée : restauration refusée, "
        "la base est laissée intacte. Choisissez une autre sauvegarde.",
        "backup_not_tierslieu": f"« {f} » n'est pas une base Tiers-Lieu : restauration "
        "refusée, la base est laissée intacte.",
        "backup_newer_than_app": f"« {f} » vient d'une version plus récente : mettez "
        "l'application à jour. La base est laissée intacte.",
        "database_in_use": f"« {exc.params.get('target', '')} » est ouverte (par "
        "l'application ou un autre poste) : fermez-la puis recommencez. Rien n'a été modifié.",
        "read_only": READ_ONLY_FR.format(t=exc.params.get("target", "")),
        "database_busy": BUSY_FR,
        "backup_wrong_passphrase": f"ce n'est pas la phrase de passe de « {f} » : rien n'a "
        "été modifié.",
        "backup_passphrase_required": f"« {f} » est chiffrée : donnez sa phrase de passe.",
        "passphrase_empty": "la phrase de passe est vide.",
        "passphrase_mismatch": "les deux phrases de passe diffèrent : rien n'a été fait.",
        "passphrase_file": f"impossible de lire la phrase de passe dans « {f} ».",
    }
    return texts.get(exc.code, f"opération impossible ({exc.code}).")


def _cmd_backups(command: str, target: str | None, args: argparse.Namespace) -> int:
    """``backup``, ``backups`` and ``restore``: the database's backups
    (services.safety.backups), by default in the folder chosen in Paramètres
    (``config.backup_dir``: the ``sauvegardes`` folder of the data folder until then)."""
    from datetime import UTC, datetime
    from pathlib import Path

    from tierslieu_desktop.db.engine import (
        DatabaseOpenError,
        is_url,
        open_database,
        resolve_target,
    )
    from tierslieu_desktop.domain.calendar import to_local
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n.formatting import number
    from tierslieu_desktop.services.safety import auto_backup, backup_crypto, backups

    folder = Path(getattr(args, "output", None) or config.backup_dir())
    try:
        if command == "backups":
            found = backups.list_backups(folder)
            if not found:
                print(f"Aucune sauvegarde dans « {folder} ».")
                return 0
            for b in found:
                state = "endommagée" if not b.ok else "chiffrée" if b.encrypted else "intègre"
                counts = (
                    "contenu chiffré"
                    if b.encrypted and b.ok
                    else f"{count_fr(b.members or 0, 'adhérent', 'adhérents', number(b.members or 0))}, "
                    f"{count_fr(b.invoices or 0, 'facture ou avoir', 'factures et avoirs', number(b.invoices or 0))}"
                    if b.ok
                    else "illisible"
                )
                print(
                    f"{to_local(b.taken_at):%d/%m/%Y %H:%M:%S}  {_size_fr(b.size)}  "
                    f"{counts}  {state}  {b.path}"
                )
            return 0
        if command == "restore":
            resolved = resolve_target(target)
            if is_url(resolved) and not resolved.startswith("sqlite"):
                raise DomainError("backup_sqlite_only")
            db_path = Path(resolved.removeprefix("sqlite:///")).expanduser()
            passphrase = None
            if backup_crypto.is_encrypted(Path(args.file)):
                passphrase = _passphrase(args.passphrase_file, confirm=False)
            aside = backups.restore(db_path, Path(args.file), passphrase)
            print(f"Sauvegarde « {args.file} » restaurée dans « {db_path} ».")
            if aside is not None:
                print(f"L'ancienne base est conservée dans « {aside} ».")
            return 0
        try:
            db = open_database(target, create=False)
        except DatabaseOpenError as exc:
            return _fail(_open_error_fr(exc))
        try:
            key = (
                backup_crypto.derive_key(_passphrase(args.passphrase_file, confirm=True))
                if args.encrypt
                else auto_backup.remembered_key()
            )
            info = backups.make_backup(db, folder, key=key, anchors=config.anchors_dir())
            if info.ok and not auto_backup.is_demo(db):
                auto_backup.record_success(info, folder)
        finally:
            db.dispose()
        if not info.ok:
            return _fail(
                f"la sauvegarde « {info.path} » est endommagée : la base l'est "
                "peut-être aussi, lancez « tierslieu verify »."
            )
        print(
            f"Sauvegarde{' chiffrée' if info.encrypted else ''} écrite : {info.path} "
            f"({count_fr(info.members or 0, 'adhérent', 'adhérents', number(info.members or 0))}, "
            f"{count_fr(info.invoices or 0, 'facture ou avoir', 'factures et avoirs', number(info.invoices or 0))}, "
            f"{_size_fr(info.size)})"
        )
        removed = backups.rotate(folder, datetime.now(UTC))
        if removed:
            old = count_fr(
                len(removed), "ancienne sauvegarde supprimée", "anciennes sauvegardes supprimées"
            )
            print(f"{old} (rotation).")
        return 0
    except DomainError as exc:
        return _fail(_backup_error_fr(exc))
    except OSError as exc:
        return _fail(f"sauvegarde impossible : {exc.strerror or exc}")


def _passphrase(file: str | None, *, confirm: bool) -> str:
    """The passphrase from the first line of ``file``, else asked (twice to encrypt)."""
    import getpass
    from pathlib import Path

    from tierslieu_desktop.domain.errors import DomainError

    if file:
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            raise DomainError("passphrase_file", file=file) from None
        phrase = lines[0] if lines else ""
    else:
        phrase = getpass.getpass("Phrase de passe des sauvegardes : ")
        if confirm and getpass.getpass("La même, encore une fois : ") != phrase:
            raise DomainError("passphrase_mismatch")
    if not phrase:
        raise DomainError("passphrase_empty")
    return phrase


def _size_fr(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} Ko"
    return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")
