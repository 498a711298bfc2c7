"""The command line's help in English: ``cli.py`` writes its help texts in French (the
default language); with ``--lang en`` (or the saved setting "en") ``in_english`` swaps
each for the text here. A help text without an English one is caught by
tests/unit/test_verify_codes.py."""

from __future__ import annotations

import argparse

HELP_EN: dict[str, str] = {
    "Tiers-Lieu Desktop : gestion d'un fablab / tiers-lieu rural.": (
        "Tiers-Lieu Desktop: running a rural fablab / third place."
    ),
    "afficher cette aide et quitter": "show this help message and exit",
    "afficher la version et quitter": "show the version and exit",
    "fichier SQLite ou URL de base (défaut : $TIERSLIEU_DB, sinon le fichier de l'utilisateur)": (
        "SQLite file or database URL (default: $TIERSLIEU_DB, else the user's file)"
    ),
    "langue de l'interface (fr, en)": "language of the interface (fr, en)",
    "ouvrir la base de démonstration (créée au premier lancement)": (
        "open the demo database (created the first time)"
    ),
    "créer une base de démonstration": "create a demo database",
    "contrôler l'intégrité de la base": "check the integrity of the database",
    "clôturer une journée, un mois ou une année": "close a day, a month or a year",
    "remises en banque (chèques, espèces)": "bank deposits (cheques, cash)",
    "factures et avoirs": "invoices and credit notes",
    "rapport d'activité annuel, compte rendu financier": (
        "annual activity report, financial report"
    ),
    "exporter un tableau (XLSX, CSV) ou le FEC": "export a table (XLSX, CSV) or the FEC",
    "sauvegarder la base (puis faire le tri)": "back up the database (then sort old backups)",
    "lister les sauvegardes": "list the backups",
    "restaurer une sauvegarde (application fermée)": (
        "restore a backup (with the application closed)"
    ),
    "remplacer une base de démonstration existante (jamais une base réelle)": (
        "replace an existing demo database (never a real one)"
    ),
    "comparer aussi aux journaux d'ancrage de ce dossier (sauvegardes, archives)": (
        "also compare with the anchor logs of this folder (backups, archives)"
    ),
    "une journée": "a day",
    "un mois": "a month",
    "une année": "a year",
    "les chèques pas encore remis et les espèces en caisse": (
        "the cheques not deposited yet and the cash in the till"
    ),
    "écrire le PDF d'une facture ou d'un avoir": "write the PDF of an invoice or credit note",
    "numéro de la facture ou de l'avoir": "number of the invoice or credit note",
    "fichier PDF à écrire": "PDF file to write",
    "Factur-X (PDF/A-3 avec XML EN 16931)": "Factur-X (PDF/A-3 with EN 16931 XML)",
    "ticket de caisse 80 mm": "80 mm till receipt",
    "rapport d'activité annuel (PDF)": "annual activity report (PDF)",
    "compte rendu financier d'une subvention (PDF)": "financial report of a grant (PDF)",
    "PDF à écrire": "PDF to write",
    "numéro de la subvention": "number of the grant",
    "fichier des écritures comptables d'un exercice": (
        "FEC file (accounting entries) of a financial year"
    ),
    "journal d'un exercice au format d'import de Paheko (CSV « Groupé »)": (
        'journal of a financial year in Paheko\'s import format ("Groupé" CSV)'
    ),
    "grand livre et balance d'un exercice (XLSX)": (
        "general ledger and trial balance of a financial year (XLSX)"
    ),
    "exporter un tableau en XLSX": "export a table as XLSX",
    "exporter un tableau en CSV": "export a table as CSV",
    "un mois de médiation numérique au modèle de la Coop de la médiation numérique "
    "(XLSX : activités, chiffres du mois)": (
        "a month of digital inclusion on the model of the Coop de la médiation "
        "numérique (XLSX: activities, the month's figures)"
    ),
    "le mois à exporter": "the month to export",
    "la demande de remboursement des bons Pass numérique d'un mois (PDF ou CSV)": (
        "the Pass numérique vouchers' reimbursement claim of a month (PDF or CSV)"
    ),
    "le mois des passages où les bons ont été reçus": (
        "the month of the visits where the vouchers were received"
    ),
    "l'émetteur des bons (défaut : pass-numerique)": (
        "the vouchers' issuer (default: pass-numerique)"
    ),
    "faire la demande : les bons sont marqués comme demandés à l'émetteur (sans cette "
    "option, un aperçu des bons restant à demander, rien n'est enregistré)": (
        "make the claim: the vouchers are marked as claimed from the issuer (without this "
        "option, a preview of the vouchers left to claim, nothing recorded)"
    ),
    "fichier .pdf (à envoyer) ou .csv (tableur)": "a .pdf file (to send) or .csv (spreadsheet)",
    "fichier XLSX (les activités au modèle de la Coop), ou .pdf : le rapport d'activité du mois": (
        "XLSX file (the activities on the Coop's model), or .pdf: the month's activity report"
    ),
    "chiffres des ateliers, formations et de la cyber-base (XLSX)": (
        "figures of the workshops, trainings and cyber-base (XLSX)"
    ),
    "e-reporting des ventes aux particuliers (XML du flux 10 : transactions 10.3, "
    "ou paiements 10.4 avec --payments)": (
        "e-reporting of the sales to private persons (flow 10 XML: transactions 10.3, "
        "or payments 10.4 with --payments)"
    ),
    "l'exercice qui commence en AAAA, au mois choisi dans Paramètres › Structure "
    "(janvier par défaut : l'année civile AAAA ; septembre : 1/9/AAAA – 31/8/AAAA+1)": (
        "the financial year starting in YYYY, in the month chosen in Settings › Structure "
        "(January by default: the calendar year YYYY; September: 1/9/YYYY – 31/8/YYYY+1)"
    ),
    "dossier du fichier": "folder of the file",
    "l'exercice qui commence en AAAA (mois choisi dans Paramètres › Structure)": (
        "the financial year starting in YYYY (month chosen in Settings › Structure)"
    ),
    "fichier CSV": "CSV file",
    "fichier XLSX": "XLSX file",
    "une année (défaut : tout)": "a year (default: everything)",
    "une année civile": "a calendar year",
    "premier jour de la période": "first day of the period",
    "dernier jour de la période": "last day of the period",
    "les paiements reçus (flux 10.4) au lieu des transactions (flux 10.3)": (
        "the payments received (flow 10.4) instead of the transactions (flow 10.3)"
    ),
    "matricule (4 caractères) de la plateforme agréée qui transmet le fichier": (
        "registration number (4 characters) of the approved platform sending the file"
    ),
    "nom de cette plateforme": "name of that platform",
    "transmission rectificative (RE) d'une période déjà transmise": (
        "corrective transmission (RE) of a period already sent"
    ),
    "fichier XML": "XML file",
    "dossier des sauvegardes (défaut : sauvegardes)": "backup folder (default: sauvegardes)",
    "chiffrer avec une phrase de passe (demandée, ou lue dans --passphrase-file)": (
        "encrypt with a passphrase (asked, or read from --passphrase-file)"
    ),
    "phrase de passe (1re ligne)": "passphrase (first line)",
    "dossier des sauvegardes": "backup folder",
    "fichier de sauvegarde": "backup file",
    "phrase de passe d'une sauvegarde chiffrée": "passphrase of an encrypted backup",
    "déplacer la base vers un autre moteur (fichier SQLite → serveur PostgreSQL)": (
        "move the database to another engine (SQLite file → PostgreSQL server)"
    ),
    "données personnelles d'un adhérent (RGPD)": "personal data of a member (GDPR)",
    "écrire tout ce qui est conservé sur un adhérent (PDF et JSON)": (
        "write everything kept about a member (PDF and JSON)"
    ),
    "numéro d'adhérent (A00012)": "member number (A00012)",
    "FICHIER.pdf et FICHIER.json sont écrits (une extension .pdf ou .json donnée "
    "est remplacée)": "FILE.pdf and FILE.json are written (a .pdf or .json extension given "
    "is replaced)",
    "anonymiser un adhérent (irréversible ; les factures restent)": (
        "anonymise a member (cannot be undone; the invoices stay)"
    ),
    "confirmer (sans --yes : rien n'est modifié)": "confirm (without --yes: nothing is changed)",
    # tierslieu import (cli_import.py)
    "importer des membres (CSV, XLSX, HelloAsso, Paheko…)": (
        "import members (CSV, XLSX, HelloAsso, Paheko…)"
    ),
    "importer des membres et leurs adhésions depuis un fichier": (
        "import members and their memberships from a file"
    ),
    "fichier CSV ou XLSX": "a CSV or XLSX file",
    "format du fichier (défaut : reconnu à ses en-têtes)": (
        "the file's format (default: told by its headers)"
    ),
    "tout vérifier sans rien enregistrer": "check everything, save nothing",
    "enregistrer les bonnes lignes et lister les lignes refusées": (
        "save the good lines and list the refused ones"
    ),
    "langue des messages": "language of the messages",
    # tierslieu import machines | registrations (cli_import_more.py)
    "importer des membres (CSV, XLSX, HelloAsso, Paheko…), des machines, une liste": (
        "import members (CSV, XLSX, HelloAsso, Paheko…), machines, a list"
    ),
    "importer des machines (CSV ou XLSX : nom, espace, catégorie, prix…)": (
        "import machines (CSV or XLSX: name, space, category, price…)"
    ),
    "inscrire une liste (classe, groupe) à une séance d'activité": (
        "register a list (a class, a group) for an activity session"
    ),
    "numéro de la séance": "the session's number",
    "inscrire la liste comme un groupe de ce nom (les lignes sont comptées, aucun adhérent créé)": (
        "register the list as one group of this name (the lines are counted, no member created)"
    ),
    "responsable du groupe (l'enseignant)": "the group's responsible adult (the teacher)",
    "public des adhérents créés (ex. « Scolaires »)": (
        'the public of the members created (e.g. "Scolaires")'
    ),
    # --user (cli_login.py), tierslieu users (cli_users.py)
    "nom du compte (le mot de passe est demandé ; ou $TIERSLIEU_USER et $TIERSLIEU_PASSWORD)": (
        "account name (the password is asked; or $TIERSLIEU_USER and $TIERSLIEU_PASSWORD)"
    ),
    "comptes des opérateurs et leurs rôles": "the operators' accounts and their roles",
    "lister les comptes, leurs rôles et leur état": "list the accounts, their roles and state",
    "créer un compte (le premier administrateur d'une base neuve : sans connexion)": (
        "create an account (the first administrator of a new database: without login)"
    ),
    "remplacer le mot de passe oublié d'un compte (administration)": (
        "replace the forgotten password of an account (administration)"
    ),
    "changer les rôles d'un compte": "change the roles of an account",
    "désactiver un compte (il ne peut plus se connecter)": (
        "disable an account (it can no longer log in)"
    ),
    "nom du compte": "account name",
    "accueil, mediation, tresorerie ou admin (répétable : --role accueil --role mediation)": (
        "accueil, mediation, tresorerie or admin (repeatable: --role accueil --role mediation)"
    ),
    "lire le mot de passe sur la 1re ligne de l'entrée standard (scripts)": (
        "read the password from the first line of the standard input (scripts)"
    ),
}

