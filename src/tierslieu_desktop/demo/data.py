"""Static lists for the demonstration database (services/demo.py).

A fictional tiers-lieu modelled on the Saint-Céré fablab project (Lot): its publics,
its machine park, the communes around it. Every person and every organisation is
invented; the people named in the founding document are deliberately absent.
"""

from __future__ import annotations

from datetime import date

STRUCTURE = {
    "name": "Tiers-lieu numérique du Pays de Saint-Céré",
    "legal_form": "Association loi 1901",
    "rna": "W462000123",
    "address": "Hôtel d'entreprises\n2 avenue du Haut-Quercy",
    "postcode": "46400",
    "city": "Saint-Céré",
    "email": "contact@tiers-lieu-saint-cere.example.org",
    "phone": "05 65 38 12 40",
    "website": "https://tiers-lieu-saint-cere.example.org",
    "bic": "CCOPFRPPXXX",
}
STRUCTURE_SIREN_BASE = "81924637"  # eight digits; the Luhn key is computed
STRUCTURE_NIC_BASE = "0001"  # four digits; the Luhn key of the SIRET is computed
STRUCTURE_RIB = ("42559", "10000", "08014237651")  # bank, branch, account (fictional)

ACCUEIL = "Accueil"
ANIMATORS = ("Julien Bessières", "Camille Delmas", "Sarah Lacombe")

# (name, description); the order is the display order.
AUDIENCES = (
    (
        "Entrepreneurs & créateurs",
        "Créateurs d'entreprise, artisans, indépendants : prototypage, petites séries, coworking.",
    ),
    (
        "Scolaires & étudiants",
        "Collégiens, lycéens, apprentis et étudiants : découvrir le pouvoir de faire, "
        "donner envie de se former.",
    ),
    (
        "Demandeurs d'emploi / insertion",
        "Personnes éloignées de l'emploi : reprendre confiance par la création, se former "
        "au numérique.",
    ),
    (
        "Grand public & bricoleurs",
        "Habitants du territoire : fabriquer, réparer, apprendre, utiliser la cyber-base.",
    ),
    (
        "Artistes & culture",
        "Artistes et acteurs culturels : scanner 3D, thermoformage et impression 3D au "
        "service de la création.",
    ),
    (
        "Entreprises & associations",
        "Entreprises, associations, écoles et collectivités adhérentes, et les personnes "
        "qui viennent en leur nom.",
    ),
)
# Yearly fee in cents, by audience position (same order as AUDIENCES).
AUDIENCE_FEES = (2000, 1000, 1000, 2000, 2000, 5000)  # as MEMBERSHIP_FEES below
# Share of each audience among persons (organisations always get the last one).
AUDIENCE_WEIGHTS = (15, 18, 12, 38, 10, 7)

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

# (commune, postcode, weight): the Saint-Céré area first, then the rest of the Lot.
COMMUNES = (
    ("Saint-Céré", "46400", 30),
    ("Saint-Laurent-les-Tours", "46400", 6),
    ("Saint-Jean-Lespinasse", "46400", 4),
    ("Latouille-Lentillac", "46400", 3),
    ("Saint-Vincent-du-Pendit", "46400", 2),
    ("Saint-Médard-de-Presque", "46400", 2),
    ("Saint-Paul-de-Vern", "46400", 1),
    ("Autoire", "46400", 2),
    ("Frayssinhes", "46400", 1),
    ("Bretenoux", "46130", 8),
    ("Biars-sur-Cère", "46130", 8),
    ("Prudhomat", "46130", 3),
    ("Gagnac-sur-Cère", "46130", 3),
    ("Girac", "46130", 2),
    ("Glanes", "46130", 1),
    ("Cornac", "46130", 1),
    ("Puybrun", "46130", 2),
    ("Loubressac", "46130", 2),
    ("Gramat", "46500", 5),
    ("Padirac", "46500", 1),
    ("Figeac", "46100", 4),
    ("Souillac", "46200", 3),
    ("Martel", "46600", 3),
    ("Vayrac", "46110", 3),
    ("Carennac", "46110", 1),
    ("Sousceyrac-en-Quercy", "46190", 4),
    ("Lacapelle-Marival", "46120", 3),
    ("Aynac", "46120", 1),
    ("Leyme", "46120", 1),
    ("Cahors", "46000", 2),
)

STREETS = (
    "rue de la République",
    "avenue Jean-Jaurès",
    "place du Mercadial",
    "rue des Tours",
    "chemin des Vignes",
    "route de Figeac",
    "route de Bretenoux",
    "impasse des Noyers",
    "allée des Tilleuls",
    "rue du Moulin",
    "rue de l'Église",
    "chemin de la Cère",
    "avenue de la Gare",
    "rue des Écoles",
    "boulevard du Pont-Neuf",
    "rue des Artisans",
)
HAMLETS = ("Le Bourg", "La Borie", "Les Combes", "Le Mas del Puech", "La Peyrelevade", "Lasfargues")

