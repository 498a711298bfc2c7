"""Everything the software holds about one member, as plain sections (issue 19, point 3):
the card's fields, memberships, consents and their dated history, authorizations,
bookings, usages, registrations, linked cyber-base drop-ins, invoices and credit notes,
packs and the wallet. ``reports.personal_data`` draws it as PDF and writes it as JSON."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Authorization,
    Booking,
    DropIn,
    Invoice,
    InvoiceOpen,
    Machine,
    Member,
    MemberPack,
    Membership,
    Operator,
    PackMovement,
    PackType,
    Registration,
    Space,
    Structure,
    Usage,
    WalletMovement,
    utcnow,
)
from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.personal_data import DataSection, MemberDataExport, Value
from tierslieu_desktop.domain.reports import GENDER_FR, SITUATION_FR
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.people.consents import consent_history_rows
from tierslieu_desktop.services.people.members import authorization_rows, display_name

KIND_FR = {"person": "Personne", "organisation": "Organisation"}
ORGANISATION_TYPE_FR = {
    "company": "Entreprise",
    "association": "Association",
    "school": "École, établissement scolaire",
    "public_body": "Collectivité, organisme public",
    "other": "Autre",
}
AGE_BAND_FR = {
    "under_12": "Moins de 12 ans",
    "12_17": "12 à 17 ans",
    "18_25": "18 à 25 ans",
    "26_39": "26 à 39 ans",
    "40_59": "40 à 59 ans",
    "60_plus": "60 ans et plus",
}
CONSENT_FR = {"newsletter": "Lettre d'information", "photos": "Photos"}
REASON_FR = {
    "edit": "modifié sur la fiche",
    "created": "donné à la création de la fiche",
    "anonymised": "retiré par l'anonymisation",
    "initial": "déjà donné avant l'historique daté (date de la fiche)",
}
BOOKING_STATUS_FR = {
    "booked": "Réservée",
    "in_progress": "En cours",
    "done": "Terminée",
    "cancelled": "Annulée",
    "no_show": "Absent",
}
REGISTRATION_STATUS_FR = {"registered": "Inscrit", "waiting": "En attente", "cancelled": "Annulé"}
ATTENDANCE_FR = {"present": "Présent", "absent": "Absent", "excused": "Excusé"}
DROP_IN_KIND_FR = {"visit": "Visite libre", "help": "Accompagnement"}
PURPOSE_FR = {
    "admin": "Démarches administratives",
    "employment": "Emploi",
    "office": "Bureautique",
    "print_scan": "Impression / scan",
    "leisure": "Loisirs",
    "other": "Autre",
}
DOC_KIND_FR = {"invoice": "Facture", "credit_note": "Avoir"}

INVOICE_NOTE = (
    "Les factures et avoirs émis sont conservés 10 ans (Code de commerce, art. L123-22) "
    "avec l'identité de l'acheteur figée à leur émission, même après une anonymisation."
)


def _fr(mapping: dict[str, str], value: str | None) -> str:
    if not value:
        return ""
    return mapping.get(value, value)


def _section(
    key: str,
    title: str,
    columns: list[tuple[str, str]],
    records: list[dict[str, Value]],
    note: str = "",
    *,
    single: bool = False,
) -> DataSection:
    return DataSection(key, title, tuple(columns), tuple(records), note, single)


@guarded(Permission.PERSONAL_DATA)
def member_data(db: Database, member_id: int) -> MemberDataExport:
    """The export of one member's data (NotFound when there is no such member)."""
    with db.read() as session:
        m = session.get(Member, member_id)
        if m is None:
            raise NotFound("member", member_id)
        structure = session.get(Structure, 1)
        sections = [
            _member_section(session, m),
            _memberships(session, m.id),
            _consents(session, m),
            _authorizations(session, m.id),
            _bookings(session, m.id),
            _usages(session, m.id),
            _registrations(session, m.id),
            _drop_ins(session, m.id),
            _invoices(session, m.id),
            _packs(session, m.id),
            _wallet(session, m.id),
        ]
        contact = ""
        if structure is not None:
            place = " ".join(p for p in (structure.postcode, structure.city) if p)
            bits = [structure.address.replace("\n", ", "), place, structure.email, structure.phone]
            contact = " — ".join(b for b in bits if b)
        return MemberDataExport(
            structure_name=structure.name if structure else "",
            structure_contact=contact,
            member_number=m.number,
            member_name=display_name(m.kind, m.first_name, m.last_name),
            generated_at=utcnow(),
            sections=tuple(sections),
            anonymised_at=m.anonymised_at,
        )


