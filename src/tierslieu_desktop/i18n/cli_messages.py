"""What the command line says to the operator, French and English, in one place (the
open-database errors are in ``messages.py``, shared with the window; the findings of
``verify`` in ``findings.py``). ``cli.py`` words each message with
``text(key, lang, **data)``; counts agree with ``count(n, noun, lang)``.

Only messages to the operator: the documents written (invoices, FEC, e-reporting XML,
reports) stay French, as the law and the French administration ask."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tierslieu_desktop.i18n.permissions import action_words, role_words

# noun → (French singular, plural, English singular, plural)
_NOUNS: dict[str, tuple[str, str, str, str]] = {
    "invoice": ("facture", "factures", "invoice", "invoices"),
    "credit_note": ("avoir", "avoirs", "credit note", "credit notes"),
    "member": ("adhérent", "adhérents", "member", "members"),
    "document": (
        "facture ou avoir",
        "factures et avoirs",
        "invoice or credit note",
        "invoices and credit notes",
    ),
    "session": ("séance", "séances", "session", "sessions"),
    "drop_in": ("passage", "passages", "drop-in visit", "drop-in visits"),
    "day": ("journée", "journées", "day", "days"),
    "daily_line": ("ligne journalière", "lignes journalières", "daily line", "daily lines"),
    "entry_line": ("ligne d'écriture", "lignes d'écriture", "entry line", "entry lines"),
    "row_written": ("ligne écrite", "lignes écrites", "row written", "rows written"),
    "old_backup": (
        "ancienne sauvegarde supprimée",
        "anciennes sauvegardes supprimées",
        "old backup deleted",
        "old backups deleted",
    ),
}


def count(n: int, noun: str, lang: str, shown: str | None = None) -> str:
    """``n`` and its noun agreed: French singular for 0 and 1 ("0 facture"), English
    for 1 only ("0 invoices"); ``shown``: the number as formatted."""
    fr_one, fr_many, en_one, en_many = _NOUNS[noun]
    number = shown if shown is not None else str(n)
    if lang == "en":
        return f"{number} {en_one if n == 1 else en_many}"
    return f"{number} {fr_one if abs(n) < 2 else fr_many}"


_Text = str | Callable[[dict[str, Any]], str]


def _refused(lang: str) -> Callable[[dict[str, Any]], str]:
    """A service's ``not_permitted``: the account, its roles and what it asked in words."""

    def words(data: dict[str, Any]) -> str:
        roles = role_words(str(data.get("roles", "")), lang)
        action = action_words(str(data.get("permission", "")), lang)
        operator = data.get("operator", "")
        if lang == "en":
            return f'The account "{operator}" ({roles}) does not allow: {action}.'
        return f"Le compte « {operator} » ({roles}) ne permet pas : {action}."

    return words


_BUSY_FR = (
    "la base est occupée par un autre poste qui enregistre : rien n'a été enregistré, "
    "réessayez dans un instant."
)
_BUSY_EN = (
    "the database is busy: another computer is saving. Nothing was saved; try again in a moment."
)

