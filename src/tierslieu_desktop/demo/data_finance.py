"""Static lists for the demonstration database: tariffs, packs and wallets
(demo.people_park), then the funders, grants, expenses and budget (demo.finance).
"""

from __future__ import annotations

from datetime import date

from tierslieu_desktop.demo.data_people import AUDIENCES

# --- issue 4: tariffs ------------------------------------------------------------------
# Short names of the publics used below (data_people.AUDIENCES, in order).
PUBLIC_ENTREPRENEURS, PUBLIC_STUDENTS, PUBLIC_JOB_SEEKERS = (a[0] for a in AUDIENCES[:3])
PUBLIC_GENERAL, PUBLIC_ARTISTS, PUBLIC_COMPANIES = (a[0] for a in AUDIENCES[3:])

# Price rules in force since the opening (so every usage of the demo has a price):
# (kind, resource name, public or None = every public, membership, unit, step minutes,
#  amount in cents, label). Members pay the base price, non-members +50 %.
PRICE_RULES = (
    # The laser: 15 €/h per started quarter (18 €/h from 1 July 2026, see PRICE_CHANGES).
    ("machine", "Découpeuse laser", None, "member", "hour", 15, 1500, ""),
    ("machine", "Découpeuse laser", None, "non_member", "hour", 15, 2250, ""),
    ("machine", "Découpeuse laser", PUBLIC_COMPANIES, "any", "hour", 15, 3000, "Tarif professionnel"),
    ("machine", "Découpeuse laser", PUBLIC_JOB_SEEKERS, "any", "hour", 15, 1500, "Tarif solidaire"),
    ("category", "Impression 3D FDM", None, "member", "hour", 30, 500, ""),
    ("category", "Impression 3D FDM", None, "non_member", "hour", 30, 750, ""),
    ("category", "Impression 3D FDM", PUBLIC_COMPANIES, "any", "hour", 30, 1000, "Tarif professionnel"),
    ("category", "Impression 3D résine", None, "member", "hour", 30, 800, ""),
    ("category", "Impression 3D résine", None, "non_member", "hour", 30, 1200, ""),
    ("category", "Impression 3D industrielle", None, "member", "hour", 30, 1500, ""),
    ("category", "Impression 3D industrielle", None, "non_member", "hour", 30, 2250, ""),
    ("category", "Impression 3D industrielle", PUBLIC_COMPANIES, "any", "hour", 30, 3000, "Tarif professionnel"),
    ("category", "Fraisage numérique", None, "member", "hour", 15, 2500, ""),
    ("category", "Fraisage numérique", None, "non_member", "hour", 15, 3750, ""),
    ("category", "Fraisage numérique", PUBLIC_COMPANIES, "any", "hour", 15, 4500, "Tarif professionnel"),
    ("category", "Découpe vinyle et traceur", None, "member", "hour", 15, 1000, ""),
    ("category", "Découpe vinyle et traceur", None, "non_member", "hour", 15, 1500, ""),
    ("category", "Broderie numérique", None, "member", "hour", 15, 800, ""),
    ("category", "Broderie numérique", None, "non_member", "hour", 15, 1200, ""),
    ("category", "Couture", None, "member", "hour", 30, 300, ""),
    ("category", "Couture", None, "non_member", "hour", 30, 450, ""),
    ("category", "Thermoformage", None, "member", "hour", 15, 1000, ""),
    ("category", "Thermoformage", None, "non_member", "hour", 15, 1500, ""),
    ("category", "Numérisation 3D", None, "member", "hour", 30, 1000, ""),
    ("category", "Numérisation 3D", None, "non_member", "hour", 30, 1500, ""),
    # The cyber-base is free (public service, funded by the community of communes).
    ("category", "Postes informatiques", None, "any", "hour", None, 0, "Accès libre"),
    ("category", "Postes de coworking", None, "any", "hour", 30, 200, "Coworking à l'heure"),
    ("space", "Espace coworking", None, "any", "flat", None, 800, "Demi-journée de coworking"),
    ("space", "Salle de réunion", None, "any", "hour", 30, 1000, ""),
    ("space", "Salle de réunion", PUBLIC_COMPANIES, "any", "hour", 30, 2000, "Tarif professionnel"),
    ("space", "Fablab", PUBLIC_STUDENTS, "any", "flat", None, 6000, "Groupe scolaire, par séance"),
    ("space", "Fablab", PUBLIC_COMPANIES, "any", "session", None, 400, "Groupe, par participant"),
    ("space", "Cyber-base", None, "any", "hour", None, 0, "Accès libre"),
    # Consumables: per gram, sheet, metre, 1000 stitches or page.
    ("consumable", "Filament PLA", None, "any", "consumable", None, 10, ""),
    ("consumable", "Filament PETG", None, "any", "consumable", None, 12, ""),
    ("consumable", "Filament TPU souple", None, "any", "consumable", None, 20, ""),
    ("consumable", "ABS pour Stratasys F170", None, "any", "consumable", None, 40, ""),
    ("consumable", "Support soluble Stratasys", None, "any", "consumable", None, 60, ""),
    ("consumable", "Résine grise standard", None, "any", "consumable", None, 20, ""),
    ("consumable", "Résine transparente", None, "any", "consumable", None, 25, ""),
    ("consumable", "Contreplaqué peuplier 3 mm (60 × 40 cm)", None, "any", "consumable", None, 600, ""),
    ("consumable", "Contreplaqué peuplier 5 mm (60 × 40 cm)", None, "any", "consumable", None, 800, ""),
    ("consumable", "Plexiglas 3 mm (60 × 40 cm)", None, "any", "consumable", None, 1200, ""),
    ("consumable", "Medium MDF 10 mm (60 × 80 cm)", None, "any", "consumable", None, 1000, ""),
    ("consumable", "Plaque de thermoformage PETG 0,5 mm", None, "any", "consumable", None, 300, ""),
    ("consumable", "Plaque de polystyrène choc 1 mm", None, "any", "consumable", None, 250, ""),
    ("consumable", "Vinyle adhésif", None, "any", "consumable", None, 400, ""),
    ("consumable", "Flex thermocollant", None, "any", "consumable", None, 800, ""),
    ("consumable", "Fil à broder", None, "any", "consumable", None, 50, ""),
    ("consumable", "Stabilisateur de broderie", None, "any", "consumable", None, 200, ""),
    ("consumable", "Impression noir et blanc", None, "any", "consumable", None, 10, ""),
    ("consumable", "Impression couleur", None, "any", "consumable", None, 50, ""),
)  # fmt: skip
# The one tariff change of the demo, made as the grid makes it (the rule is closed the
# day before, a new one starts): (day, kind, resource, public, membership, new amount).
PRICE_CHANGES = (
    (date(2026, 7, 1), "machine", "Découpeuse laser", None, "member", 1800),
    (date(2026, 7, 1), "machine", "Découpeuse laser", None, "non_member", 2700),
)
# Membership fees per calendar year: (public or None = every public, cents, label).
MEMBERSHIP_FEES = (
    (None, 2000, "Adhésion individuelle"),
    (PUBLIC_JOB_SEEKERS, 1000, "Adhésion réduite"),
    (PUBLIC_STUDENTS, 1000, "Adhésion réduite"),
    (PUBLIC_COMPANIES, 5000, "Adhésion structure"),
)
# (public, scope kind, scope name, percent in basis points, label)
REDUCTIONS = ((PUBLIC_STUDENTS, None, None, 5000, "Étudiants : −50 % sur le temps machine"),)
# (public, scope kind, scope name, free minutes a month, label)
QUOTAS = (
    (
        PUBLIC_JOB_SEEKERS,
        "category",
        "Découpe et gravure laser",
        180,
        "3 heures de laser offertes par mois",
    ),
)
# (name, scope kind, scope name, minutes, validity in months, price in cents)
PACK_TYPES = (
    ("Laser 10 h", "machine", "Découpeuse laser", 600, 12, 15000),
    ("Impression 3D 20 h", "category", "Impression 3D FDM", 1200, 12, 8000),
)
# Followed stocks: (consumable, stock, low-stock threshold) in units; PETG is low.
STOCKS = (
    ("Filament PLA", 8_500, 2_000),
    ("Filament PETG", 1_200, 2_000),
    ("Contreplaqué peuplier 3 mm (60 × 40 cm)", 42, 10),
    ("Contreplaqué peuplier 5 mm (60 × 40 cm)", 18, 8),
)
# Members who bought a pack (count per pack type) and members with wallet credit (cents).
PACK_BUYERS = {"Laser 10 h": 3, "Impression 3D 20 h": 2}
WALLET_CREDITS = (2000, 5000, 3000, 1000)
WALLET_NOTES = ("Crédit par chèque", "Crédit en espèces", "Crédit par carte bancaire")

