"""Command line: ``tierslieu`` opens the window; sub-commands run headless."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from tierslieu_desktop import (
    __version__,
    cli_login,
    cli_mediation,
    cli_member,
    cli_migrate,
    cli_users,
    config,
)
from tierslieu_desktop.cli_argparse import FrenchArgumentParser
from tierslieu_desktop.cli_import import add_import_parser
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.i18n import cli_messages

if TYPE_CHECKING:
    from tierslieu_desktop.db.engine import Database, DatabaseOpenError
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.domain.findings import Finding
    from tierslieu_desktop.services.safety.integrity import Damage


def _parser(lang: str = "fr") -> argparse.ArgumentParser:
    """The command line; in English (argparse's own messages and our help texts,
    i18n/cli_help.py) when ``lang`` is "en"."""
    p = (argparse.ArgumentParser if lang == "en" else FrenchArgumentParser)(
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
    cli_mediation.add_parser(export_sub)  # export mediation (issue 22)
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
    cli_users.add_parser(sub)  # users list|add|reset-password|roles|disable (issue 19)
    cli_login.add_user_options(p)  # --user NAME, on every command that logs in
    if lang == "en":
        from tierslieu_desktop.i18n.cli_help import in_english

        in_english(p)
    return p


_EXPORT_TABLES = ("members", "bookings", "usages", "invoices", "payments", "grants", "expenses")


def _t(key: str, /, **data: Any) -> str:
    """The message ``key`` in the language of this run (i18n/cli_messages.py)."""
    return cli_messages.text(key, _LANG[0], **data)


def _n(n: int, noun: str, shown: str | None = None) -> str:
    """``n`` and its noun agreed, in the language of this run: "2 factures"."""
    return cli_messages.count(n, noun, _LANG[0], shown)


def _lang_given(argv: list[str]) -> str | None:
    """The --lang of the command line, read before parsing (argparse's own messages and
    the date checks of the arguments speak it too); None when absent or unknown."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in config.LANGUAGES:
            return value
    return None


def _open_error_fr(exc: DatabaseOpenError) -> str:
    """Why the database cannot be opened, as the window says it (i18n/messages.py), in
    the language chosen for this run."""
    from tierslieu_desktop.i18n import messages

    return messages.open_error_text(exc.code, exc.target, exc.detail, _LANG[0])


# The language of this run: --lang, else the one saved in the settings (set by main).
_LANG = ["fr"]


