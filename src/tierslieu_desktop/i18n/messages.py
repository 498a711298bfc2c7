"""Sentences said both by the window and by the command line, in one place: plain
Python (no Qt), French and English, so that ``cli.py`` (which must not import ``ui/``)
and ``app.py`` word a problem the same way."""

from __future__ import annotations

_OPEN_ERRORS: dict[str, dict[str, str]] = {
    "fr": {
        "not_a_database": "« {t} » n'est pas une base Tiers-Lieu : fichier laissé intact.",
        "foreign_database": (
            "« {t} » est une base SQLite d'un autre logiciel : fichier laissé intact."
        ),
        "newer_than_app": (
            "« {t} » vient d'une version plus récente (schéma {d}) : "
            "mettez l'application à jour. Fichier laissé intact."
        ),
        "cannot_open": "impossible d'ouvrir « {t} » : {d}",
        "not_found": "« {t} » n'existe pas.",
        "empty": (
            "« {t} » existe mais est vide (0 octet) : ce n'est pas une base "
            "Tiers-Lieu. Fichier laissé intact."
        ),
        "damaged": (
            "« {t} » : base endommagée ou tronquée ({d}). Fichier laissé intact : "
            "restaurez une sauvegarde."
        ),
        "read_only_outdated": (
            "« {t} » est en lecture seule et d'une version plus ancienne (schéma {d}) : "
            "impossible de la mettre à jour. Rendez-la modifiable ou ouvrez-en une copie. "
            "Fichier laissé intact."
        ),
        "read_only_new": (
            "« {t} » est en lecture seule et n'a jamais été ouverte par Tiers-Lieu "
            "Desktop : rendez-la modifiable pour la démarrer. Fichier laissé intact."
        ),
        "": "impossible d'ouvrir « {t} ».",
    },
    "en": {
        "not_a_database": '"{t}" is not a Tiers-Lieu database: the file was left untouched.',
        "foreign_database": (
            '"{t}" is an SQLite database of another program: the file was left untouched.'
        ),
        "newer_than_app": (
            '"{t}" comes from a newer version of Tiers-Lieu Desktop (schema {d}): '
            "update the application. The file was left untouched."
        ),
        "cannot_open": 'cannot open "{t}": {d}',
        "not_found": '"{t}" does not exist.',
        "empty": (
            '"{t}" exists but is empty (0 bytes): it holds no Tiers-Lieu database. '
            "The file was left untouched."
        ),
        "damaged": (
            '"{t}" is a damaged or truncated database ({d}): restore a backup. '
            "The file was left untouched."
        ),
        "read_only_outdated": (
            '"{t}" is read-only and from an older version (schema {d}): it cannot be '
            "upgraded. Make it writable, or open a copy. The file was left untouched."
        ),
        "read_only_new": (
            '"{t}" is read-only and has never been opened by Tiers-Lieu Desktop: make it '
            "writable to start it. The file was left untouched."
        ),
        "": 'cannot open "{t}".',
    },
}


def open_error_text(code: str, target: str, detail: str, lang: str) -> str:
    """Why the database ``target`` cannot be opened (``db.files.DatabaseOpenError``'s
    code and detail), in ``lang`` ("fr" or "en"; French otherwise)."""
    texts = _OPEN_ERRORS.get(lang, _OPEN_ERRORS["fr"])
    return texts.get(code, texts[""]).format(t=target, d=detail)


def count_fr(n: int, singular: str, plural: str, shown: str | None = None) -> str:
    """A French count with its noun agreed (0 and 1 singular): "1 facture",
    "2 factures", never "facture(s)"; ``shown``: the number as formatted."""
    return f"{shown if shown is not None else n} {singular if abs(n) < 2 else plural}"