def _operator_names(session: Session) -> dict[int | None, str]:
    return {r[0]: r[1] for r in session.execute(select(Operator.id, Operator.name))}


def _member_section(session: Session, m: Member) -> DataSection:
    audience = session.get(Audience, m.audience_id) if m.audience_id else None
    org = session.get(Member, m.organisation_id) if m.organisation_id else None
    ops = _operator_names(session)
    record: dict[str, Value] = {
        "number": m.number,
        "kind": _fr(KIND_FR, m.kind),
        "last_name": m.last_name,
        "first_name": m.first_name,
        "organisation_type": _fr(ORGANISATION_TYPE_FR, m.organisation_type),
        "siret": m.siret,
        "vat_number": m.vat_number,
        "email": m.email,
        "phone": m.phone,
        "address": m.address,
        "postcode": m.postcode,
        "city": m.city,
        "birth_year": m.birth_year,
        "age_band": _fr(AGE_BAND_FR, m.age_band),
        "gender": _fr(GENDER_FR, m.gender),
        "situation": _fr(SITUATION_FR, m.situation),
        "audience": audience.name if audience else "",
        "organisation": org.last_name if org else "",
        "guardian_name": m.guardian_name,
        "guardian_phone": m.guardian_phone,
        "guardian_email": m.guardian_email,
        "notes": m.notes,
        "monthly_invoicing": m.monthly_invoicing,
        "service_code": m.service_code,
        "commitment_number": m.commitment_number,
        "consent_newsletter": m.consent_newsletter,
        "consent_photos": m.consent_photos,
        "created_at": m.created_at,
        "created_by": ops.get(m.created_by_id, ""),
        "updated_at": m.updated_at,
        "updated_by": ops.get(m.updated_by_id, ""),
        "archived": m.archived,
        "anonymised_at": m.anonymised_at,
    }
    columns = [
        ("number", "Numéro d'adhérent"),
        ("kind", "Type"),
        ("last_name", "Nom" if m.kind == "person" else "Raison sociale"),
        ("first_name", "Prénom"),
        ("organisation_type", "Type d'organisation"),
        ("siret", "SIRET"),
        ("vat_number", "N° de TVA"),
        ("email", "Courriel"),
        ("phone", "Téléphone"),
        ("address", "Adresse"),
        ("postcode", "Code postal"),
        ("city", "Commune"),
        ("birth_year", "Année de naissance"),
        ("age_band", "Tranche d'âge"),
        ("gender", "Genre"),
        ("situation", "Situation"),
        ("audience", "Public"),
        ("organisation", "Organisation de rattachement"),
        ("guardian_name", "Responsable légal"),
        ("guardian_phone", "Téléphone du responsable légal"),
        ("guardian_email", "Courriel du responsable légal"),
        ("notes", "Notes"),
        ("monthly_invoicing", "Facturation mensuelle"),
        ("service_code", "Code service (Chorus Pro)"),
        ("commitment_number", "N° d'engagement (Chorus Pro)"),
        ("consent_newsletter", "Accepte la lettre d'information"),
        ("consent_photos", "Accepte les photos"),
        ("created_at", "Fiche créée le"),
        ("created_by", "Créée par"),
        ("updated_at", "Dernière modification le"),
        ("updated_by", "Modifiée par"),
        ("archived", "Archivé"),
        ("anonymised_at", "Anonymisé le"),
    ]
    return _section("member", "Fiche", columns, [record], single=True)


def _memberships(session: Session, member_id: int) -> DataSection:
    rows = session.execute(
        select(Membership, Audience.name)
        .join(Audience, Audience.id == Membership.audience_id)
        .where(Membership.member_id == member_id)
        .order_by(Membership.start_date)
    )
    records: list[dict[str, Value]] = [
        {
            "audience": name,
            "start_date": ms.start_date,
            "end_date": ms.end_date,
            "fee_cents": ms.fee_cents,
            "note": ms.note,
        }
        for ms, name in rows
    ]
    columns = [
        ("audience", "Public"),
        ("start_date", "Du"),
        ("end_date", "Au"),
        ("fee_cents", "Cotisation"),
        ("note", "Note"),
    ]
    return _section("memberships", "Adhésions", columns, records)


