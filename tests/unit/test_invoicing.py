"""Baskets, invoices, payments, credit notes, numbering and the monthly batch."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from tierslieu_desktop.db.models import (
    Audience,
    Basket,
    DocumentCounter,
    IntegrityEntry,
    Invoice,
    Member,
    MemberPack,
    Membership,
    PackType,
    Space,
    Structure,
    Usage,
    UsageCharge,
    WalletMovement,
)
from tierslieu_desktop.domain.calendar import lab_today, local_dt
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.invoicing import MENTION_INDEMNITY
from tierslieu_desktop.domain.lines import MENTION_261_LUCRATIVE, MENTION_261_MEMBERS
from tierslieu_desktop.services.billing import baskets, credit_notes, documents, monthly, numbering
from tierslieu_desktop.services.billing import payments as payment_service
from tierslieu_desktop.services.billing.ledger import verify_ledger
from tierslieu_desktop.services.billing.payments import (
    PaymentInput,
    add_payment,
    member_balance,
    unpaid,
)
from tierslieu_desktop.services.pricing import packs

DAY = date(2026, 11, 23)
AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
CASH = "cash"


def add(db, *objects):
    with db.write() as s:
        s.add_all(objects)
        s.flush()
        return [o.id for o in objects]


def set_regime(db, regime, **values):
    with db.write() as s:
        st = s.get(Structure, 1)
        st.vat_regime = regime
        for k, v in values.items():
            setattr(st, k, v)


@pytest.fixture
def ids(db, operator):
    (everyone,) = add(db, Audience(name="Grand public"))
    (space,) = add(db, Space(name="Fablab", kind="fablab"))
    add(
        db,
        Structure(
            id=1,
            name="Fab'Causse",
            legal_form="Association loi 1901",
            siret="73282932000074",
            address="2 place de la Halle",
            postcode="46160",
            city="Cajarc",
            vat_regime="exempt_non_profit",
            payment_terms_days=30,
            default_vat_rate_bp=2000,
        ),
    )
    emilie, school, jean = add(
        db,
        Member(
            number="A00001",
            first_name="Émilie",
            last_name="Delpech",
            address="1 rue du Lot",
            postcode="46100",
            city="Figeac",
            sort_name="delpech emilie",
            search_text="delpech emilie a00001",
            audience_id=everyone,
        ),
        Member(
            number="A00002",
            kind="organisation",
            last_name="Collège Champollion",
            siret="73282932000074",
            monthly_invoicing=True,
            sort_name="college champollion",
            search_text="college champollion a00002",
        ),
        Member(number="A00003", first_name="Jean", last_name="Lacoste", sort_name="lacoste jean"),
    )
    return {"everyone": everyone, "space": space, "emilie": emilie, "school": school, "jean": jean}


def usage(db, ids, member, day=DAY, charges=((2400, 0),), *, group=False):
    """A checked-out usage with its frozen charge lines (list, reduction)."""
    start = local_dt(day, 10 * 60)
    u = Usage(
        space_id=ids["space"],
        member_id=None if group else member,
        organisation_id=member if group else None,
        start_at=start,
        end_at=start + timedelta(hours=2),
        minutes=120,
    )
    (uid,) = add(db, u)
    add(
        db,
        *[
            UsageCharge(
                usage_id=uid,
                kind="time" if i == 0 else "consumable",
                label="Fablab" if i == 0 else "Filament PLA",
                quantity_text="2 h" if i == 0 else "125 g",
                list_cents=lst,
                reduction_cents=red,
                charged_cents=lst - red,
                reasons="réduction demandeurs d'emploi" if red else "",
            )
            for i, (lst, red) in enumerate(charges)
        ],
    )
    return uid


def running_balances_hold(db) -> bool:
    """The open invoices' running balances (kept by triggers) equal the sums recomputed
    from the sealed payments, credit notes and refunds."""
    return payment_service.open_balances(db) == payment_service.recomputed_open_balances(db)


def count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def counter(db, series="invoice"):
    with db.read() as s:
        return s.scalar(select(DocumentCounter.last_value).where(DocumentCounter.series == series))


# --------------------------------------------------------------------------- baskets


def test_basket_is_filled_with_unbilled_usages_and_reopened(db, operator, ids):
    u = usage(db, ids, ids["emilie"], charges=((2400, 600), (500, 0)))
    assert [x.usage_id for x in baskets.unbilled_usages(db, ids["emilie"])] == [u]
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    assert baskets.open_basket(db, operator, ids["emilie"]) == basket_id
    basket = baskets.get_basket(db, basket_id)
    assert basket.member_name == "DELPECH Émilie"
    assert [(ln.kind, ln.list_cents, ln.discount_cents, ln.total_cents) for ln in basket.lines] == [
        ("usage", 2400, 600, 1800),
        ("consumable", 500, 0, 500),
    ]
    assert "23/11/2026" in basket.lines[0].detail
    assert (basket.total_cents, basket.list_cents) == (2300, 2900)
    # in a basket: no longer offered elsewhere
    assert baskets.unbilled_usages(db, ids["emilie"]) == []
    assert [b.id for b in baskets.open_baskets(db)] == [basket_id]


def test_cancelled_basket_takes_no_number(db, operator, ids):
    usage(db, ids, ids["emilie"])
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    baskets.cancel_basket(db, operator, basket_id)
    assert counter(db) is None and count(db, Invoice) == 0
    with pytest.raises(DomainError) as err:
        documents.validate_basket(db, operator, basket_id, [])
    assert err.value.code == "basket_not_open"
    # the usage is unbilled again and the next invoice is number 1
    again = baskets.open_basket(db, operator, ids["emilie"])
    assert again != basket_id
    invoice_id = documents.validate_basket(
        db, operator, again, [PaymentInput("card", 2400)], issued_at=AT
    )
    assert documents.get_invoice(db, invoice_id).number == "F2026-000001"


def test_empty_basket_cannot_be_validated(db, operator, ids):
    basket_id = baskets.open_basket(db, operator, ids["jean"])
    with pytest.raises(DomainError) as err:
        documents.validate_basket(db, operator, basket_id, [])
    assert err.value.code == "basket_empty"


def test_free_line_edit_and_remove(db, operator, ids):
    basket_id = baskets.open_basket(db, operator, None)
    line = baskets.add_free_line(
        db,
        operator,
        basket_id,
        designation="Atelier soudure",
        quantity_milli=2500,
        unit="h",
        unit_price_cents=1000,
    )
    assert baskets.get_basket(db, basket_id).total_cents == 2500
    baskets.update_line(db, operator, line, discount_cents=500, quantity_milli=3000)
    assert baskets.get_basket(db, basket_id).lines[0].total_cents == 2500
    with pytest.raises(ValidationError) as err:
        baskets.update_line(db, operator, line, discount_cents=3001)
    assert err.value.fields == {"discount": "discount_exceeds_line"}
    with pytest.raises(ValidationError) as err:
        baskets.add_free_line(
            db, operator, basket_id, designation=" ", quantity_milli=0, unit="", unit_price_cents=1
        )
    assert err.value.fields == {"designation": "required", "quantity": "quantity_not_positive"}
    baskets.remove_line(db, operator, line)
    assert baskets.get_basket(db, basket_id).lines == []


# --------------------------------------------------------------------------- validation


def test_cash_sale_with_change(db, operator, ids):
    usage(db, ids, ids["emilie"], charges=((2400, 600), (500, 0)))
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    invoice_id = documents.validate_basket(
        db, operator, basket_id, [PaymentInput(CASH, 5000, tendered_cents=5000)], issued_at=AT
    )
    doc = documents.get_invoice(db, invoice_id)
    assert doc.number == "F2026-000001"
    assert (doc.total_incl_cents, doc.paid_cents, doc.balance_cents) == (2300, 2300, 0)
    (pay,) = doc.payments
    assert (pay.method, pay.amount_cents, pay.tendered_cents, pay.change_cents) == (
        "cash",
        2300,
        5000,
        2700,
    )
    assert doc.due_date == DAY  # paid at the desk
    # Émilie holds no membership: a sale to a non-member is not 261-7-1°-a (issue 15)
    assert doc.mentions == [MENTION_261_LUCRATIVE]
    assert doc.buyer["name"] == "DELPECH Émilie" and doc.buyer["member_number"] == "A00001"
    assert doc.seller["siren"] == "732829320"
    assert baskets.get_basket(db, basket_id).status == "validated"
    assert baskets.unbilled_usages(db, ids["emilie"]) == []
    # sealed: the invoice and its payment are in the chain
    with db.read() as s:
        kinds = list(s.scalars(select(IntegrityEntry.record_kind).order_by(IntegrityEntry.id)))
    assert kinds == ["invoice", "payment"]


def test_liable_structure_mixes_vat_rates_per_line(db, operator, ids):
    set_regime(db, "liable")
    usage(db, ids, ids["emilie"], charges=((2400, 0),))
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    baskets.add_membership_line(
        db,
        operator,
        basket_id,
        audience_id=ids["everyone"],
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
        fee_cents=1500,
    )
    baskets.add_free_line(
        db,
        operator,
        basket_id,
        designation="Badge",
        quantity_milli=1000,
        unit="",
        unit_price_cents=1000,
    )
    doc = documents.get_invoice(
        db, documents.validate_basket(db, operator, basket_id, [], issued_at=AT)
    )
    assert [(ln.vat_rate_bp, ln.total_excl_cents, ln.vat_cents) for ln in doc.lines] == [
        (2000, 2000, 400),
        (0, 1500, 0),
        (2000, 833, 167),
    ]
    assert doc.lines[0].unit_price_excl_cents == 2000
    assert doc.lines[1].vat_mention == MENTION_261_MEMBERS  # a membership fee
    assert (doc.total_excl_cents, doc.total_vat_cents, doc.total_incl_cents) == (4333, 567, 4900)
    assert doc.vat_breakdown == [(0, 1500, 0), (2000, 2833, 567)]
    assert MENTION_261_MEMBERS in doc.mentions
    assert doc.balance_cents == 4900 and doc.due_date == DAY + timedelta(days=30)


def test_failing_payment_leaves_nothing(db, operator, ids):
    usage(db, ids, ids["emilie"])
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    baskets.add_membership_line(
        db,
        operator,
        basket_id,
        audience_id=ids["everyone"],
        start=DAY,
        end=date(2027, 11, 22),
        fee_cents=1000,
    )
    baskets.add_wallet_topup_line(db, operator, basket_id, 2000)
    packs.wallet_credit(db, operator, ids["emilie"], 500)
    before = (count(db, Membership), count(db, WalletMovement), count(db, IntegrityEntry))
    attempts = [
        ([PaymentInput("card", 5401)], "payment_exceeds_total"),
        ([PaymentInput("wallet", 600), PaymentInput("card", 1000)], "wallet_insufficient"),
        ([PaymentInput("card", 5000), PaymentInput("cheque", 1000)], "payment_exceeds_total"),
    ]
    for payments, code in attempts:
        with pytest.raises(DomainError) as err:
            documents.validate_basket(db, operator, basket_id, payments, issued_at=AT)
        assert err.value.code == code
        assert count(db, Invoice) == 0 and counter(db) is None
        assert (count(db, Membership), count(db, WalletMovement), count(db, IntegrityEntry)) == (
            before
        )
        assert baskets.get_basket(db, basket_id).status == "open"
    with pytest.raises(ValidationError) as err:
        documents.validate_basket(
            db, operator, basket_id, [PaymentInput("bitcoin", 10)], issued_at=AT
        )
    assert err.value.fields == {"method": "method_invalid"}
    invoice_id = documents.validate_basket(
        db, operator, basket_id, [PaymentInput("wallet", 500), PaymentInput("card", 4900)]
    )
    assert documents.get_invoice(db, invoice_id).number.endswith("-000001")


def test_frozen_copy_does_not_follow_later_changes(db, operator, ids):
    usage(db, ids, ids["emilie"])
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    invoice_id = documents.validate_basket(db, operator, basket_id, [PaymentInput("card", 2400)])
    before = documents.get_invoice(db, invoice_id)
    with db.write() as s:
        m = s.get(Member, ids["emilie"])
        m.last_name, m.address, m.city = "Martin", "9 avenue Foch", "Cahors"
        st = s.get(Structure, 1)
        st.name, st.vat_regime = "Autre nom", "liable"
        for c in s.scalars(select(UsageCharge)):
            c.list_cents = c.charged_cents = 9900
    assert documents.get_invoice(db, invoice_id) == before
    assert before.buyer["address"] == "1 rue du Lot" and before.seller["name"] == "Fab'Causse"


def test_issued_invoice_cannot_be_updated(db, operator, ids):
    usage(db, ids, ids["emilie"])
    invoice_id = documents.validate_basket(
        db, operator, baskets.open_basket(db, operator, ids["emilie"]), [PaymentInput("card", 2400)]
    )
    # SQL typed straight at the database (not through a service): the triggers refuse it
    for statement in (
        f"UPDATE invoice SET total_incl_cents = 1 WHERE id = {invoice_id}",
        "UPDATE invoice_line SET total_incl_cents = 1",
        "DELETE FROM payment",
    ):
        with pytest.raises(DBAPIError, match="sealed"), db.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert documents.get_invoice(db, invoice_id).total_incl_cents == 2400
    # and no service edits or deletes an issued document
    public = [
        n
        for module in (baskets, credit_notes, documents, monthly, numbering, payment_service)
        for n in dir(module)
        if not n.startswith("_") and callable(getattr(module, n))
    ]
    assert not [
        n
        for n in public
        if ("invoice" in n or "payment" in n)
        and n.startswith(("update", "edit", "delete", "remove", "set_"))
    ]


# --------------------------------------------------------------------------- payments


def test_partial_payments_balance_and_unpaid_list(db, operator, ids):
    usage(db, ids, ids["school"], group=True, charges=((10000, 0),))
    basket_id = baskets.open_basket(db, operator, ids["school"])  # the group's usage goes to it
    assert baskets.get_basket(db, basket_id).total_cents == 10000
    invoice_id = documents.validate_basket(
        db, operator, basket_id, [PaymentInput("mandate", 0)], issued_at=AT
    )
    doc = documents.get_invoice(db, invoice_id)
    assert doc.payments == [] and doc.balance_cents == 10000
    assert doc.due_date == DAY + timedelta(days=30)
    assert doc.buyer_is_business and MENTION_INDEMNITY in doc.mentions
    add_payment(db, operator, invoice_id, PaymentInput("transfer", 4000, reference="VIR 12"))
    assert member_balance(db, ids["school"]) == 6000
    assert payment_service.open_balances(db) == {invoice_id: 6000}
    assert running_balances_hold(db)
    (row,) = unpaid(db, DAY + timedelta(days=45))
    assert (row.number, row.balance_cents, row.age_days, row.overdue_days) == (
        doc.number,
        6000,
        45,
        15,
    )
    assert row.buyer_name == "Collège Champollion"
    with pytest.raises(DomainError) as err:
        add_payment(db, operator, invoice_id, PaymentInput("cheque", 6001))
    assert err.value.code == "payment_exceeds_total"
    pid = add_payment(db, operator, invoice_id, PaymentInput(CASH, 6000, tendered_cents=6500))
    assert pid
    doc = documents.get_invoice(db, invoice_id)
    assert doc.balance_cents == 0 and doc.payments[-1].change_cents == 500
    assert unpaid(db, DAY) == []
    assert payment_service.open_balances(db) == {}  # settled: its row is gone
    with pytest.raises(DomainError) as err:
        add_payment(db, operator, invoice_id, PaymentInput("card", 1))
    assert err.value.code == "invoice_already_paid"
    rows = documents.list_invoices(db, text="champollion")
    assert [(r.number, r.paid_cents, r.balance_cents) for r in rows] == [(doc.number, 10000, 0)]
    assert documents.list_invoices(db, text="delpech") == []
    assert documents.list_invoices(db, unpaid_only=True) == []


def test_wallet_topup_credits_and_wallet_payment_debits(db, operator, ids):
    emilie = ids["emilie"]
    basket_id = baskets.open_basket(db, operator, emilie)
    baskets.add_wallet_topup_line(db, operator, basket_id, 3000)
    documents.validate_basket(
        db, operator, basket_id, [PaymentInput("cheque", 3000, cheque_number="7")]
    )
    assert packs.wallet_balance(db, emilie) == 3000
    usage(db, ids, emilie)
    basket_id = baskets.open_basket(db, operator, emilie)
    assert baskets.get_basket(db, basket_id).wallet_balance_cents == 3000
    invoice_id = documents.validate_basket(db, operator, basket_id, [PaymentInput("wallet", 2400)])
    assert packs.wallet_balance(db, emilie) == 600
    assert documents.get_invoice(db, invoice_id).balance_cents == 0


def test_membership_and_pack_lines_create_them(db, operator, ids):
    (pack_type,) = add(db, PackType(name="Carnet 10 h", minutes=600, price_cents=9000))
    basket_id = baskets.open_basket(db, operator, ids["jean"])
    baskets.add_membership_line(
        db,
        operator,
        basket_id,
        audience_id=ids["everyone"],
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
        fee_cents=2000,
    )
    baskets.add_pack_line(db, operator, basket_id, pack_type)
    lines = baskets.get_basket(db, basket_id).lines
    assert lines[0].designation == "Adhésion Grand public du 01/01/2026 au 31/12/2026"
    invoice_id = documents.validate_basket(db, operator, basket_id, [PaymentInput("card", 11000)])
    number = documents.get_invoice(db, invoice_id).number
    with db.read() as s:
        (ms,) = s.scalars(select(Membership))
        (mp,) = s.scalars(select(MemberPack))
        assert (ms.member_id, ms.start_date, ms.end_date, ms.fee_cents) == (
            ids["jean"],
            date(2026, 1, 1),
            date(2026, 12, 31),
            2000,
        )
        assert number in ms.note
        assert (mp.member_id, mp.minutes_total, mp.price_cents) == (ids["jean"], 600, 9000)
    (row,) = packs.member_packs(db, ids["jean"], lab_today())
    assert row.minutes_left == 600


# --------------------------------------------------------------------------- credit notes


def test_credit_notes_partial_then_rest_never_more(db, operator, ids):
    usage(db, ids, ids["emilie"], charges=((2400, 0), (1000, 0)))
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    invoice_id = documents.validate_basket(
        db, operator, basket_id, [PaymentInput("card", 3400)], issued_at=AT
    )
    doc = documents.get_invoice(db, invoice_id)
    first, second = doc.lines
    later = AT + timedelta(days=2)
    cn1 = credit_notes.create_credit_note(
        db,
        operator,
        invoice_id,
        lines=[(second.id, 400)],
        reason="Filament défectueux",
        refund=PaymentInput(CASH, 400),
        issued_at=later,
    )
    note = documents.get_invoice(db, cn1)
    assert note.kind == "credit_note" and note.number == "AV2026-000001"
    assert (note.credited_invoice_number, note.credited_invoice_date) == (doc.number, DAY)
    assert f"Avoir sur la facture n° {doc.number} du 23/11/2026" in note.mentions
    assert note.total_incl_cents == 400 and note.lines[0].quantity_milli == 400
    assert [p.amount_cents for p in note.payments] == [-400]
    assert running_balances_hold(db)
    with pytest.raises(DomainError) as err:
        credit_notes.create_credit_note(
            db, operator, invoice_id, lines=[(second.id, 601)], reason="trop", issued_at=later
        )
    assert err.value.code == "credit_exceeds_invoice"
    with pytest.raises(DomainError) as err:  # refund more than what was overpaid
        credit_notes.create_credit_note(
            db, operator, invoice_id, reason="x", refund=PaymentInput(CASH, 3001), issued_at=later
        )
    assert err.value.code == "refund_exceeds_credit"
    cn2 = credit_notes.create_credit_note(
        db,
        operator,
        invoice_id,
        reason="Annulation",
        refund=PaymentInput("wallet", 3000),
        issued_at=later,
    )
    rest = documents.get_invoice(db, cn2)
    assert rest.number == "AV2026-000002" and rest.total_incl_cents == 3000
    assert [(ln.id != first.id, ln.total_incl_cents) for ln in rest.lines] == [
        (True, 2400),
        (True, 600),
    ]
    assert packs.wallet_balance(db, ids["emilie"]) == 3000
    doc = documents.get_invoice(db, invoice_id)
    assert doc.credit_note_numbers == ["AV2026-000001", "AV2026-000002"]
    assert (doc.credited_cents, doc.balance_cents) == (3400, 0)
    with pytest.raises(DomainError) as err:
        credit_notes.create_credit_note(db, operator, invoice_id, reason="encore", issued_at=later)
    assert err.value.code == "credit_exceeds_invoice"
    assert counter(db, "invoice") == 1 and counter(db, "credit_note") == 2
    assert running_balances_hold(db)
    with pytest.raises(ValidationError):
        credit_notes.create_credit_note(db, operator, invoice_id, reason=" ")
    assert verify_ledger(db) == []  # every document and payment sealed, chain intact


def test_unpaid_invoice_credited_leaves_nothing_to_pay(db, operator, ids):
    usage(db, ids, ids["emilie"])
    invoice_id = documents.validate_basket(
        db, operator, baskets.open_basket(db, operator, ids["emilie"]), [], issued_at=AT
    )
    assert member_balance(db, ids["emilie"]) == 2400
    assert payment_service.open_balances(db) == {invoice_id: 2400}
    credit_notes.create_credit_note(db, operator, invoice_id, reason="Erreur", issued_at=AT)
    assert member_balance(db, ids["emilie"]) == 0
    assert unpaid(db, DAY) == []
    assert payment_service.open_balances(db) == {}


# --------------------------------------------------------------------------- numbering


def test_numbering_pattern_history_and_restart(db, operator, ids):
    assert numbering.numbering_pattern(db, "invoice") == "F{year}-{counter:06}"
    with pytest.raises(ValidationError) as err:
        numbering.set_numbering_pattern(db, operator, "invoice", "F{year}")
    assert err.value.fields == {"pattern": "pattern_invalid"}
    usage(db, ids, ids["jean"])
    documents.validate_basket(
        db, operator, baskets.open_basket(db, operator, ids["jean"]), [], issued_at=AT
    )
    numbering.set_numbering_pattern(db, operator, "invoice", "FA{year}{month}-{counter:04}")
    assert numbering.numbering_pattern(db, "invoice") == "FA{year}{month}-{counter:04}"
    assert [p for p, _ in numbering.numbering_history(db, "invoice")] == [
        "FA{year}{month}-{counter:04}"
    ]
    usage(db, ids, ids["jean"])
    second = documents.validate_basket(
        db, operator, baskets.open_basket(db, operator, ids["jean"]), [], issued_at=AT
    )
    assert documents.get_invoice(db, second).number == "FA202611-0001"
    assert documents.invoice_by_number(db, "F2026-000001").member_id == ids["jean"]


# --------------------------------------------------------------------------- batch, closing


def test_monthly_batch_one_invoice_per_member_and_stop(db, operator, ids):
    with db.write() as s:
        s.get(Member, ids["emilie"]).monthly_invoicing = True
    usage(db, ids, ids["school"], group=True, day=date(2026, 10, 5))
    usage(db, ids, ids["school"], day=date(2026, 10, 20))
    usage(db, ids, ids["school"], day=date(2026, 11, 2))  # next month: not in this batch
    usage(db, ids, ids["emilie"], day=date(2026, 10, 7))
    usage(db, ids, ids["jean"], day=date(2026, 10, 7))  # not invoiced monthly
    candidates = monthly.monthly_candidates(db, date(2026, 10, 1))
    assert [(c[1], c[2], c[3]) for c in candidates] == [
        ("Collège Champollion", 2, 4800),
        ("DELPECH Émilie", 1, 2400),
    ]
    calls = []

    def stop_after_first(done, total):
        calls.append((done, total))
        return done < 1

    result = monthly.invoice_month(db, operator, date(2026, 10, 15), progress=stop_after_first)
    assert result.cancelled and len(result.invoice_ids) == 1 and calls == [(0, 2), (1, 2)]
    assert documents.get_invoice(db, result.invoice_ids[0]).total_incl_cents == 4800
    assert baskets.open_baskets(db) == []  # nothing half-done
    assert [c[1] for c in monthly.monthly_candidates(db, date(2026, 10, 1))] == ["DELPECH Émilie"]
    rest = monthly.invoice_month(db, operator, date(2026, 10, 1))
    assert not rest.cancelled and len(rest.invoice_ids) == 1
    assert monthly.monthly_candidates(db, date(2026, 10, 1)) == []
    assert [x.day for x in baskets.unbilled_usages(db, ids["school"])] == [date(2026, 11, 2)]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Basket)) == 2
    assert verify_ledger(db) == []


def test_validate_into_a_closed_day_is_refused(db, operator, ids):
    from tierslieu_desktop.services.billing.ledger import close_period

    usage(db, ids, ids["emilie"])
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    close_period(db, operator, "day", DAY, now=AT + timedelta(days=1))
    with pytest.raises(DomainError) as err:
        documents.validate_basket(
            db, operator, basket_id, [PaymentInput("card", 2400)], issued_at=AT
        )
    assert err.value.code == "period_closed"
    assert count(db, Invoice) == 0 and counter(db) is None
    invoice_id = documents.validate_basket(
        db, operator, basket_id, [], issued_at=AT + timedelta(days=1)
    )
    with pytest.raises(DomainError) as err:
        add_payment(db, operator, invoice_id, PaymentInput("card", 100), at=AT)
    assert err.value.code == "period_closed"


def test_crediting_a_topup_takes_it_back_from_the_wallet(db, operator, ids):
    emilie = ids["emilie"]
    basket_id = baskets.open_basket(db, operator, emilie)
    baskets.add_wallet_topup_line(db, operator, basket_id, 3000)
    invoice_id = documents.validate_basket(db, operator, basket_id, [PaymentInput("cash", 3000)])
    usage(db, ids, emilie)
    documents.validate_basket(
        db, operator, baskets.open_basket(db, operator, emilie), [PaymentInput("wallet", 2400)]
    )
    with pytest.raises(DomainError) as err:  # 600 left: the top-up was spent
        credit_notes.create_credit_note(db, operator, invoice_id, reason="Erreur")
    assert err.value.code == "wallet_insufficient"
    assert count(db, Invoice) == 2 and counter(db, "credit_note") is None
    (line,) = documents.get_invoice(db, invoice_id).lines
    credit_notes.create_credit_note(
        db,
        operator,
        invoice_id,
        lines=[(line.id, 200)],
        reason="Rendu en espèces",
        refund=PaymentInput("cash", 600),
    )
    assert packs.wallet_balance(db, emilie) == 0
    assert running_balances_hold(db)


def test_invoice_list_filters(db, operator, ids):
    usage(db, ids, ids["emilie"])
    first = documents.validate_basket(
        db, operator, baskets.open_basket(db, operator, ids["emilie"]), [], issued_at=AT
    )
    usage(db, ids, ids["jean"], day=DAY + timedelta(days=3))
    documents.validate_basket(
        db,
        operator,
        baskets.open_basket(db, operator, ids["jean"]),
        [PaymentInput("card", 2400)],
        issued_at=AT + timedelta(days=3),
    )
    credit_notes.create_credit_note(
        db, operator, first, reason="Erreur", issued_at=AT + timedelta(days=4)
    )
    rows = documents.list_invoices(db)
    assert [r.number for r in rows] == ["AV2026-000001", "F2026-000002", "F2026-000001"]
    assert [r.number for r in documents.list_invoices(db, kind="invoice", last_day=DAY)] == [
        "F2026-000001"
    ]
    assert [r.number for r in documents.list_invoices(db, text="000002")] == ["F2026-000002"]
    assert [r.number for r in documents.list_invoices(db, first_day=DAY + timedelta(days=1))] == [
        "AV2026-000001",
        "F2026-000002",
    ]
    assert documents.list_invoices(db, unpaid_only=True) == []
    assert len(documents.list_invoices(db, limit=1)) == 1


def test_a_usage_goes_only_in_its_payers_basket_and_only_once(db, operator, ids):
    theirs = usage(db, ids, ids["jean"])
    mine = usage(db, ids, ids["emilie"])
    basket_id = baskets.open_basket(db, operator, ids["emilie"])
    with pytest.raises(DomainError) as err:
        baskets.add_usage_lines(db, operator, basket_id, [theirs])
    assert err.value.code == "usage_other_member"
    baskets.add_usage_lines(db, operator, basket_id, [mine])  # already there: nothing added
    assert len(baskets.get_basket(db, basket_id).lines) == 1
    documents.validate_basket(db, operator, basket_id, [PaymentInput("card", 2400)])
    other = baskets.open_basket(db, operator, ids["emilie"])
    assert baskets.get_basket(db, other).lines == []
    with pytest.raises(DomainError) as err:
        baskets.add_usage_lines(db, operator, other, [mine])
    assert err.value.code == "usage_already_billed"


@pytest.mark.parametrize(
    ("regime", "mention"),
    [
        ("franchise", "TVA non applicable, art. 293 B du CGI"),
        # Émilie holds no membership: the franchise of lucrative accessory activities
        ("exempt_non_profit", MENTION_261_LUCRATIVE),
    ],
)
def test_without_vat_every_line_is_at_zero_with_the_article(db, operator, ids, regime, mention):
    set_regime(db, regime)
    usage(db, ids, ids["emilie"], charges=((2400, 0), (500, 0)))
    doc = documents.get_invoice(
        db,
        documents.validate_basket(
            db, operator, baskets.open_basket(db, operator, ids["emilie"]), []
        ),
    )
    assert [(ln.vat_rate_bp, ln.vat_mention) for ln in doc.lines] == [(0, mention), (0, mention)]
    assert (doc.total_excl_cents, doc.total_vat_cents, doc.vat_breakdown) == (
        2900,
        0,
        [(0, 2900, 0)],
    )
    assert doc.mentions == [mention] and doc.vat_regime == regime


def test_usages_billed_before_the_software_are_never_proposed(db, operator, ids):
    """A lab moving from a spreadsheet sets the day it starts invoicing here: older usages
    are neither in the basket nor in the monthly invoicing; later ones are."""
    old = usage(db, ids, ids["emilie"], day=date(2026, 10, 5))
    new = usage(db, ids, ids["emilie"], day=date(2026, 11, 2))
    assert [u.usage_id for u in baskets.unbilled_usages(db, ids["emilie"])] == [old, new]
    baskets.set_invoicing_start(db, operator, date(2026, 11, 1))
    assert baskets.invoicing_start(db) == date(2026, 11, 1)
    assert [u.usage_id for u in baskets.unbilled_usages(db, ids["emilie"])] == [new]
    basket = baskets.get_basket(db, baskets.open_basket(db, operator, ids["emilie"]))
    assert {line.usage_id for line in basket.lines} == {new}
    baskets.set_invoicing_start(db, operator, None)
    assert [u.usage_id for u in baskets.unbilled_usages(db, ids["emilie"])] == [old]


def test_front_desk_list_of_who_has_usages_to_collect(db, operator, ids):
    """The desk sees who still owes for usages: not the members invoiced monthly, not the
    free visits, and no longer once the usages are in a basket."""
    usage(db, ids, ids["emilie"], day=date(2026, 11, 20))
    usage(db, ids, ids["emilie"], day=date(2026, 11, 21), charges=((500, 0),))
    usage(db, ids, ids["school"], day=date(2026, 11, 21), group=True)  # monthly invoicing
    usage(db, ids, ids["jean"], day=date(2026, 11, 22), charges=((800, 800),))  # free
    [row] = baskets.to_collect(db)
    assert (row.member_id, row.usages, row.charged_cents, row.last_day) == (
        ids["emilie"],
        2,
        2900,
        date(2026, 11, 21),
    )
    assert row.name == "DELPECH Émilie"
    baskets.open_basket(db, operator, ids["emilie"])
    assert baskets.to_collect(db) == []
