"""The words of the machines and class-list imports (services.imports.machines and
.registrations): their fields, the codes of a refused line, why a line duplicates a
record, and the summary the CLI prints — plain Python (no Qt), French and English, so
that ``cli_import_more.py`` and the import window say the same thing.

``field_name(key, lang)`` words a field key (a public's price, ``price:<public>``,
included); ``line_error(error, lang)`` words a ``LineError`` as "ligne 4, Espace :
espace inconnu (« Fablb »)"."""

from __future__ import annotations

from typing import Protocol

LANGUAGES = ("fr", "en")

FIELD_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        # machines
        "name": "Nom",
        "space": "Espace",
        "category": "Catégorie",
        "make": "Marque",
        "model": "Modèle",
        "serial_number": "N° de série",
        "description": "Description",
        "authorization_required": "Habilitation requise",
        "purchase_date": "Date d'achat",
        "purchase_value": "Valeur d'achat",
        "funded_by": "Financement",
        "slot_step": "Pas de réservation (min)",
        "min_duration": "Durée minimale (min)",
        "max_duration": "Durée maximale (min)",
        "buffer": "Battement (min)",
        "max_advance": "Réservable jusqu'à (jours)",
        "price": "Prix horaire (tous publics)",
        "price:": "Prix horaire — {public}",
        # class lists
        "last_name": "Nom",
        "first_name": "Prénom",
        "full_name": "Nom et prénom",
        "birth_year": "Année de naissance",
        "birth_date": "Date de naissance",
        "email": "E-mail",
        "guardian_name": "Responsable légal",
        "group_name": "Nom du groupe",
        "": "Ligne",
    },
    "en": {
        "name": "Name",
        "space": "Space",
        "category": "Category",
        "make": "Make",
        "model": "Model",
        "serial_number": "Serial number",
        "description": "Description",
        "authorization_required": "Authorization required",
        "purchase_date": "Purchase date",
        "purchase_value": "Purchase value",
        "funded_by": "Funded by",
        "slot_step": "Booking step (min)",
        "min_duration": "Shortest booking (min)",
        "max_duration": "Longest booking (min)",
        "buffer": "Buffer (min)",
        "max_advance": "Bookable up to (days ahead)",
        "price": "Hourly price (every public)",
        "price:": "Hourly price — {public}",
        "last_name": "Last name",
        "first_name": "First name",
        "full_name": "Full name",
        "birth_year": "Birth year",
        "birth_date": "Birth date",
        "email": "E-mail",
        "guardian_name": "Legal guardian",
        "group_name": "Group name",
        "": "Line",
    },
}