def _fail(message: str) -> int:
    print(f"tierslieu: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    from tierslieu_desktop.i18n import formatting

    _LANG[0] = _lang_given(sys.argv[1:] if argv is None else argv) or config.saved_language()
    before = formatting.current_locale()[:2]
    formatting.set_language(_LANG[0])  # amounts and numbers as the operator reads them
    try:
        return _main(argv)
    except Exception as exc:
        from tierslieu_desktop.db.engine import UNREACHABLE_CODES
        from tierslieu_desktop.domain.errors import DomainError

        if isinstance(exc, DomainError) and exc.code in UNREACHABLE_CODES:
            # the server or the file went away during the command: one sentence
            return _fail(_t(exc.code, t=exc.params.get("target", "")))
        code = cli_login.refusal(exc)  # a login refused, an action the roles forbid
        if code is None:
            raise
        return code
    finally:
        cli_login.finish()  # the warning of a database without administrator, last
        formatting.set_language(before)


def window_start(argv: list[str]) -> argparse.Namespace | None:
    """The window's own start (``tierslieu [--db X] [--lang fr|en] [--demo]``) read
    without building every command's parser (~6 ms before the window's first paint,
    issue 14): the namespace the full parser gives for it; None for anything else (then
    the full parser reads it: a command, --help, --user, a wrong or abbreviated option)."""
    args = argparse.Namespace(db=None, lang=None, demo=False, command=None, user=None)
    rest = iter(argv)
    for arg in rest:
        name, equals, value = arg.partition("=")
        if arg == "--demo":
            args.demo = True
            continue
        if name not in ("--db", "--lang"):
            return None
        if not equals:
            value = next(rest, "")
            if not value or value.startswith("-"):
                return None
        if name == "--lang" and value not in config.LANGUAGES:
            return None
        setattr(args, name[2:], value)
    return args


def _main(argv: list[str] | None) -> int:
    given = sys.argv[1:] if argv is None else argv
    args = window_start(given) or _parser(_LANG[0]).parse_args(argv)
    cli_login.begin(args, _LANG[0])
    from tierslieu_desktop import logs

    if args.command is not None or args.demo:  # the window starts it after its first paint
        logs.setup_logging()  # <data folder>/tierslieu.log: no error is lost
    logs.install_cli_hook()  # an uncaught error starts it if need be
    target = getattr(args, "sub_db", None) or args.db
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
    if args.command == "export" and args.export_command in ("mediation", "pass-numerique"):
        return cli_mediation.run(target, args, _fail, _open_error_fr, _LANG[0])
    if args.command == "export":
        return _cmd_export(target, args)
    if args.command == "member":
        return cli_member.run(target, args, _fail, _open_error_fr, _LANG[0])
    if args.command == "users":
        return cli_users.run(target, args, _LANG[0])
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
    from tierslieu_desktop.db.engine import DatabaseOpenError, shown_target
    from tierslieu_desktop.demo.builder import DemoExists, build_demo

    target = target or str(config.demo_database_path())
    try:
        from tierslieu_desktop.domain.calendar import utcnow

        summary = build_demo(
            target, size=size, seed=seed, replace_demo=force, today_at=utcnow(), lang=_LANG[0]
        )
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    except DemoExists as exc:
        return _fail(_t("demo_exists" if exc.is_demo else "demo_real", t=exc.target))
    print(_t("demo_created", t=shown_target(target), summary=summary))
    from tierslieu_desktop.demo.accounts import ACCOUNTS, PASSWORD
    from tierslieu_desktop.i18n.cli_accounts import text

    names = ", ".join(name for name, _role in ACCOUNTS)
    print(text("demo_accounts", _LANG[0], names=names, password=PASSWORD))
    return 0


def _cmd_verify(target: str | None, anchors: list[str] | None = None) -> int:
    """Exit 1 on any problem (tampering included: a footprint that differs from the one
    anchored outside the file, an anchored document gone). Notes (no anchor log found:
    a database sealed before anchors existed; entries not anchored yet; documents lost
    by a restore) are printed and do not fail."""
    from pathlib import Path

    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError
    from tierslieu_desktop.i18n import findings
    from tierslieu_desktop.services.safety.integrity import DatabaseDamaged, verify

    folders = [Path(a).expanduser() for a in anchors or []]
    for folder in folders:
        if not folder.is_dir():
            return _fail(_t("anchors_folder", folder=folder))
    notes: list[Finding] = []
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
    for note in findings.words(notes, _LANG[0]):
        print(_t("note", note=note))
    if problems:
        for p in findings.words(problems, _LANG[0]):
            print(f"tierslieu: {p}", file=sys.stderr)
        return 1
    print(_t("sound"))
    return 0


def _report_damage(target: str, damage: Damage) -> int:
    """One line saying the file is damaged, then what could still be read of it."""
    from tierslieu_desktop.i18n.formatting import number

    _fail(_t("damaged", t=target, error=damage.error))
    for line in damage.checks:
        print(f"tierslieu:{_t('damaged_check', line=line)}", file=sys.stderr)
    readable = [f"{name} {number(n)}" for name, n in damage.counts if n is not None]
    unreadable = [name for name, n in damage.counts if n is None]
    if readable:
        print(f"tierslieu:{_t('damaged_read', tables=', '.join(readable))}", file=sys.stderr)
    if unreadable:
        tables = ", ".join(unreadable)
        print(f"tierslieu:{_t('damaged_unreadable', tables=tables)}", file=sys.stderr)
    return 1


def _close_date(text: str, fmt: str, expected: str) -> date:
    from datetime import datetime

    from tierslieu_desktop.domain.inputs import day_in_range

    try:
        day = datetime.strptime(text, fmt).date()
    except ValueError:
        if _LANG[0] == "en":
            expected = expected.replace("AAAA", "YYYY").replace("JJ", "DD")
        raise argparse.ArgumentTypeError(_t("bad_date", text=text, expected=expected)) from None
    if not day_in_range(day):
        raise argparse.ArgumentTypeError(_t("date_range", text=text))
    return day


def _year(text: str) -> int:
    """A --year: AAAA between 2000 and 2100 (domain.inputs), else a French message."""
    from tierslieu_desktop.domain.inputs import FIRST_YEAR, LAST_YEAR, year_in_range

    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_t("bad_year", text=text)) from None
    if not year_in_range(year):
        raise argparse.ArgumentTypeError(
            _t("year_range", text=text, first=FIRST_YEAR, last=LAST_YEAR)
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
    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n.formatting import money
    from tierslieu_desktop.services.billing.ledger import close_period, closing

    kind = "day" if args.day else "month" if args.month else "year"
    start = args.day or args.month or args.year
    name = _t(f"period_{kind}", start=start)  # "la journée du …", "the day …"
    subject = name[0].upper() + name[1:]
    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    try:
        closing_id = close_period(db, cli_login.operator_id(db), kind, start)
        row = closing(db, closing_id)
    except DomainError as exc:
        if exc.code == "not_permitted":
            raise  # worded once, by main (cli_login.refusal)
        if exc.code in ("closing_exists", "closing_future"):
            return _fail(_t(exc.code, subject=subject, kind=kind))
        if exc.code == "read_only":
            return _fail(_t("read_only", t=db.shown_target))
        return _fail(_t("closing_failed", code=exc.code))
    finally:
        db.dispose()
    totals = row.totals
    print(
        _t(
            "closed",
            name=name,
            invoices=_n(totals["invoices"]["count"], "invoice"),
            credit_notes=_n(totals["credit_notes"]["count"], "credit_note"),
            net=money(row.total_incl_cents),
            perpetual=money(row.perpetual_total_cents),
        )
    )
    return 0


def _cmd_deposit_list(target: str | None) -> int:
    """The cheques waiting to be taken to the bank, one a line, and the cash in the till."""
    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError
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
            _t(
                "cheque",
                day=c.day,
                number=c.cheque_number or "—",
                bank=c.bank or "—",
                drawer=c.drawer,
                invoice=c.invoice_number,
                amount=money(c.amount_cents),
            )
        )
    total = sum(c.amount_cents for c in waiting)
    print(_t("cheques_total", count=len(waiting), total=money(total)))
    print(_t("cash", amount=money(on_hand)))
    return 0


