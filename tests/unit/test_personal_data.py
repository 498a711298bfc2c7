"""Members' personal data (issue 19, point 3): the export holds every kind of record, the
anonymisation leaves the member's identity nowhere but the frozen invoice copies (verify
clean, invoices still drawn), dated consents, the retention assistant, the register."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from shared_demo import small_demo_copy
from sqlalchemy import select, update

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Member
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.reports import invoice_pdf
from tierslieu_desktop.reports.personal_data import (
    member_data_json,
    member_data_pdf,
    processing_register_pdf,
)
from tierslieu_desktop.services.billing import baskets, documents
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.services.people.audiences import save_audience
from tierslieu_desktop.services.people.consents import consent_history
from tierslieu_desktop.services.people.members import (
    MemberInput,
    MembershipInput,
    add_membership,
    get_member,
    save_member,
)
from tierslieu_desktop.services.privacy import anonymise, export, register, retention
from tierslieu_desktop.services.safety.integrity import verify

SECTIONS = {
    "memberships": "membership",
    "consents": "consent_change",
    "authorizations": "authorization",
    "bookings": "booking",
    "usages": "usage",
    "registrations": "registration",
    "drop_ins": "drop_in",
    "invoices": "invoice",
    "packs": "member_pack",
    "wallet": "wallet_movement",
}
# A person nobody else in the demo is: each value is looked for in every text column.
UNIQUE = MemberInput(
    first_name="Zéphyrine",
    last_name="Quintavallo-Brisebois",
    email="zq.unique@example.net",
    phone="06 11 22 33 44",
    address="7 chemin des Trémières-Uniques",
    postcode="46400",
    city="Saint-Céré",
    birth_year=1980,
    consent_newsletter=True,
    consent_photos=True,
    notes="Préfère être appelée le matin",
)
IDENTITY = ("Zéphyrine", "Quintavallo", "zq.unique@example.net", "06 11 22 33 44", "Trémières")


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = small_demo_copy(tmp_path_factory.mktemp("gdpr") / "demo.sqlite")
    database = open_database(str(path))
    yield database, path
    database.dispose()


def _member_with(path, table: str, most: bool = False) -> int:
    """A member having rows in ``table`` (the one with the fewest: small PDFs)."""
    con = sqlite3.connect(path)
    try:
        (member_id,) = con.execute(
            f"SELECT t.member_id FROM {table} t JOIN member m ON m.id = t.member_id "
            "WHERE m.anonymised_at IS NULL GROUP BY t.member_id "
            f"ORDER BY count(*) {'DESC' if most else 'ASC'}, t.member_id LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return member_id


def _count(path, table: str, member_id: int) -> int:
    con = sqlite3.connect(path)
    try:
        column = "member_id"
        where = f"{column} = ?"
        if table in ("booking", "usage", "registration"):
            where = "(member_id = ? OR organisation_id = ?)"
            return con.execute(
                f"SELECT count(*) FROM {table} WHERE {where}", (member_id,) * 2
            ).fetchone()[0]
        return con.execute(f"SELECT count(*) FROM {table} WHERE {where}", (member_id,)).fetchone()[
            0
        ]
    finally:
        con.close()


def test_export_holds_every_kind_of_record_of_a_demo_member(demo):
    db, path = demo
    for key, table in SECTIONS.items():
        member_id = _member_with(path, table)
        data = export.member_data(db, member_id)
        section = data.section(key)
        assert len(section.records) == _count(path, table, member_id) > 0, key
        pdf = pdf_text(member_data_pdf(data))
        assert section.title in pdf
        doc = json.loads(member_data_json(data))
        assert len(doc[key]) == len(section.records)
        assert doc["member"]["number"] == data.member_number
        if key == "invoices":
            numbers = [r["number"] for r in section.records]
            assert all(n in pdf for n in numbers) and [r["number"] for r in doc[key]] == numbers


def _text_columns(con):
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for column in con.execute(f'PRAGMA table_info("{table}")'):
            kind = (column[2] or "").upper()
            if "CHAR" in kind or "TEXT" in kind or kind == "":
                yield table, column[1]


def _where_found(path, values) -> set[tuple[str, str, str]]:
    con = sqlite3.connect(path)
    try:
        found = set()
        for table, column in _text_columns(con):
            for value in values:
                hit = con.execute(
                    f'SELECT 1 FROM "{table}" WHERE instr(lower(CAST("{column}" AS TEXT)), '
                    "lower(?)) > 0 LIMIT 1",
                    (value,),
                ).fetchone()
                if hit:
                    found.add((table, column, value))
        return found
    finally:
        con.close()


def _settle(db, operator_id, member_id, at):
    """The member's open basket (with their unbilled usages) and a free line, issued and
    paid in cash: an invoice frozen with the member's present identity."""
    basket_id = baskets.open_basket(db, operator_id, member_id)
    baskets.add_free_line(
        db,
        operator_id,
        basket_id,
        designation="Découpe laser",
        quantity_milli=1000,
        unit="h",
        unit_price_cents=1500,
    )
    total = baskets.get_basket(db, basket_id).total_cents
    return documents.validate_basket(
        db,
        operator_id,
        basket_id,
        [PaymentInput("cash", total, tendered_cents=total)],
        issued_at=at,
    )


