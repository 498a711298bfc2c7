"""Bad input stopped at the door: every text a user types has a length limit and no
control character (domain/validation.TEXT_LIMITS), and an invoice with every text at its
limit still renders as A4, receipt and Factur-X."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import facturx
import invoice_doc_samples as samples
import pypdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from tierslieu_desktop.domain.enums import MemberKind, OrganisationType, VatRegime
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.validation import FieldInvalid, check_text, text_limit
from tierslieu_desktop.reports import invoice_pdf
from tierslieu_desktop.reports.pdf_base import FONT, FONT_BOLD
from tierslieu_desktop.services.billing._common import TEXT_MAX
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.people.structure import StructureData, save_structure


def word(field: str, letter: str = "W") -> str:
    """One word without spaces as long as ``field`` allows."""
    return letter * text_limit(field)


def pages(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def off_the_paper(pdf: bytes) -> list[str]:
    """The texts drawn (partly) outside their page's width."""
    found: list[str] = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        width = float(page.mediabox.width)

        def visit(text, cm, tm, font_dict, size, width=width):
            if not text.strip() or font_dict is None:
                return
            font = FONT_BOLD if "Bold" in str(font_dict.get("/BaseFont", "")) else FONT
            x = tm[4] * cm[0] + cm[4]
            end = x + stringWidth(text.rstrip("\n"), font, size) * tm[0] * cm[0]
            if x < -0.5 or end > width + 0.5:
                found.append(text)

        page.extract_text(visitor_text=visit)
    return found


# --------------------------------------------------------------------------- the rule


def test_check_text_refuses_control_characters_and_over_long_values():
    assert check_text("Émilie", "first_name") == "Émilie"
    assert check_text("2 place\nde la Halle", "address") == "2 place\nde la Halle"
    for bad in ("Émi\x00lie", "Émi\x1blie", "Émi\x85lie", "a\nb", "a\tb", "\ufffe"):
        with pytest.raises(FieldInvalid) as exc:
            check_text(bad, "first_name")
        assert exc.value.code == "control_char"
    with pytest.raises(FieldInvalid) as exc:
        check_text("x" * 101, "first_name")
    assert exc.value.code == "too_long"
    check_text("x" * 100, "first_name")
    with pytest.raises(FieldInvalid) as exc:
        check_text("1\n2\n3\n4\n5", "address")
    assert exc.value.code == "too_many_lines"


# --------------------------------------------------------------------------- members


def test_a_2000_character_or_nul_first_name_is_refused_naming_the_field(db, operator):
    for first_name, code in (("É" * 2000, "too_long"), ("Émi\x00lie", "control_char")):
        with pytest.raises(ValidationError) as exc:
            save_member(db, operator, MemberInput(first_name=first_name, last_name="Delpech"))
        assert exc.value.fields == {"first_name": code}
    assert save_member(db, operator, MemberInput(first_name="É" * 100, last_name="Delpech"))


# --------------------------------------------------------------------------- every input

AT = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def _free_line(db, operator, text):
    from tierslieu_desktop.services.billing import baskets

    basket = baskets.open_basket(db, operator, None)
    baskets.add_free_line(
        db, operator, basket, designation=text, quantity_milli=1000, unit="h", unit_price_cents=1
    )


def _payment(db, operator, text):
    from tierslieu_desktop.services.billing.payments import PaymentInput, check_payment

    check_payment(PaymentInput("card", 100, reference=text))


def _expense(db, operator, text):
    from tierslieu_desktop.services.finance import expenses

    expenses.save_expense(
        db,
        operator,
        day=date(2026, 3, 15),
        category="rent",
        activity="general",
        amount_cents=100,
        label=text,
    )


def _funder(db, operator, text):
    from tierslieu_desktop.services.finance import funding

    funding.save_funder(db, operator, name=text, sector="public", level="region")


def _activity(db, operator, text):
    from tierslieu_desktop.services.activity.sessions import ActivityInput, save_activity

    save_activity(db, operator, ActivityInput(name=text, kind="open_lab"))


def _session_note(db, operator, text):
    from tierslieu_desktop.services.activity.sessions import (
        ActivityInput,
        SessionInput,
        create_session,
        save_activity,
    )

    activity_id = save_activity(db, operator, ActivityInput(name="Soudure", kind="open_lab"))
    data = SessionInput(activity_id, AT, AT + timedelta(hours=2), 8, note=text)
    create_session(db, operator, data)


