"""Static lists for the demonstration database: the structure, its operators and
publics, the communes, the names of the persons and the organisations (demo.people_park).

A fictional tiers-lieu modelled on the Saint-Céré fablab project (Lot): its publics,
its machine park, the communes around it. Every person and every organisation is
invented; the people named in the founding document are deliberately absent.
"""

from __future__ import annotations

from typing import Any

STRUCTURE: dict[str, Any] = {  # StructureData's text fields
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
AUDIENCE_FEES = (2000, 1000, 1000, 2000, 2000, 5000)  # as data_finance.MEMBERSHIP_FEES
# Share of each audience among persons (organisations always get the last one).
AUDIENCE_WEIGHTS = (15, 18, 12, 38, 10, 7)


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
COMMITMENT_NUMBERS = {"Mairie de Gagnac-sur-Cère": "EJ-2026-000418"}  # Chorus Pro
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
