"""The register of processing activities (registre des activités de traitement, art. 30
GDPR) of the structure, generated from its data (issue 19, point 3): the controller from
Paramètres › Structure, the retention period from the retention assistant's setting, and
one sheet per processing this software performs, under the headings of the CNIL's model
register (finalités, base légale, personnes concernées, catégories de données, données
sensibles, destinataires, transferts hors UE, durées de conservation, mesures de
sécurité), with what the base holds for it today. A starting point the lab's DPO
completes (processings outside the software are not in it)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Booking,
    DropIn,
    Invoice,
    Member,
    Registration,
    StaffMember,
    Structure,
    Usage,
)
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.personal_data import Processing, ProcessingRegister
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.privacy.retention import DEFAULT_YEARS

NO_TRANSFER = "Aucun : les données restent sur les postes et le serveur de la structure."
NO_SENSITIVE = "Aucune (RGPD, art. 9)."
SECURITY = (
    "Base de données sur les postes de l'accueil (fichier lisible par le seul compte "
    "utilisateur) ou sur le serveur de la structure",
    "Sauvegardes automatiques, chiffrables par une phrase de passe",
    "Chaque modification enregistre l'opérateur et la date",
    "Anonymisation des adhérents inactifs (assistant de conservation) et export des "
    "données d'un adhérent sur demande",
)


def _count(session: Session, stmt: object) -> int:
    return int(session.scalar(stmt) or 0)  # type: ignore[call-overload]


@guarded(Permission.PERSONAL_DATA)
def processing_register(db: Database) -> ProcessingRegister:
    from tierslieu_desktop.domain.calendar import utcnow

    with db.read() as session:
        s = session.get(Structure, 1)
        years = int(s.retention_years) if s is not None else DEFAULT_YEARS
        persons = _count(
            session,
            select(func.count())
            .select_from(Member)
            .where(Member.kind == "person", Member.anonymised_at.is_(None)),
        )
        anonymised = _count(
            session,
            select(func.count()).select_from(Member).where(Member.anonymised_at.is_not(None)),
        )
        organisations = _count(
            session, select(func.count()).select_from(Member).where(Member.kind == "organisation")
        )
        newsletter = _count(
            session, select(func.count()).select_from(Member).where(Member.consent_newsletter)
        )
        photos = _count(
            session, select(func.count()).select_from(Member).where(Member.consent_photos)
        )
        bookings = _count(session, select(func.count()).select_from(Booking))
        usages = _count(session, select(func.count()).select_from(Usage))
        registrations = _count(session, select(func.count()).select_from(Registration))
        drop_ins = _count(session, select(func.count()).select_from(DropIn))
        linked = _count(
            session, select(func.count()).select_from(DropIn).where(DropIn.member_id.is_not(None))
        )
        invoices = _count(session, select(func.count()).select_from(Invoice))
        staff = _count(session, select(func.count()).select_from(StaffMember))
        name = s.name if s is not None else ""
        place = " ".join(p for p in ((s.postcode, s.city) if s else ()) if p)
        address = ", ".join(p for p in ((s.address.replace("\n", ", "), place) if s else ()) if p)
        contact = " — ".join(p for p in ((s.email, s.phone) if s else ()) if p)
        siret = s.siret if s is not None else ""
    after = (
        f"pendant l'adhésion puis {years} ans après le dernier contact (dernière "
        "réservation, utilisation, inscription, adhésion, facture ou passage), puis "
        "anonymisation"
    )
    processings = (
        Processing(
            name="Gestion des adhérents et usagers",
            purposes=(
                "Tenue du fichier des adhérents et usagers (personnes et organisations)",
                "Adhésions et cotisations",
                "Habilitations aux machines après formation (sécurité des usagers)",
            ),
            legal_basis="Exécution du contrat d'adhésion ou d'usage (RGPD, art. 6-1-b)",
            data_subjects=(
                "Adhérents et usagers, y compris mineurs",
                "Responsables légaux des mineurs",
                "Contacts des organisations adhérentes",
            ),
            data_categories=(
                "Identité : nom, prénom, année de naissance ou tranche d'âge",
                "Coordonnées : courriel, téléphone, adresse, commune",
                "Responsable légal d'un mineur : nom, téléphone, courriel",
                "Vie associative : public, organisation de rattachement, adhésions, "
                "habilitations, notes de l'accueil",
            ),
            sensitive_data=NO_SENSITIVE,
            recipients=("Salariés et bénévoles de l'accueil habilités",),
            transfers=NO_TRANSFER,
            retention=(f"Fiche : {after}",),
            security=SECURITY,
            figures=(
                f"{persons} fiches de personnes, {organisations} organisations, "
                f"{anonymised} fiches anonymisées"
            ),
        ),
        Processing(
            name="Réservations et utilisations des machines et espaces",
            purposes=(
                "Planning des machines et des espaces, accueil des usagers",
                "Suivi des passages, des durées et des consommables utilisés",
                "Préparation de la facturation des utilisations",
            ),
            legal_basis="Exécution du contrat d'usage (RGPD, art. 6-1-b)",
            data_subjects=("Adhérents et usagers", "Responsables de groupes"),
            data_categories=(
                "Réservations : machine ou espace, dates et heures, objet, effectif",
                "Utilisations : heures réelles, durée, consommables",
                "Nom du responsable d'un groupe",
            ),
            sensitive_data=NO_SENSITIVE,
            recipients=("Salariés et bénévoles de l'accueil habilités",),
            transfers=NO_TRANSFER,
            retention=(
                f"Liées à la fiche de l'adhérent : {after} ; les réservations et "
                "utilisations anonymisées restent pour les statistiques",
            ),
            security=SECURITY,
            figures=f"{bookings} réservations, {usages} utilisations",
        ),
        Processing(
            name="Ateliers, formations et événements",
            purposes=(
                "Inscriptions, liste d'attente et feuilles d'émargement",
                "Délivrance des habilitations après une formation machine",
            ),
            legal_basis="Exécution du contrat (inscription) (RGPD, art. 6-1-b)",
            data_subjects=("Participants", "Responsables de groupes (scolaires…)"),
            data_categories=(
                "Inscription, présence, prix",
                "Groupe : nom, responsable, effectif, tranche d'âge",
            ),
            sensitive_data=NO_SENSITIVE,
            recipients=("Animateurs et formateurs de la structure",),
            transfers=NO_TRANSFER,
            retention=(f"Liées à la fiche de l'adhérent : {after}",),
            security=SECURITY,
            figures=f"{registrations} inscriptions",
        ),
        Processing(
            name="Cyber-base : accueil et médiation numérique",
            purposes=(
                "Registre des passages et des accompagnements numériques",
                "Suivi des Pass numérique reçus et de leur remboursement",
            ),
            legal_basis=(
                "Intérêt légitime de la structure à rendre compte de son activité "
                "(RGPD, art. 6-1-f) ; passages anonymes par défaut"
            ),
            data_subjects=("Usagers de la cyber-base",),
            data_categories=(
                "Date, durée, motif, nombre de Pass numérique",
                "Public, tranche d'âge et commune (sans nom)",
                "Lien facultatif vers la fiche d'un adhérent",
            ),
            sensitive_data=NO_SENSITIVE,
            recipients=("Médiateurs numériques de la structure",),
            transfers=NO_TRANSFER,
            retention=(
                "Passages anonymes : conservés pour les statistiques",
                f"Passages liés à une fiche : {after}",
            ),
            security=SECURITY,
            figures=f"{drop_ins} passages, dont {linked} liés à une fiche",
        ),
        Processing(
            name="Facturation, encaissements et comptabilité",
            purposes=(
                "Émission des factures, avoirs et reçus ; encaissements ; relances",
                "Tenue de la comptabilité (journal, FEC) et clôtures de caisse",
            ),
            legal_basis=(
                "Obligation légale (RGPD, art. 6-1-c) : CGI art. 242 nonies A de l'annexe "
                "II et art. 286 ; Code de commerce art. L123-22 et L441-9"
            ),
            data_subjects=("Acheteurs : adhérents, usagers, organisations",),
            data_categories=(
                "Identité et adresse de l'acheteur figées sur la facture",
                "Lignes, montants, moyens de paiement (n° de chèque, banque)",
            ),
            sensitive_data=NO_SENSITIVE,
            recipients=(
                "Trésorier, expert-comptable, commissaire aux comptes",
                "Administration fiscale ; plateforme agréée de facturation électronique ; "
                "Chorus Pro pour les acheteurs publics",
            ),
            transfers=NO_TRANSFER,
            retention=(
                "Factures et pièces comptables : 10 ans (Code de commerce, art. L123-22), "
                "y compris après l'anonymisation de l'adhérent (identité figée conservée)",
            ),
            security=(
                *SECURITY,
                "Factures et encaissements scellés dans une chaîne d'intégrité "
                "(contrôle « tierslieu verify »)",
            ),
            figures=f"{invoices} factures et avoirs",
        ),
        Processing(
            name="Lettre d'information",
            purposes=("Envoi des nouvelles et du programme de la structure",),
            legal_basis="Consentement (RGPD, art. 6-1-a), daté et révocable",
            data_subjects=("Adhérents et usagers ayant consenti",),
            data_categories=("Nom, courriel", "Historique daté du consentement"),
            sensitive_data=NO_SENSITIVE,
            recipients=("Salariés et bénévoles chargés de la communication",),
            transfers=NO_TRANSFER,
            retention=(
                "Jusqu'au retrait du consentement ; la preuve du consentement est "
                "conservée avec la fiche",
            ),
            security=SECURITY,
            figures=f"{newsletter} consentements en cours",
        ),
        Processing(
            name="Droit à l'image (photos)",
            purposes=("Photos des activités pour la communication de la structure",),
            legal_basis=(
                "Consentement (RGPD, art. 6-1-a), daté et révocable ; pour un mineur, "
                "accord des deux parents (Code civil, art. 372-1) et du mineur"
            ),
            data_subjects=("Adhérents et usagers ayant consenti",),
            data_categories=("Consentement daté et son historique",),
            sensitive_data=NO_SENSITIVE,
            recipients=("Salariés et bénévoles chargés de la communication",),
            transfers=NO_TRANSFER,
            retention=("Jusqu'au retrait du consentement",),
            security=SECURITY,
            figures=f"{photos} consentements en cours",
        ),
        Processing(
            name="Statistiques et bilans pour les financeurs",
            purposes=("Rapport d'activité annuel, comptes rendus financiers des subventions",),
            legal_basis=(
                "Intérêt légitime de la structure à rendre compte de l'usage des fonds "
                "publics (RGPD, art. 6-1-f)"
            ),
            data_subjects=("Adhérents et usagers",),
            data_categories=(
                "Genre et situation (facultatifs, « non renseigné » par défaut), tranche "
                "d'âge, public, commune — jamais imprimés par personne",
            ),
            sensitive_data=NO_SENSITIVE,
            recipients=("Financeurs : chiffres agrégés seulement, aucune donnée nominative",),
            transfers=NO_TRANSFER,
            retention=(f"Données de la fiche : {after}",),
            security=SECURITY,
        ),
        Processing(
            name="Équipe : salariés, bénévoles, services civiques",
            purposes=("Effectifs et heures de l'équipe pour les bilans",),
            legal_basis="Intérêt légitime de la structure (RGPD, art. 6-1-f)",
            data_subjects=("Salariés, bénévoles, volontaires en service civique",),
            data_categories=("Nom, statut, rôle, heures par mois, dates de présence",),
            sensitive_data=NO_SENSITIVE,
            recipients=("Bureau de l'association ; financeurs (chiffres agrégés)",),
            transfers=NO_TRANSFER,
            retention=("Pendant la collaboration, puis selon les obligations de la structure",),
            security=SECURITY,
            figures=f"{staff} personnes",
        ),
    )
    return ProcessingRegister(
        controller_name=name,
        controller_address=address,
        controller_contact=contact,
        controller_siret=siret,
        dpo="",
        generated_at=utcnow(),
        retention_years=years,
        processings=processings,
    )
