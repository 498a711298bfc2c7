"""A monthly Pass numérique claim list (« demande de remboursement », issue 22): the
structure, the issuer, the month, each voucher (number, day of the visit, expiry, face
value) with the count and total — as a PDF to send or print, and as a CSV (French
spreadsheet conventions: ``;``, decimal comma). Always French; input is
domain.mediation.VoucherClaim (services.finance.voucher_claims)."""

from __future__ import annotations

import csv
import io

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from tierslieu_desktop.domain.mediation import VoucherClaim
from tierslieu_desktop.reports.layout import CONTENT_W, build_pdf, esc, facts_table, styles, table
from tierslieu_desktop.reports.pdf_base import money
from tierslieu_desktop.reports.sheets import csv_value

CSV_HEADERS = ("N° du bon", "Date du passage", "Valable jusqu'au", "Valeur (€)")


def claim_title(claim: VoucherClaim) -> str:
    return f"Demande de remboursement {claim.issuer_label} — {claim.first_day:%m/%Y}"


def _count(n: int) -> str:
    return f"{n} bon" if n == 1 else f"{n} bons"


def claim_csv(claim: VoucherClaim) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for v in claim.vouchers:
        writer.writerow(
            [
                csv_value(v.number),
                csv_value(v.day),
                csv_value(v.expires_on),
                f"{v.value_cents / 100:.2f}".replace(".", ","),
            ]
        )
    total = f"{claim.total_cents / 100:.2f}".replace(".", ",")
    writer.writerow([_count(len(claim.vouchers)), "", "Total", total])
    return out.getvalue().encode("utf-8-sig")


def claim_pdf(claim: VoucherClaim) -> bytes:
    st = styles()
    cell = st["body"].clone("cell", spaceAfter=0)
    story: list = []
    if claim.structure:
        story.append(Paragraph(f"<b>{esc(claim.structure)}</b>", st["body"]))
    story.append(Paragraph(esc(claim_title(claim)), st["h1"]))
    facts = [
        ("Émetteur des bons", claim.issuer_label),
        ("Passages du", f"{claim.first_day:%d/%m/%Y} au {claim.last_day:%d/%m/%Y}"),
    ]
    if claim.siret:
        facts.append(("SIRET de la structure", claim.siret))
    if claim.reference:
        facts.append(("Référence de la demande", claim.reference))
    else:
        facts.append(("Référence de la demande", "aperçu — pas encore envoyée"))
    if claim.issued_on:
        facts.append(("Établie le", f"{claim.issued_on:%d/%m/%Y}"))
    facts.append(("Nombre de bons", _count(len(claim.vouchers))))
    facts.append(("Montant demandé", money(claim.total_cents)))
    if claim.reimbursed_cents is not None:
        facts.append(("Remboursé", money(claim.reimbursed_cents)))
    story.append(facts_table(facts, cell))
    story.append(Spacer(0, 5 * mm))
    rows: list[list[object]] = [["N° du bon", "Passage du", "Valable jusqu'au", "Valeur"]]
    for v in claim.vouchers:
        rows.append(
            [
                v.number,
                f"{v.day:%d/%m/%Y}",
                f"{v.expires_on:%d/%m/%Y}" if v.expires_on else "—",
                money(v.value_cents),
            ]
        )
    rows.append([_count(len(claim.vouchers)), "", "Total", money(claim.total_cents)])
    widths = [60 * mm, 35 * mm, 35 * mm, CONTENT_W - 130 * mm]
    story.append(table(rows, widths, total=True, align_right_from=3))
    story.append(Spacer(0, 10 * mm))
    story.append(Paragraph("Certifié exact, le responsable de la structure :", st["body"]))
    return build_pdf(
        story,
        title=claim_title(claim),
        footer=f"{claim.structure} — {claim.reference or claim_title(claim)}",
        numbered_cover=True,
    )
