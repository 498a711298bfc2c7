"""Static lists for the demonstration database: spaces, machines, opening hours,
booking rules, consumables, how each resource is used, and the maintenance log
(demo.people_park and demo.bookings).
"""

from __future__ import annotations

from datetime import date
from typing import Any

# (name, kind, capacity, bookable, description)
SPACES = (
    (
        "Fablab",
        "fablab",
        16,
        False,
        "Atelier de fabrication numérique : impression 3D, découpe laser, fraisage, "
        "thermoformage, numérisation.",
    ),
    (
        "Atelier textile",
        "fablab",
        6,
        False,
        "Brodeuse professionnelle, machine à coudre, découpe vinyle pour le flocage.",
    ),
    (
        "Cyber-base",
        "cyberbase",
        12,
        False,
        "Six postes en accès libre, aide aux démarches en ligne, ateliers d'initiation.",
    ),
    (
        "Espace coworking",
        "coworking",
        8,
        True,
        "Huit postes équipés d'un écran, fibre optique, cuisine partagée.",
    ),
    (
        "Salle de réunion",
        "meeting_room",
        14,
        True,
        "Vidéoprojecteur, visioconférence, paperboard ; réservable à la demi-journée.",
    ),
)

MACHINE_CATEGORIES = (
    "Impression 3D FDM",
    "Impression 3D résine",
    "Impression 3D industrielle",
    "Découpe et gravure laser",
    "Fraisage numérique",
    "Thermoformage",
    "Broderie numérique",
    "Couture",
    "Découpe vinyle et traceur",
    "Numérisation 3D",
    "Postes informatiques",
    "Postes de coworking",
)

FUNDED_FABLAB = "LEADER / Région Occitanie (Fabrégion) / DETR"
FUNDED_CYBERBASE = "Communauté de communes / Département du Lot"
FUNDED_COWORKING = "Région Occitanie / Communauté de communes"

# name, category, space, make, model, purchase date, value in euros, authorization
# required, hours on the counter, funded by, description
MACHINES = (
    (
        "Imprimante 3D industrielle",
        "Impression 3D industrielle",
        "Fablab",
        "Stratasys",
        "F170",
        date(2021, 7, 12),
        24900,
        True,
        1840,
        FUNDED_FABLAB,
        "Pièces techniques en ABS et ASA, support soluble. Réservée aux personnes formées.",
    ),
    (
        "Prusa MK4 n° 1",
        "Impression 3D FDM",
        "Fablab",
        "Prusa Research",
        "Original Prusa MK4",
        date(2021, 7, 5),
        1099,
        False,
        3120,
        FUNDED_FABLAB,
        "Buse 0,4 mm, plateau texturé. PLA et PETG.",
    ),
    (
        "Prusa MK4 n° 2",
        "Impression 3D FDM",
        "Fablab",
        "Prusa Research",
        "Original Prusa MK4",
        date(2021, 7, 5),
        1099,
        False,
        2875,
        FUNDED_FABLAB,
        "Buse 0,4 mm, plateau lisse. PLA et PETG.",
    ),
    (
        "Prusa MK4 n° 3",
        "Impression 3D FDM",
        "Fablab",
        "Prusa Research",
        "Original Prusa MK4",
        date(2022, 3, 14),
        1099,
        False,
        2240,
        FUNDED_FABLAB,
        "Buse 0,6 mm pour les grandes pièces. PLA, PETG, TPU.",
    ),
    (
        "Imprimante résine",
        "Impression 3D résine",
        "Fablab",
        "Formlabs",
        "Form 3+",
        date(2023, 2, 6),
        3950,
        False,
        610,
        FUNDED_FABLAB,
        "Stéréolithographie, pièces fines pour bijouterie et maquettes. Gants obligatoires.",
    ),
    (
        "Fraiseuse CNC d'établi",
        "Fraisage numérique",
        "Fablab",
        "Stepcraft",
        "D.840",
        date(2021, 8, 23),
        4380,
        True,
        930,
        FUNDED_FABLAB,
        "Surface 600 × 840 mm, bois, plastiques, aluminium. Lunettes et casque fournis.",
    ),
    (
        "Découpeuse laser",
        "Découpe et gravure laser",
        "Fablab",
        "Trotec",
        "Speedy 100 (60 W)",
        date(2021, 7, 19),
        18600,
        True,
        2460,
        FUNDED_FABLAB,
        "Découpe et gravure : bois jusqu'à 6 mm, plexiglas, carton, cuir. Pas de PVC.",
    ),
    (
        "Thermoformeuse",
        "Thermoformage",
        "Fablab",
        "Formech",
        "300XQ",
        date(2022, 1, 17),
        5200,
        False,
        175,
        FUNDED_FABLAB,
        "Moules et coques en PETG ou polystyrène, format 300 × 300 mm.",
    ),
    (
        "Scanner 3D",
        "Numérisation 3D",
        "Fablab",
        "Shining 3D",
        "EinScan SP V2",
        date(2022, 1, 17),
        2290,
        False,
        240,
        FUNDED_FABLAB,
        "Plateau tournant, objets de 3 à 30 cm ; mode main libre pour les sculptures.",
    ),
    (
        "Brodeuse professionnelle",
        "Broderie numérique",
        "Atelier textile",
        "Brother",
        "PR1055X",
        date(2021, 9, 1),
        11900,
        True,
        720,
        FUNDED_FABLAB,
        "Dix aiguilles, champ 360 × 200 mm : écussons, textiles, casquettes.",
    ),
    (
        "Machine à coudre semi-professionnelle",
        "Couture",
        "Atelier textile",
        "Juki",
        "TL-2010Q",
        date(2021, 9, 1),
        1290,
        False,
        1030,
        FUNDED_FABLAB,
        "Point droit, tissus épais et cuir fin.",
    ),
    (
        "Traceur de découpe vinyle",
        "Découpe vinyle et traceur",
        "Atelier textile",
        "Roland",
        "CAMM-1 GS2-24",
        date(2021, 9, 1),
        2490,
        False,
        460,
        FUNDED_FABLAB,
        "Largeur 584 mm : vinyle adhésif, flex thermocollant, pochoirs.",
    ),
)
# The machine that is in maintenance, and why.
MAINTENANCE = (
    "Prusa MK4 n° 2",
    "Extrudeur à remplacer (buse bouchée) : pièce commandée le 14 novembre.",
)

