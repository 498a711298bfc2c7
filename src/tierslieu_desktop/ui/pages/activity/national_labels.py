"""Translated labels of the national model's lists (issue 22, domain.mediation): the
values are the "Coop de la médiation numérique"'s, the French translations its own
labels (translations/pending/mediation22.json), so the desk reads what the national
export writes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def activity_type_labels() -> dict[str, str]:
    return {
        "individuel": QCoreApplication.translate("NationalLabels", "Individual support"),
        "collectif": QCoreApplication.translate("NationalLabels", "Group workshop"),
    }


def place_type_labels() -> dict[str, str]:
    return {
        "lieu_activite": QCoreApplication.translate("NationalLabels", "At our premises"),
        "autre": QCoreApplication.translate("NationalLabels", "Another place"),
        "domicile": QCoreApplication.translate("NationalLabels", "At home"),
        "a_distance": QCoreApplication.translate("NationalLabels", "Remotely"),
    }


def equipment_labels() -> dict[str, str]:
    return {
        "ordinateur": QCoreApplication.translate("NationalLabels", "Computer"),
        "telephone": QCoreApplication.translate("NationalLabels", "Phone"),
        "tablette": QCoreApplication.translate("NationalLabels", "Tablet"),
        "autre": QCoreApplication.translate("NationalLabels", "Other device"),
        "aucun": QCoreApplication.translate("NationalLabels", "No device"),
    }


def theme_labels() -> dict[str, str]:
    return {
        "diagnostic_numerique": QCoreApplication.translate(
            "NationalLabels", "Digital skills check"
        ),
        "prendre_en_main_du_materiel": QCoreApplication.translate(
            "NationalLabels", "Getting to grips with a device"
        ),
        "maintenance_de_materiel": QCoreApplication.translate(
            "NationalLabels", "Device maintenance"
        ),
        "gere_ses_contenus_numeriques": QCoreApplication.translate(
            "NationalLabels", "Managing one's digital content"
        ),
        "navigation_sur_internet": QCoreApplication.translate(
            "NationalLabels", "Browsing the internet"
        ),
        "email": QCoreApplication.translate("NationalLabels", "E-mail"),
        "bureautique": QCoreApplication.translate("NationalLabels", "Office software"),
        "reseaux_sociaux": QCoreApplication.translate(
            "NationalLabels", "Social networks, communication"
        ),
        "sante": QCoreApplication.translate("NationalLabels", "Health"),
        "banque_et_achats_en_ligne": QCoreApplication.translate(
            "NationalLabels", "Online banking and shopping"
        ),
        "entrepreneuriat": QCoreApplication.translate(
            "NationalLabels", "Supporting a professional"
        ),
        "insertion_professionnelle": QCoreApplication.translate("NationalLabels", "Finding work"),
        "securite_numerique": QCoreApplication.translate("NationalLabels", "Staying safe online"),
        "parentalite": QCoreApplication.translate("NationalLabels", "Parenting"),
        "scolarite_et_numerique": QCoreApplication.translate(
            "NationalLabels", "School and digital"
        ),
        "creer_avec_le_numerique": QCoreApplication.translate(
            "NationalLabels", "Creating with digital tools"
        ),
        "culture_numerique": QCoreApplication.translate("NationalLabels", "Digital culture"),
        "intelligence_artificielle": QCoreApplication.translate(
            "NationalLabels", "Artificial intelligence (AI)"
        ),
        "aide_aux_demarches_administratives": QCoreApplication.translate(
            "NationalLabels", "Help with administrative procedures"
        ),
        "papiers_elections_citoyennete": QCoreApplication.translate(
            "NationalLabels", "Procedure: papers, elections, citizenship"
        ),
        "famille_scolarite": QCoreApplication.translate(
            "NationalLabels", "Procedure: family, schooling"
        ),
        "social_sante": QCoreApplication.translate("NationalLabels", "Procedure: social, health"),
        "travail_formation": QCoreApplication.translate(
            "NationalLabels", "Procedure: work, training, business"
        ),
        "logement": QCoreApplication.translate("NationalLabels", "Procedure: housing"),
        "transports_mobilite": QCoreApplication.translate(
            "NationalLabels", "Procedure: transport, mobility"
        ),
        "argent_impots": QCoreApplication.translate("NationalLabels", "Procedure: money, taxes"),
        "justice": QCoreApplication.translate("NationalLabels", "Procedure: justice"),
        "etrangers_europe": QCoreApplication.translate(
            "NationalLabels", "Procedure: foreigners, Europe"
        ),
        "loisirs_sports_culture": QCoreApplication.translate(
            "NationalLabels", "Procedure: leisure, sports, culture"
        ),
        "associations": QCoreApplication.translate("NationalLabels", "Procedure: associations"),
    }


def autonomy_labels() -> dict[str, str]:
    return {
        "entierement_accompagne": QCoreApplication.translate("NationalLabels", "With guidance"),
        "partiellement_autonome": QCoreApplication.translate(
            "NationalLabels", "Autonomous, guided when needed"
        ),
        "autonome": QCoreApplication.translate("NationalLabels", "Autonomous"),
    }


def referral_labels() -> dict[str, str]:
    return {
        "administration": QCoreApplication.translate(
            "NationalLabels", "Administration (town hall, prefecture…)"
        ),
        "mediation_numerique": QCoreApplication.translate(
            "NationalLabels", "Another digital inclusion place"
        ),
        "operateur_ou_organisme_en_charge": QCoreApplication.translate(
            "NationalLabels", "The body in charge of the procedure"
        ),
        "aide_sociale": QCoreApplication.translate(
            "NationalLabels", "Social help (social centre…)"
        ),
        "insertion_professionnelle": QCoreApplication.translate(
            "NationalLabels", "Employment help (France Travail, mission locale…)"
        ),
        "aide_aux_demarches_administratives": QCoreApplication.translate(
            "NationalLabels", "Help with procedures (France Services…)"
        ),
        "autre": QCoreApplication.translate("NationalLabels", "Other structure"),
    }


def gender_labels() -> dict[str, str]:
    return {
        "feminin": QCoreApplication.translate("NationalLabels", "Female"),
        "masculin": QCoreApplication.translate("NationalLabels", "Male"),
    }


def age_range_labels() -> dict[str, str]:
    return {
        "moins_de_douze": QCoreApplication.translate("NationalLabels", "Under 12"),
        "douze_dix_huit": QCoreApplication.translate("NationalLabels", "12–17"),
        "dix_huit_vingt_quatre": QCoreApplication.translate("NationalLabels", "18–24"),
        "vingt_cinq_trente_neuf": QCoreApplication.translate("NationalLabels", "25–39"),
        "quarante_cinquante_neuf": QCoreApplication.translate("NationalLabels", "40–59"),
        "soixante_soixante_neuf": QCoreApplication.translate("NationalLabels", "60–69"),
        "soixante_dix_plus": QCoreApplication.translate("NationalLabels", "70 and over"),
    }


def situation_labels() -> dict[str, str]:
    return {
        "scolarise": QCoreApplication.translate("NationalLabels", "In school"),
        "sans_emploi": QCoreApplication.translate("NationalLabels", "Unemployed"),
        "en_emploi": QCoreApplication.translate("NationalLabels", "Employed"),
        "retraite": QCoreApplication.translate("NationalLabels", "Retired"),
    }


def workshop_level_labels() -> dict[str, str]:
    return {
        "debutant": QCoreApplication.translate("NationalLabels", "Beginner"),
        "intermediaire": QCoreApplication.translate("NationalLabels", "Intermediate"),
        "avance": QCoreApplication.translate("NationalLabels", "Advanced"),
    }