def _cmd_invoice_pdf(target: str | None, args: argparse.Namespace) -> int:
    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError
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
            return _fail(_t("no_document", number=args.number))
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
        return _fail(_t("cannot_write", file=args.output, error=exc.strerror or exc))
    print(_t("written", what=doc.number, file=args.output))
    return 0


def _cmd_export(target: str | None, args: argparse.Namespace) -> int:
    from pathlib import Path

    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError
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
                return _fail(_t("not_a_folder", file=args.output))
            try:
                written = exports.export_fec(db, args.year, directory)
            except DomainError as exc:
                if exc.code == "not_permitted":
                    raise  # worded once, by main (cli_login.refusal)
                return _fail(_fec_error_fr(exc))
            print(_t("fec_written", year=args.year, file=written.path))
            if written.every_default:
                print(f"tierslieu: {_t('every_default')}", file=sys.stderr)
            elif written.defaulted:
                keys = ", ".join(written.defaulted)
                print(f"tierslieu: {_t('some_default', keys=keys)}", file=sys.stderr)
            return 0
        if args.export_command in ("paheko", "ledger"):
            books = (
                exports.export_paheko if args.export_command == "paheko" else exports.export_ledger
            )
            try:
                count = books(db, args.year, Path(args.output))
            except DomainError as exc:
                if exc.code == "not_permitted":
                    raise  # worded once, by main (cli_login.refusal)
                return _fail(_fec_error_fr(exc, _t(f"what_{args.export_command}")))
            lines = _n(count, "entry_line")
            print(_t("books_written", lines=lines, count=count, year=args.year, file=args.output))
            return 0
        write = exports.export_xlsx if args.export_command == "xlsx" else exports.export_csv
        count = write(db, args.table, args.year, Path(args.output))
        print(_t("rows_written", rows=_n(count, "row_written"), file=args.output))
        return 0
    except OSError as exc:
        return _fail(_t("cannot_write", file=args.output, error=exc.strerror or exc))
    finally:
        db.dispose()


def _fec_error_fr(exc: DomainError, what: str = "FEC") -> str:
    """Why an export written from the journal (the FEC, the Paheko CSV, the general
    ledger: ``what``, already worded) could not be written."""
    if exc.code == "database_busy":
        return _t("busy")
    if exc.code in ("fec_account_invalid", "journal_unbalanced", "journal_account_unknown"):
        params = {k: exc.params.get(k) for k in ("account", "key", "piece", "debit", "credit")}
        return _t(exc.code, not_written=_t("not_written", what=what), **params)
    return _t("export_failed", what=what, code=exc.code)