METAVAR_EN = {
    "AAAA": "YYYY",
    "AAAA-MM": "YYYY-MM",
    "AAAA-MM-JJ": "YYYY-MM-DD",
    "COMMANDE": "COMMAND",
    "DOSSIER": "FOLDER",
    "FICHIER": "FILE",
    "FICHIER_OU_URL": "FILE_OR_URL",
    "NOM": "NAME",
    "NUMERO": "NUMBER",
    "MATRICULE": "NUMBER",
    "QUOI": "WHAT",
}


def help_texts(parser: argparse.ArgumentParser) -> list[str]:
    """Every help text and description of ``parser`` and its sub-commands."""
    texts = [parser.description] if parser.description else []
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            texts.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            texts += [a.help for a in action._choices_actions if a.help]
            for sub in action.choices.values():
                texts += help_texts(sub)
    return texts


def in_english(parser: argparse.ArgumentParser) -> None:
    """Swap the French help texts and argument names of ``parser`` (and of its
    sub-commands) for English ones."""
    if parser.description:
        parser.description = HELP_EN.get(parser.description, parser.description)
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            action.help = HELP_EN.get(action.help, action.help)
        if isinstance(action.metavar, str):
            action.metavar = METAVAR_EN.get(action.metavar, action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = HELP_EN.get(choice.help or "", choice.help)
                if isinstance(choice.metavar, str):
                    choice.metavar = METAVAR_EN.get(choice.metavar, choice.metavar)
            for sub in action.choices.values():
                in_english(sub)