_FR: dict[str, _Text] = {
    "not_permitted": _refused("fr"),
    "read_only": (
        "« {t} » est en lecture seule : rien n'a été enregistré "
        "(vérifiez les droits du fichier et de son dossier)."
    ),
    "busy": _BUSY_FR,
    "server_unreachable": (
        "le serveur de la base de données ne répond pas ({t}) : rien n'a été enregistré. "
        "Vérifiez que la machine du serveur est allumée et sur le réseau, puis recommencez."
    ),
    "database_file_unreachable": (
        "le fichier de la base de données est introuvable ({t}) : rien n'a été enregistré. "
        "Vérifiez que le disque ou le partage réseau est branché, puis recommencez."
    ),
    "cannot_write": "impossible d'écrire « {file} » : {error}",
    # demo
    "demo_exists": (
        "« {t} » contient déjà une base de démonstration : ajoutez --force pour la remplacer."
    ),
    "demo_real": (
        "« {t} » contient déjà des données : la démonstration ne remplace "
        "jamais une base réelle, même avec --force. Fichier laissé intact."
    ),
    "demo_created": "Base de démonstration créée : {t} ({summary})",
    # verify
    "anchors_folder": "--anchors : le dossier « {folder} » n'existe pas.",
    "note": "Note : {note}",
    "sound": "Base intègre.",
    "damaged": "base endommagée : « {t} » ({error}). Restaurez une sauvegarde.",
    "damaged_check": "  contrôle SQLite : {line}",
    "damaged_read": "  tables lues (lignes) : {tables}",
    "damaged_unreadable": "  tables illisibles : {tables}",
    # dates and years given on the command line
    "bad_date": "« {text} » n'est pas une date au format {expected}",
    "date_range": "« {text} » est hors des dates acceptées (du 01/01/2000 au 31/12/2100)",
    "bad_year": "« {text} » n'est pas une année (AAAA)",
    "year_range": "l'année {text} est hors des années acceptées ({first} à {last})",
    "end_before_start": "la date de fin (--to) précède la date de début (--from).",
    # close
    "period_day": "la journée du {start:%d/%m/%Y}",
    "period_month": "le mois {start:%m/%Y}",
    "period_year": "l'année {start:%Y}",
    "closing_exists": lambda d: (
        f"{d['subject']} est déjà clôturé{'' if d['kind'] == 'month' else 'e'} : "
        "rien n'a été modifié."
    ),
    "closing_future": lambda d: (
        f"{d['subject']} n'est pas terminé{'' if d['kind'] == 'month' else 'e'} : "
        "impossible de clôturer une période à venir."
    ),
    "closing_failed": "clôture impossible ({code}).",
    "closed": (
        "Clôture enregistrée pour {name} : {invoices}, {credit_notes}, net TTC {net}, "
        "total perpétuel {perpetual}."
    ),
    # deposit list
    "cheque": "{day:%d/%m/%Y}  chèque {number}  {bank}  {drawer}  {invoice}  {amount}",
    "cheques_total": "Chèques à remettre : {count}, {total}.",
    "cash": "Espèces en caisse : {amount}.",
    # invoice pdf, report
    "no_document": "aucune facture ni aucun avoir n° « {number} ».",
    "written": "{what} écrit dans {file}",
    "no_grant": "aucune subvention n° {id}.",
    "annual_report": "Rapport d'activité {year}",
    "grant_report": "Compte rendu financier de la subvention n° {id}",
    # export
    "not_a_folder": "« {file} » n'est pas un dossier.",
    "fec_written": "FEC {year} écrit dans {file}",
    "every_default": (
        "comptes par défaut utilisés pour tous les comptes (aucun "
        "compte enregistré dans Finances › Comptes)"
    ),
    "some_default": (
        "comptes par défaut utilisés pour : {keys} (aucun compte enregistré dans "
        "Finances › Comptes)"
    ),
    "books_written": lambda d: (
        f"{d['lines']} de l'exercice {d['year']} "
        f"{'écrite' if d['count'] < 2 else 'écrites'} dans {d['file']}"
    ),
    "rows_written": "{rows} dans {file}",
    "what_fec": "FEC",
    "what_paheko": "journal Paheko",
    "what_ledger": "grand livre",
    "not_written": "Le {what} n'a pas été écrit.",
    "fec_account_invalid": (
        "le compte « {account} » de « {key} » n'est pas un numéro de compte (chiffres "
        "seulement) : corrigez-le dans Finances › Comptes. {not_written}"
    ),
    "journal_unbalanced": (
        "l'écriture de la pièce « {piece} » n'est pas équilibrée "
        "(débit {debit} c, crédit {credit} c). {not_written}"
    ),
    "journal_account_unknown": (
        "la pièce « {piece} » utilise le compte « {key} », absent de Finances › Comptes. "
        "{not_written}"
    ),
    "export_failed": "export du {what} impossible ({code}).",
    "mediation_written": (
        "Médiation numérique de {month} écrite dans {file} ({rows} ligne(s) d'activité)"
    ),
    "month_invalid": "« {text} » n'est pas un mois (AAAA-MM, par exemple 2026-11)",
    "issuer_invalid": "« {text} » n'est pas un émetteur de bons connu (possibles : {known})",
    "claim_file_invalid": "« {text} » : le fichier doit finir par .pdf ou .csv",
    "nothing_to_claim": "aucun bon de {month} à demander (tous déjà demandés, ou aucun reçu).",
    "claim_written": (
        "Demande {reference} faite ({issuer}, passages de {month}), écrite dans {file} — "
        "bons demandés : {n}, montant : {amount}"
    ),
    "claim_preview_written": (
        "Aperçu de la demande {issuer} de {month} écrit dans {file} — bons à demander : "
        "{n}, montant : {amount}. Rien n'est enregistré : --issue fait la demande."
    ),
    "claim_not_written": (
        "la demande {reference} est faite, mais « {file} » n'a pas pu être écrit : {error}. "
        "Enregistrez-la de nouveau depuis Caisse › Règlements des émetteurs › Demandes de "
        "remboursement."
    ),
    "figures_written": (
        "Chiffres du {first:%d/%m/%Y} au {last:%d/%m/%Y} écrits dans {file} "
        "({sessions}, {drop_ins} cyber-base)"
    ),
    # e-reporting
    "span": "du {first:%d/%m/%Y} au {last:%d/%m/%Y}",
    "platform": (
        "--platform attend le matricule de 4 caractères de la plateforme agréée, "
        "avec son nom (--platform-name)."
    ),
    "nothing_to_declare": "Rien à déclarer {span} (flux {flux}) : {why} Aucun fichier écrit.",
    "payments_written": (
        "E-reporting {span} (flux 10.4, paiements) écrit dans {file} : {days}, "
        "{paid} encaissés TTC."
    ),
    "transactions_written": (
        "E-reporting {span} (flux 10.3, transactions) écrit dans {file} : {lines}, "
        "{base} HT, TVA {vat}."
    ),
    "left_business": (
        "ventes aux entreprises et organismes publics (facturation électronique) {amount} HT"
    ),
    "left_exempt": "lignes exonérées (art. 261-7-1° du CGI) {amount} HT",
    "left_outside": "versements hors champ de la TVA (porte-monnaie) {amount} HT",
    "left_join": " ; ",
    "not_declared": "non déclaré ici : {parts}.",
    "refund_rate": "{amount} à {rate} %",
    "refunds_unwritten": (
        "remboursements nets du {day:%d/%m/%Y} ({refunds}) non écrits : le "
        "flux 10.4 n'accepte pas de montant négatif, signalez-les à votre plateforme agréée."
    ),
    "issuer_is_structure": (
        "émetteur = la structure elle-même : la plateforme agréée doit s'y "
        "inscrire pour que le flux soit accepté (règles G6.22 et G7.51) ; indiquez "
        "--platform et --platform-name pour l'écrire dès maintenant."
    ),
    "why_exempt": (
        "la structure est exonérée de TVA (art. 261-7-1° du CGI) ; les opérations "
        "exonérées par les art. 261 à 261 E sont hors du champ du e-reporting."
    ),
    "why_no_payment_data": (
        "aucune donnée de paiement n'est due : la TVA des services n'est pas exigible à "
        "l'encaissement (franchise en base, ou option pour les débits)."
    ),
    "why_no_payments": (
        "aucun paiement reçu d'un particulier pour des services taxés sur la période."
    ),
    "why_no_sales": "aucune vente à un particulier soumise au e-reporting sur la période.",
    "ereporting_not_written": "Le fichier d'e-reporting n'a pas été écrit.",
    "ereporting_no_siren": (
        "le SIRET de la structure manque ou n'est pas valable (Paramètres › Structure) : "
        "le déclarant est identifié par son SIREN. {not_written}"
    ),
    "ereporting_one_day": (
        "le flux 10 n'accepte pas une période d'un seul jour (sa fin doit suivre son "
        "début, règle G6.25) : choisissez une décade ou un mois. {not_written}"
    ),
    "ereporting_reversed": (
        "la date de fin (--to) précède la date de début (--from). {not_written}"
    ),
    "structure_missing": (
        "la structure n'est pas renseignée (Paramètres › Structure). {not_written}"
    ),
    "ereporting_failed": "export de l'e-reporting impossible ({code}).",
    # backups
    "backup_sqlite_only": (
        "les sauvegardes ne concernent qu'une base SQLite (un fichier) ; "
        "pour PostgreSQL, utilisez pg_dump."
    ),
    "backup_not_found": "« {f} » n'existe pas.",
    "restore_on_server": (
        "une base PostgreSQL se restaure sur le serveur, tous les postes fermés, avec "
        "pg_restore : suivez « Restaurer une sauvegarde » dans le guide du serveur "
        "(packaging/server/README-SERVEUR.md). Rien n'a été modifié."
    ),
    "pg_tool_missing": (
        "la commande {tool} de PostgreSQL est introuvable sur ce poste : installez le "
        "paquet {package} (sudo apt install {package}), puis recommencez. Rien n'a été écrit."
    ),
    "backup_dump_failed": "pg_dump n'a pas pu sauvegarder la base : {detail}",
    "restore_same_file": "« {f} » est la base elle-même : rien n'a été modifié.",
    "backup_damaged": (
        "la sauvegarde « {f} » est endommagée : restauration refusée, "
        "la base est laissée intacte. Choisissez une autre sauvegarde."
    ),
    "backup_not_tierslieu": (
        "« {f} » n'est pas une base Tiers-Lieu : restauration refusée, la base est laissée intacte."
    ),
    "backup_newer_than_app": (
        "« {f} » vient d'une version plus récente : mettez "
        "l'application à jour. La base est laissée intacte."
    ),
    "database_in_use": (
        "« {t} » est ouverte (par l'application ou un autre poste) : fermez-la puis "
        "recommencez. Rien n'a été modifié."
    ),
    "backup_wrong_passphrase": "ce n'est pas la phrase de passe de « {f} » : rien n'a été modifié.",
    "backup_passphrase_required": "« {f} » est chiffrée : donnez sa phrase de passe.",
    "passphrase_empty": "la phrase de passe est vide.",
    "passphrase_mismatch": "les deux phrases de passe diffèrent : rien n'a été fait.",
    "passphrase_file": "impossible de lire la phrase de passe dans « {f} ».",
    "backup_failed": "opération impossible ({code}).",
    "no_backup": "Aucune sauvegarde dans « {folder} ».",
    "state_damaged": "endommagée",
    "state_encrypted": "chiffrée",
    "state_sound": "intègre",
    "content_encrypted": "contenu chiffré",
    "content_server_dump": "copie du serveur PostgreSQL (pg_dump)",
    "unreadable": "illisible",
    "restored": "Sauvegarde « {file} » restaurée dans « {db} ».",
    "kept_aside": "L'ancienne base est conservée dans « {aside} ».",
    "backup_is_damaged": (
        "la sauvegarde « {file} » est endommagée : la base l'est "
        "peut-être aussi, lancez « tierslieu verify »."
    ),
    "backup_written": "Sauvegarde écrite : {file} ({members}, {documents}, {size})",
    "encrypted_backup_written": (
        "Sauvegarde chiffrée écrite : {file} ({members}, {documents}, {size})"
    ),
    "rotated": "{old} (rotation).",
    "backup_impossible": "sauvegarde impossible : {error}",
    "ask_passphrase": "Phrase de passe des sauvegardes : ",
    "ask_again": "La même, encore une fois : ",
    "size_kb": "{n} Ko",
    "size_mb": "{n} Mo",
    # member export | anonymise (cli_member.py)
    "no_member": "aucun adhérent n° « {number} ».",
    "member_written": "Données de l'adhérent n° {number} écrites dans {pdf} et {json}",
    "already_anonymised": "l'adhérent n° {number} est déjà anonymisé.",
    "anonymise_blocked": "anonymisation de {name} (n° {number}) impossible : {why}.",
    "blockers_join": " ; ",
    "blocker_open_basket": "un panier est ouvert à son nom (validez-le ou annulez-le)",
    "blocker_unbilled_usages": "des utilisations ne sont pas encore facturées",
    "blocker_open_balance": ("une facture n'est pas soldée (ou un avoir n'est pas remboursé)"),
    "blocker_bookings_to_come": "des réservations sont à venir ou en cours",
    "blocker_registrations_to_come": "des inscriptions à des séances à venir",
    "anonymise_confirm": (
        "L'anonymisation de {name} (n° {number}) est irréversible : "
        "ses {kept} factures et avoirs restent avec l'identité figée à "
        "leur émission. Relancez avec --yes pour confirmer ; rien n'a été modifié."
    ),
    "anonymise_failed": "anonymisation impossible ({code}).",
    "anonymised": (
        "{name} (n° {number}) anonymisé : la fiche porte désormais "
        "« Anonyme n° {number} » ; {kept} factures et avoirs conservés."
    ),
}

