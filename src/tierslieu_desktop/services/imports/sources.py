"""The published member exports this lab may bring in, told apart by their headers.

- **HelloAsso** — the back office's "Export des adhésions" (CSV, ``;``, UTF-8 with BOM):
  one line per membership order, "Référence commande", "Date de la commande", "Statut de
  la commande", "Nom adhérent", "Prénom adhérent", "Email payeur", "Tarif", "Montant
  tarif" (French decimals, "Gratuit"), then the form's own fields ("Email", "Date de
  naissance", "Adresse", "Code postal", "Ville", "Téléphone"...).
- **Paheko** — the members list export: one column per member field, headed by the
  field's label (its default fields: src/include/data/users_fields_presets.ini —
  "Numéro de membre", "Nom & prénom" in one field, "Adresse E-Mail", "Adresse postale",
  "Code postal", "Ville", "Pays", "Numéro de téléphone", "Inscription à la lettre
  d'information", "Année de naissance", "Date de naissance complète", "Date
  d'inscription").
- **Fab Manager** — the admin's members export (XLSX, app/views/exports/
  users_members.xlsx.axlsx, French labels of config/locales/fr.yml ``export_members``):
  "ID", "Nom", "Prénom", "Courriel", "Lettre d'informations", "Genre", "Âge", "Adresse",
  "Tel.", ..., "Groupe", "Abonnement", "Date de fin de l'abonnement" (a date cell), ...,
  "Structure", "Adresse de la structure" (in English: "Surname", "First name", "Email",
  ..., "Subscription end date").
- **csv** — any other CSV or XLSX: columns recognised by their usual French or English
  names (``FieldSpec.aliases``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tierslieu_desktop.services.common import fold

SOURCES = ("csv", "helloasso", "paheko", "fabmanager")


def fold_header(header: str) -> str:
    """A header as compared: lower case, no accents, punctuation as spaces ("Adresse
    E-Mail" -> "adresse e mail", "Tel." -> "tel")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(header)).split())


# Each source's columns for the members importer's fields, folded.
SOURCE_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "helloasso": {
        "last_name": ("nom adherent", "nom"),
        "first_name": ("prenom adherent", "prenom"),
        "organisation": ("raison sociale", "raison sociale payeur"),
        "email": ("email", "email adherent"),
        "payer_email": ("email payeur",),
        "phone": ("telephone", "numero de telephone", "telephone adherent"),
        "birth_date": ("date de naissance", "date naissance"),
        "address": ("adresse",),
        "postcode": ("code postal",),
        "city": ("ville", "commune"),
        "membership_start": ("date de la commande", "date commande", "date"),
        "membership_fee": ("montant tarif", "montant du tarif", "montant adhesion"),
        "reference": ("reference commande", "numero commande", "numero"),
        "status": ("statut de la commande", "statut"),
        "payer_last_name": ("nom payeur",),
        "payer_first_name": ("prenom payeur",),
    },
    "paheko": {
        "full_name": ("nom prenom",),
        "email": ("adresse e mail", "email", "courriel"),
        "phone": ("numero de telephone", "telephone"),
        "address": ("adresse postale", "adresse"),
        "postcode": ("code postal",),
        "city": ("ville",),
        "birth_year": ("annee de naissance",),
        "birth_date": ("date de naissance complete", "date de naissance"),
        "newsletter": ("inscription a la lettre d information", "lettre d information"),
        "reference": ("numero de membre",),
    },
    "fabmanager": {
        "last_name": ("nom", "surname"),
        "first_name": ("prenom", "first name"),
        "email": ("courriel", "email"),
        "newsletter": ("lettre d informations", "newsletter"),
        "gender": ("genre", "gender"),
        "age": ("age",),
        "address": ("adresse", "address"),
        "phone": ("tel", "phone"),
        "audience": ("groupe", "group"),
        "membership_end": ("date de fin de l abonnement", "subscription end date"),
        "organisation": ("structure", "organization"),
        "reference": ("id",),
    },
}


def detect_source(headers: Iterable[str]) -> str:
    """ "helloasso", "paheko" or "fabmanager" when the headers are that export's, else
    "csv" (any other CSV or XLSX)."""
    folded = {fold_header(h) for h in headers}
    if "reference commande" in folded or {"nom adherent", "prenom adherent"} <= folded:
        return "helloasso"
    if "nom prenom" in folded or "numero de membre" in folded or "adresse e mail" in folded:
        return "paheko"
    fab = {
        "date de fin de l abonnement",
        "logiciels de conception maitrises",
        "echosciences",
        "subscription end date",
        "cad software mastered",
    }
    if folded & {"courriel", "email"} and folded & fab:
        return "fabmanager"
    return "csv"


def match_columns(
    headers: tuple[str, ...], wanted: dict[str, tuple[str, ...]]
) -> dict[str, str | None]:
    """Field key -> the first header (as written in the file) among its folded names, in
    the names' order of preference; a header feeds one field only."""
    by_fold: dict[str, str] = {}
    for header in headers:
        by_fold.setdefault(fold_header(header), header)
    taken: set[str] = set()
    out: dict[str, str | None] = {}
    for key, names in wanted.items():
        out[key] = None
        for name in names:
            found = by_fold.get(name)
            if found is not None and found not in taken:
                out[key] = found
                taken.add(found)
                break
    return out