def _machine(db, operator, text):
    from tierslieu_desktop.services.park.machines import MachineInput, validate_machine

    validate_machine(MachineInput(name="Laser", serial_number=text), new_category="Laser")


def _space(db, operator, text):
    from tierslieu_desktop.services.park.machines import SpaceInput, validate_space

    validate_space(SpaceInput(name=text))


def _booking(db, operator, text):
    from tierslieu_desktop.services.scheduling.bookings import BookingInput, create_booking

    create_booking(db, operator, BookingInput(AT, AT + timedelta(hours=1), purpose=text))


def _drop_in(db, operator, text):
    from tierslieu_desktop.services.activity.dropins import DropInInput, log_drop_in

    log_drop_in(db, operator, DropInInput(commune=text, at=AT))


def _audience(db, operator, text):
    from tierslieu_desktop.services.people.audiences import save_audience

    save_audience(db, operator, text)


def _membership_note(db, operator, text):
    from tierslieu_desktop.services.people.audiences import save_audience
    from tierslieu_desktop.services.people.members import MembershipInput, add_membership

    member_id = save_member(db, operator, MemberInput(last_name="Delpech"))
    audience_id = save_audience(db, operator, "Grand public")
    add_membership(
        db,
        operator,
        MembershipInput(member_id, audience_id, date(2026, 1, 1), date(2026, 12, 31), note=text),
    )


def _wallet_note(db, operator, text):
    from tierslieu_desktop.services.pricing.packs import wallet_credit

    member_id = save_member(db, operator, MemberInput(last_name="Delpech"))
    wallet_credit(db, operator, member_id, 1000, note=text)


def _maintenance(db, operator, text):
    from tierslieu_desktop.services.park.maintenance import validate_entry

    validate_entry(date(2026, 1, 5), text, None, "", today=date(2026, 1, 6))


def _consumable(db, operator, text):
    from tierslieu_desktop.services.scheduling.usages import save_consumable

    save_consumable(db, operator, text, "unit")


def _operator(db, operator, text):
    from tierslieu_desktop.services.people.operators import create_operator

    create_operator(db, text)


INPUTS = {
    "MemberInput.first_name": (
        lambda db, op, text: save_member(db, op, MemberInput(first_name=text, last_name="D")),
        "first_name",
    ),
    "StructureData.name": (
        lambda db, op, text: save_structure(db, op, StructureData(name=text)),
        "name",
    ),
    "free basket line": (_free_line, "designation"),
    "payment reference": (_payment, "reference"),
    "expense label": (_expense, "label"),
    "funder name": (_funder, "name"),
    "ActivityInput.name": (_activity, "name"),
    "SessionInput.note": (_session_note, "note"),
    "MachineInput.serial_number": (_machine, "serial_number"),
    "SpaceInput.name": (_space, "name"),
    "BookingInput.purpose": (_booking, "purpose"),
    "DropInInput.commune": (_drop_in, "commune"),
    "audience name": (_audience, "name"),
    "MembershipInput.note": (_membership_note, "note"),
    "wallet note": (_wallet_note, "note"),
    "maintenance description": (_maintenance, "description"),
    "consumable name": (_consumable, "name"),
    "operator name": (_operator, "name"),
}


@pytest.mark.parametrize("bad", ["control_char", "too_long"])
@pytest.mark.parametrize("which", list(INPUTS))
def test_every_input_refuses_a_control_character_and_an_over_long_text(db, operator, which, bad):
    call, field = INPUTS[which]
    text = "Bad\x07name" if bad == "control_char" else "x" * (text_limit(field) + 1)
    with pytest.raises(ValidationError) as exc:
        call(db, operator, text)
    assert exc.value.fields.get(field) == bad, exc.value.fields


@pytest.mark.parametrize(
    ("label", "problem"), [("Gaz\x00", "control_char"), ("G" * 301, "too_long")]
)
def test_an_imported_expense_label_is_checked_like_a_typed_one(db, operator, label, problem):
    from tierslieu_desktop.services.finance import expenses
    from tierslieu_desktop.services.pricing.tariff_csv import CsvImportError

    text = (
        "date;categorie;activite;montant;libelle;fournisseur\n"
        "15/01/2026;energie;general;1 234,56;Électricité janvier;EDF\n"
        f"16/01/2026;energie;general;12,00;{label};GRDF\n"
    )
    with pytest.raises(CsvImportError) as info:
        expenses.import_expenses_csv(db, operator, text)
    assert (info.value.line, info.value.field, info.value.problem) == (3, "libelle", problem)
    assert expenses.list_expenses(db) == []