FIRST_NAMES_F = (
    "Marie",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Catherine",
    "Christine",
    "Céline",
    "Émilie",
    "Julie",
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Inès",
    "Jade",
    "Louise",
    "Emma",
    "Zoé",
    "Lucie",
    "Anaïs",
    "Mathilde",
    "Pauline",
    "Élodie",
    "Aurélie",
    "Hélène",
    "Françoise",
    "Josette",
    "Agnès",
    "Béatrice",
    "Claire",
    "Laure",
    "Margaux",
    "Océane",
    "Maëlys",
    "Noémie",
    "Solène",
    "Gaëlle",
    "Martine",
    "Odile",
    "Geneviève",
    "Lina",
    "Romane",
    "Amandine",
    "Fatima",
    "Yasmine",
    "Ana",
)
FIRST_NAMES_M = (
    "Jean",
    "Pierre",
    "Michel",
    "Philippe",
    "Alain",
    "Bernard",
    "Patrick",
    "Christophe",
    "Stéphane",
    "Laurent",
    "Nicolas",
    "Julien",
    "Sébastien",
    "Thomas",
    "Maxime",
    "Antoine",
    "Hugo",
    "Lucas",
    "Théo",
    "Nathan",
    "Enzo",
    "Mathis",
    "Gabriel",
    "Arthur",
    "Jules",
    "Raphaël",
    "Léo",
    "Clément",
    "Romain",
    "Benoît",
    "Frédéric",
    "Jérôme",
    "Gérard",
    "René",
    "Yves",
    "Joël",
    "Bastien",
    "Florian",
    "Quentin",
    "Loïc",
    "Gaëtan",
    "Noé",
    "François",
    "Éric",
    "Serge",
    "Rémi",
    "Adrien",
    "Karim",
    "Mamadou",
    "João",
)
LAST_NAMES = (
    "Delpech",
    "Lacoste",
    "Bouscarel",
    "Lafon",
    "Vayssière",
    "Cayla",
    "Couderc",
    "Bessou",
    "Mazet",
    "Laborie",
    "Fournié",
    "Lascoux",
    "Malbec",
    "Lagarrigue",
    "Cassagne",
    "Lavergne",
    "Bouyssou",
    "Carrière",
    "Delbos",
    "Pélissié",
    "Rouquié",
    "Salvat",
    "Vialard",
    "Souladié",
    "Teulière",
    "Verdier",
    "Andrieu",
    "Boisset",
    "Calmon",
    "Castagné",
    "Conté",
    "Durand",
    "Faure",
    "Garrigues",
    "Gineste",
    "Issaly",
    "Jouclas",
    "Lapeyre",
    "Lescure",
    "Marty",
    "Monteil",
    "Nouvel",
    "Pradié",
    "Puech",
    "Rigal",
    "Sabatié",
    "Soulié",
    "Valette",
    "Vergnes",
    "Bonnet",
    "Martin",
    "Dubois",
    "Moreau",
    "Simon",
    "Lefèvre",
    "Roux",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Mercier",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Chevalier",
    "Gauthier",
    "Perrin",
    "Rousseau",
    "Da Silva",
    "Ferreira",
    "Benali",
    "Haddad",
    "Nguyen",
    "Garcia",
    "N'Diaye",
    "Diallo",
    "De Oliveira",
    "Van Damme",
)

