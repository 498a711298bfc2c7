"""Static lists for the demonstration database: a year of activities, sessions and
drop-ins (demo.activity).
"""

from __future__ import annotations

from datetime import date

# --- issue 7: a year of activities (demo.activity) -------------------------------------

# Machine trainings: (machine, activity name, minutes, capacity, sessions a year, trainer)
TRAININGS = (
    ("Découpeuse laser", "Formation découpeuse laser", 180, 6, 11, "Julien Bessières"),
    ("Fraiseuse CNC d'établi", "Formation fraiseuse CNC", 210, 4, 6, "Julien Bessières"),
    ("Imprimante 3D industrielle", "Formation imprimante 3D industrielle", 120, 4, 4, "Sarah Lacombe"),
    ("Brodeuse professionnelle", "Formation brodeuse numérique", 180, 4, 5, "Camille Delmas"),
)  # fmt: skip
# Digital-mediation workshops of the cyber-base: (name, description)
DIGITAL_WORKSHOPS = (
    ("Créer son adresse mail", "Créer et utiliser une boîte aux lettres électronique."),
    (
        "Démarches en ligne : impots.gouv et ameli",
        "Créer son espace, déclarer ses revenus, télécharger une attestation.",
    ),
    ("Premiers pas sur smartphone", "Réglages, applications, photos et messages."),
    (
        "Se protéger des arnaques en ligne",
        "Hameçonnage, faux sites, mots de passe : les bons réflexes.",
    ),
)
WORKSHOP_TRAINER = "Camille Delmas"
OPEN_LAB = ("Open lab du mercredi", "Soirée atelier ouverte : projets libres, entraide, conseils.")
SCHOOL_VISIT = (
    "Visite scolaire du fablab",
    "Découverte des machines et petit atelier pour une classe.",
)
REPAIR_CAFE = ("Repair café", "Réparer ensemble petit électroménager, vêtements, vélos, jouets.")
# Events: (name, description, local day, start, end, capacity)
EVENTS = (
    ("Portes ouvertes du tiers-lieu", "Visites, démonstrations et inscriptions.", date(2026, 6, 20), "9:30", "12:30", 60),
    ("Fête de la science au fablab", "Ateliers pour toute la famille : objets connectés, impression 3D.", date(2026, 10, 11), "10:00", "17:00", 80),
    ("Portes ouvertes de fin d'année", "Démonstrations et marché de Noël des makers.", date(2026, 12, 12), "9:30", "12:30", 60),
)  # fmt: skip
# Classes that visit (a school's name is prefixed): (class, age band)
SCHOOL_GROUPS = (
    ("CM1", "under_12"),
    ("CM2", "under_12"),
    ("6e B", "12_17"),
    ("5e A", "12_17"),
    ("4e C", "12_17"),
    ("2nde pro", "12_17"),
)
# Families coming to the events as a group.
FAMILY_PREFIX = "Famille"
# The cyber-base's two digital-help workers ("conseillers numériques").
DROP_IN_HELPERS = ("Camille Delmas", "Karim Benali")
# Drop-in purposes by weight: visits, then one-to-one help sessions.
DROP_IN_PURPOSES = {
    "admin": 34,
    "print_scan": 20,
    "employment": 14,
    "office": 14,
    "leisure": 12,
    "other": 6,
}
HELP_PURPOSES = {"admin": 55, "employment": 20, "office": 15, "other": 10}
# Who comes to the cyber-base (age bands by weight).
DROP_IN_AGE_BANDS = {
    "60_plus": 34,
    "40_59": 26,
    "26_39": 15,
    "18_25": 10,
    "12_17": 10,
    "under_12": 5,
}
