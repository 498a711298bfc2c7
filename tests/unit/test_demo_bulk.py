"""The demo's bulk invoicing (demo.bulk) writes exactly what the billing services write:
the same sample of sales, payments, credit notes and closings issued through the
services on one database and through the bulk ledger on another gives the same rows,
the same numbers and the same integrity chain, byte for byte."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Basket,
    BasketLine,
    Closing,
    DocumentCounter,
    IntegrityEntry,
    Invoice,
    InvoiceLine,
    Member,
    MemberPack,
    Membership,
    PackMovement,
    PackType,
    Payment,
    Registration,
    Space,
    Structure,
    Usage,
    UsageCharge,
    WalletMovement,
)
from tierslieu_desktop.demo import bulk
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.billing import baskets, credit_notes, documents, ledger
from tierslieu_desktop.services.billing.payments import PaymentInput, add_payment
from tierslieu_desktop.services.people.operators import ensure_operator

D1 = date(2026, 10, 13)
D2 = date(2026, 10, 14)
MONTHLY = date(2026, 11, 2)  # October's monthly invoice
PAID = date(2026, 11, 20)


def _setup(db, regime: str) -> dict[str, int]:
    actor = ensure_operator(db)
    with db.write() as s:
        everyone = Audience(name="Grand public")
        space = Space(name="Fablab", kind="fablab")
        s.add_all([everyone, space])
        s.flush()
        s.add(
            Structure(
                id=1,
                name="Fab'Causse",
                legal_form="Association loi 1901",
                siret="73282932000074",
                address="2 place de la Halle",
                postcode="46160",
                city="Cajarc",
                vat_regime=regime,
                payment_terms_days=30,
                default_vat_rate_bp=2000,
            )
        )
        pack = PackType(name="Carte 10 heures", minutes=600, price_cents=9000, validity_months=12)
        emilie = Member(
            number="A00001",
            first_name="Émilie",
            last_name="Delpech",
            address="1 rue du Lot",
            postcode="46100",
            city="Figeac",
            audience_id=everyone.id,
        )
        jean = Member(number="A00002", first_name="Jean", last_name="Lacoste")
        school = Member(
            number="A00003",
            kind="organisation",
            organisation_type="public_body",
            last_name="Collège Champollion",
            siret="19460001200016",
            service_code="SERVICE-FAC",
            monthly_invoicing=True,
        )
        s.add_all([pack, emilie, jean, school])
        s.flush()
        usages = {}
        for key, member, group, day, hour, charges in (
            ("e1", emilie, False, D1, 10, ((2400, 600, "time"), (537, 0, "consumable"))),
            ("e2", emilie, False, D1, 14, ((1200, 0, "time"),)),
            ("j1", jean, False, D1, 9, ((3333, 0, "time"),)),
            ("e3", emilie, False, D2, 10, ((900, 0, "time"),)),
            ("s1", school, True, date(2026, 10, 6), 9, ((4500, 500, "time"),)),
            (
                "s2",
                school,
                True,
                date(2026, 10, 20),
                9,
                ((4500, 0, "time"), (1299, 0, "consumable")),
            ),
        ):
            start = local_dt(day, hour * 60)
            u = Usage(
                space_id=space.id,
                member_id=None if group else member.id,
                organisation_id=member.id if group else None,
                start_at=start,
                end_at=start + timedelta(hours=2),
                minutes=120,
            )
            s.add(u)
            s.flush()
            for kind_list in charges:
                listed, reduction, kind = kind_list
                s.add(
                    UsageCharge(
                        usage_id=u.id,
                        kind=kind,
                        label="Fablab" if kind == "time" else "Filament PLA",
                        quantity_text="2 h" if kind == "time" else "125 g",
                        list_cents=listed,
                        reduction_cents=reduction,
                        charged_cents=listed - reduction,
                        reasons="tarif réduit" if reduction else "",
                    )
                )
            usages[key] = u.id
        training = Activity(name="Formation découpeuse laser", kind="machine_training")
        s.add(training)
        s.flush()
        held = ActivitySession(
            activity_id=training.id,
            start_at=local_dt(D1, 14 * 60),
            end_at=local_dt(D1, 16 * 60),
            capacity=8,
            space_id=space.id,
        )
        s.add(held)
        s.flush()
        tickets = [
            Registration(
                session_id=held.id,
                member_id=jean.id,
                status="registered",
                queued_at=local_dt(D1 - timedelta(days=9), 10 * 60),
                attendance="present",
                price_cents=2500,
                price_reason="Tarif adhérent",
            ),
            Registration(
                session_id=held.id,
                organisation_id=school.id,
                group_name="4e B — Collège Champollion",
                headcount=12,
                status="registered",
                queued_at=local_dt(D1 - timedelta(days=20), 10 * 60),
                price_cents=6000,
            ),
        ]
        s.add_all(tickets)
        s.flush()
        return {
            "actor": actor,
            "jean_ticket": tickets[0].id,
            "school_ticket": tickets[1].id,
            "everyone": everyone.id,
            "pack": pack.id,
            "emilie": emilie.id,
            "jean": jean.id,
            "school": school.id,
            **usages,
        }


CARD = PaymentInput("card", 0, reference="TPE 123456")


def _sales(ids):
    """The sample: (day, hour, member, what is sold, payments, basket note, invoice note)."""
    e, j = ids["emilie"], ids["jean"]
    end = date(2027, 10, 12)
    return [
        (
            D1,
            16 * 60 + 30,
            e,
            [("usages", [ids["e1"], ids["e2"]]), ("membership", D1, end, 2000), ("wallet", 3000)],
            [
                PaymentInput("pass_numerique", 2000, voucher_count=2, voucher_value_cents=1000),
                PaymentInput("card", 4000, reference="TPE 123456"),
                PaymentInput("cash", 2537, tendered_cents=5000),
            ],
        ),
        (
            D1,
            17 * 60,
            j,
            [("usages", [ids["j1"]]), ("ticket", ids["jean_ticket"]), ("pack",)],
            [PaymentInput("cheque", 14833, cheque_number="0001234", bank="Crédit Agricole")],
        ),
        (D2, 12 * 60, e, [("usages", [ids["e3"]])], [PaymentInput("wallet", 900)]),
    ]


def _add_tickets(db, actor, basket_id, registrations):
    with db.write() as s:
        basket = baskets.editable_basket(s, basket_id)
        baskets.add_registration_lines_in(s, actor, basket, registrations)


def _run_services(db, ids):
    actor = ids["actor"]
    sold = []
    for day, minute, member, items, payments in _sales(ids):
        with db.write() as s:
            basket = Basket(member_id=member, status="open", created_by_id=actor)
            s.add(basket)
            s.flush()
            basket_id = basket.id
        for item in items:
            if item[0] == "usages":
                baskets.add_usage_lines(db, actor, basket_id, item[1])
            elif item[0] == "membership":
                baskets.add_membership_line(
                    db,
                    actor,
                    basket_id,
                    audience_id=ids["everyone"],
                    start=item[1],
                    end=item[2],
                    fee_cents=item[3],
                )
            elif item[0] == "wallet":
                baskets.add_wallet_topup_line(db, actor, basket_id, item[1])
            elif item[0] == "ticket":
                _add_tickets(db, actor, basket_id, [item[1]])
            else:
                baskets.add_pack_line(db, actor, basket_id, ids["pack"])
        sold.append(
            documents.validate_basket(
                db, actor, basket_id, payments, desk="Accueil", issued_at=local_dt(day, minute)
            )
        )
        if day == D1 and member == ids["jean"]:
            ledger.close_period(db, actor, "day", D1, now=local_dt(D1, 23 * 60 + 50))
    jean_doc = documents.get_invoice(db, sold[1])
    credit_notes.create_credit_note(
        db,
        actor,
        sold[1],
        lines=[(jean_doc.lines[0].id, 1000)],
        reason="Séance interrompue par une panne.",
        refund=PaymentInput("cash", 3333),
        desk="Accueil",
        issued_at=local_dt(D2, 15 * 60),
    )
    ledger.close_period(db, actor, "day", D2, now=local_dt(D2, 23 * 60 + 50))
    ledger.close_period(db, actor, "month", D1, now=local_dt(date(2026, 10, 31), 23 * 60 + 52))
    with db.write() as s:
        basket = Basket(member_id=ids["school"], status="open", note="10/2026", created_by_id=actor)
        s.add(basket)
        s.flush()
        basket_id = basket.id
    baskets.add_usage_lines(db, actor, basket_id, [ids["s1"], ids["s2"]])
    _add_tickets(db, actor, basket_id, [ids["school_ticket"]])
    monthly_id = documents.validate_basket(
        db,
        actor,
        basket_id,
        [PaymentInput("mandate", 0)],
        desk="Accueil",
        issued_at=local_dt(MONTHLY, 9 * 60 + 30),
        note="Facturation mensuelle 10/2026",
    )
    doc = documents.get_invoice(db, monthly_id)
    credit_notes.create_credit_note(
        db,
        actor,
        monthly_id,
        lines=[(doc.lines[2].id, 500)],
        reason="Moitié du filament fournie par le collège.",
        refund=None,
        desk="Accueil",
        issued_at=local_dt(MONTHLY + timedelta(days=1), 10 * 60),
    )
    add_payment(
        db,
        actor,
        monthly_id,
        PaymentInput("transfer", 5000, reference="VIR 1"),
        desk="Accueil",
        at=local_dt(PAID, 11 * 60),
    )
    add_payment(
        db,
        actor,
        monthly_id,
        PaymentInput("transfer", 10149, reference="VIR 2"),
        desk="Accueil",
        at=local_dt(PAID + timedelta(days=1), 11 * 60),
    )
    ledger.close_period(db, actor, "month", MONTHLY, now=local_dt(date(2026, 11, 30), 23 * 60))


def _run_bulk(db, ids):
    actor = ids["actor"]
    with db.write() as s:
        book = bulk.BulkLedger(s)
        sold = []
        for day, minute, member, items, payments in _sales(ids):
            lines: list[bulk.Line] = []
            for item in items:
                if item[0] == "usages":
                    lines += bulk.lines_of_usages(s, item[1])
                elif item[0] == "membership":
                    lines.append(bulk.membership_line("Grand public", ids["everyone"], *item[1:]))
                elif item[0] == "wallet":
                    lines.append(bulk.wallet_topup_line(item[1]))
                elif item[0] == "ticket":
                    lines.append(
                        bulk.ticket_line(
                            item[1], "Formation découpeuse laser", D1, None, 2500, "Tarif adhérent"
                        )
                    )
                else:
                    lines.append(bulk.pack_line(ids["pack"], "Carte 10 heures", 12, 9000))
            sold.append(
                book.issue(
                    member,
                    lines,
                    payments,
                    actor=actor,
                    desk="Accueil",
                    issued_at=local_dt(day, minute),
                )
            )
            if day == D1 and member == ids["jean"]:
                book.close("day", D1, actor=actor, now=local_dt(D1, 23 * 60 + 50))
        first_line = book.docs[sold[1]].lines[0]["id"]
        book.credit(
            sold[1],
            [(first_line, 1000)],
            reason="Séance interrompue par une panne.",
            refund=PaymentInput("cash", 3333),
            actor=actor,
            desk="Accueil",
            issued_at=local_dt(D2, 15 * 60),
        )
        book.close("day", D2, actor=actor, now=local_dt(D2, 23 * 60 + 50))
        book.close("month", D1, actor=actor, now=local_dt(date(2026, 10, 31), 23 * 60 + 52))
        monthly_id = book.issue(
            ids["school"],
            [
                *bulk.lines_of_usages(s, [ids["s1"], ids["s2"]]),
                bulk.ticket_line(
                    ids["school_ticket"], "Formation découpeuse laser", D1, 12, 6000, ""
                ),
            ],
            [PaymentInput("mandate", 0)],
            actor=actor,
            desk="Accueil",
            issued_at=local_dt(MONTHLY, 9 * 60 + 30),
            note="Facturation mensuelle 10/2026",
            basket_note="10/2026",
        )
        book.credit(
            monthly_id,
            [(book.docs[monthly_id].lines[2]["id"], 500)],
            reason="Moitié du filament fournie par le collège.",
            refund=None,
            actor=actor,
            desk="Accueil",
            issued_at=local_dt(MONTHLY + timedelta(days=1), 10 * 60),
        )
        for at, cents, ref in (
            (local_dt(PAID, 11 * 60), 5000, "VIR 1"),
            (local_dt(PAID + timedelta(days=1), 11 * 60), 10149, "VIR 2"),
        ):
            book.pay(
                monthly_id,
                PaymentInput("transfer", cents, reference=ref),
                actor=actor,
                desk="Accueil",
                at=at,
            )
        book.close("month", MONTHLY, actor=actor, now=local_dt(date(2026, 11, 30), 23 * 60))
        book.flush()


STAMPS = {"created_at", "updated_at"}
COMPARED = (
    Invoice,
    InvoiceLine,
    Payment,
    WalletMovement,
    DocumentCounter,
    Closing,
    IntegrityEntry,
    Basket,
    BasketLine,
    Membership,
    MemberPack,
    PackMovement,
)


def _tables(db):
    out = {}
    with db.read() as s:
        for model in COMPARED:
            table: Any = model.__table__
            key = [c for c in table.primary_key.columns]
            out[table.name] = [
                {k: v for k, v in row.items() if k not in STAMPS}
                for row in s.execute(select(table).order_by(*key)).mappings()
            ]
    return out


@pytest.mark.parametrize("regime", ["exempt_non_profit", "liable"])
def test_bulk_ledger_writes_what_the_services_write(tmp_path, regime):
    by_services = open_database(str(tmp_path / "services.sqlite"))
    in_bulk = open_database(str(tmp_path / "bulk.sqlite"))
    try:
        ids = _setup(by_services, regime)
        assert _setup(in_bulk, regime) == ids
        _run_services(by_services, ids)
        _run_bulk(in_bulk, ids)
        expected, got = _tables(by_services), _tables(in_bulk)
        # the sample covers what the decade issues
        assert len(expected["invoice"]) == 6
        assert {p["method"] for p in expected["payment"]} >= {
            "cash",
            "card",
            "cheque",
            "pass_numerique",
            "wallet",
            "transfer",
        }
        assert len(expected["wallet_movement"]) == 2
        assert [ln["designation"] for ln in expected["invoice_line"] if ln["kind"] == "other"] == [
            "Formation découpeuse laser — 13/10/2026",
            "Formation découpeuse laser — 13/10/2026 (12 pers.)",
        ]
        assert len(expected["closing"]) == 4
        assert len(expected["membership"]) == 1 and len(expected["member_pack"]) == 1
        for name in expected:
            assert got[name] == expected[name], name
        assert ledger.verify_ledger(in_bulk) == []
        assert ledger.verify_ledger(by_services) == []
    finally:
        by_services.dispose()
        in_bulk.dispose()


# --- the decade (demo.decade) -------------------------------------------------------------

DIGESTED = (
    "invoice",
    "invoice_line",
    "payment",
    "wallet_movement",
    "document_counter",
    "closing",
    "integrity_entry",
    "basket",
    "basket_line",
    "member_pack",
    "drop_in",
    "registration",
)


def _digest(path) -> str:
    """A SHA-256 of the billing tables' rows, in id order."""
    import hashlib
    import sqlite3

    con = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for table in DIGESTED:
            for row in con.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()