# (name, organisation type, commune) — a first set of named organisations; more are
# made up from ORGANISATION_PATTERNS when the demo is large.
ORGANISATIONS = (
    ("Mécanique de précision du Haut-Quercy", "company", "Biars-sur-Cère"),
    ("Menuiserie Lacoste et fils", "company", "Saint-Laurent-les-Tours"),
    ("Atelier céramique Terre de Causse", "company", "Autoire"),
    ("Bureau d'études Vallée de la Cère", "company", "Bretenoux"),
    ("Garage Delbos", "company", "Saint-Céré"),
    ("Imprimerie du Mercadial", "company", "Saint-Céré"),
    ("Studio graphique Noix et Pixels", "company", "Gramat"),
    ("Électronique Cère-Dordogne", "company", "Gagnac-sur-Cère"),
    ("Ferronnerie d'art Bouscarel", "company", "Prudhomat"),
    ("MJC du Pays de Saint-Céré", "association", "Saint-Céré"),
    ("Repair Café de Bretenoux", "association", "Bretenoux"),
    ("Club photo des Tours", "association", "Saint-Laurent-les-Tours"),
    ("Compagnie Les Tréteaux du Quercy", "association", "Souillac"),
    ("Atelier des sciences du Ségala", "association", "Sousceyrac-en-Quercy"),
    ("Collège de la Cère", "school", "Saint-Céré"),
    ("Lycée polyvalent du Haut-Quercy", "school", "Saint-Céré"),
    ("École élémentaire de Biars", "school", "Biars-sur-Cère"),
    ("Maison familiale rurale de la Vallée", "school", "Vayrac"),
    ("Mairie de Gagnac-sur-Cère", "public_body", "Gagnac-sur-Cère"),
    ("Point information jeunesse de Saint-Céré", "public_body", "Saint-Céré"),
)
# Invoiced once a month (usages of the month, paid by transfer or by administrative mandate).
MONTHLY_INVOICING = frozenset(
    {
        "Collège de la Cère",
        "Lycée polyvalent du Haut-Quercy",
        "École élémentaire de Biars",
        "Maison familiale rurale de la Vallée",
        "Bureau d'études Vallée de la Cère",
        "Mairie de Gagnac-sur-Cère",
    }
)
SERVICE_CODES = {"Mairie de Gagnac-sur-Cère": "SERVICE-FINANCES"}  # Chorus Pro
BANKS = (
    "Crédit Agricole Nord Midi-Pyrénées",
    "La Banque Postale",
    "Caisse d'Épargne Midi-Pyrénées",
    "Banque Populaire Occitane",
    "CIC Sud Ouest",
    "Crédit Mutuel",
)
ORGANISATION_PATTERNS = {
    "company": (
        "Menuiserie {name}",
        "Garage {name}",
        "Ébénisterie {name}",
        "Boulangerie {name}",
        "SARL {name} Mécanique",
        "Électricité {name}",
        "Plomberie {name}",
        "Atelier {name} Design",
        "Ferme {name}",
        "Transports {name}",
    ),
    "association": (
        "Comité des fêtes {de_commune}",
        "Foyer rural {de_commune}",
        "Amicale laïque {de_commune}",
        "Club informatique {de_commune}",
        "Association des parents d'élèves {de_commune}",
        "Club de randonnée {de_commune}",
        "Chorale {de_commune}",
        "Atelier théâtre {de_commune}",
    ),
    "school": ("École {de_commune}", "École maternelle {de_commune}"),
    "public_body": (
        "Mairie {de_commune}",
        "Bibliothèque {de_commune}",
        "CCAS {de_commune}",
        "Agence postale {de_commune}",
    ),
}
ORGANISATION_TYPE_WEIGHTS = {"company": 50, "association": 25, "school": 12, "public_body": 13}

PERSON_NOTES = (
    "Projet d'enseignes en bois gravées à la découpe laser.",
    "Vient surtout le mercredi après-midi.",
    "Bénévole au Repair Café un samedi par mois.",
    "Orientation par France Travail : accompagnement aux démarches en ligne.",
    "Projet de création d'entreprise : bijoux en résine.",
    "Prototype de boîtier pour un capteur agricole.",
    "Aide pour les démarches en ligne (CAF, impôts).",
    "Stage de découverte de 3e prévu en février.",
    "Utilise la brodeuse pour des écussons de club.",
    "Ancien menuisier : propose d'animer un atelier fraiseuse.",
    "Pass numérique : 5 chèques reçus.",
    "Prépare une exposition avec des pièces thermoformées.",
)
ORGANISATION_NOTES = (
    "Convention de partenariat signée pour l'année scolaire.",
    "Facturation au nom de la structure, bon de commande obligatoire.",
    "Petites séries de pièces de rechange imprimées en 3D.",
    "Ateliers de découverte pour les classes de 4e.",
)
MEMBERSHIP_NOTES = ("Tarif solidaire", "Payée par l'employeur", "Adhésion offerte (bénévole)")
AUTHORIZATION_NOTES = (
    "Formation initiale de 2 h",
    "Session collective du samedi",
    "Remise à niveau après la mise à jour du logiciel",
)

EMAIL_DOMAINS = ("exemple.fr", "example.org", "example.com", "example.net")


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
# are approximated from the usual calendar (see demo._school_holiday).
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
CYBERBASE_PROFILE = {
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
COWORKING_PROFILE = {
    "regulars": 12,  # coworkers at a time (small demo)
    "slots": (("9:00-17:30", 45), ("8:30-18:30", 10), ("8:30-12:30", 20), ("13:30-18:30", 25)),
}
MEETING_PROFILE = {
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
SCHOOL_CLASS = {
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

# --- issue 4: tariffs ------------------------------------------------------------------
# Short names of the publics used below (the AUDIENCES above, in order).
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

# Funding of the fablab over three years (services/demo.py _Funding). Amounts in euros.
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
MAINTENANCE_MACHINES = (
    ("Découpeuse laser", "Tube, lentille et miroirs", (120, 480)),
    ("Fraiseuse CNC d'établi", "Fraises et courroies", (60, 260)),
    ("Imprimante 3D industrielle", "Plateau et buse", (90, 350)),
    ("Prusa MK4 n° 1", "Buse et plateau", (25, 90)),
    ("Brodeuse professionnelle", "Révision", (80, 220)),
)
DEPRECIATION_YEARS = {
    "Imprimante 3D industrielle": 5,
    "Découpeuse laser": 5,
    "Fraiseuse CNC d'établi": 5,
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

# --- issue 7: a year of activities (services/demo_activity.py) -------------------------

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
