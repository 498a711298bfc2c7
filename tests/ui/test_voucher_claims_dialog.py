"""Caisse › Règlements des émetteurs › Demandes de remboursement (issue 22): the month's
Pass numérique numbers made into a claim saved as PDF and CSV, then its reimbursement
recorded; a voucher close to expiry is said at the top."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate

from tierslieu_desktop.domain.calendar import local_dt, to_local, utcnow
from tierslieu_desktop.services.activity.dropins import DropInInput, log_drop_in
from tierslieu_desktop.services.finance.vouchers import outstanding
from tierslieu_desktop.ui.pages.checkout.voucher_claims_dialog import VoucherClaimsDialog


def test_a_month_claimed_saved_then_reimbursed(ctx, qtbot, tmp_path, monkeypatch):
    today = to_local(utcnow()).date()
    visit_day = date(today.year, today.month, 1) - timedelta(days=20)  # last month or so
    log_drop_in(
        ctx.db,
        None,
        DropInInput(
            at=local_dt(visit_day, 600),
            voucher_numbers=("PN-1", "PN-2"),
            voucher_expiry=today + timedelta(days=10),
        ),
    )
    monkeypatch.setattr("tierslieu_desktop.ui.desktop_files.announce_saved", lambda *a, **k: None)
    dialog = VoucherClaimsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.expiry.isVisible() and "PN-1" in dialog.expiry.text()
    dialog.month.setDate(QDate(visit_day.year, visit_day.month, 1))
    assert dialog.preview.text().startswith("Bons à demander : 2")
    saved = dialog.issue(str(tmp_path / "demande.pdf"))
    assert saved.endswith("demande.pdf") and (tmp_path / "demande.csv").exists()
    assert not dialog.expiry.isVisible()  # claimed: no longer at risk
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "non"
    dialog.table.selectRow(0)
    assert dialog.record_paid()
    assert dialog.table.item(0, 2).text() == "oui"
    owed = {b.issuer: b for b in outstanding(ctx.db)}["pass_numerique"]
    assert owed.outstanding_count == 0 and owed.settled_cents == 2_000
    assert not dialog.paid_button.isEnabled()
