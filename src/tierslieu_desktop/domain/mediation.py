"""The national model of digital-inclusion records (issue 22): the lists of the "Coop de
la médiation numérique" (inclusion-numerique/coop-mediation-numerique, its prisma schema
``apps/web/prisma/schema.prisma`` and the labels of ``apps/web/src/features/activites/
use-cases/cra/fields/*.ts`` and ``features/beneficiaire/domain/*.ts``), learnt from and
written again here. Stored values are the Coop's API values (snake case), so an export
never depends on our own wording; the French labels are the Coop's, as its export writes
them. Every field is optional: a drop-in logged in one click carries none of them.

Multi-valued fields (equipment, themes) are stored as the values joined by commas
(``join_values`` / ``split_values``): the export splits them in Python, the figures' GROUP BY
splits each distinct stored list once (services.activity.mediation).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

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

# Niveau de l'atelier (a collective workshop's, the Coop's ``NiveauAtelier``), written in
# the same column as the autonomy, with its stars ("1/3": débutant).
WORKSHOP_LEVELS: dict[str, str] = {
    "debutant": "Débutant",
    "intermediaire": "Intermédiaire",
    "avance": "Avancé",
}
WORKSHOP_LEVEL_STARS = {"debutant": 1, "intermediaire": 2, "avance": 3}

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


# A linked member's own gender and situation (domain.enums) in the Coop's lists, to fill
# what the desk left blank; "other" has no Coop value (« non communiqué »).
MEMBER_GENDERS: dict[str, str] = {"female": "feminin", "male": "masculin"}
MEMBER_SITUATIONS: dict[str, str] = {
    "pupil": "scolarise",
    "student": "scolarise",
    "employed": "en_emploi",
    "job_seeker": "sans_emploi",
    "retired": "retraite",
}

MAX_VOUCHER_NUMBER = 40


def voucher_number(typed: str) -> str:
    """A voucher number as kept: what the scanner or the desk typed, without spaces
    around or inside (a scanner never types one; a person copying a number may),
    upper case. "" when nothing is left."""
    return "".join(typed.split()).upper()


# --- the monthly export (services.activity.mediation builds it, reports.mediation_xlsx
# writes it) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    name: str
    address: str
    commune: str
    postcode: str
    insee: str


@dataclass(frozen=True)
class MediationRecord:
    """One line of the Coop's export: one beneficiary of one activity (a workshop of 8
    present is 8 lines, "1/8" … "8/8")."""

    record_id: str  # "CYB-12" (a drop-in), "ATL-7" (a session)
    day: date
    created_at: datetime
    updated_at: datetime | None  # None: never changed
    activity_type: str
    participant: str  # "1", or "3/8" in a workshop
    beneficiary: str  # the member's name, or "" (anonymous)
    place_type: str
    place: Place
    duration_minutes: int
    workshop_title: str
    equipment: tuple[str, ...]
    themes: tuple[str, ...]
    autonomy: str | None
    referred: bool | None
    referral_structure: str | None
    commune: str
    postcode: str
    insee: str
    gender: str | None
    age_range: str | None
    situation: str | None
    note: str
    audience: str  # our public ("" none): for the figures, not a column of the Coop's
    first_time: bool | None = None
    workshop_level: str | None = None  # a collective workshop's (WORKSHOP_LEVELS)


@dataclass(frozen=True)
class MediationMonth:
    first_day: date
    last_day: date
    structure: str
    records: tuple[MediationRecord, ...]


ANONYMOUS = "Anonyme"
YES, NO = "Oui", "Non"


def export_row(r: MediationRecord) -> tuple[object, ...]:
    """``r`` as the cells of ``EXPORT_COLUMNS``, in its order, worded as the Coop does."""
    stars = ""
    if r.autonomy in AUTONOMY_STARS:
        stars = f"{AUTONOMY_STARS[r.autonomy]}/{len(AUTONOMY_STARS)}"
    elif r.workshop_level in WORKSHOP_LEVEL_STARS:
        stars = f"{WORKSHOP_LEVEL_STARS[r.workshop_level]}/{len(WORKSHOP_LEVEL_STARS)}"
    return (
        r.day,
        f"{r.created_at:%d/%m/%Y} à {r.created_at:%H:%M}",
        f"{r.updated_at:%d/%m/%Y} à {r.updated_at:%H:%M}" if r.updated_at else "",
        ACTIVITY_TYPES.get(r.activity_type, ""),
        r.participant,
        r.beneficiary or ANONYMOUS,
        PLACE_TYPES.get(r.place_type, ""),
        r.place.name,
        r.place.address,
        r.place.commune,
        r.place.postcode,
        r.place.insee,
        r.duration_minutes,
        r.workshop_title,
        "\n".join(EQUIPMENT[v] for v in r.equipment if v in EQUIPMENT),
        "\n".join(THEMES[v] for v in r.themes if v in THEMES),
        "",  # Tags: none of ours
        "",  # Nom de la démarche administrative: not recorded
        stars,
        "" if r.referred is None else (YES if r.referred else NO),
        REFERRAL_STRUCTURES.get(r.referral_structure or "", ""),
        r.commune,
        r.postcode,
        r.insee,
        GENDERS.get(r.gender or "", NOT_GIVEN),
        AGE_RANGES.get(r.age_range or "", NOT_GIVEN),
        SITUATIONS.get(r.situation or "", SITUATION_NOT_GIVEN),
        r.note,
        r.record_id,
    )


@dataclass(frozen=True)
class FigureTable:
    title: str
    rows: tuple[tuple[str, int], ...]  # (label, beneficiaries), largest first


@dataclass(frozen=True)
class MediationCounts:
    """A period's activities on the national model as counts — all that its figures
    (``figures_of``) need: lines of each kind and, per breakdown, the lines by stored
    value ("" when not given). Built from the records (``counts_of``) or by GROUP BY
    queries (services.activity.mediation's ``_mediation_counts_impl``, the annual
    report's cyber-base page): the same numbers either way (tests/unit/test_mediation.py)."""

    records: int  # every line: the drop-ins and the workshops' present participants
    individual: int
    workshops: int  # distinct collective activities
    participants: int  # lines of the collective activities
    first_time: int
    individual_minutes: int
    themes: Mapping[str, int]  # a line counts once per theme, ("",) when it has none
    audiences: Mapping[str, int]
    age_ranges: Mapping[str, int]
    situations: Mapping[str, int]
    communes: Mapping[str, int]
    genders: Mapping[str, int]
    workshop_levels: Mapping[str, int]  # a collective activity counted once, by its level


def tally(keys: Iterable[str | None], counts: dict[str, int] | None = None) -> dict[str, int]:
    """``counts`` (a new dict by default) plus one per key, None counted as ""."""
    out = {} if counts is None else counts
    for key in keys:
        out[key or ""] = out.get(key or "", 0) + 1
    return out


def counts_of(records: Sequence[MediationRecord]) -> MediationCounts:
    individual = [r for r in records if r.activity_type == "individuel"]
    collective = [r for r in records if r.activity_type == "collectif"]
    return MediationCounts(
        records=len(records),
        individual=len(individual),
        workshops=len({r.record_id for r in collective}),
        participants=len(collective),
        first_time=sum(1 for r in records if r.first_time),
        individual_minutes=sum(r.duration_minutes for r in individual),
        themes=tally(t for r in records for t in r.themes or ("",)),
        audiences=tally(r.audience for r in records),
        age_ranges=tally(r.age_range for r in records),
        situations=tally(r.situation for r in records),
        communes=tally(r.commune for r in records),
        genders=tally(r.gender for r in records),
        workshop_levels=tally({r.record_id: r.workshop_level for r in collective}.values()),
    )


def figures_of(
    counts: MediationCounts,
) -> tuple[tuple[tuple[str, int], ...], list[FigureTable]]:
    """The totals ((label, number), …) and the tables by theme, public, age range,
    situation and commune: beneficiaries counted once per activity line (a person helped
    twice counts twice, as the Coop's « accompagnements »)."""
    c = counts
    totals = (
        ("Accompagnements (individuels et participants aux ateliers)", c.records),
        ("Accompagnements individuels", c.individual),
        ("Ateliers collectifs", c.workshops),
        ("Participants aux ateliers", c.participants),
        ("Premiers accompagnements", c.first_time),
        ("Minutes d'accompagnement individuel", c.individual_minutes),
    )

    def table(title: str, by_key: Mapping[str, int], order: dict[str, str] | None) -> FigureTable:
        if order is not None:
            ordered = [(order[k], by_key[k]) for k in order if k in by_key]
        else:
            ordered = sorted(
                ((k, n) for k, n in by_key.items() if k), key=lambda kn: (-kn[1], kn[0])
            )
        if "" in by_key:
            ordered.append((NOT_GIVEN, by_key[""]))
        return FigureTable(title, tuple(ordered))

    tables = [
        table("Thématiques", c.themes, THEMES),
        table("Publics", c.audiences, None),
        table("Tranches d’âge", c.age_ranges, AGE_RANGES),
        table("Statuts", c.situations, SITUATIONS),
        table("Communes des bénéficiaires", c.communes, None),
        table("Genres", c.genders, GENDERS),
    ]
    if c.workshops:  # a workshop counted once (not once per participant), by its level
        tables.append(table("Niveaux des ateliers", c.workshop_levels, WORKSHOP_LEVELS))
    return totals, tables


def month_figures(month: MediationMonth) -> tuple[tuple[tuple[str, int], ...], list[FigureTable]]:
    """The month's totals and tables (``figures_of``) from its records."""
    return figures_of(counts_of(month.records))


# --- Pass numérique claims (services.finance.voucher_claims, reports.voucher_claim) ------


@dataclass(frozen=True)
class ClaimedVoucher:
    number: str
    day: date  # the visit's local day
    drop_in_id: int
    expires_on: date | None
    value_cents: int


@dataclass(frozen=True)
class VoucherClaim:
    """The list of vouchers asked from their issuer for one month (« demande de
    remboursement »): ``reference`` is None while not issued yet (a preview)."""

    issuer: str  # a key of domain.finance.VOUCHER_ISSUERS
    issuer_label: str
    structure: str
    siret: str
    first_day: date
    last_day: date
    reference: str | None
    issued_on: date | None
    vouchers: tuple[ClaimedVoucher, ...]
    reimbursed_cents: int | None = None  # what the issuer paid for it, once recorded

    @property
    def total_cents(self) -> int:
        return sum(v.value_cents for v in self.vouchers)


def claim_reference(issuer_aux: str, first_day: date, rank: int) -> str:
    """« PASSNUM-2026-11 », then « PASSNUM-2026-11-2 » for vouchers of the same month
    found after the first list was sent."""
    base = f"{issuer_aux}-{first_day:%Y-%m}"
    return base if rank <= 1 else f"{base}-{rank}"