# Why a line is refused; {value} is the cell read (or what the code says it is).
CODES: dict[str, dict[str, str]] = {
    "fr": {
        "required": "obligatoire",
        "too_long": "trop long",
        "control_char": "caractère de contrôle",
        "too_many_lines": "trop de lignes",
        "invalid_number": "nombre entier attendu (« {value} »)",
        "invalid_choice": "oui ou non attendu (« {value} »)",
        "invalid_date": "date illisible (« {value} »)",
        "date_out_of_range": "date hors de 2000–2100 (« {value} »)",
        "date_in_future": "date dans le futur (« {value} »)",
        "amount_invalid": "montant illisible (« {value} »)",
        "amount_decimals": "plus de deux décimales (« {value} »)",
        "amount_negative": "montant négatif (« {value} »)",
        "amount_ambiguous": "montant ambigu (« {value} ») — écrivez 1500 ou 1,50",
        "duplicate_in_file": "en double dans le fichier (déjà à la ligne {value})",
        "unknown_space": (
            "espace inconnu (« {value} ») — créez-le d'abord dans Machines & espaces"
        ),
        "name_taken_other_space": "une machine de ce nom existe déjà dans l'espace « {value} »",
        "name_taken": "une machine de ce nom existe déjà",
        "machine_gone": "la machine a été supprimée depuis l'aperçu",
        "unknown_audience": "public inconnu",
        "slot_step_invalid": "pas de réservation : 5, 10, 15, 20, 30 ou 60 minutes",
        "duration_below_step": "durée minimale plus courte que le pas de réservation",
        "max_below_min": "durée maximale plus courte que la durée minimale",
        "buffer_invalid": "battement entre 0 et 240 minutes",
        "advance_invalid": "réservable entre 1 et 730 jours à l'avance",
        "hours_negative": "compteur d'heures négatif",
        "negative": "montant négatif",
        "price_rule_overlap": "un autre prix de ce public couvre déjà cette période",
        "session_full": "séance complète ({value} places)",
        "session_cancelled": "séance annulée",
        "already_registered": "déjà inscrit(e) à cette séance",
        "birth_year_invalid": "année de naissance invalide (« {value} »)",
        "email_invalid": "adresse e-mail invalide (« {value} »)",
        "guardian_required": "obligatoire pour un(e) mineur(e)",
        "member_archived": "adhérent archivé",
        "number_invalid": "nombre invalide",
        "member_or_group_required": "un adhérent ou un nom de groupe est nécessaire",
        "organisation_invalid": "la structure choisie n'est pas une structure",
    },
    "en": {
        "required": "required",
        "too_long": "too long",
        "control_char": "control character",
        "too_many_lines": "too many lines",
        "invalid_number": 'a whole number is expected ("{value}")',
        "invalid_choice": 'yes or no is expected ("{value}")',
        "invalid_date": 'unreadable date ("{value}")',
        "date_out_of_range": 'date outside 2000–2100 ("{value}")',
        "date_in_future": 'date in the future ("{value}")',
        "amount_invalid": 'unreadable amount ("{value}")',
        "amount_decimals": 'more than two decimals ("{value}")',
        "amount_negative": 'negative amount ("{value}")',
        "amount_ambiguous": 'ambiguous amount ("{value}") — write 1500 or 1.50',
        "duplicate_in_file": "twice in the file (already on line {value})",
        "unknown_space": 'unknown space ("{value}") — create it first in Machines & spaces',
        "name_taken_other_space": 'a machine of this name already exists in the space "{value}"',
        "name_taken": "a machine of this name already exists",
        "machine_gone": "the machine was deleted since the preview",
        "unknown_audience": "unknown public",
        "slot_step_invalid": "booking step: 5, 10, 15, 20, 30 or 60 minutes",
        "duration_below_step": "shortest booking below the booking step",
        "max_below_min": "longest booking below the shortest one",
        "buffer_invalid": "buffer between 0 and 240 minutes",
        "advance_invalid": "bookable between 1 and 730 days ahead",
        "hours_negative": "negative hour counter",
        "negative": "negative amount",
        "price_rule_overlap": "another price of this public already covers that period",
        "session_full": "session full ({value} seats)",
        "session_cancelled": "session cancelled",
        "already_registered": "already registered for this session",
        "birth_year_invalid": 'invalid birth year ("{value}")',
        "email_invalid": 'invalid e-mail address ("{value}")',
        "guardian_required": "required for a minor",
        "member_archived": "archived member",
        "number_invalid": "invalid number",
        "member_or_group_required": "a member or a group name is needed",
        "organisation_invalid": "the organisation chosen is not an organisation",
    },
}

# Why a planned line duplicates a record of the base (PlannedLine.duplicate_reason).
DUPLICATE_REASONS: dict[str, dict[str, str]] = {
    "fr": {
        "name_space": "même nom dans le même espace",
        "email": "même e-mail",
        "name_birth_year": "même nom et même année de naissance",
        "name": "même nom (seul adhérent de ce nom)",
        "already_registered": "déjà inscrit(e) à cette séance",
    },
    "en": {
        "name_space": "same name in the same space",
        "email": "same e-mail",
        "name_birth_year": "same name and birth year",
        "name": "same name (the only member of that name)",
        "already_registered": "already registered for this session",
    },
}

# Whole-file problems (a DomainError's code) and the CLI's sentences.
MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        "line": "ligne {line}, {field} : {problem}",
        "dry_run": "Essai à blanc : rien n'a été enregistré.",
        "nothing_written": (
            "Rien n'a été enregistré : corrigez les lignes refusées, ou relancez avec "
            "--skip-bad pour importer les autres."
        ),
        "written": "Import enregistré.",
        "no_column": "aucune colonne du fichier pour « {field} » (colonnes : {headers}).",
        "session_cancelled": "la séance {session} est annulée : rien n'a été enregistré.",
        "session_not_found": "aucune séance n° {session}.",
        "group_already_registered": (
            "le groupe « {group} » est déjà inscrit à cette séance : changez son effectif "
            "depuis la séance."
        ),
        "group_name_required": "donnez le nom du groupe (--group).",
        "unknown_public": "public inconnu : « {public} ».",
        "file_unreadable": "impossible de lire « {name} ».",
        "file_undecodable": "« {name} » n'est ni en UTF-8 ni en Windows-1252.",
        "file_empty": "« {name} » est vide.",
        "cancelled": "import annulé : rien n'a été enregistré.",
    },
    "en": {
        "line": "line {line}, {field}: {problem}",
        "dry_run": "Dry run: nothing was written.",
        "nothing_written": (
            "Nothing was written: correct the refused lines, or run again with --skip-bad "
            "to import the others."
        ),
        "written": "Import saved.",
        "no_column": 'no column of the file for "{field}" (columns: {headers}).',
        "session_cancelled": "session {session} is cancelled: nothing was written.",
        "session_not_found": "no session number {session}.",
        "group_already_registered": (
            'the group "{group}" is already registered for this session: change its '
            "head-count from the session."
        ),
        "group_name_required": "give the group's name (--group).",
        "unknown_public": 'unknown public: "{public}".',
        "file_unreadable": 'cannot read "{name}".',
        "file_undecodable": '"{name}" is neither UTF-8 nor Windows-1252.',
        "file_empty": '"{name}" is empty.',
        "cancelled": "import cancelled: nothing was written.",
    },
}


