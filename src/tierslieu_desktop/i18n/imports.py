"""The words of the imports (issue 18), said alike by the command line and the import
wizard: field names by key, the codes of a refused line, the actions planned for a line,
the reasons two records are the same person and the sources. Plain Python (no Qt, no
services): a refused line is taken as any object with ``line``, ``field``, ``code`` and
``value`` (``services.imports.base.LineError``).
"""

from __future__ import annotations

from typing import Protocol

from tierslieu_desktop.i18n import imports_more

LANGUAGES = ("fr", "en")

FIELD_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "last_name": "Nom",
        "first_name": "Prénom",
        "full_name": "Nom et prénom",
        "organisation": "Structure",
        "email": "E-mail",
        "phone": "Téléphone",
        "birth_year": "Année de naissance",
        "birth_date": "Date de naissance",
        "age": "Âge",
        "gender": "Genre",
        "postcode": "Code postal",
        "city": "Commune",
        "address": "Adresse",
        "audience": "Public",
        "kind": "Type de membre",
        "guardian_name": "Responsable légal",
        "payer_last_name": "Nom du payeur",
        "payer_first_name": "Prénom du payeur",
        "payer_email": "E-mail du payeur",
        "status": "Statut de la commande",
        "newsletter": "Lettre d'information",
        "notes": "Notes",
        "membership_start": "Début d'adhésion",
        "membership_end": "Fin d'adhésion",
        "membership_fee": "Cotisation",
        "reference": "Référence",
    },
    "en": {
        "last_name": "Last name",
        "first_name": "First name",
        "full_name": "Full name",
        "organisation": "Organisation",
        "email": "E-mail",
        "phone": "Phone",
        "birth_year": "Birth year",
        "birth_date": "Birth date",
        "age": "Age",
        "gender": "Gender",
        "postcode": "Postcode",
        "city": "Town",
        "address": "Address",
        "audience": "Public",
        "kind": "Member kind",
        "guardian_name": "Legal guardian",
        "payer_last_name": "Payer's last name",
        "payer_first_name": "Payer's first name",
        "payer_email": "Payer's e-mail",
        "status": "Order status",
        "newsletter": "Newsletter",
        "notes": "Notes",
        "membership_start": "Membership start",
        "membership_end": "Membership end",
        "membership_fee": "Membership fee",
        "reference": "Reference",
    },
}

ERRORS: dict[str, dict[str, str]] = {
    "fr": {
        "required": "à remplir",
        "email_invalid": "adresse invalide",
        "phone_invalid": "numéro invalide",
        "postcode_invalid": "code postal invalide (5 chiffres)",
        "birth_year_invalid": "année de naissance invalide",
        "guardian_required": "mineur : le nom d'un responsable légal est requis",
        "too_long": "texte trop long",
        "too_many_lines": "trop de lignes",
        "control_char": "caractère de contrôle interdit",
        "invalid_choice": "valeur non reconnue",
        "invalid_date": "date illisible (attendu : 14/03/2025 ou 2025-03-14)",
        "date_out_of_range": "date hors de 2000–2100",
        "invalid_number": "nombre illisible",
        "unknown_audience": "public inconnu (créez-le dans Paramètres › Publics)",
        "no_audience": (
            "aucun public dans la base pour l'adhésion : créez les publics d'abord "
            "(assistant de démarrage ou Paramètres › Publics)"
        ),
        "duplicate_in_file": "même personne que la ligne {value}",
        "end_before_start": "fin avant le début",
        "amount_negative": "montant négatif",
        "amount_invalid": "montant illisible",
        "amount_ambiguous": "montant ambigu (écrivez 1500 ou 1,50)",
        "amount_decimals": "plus de deux décimales",
        "vat_number_invalid": "numéro de TVA invalide",
        "siret_invalid": "SIRET invalide",
        "": "valeur refusée",
    },
    "en": {
        "required": "required",
        "email_invalid": "invalid address",
        "phone_invalid": "invalid number",
        "postcode_invalid": "invalid postcode (5 digits)",
        "birth_year_invalid": "invalid birth year",
        "guardian_required": "a minor: a legal guardian's name is required",
        "too_long": "text too long",
        "too_many_lines": "too many lines",
        "control_char": "forbidden control character",
        "invalid_choice": "value not recognised",
        "invalid_date": "unreadable date (expected: 14/03/2025 or 2025-03-14)",
        "date_out_of_range": "date outside 2000–2100",
        "invalid_number": "unreadable number",
        "unknown_audience": "unknown public (create it in Settings › Publics)",
        "no_audience": (
            "no public in the database for the membership: create the publics first "
            "(setup assistant or Settings › Publics)"
        ),
        "duplicate_in_file": "same person as line {value}",
        "end_before_start": "ends before it starts",
        "amount_negative": "negative amount",
        "amount_invalid": "unreadable amount",
        "amount_ambiguous": "ambiguous amount (write 1500 or 1.50)",
        "amount_decimals": "more than two decimals",
        "vat_number_invalid": "invalid VAT number",
        "siret_invalid": "invalid SIRET",
        "": "value refused",
    },
}