def test_anonymisation_leaves_the_identity_only_in_the_frozen_invoices(demo):
    db, path = demo
    member_id = _member_with(path, "drop_in")
    before_invoices = _count(path, "invoice", member_id)
    save_member(db, None, UNIQUE, member_id)  # the demo's names are shared: a unique one
    con = sqlite3.connect(path)
    with con:  # notes typed about her on her records
        for table in ("booking", "usage", "registration", "drop_in", "membership"):
            con.execute(
                f"UPDATE {table} SET note = 'Rappeler Zéphyrine' WHERE member_id = ?", (member_id,)
            )
    con.close()
    with db.read() as s:
        operator_id = s.scalar(select(Member.created_by_id).where(Member.id == member_id))
    invoice_id = _settle(db, operator_id, member_id, datetime.now(UTC))
    number = get_member(db, member_id).number
    # refused without the member's number repeated
    with pytest.raises(DomainError) as err:
        anonymise.anonymise_member(db, None, member_id, confirm_number="A99999")
    assert err.value.code == "confirmation_mismatch"
    # bookings or registrations still to come block it: cancelled here to let it through
    with db.write() as s:
        from tierslieu_desktop.db.models import Booking, Registration

        s.execute(
            update(Booking)
            .where(Booking.member_id == member_id, Booking.status.in_(("booked", "in_progress")))
            .values(status="cancelled")
        )
        s.execute(
            update(Registration)
            .where(Registration.member_id == member_id, Registration.status != "cancelled")
            .values(status="cancelled")
        )
    assert anonymise.anonymise_preview(db, member_id).possible

    anonymise.anonymise_member(db, None, member_id, confirm_number=number.lower())

    found = _where_found(path, IDENTITY)
    assert {(t, c) for t, c, _v in found} == {("invoice", "buyer_json")}
    # the invoice issued under her unique name keeps it (the e-mail is on the buyer copy)
    doc = documents.get_invoice(db, invoice_id)
    assert doc.buyer["name"] == "QUINTAVALLO-BRISEBOIS Zéphyrine"
    assert "QUINTAVALLO-BRISEBOIS" in pdf_text(invoice_pdf.render_invoice(doc))
    con = sqlite3.connect(path)
    ids = [r[0] for r in con.execute("SELECT id FROM invoice WHERE member_id = ?", (member_id,))]
    con.close()
    assert len(ids) == before_invoices + 1
    for other in ids:
        assert invoice_pdf.render_invoice(documents.get_invoice(db, other))[:5] == b"%PDF-"
    assert verify(db) == []
    card = get_member(db, member_id)
    assert card.display_name == f"ANONYME n° {number}"
    assert (card.data.email, card.data.phone, card.data.address, card.data.notes) == ("",) * 4
    assert card.data.birth_year is None and card.archived
    assert not card.data.consent_newsletter and not card.data.consent_photos
    withdrawn = [c for c in consent_history(db, member_id) if c.reason == "anonymised"]
    assert {(c.consent, c.given) for c in withdrawn} == {("newsletter", False), ("photos", False)}
    # irreversible: no second time, no edit of the card
    with pytest.raises(DomainError) as err:
        anonymise.anonymise_member(db, None, member_id, confirm_number=number)
    assert err.value.code == "member_anonymised"
    with pytest.raises(DomainError):
        save_member(db, None, UNIQUE, member_id)
    assert "Anonyme" in pdf_text(member_data_pdf(export.member_data(db, member_id)))


def test_an_open_basket_or_an_unpaid_invoice_blocks_the_anonymisation(demo):
    db, path = demo
    member_id = save_member(db, None, MemberInput(first_name="Jo", last_name="Bloque"))
    basket_id = baskets.open_basket(db, None, member_id)
    baskets.add_free_line(
        db, None, basket_id, designation="Badge", quantity_milli=1000, unit="", unit_price_cents=500
    )
    assert anonymise.anonymise_preview(db, member_id).blockers == ("open_basket",)
    with pytest.raises(DomainError) as err:
        anonymise.anonymise_member(
            db, None, member_id, confirm_number=get_member(db, member_id).number
        )
    assert err.value.code == "anonymise_blocked"
    documents.validate_basket(db, None, basket_id, [PaymentInput("cash", 200)])
    assert anonymise.anonymise_preview(db, member_id).blockers == ("open_balance",)
    assert get_member(db, member_id).display_name == "BLOQUE Jo"


def test_consent_changes_are_dated_on_each_change(db):
    member_id = save_member(db, None, MemberInput(last_name="Lenoir", consent_newsletter=True))
    assert [(c.consent, c.given, c.reason) for c in consent_history(db, member_id)] == [
        ("newsletter", True, "created")
    ]
    save_member(db, None, MemberInput(last_name="Lenoir", consent_photos=True), member_id)
    save_member(db, None, MemberInput(last_name="Lenoir", consent_photos=True), member_id)
    history = [(c.consent, c.given, c.reason) for c in consent_history(db, member_id)]
    assert history == [
        ("newsletter", True, "created"),
        ("newsletter", False, "edit"),
        ("photos", True, "edit"),
    ]