CYBERBASE_PCS = 6  # "Poste cyber-base 1" …
CYBERBASE_PC = ("Dell", "OptiPlex 7010", date(2023, 9, 4), 790)
COWORKING_DESKS = 8  # "Poste coworking 1" …
COWORKING_DESK = ("Dell", "Écran P2723DE et station d'accueil", date(2022, 4, 11), 460)


# --- issue 3: opening hours, booking rules, consumables, usage patterns -----------------


def minute_of(text: str) -> int:
    """ "9:30" → 570 (minutes after local midnight)."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def minute_ranges(*pairs: str) -> list[tuple[int, int]]:
    """ "9:30-12:30", "14:00-18:30" → [(570, 750), (840, 1110)]."""
    result = []
    for pair in pairs:
        start, end = pair.split("-")
        result.append((minute_of(start), minute_of(end)))
    return result


# Weekly opening hours (weekday 0 = Monday) of each space. The fablab opens Tuesday to
# Saturday, with an open lab on Wednesday evening and a late Thursday for the makers who
# work during the day; the meeting room stays open on Thursday evening for the boards
# of the associations.
_LAB_DAY = minute_ranges("9:30-12:30", "14:00-18:30")
_LAB_EVENING = minute_ranges("9:30-12:30", "14:00-21:30")
OPENING_HOURS: dict[str, dict[int, list[tuple[int, int]]]] = {
    "Fablab": {1: _LAB_DAY, 2: _LAB_EVENING, 3: _LAB_EVENING, 4: _LAB_DAY, 5: _LAB_DAY},
    "Atelier textile": {1: _LAB_DAY, 2: _LAB_EVENING, 3: _LAB_DAY, 4: _LAB_DAY, 5: _LAB_DAY},
    "Cyber-base": {
        0: minute_ranges("13:30-17:30"),
        1: minute_ranges("9:00-12:00", "13:30-17:30"),
        2: minute_ranges("9:00-12:00", "13:30-17:30"),
        3: minute_ranges("9:00-12:00", "13:30-17:30"),
        4: minute_ranges("9:00-12:00", "13:30-17:30"),
        5: minute_ranges("9:00-12:00"),
    },
    "Espace coworking": {d: minute_ranges("8:30-19:00") for d in range(5)},
    "Salle de réunion": {
        0: minute_ranges("8:30-19:00"),
        1: minute_ranges("8:30-19:00"),
        2: minute_ranges("8:30-19:00"),
        3: minute_ranges("8:30-22:00"),
        4: minute_ranges("8:30-19:00"),
    },
}
EVENING_FROM = minute_of("18:30")  # the open lab, and the associations' meetings
# Closures every year: (first month-day, last month-day, spaces (None: all), reason)
YEARLY_CLOSURES = (
    ((12, 24), (12, 31), None, "Fermeture de fin d'année"),
    ((8, 3), (8, 21), ("Fablab", "Atelier textile"), "Fermeture estivale de l'atelier"),
)
# One-off exceptions in the last year: (day, space, kind, start, end, reason)
ONE_OFF_EXCEPTIONS = (
    (date(2026, 6, 12), "Fablab", "closed", None, None, "Inventaire et rangement de l'atelier"),
    (
        date(2026, 10, 11),
        "Fablab",
        "open",
        "10:00",
        "17:00",
        "Fête de la science : portes ouvertes",
    ),
    (date(2026, 3, 19), "Cyber-base", "closed", None, None, "Formation de l'équipe"),
)

# French school holidays, zone C (académie de Toulouse), first and last day. Other years
# are approximated from the usual calendar (see demo.bookings.school_holiday).
SCHOOL_HOLIDAYS = (
    (date(2025, 10, 18), date(2025, 11, 2)),
    (date(2025, 12, 20), date(2026, 1, 4)),
    (date(2026, 2, 21), date(2026, 3, 8)),
    (date(2026, 4, 18), date(2026, 5, 3)),
    (date(2026, 7, 4), date(2026, 8, 31)),
    (date(2026, 10, 17), date(2026, 11, 1)),
    (date(2026, 12, 19), date(2027, 1, 3)),
)

# Booking rules: (slot step, minimum, maximum, buffer after, how far ahead in days).
# The laser cools down and is aired for 15 minutes, a printer's plate is emptied, the
# resin parts are washed and cured, the mill's chips are vacuumed.
MACHINE_RULES = {
    "Imprimante 3D industrielle": (30, 60, 480, 30, 60),
    "Prusa MK4 n° 1": (15, 30, 480, 15, 60),
    "Prusa MK4 n° 2": (15, 30, 480, 15, 60),
    "Prusa MK4 n° 3": (15, 30, 480, 15, 60),
    "Imprimante résine": (30, 60, 480, 30, 60),
    "Fraiseuse CNC d'établi": (30, 60, 240, 15, 60),
    "Découpeuse laser": (15, 15, 180, 15, 60),
    "Thermoformeuse": (30, 30, 180, 15, 60),
    "Scanner 3D": (30, 30, 180, 0, 60),
    "Brodeuse professionnelle": (30, 30, 240, 15, 60),
    "Machine à coudre semi-professionnelle": (30, 30, 240, 0, 60),
    "Traceur de découpe vinyle": (15, 15, 120, 0, 60),
}
CYBERBASE_PC_RULES = (15, 15, 120, 0, 30)
COWORKING_DESK_RULES = (30, 60, 630, 0, 90)
SPACE_RULES = {
    "Salle de réunion": (30, 60, 660, 15, 180),
    "Espace coworking": (30, 60, 630, 0, 90),
}

_PRUSAS = ("Prusa MK4 n° 1", "Prusa MK4 n° 2", "Prusa MK4 n° 3")
_PCS = tuple(f"Poste cyber-base {i}" for i in range(1, CYBERBASE_PCS + 1))
# (name, unit, machines offering it at check-out)
CONSUMABLES = (
    ("Filament PLA", "gram", _PRUSAS),
    ("Filament PETG", "gram", _PRUSAS),
    ("Filament TPU souple", "gram", ("Prusa MK4 n° 3",)),
    ("ABS pour Stratasys F170", "gram", ("Imprimante 3D industrielle",)),
    ("Support soluble Stratasys", "gram", ("Imprimante 3D industrielle",)),
    ("Résine grise standard", "gram", ("Imprimante résine",)),
    ("Résine transparente", "gram", ("Imprimante résine",)),
    ("Contreplaqué peuplier 3 mm (60 × 40 cm)", "sheet", ("Découpeuse laser",)),
    (
        "Contreplaqué peuplier 5 mm (60 × 40 cm)",
        "sheet",
        ("Découpeuse laser", "Fraiseuse CNC d'établi"),
    ),
    ("Plexiglas 3 mm (60 × 40 cm)", "sheet", ("Découpeuse laser",)),
    ("Medium MDF 10 mm (60 × 80 cm)", "sheet", ("Fraiseuse CNC d'établi",)),
    ("Plaque de thermoformage PETG 0,5 mm", "sheet", ("Thermoformeuse",)),
    ("Plaque de polystyrène choc 1 mm", "sheet", ("Thermoformeuse",)),
    ("Vinyle adhésif", "metre", ("Traceur de découpe vinyle",)),
    ("Flex thermocollant", "metre", ("Traceur de découpe vinyle",)),
    ("Fil à broder", "kilostitch", ("Brodeuse professionnelle",)),
    ("Stabilisateur de broderie", "metre", ("Brodeuse professionnelle",)),
    ("Impression noir et blanc", "piece", _PCS),
    ("Impression couleur", "piece", _PCS),
)

# How each machine is used. rate: bookings asked for on an open day (small demo);
# durations: (minutes, weight); consumables: groups of (chance that the group is used,
# ((consumable, weight, low, high, per hour?), …)) — one consumable of a group is drawn.
_FDM = {
    "rate": 1.7,
    "durations": (
        (30, 6),
        (60, 14),
        (90, 12),
        (120, 16),
        (180, 16),
        (240, 14),
        (300, 8),
        (360, 6),
        (420, 4),
    ),
    "consumables": (
        (0.95, (("Filament PLA", 75, 8, 16, True), ("Filament PETG", 25, 8, 14, True))),
    ),
    "purposes": (
        "Pièce de rechange pour un lave-vaisselle",
        "Prototype de boîtier pour un capteur",
        "Figurines pour un jeu de société",
        "Support de téléphone",
        "Engrenages pour une maquette",
        "Pièces de drone",
        "Boîtier pour Raspberry Pi",
        "Crochets et supports pour l'atelier",
        "Prothèse de main (e-Nable)",
        "Moule pour savons",
        "Pièces pour le Repair Café",
    ),
}
USAGE_PROFILES: dict[str, dict] = {
    "Découpeuse laser": {
        "rate": 3.6,
        "durations": ((15, 6), (30, 22), (45, 16), (60, 26), (90, 14), (120, 10), (180, 6)),
        "consumables": (
            (
                0.8,
                (
                    ("Contreplaqué peuplier 3 mm (60 × 40 cm)", 55, 1, 3, False),
                    ("Contreplaqué peuplier 5 mm (60 × 40 cm)", 25, 1, 2, False),
                    ("Plexiglas 3 mm (60 × 40 cm)", 20, 1, 2, False),
                ),
            ),
        ),
        "purposes": (
            "Enseigne en bois gravée",
            "Boîtes en contreplaqué",
            "Gravure sur plexiglas",
            "Maquette d'architecture",
            "Décorations de Noël",
            "Porte-clés pour le comité des fêtes",
            "Pochoirs pour une fresque",
            "Gravure de plaques pour des ruches",
            "Jeu en bois pour l'école",
            "Étiquettes gravées pour une cave",
        ),
    },
    "Prusa MK4 n° 1": _FDM,
    "Prusa MK4 n° 2": _FDM,
    "Prusa MK4 n° 3": {
        **_FDM,
        "consumables": (
            (
                0.95,
                (
                    ("Filament PLA", 60, 10, 20, True),
                    ("Filament PETG", 25, 10, 18, True),
                    ("Filament TPU souple", 15, 6, 12, True),
                ),
            ),
        ),
    },
    "Imprimante 3D industrielle": {
        "rate": 0.5,
        "durations": ((120, 15), (180, 25), (240, 25), (300, 15), (360, 10), (420, 10)),
        "consumables": (
            (1.0, (("ABS pour Stratasys F170", 1, 12, 30, True),)),
            (0.9, (("Support soluble Stratasys", 1, 3, 8, True),)),
        ),
        "purposes": (
            "Pièces techniques en ABS",
            "Carter de prototype",
            "Petite série de clips",
            "Gabarit de perçage",
        ),
    },
    "Imprimante résine": {
        "rate": 0.6,
        "durations": ((60, 15), (120, 30), (180, 25), (240, 20), (300, 10)),
        "consumables": (
            (
                0.95,
                (
                    ("Résine grise standard", 70, 8, 30, True),
                    ("Résine transparente", 30, 8, 25, True),
                ),
            ),
        ),
        "purposes": (
            "Bijoux en résine",
            "Figurines de jeu de rôle",
            "Maquette ferroviaire",
            "Pièces de joaillerie à fondre",
            "Dents de démonstration (prothésiste)",
        ),
    },
    "Fraiseuse CNC d'établi": {
        "rate": 0.6,
        "durations": ((60, 25), (90, 20), (120, 30), (180, 15), (240, 10)),
        "consumables": (
            (
                0.6,
                (
                    ("Medium MDF 10 mm (60 × 80 cm)", 60, 1, 2, False),
                    ("Contreplaqué peuplier 5 mm (60 × 40 cm)", 40, 1, 3, False),
                ),
            ),
        ),
        "purposes": (
            "Panneau de signalétique",
            "Pièces de meuble",
            "Gravure sur aluminium",
            "Moule en MDF pour le thermoformage",
            "Tampons en bois",
        ),
    },
    "Thermoformeuse": {
        "rate": 0.05,
        "durations": ((30, 20), (60, 40), (90, 25), (120, 15)),
        "consumables": (
            (
                0.95,
                (
                    ("Plaque de thermoformage PETG 0,5 mm", 60, 2, 8, False),
                    ("Plaque de polystyrène choc 1 mm", 40, 2, 6, False),
                ),
            ),
        ),
        "purposes": (
            "Coques pour un spectacle",
            "Emballages de chocolats",
            "Masques de théâtre",
            "Blisters de présentation",
        ),
    },
    "Scanner 3D": {
        "rate": 0.25,
        "durations": ((30, 25), (60, 45), (90, 15), (120, 15)),
        "consumables": (),
        "purposes": (
            "Numérisation d'une sculpture",
            "Scan d'une pièce de rechange à reproduire",
            "Numérisation de fossiles pour le musée",
        ),
    },
    "Brodeuse professionnelle": {
        "rate": 0.8,
        "durations": ((30, 15), (60, 30), (90, 20), (120, 20), (180, 10), (240, 5)),
        "consumables": (
            (0.97, (("Fil à broder", 1, 15, 40, True),)),
            (0.6, (("Stabilisateur de broderie", 1, 0.2, 1.2, False),)),
        ),
        "purposes": (
            "Écussons du club de rugby",
            "Logos sur des polos",
            "Tote bags brodés",
            "Casquettes pour une association",
            "Prénoms sur des serviettes",
        ),
    },
    "Machine à coudre semi-professionnelle": {
        "rate": 0.9,
        "durations": ((30, 10), (60, 30), (90, 20), (120, 25), (180, 15)),
        "consumables": (),
        "purposes": (
            "Retouches et ourlets",
            "Sac en cuir fin",
            "Costumes de théâtre",
            "Housse de coussin",
            "Réparation d'une bâche",
        ),
    },
    "Traceur de découpe vinyle": {
        "rate": 1.0,
        "durations": ((15, 15), (30, 35), (45, 20), (60, 20), (90, 7), (120, 3)),
        "consumables": (
            (
                0.9,
                (
                    ("Vinyle adhésif", 60, 0.3, 2.5, False),
                    ("Flex thermocollant", 40, 0.2, 1.5, False),
                ),
            ),
        ),
        "purposes": (
            "Lettrage pour une vitrine",
            "Flocage de tee-shirts",
            "Stickers pour un festival",
            "Pochoirs",
            "Marquage d'un véhicule",
        ),
    },
}
CYBERBASE_PROFILE: dict[str, Any] = {
    "drop_ins": 9.0,  # walk-ins on an open day (small demo)
    "appointments": 1.0,  # booked help sessions on an open day
    "durations": ((15, 12), (30, 30), (45, 22), (60, 24), (90, 12)),
    "consumables": (
        (0.3, (("Impression noir et blanc", 1, 1, 15, False),)),
        (0.08, (("Impression couleur", 1, 1, 5, False),)),
    ),
    "purposes": (
        "Aide aux démarches en ligne (CAF, impôts)",
        "Créer sa boîte mail",
        "Candidature en ligne",
        "Initiation à la tablette",
        "Déclaration de revenus",
        "Prise de rendez-vous médical en ligne",
        "Mise à jour du CV",
    ),
}
COWORKING_PROFILE: dict[str, Any] = {
    "regulars": 12,  # coworkers at a time (small demo)
    "slots": (("9:00-17:30", 45), ("8:30-18:30", 10), ("8:30-12:30", 20), ("13:30-18:30", 25)),
}
MEETING_PROFILE: dict[str, Any] = {
    "rate": 0.9,
    "durations": ((60, 20), (90, 15), (120, 25), (180, 10), (240, 20), (480, 10)),
    "purposes": (
        "Conseil d'administration",
        "Assemblée générale",
        "Réunion d'équipe",
        "Formation premiers secours",
        "Rendez-vous client",
        "Atelier d'écriture",
        "Comité de pilotage du tiers-lieu",
        "Permanence France Services",
        "Visioconférence",
    ),
}
SCHOOL_CLASS: dict[str, Any] = {
    "chance": 0.45,  # of a class on a Tuesday or Thursday morning in term
    "slots": (("9:30-12:00", 50), ("10:00-12:00", 30), ("9:30-12:30", 20)),
    "purposes": (
        "Atelier découverte : porte-clés gravés",
        "Projet de technologie : boîte à secret",
        "Classe de 4e : modélisation et impression 3D",
        "Fête de la science : objets connectés",
        "Atelier « fabriquer un jeu de société »",
        "Découverte des métiers du numérique",
    ),
    "laser_sheets": (3, 8),
    "pla_grams": (40, 160),
}
TEACHER_TITLES = ("Mme", "M.")
BOOKING_NOTES = (
    "Apporte son propre bois.",
    "Fichier à vérifier avant la découpe.",
    "Première utilisation depuis la formation.",
    "Rappeler la veille.",
    "Vient avec un accompagnateur.",
)
USAGE_NOTES = (
    "Impression ratée, relancée.",
    "Bourrage du filament en cours de route.",
    "Réglage de la focale refait.",
    "A fini un peu plus tôt que prévu.",
    "Pièce terminée, client satisfait.",
)
CANCEL_REASONS = (
    "Empêchement",
    "Malade",
    "Fichier pas prêt",
    "Sortie scolaire annulée",
    "Reporté à la semaine prochaine",
)
OVERRIDE_REASONS = (
    "Accompagné par un animateur pendant toute la séance.",
    "Formé dans un autre fablab (Figeac), habilitation à enregistrer.",
    "Première séance encadrée dans le cadre de la formation.",
)

# Maintenance log: (machine, every so many days, description, cost in euros, by whom —
# None: one of the animators). One-off entries come with their day.
MAINTENANCE_ROUTINE = (
    ("Découpeuse laser", 60, "Nettoyage de la lentille et des miroirs, vidage du bac", 0, None),
    ("Découpeuse laser", 365, "Révision annuelle, alignement du faisceau", 380, "Trotec France"),
    ("Prusa MK4 n° 1", 150, "Changement de buse, graissage des axes", 18, None),
    ("Prusa MK4 n° 2", 150, "Changement de buse, graissage des axes", 18, None),
    ("Prusa MK4 n° 3", 150, "Changement de buse, nettoyage du plateau", 18, None),
    ("Imprimante résine", 120, "Remplacement du bac à résine", 89, None),
    (
        "Imprimante 3D industrielle",
        365,
        "Visite annuelle du contrat de maintenance",
        650,
        "Stratasys",
    ),
    ("Fraiseuse CNC d'établi", 180, "Remplacement des fraises usées, graissage", 65, None),
    ("Brodeuse professionnelle", 180, "Nettoyage et lubrification du crochet", 0, None),
    ("Traceur de découpe vinyle", 365, "Changement de la lame et de la bande de coupe", 42, None),
    ("Thermoformeuse", 365, "Contrôle des résistances et du joint de la table", 0, None),
)
MAINTENANCE_ONE_OFF = (
    (
        date(2026, 3, 10),
        "Découpeuse laser",
        "Remplacement du tube laser CO2 (fin de vie)",
        2150,
        "Trotec France",
    ),
    (date(2026, 9, 22), "Fraiseuse CNC d'établi", "Courroie de l'axe Y remplacée", 35, None),
    (
        date(2026, 11, 13),
        "Prusa MK4 n° 2",
        "Buse bouchée : extrudeur démonté, pièce commandée",
        0,
        None,
    ),
)
# The machine in maintenance is not booked from that day on (see MAINTENANCE above).
MAINTENANCE_SINCE = date(2026, 11, 13)