ACTIONS: dict[str, dict[str, str]] = {
    "fr": {
        "create": "Créer",
        "merge": "Compléter la fiche existante",
        "skip": "Ignorer",
        "refused": "Refusée",
    },
    "en": {
        "create": "Create",
        "merge": "Complete the existing record",
        "skip": "Skip",
        "refused": "Refused",
    },
}

DUPLICATE_REASONS: dict[str, dict[str, str]] = {
    "fr": {
        "email": "même e-mail",
        "name_birth_year": "même nom et même année de naissance",
        "name_commune": "même nom et même commune",
    },
    "en": {
        "email": "same e-mail",
        "name_birth_year": "same name and birth year",
        "name_commune": "same name and town",
    },
}

# The machines' and class lists' codes and duplicate reasons (i18n/imports_more.py) join
# the members' (whose words win for a code both have); their fields are named by
# field_name below.
for _language in LANGUAGES:
    ERRORS[_language] = {**imports_more.ERRORS[_language], **ERRORS[_language]}
    DUPLICATE_REASONS[_language] = {
        **imports_more.DUPLICATE_REASONS[_language],
        **DUPLICATE_REASONS[_language],
    }

SKIP_REASONS: dict[str, dict[str, str]] = {
    "fr": {"order_not_paid": "commande remboursée ou annulée : non importée"},
    "en": {"order_not_paid": "order refunded or cancelled: not imported"},
}

SOURCE_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "csv": "Tableau CSV ou XLSX",
        "helloasso": "HelloAsso (export des adhésions)",
        "paheko": "Paheko (export des membres)",
        "fabmanager": "Fab Manager (export des membres)",
    },
    "en": {
        "csv": "CSV or XLSX table",
        "helloasso": "HelloAsso (memberships export)",
        "paheko": "Paheko (members export)",
        "fabmanager": "Fab Manager (members export)",
    },
}

CLI: dict[str, dict[str, str]] = {
    "fr": {
        "file": "Fichier : {name} — {source}, {n} lignes lues",
        "dry_run": "Essai à blanc : rien n'a été enregistré.",
        "nothing_written": "Rien n'a été enregistré : corrigez la ligne refusée ou ajoutez --skip-bad.",
        "nothing_written_many": (
            "Rien n'a été enregistré : corrigez les lignes refusées ou ajoutez --skip-bad."
        ),
        "written": "Import enregistré.",
        "written_skip_bad": "Import enregistré sans les lignes refusées.",
        "cancelled": "Import annulé : rien n'a été enregistré.",
        "plan_incomplete": (
            "seules les premières lignes ont été lues (aperçu) : le fichier entier doit "
            "être relu avant l'import. Rien n'a été enregistré."
        ),
        "file_unreadable": "impossible de lire « {name} » : {detail}",
        "file_undecodable": "« {name} » n'est pas un texte lisible (ligne {line}).",
        "file_empty": "« {name} » ne contient aucune ligne d'en-tête.",
        "read_only": "la base est en lecture seule : rien n'a été enregistré.",
        "database_busy": (
            "la base est occupée par un autre poste qui enregistre : rien n'a été "
            "enregistré, réessayez dans un instant."
        ),
    },
    "en": {
        "file": "File: {name} — {source}, {n} lines read",
        "dry_run": "Dry run: nothing was written.",
        "nothing_written": "Nothing was written: correct the refused line or add --skip-bad.",
        "nothing_written_many": (
            "Nothing was written: correct the refused lines or add --skip-bad."
        ),
        "written": "Import written.",
        "written_skip_bad": "Import written without the refused lines.",
        "cancelled": "Import cancelled: nothing was written.",
        "plan_incomplete": (
            "only the first lines were read (a preview): the whole file must be read "
            "before importing. Nothing was written."
        ),
        "file_unreadable": 'cannot read "{name}": {detail}',
        "file_undecodable": '"{name}" is not readable text (line {line}).',
        "file_empty": '"{name}" has no header line.',
        "read_only": "the database is read-only: nothing was written.",
        "database_busy": (
            "the database is busy with another computer writing to it: nothing was "
            "written, try again in a moment."
        ),
    },
}