def _consents(session: Session, m: Member) -> DataSection:
    records: list[dict[str, Value]] = [
        {
            "at": row.at,
            "consent": CONSENT_FR.get(row.consent, row.consent),
            "given": row.given,
            "operator": row.operator,
            "reason": REASON_FR.get(row.reason, row.reason),
        }
        for row in consent_history_rows(session, m.id)
    ]
    columns = [
        ("at", "Date"),
        ("consent", "Consentement"),
        ("given", "Donné"),
        ("operator", "Enregistré par"),
        ("reason", "Origine"),
    ]
    note = (
        "Valeurs actuelles : lettre d'information "
        f"{'acceptée' if m.consent_newsletter else 'refusée'}, photos "
        f"{'acceptées' if m.consent_photos else 'refusées'}. Chaque consentement est "
        "révocable à tout moment."
    )
    return _section("consents", "Consentements et leur historique", columns, records, note)


def _authorizations(session: Session, member_id: int) -> DataSection:
    records: list[dict[str, Value]] = [
        {"label": a.label, "granted_on": a.granted_on, "trainer": a.trainer, "note": a.note}
        for a in authorization_rows(session, Authorization.member_id == member_id)
    ]
    columns = [
        ("label", "Machine ou catégorie"),
        ("granted_on", "Habilité le"),
        ("trainer", "Formateur"),
        ("note", "Note"),
    ]
    return _section("authorizations", "Habilitations", columns, records)


