"""The words of the machines and class-list imports (services.imports.machines and
.registrations) that the members' words (i18n/imports.py) do not have: their fields,
their codes of a refused line, why a line duplicates a record, and the sentences and
counts of ``tierslieu import machines|registrations`` — plain Python (no Qt), French and
English. i18n/imports.py takes them in (its ``field_name``, ``error_text`` and
``duplicate_reason_text`` know them), so the import wizard and the CLI say the same
thing; ``field_name`` here also words a public's price (``price:<public>``)."""

from __future__ import annotations

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
        "responsible_name": "Responsable du groupe",
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
        "responsible_name": "Group's responsible",
        "": "Line",
    },
}

# Why a line is refused (the value read is added after it by
# i18n.imports.line_error_text, as for the members' codes; the codes both share —
# "required", "invalid_date", "duplicate_in_file"… — are worded there).
ERRORS: dict[str, dict[str, str]] = {
    "fr": {
        "unknown_space": "espace inconnu, à créer d'abord dans Machines & espaces",
        "name_taken_other_space": "une machine de ce nom est déjà dans un autre espace",
        "name_taken": "une machine de ce nom existe déjà",
        "machine_gone": "la machine a été supprimée depuis l'aperçu",
        "slot_step_invalid": "pas de réservation : 5, 10, 15, 20, 30 ou 60 minutes",
        "duration_below_step": "durée minimale plus courte que le pas de réservation",
        "max_below_min": "durée maximale plus courte que la durée minimale",
        "buffer_invalid": "battement entre 0 et 240 minutes",
        "advance_invalid": "réservable entre 1 et 730 jours à l'avance",
        "hours_negative": "compteur d'heures négatif",
        "date_in_future": "date dans le futur",
        "negative": "montant négatif",
        "price_rule_overlap": "un autre prix de ce public couvre déjà cette période",
        "session_full": "plus de place dans la séance",
        "session_cancelled": "séance annulée",
        "already_registered": "déjà inscrit(e) à cette séance",
        "member_archived": "adhérent archivé",
        "number_invalid": "nombre invalide",
        "member_or_group_required": "un adhérent ou un nom de groupe est nécessaire",
        "organisation_invalid": "la structure choisie n'est pas une structure",
    },
    "en": {
        "unknown_space": "unknown space, to be created first in Machines & spaces",
        "name_taken_other_space": "a machine of this name is already in another space",
        "name_taken": "a machine of this name already exists",
        "machine_gone": "the machine was deleted since the preview",
        "slot_step_invalid": "booking step: 5, 10, 15, 20, 30 or 60 minutes",
        "duration_below_step": "shortest booking below the booking step",
        "max_below_min": "longest booking below the shortest one",
        "buffer_invalid": "buffer between 0 and 240 minutes",
        "advance_invalid": "bookable between 1 and 730 days ahead",
        "hours_negative": "negative hour counter",
        "date_in_future": "date in the future",
        "negative": "negative amount",
        "price_rule_overlap": "another price of this public already covers that period",
        "session_full": "no seat left in the session",
        "session_cancelled": "session cancelled",
        "already_registered": "already registered for this session",
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
        "name": "même nom (seul adhérent de ce nom)",
        "already_registered": "déjà inscrit(e) à cette séance",
    },
    "en": {
        "name_space": "same name in the same space",
        "name": "same name (the only member of that name)",
        "already_registered": "already registered for this session",
    },
}

# Whole-file problems of the CLI (a DomainError's code, a missing column or public).
MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        "no_column": "aucune colonne du fichier pour « {field} » (colonnes : {headers}).",
        "session_cancelled": "la séance {session} est annulée : rien n'a été enregistré.",
        "session_not_found": "aucune séance n° {session}.",
        "group_already_registered": (
            "le groupe « {group} » est déjà inscrit à cette séance : changez son effectif "
            "depuis la séance."
        ),
        "group_name_required": "donnez le nom du groupe (--group).",
        "unknown_public": "public inconnu : « {public} ».",
    },
    "en": {
        "no_column": 'no column of the file for "{field}" (columns: {headers}).',
        "session_cancelled": "session {session} is cancelled: nothing was written.",
        "session_not_found": "no session number {session}.",
        "group_already_registered": (
            'the group "{group}" is already registered for this session: change its '
            "head-count from the session."
        ),
        "group_name_required": "give the group's name (--group).",
        "unknown_public": 'unknown public: "{public}".',
    },
}


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "fr"