def test_decade_same_seed_same_documents_sealed_and_anchored(tmp_path, monkeypatch):
    """The bulk decade (on the small demo's members and usages, as the large demo does):
    every charged visit, membership and ticket invoiced, credit notes, payments by every
    method, closings; the same seed gives the same rows; the ledger and the anchor log
    agree with them."""
    from tierslieu_desktop.demo.builder import build_demo
    from tierslieu_desktop.services.safety import anchors

    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    summary = build_demo(str(first), seed=7, decade=True)
    monkeypatch.setenv("TIERSLIEU_DATA_DIR", str(tmp_path / "other-data"))
    assert build_demo(str(second), seed=7, decade=True) == summary
    assert _digest(first) == _digest(second)
    assert " factures et " in summary and summary.endswith(" clôtures")

    monkeypatch.setenv("TIERSLIEU_DATA_DIR", str(tmp_path / "data"))
    db = open_database(str(first))
    try:
        assert ledger.verify_ledger(db) == []
        report = anchors.compare(db)
        assert report.problems == [] and report.notes == [] and len(report.logs) == 1
        with db.read() as s:
            kinds = dict(s.execute(select(Invoice.kind, func.count()).group_by(Invoice.kind)).all())
            methods = set(s.scalars(select(Payment.method).distinct()))
            line_kinds = set(s.scalars(select(InvoiceLine.kind).distinct()))
            closing_kinds = set(s.scalars(select(Closing.kind).distinct()))
            unbilled = s.scalar(
                select(func.count())
                .select_from(UsageCharge)
                .join(Usage, Usage.id == UsageCharge.usage_id)
                .where(
                    UsageCharge.charged_cents > 0,
                    Usage.start_at < local_dt(date(2026, 9, 1), 0),
                    Usage.id.not_in(
                        select(InvoiceLine.usage_id).where(InvoiceLine.usage_id.is_not(None))
                    ),
                )
            )
        assert kinds["invoice"] > 2000 and kinds["credit_note"] > 20
        assert methods >= {"cash", "card", "cheque", "pass_numerique", "wallet", "transfer"}
        assert line_kinds >= {"usage", "consumable", "membership", "pack", "wallet_topup", "other"}
        assert closing_kinds == {"day", "month", "year"}
        assert unbilled == 0  # every charged usage before the last weeks is invoiced
    finally:
        db.dispose()