def _age(db, member_id: int, when: datetime) -> None:
    with db.write() as s:
        s.execute(update(Member).where(Member.id == member_id).values(created_at=when))


def test_retention_lists_the_persons_without_activity_for_n_years(db):
    old = datetime(2020, 3, 1, 10, tzinfo=UTC)
    sleeping = save_member(db, None, MemberInput(first_name="Ana", last_name="Dort"))
    member = save_member(db, None, MemberInput(first_name="Bo", last_name="Adhère"))
    org = save_member(db, None, MemberInput(kind="organisation", last_name="SARL Ancienne"))
    for member_id in (sleeping, member, org):
        _age(db, member_id, old)
    audience = save_audience(db, None, "Grand public")
    add_membership(db, None, MembershipInput(member, audience, date(2024, 7, 1), date(2025, 6, 30)))
    today = date(2026, 12, 6)
    assert [r.member_id for r in retention.inactive_members(db, 3, today)] == [sleeping]
    listed = retention.inactive_members(db, 1, today)
    assert [r.member_id for r in listed] == [sleeping, member]  # oldest activity first
    assert listed[1].last_activity == date(2025, 6, 30) and listed[0].blockers == ()
    assert retention.retention_years(db) == 3
    retention.set_retention_years(db, None, 1)
    assert [r.member_id for r in retention.inactive_members(db, today=today)] == [sleeping, member]
    # an old basket left open: listed with the reason, and the batch is all or nothing
    basket_id = baskets.open_basket(db, None, member)
    baskets.add_free_line(
        db, None, basket_id, designation="Badge", quantity_milli=1000, unit="", unit_price_cents=5
    )
    listed = retention.inactive_members(db, 1, today)
    assert [(r.member_id, r.blockers) for r in listed] == [
        (sleeping, ()),
        (member, ("open_basket",)),
    ]
    with pytest.raises(DomainError) as err:
        anonymise.anonymise_members(db, None, [sleeping, member])
    assert err.value.code == "anonymise_blocked"
    assert get_member(db, sleeping).data.last_name == "Dort"  # rolled back
    baskets.cancel_basket(db, None, basket_id)
    assert anonymise.anonymise_members(db, None, [sleeping, member]) == 2
    assert retention.inactive_members(db, 1, today) == []


def test_register_of_processing_activities(demo):
    db, _path = demo
    reg = register.processing_register(db)
    text = " ".join(pdf_text(processing_register_pdf(reg)).split())  # cells wrap
    assert "Registre des activités de traitement" in text
    for processing in reg.processings:
        assert processing.name.split(" ")[0] in text
    for heading in (
        "Finalité",
        "Base légale",
        "Catégories de données",
        "Destinataires",
        "Durées de conservation",
        "Mesures de sécurité",
        "Transferts hors UE",
    ):
        assert heading in text
    assert reg.controller_name and reg.controller_name in text
    assert "10 ans" in text and "Consentement" in text


def test_anonymised_drop_ins_keep_their_statistics_but_not_the_person(db):
    from tierslieu_desktop.db.models import DropIn
    from tierslieu_desktop.domain.calendar import local_dt
    from tierslieu_desktop.services.activity.dropins import DropInInput, log_drop_in
    from tierslieu_desktop.services.activity.figures import figures
    from tierslieu_desktop.services.activity.mediation import mediation_month

    member_id = save_member(db, None, UNIQUE)
    day = date(2026, 3, 10)
    visit = log_drop_in(
        db,
        None,
        DropInInput(
            at=local_dt(day, 600), kind="help", helper="Inès", member_id=member_id,
            gender="feminin", age_range="soixante_dix_plus", situation="retraite",
            commune_insee="46102", themes=("sante",), note="Zéphyrine, rappeler sa fille",
        ),
    )  # fmt: skip
    before = mediation_month(db, day, day).records[0]
    assert before.beneficiary == "QUINTAVALLO-BRISEBOIS Zéphyrine"
    number = get_member(db, member_id).number
    anonymise.anonymise_member(db, None, member_id, confirm_number=number)

    with db.read() as s:
        row = s.get(DropIn, visit)
        assert (row.member_id, row.anonymous, row.note) == (None, True, "")
        # the national statistics stay, the helper (the staff) too
        assert (row.gender, row.age_range, row.situation, row.commune_insee, row.themes) == (
            "feminin", "soixante_dix_plus", "retraite", "46102", "sante"
        )  # fmt: skip
        assert row.helper == "Inès"
    after = mediation_month(db, day, day).records[0]
    assert after.beneficiary == "" and after.gender == "feminin" and after.insee == "46102"
    fig = figures(db, day, day)
    assert {ln.key: ln.total for ln in fig.drop_ins_by["gender"]} == {"feminin": 1}
    # nothing of hers is found from the card any more
    assert export.member_data(db, member_id).section("drop_ins").records == ()
