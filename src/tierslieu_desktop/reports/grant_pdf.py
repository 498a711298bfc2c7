"""The funder report of a grant (compte rendu financier, in the spirit of CERFA
15059*02): identification of the grant, planned vs actual budget by CERFA account class,
the payments, the activity indicators, a signature block. Always French, DejaVu fonts.
Input is the plain ``domain.reports.GrantFigures`` and the structure's ``Letterhead``
(figures and definitions: ``services.reporting.grant``)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from tierslieu_desktop.domain.reports import GrantFigures, Letterhead
from tierslieu_desktop.reports.layout import (
    CONTENT_W,
    LEVEL_LABELS,
    NATURE_LABELS,
    Table,
    bar_chart,
    build_pdf,
    esc,
    euros,
    hours,
    label,
    logo_image,
    money,
    number,
    paragraphs,
    percent,
    styles,
    table,
)
from tierslieu_desktop.reports.pdf_base import address_lines, day, group_digits

__all__ = ["CHARGE_CATEGORIES", "PRODUCT_CATEGORIES", "render_grant"]

# The CERFA account classes of the budget, charges and products ("60_x" is read as "60").
CHARGE_CATEGORIES = {
    "60": "60 – Achats",
    "61": "61 – Services extérieurs",
    "62": "62 – Autres services extérieurs",
    "63": "63 – Impôts et taxes",
    "64": "64 – Charges de personnel",
    "65": "65 – Autres charges de gestion courante",
    "66": "66 – Charges financières",
    "67": "67 – Charges exceptionnelles",
    "68": "68 – Dotations aux amortissements",
    "86": "86 – Emplois des contributions volontaires en nature",
}
PRODUCT_CATEGORIES = {
    "70": "70 – Ventes de produits finis, prestations de services",
    "74": "74 – Subventions d'exploitation",
    "75": "75 – Autres produits de gestion courante (cotisations, dons)",
    "76": "76 – Produits financiers",
    "77": "77 – Produits exceptionnels",
    "87": "87 – Contributions volontaires en nature",
}


def render_grant(f: GrantFigures, letterhead: Letterhead) -> bytes:
    """The funder report as PDF bytes."""
    st = styles()
    g = f.grant
    name = letterhead.name or "Tiers-lieu"
    story: list[Flowable] = []
    image = logo_image(letterhead.logo, 40 * mm, 22 * mm)
    head = [Paragraph(esc(name), st["h2"])]
    # The full postal address (street, postcode and commune) and the SIRET in its usual
    # groups "123 456 789 00012", as on the structure's invoices.
    where = address_lines(
        {"address": letterhead.address, "postcode": letterhead.postcode, "city": letterhead.city}
    )
    if where:
        head.append(Paragraph("<br/>".join(esc(line) for line in where), st["small"]))
    if letterhead.siret:
        siret = group_digits(letterhead.siret, (3, 3, 3, 5))
        head.append(Paragraph(esc(f"SIRET {siret}"), st["small"]))
    if letterhead.rna:
        head.append(Paragraph(esc(f"RNA {letterhead.rna}"), st["small"]))
    story.append(
        Table(
            [[image or "", head]],
            colWidths=[45 * mm, CONTENT_W - 45 * mm],
            style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
        )
    )
    story += [
        Spacer(1, 4 * mm),
        Paragraph("Compte rendu financier de l'action subventionnée", st["h1"]),
        Paragraph(
            "Dans l'esprit du formulaire CERFA n° 15059*02 (loi n° 2000-321 du 12 avril 2000, "
            "art. 10)",
            st["small"],
        ),
        Spacer(1, 3 * mm),
    ]
    granted = money(g.granted_cents) if g.granted_cents is not None else "non encore accordé"
    ident: list[list[object]] = [
        ["Financeur", f"{g.funder_name} ({label(LEVEL_LABELS, g.level)})"],
        ["Objet", Paragraph(esc(g.purpose), st["small"])],
        ["Nature", label(NATURE_LABELS, g.nature)],
        ["Période de l'action", f"du {day(g.period_start)} au {day(g.period_end)}"],
        [
            "Montant demandé",
            money(g.requested_cents) + (f" le {day(g.requested_on)}" if g.requested_on else ""),
        ],
        ["Montant accordé", granted + (f" le {day(g.granted_on)}" if g.granted_on else "")],
        ["Montant encaissé", money(g.received_cents)],
    ]
    story.append(table(ident, [45 * mm, CONTENT_W - 45 * mm], header=False, align_right_from=9))
    if g.actions:
        # Below the table, not in a cell: a long text flows onto the next page (a table
        # row taller than a page cannot be drawn).
        story.append(Paragraph("Actions financées", st["h2"]))
        story += paragraphs(g.actions, st["small"])

    # budget -------------------------------------------------------------------------------
    story.append(Paragraph("Budget prévisionnel et réalisé de l'action", st["h2"]))

    def budget_rows(title: str, categories: dict[str, str], extra: list[str]) -> list[list[object]]:
        rows: list[list[object]] = [[title, "Prévu", "Réalisé", "Écart", "Réalisation"]]
        total_p = total_a = 0
        for key in [*categories, *extra]:
            planned = f.planned.get(key, 0)
            actual = f.actual.get(key, 0)
            if not planned and not actual:
                continue
            total_p += planned
            total_a += actual
            rows.append(
                [
                    categories.get(key, key),
                    money(planned),
                    money(actual),
                    money(actual - planned),
                    percent(actual * 10000 // planned) if planned else "—",
                ]
            )
        rows.append(
            [
                "Total",
                money(total_p),
                money(total_a),
                money(total_a - total_p),
                percent(total_a * 10000 // total_p) if total_p else "—",
            ]
        )
        return rows

    known = set(CHARGE_CATEGORIES) | set(PRODUCT_CATEGORIES)
    unknown = sorted(k for k in set(f.planned) | set(f.actual) if k not in known)
    widths = [72 * mm, 26 * mm, 26 * mm, 26 * mm, 24 * mm]
    if not f.planned:
        story.append(
            Paragraph(
                "Aucun budget prévisionnel n'a été saisi pour cette subvention : seules les "
                "réalisations sont indiquées.",
                st["small"],
            )
        )
    story += [
        table(budget_rows("Charges", CHARGE_CATEGORIES, unknown), widths, total=True),
        Spacer(1, 3 * mm),
        table(budget_rows("Produits", PRODUCT_CATEGORIES, []), widths, total=True),
    ]
    charges = [k for k in [*CHARGE_CATEGORIES, *unknown] if f.planned.get(k) or f.actual.get(k)]
    if charges:
        story.append(
            bar_chart(
                "Charges : prévu et réalisé (€)",
                list(charges),
                [
                    ("Prévu", [euros(f.planned.get(k, 0)) for k in charges]),
                    ("Réalisé", [euros(f.actual.get(k, 0)) for k in charges]),
                ],
                height=50 * mm,
            )
        )

    # payments ------------------------------------------------------------------------------
    rows = [["Versement", "Date", "Montant"]]
    for i, (_pid, received_on, amount, note) in enumerate(f.payments, 1):
        rows.append(
            [f"Versement {i}" + (f" — {note}" if note else ""), day(received_on), money(amount)]
        )
    rows.append(["Total encaissé", "", money(sum(p[2] for p in f.payments))])
    story += [
        Paragraph("Versements de la subvention", st["h2"]),
        table(rows, [100 * mm, 35 * mm, 35 * mm], total=True),
    ]

    # indicators -----------------------------------------------------------------------------
    scope = "machines financées" if g.machine_ids else "ensemble des machines"
    rows = [["Machine", "Utilisations", "Heures", "Usagers", "Personnes"]]
    for n, usages, minutes, users, people in f.machines:
        rows.append([n, number(usages), hours(minutes), number(users), number(people)])
    rows.append(["Total", number(f.usages), hours(f.minutes), number(f.users), number(f.people)])
    story += [
        Paragraph(f"Indicateurs d'activité ({scope}, sur la période)", st["h2"]),
        table(rows, [70 * mm, 26 * mm, 26 * mm, 26 * mm, 26 * mm], total=True),
    ]

    # signature ------------------------------------------------------------------------------
    story.append(
        KeepTogether(
            [
                Spacer(1, 8 * mm),
                Paragraph(
                    esc(
                        f"Je soussigné(e), ……………………………………, représentant(e) légal(e) de "
                        f"{name}, certifie exactes les informations du présent compte rendu."
                    ),
                    st["body"],
                ),
                Spacer(1, 4 * mm),
                Table(
                    [
                        [
                            f"Fait à {letterhead.city or '……………………'}, le ……………………",
                            "Signature et cachet",
                        ],
                        ["", ""],
                    ],
                    colWidths=[CONTENT_W / 2, CONTENT_W / 2],
                    rowHeights=[6 * mm, 25 * mm],
                    style=[
                        ("FONT", (0, 0), (-1, -1), "TLSans", 9),
                        ("BOX", (1, 1), (1, 1), 0.5, "#5a6a73"),
                    ],
                ),
            ]
        )
    )
    return build_pdf(
        story,
        title=f"Compte rendu financier — {g.purpose}",
        footer=f"{name} — compte rendu financier — {g.funder_name}",
        numbered_cover=True,
    )