class _LineError(Protocol):
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
    """The field as the user reads it ("Espace", "Prix horaire — Scolaires")."""
    names = FIELD_NAMES[_lang(lang)]
    if key.startswith("price:"):
        return names["price:"].format(public=key.removeprefix("price:"))
    return names.get(key, key)


def problem(code: str, value: str = "", lang: str = "fr") -> str:
    """Why a line is refused, from its code (an unknown code is shown as it is)."""
    text = CODES[_lang(lang)].get(code)
    return code if text is None else text.format(value=value)


def line_error(error: _LineError, lang: str = "fr") -> str:
    """ "ligne 4, Espace : espace inconnu (« Fablb »)"."""
    return MESSAGES[_lang(lang)]["line"].format(
        line=error.line,
        field=field_name(error.field, lang),
        problem=problem(error.code, error.value, lang),
    )


def line_error_text(error: _LineError, lang: str = "fr") -> str:
    """The field and why, without the line number (the import window shows it in its
    own column): "Espace : espace inconnu (« Fablb »)"."""
    colon = " :" if _lang(lang) == "fr" else ":"
    return f"{field_name(error.field, lang)}{colon} {problem(error.code, error.value, lang)}"


def duplicate_reason(reason: str, lang: str = "fr") -> str:
    return DUPLICATE_REASONS[_lang(lang)].get(reason, reason)


def message(key: str, lang: str = "fr", **params: object) -> str:
    return MESSAGES[_lang(lang)][key].format(**params)


# (singular, plural) of each count of a summary; French agrees 0 and 1 in the singular
_COUNTS: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {
        "lines": ("ligne", "lignes"),
        "machines_created": ("machine créée", "machines créées"),
        "machines_merged": ("machine complétée", "machines complétées"),
        "pupils_created": ("adhérent créé et inscrit", "adhérents créés et inscrits"),
        "pupils_merged": ("adhérent existant inscrit", "adhérents existants inscrits"),
        "group_created": ("participant", "participants"),
        "skipped": ("ligne ignorée", "lignes ignorées"),
        "refused": ("ligne refusée", "lignes refusées"),
    },
    "en": {
        "lines": ("line", "lines"),
        "machines_created": ("machine created", "machines created"),
        "machines_merged": ("machine completed", "machines completed"),
        "pupils_created": ("member created and registered", "members created and registered"),
        "pupils_merged": ("existing member registered", "existing members registered"),
        "group_created": ("participant", "participants"),
        "skipped": ("line skipped", "lines skipped"),
        "refused": ("line refused", "lines refused"),
    },
}


def count(n: int, key: str, lang: str = "fr") -> str:
    """ "1 ligne", "2 lignes", "0 ligne refusée" (French: 0 and 1 in the singular)."""
    lang = _lang(lang)
    one, many = _COUNTS[lang][key]
    singular = abs(n) < 2 if lang == "fr" else abs(n) == 1
    return f"{n} {one if singular else many}"


def summary(
    kind: str,
    name: str,
    *,
    lines: int,
    created: int,
    merged: int,
    skipped: int,
    refused: int,
    group: str = "",
    lang: str = "fr",
) -> str:
    """What an import did (or would do): "machines.csv : 6 lignes — 4 machines créées,
    1 machine complétée, 1 ligne ignorée, 0 ligne refusée." ``kind``: "machines",
    "pupils" or "group" (then ``group`` names it)."""
    parts = [count(created, f"{kind}_created", lang)]
    if kind != "group":
        parts.append(count(merged, f"{kind}_merged", lang))
    parts += [count(skipped, "skipped", lang), count(refused, "refused", lang)]
    head = count(lines, "lines", lang)
    if group:
        head += f", « {group} »" if _lang(lang) == "fr" else f', "{group}"'
    colon = " :" if _lang(lang) == "fr" else ":"
    return f"{name}{colon} {head} — {', '.join(parts)}."