def field_name(key: str, lang: str = "fr") -> str:
    """The field as the user reads it ("Espace", "Prix horaire — Scolaires")."""
    names = FIELD_NAMES[_lang(lang)]
    if key.startswith("price:"):
        return names["price:"].format(public=key.removeprefix("price:"))
    return names.get(key, key)


def duplicate_reason(reason: str, lang: str = "fr") -> str:
    return DUPLICATE_REASONS[_lang(lang)].get(reason, reason)


def message(key: str, lang: str = "fr", **params: object) -> str:
    return MESSAGES[_lang(lang)][key].format(**params)


# (singular, plural) of each count of a summary; French agrees 0 and 1 in the singular
_COUNTS: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {
        "machines_created": ("machine créée", "machines créées"),
        "machines_merged": ("machine complétée", "machines complétées"),
        "pupils_created": ("adhérent créé et inscrit", "adhérents créés et inscrits"),
        "pupils_merged": ("adhérent existant inscrit", "adhérents existants inscrits"),
        "group_created": ("participant", "participants"),
        "skipped": ("ligne ignorée", "lignes ignorées"),
        "refused": ("ligne refusée", "lignes refusées"),
        # what a plan would do (a dry run, or a file refused: nothing written)
        "machines_created:planned": ("machine à créer", "machines à créer"),
        "machines_merged:planned": ("machine à compléter", "machines à compléter"),
        "pupils_created:planned": ("adhérent à créer et inscrire", "adhérents à créer et inscrire"),
        "pupils_merged:planned": ("adhérent existant à inscrire", "adhérents existants à inscrire"),
        "group_created:planned": ("participant", "participants"),
        "skipped:planned": ("ligne à ignorer", "lignes à ignorer"),
        "refused:planned": ("ligne refusée", "lignes refusées"),
    },
    "en": {
        "machines_created": ("machine created", "machines created"),
        "machines_merged": ("machine completed", "machines completed"),
        "pupils_created": ("member created and registered", "members created and registered"),
        "pupils_merged": ("existing member registered", "existing members registered"),
        "group_created": ("participant", "participants"),
        "skipped": ("line skipped", "lines skipped"),
        "refused": ("line refused", "lines refused"),
        "machines_created:planned": ("machine to create", "machines to create"),
        "machines_merged:planned": ("machine to complete", "machines to complete"),
        "pupils_created:planned": (
            "member to create and register",
            "members to create and register",
        ),
        "pupils_merged:planned": ("existing member to register", "existing members to register"),
        "group_created:planned": ("participant", "participants"),
        "skipped:planned": ("line to skip", "lines to skip"),
        "refused:planned": ("line refused", "lines refused"),
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
    *,
    created: int,
    merged: int,
    skipped: int,
    refused: int,
    group: str = "",
    lang: str = "fr",
    planned: bool = False,
) -> str:
    """What an import did (or would do): "6 machines créées, 1 machine complétée,
    0 ligne ignorée, 0 ligne refusée"; ``kind``: "machines", "pupils" or "group" (then
    ``group`` names it: "Groupe « CM2 » : 8 participants, …")."""
    tail = ":planned" if planned else ""  # nothing written: what the plan would do
    parts = [count(created, f"{kind}_created{tail}", lang)]
    if kind != "group":
        parts.append(count(merged, f"{kind}_merged{tail}", lang))
    parts += [count(skipped, f"skipped{tail}", lang), count(refused, f"refused{tail}", lang)]
    text = ", ".join(parts)
    if group:
        head = "Groupe « {group} » : " if _lang(lang) == "fr" else 'Group "{group}": '
        text = head.format(group=group) + text
    return text
