"""The national model of digital-inclusion records (issue 22): the lists of the "Coop de
la médiation numérique" (inclusion-numerique/coop-mediation-numerique, its prisma schema
``apps/web/prisma/schema.prisma`` and the labels of ``apps/web/src/features/activites/
use-cases/cra/fields/*.ts`` and ``features/beneficiaire/domain/*.ts``), learnt from and
written again here. Stored values are the Coop's API values (snake case), so an export
never depends on our own wording; the French labels are the Coop's, as its export writes
them. Every field is optional: a drop-in logged in one click carries none of them.

Multi-valued fields (equipment, themes) are stored as the values joined by commas
(``join_values`` / ``split_values``): a month's figures read them in Python.
"""

from __future__ import annotations

from collections.abc import Iterable

# Type d'activité: a one-to-one help is "individuel", a workshop "collectif".
ACTIVITY_TYPES: dict[str, str] = {
    "individuel": "Accompagnement individuel",
    "collectif": "Atelier collectif",
}

# Type de lieu ("Canaux d'accompagnement" in the export).
PLACE_TYPES: dict[str, str] = {
    "lieu_activite": "Lieu d’activité",
    "autre": "Autre lieu",
    "domicile": "À domicile",
    "a_distance": "À distance",
}
DEFAULT_PLACE_TYPE = "lieu_activite"

# Matériel numérique utilisé (several).
EQUIPMENT: dict[str, str] = {
    "ordinateur": "Ordinateur",
    "telephone": "Téléphone",
    "tablette": "Tablette",
    "autre": "Autre",
    "aucun": "Pas de matériel",
}

# Thématiques d'accompagnement (several): the Coop's general themes, then the themes of
# an administrative procedure (its "démarches" list), in the Coop's order.
THEMES: dict[str, str] = {
    "diagnostic_numerique": "Diagnostic numérique",
    "prendre_en_main_du_materiel": "Prendre en main du matériel",
    "maintenance_de_materiel": "Maintenance de matériel",
    "gere_ses_contenus_numeriques": "Gérer ses contenus numériques",
    "navigation_sur_internet": "Navigation sur internet",
    "email": "E-mail",
    "bureautique": "Bureautique",
    "reseaux_sociaux": "Réseaux sociaux communication",
    "sante": "Santé",
    "banque_et_achats_en_ligne": "Banque et achats en ligne",
    "entrepreneuriat": "Accompagner un professionnel",
    "insertion_professionnelle": "Insertion professionnelle",
    "securite_numerique": "Prévention en sécurité numérique",
    "parentalite": "Parentalité",
    "scolarite_et_numerique": "Scolarité et numérique",
    "creer_avec_le_numerique": "Créer avec le numérique",
    "culture_numerique": "Culture numérique",
    "intelligence_artificielle": "Intelligence artificielle (IA)",
    "aide_aux_demarches_administratives": "Aide aux démarches administratives",
    "papiers_elections_citoyennete": "Papiers - Élections - Citoyenneté",
    "famille_scolarite": "Famille - Scolarité",
    "social_sante": "Social - Santé",
    "travail_formation": "Travail - Formation - Entreprise",
    "logement": "Logement",
    "transports_mobilite": "Transports - Mobilité",
    "argent_impots": "Argent - Impôts",
    "justice": "Justice",
    "etrangers_europe": "Étrangers - Europe",
    "loisirs_sports_culture": "Loisirs - Sports - Culture",
    "associations": "Associations",
}

# Niveau d'autonomie, with the Coop's stars (the export writes "2/3").
AUTONOMY: dict[str, str] = {
    "entierement_accompagne": "Avec guidage",
    "partiellement_autonome": "Autonome avec guidage en cas de besoin",
    "autonome": "Autonome",
}
AUTONOMY_STARS = {"entierement_accompagne": 1, "partiellement_autonome": 2, "autonome": 3}

# Structure de redirection (when the person was referred elsewhere).
REFERRAL_STRUCTURES: dict[str, str] = {
    "administration": "Administration (mairie, préfecture…)",
    "mediation_numerique": "Autre structure de médiation numérique",
    "operateur_ou_organisme_en_charge": (
        "Opérateur ou organisme en charge de la démarche administrative"
    ),
    "aide_sociale": "Structure d’aide sociale (maison des solidarités, centre social…)",
    "insertion_professionnelle": (
        "Structure d’insertion professionnelle (France Travail, mission locale, "
        "chambre de commerce…)"
    ),
    "aide_aux_demarches_administratives": (
        "Structure d’aide aux démarches administratives (France Services…)"
    ),
    "autre": "Autre",
}

