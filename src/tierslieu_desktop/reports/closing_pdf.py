"""The closing note of a period (day, month or year): its totals as stored when it was
closed, the perpetual grand total, and its fingerprint — the footprint of its entry in
the integrity chain, also kept in the anchor log outside the database and in the
archive's manifest — so that a printed or archived closing can be checked against the
file years later. Always French; input is a plain dict (``archives.closing_note_data``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, TableStyle

from tierslieu_desktop.domain.deposits import CashDay
from tierslieu_desktop.reports.layout import Table, build_pdf, esc, facts_table, styles
from tierslieu_desktop.reports.pdf_base import FONT_MONO, METHOD_LABELS, day_time, money

__all__ = ["closing_note_pdf", "fingerprint_lines"]


def fingerprint_lines(footprint: str) -> list[str]:
    """The 64 hexadecimal digits in groups of 8, on two lines (easy to read out and
    to compare)."""
    groups = [footprint[i : i + 8] for i in range(0, len(footprint), 8)]
    return [" ".join(groups[:4]), " ".join(groups[4:])]


def _period(kind: str, start: date, end: date) -> str:
    if kind == "day":
        return f"Clôture du jour {start:%d/%m/%Y}"
    if kind == "month":
        return f"Clôture du mois {start:%m/%Y}"
    return f"Clôture de l'année {start:%Y}"


def _plain(text: str) -> str:
    return text


def _bold(text: str) -> str:
    return f"<b>{text}</b>"


def closing_note_pdf(data: dict[str, Any]) -> bytes:
    """``data``: kind, period_start, period_end (dates), closed_at (aware datetime),
    totals (the stored totals dict), total_incl_cents, perpetual_total_cents,
    footprint (64 hex digits or None), structure_name; cash (domain.deposits.CashDay or
    None): the till over the period — float, cash in and out, deposits — computed from
    the rows when printed, outside the sealed totals."""
    st = styles()
    cell = st["body"].clone("cell", spaceAfter=0)
    title = _period(data["kind"], data["period_start"], data["period_end"])
    totals: dict[str, Any] = data["totals"]
    closed_at: datetime = data["closed_at"]
    story: list = []
    if data.get("structure_name"):
        story.append(Paragraph(f"<b>{esc(data['structure_name'])}</b>", st["body"]))
    story.append(Paragraph(esc(title), st["h1"]))
    story.append(
        Paragraph(
            f"Période du {data['period_start']:%d/%m/%Y} au {data['period_end']:%d/%m/%Y}, "
            f"clôturée le {day_time(closed_at)}.",
            st["body"],
        )
    )
    inv, cn = totals.get("invoices", {}), totals.get("credit_notes", {})
    rows = [
        ("Factures", f"{inv.get('count', 0)} — {money(inv.get('total_incl_cents', 0))} TTC"),
        ("Avoirs", f"{cn.get('count', 0)} — {money(cn.get('total_incl_cents', 0))} TTC"),
        ("Total net TTC", money(data["total_incl_cents"])),
        ("Total net HT", money(totals.get("net_excl_cents", 0))),
        ("Total perpétuel", money(data["perpetual_total_cents"])),
    ]
    numbers = totals.get("invoice_numbers") or []
    if numbers:
        rows.append(("Numéros de factures", f"{numbers[0]} à {numbers[-1]}"))
    for rate_bp, vat in sorted(totals.get("vat_by_rate", {}).items(), key=lambda i: int(i[0])):
        rows.append(
            (
                f"TVA {int(rate_bp) / 100:g} %".replace(".", ","),
                f"base {money(vat['base_excl_cents'])}, TVA {money(vat['vat_cents'])}",
            )
        )
    for method, cents in sorted(totals.get("payments_by_method", {}).items()):
        rows.append((f"Encaissé : {METHOD_LABELS.get(method, method)}", money(cents)))
    story.append(facts_table(rows, cell))
    cash: CashDay | None = data.get("cash")
    if cash is not None:
        story.append(Spacer(0, 4 * mm))
        story.append(Paragraph("Caisse (espèces)", st["h2"]))
        cash_rows = [
            ("Fond de caisse à l'ouverture", money(cash.opening_cents)),
            ("Espèces reçues", money(cash.received_cents)),
            ("Espèces remboursées", money(cash.refunded_cents)),
            ("Versées en banque", money(cash.deposited_cents)),
            ("Fond de caisse à la clôture (espèces attendues)", money(cash.closing_cents)),
        ]
        story.append(
            Table(
                [
                    [Paragraph(bold(esc(k)), cell), Paragraph(bold(esc(v)), cell)]
                    for (k, v), bold in zip(
                        cash_rows, [_plain] * (len(cash_rows) - 1) + [_bold], strict=True
                    )
                ],
                colWidths=[110 * mm, 40 * mm],
                style=TableStyle(
                    [
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                        ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey),
                    ]
                ),
                hAlign="LEFT",
            )
        )
        story.append(
            Paragraph(
                "Calculé à l'impression depuis les encaissements et les remises en banque "
                "(compte 530), hors des totaux scellés de la clôture.",
                st["small"],
            )
        )
    story.append(Spacer(0, 6 * mm))
    story.append(Paragraph("Empreinte de la clôture (chaîne d'intégrité)", st["h2"]))
    footprint = data.get("footprint")
    if footprint:
        mono = st["body"].clone("mono", fontName=FONT_MONO, fontSize=11, leading=14)
        story.append(Paragraph("<br/>".join(fingerprint_lines(footprint)), mono))
        story.append(
            Paragraph(
                "Cette empreinte SHA-256 scelle la clôture et tout ce qui a été scellé avant "
                "elle. Elle est aussi gardée hors de la base (journal d'ancrage, sauvegardes) "
                "et dans l'archive de la période : « tierslieu verify » signale toute "
                "différence.",
                st["small"],
            )
        )
    else:
        story.append(Paragraph("Aucune entrée de la chaîne pour cette clôture.", st["body"]))
    return build_pdf(story, title=title, footer=f"{data.get('structure_name') or ''} — {title}")
