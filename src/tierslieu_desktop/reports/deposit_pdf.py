"""The deposit slip ("bordereau de remise") handed to the bank with the cheques or the
cash: the lab, its bank account, the slip's number and day, the cheques (number, bank,
drawer, amount) with their count and total, or the cash amount. Always French; input is
domain.deposits.DepositSlip (services.billing.deposits.deposit_slip)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from tierslieu_desktop.domain.deposits import DepositSlip
from tierslieu_desktop.reports.layout import CONTENT_W, build_pdf, esc, facts_table, styles, table
from tierslieu_desktop.reports.pdf_base import iban_text, money

__all__ = ["deposit_slip_pdf", "deposit_slips_pdf", "slip_title"]


def slip_title(slip: DepositSlip) -> str:
    if slip.kind == "cheque":
        words = f"Bordereau de remise de chèques n° {slip.number}"
    elif slip.kind == "cash":
        words = f"Versement d'espèces n° {slip.number}"
    else:
        words = f"Règlement de bons n° {slip.number}"
    return f"Annulation — {words}" if slip.amount_cents < 0 else words


def _count(n: int) -> str:
    return f"{n} chèque" if n == 1 else f"{n} chèques"


def deposit_slip_pdf(slip: DepositSlip) -> bytes:
    return deposit_slips_pdf([slip])


def deposit_slips_pdf(slips: Sequence[DepositSlip]) -> bytes:
    """Several slips, one per page (the cheques and the cash of one trip to the bank)."""
    story: list = []
    for i, slip in enumerate(slips):
        if i:
            story.append(PageBreak())
        story += _slip_story(slip)
    first = slips[0]
    title = " — ".join(x.number for x in slips)
    return build_pdf(
        story,
        title=slip_title(first) if len(slips) == 1 else f"Remises {title}",
        footer=f"{first.structure_name} — Remise en banque {title}",
        numbered_cover=True,
    )


def _slip_story(slip: DepositSlip) -> list:
    st = styles()
    cell = st["body"].clone("cell", spaceAfter=0)
    title = slip_title(slip)
    story: list = []
    if slip.structure_name:
        story.append(Paragraph(f"<b>{esc(slip.structure_name)}</b>", st["body"]))
    story.append(Paragraph(esc(title), st["h1"]))
    facts = [("Date de la remise", f"{slip.day:%d/%m/%Y}")]
    if slip.iban:
        facts.append(("Compte crédité (IBAN)", iban_text(slip.iban)))
    if slip.bic:
        facts.append(("BIC", slip.bic))
    if slip.reference:
        facts.append(("Référence", slip.reference))
    if slip.cancels_number:
        facts.append(("Annule la remise", slip.cancels_number))
    if slip.cancelled_by:
        facts.append(("Annulée par", slip.cancelled_by))
    if slip.kind == "cash":
        facts.append(("Montant versé en espèces", money(abs(slip.amount_cents))))
    story.append(facts_table(facts, cell))
    story.append(Spacer(0, 5 * mm))
    if slip.cheques:
        rows: list[list[object]] = [["N° du chèque", "Banque", "Tireur", "Reçu le", "Montant"]]
        small = st["small"].clone("slipcell", fontSize=8.5, leading=10.5)
        for c in slip.cheques:
            rows.append(
                [
                    c.cheque_number or "—",
                    Paragraph(esc(c.bank), small),
                    Paragraph(esc(c.drawer), small),
                    f"{c.day:%d/%m/%Y}",
                    money(c.amount_cents),
                ]
            )
        total = sum(c.amount_cents for c in slip.cheques)
        rows.append([_count(len(slip.cheques)), "", "", "Total", money(total)])
        widths = [32 * mm, 42 * mm, CONTENT_W - 124 * mm, 22 * mm, 28 * mm]
        story.append(table(rows, widths, total=True, align_right_from=4))
    story.append(Spacer(0, 10 * mm))
    story.append(Paragraph("Signature du déposant :", st["body"]))
    return story