# --------------------------------------------------------------------------- rendering


def _max_structure() -> StructureData:
    return StructureData(
        name=word("name", "N"),
        legal_form=word("legal_form", "L"),
        siret="73282932000074",
        rna="W462001234",
        vat_number="FR40303265045",
        vat_regime=VatRegime.LIABLE,
        address="\n".join(["A" * 49] * 4),
        postcode="46160",
        city=word("city", "C"),
        email="e" * 64 + "@" + "d" * (text_limit("email") - 69) + ".fr",
        phone="05 65 38 00 00",
        website=word("website", "w"),
        iban=samples.IBAN,
        bic=samples.BIC,
        capital=word("capital", "9"),
        rcs_city=word("rcs_city", "R"),
    )


def _max_member(kind: MemberKind) -> MemberInput:
    email = "m" * 64 + "@" + "d" * (text_limit("email") - 69) + ".fr"
    common = dict(
        email=email,
        phone="+3256" + "1" * 10,
        address="\n".join(["B" * 49] * 4),
        postcode="",
        city=word("city", "V"),
        notes=word("notes"),
    )
    if kind == MemberKind.ORGANISATION:
        return MemberInput(
            kind=kind,
            last_name=word("last_name", "O"),
            organisation_type=OrganisationType.PUBLIC_BODY,
            siret="73282932000074",
            service_code=word("service_code", "S"),
            vat_number="FR44732829320",
            **common,
        )
    return MemberInput(
        kind=kind,
        first_name=word("first_name", "F"),
        last_name=word("last_name", "P"),
        **common,
    )


@pytest.mark.parametrize("kind", [MemberKind.PERSON, MemberKind.ORGANISATION])
def test_an_invoice_with_every_text_at_its_limit_renders_in_every_format(db, operator, kind):
    from tierslieu_desktop.services.billing import baskets, credit_notes, documents, payments

    structure = _max_structure()
    save_structure(db, operator, structure)
    member_id = save_member(db, operator, _max_member(kind))
    basket = baskets.open_basket(db, operator, member_id)
    for n in range(3):
        baskets.add_free_line(
            db,
            operator,
            basket,
            designation=word("designation", "DXYZ"[n]),
            quantity_milli=1000,
            unit=word("unit", "U"),
            unit_price_cents=99_999_999,
        )
    pay = payments.PaymentInput(
        "cheque",
        1000,
        cheque_number=word("cheque_number", "9"),
        bank=word("bank", "K"),
        reference=word("reference", "R"),
    )
    at = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    invoice_id = documents.validate_basket(
        db, operator, basket, [pay], issued_at=at, desk="D" * 60, note="n" * TEXT_MAX
    )
    note_id = credit_notes.create_credit_note(
        db, operator, invoice_id, reason="M" * TEXT_MAX, issued_at=at
    )
    for doc_id in (invoice_id, note_id):
        doc = documents.get_invoice(db, doc_id)
        a4 = invoice_pdf.render_invoice(doc)
        assert doc.number in pages(a4)[0]
        assert off_the_paper(a4) == []
        receipt = invoice_pdf.render_receipt(doc)
        assert doc.number in pages(receipt)[0]
        assert off_the_paper(receipt) == []
        fx = invoice_pdf.render_facturx(doc)
        assert doc.number in pages(fx)[0]
        assert facturx.xml_check_xsd(
            invoice_pdf.facturx_xml(doc), flavor="factur-x", level="en16931"
        )


def test_the_forbidden_characters_class_is_the_rule_for_every_code_point():
    """``check_text`` searches one character class (fast, for imports): the same
    characters as ``_forbidden`` in one-line and multi-line fields — every code point of
    the first plane, and the last 64 and first 64 of every other plane (where its
    noncharacters are)."""
    from tierslieu_desktop.domain.validation import _FORBIDDEN, _forbidden

    codes = [*range(0x10000)]
    for plane in range(1, 17):
        codes += [*range(plane << 16, (plane << 16) + 64)]
        codes += [*range((plane << 16) + 0xFFC0, (plane << 16) + 0x10000)]
    for multiline in (False, True):
        pattern = _FORBIDDEN[multiline]
        differ = [
            hex(code)
            for code in codes
            if bool(pattern.match(chr(code))) != _forbidden(chr(code), multiline)
        ]
        assert differ == [], (multiline, differ[:10])