def _export_activity(db: Database, args: argparse.Namespace) -> int:
    from pathlib import Path

    from tierslieu_desktop.fileperms import write_private_bytes
    from tierslieu_desktop.services.activity.figures import figures, figures_xlsx

    if args.year is not None:
        first, last = date(args.year, 1, 1), date(args.year, 12, 31)
    else:
        first, last = args.first_day, args.last_day or lab_today()
        if last < first:
            return _fail(_t("end_before_start"))
    fig = figures(db, first, last)
    from tierslieu_desktop.services.reporting.annual import indicator_tables

    extra = indicator_tables(db, first, last)  # users, communes, staff, budget (issue 16)
    write_private_bytes(Path(args.output), figures_xlsx(fig, extra=extra))
    from tierslieu_desktop.i18n.formatting import number

    print(
        _t(
            "figures_written",
            first=first,
            last=last,
            file=args.output,
            sessions=_n(fig.sessions, "session", number(fig.sessions)),
            drop_ins=_n(fig.drop_ins, "drop_in", number(fig.drop_ins)),
        )
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
    span = _t("span", first=first, last=last)
    platform = (args.platform or "").strip()
    if platform and (len(platform) != 4 or not (args.platform_name or "").strip()):
        return _fail(_t("platform"))
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
        if exc.code == "not_permitted":
            raise  # worded once, by main (cli_login.refusal)
        return _fail(_ereporting_error_fr(exc))
    flux = "10.4" if args.payments else "10.3"
    if report.empty:
        why = _t(_nothing_why(report))
        print(_t("nothing_to_declare", span=span, flux=flux, why=why))
    elif args.payments:
        days = _n(len(report.payments), "day")
        paid = money(report.paid_cents)
        print(_t("payments_written", span=span, file=args.output, days=days, paid=paid))
    else:
        lines = _n(len(report.transactions), "daily_line")
        base, vat = money(report.base_cents), money(report.vat_cents)
        print(
            _t(
                "transactions_written",
                span=span,
                file=args.output,
                lines=lines,
                base=base,
                vat=vat,
            )
        )
    left = report.left
    parts = [
        _t(key, amount=money(cents))
        for key, cents in (
            ("left_business", left.business_cents),
            ("left_exempt", left.exempt_cents),
            ("left_outside", left.outside_scope_cents),
        )
        if cents
    ]
    if parts:
        print(
            f"tierslieu: {_t('not_declared', parts=_t('left_join').join(parts))}", file=sys.stderr
        )
    for day in report.unexpressed:
        refunds = ", ".join(
            _t("refund_rate", amount=money(-c), rate=number(r / 100)) for r, c in day.amounts
        )
        print(
            f"tierslieu: {_t('refunds_unwritten', day=day.day, refunds=refunds)}", file=sys.stderr
        )
    if not report.empty and not platform:
        print(f"tierslieu: {_t('issuer_is_structure')}", file=sys.stderr)
    return 0


def _nothing_why(report: Any) -> str:
    """Why a period has nothing to e-report: the key of its message."""
    if report.declarant.vat_regime == "exempt_non_profit":
        return "why_exempt"
    if report.kind == "payments" and not report.declarant.owes_payment_data:
        return "why_no_payment_data"
    return "why_no_payments" if report.kind == "payments" else "why_no_sales"


def _ereporting_error_fr(exc: DomainError) -> str:
    not_written = _t("ereporting_not_written")
    code = exc.code
    if code == "ereporting_period":
        one_day = exc.params.get("first") == exc.params.get("last")
        code = "ereporting_one_day" if one_day else "ereporting_reversed"
    if code in ("ereporting_no_siren", "ereporting_one_day", "ereporting_reversed"):
        return _t(code, not_written=not_written)
    if code == "structure_missing":
        return _t(code, not_written=not_written)
    if code == "database_busy":
        return _t("busy")
    return _t("ereporting_failed", code=code)


def _cmd_report(target: str | None, args: argparse.Namespace) -> int:
    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError
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
            what = _t("annual_report", year=args.year)
        else:
            try:
                data = grant_report(db, args.grant_id)
            except NotFound:
                return _fail(_t("no_grant", id=args.grant_id))
            what = _t("grant_report", id=args.grant_id)
    finally:
        db.dispose()
    try:
        write_private_bytes(args.output, data)  # names of members: 0600 on POSIX
    except OSError as exc:
        return _fail(_t("cannot_write", file=args.output, error=exc.strerror or exc))
    print(_t("written", what=what, file=args.output))
    return 0


def _backup_error_fr(exc: DomainError) -> str:
    if exc.code == "database_busy":
        return _t("busy")
    if exc.code == "pg_tool_missing":
        return _t(exc.code, tool=exc.params.get("tool", ""), package=exc.params.get("package"))
    if exc.code == "backup_dump_failed":
        return _t(exc.code, detail=exc.params.get("detail", ""))
    if exc.code in _BACKUP_ERRORS:
        return _t(exc.code, f=exc.params.get("file", ""), t=exc.params.get("target", ""))
    return _t("backup_failed", code=exc.code)


_BACKUP_ERRORS = (
    "backup_sqlite_only",
    "restore_on_server",
    "backup_not_found",
    "restore_same_file",
    "backup_damaged",
    "backup_not_tierslieu",
    "backup_newer_than_app",
    "database_in_use",
    "read_only",
    "backup_wrong_passphrase",
    "backup_passphrase_required",
    "passphrase_empty",
    "passphrase_mismatch",
    "passphrase_file",
)


def _cmd_backups(command: str, target: str | None, args: argparse.Namespace) -> int:
    """``backup``, ``backups`` and ``restore``: the database's backups
    (services.safety.backups), by default in the folder chosen in Paramètres
    (``config.backup_dir``: the ``sauvegardes`` folder of the data folder until then)."""
    from datetime import UTC, datetime
    from pathlib import Path

    from tierslieu_desktop.cli_login import open_database
    from tierslieu_desktop.db.engine import DatabaseOpenError, is_url, resolve_target
    from tierslieu_desktop.domain.calendar import to_local
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.i18n.formatting import number
    from tierslieu_desktop.services.safety import auto_backup, backup_crypto, backups

    folder = Path(getattr(args, "output", None) or config.backup_dir())
    try:
        if command == "backups":
            found = backups.list_backups(folder)
            if not found:
                print(_t("no_backup", folder=folder))
                return 0
            for b in found:
                state = _t(
                    "state_damaged"
                    if not b.ok
                    else "state_encrypted"
                    if b.encrypted
                    else "state_sound"
                )
                counts = (
                    _t("content_encrypted")
                    if b.encrypted and b.ok
                    else _t("content_server_dump")
                    if b.server and b.ok
                    else f"{_n(b.members or 0, 'member', number(b.members or 0))}, "
                    f"{_n(b.invoices or 0, 'document', number(b.invoices or 0))}"
                    if b.ok
                    else _t("unreadable")
                )
                print(
                    f"{to_local(b.taken_at):%d/%m/%Y %H:%M:%S}  {_size_fr(b.size)}  "
                    f"{counts}  {state}  {b.path}"
                )
            return 0
        if command == "restore":
            resolved = resolve_target(target)
            if is_url(resolved) and not resolved.startswith("sqlite"):
                # every desk's database at once: done on the server (README-SERVEUR.md)
                raise DomainError("restore_on_server", file=args.file)
            db_path = Path(resolved.removeprefix("sqlite:///")).expanduser()
            cli_login.may_restore(db_path)  # logged in on the database it replaces
            passphrase = None
            if backup_crypto.is_encrypted(Path(args.file)):
                passphrase = _passphrase(args.passphrase_file, confirm=False)
            aside = backups.restore(db_path, Path(args.file), passphrase)
            print(_t("restored", file=args.file, db=db_path))
            if aside is not None:
                print(_t("kept_aside", aside=aside))
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
            return _fail(_t("backup_is_damaged", file=info.path))
        print(
            _t(
                "encrypted_backup_written" if info.encrypted else "backup_written",
                file=info.path,
                members=_n(info.members or 0, "member", number(info.members or 0)),
                documents=_n(info.invoices or 0, "document", number(info.invoices or 0)),
                size=_size_fr(info.size),
            )
        )
        removed = backups.rotate(folder, datetime.now(UTC))
        if removed:
            print(_t("rotated", old=_n(len(removed), "old_backup")))
        return 0
    except DomainError as exc:
        if exc.code == "not_permitted":
            raise  # worded once, by main (cli_login.refusal)
        return _fail(_backup_error_fr(exc))
    except OSError as exc:
        return _fail(_t("backup_impossible", error=exc.strerror or exc))


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
        phrase = getpass.getpass(_t("ask_passphrase"))
        if confirm and getpass.getpass(_t("ask_again")) != phrase:
            raise DomainError("passphrase_mismatch")
    if not phrase:
        raise DomainError("passphrase_empty")
    return phrase


def _size_fr(size: int) -> str:
    from tierslieu_desktop.i18n.formatting import number

    if size < 1024 * 1024:
        return _t("size_kb", n=max(1, round(size / 1024)))
    return _t("size_mb", n=number(size / (1024 * 1024), 1))