def cli_text(key: str, lang: str = "fr", **params: object) -> str:
    """A sentence of ``tierslieu import`` (and of the wizard's messages about a file)."""
    texts = CLI[_lang(lang)]
    return texts.get(key, key).format(**params)


_LINE = {
    "fr": ("Ligne {line}, champ « {field} » : {text}", "Ligne {line} : {text}", " (« {value} »)"),
    "en": ('Line {line}, field "{field}": {text}', "Line {line}: {text}", ' ("{value}")'),
}

_SUMMARY = {
    "fr": {
        "created": ("{n} membre créé", "{n} membres créés"),
        "merged": ("{n} fiche complétée", "{n} fiches complétées"),
        "skipped": ("{n} ligne ignorée", "{n} lignes ignorées"),
        "refused": ("{n} ligne refusée", "{n} lignes refusées"),
        # what a plan would do (a dry run, or a file refused: nothing written)
        "created:planned": ("{n} membre à créer", "{n} membres à créer"),
        "merged:planned": ("{n} fiche à compléter", "{n} fiches à compléter"),
        "skipped:planned": ("{n} ligne à ignorer", "{n} lignes à ignorer"),
        "refused:planned": ("{n} ligne refusée", "{n} lignes refusées"),
    },
    "en": {
        "created": ("{n} member created", "{n} members created"),
        "merged": ("{n} record completed", "{n} records completed"),
        "skipped": ("{n} line skipped", "{n} lines skipped"),
        "refused": ("{n} line refused", "{n} lines refused"),
        "created:planned": ("{n} member to create", "{n} members to create"),
        "merged:planned": ("{n} record to complete", "{n} records to complete"),
        "skipped:planned": ("{n} line to skip", "{n} lines to skip"),
        "refused:planned": ("{n} line refused", "{n} lines refused"),
    },
}


class LineErrorLike(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def field(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def value(self) -> str: ...


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "fr"


def field_name(key: str, lang: str = "fr") -> str:
    """The name a user reads for an importer's field key ("email" -> "E-mail"); the
    machines' and class lists' fields are named by i18n/imports_more.py."""
    found = FIELD_NAMES[_lang(lang)].get(key)
    return found if found is not None else imports_more.field_name(key, lang)


def error_text(code: str, value: str = "", lang: str = "fr") -> str:
    """A refused value's code as words ("email_invalid" -> "adresse invalide")."""
    texts = ERRORS[_lang(lang)]
    return texts.get(code, texts[""]).format(value=value)


def action_name(action: str, lang: str = "fr") -> str:
    """A planned action ("create", "merge", "skip", "refused") as a user reads it."""
    return ACTIONS[_lang(lang)].get(str(action), str(action))


def duplicate_reason_text(reason: str, lang: str = "fr") -> str:
    return DUPLICATE_REASONS[_lang(lang)].get(reason, reason)


def skip_reason_text(reason: str, lang: str = "fr") -> str:
    """Why a line is left out without being a duplicate ("order_not_paid")."""
    return SKIP_REASONS[_lang(lang)].get(reason, reason)


def skipped_line_text(line: int, reason: str, lang: str = "fr") -> str:
    """ "Ligne 5 : commande remboursée ou annulée : non importée"."""
    lang = _lang(lang)
    return _LINE[lang][1].format(line=line, text=skip_reason_text(reason, lang))


def source_name(source: str, lang: str = "fr") -> str:
    return SOURCE_NAMES[_lang(lang)].get(source, source)


def line_error_text(err: LineErrorLike, lang: str = "fr") -> str:
    """ "Ligne 12, champ « E-mail » : adresse invalide (« lucie@ »)"; the value is not
    repeated when the sentence already says it (a duplicate names its first line)."""
    lang = _lang(lang)
    with_field, without_field, value_part = _LINE[lang]
    text = error_text(err.code, err.value, lang)
    if err.value and err.code != "duplicate_in_file":
        text += value_part.format(value=err.value)
    if err.field:
        return with_field.format(line=err.line, field=field_name(err.field, lang), text=text)
    return without_field.format(line=err.line, text=text)


def count_text(what: str, n: int, lang: str = "fr", *, planned: bool = False) -> str:
    """ "3 membres créés", "1 fiche complétée", "0 ligne ignorée" (what: "created",
    "merged", "skipped" or "refused"); ``planned``: what the plan would do, nothing
    being written ("3 membres à créer")."""
    lang = _lang(lang)
    one, many = _SUMMARY[lang][f"{what}:planned" if planned else what]
    singular = abs(n) < 2 if lang == "fr" else abs(n) == 1
    return (one if singular else many).format(n=n)