def _resource_names(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    machines: dict[int, str] = {
        r[0]: r[1] for r in session.execute(select(Machine.id, Machine.name))
    }
    spaces: dict[int, str] = {r[0]: r[1] for r in session.execute(select(Space.id, Space.name))}
    return machines, spaces


def _resource(
    machines: dict[int, str], spaces: dict[int, str], mid: int | None, sid: int | None
) -> str:
    if mid is not None:
        return machines.get(mid, "")
    return spaces.get(sid, "") if sid is not None else ""


def _bookings(session: Session, member_id: int) -> DataSection:
    machines, spaces = _resource_names(session)
    stmt = (
        select(Booking)
        .where((Booking.member_id == member_id) | (Booking.organisation_id == member_id))
        .order_by(Booking.start_at)
    )
    records: list[dict[str, Value]] = [
        {
            "start_at": b.start_at,
            "end_at": b.end_at,
            "resource": _resource(machines, spaces, b.machine_id, b.space_id),
            "status": _fr(BOOKING_STATUS_FR, b.status),
            "purpose": b.purpose,
            "headcount": b.headcount,
            "responsible_name": b.responsible_name,
            "note": b.note,
        }
        for b in session.scalars(stmt)
    ]
    columns = [
        ("start_at", "Début"),
        ("end_at", "Fin"),
        ("resource", "Machine ou espace"),
        ("status", "État"),
        ("purpose", "Objet"),
        ("headcount", "Effectif"),
        ("responsible_name", "Responsable"),
        ("note", "Note"),
    ]
    return _section("bookings", "Réservations", columns, records)


def _usages(session: Session, member_id: int) -> DataSection:
    machines, spaces = _resource_names(session)
    stmt = (
        select(Usage)
        .where((Usage.member_id == member_id) | (Usage.organisation_id == member_id))
        .order_by(Usage.start_at)
    )
    records: list[dict[str, Value]] = [
        {
            "start_at": u.start_at,
            "end_at": u.end_at,
            "resource": _resource(machines, spaces, u.machine_id, u.space_id),
            "minutes": u.minutes,
            "headcount": u.headcount,
            "note": u.note,
        }
        for u in session.scalars(stmt)
    ]
    columns = [
        ("start_at", "Début"),
        ("end_at", "Fin"),
        ("resource", "Machine ou espace"),
        ("minutes", "Durée"),
        ("headcount", "Effectif"),
        ("note", "Note"),
    ]
    return _section("usages", "Utilisations (passages)", columns, records)


def _registrations(session: Session, member_id: int) -> DataSection:
    stmt = (
        select(Registration, ActivitySession.start_at, Activity.name)
        .join(ActivitySession, ActivitySession.id == Registration.session_id)
        .join(Activity, Activity.id == ActivitySession.activity_id)
        .where((Registration.member_id == member_id) | (Registration.organisation_id == member_id))
        .order_by(ActivitySession.start_at)
    )
    records: list[dict[str, Value]] = [
        {
            "session_at": start,
            "activity": name,
            "status": _fr(REGISTRATION_STATUS_FR, r.status),
            "attendance": _fr(ATTENDANCE_FR, r.attendance),
            "price_cents": r.price_cents,
            "group_name": r.group_name,
            "responsible_name": r.responsible_name,
            "headcount": r.headcount,
            "note": r.note,
        }
        for r, start, name in session.execute(stmt)
    ]
    columns = [
        ("session_at", "Séance"),
        ("activity", "Activité"),
        ("status", "Inscription"),
        ("attendance", "Présence"),
        ("price_cents", "Prix"),
        ("group_name", "Groupe"),
        ("responsible_name", "Responsable"),
        ("headcount", "Effectif"),
        ("note", "Note"),
    ]
    return _section("registrations", "Inscriptions aux ateliers et formations", columns, records)


def _drop_ins(session: Session, member_id: int) -> DataSection:
    stmt = select(DropIn).where(DropIn.member_id == member_id).order_by(DropIn.at)
    records: list[dict[str, Value]] = [
        {
            "at": d.at,
            "kind": _fr(DROP_IN_KIND_FR, d.kind),
            "purpose": _fr(PURPOSE_FR, d.purpose),
            "minutes": d.duration_minutes,
            "helper": d.helper,
            "vouchers": d.vouchers,
            "note": d.note,
        }
        for d in session.scalars(stmt)
    ]
    columns = [
        ("at", "Date"),
        ("kind", "Type"),
        ("purpose", "Motif"),
        ("minutes", "Durée"),
        ("helper", "Accompagné par"),
        ("vouchers", "Pass numérique"),
        ("note", "Note"),
    ]
    return _section("drop_ins", "Passages à la cyber-base", columns, records)


def _invoices(session: Session, member_id: int) -> DataSection:
    stmt = (
        select(Invoice, InvoiceOpen.left_cents)
        .outerjoin(InvoiceOpen, InvoiceOpen.invoice_id == Invoice.id)
        .where(Invoice.member_id == member_id)
        .order_by(Invoice.issued_at, Invoice.id)
    )
    records: list[dict[str, Value]] = [
        {
            "number": inv.number,
            "kind": _fr(DOC_KIND_FR, inv.kind),
            "issued_at": inv.issued_at,
            "total_excl_cents": inv.total_excl_cents,
            "total_incl_cents": inv.total_incl_cents,
            "left_cents": left or 0,
        }
        for inv, left in session.execute(stmt)
    ]
    columns = [
        ("number", "Numéro"),
        ("kind", "Document"),
        ("issued_at", "Émis le"),
        ("total_excl_cents", "Total HT"),
        ("total_incl_cents", "Total TTC"),
        ("left_cents", "Reste à payer"),
    ]
    return _section("invoices", "Factures et avoirs", columns, records, INVOICE_NOTE)


def _packs(session: Session, member_id: int) -> DataSection:
    left = (
        select(func.coalesce(func.sum(PackMovement.minutes), 0))
        .where(PackMovement.member_pack_id == MemberPack.id)
        .correlate(MemberPack)
        .scalar_subquery()
    )
    stmt = (
        select(MemberPack, PackType.name, left)
        .join(PackType, PackType.id == MemberPack.pack_type_id)
        .where(MemberPack.member_id == member_id)
        .order_by(MemberPack.purchased_on)
    )
    records: list[dict[str, Value]] = [
        {
            "pack": name,
            "purchased_on": p.purchased_on,
            "expires_on": p.expires_on,
            "minutes": p.minutes_total,
            "minutes_left": int(remaining or 0),
            "price_cents": p.price_cents,
        }
        for p, name, remaining in session.execute(stmt)
    ]
    columns = [
        ("pack", "Forfait"),
        ("purchased_on", "Acheté le"),
        ("expires_on", "Valable jusqu'au"),
        ("minutes", "Durée"),
        ("minutes_left", "Reste"),
        ("price_cents", "Prix"),
    ]
    return _section("packs", "Forfaits", columns, records)


def _wallet(session: Session, member_id: int) -> DataSection:
    stmt = (
        select(WalletMovement)
        .where(WalletMovement.member_id == member_id)
        .order_by(WalletMovement.at, WalletMovement.id)
    )
    records: list[dict[str, Value]] = [
        {"at": w.at, "amount_cents": w.amount_cents, "note": w.note} for w in session.scalars(stmt)
    ]
    columns = [("at", "Date"), ("amount_cents", "Montant"), ("note", "Libellé")]
    note = "Le solde est la somme des mouvements." if records else ""
    return _section("wallet", "Porte-monnaie", columns, records, note)


@guarded(Permission.PERSONAL_DATA)
def member_id_by_number(db: Database, number: str) -> int:
    """The id of the member numbered ``number`` (« A00012 », case-insensitive)."""
    with db.read() as session:
        found = session.scalar(
            select(Member.id).where(func.upper(Member.number) == number.strip().upper())
        )
    if found is None:
        raise NotFound("member", number)
    return int(found)
