"""Issue 22 point 3: Pass numérique vouchers followed to payment — the month's numbers
listed for the issuer (PDF, CSV), the list's reimbursement settling the receivable, both
in the FEC; a claimed number stays with its visit; vouchers close to expiry warned."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.reports.voucher_claim import claim_csv, claim_pdf
from tierslieu_desktop.services.activity.dropins import (
    DropInInput,
    delete_drop_in,
    log_drop_in,
)
from tierslieu_desktop.services.finance.fec import fec_text
from tierslieu_desktop.services.finance.voucher_claims import (
    claim_preview,
    issue_claim,
    list_claims,
    near_expiry,
    record_reimbursement,
)

NOV = date(2026, 11, 10)
TODAY = date(2026, 12, 20)


def _visit(db, day, *numbers, expiry=None):
    return log_drop_in(
        db,
        None,
        DropInInput(
            kind="help",
            helper="Inès",
            at=local_dt(day, 10 * 60),
            voucher_numbers=numbers,
            voucher_expiry=expiry,
        ),
    )


def _fec_rows(db):
    text = fec_text(db, 2026, today=TODAY)
    return [line.split("|") for line in text.split("\r\n")[1:-1]]


def test_a_claim_then_its_reimbursement_shows_in_the_fec(db):
    _visit(db, NOV, "PN-001", "PN-002")
    _visit(db, date(2026, 11, 20), "PN-003")
    _visit(db, date(2026, 12, 2), "PN-004")  # December: not in November's list
    preview = claim_preview(db, "pass_numerique", 2026, 11)
    assert [v.number for v in preview.vouchers] == ["PN-001", "PN-002", "PN-003"]
    assert preview.reference is None and preview.total_cents == 3_000
    claim = issue_claim(db, None, "pass_numerique", 2026, 11)
    assert claim.reference == "PASSNUM-2026-11" and len(claim.vouchers) == 3
    assert claim_preview(db, "pass_numerique", 2026, 11).vouchers == ()
    with pytest.raises(DomainError) as nothing:
        issue_claim(db, None, "pass_numerique", 2026, 11)
    assert nothing.value.code == "nothing_to_claim"

    record_reimbursement(
        db, None, "pass_numerique", "PASSNUM-2026-11", date(2026, 12, 15), today=TODAY
    )
    assert list_claims(db, "pass_numerique") == [("PASSNUM-2026-11", 3, True)]
    rows = _fec_rows(db)
    receipts = [r for r in rows if r[0] == "OD" and r[4] == "4687"]
    assert sum(int(r[11].replace(",", "")) for r in receipts) == 4_000  # 4 vouchers received
    paid = [r for r in rows if r[8] == "PASSNUM-2026-11"]
    assert {(r[0], r[4], r[11], r[12]) for r in paid} == {
        ("BQ", "512", "30,00", "0,00"),
        ("BQ", "4687", "0,00", "30,00"),
    }
    with pytest.raises(DomainError) as twice:
        record_reimbursement(
            db, None, "pass_numerique", "PASSNUM-2026-11", date(2026, 12, 16), today=TODAY
        )
    assert twice.value.code == "claim_reimbursed"


def test_a_claimed_voucher_stays_with_its_visit_and_late_ones_get_a_second_list(db):
    visit = _visit(db, NOV, "PN-101")
    issue_claim(db, None, "pass_numerique", 2026, 11)
    with pytest.raises(DomainError) as err:
        delete_drop_in(db, None, visit)
    assert err.value.code == "voucher_claimed"
    assert err.value.params["claim"] == "PASSNUM-2026-11"
    _visit(db, date(2026, 11, 29), "PN-102")  # typed in late
    second = issue_claim(db, None, "pass_numerique", 2026, 11)
    assert second.reference == "PASSNUM-2026-11-2"
    assert [v.number for v in second.vouchers] == ["PN-102"]


def test_the_claim_list_reads_as_pdf_and_csv(db):
    _visit(db, NOV, "PN-201", expiry=date(2027, 3, 31))
    claim = issue_claim(db, None, "pass_numerique", 2026, 11)
    reader = PdfReader(io.BytesIO(claim_pdf(claim)))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Demande de remboursement Pass numérique (APTIC)" in text
    assert "PN-201" in text and "31/03/2027" in text and "PASSNUM-2026-11" in text
    lines = claim_csv(claim).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("N° du bon;")
    assert lines[1] == "PN-201;10/11/2026;31/03/2027;10,00"


def test_vouchers_close_to_expiry_are_warned_until_claimed(db):
    _visit(db, NOV, "PN-301", expiry=date(2026, 12, 31))
    _visit(db, NOV, "PN-302", expiry=date(2027, 6, 30))
    _visit(db, NOV, "PN-303")  # no expiry typed: never warned
    assert [v.number for v in near_expiry(db, today=TODAY)] == ["PN-301"]
    issue_claim(db, None, "pass_numerique", 2026, 11)
    assert near_expiry(db, today=TODAY) == []


def test_the_desk_scans_but_only_the_treasurer_claims(db):
    from tierslieu_desktop.domain.permissions import Principal, Role
    from tierslieu_desktop.services.finance.voucher_claims import claims_near_expiry

    _visit(db, NOV, "PN-401", expiry=date(2026, 12, 31))
    db.principal = Principal(2, "Inès", frozenset({Role.MEDIATION}))
    assert [v.number for v in near_expiry(db, today=TODAY)] == ["PN-401"]
    for refused in (
        lambda: issue_claim(db, None, "pass_numerique", 2026, 11),
        lambda: claims_near_expiry(db, today=TODAY),
    ):
        with pytest.raises(DomainError) as err:
            refused()
        assert err.value.code == "not_permitted"
    db.principal = Principal(3, "Paul", frozenset({Role.TRESORERIE}))
    assert issue_claim(db, None, "pass_numerique", 2026, 11).reference == "PASSNUM-2026-11"
    with pytest.raises(DomainError):
        near_expiry(db, today=TODAY)  # the desk's list: the cyber-base's permission


def test_a_claim_and_its_reimbursement_are_in_the_audit_trail(db):
    """Who claimed which numbers, who recorded the reimbursement: the journal says it
    (test_audit_trail's table excuses the two functions on the strength of this test)."""
    from sqlalchemy import select

    from tierslieu_desktop.db.models import AuditEntry
    from tierslieu_desktop.services.people.operators import create_operator

    def audited():
        with db.read() as s:
            return [
                (e.entity, e.action, e.operator_id)
                for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
            ]

    op = create_operator(db, "Trésorière")
    _visit(db, NOV, "PN-101", "PN-102")
    before = len(audited())
    issue_claim(db, op, "pass_numerique", 2026, 11)
    claimed = audited()[before:]
    assert claimed and {who for _, _, who in claimed} == {op}
    assert {entity for entity, _, _ in claimed} >= {"drop_in_voucher"}
    before = len(audited())
    record_reimbursement(
        db, op, "pass_numerique", "PASSNUM-2026-11", date(2026, 12, 15), today=TODAY
    )
    settled = audited()[before:]
    assert ("voucher_settlement", "create", op) in settled