_EN: dict[str, _Text] = {
    "not_permitted": _refused("en"),
    "read_only": (
        '"{t}" is read-only: nothing was saved '
        "(check the permissions of the file and of its folder)."
    ),
    "busy": _BUSY_EN,
    "server_unreachable": (
        "the database server does not answer ({t}): nothing was saved. Check that the "
        "server's machine is on and on the network, then try again."
    ),
    "database_file_unreachable": (
        "the database file cannot be found ({t}): nothing was saved. Check that the disk "
        "or network share is connected, then try again."
    ),
    "cannot_write": 'cannot write "{file}": {error}',
    "demo_exists": '"{t}" already holds a demo database: add --force to replace it.',
    "demo_real": (
        '"{t}" already holds data: the demo never replaces a real database, not even '
        "with --force. The file was left untouched."
    ),
    "demo_created": "Demo database created: {t} ({summary})",
    "anchors_folder": '--anchors: the folder "{folder}" does not exist.',
    "note": "Note: {note}",
    "sound": "The database is sound.",
    "damaged": 'damaged database: "{t}" ({error}). Restore a backup.',
    "damaged_check": "  SQLite check: {line}",
    "damaged_read": "  tables read (rows): {tables}",
    "damaged_unreadable": "  unreadable tables: {tables}",
    "bad_date": '"{text}" is not a date in the format {expected}',
    "date_range": '"{text}" is outside the accepted dates (01/01/2000 to 31/12/2100)',
    "bad_year": '"{text}" is not a year (YYYY)',
    "year_range": "the year {text} is outside the accepted years ({first} to {last})",
    "end_before_start": "the end date (--to) is before the start date (--from).",
    "period_day": "the day {start:%d/%m/%Y}",
    "period_month": "the month {start:%m/%Y}",
    "period_year": "the year {start:%Y}",
    "closing_exists": "{subject} is already closed: nothing was changed.",
    "closing_future": "{subject} is not over yet: a period to come cannot be closed.",
    "closing_failed": "cannot close ({code}).",
    "closed": (
        "Closing recorded for {name}: {invoices}, {credit_notes}, net incl. VAT {net}, "
        "perpetual total {perpetual}."
    ),
    "cheque": "{day:%d/%m/%Y}  cheque {number}  {bank}  {drawer}  {invoice}  {amount}",
    "cheques_total": "Cheques to deposit: {count}, {total}.",
    "cash": "Cash in the till: {amount}.",
    "no_document": 'no invoice or credit note numbered "{number}".',
    "written": "{what} written to {file}",
    "no_grant": "no grant no. {id}.",
    "annual_report": "Annual activity report {year}",
    "grant_report": "Financial report of grant no. {id}",
    "not_a_folder": '"{file}" is not a folder.',
    "fec_written": "FEC {year} written to {file}",
    "every_default": (
        "default accounts used for every account (none saved in Finances › Accounts)"
    ),
    "some_default": "default accounts used for: {keys} (none saved in Finances › Accounts)",
    "books_written": "{lines} of the financial year {year} written to {file}",
    "rows_written": "{rows} to {file}",
    "what_fec": "FEC",
    "what_paheko": "Paheko journal",
    "what_ledger": "general ledger",
    "not_written": "The {what} was not written.",
    "fec_account_invalid": (
        'the account "{account}" of "{key}" is not an account number (digits only): '
        "correct it in Finances › Accounts. {not_written}"
    ),
    "journal_unbalanced": (
        'the entry of the piece "{piece}" does not balance '
        "(debit {debit} c, credit {credit} c). {not_written}"
    ),
    "journal_account_unknown": (
        'the piece "{piece}" uses the account "{key}", which Finances › Accounts does '
        "not list. {not_written}"
    ),
    "export_failed": "cannot export the {what} ({code}).",
    "mediation_written": (
        "Digital inclusion of {month} written to {file} ({rows} activity row(s))"
    ),
    "month_invalid": '"{text}" is not a month (YYYY-MM, for example 2026-11)',
    "issuer_invalid": '"{text}" is not a known voucher issuer (known: {known})',
    "claim_file_invalid": '"{text}": the file must end in .pdf or .csv',
    "nothing_to_claim": "no voucher of {month} left to claim (all claimed, or none received).",
    "claim_written": (
        "Claim {reference} made ({issuer}, visits of {month}), written to {file} — "
        "vouchers claimed: {n}, amount: {amount}"
    ),
    "claim_preview_written": (
        "Preview of the {issuer} claim of {month} written to {file} — vouchers to claim: "
        "{n}, amount: {amount}. Nothing recorded: --issue makes the claim."
    ),
    "claim_not_written": (
        'claim {reference} is made, but "{file}" could not be written: {error}. Save it '
        "again from Till › Issuers' settlements › Reimbursement claims."
    ),
    "figures_written": (
        "Figures from {first:%d/%m/%Y} to {last:%d/%m/%Y} written to {file} "
        "({sessions}, {drop_ins} at the cyber-base)"
    ),
    "span": "from {first:%d/%m/%Y} to {last:%d/%m/%Y}",
    "platform": (
        "--platform expects the 4-character registration number of the approved "
        "platform, with its name (--platform-name)."
    ),
    "nothing_to_declare": "Nothing to declare {span} (flow {flux}): {why} No file written.",
    "payments_written": (
        "E-reporting {span} (flow 10.4, payments) written to {file}: {days}, "
        "{paid} received incl. VAT."
    ),
    "transactions_written": (
        "E-reporting {span} (flow 10.3, transactions) written to {file}: {lines}, "
        "{base} excl. VAT, VAT {vat}."
    ),
    "left_business": (
        "sales to businesses and public bodies (electronic invoicing) {amount} excl. VAT"
    ),
    "left_exempt": "exempt lines (art. 261-7-1° of the CGI) {amount} excl. VAT",
    "left_outside": "payments outside the scope of VAT (wallet) {amount} excl. VAT",
    "left_join": "; ",
    "not_declared": "not declared here: {parts}.",
    "refund_rate": "{amount} at {rate}%",
    "refunds_unwritten": (
        "net refunds of {day:%d/%m/%Y} ({refunds}) not written: flow 10.4 accepts no "
        "negative amount; report them to your approved platform."
    ),
    "issuer_is_structure": (
        "issuer = the structure itself: the approved platform must register it for the "
        "flow to be accepted (rules G6.22 and G7.51); give --platform and "
        "--platform-name to write it now."
    ),
    "why_exempt": (
        "the structure is exempt from VAT (art. 261-7-1° of the CGI); operations exempted "
        "by art. 261 to 261 E are outside the scope of e-reporting."
    ),
    "why_no_payment_data": (
        "no payment data is due: the VAT on services is not due on receipt (VAT "
        "threshold exemption, or the option for debits)."
    ),
    "why_no_payments": (
        "no payment received from a private person for taxed services in the period."
    ),
    "why_no_sales": "no sale to a private person subject to e-reporting in the period.",
    "ereporting_not_written": "The e-reporting file was not written.",
    "ereporting_no_siren": (
        "the structure's SIRET is missing or not valid (Settings › Structure): the "
        "declarant is identified by its SIREN. {not_written}"
    ),
    "ereporting_one_day": (
        "flow 10 accepts no one-day period (its end must follow its start, rule G6.25): "
        "choose a ten-day period or a month. {not_written}"
    ),
    "ereporting_reversed": ("the end date (--to) is before the start date (--from). {not_written}"),
    "structure_missing": ("the structure is not filled in (Settings › Structure). {not_written}"),
    "ereporting_failed": "cannot export the e-reporting ({code}).",
    "backup_sqlite_only": (
        "backups are for an SQLite database only (a file); for PostgreSQL, use pg_dump."
    ),
    "backup_not_found": '"{f}" does not exist.',
    "restore_on_server": (
        "a PostgreSQL database is restored on the server, every desk closed, with "
        'pg_restore: follow "Restaurer une sauvegarde" in the server guide '
        "(packaging/server/README-SERVEUR.md). Nothing was changed."
    ),
    "pg_tool_missing": (
        "PostgreSQL's {tool} command is not found on this computer: install the package "
        "{package} (sudo apt install {package}), then try again. Nothing was written."
    ),
    "backup_dump_failed": "pg_dump could not back up the database: {detail}",
    "restore_same_file": '"{f}" is the database itself: nothing was changed.',
    "backup_damaged": (
        'the backup "{f}" is damaged: restore refused, the database was left untouched. '
        "Choose another backup."
    ),
    "backup_not_tierslieu": (
        '"{f}" is not a Tiers-Lieu database: restore refused, the database was left untouched.'
    ),
    "backup_newer_than_app": (
        '"{f}" comes from a newer version: update the application. The database was left untouched.'
    ),
    "database_in_use": (
        '"{t}" is open (in the application or on another computer): close it, then try '
        "again. Nothing was changed."
    ),
    "backup_wrong_passphrase": 'this is not the passphrase of "{f}": nothing was changed.',
    "backup_passphrase_required": '"{f}" is encrypted: give its passphrase.',
    "passphrase_empty": "the passphrase is empty.",
    "passphrase_mismatch": "the two passphrases differ: nothing was done.",
    "passphrase_file": 'cannot read the passphrase in "{f}".',
    "backup_failed": "operation failed ({code}).",
    "no_backup": 'No backup in "{folder}".',
    "state_damaged": "damaged",
    "state_encrypted": "encrypted",
    "state_sound": "sound",
    "content_encrypted": "encrypted content",
    "content_server_dump": "PostgreSQL server copy (pg_dump)",
    "unreadable": "unreadable",
    "restored": 'Backup "{file}" restored into "{db}".',
    "kept_aside": 'The previous database is kept in "{aside}".',
    "backup_is_damaged": (
        'the backup "{file}" is damaged: so may be the database; run "tierslieu verify".'
    ),
    "backup_written": "Backup written: {file} ({members}, {documents}, {size})",
    "encrypted_backup_written": (
        "Encrypted backup written: {file} ({members}, {documents}, {size})"
    ),
    "rotated": "{old} (rotation).",
    "backup_impossible": "backup failed: {error}",
    "ask_passphrase": "Backup passphrase: ",
    "ask_again": "The same once more: ",
    "size_kb": "{n} KB",
    "size_mb": "{n} MB",
    "no_member": 'no member numbered "{number}".',
    "member_written": "Data of member no. {number} written to {pdf} and {json}",
    "already_anonymised": "member no. {number} is already anonymised.",
    "anonymise_blocked": "cannot anonymise {name} (no. {number}): {why}.",
    "blockers_join": "; ",
    "blocker_open_basket": "a basket is open in their name (check it out or cancel it)",
    "blocker_unbilled_usages": "some usages are not invoiced yet",
    "blocker_open_balance": "an invoice is not settled (or a credit note not refunded)",
    "blocker_bookings_to_come": "bookings are to come or in progress",
    "blocker_registrations_to_come": "registrations to sessions to come",
    "anonymise_confirm": (
        "Anonymising {name} (no. {number}) cannot be undone: their {kept} invoices and "
        "credit notes keep the identity frozen when they were issued. Run again with "
        "--yes to confirm; nothing was changed."
    ),
    "anonymise_failed": "cannot anonymise ({code}).",
    "anonymised": (
        '{name} (no. {number}) anonymised: the record now reads "Anonyme n° {number}"; '
        "{kept} invoices and credit notes kept."
    ),
}


def text(key: str, lang: str, /, **data: Any) -> str:
    """The message ``key`` in ``lang`` ("en"; French otherwise), filled with ``data``."""
    wording = (_EN if lang == "en" else _FR)[key]
    if callable(wording):
        return wording(data)
    return wording.format(**data)


def keys(lang: str) -> frozenset[str]:
    """The messages worded in ``lang`` (a test checks both languages word the same)."""
    return frozenset(_EN if lang == "en" else _FR)