# The beneficiary. None is the Coop's "non communiqué".
GENDERS: dict[str, str] = {"masculin": "Masculin", "feminin": "Féminin"}
NOT_GIVEN = "Non communiqué"
AGE_RANGES: dict[str, str] = {
    "moins_de_douze": "Moins de 12 ans",
    "douze_dix_huit": "12 - 17 ans",
    "dix_huit_vingt_quatre": "18 - 24 ans",
    "vingt_cinq_trente_neuf": "25 - 39 ans",
    "quarante_cinquante_neuf": "40 - 59 ans",
    "soixante_soixante_neuf": "60 - 69 ans",
    "soixante_dix_plus": "70 ans et plus",
}
SITUATIONS: dict[str, str] = {
    "scolarise": "Scolarisé",
    "sans_emploi": "Sans emploi",
    "en_emploi": "En emploi",
    "retraite": "Retraité",
}
SITUATION_NOT_GIVEN = "Non communiqué ou hétérogène"

# How the drop-in log's six purposes (domain.enums.DropInPurpose, before issue 22) read in
# the Coop's themes. Migration 0025 writes these themes on the existing drop-ins, and a
# drop-in logged with a purpose and no theme is exported with them. Choices:
# - "print_scan": printing and scanning is using a peripheral, which the Coop files under
#   « Prendre en main du matériel » (its hint: « réseau wifi, clé USB, imprimante,
#   scanner »);
# - "leisure": free browsing, games, videos: « Navigation sur internet »;
# - "other": no theme (the export leaves the cell empty rather than guess).
# Never change an existing line's meaning: the migration of older databases reads it.
PURPOSE_THEMES: dict[str, tuple[str, ...]] = {
    "admin": ("aide_aux_demarches_administratives",),
    "employment": ("insertion_professionnelle",),
    "office": ("bureautique",),
    "print_scan": ("prendre_en_main_du_materiel",),
    "leisure": ("navigation_sur_internet",),
    "other": (),
}

# Our own age bands (domain.enums.AgeBand) that fall inside one of the Coop's ranges;
# "18_25" and "60_plus" straddle two of them and stay « non communiqué ».
AGE_BAND_RANGES: dict[str, str] = {
    "under_12": "moins_de_douze",
    "12_17": "douze_dix_huit",
    "26_39": "vingt_cinq_trente_neuf",
    "40_59": "quarante_cinquante_neuf",
}

# The Coop's activities export (buildAccompagnementsWorksheet.ts, a mediator's own export:
# « isSelfExport », without the CRA v1 column), column for column.
EXPORT_COLUMNS: tuple[str, ...] = (
    "Date",
    "Enregistré le",
    "Dernière modification le",
    "Type",
    "Participants",
    "Bénéficiaire",
    "Canaux d’accompagnement",
    "Nom du lieu",
    "Adresse",
    "Commune",
    "Code postal",
    "Code Insee",
    "Durée (min)",
    "Nom de l’atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d’accompagnement",
    "Tags",
    "Nom de la démarche administrative",
    "Niveau d’autonomie (ou de l’atelier)",
    "Bénéficiaire réorienté",
    "Structure de redirection",
    "Commune du bénéficiaire",
    "Code postal du bénéficiaire",
    "Code Insee du bénéficiaire",
    "Genre du bénéficiaire",
    "Tranche d’âge du bénéficiaire",
    "Statut du bénéficiaire",
    "Notes supplémentaires",
    "ID CRA",
)

MAX_INSEE = 5
MAX_POSTCODE = 5


def join_values(values: Iterable[str]) -> str:
    """The values of a multi-valued field as stored: unique, in their list's order."""
    return ",".join(dict.fromkeys(v for v in values if v))


def split_values(stored: str | None) -> tuple[str, ...]:
    return tuple(v for v in (stored or "").split(",") if v)


def themes_of(themes: str | None, purpose: str | None) -> tuple[str, ...]:
    """A drop-in's themes: those recorded, else those of its purpose."""
    recorded = split_values(themes)
    if recorded:
        return recorded
    return PURPOSE_THEMES.get(purpose or "", ())


def age_range_of(age_range: str | None, age_band: str | None) -> str | None:
    """A drop-in's Coop age range: recorded, else from our band when it fits one."""
    return age_range or AGE_BAND_RANGES.get(age_band or "")


def invalid_values(values: Iterable[str], allowed: dict[str, str]) -> list[str]:
    return [v for v in values if v not in allowed]