# Funding of the fablab over three years (demo.finance). Amounts in euros.
# Orders of magnitude of a rural fablab in a community of communes (the Cauvaldor
# project: a public/private model "limiting the collectivity's financial involvement").
FUNDING_YEARS = (2024, 2025, 2026)
# name, sector, level, contact
FUNDERS = (
    ("Communauté de communes Cauvaldor", "public", "epci", "Service développement économique"),
    ("Région Occitanie", "public", "region", "Direction de l'économie et de l'innovation"),
    (
        "FEADER / LEADER GAL Figeac Quercy Vallée de la Dordogne",
        "public",
        "ue",
        "Animatrice LEADER",
    ),
    ("France Travail", "public", "employment", "Agence de Souillac"),
    ("Département du Lot", "public", "departement", "Service attractivité"),
    ("Commune de Saint-Céré", "public", "commune", "Secrétariat de mairie"),
    ("Fondation Quercy Solidaire", "private", "foundation", "Comité d'attribution"),
    ("Mécanique de précision de la Cère", "private", "company", "Direction"),
)
# funder, purpose, nature, start, end, requested, granted, granted on, payments (day, euros),
# report due, report status, actions
_CC = "Communauté de communes Cauvaldor"
_FT = "France Travail"
_DEP = "Département du Lot"
GRANTS = (
    *(
        (
            _CC,
            f"Fonctionnement du tiers-lieu numérique {y}",
            "operating",
            date(y, 1, 1),
            date(y, 12, 31),
            amount,
            amount,
            date(y, 2, 12),
            ((date(y, 3, 20), amount // 2), (date(y, 10, 15), amount - amount // 2)),
            date(y + 1, 6, 30),
            status,
            "Ouverture au public du fablab, de la cyber-base et du coworking ; médiation numérique.",
        )
        for y, amount, status in (
            (2024, 35000, "accepted"),
            (2025, 35000, "sent"),
            (2026, 38000, "todo"),
        )
    ),
    (
        "Région Occitanie",
        "Parc machines du fablab (découpe laser, fraiseuse CNC)",
        "investment",
        date(2024, 1, 1),
        date(2025, 12, 31),
        26000,
        24000,
        date(2024, 3, 15),
        ((date(2024, 6, 14), 14400), (date(2025, 2, 11), 9600)),
        date(2026, 6, 30),
        "sent",
        "Acquisition et mise en service de la découpeuse laser et de la fraiseuse CNC d'établi.",
    ),
    (
        "FEADER / LEADER GAL Figeac Quercy Vallée de la Dordogne",
        "Animation et médiation numérique en milieu rural",
        "operating",
        date(2025, 1, 1),
        date(2026, 12, 31),
        40000,
        32000,
        date(2025, 4, 8),
        ((date(2025, 9, 22), 12800),),
        None,  # the due date is set from REFERENCE_DATE (within 30 days)
        "todo",
        "Ateliers itinérants dans les communes, accueil des scolaires, formation des bénévoles.",
    ),
    *(
        (
            _FT,
            f"Formations découverte de la fabrication numérique {y}",
            "operating",
            date(y, 1, 1),
            date(y, 12, 31),
            amount,
            amount,
            date(y, 1, 25),
            ((date(y, 7, 5), amount),) if y < 2026 else ((date(y, 7, 5), amount // 2),),
            date(y + 1, 3, 31),
            "accepted" if y < 2025 else "todo",
            "Sessions de 5 jours pour demandeurs d'emploi : CAO, impression 3D, découpe laser.",
        )
        for y, amount in ((2024, 6000), (2025, 7500), (2026, 8000))
    ),
    *(
        (
            _DEP,
            f"Soutien aux tiers-lieux {y}",
            "operating",
            date(y, 1, 1),
            date(y, 12, 31),
            10000,
            8000,
            date(y, 4, 2),
            ((date(y, 5, 28), 8000),),
            date(y + 1, 6, 30),
            "accepted" if y < 2025 else "none",
            "Accès des collégiens et des publics éloignés du numérique.",
        )
        for y in FUNDING_YEARS
    ),
    (
        "Fondation Quercy Solidaire",
        "Fablab solidaire : ateliers réparation et couture",
        "operating",
        date(2025, 9, 1),
        date(2026, 8, 31),
        6000,
        5000,
        date(2025, 7, 3),
        ((date(2025, 9, 12), 5000),),
        date(2026, 10, 31),
        "sent",
        "Repair café mensuel et ateliers couture ouverts à tous.",
    ),
    *(
        (
            "Mécanique de précision de la Cère",
            f"Mécénat {y}",
            "donation",
            date(y, 1, 1),
            date(y, 12, 31),
            3000,
            3000,
            date(y, 5, 16),
            ((date(y, 5, 30), 3000),),
            None,
            "none",
            "Soutien au prototypage pour les jeunes du territoire.",
        )
        for y in FUNDING_YEARS
    ),
)
GRANT_MACHINES = {
    "Parc machines du fablab (découpe laser, fraiseuse CNC)": (
        "Découpeuse laser",
        "Fraiseuse CNC d'établi",
    )
}
# funder (None = volunteers), kind, description, hours per year, euros per year
IN_KIND = (
    ("Commune de Saint-Céré", "premises", "Mise à disposition des locaux (220 m²)", None, 18000),
    (_CC, "staff", "Agent communautaire à mi-temps (médiateur numérique)", None, 16500),
    (None, "volunteering", "Bénévolat : accueil, open lab, repair café", (620, 740, 810), None),
)
VOLUNTEER_HOUR_CENTS = 1200  # valued at about the minimum wage
# category, activity, label, supplier, euros per month (low, high) — monthly expenses
MONTHLY_EXPENSES = (
    ("staff", "fablab", "Salaire et charges fabmanager", "", (3650, 3650)),
    ("staff", "general", "Salaire et charges agent d'accueil (mi-temps)", "", (1480, 1480)),
    ("rent", "coworking", "Loyer réserve et atelier textile", "SCI du Bourg", (450, 450)),
    ("energy", "general", "Électricité", "EDF", (260, 620)),
    (
        "consumables",
        "fablab",
        "Filaments, résine, bois et acrylique",
        "Fournitures Fablab Sud",
        (180, 620),
    ),
    ("other", "general", "Téléphone et internet", "Orange", (62, 62)),
)
# yearly: day (month, day), category, activity, label, supplier, euros
YEARLY_EXPENSES = (
    ((1, 15), "other", "general", "Assurance multirisque et responsabilité civile", "MAIF", 1240),
    ((3, 10), "other", "general", "Expert-comptable", "Cabinet Lacoste", 1800),
    ((9, 5), "other", "fablab", "Adhésion au réseau des fablabs d'Occitanie", "Réseau", 150),
)
# yearly service contracts of the big machines, charged to them (the Finances page's
# machine cost recovery): day (month, day), machine, label, supplier, euros
MACHINE_CONTRACTS = (
    ((2, 3), "Imprimante 3D industrielle", "Contrat de maintenance annuel", "Stratasys", 1450),
    ((4, 7), "Découpeuse laser", "Visite annuelle et filtres d'extraction", "Trotec", 620),
    ((6, 9), "Fraiseuse CNC d'établi", "Contrôle annuel et graissage", "Stepcraft", 240),
)
MAINTENANCE_MACHINES = (
    ("Découpeuse laser", "Tube, lentille et miroirs", (120, 480)),
    ("Fraiseuse CNC d'établi", "Fraises et courroies", (60, 260)),
    ("Imprimante 3D industrielle", "Plateau et buse", (90, 350)),
    ("Prusa MK4 n° 1", "Buse et plateau", (25, 90)),
    ("Brodeuse professionnelle", "Révision", (80, 220)),
)
# Industrial machines over seven years (their useful life in a lab that runs them a few
# hundred hours a year), small equipment over three.
DEPRECIATION_YEARS = {
    "Imprimante 3D industrielle": 7,
    "Découpeuse laser": 7,
    "Fraiseuse CNC d'établi": 7,
    "Thermoformeuse": 5,
    "Scanner 3D": 3,
    "Brodeuse professionnelle": 5,
}
DEFAULT_DEPRECIATION_YEARS = 3
BUDGET_2026 = (
    ("revenue", "services", 21000),
    ("revenue", "sales", 6500),
    ("revenue", "memberships", 5200),
    # communauté de communes 38 000, LEADER 16 000, France Travail 8 000, Département
    # 8 000, Région 4 800 (public); company sponsorship 3 000, foundation 3 300 (private).
    ("revenue", "public", 74800),
    ("revenue", "private", 6300),
    ("expense", "staff", 61500),
    ("expense", "rent", 5400),
    ("expense", "energy", 5200),
    ("expense", "consumables", 4800),
    ("expense", "maintenance", 2400),
    ("expense", "depreciation", 9500),
    ("expense", "other", 4000),
)
REPORT_TEXTS_2025 = {
    "edito": (
        "En 2025, le tiers-lieu de Saint-Céré a confirmé sa place dans le territoire : "
        "fablab, cyber-base et coworking ont accueilli un public plus large, des "
        "collégiens aux entreprises de la Mécanic Vallée."
    ),
    "faits_marquants": (
        "Ateliers itinérants financés par LEADER dans six communes, trois sessions de "
        "formation avec France Travail, un repair café mensuel soutenu par une fondation."
    ),
    "perspectives": (
        "2026 : renouveler le parc d'imprimantes, ouvrir un créneau entreprises le jeudi "
        "soir et augmenter la part des recettes propres."
    ),
}
