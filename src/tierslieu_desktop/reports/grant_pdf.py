"""The funder report of a grant (compte rendu financier, CERFA 15059*02): identification
of the grant, the action's budget planned / actual / gap by account (charges, then
products with every co-financer, the result line, in-kind 86/87), or an investment
grant's plan and machines, the payments, the activity indicators, the objectives and the
qualitative annex, a signature block. Always French, DejaVu fonts.

Input is the plain ``domain.reports.GrantFigures`` and the structure's ``Letterhead``
(figures and definitions: ``services.reporting.grant``). The story is made of section
functions (``SECTIONS``: each takes the figures and the letterhead and returns
flowables); ``render_grant(..., extra=...)`` inserts more sections before the signature."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, TableStyle

from tierslieu_desktop.domain.grant_budget import (
    ALLOC_KEY_LABELS,
    CHARGE,
    PRODUCT,
    SOURCE,
    USE,
    CerfaBudget,
    CerfaLine,
    gap_bp,
)
from tierslieu_desktop.domain.reports import GrantFigures, Letterhead
from tierslieu_desktop.reports.layout import (
    CONTENT_W,
    LEVEL_LABELS,
    NATURE_LABELS,
    Table,
    build_pdf,
    esc,
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
from tierslieu_desktop.reports.pdf_base import FONT_BOLD, address_lines, day, group_digits

__all__ = ["CHARGE_CATEGORIES", "PRODUCT_CATEGORIES", "SECTIONS", "Section", "render_grant"]

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
    "21": "21 – Immobilisations corporelles (acquisitions)",
}
PRODUCT_CATEGORIES = {
    "70": "70 – Ventes de produits finis, prestations de services",
    "74": "74 – Subventions d'exploitation",
    "75": "75 – Autres produits de gestion courante (cotisations, dons)",
    "756": "756 – Cotisations",
    "76": "76 – Produits financiers",
    "77": "77 – Quote-part des subventions d'investissement virée au résultat",
    "87": "87 – Contributions volontaires en nature",
    "13": "13 – Subventions d'investissement",
}
IN_KIND_LABELS = {
    "860": "860 – Secours en nature",
    "861": "861 – Mise à disposition gratuite de biens",
    "862": "862 – Prestations",
    "864": "864 – Personnel bénévole",
    "870": "870 – Bénévolat",
    "871": "871 – Prestations en nature",
    "875": "875 – Dons en nature",
}
TEXT_TITLES = {
    "objectives": "Objectifs de l'action",
    "done": "Actions réalisées",
    "publics": "Publics touchés",
    "partners": "Partenaires",
    "difficulties": "Difficultés rencontrées",
    "perspectives": "Perspectives",
}
TARGET_LABELS = {
    "users": "Usagers distincts",
    "hours": "Heures machines",
    "sessions": "Utilisations (séances)",
}
WIDTHS = [90 * mm, 23 * mm, 23 * mm, 22 * mm, 16 * mm]
Section = Callable[[GrantFigures, Letterhead], list[Flowable]]


def render_grant(f: GrantFigures, letterhead: Letterhead, extra: Sequence[Section] = ()) -> bytes:
    """The funder report as PDF bytes; ``extra`` sections come before the signature."""
    name = letterhead.name or "Tiers-lieu"
    story: list[Flowable] = []
    for section in [*SECTIONS[:-1], *extra, SECTIONS[-1]]:
        story += section(f, letterhead)
    return build_pdf(
        story,
        title=f"Compte rendu financier — {f.grant.purpose}",
        footer=f"{name} — compte rendu financier — {f.grant.funder_name}",
        numbered_cover=True,
    )


def header(f: GrantFigures, letterhead: Letterhead) -> list[Flowable]:
    """The structure (logo, name, full address, grouped SIRET, RNA) and the title."""
    st = styles()
    image = logo_image(letterhead.logo, 40 * mm, 22 * mm)
    head = [Paragraph(esc(letterhead.name or "Tiers-lieu"), st["h2"])]
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
    return [
        Table(
            [[image or "", head]],
            colWidths=[45 * mm, CONTENT_W - 45 * mm],
            style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
        ),
        Spacer(1, 4 * mm),
        Paragraph("Compte rendu financier de l'action subventionnée", st["h1"]),
        Paragraph(
            "Selon le formulaire CERFA n° 15059*02 (loi n° 2000-321 du 12 avril 2000, art. 10)",
            st["small"],
        ),
        Spacer(1, 3 * mm),
    ]


def identification(f: GrantFigures, _lh: Letterhead) -> list[Flowable]:
    st = styles()
    g = f.grant
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
    if f.key is not None:
        ident.append(["Clé de répartition", Paragraph(esc(key_sentence(f)), st["small"])])
    out: list[Flowable] = [
        table(ident, [45 * mm, CONTENT_W - 45 * mm], header=False, align_right_from=9)
    ]
    if g.actions:
        # Below the table, not in a cell: a long text flows onto the next page (a table
        # row taller than a page cannot be drawn).
        out.append(Paragraph("Actions financées", st["h2"]))
        out += paragraphs(g.actions, st["small"])
    return out


def key_sentence(f: GrantFigures) -> str:
    """« Clé de répartition des charges communes : 42 % (heures machines) » and its basis."""
    k = f.key
    if k is None:
        return ""
    text = (
        f"Clé de répartition des charges communes : {percent(k.share_bp)} "
        f"({ALLOC_KEY_LABELS.get(k.kind, k.kind)})"
    )
    if k.kind == "hours":
        text += f", soit {hours(k.part)} sur {hours(k.whole)} d'utilisation des machines"
    elif k.kind == "staff":
        text += (
            f", soit {money(k.part)} de charges de personnel affectées à l'action sur "
            f"{money(k.whole)}"
        )
    return text + "."


def _line_label(line: CerfaLine, investment: bool) -> str:
    if line.side in (USE, SOURCE):
        base = IN_KIND_LABELS.get(line.account, CHARGE_CATEGORIES.get(line.account, line.account))
        if line.side == SOURCE and line.label:
            return f"{base} : {line.label}"
        if line.side == SOURCE and line.account == "87":
            return PRODUCT_CATEGORIES["87"]
        return base
    if line.account == "21":
        return f"Acquisition : {line.label}" if line.label else CHARGE_CATEGORIES["21"]
    names = CHARGE_CATEGORIES if line.side == CHARGE else PRODUCT_CATEGORIES
    base = names.get(line.account, line.account)
    if line.own:
        short = {"74": "74 – Subvention", "75": "75 – Mécénat, dons", "13": "13 – Subvention"}
        return f"{short.get(line.account, base)} : {line.label} (présente subvention)"
    if line.label:
        prefix = {"74": "74 – Subvention", "75": "75 – Mécénat, dons", "13": "13 – Subvention"}
        return f"{prefix.get(line.account, base)} : {line.label}"
    return base


def _row(text: str, planned: int, actual: int) -> list[object]:
    return [
        text,
        money(planned),
        money(actual),
        money(actual - planned),
        percent(gap_bp(planned, actual)),
    ]


def _budget_table(rows: list[list[object]], bold: list[int]) -> Table:
    t = table(rows, WIDTHS)
    t.setStyle(
        TableStyle(
            [("FONT", (1, i), (-1, i), FONT_BOLD, 8.5) for i in bold]
            + [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#eef3f5")) for i in bold]
        )
    )
    return t


def budget_tables(budget: CerfaBudget, investment: bool = False) -> list[Flowable]:
    """Charges then products (prévu, réalisé, écart, écart %), the result line on the
    side that makes both totals equal, then the in-kind uses and sources."""
    p_res, a_res = budget.result("planned"), budget.result("actual")
    if investment:
        titles = ("Dépenses d'investissement", "Ressources")
        results = ("Excédent de financement", "Autofinancement (fonds propres de la structure)")
        totals = ("Total des dépenses", "Total des ressources")
    else:
        titles = ("Charges", "Produits")
        results = ("Excédent de l'action (résultat)", "Déficit de l'action (résultat)")
        totals = ("Total des charges", "Total des produits")
    charges = _budget_half(
        budget, investment, titles[0], CHARGE, USE, (results[0], p_res, a_res), totals[0]
    )
    products = _budget_half(
        budget, investment, titles[1], PRODUCT, SOURCE, (results[1], -p_res, -a_res), totals[1]
    )
    return [charges, Spacer(1, 3 * mm), products]


def _budget_half(
    budget: CerfaBudget,
    investment: bool,
    title: str,
    side: str,
    in_kind: str,
    result: tuple[str, int, int],
    total_label: str,
) -> Table:
    """One side of the budget: its lines, the result line when it falls on this side
    (positive), its total, then its in-kind lines and the total with them."""
    rows: list[list[object]] = [[title, "Prévu", "Réalisé", "Écart", "Écart %"]]
    for line in budget.side(side):
        rows.append(_row(_line_label(line, investment), line.planned, line.actual))
    label, planned_result, actual_result = result
    if planned_result > 0 or actual_result > 0:
        rows.append(_row(label, max(planned_result, 0), max(actual_result, 0)))
    planned, actual = (
        (budget.total_charges("planned"), budget.total_charges("actual"))
        if side == CHARGE
        else (budget.total_products("planned"), budget.total_products("actual"))
    )
    rows.append(_row(total_label, planned, actual))
    bold = [len(rows) - 1]
    lines = budget.side(in_kind)
    if lines:
        for line in lines:
            rows.append(_row(_line_label(line, investment), line.planned, line.actual))
        rows.append(
            _row(
                "Total général (avec les contributions en nature)",
                planned + budget.total(in_kind, "planned"),
                actual + budget.total(in_kind, "actual"),
            )
        )
        bold.append(len(rows) - 1)
    return _budget_table(rows, bold)


def budget(f: GrantFigures, _lh: Letterhead) -> list[Flowable]:
    st = styles()
    investment = f.grant.nature == "investment"
    title = (
        "Plan de financement de l'investissement : prévu et réalisé"
        if investment
        else "Budget de l'action : prévu et réalisé"
    )
    out: list[Flowable] = [Paragraph(title, st["h2"])]
    if not f.planned:
        out.append(
            Paragraph(
                "Aucun budget prévisionnel n'a été saisi pour cette subvention : seules les "
                "réalisations sont indiquées.",
                st["small"],
            )
        )
    out += budget_tables(f.budget, investment)
    if f.key is not None:
        note = (
            "La clé de répartition s'applique aux charges de la période non affectées à "
            "l'action, aux recettes propres, aux autres subventions de la période (les "
            "cofinanceurs) et aux contributions en nature ; les charges affectées à l'action "
            "y sont comptées en entier."
        )
        out.append(Paragraph(esc(note), st["small"]))
    elif investment:
        out.append(
            Paragraph(
                "Les dépenses sont le coût d'acquisition des machines financées ; "
                "l'autofinancement est la part restant à la charge de la structure.",
                st["small"],
            )
        )
    return out


def investment_machines(f: GrantFigures, _lh: Letterhead) -> list[Flowable]:
    """An investment grant's machines: cost, the grant's share, depreciation, use."""
    if not f.investment:
        return []
    st = styles()
    rows: list[list[object]] = [
        ["Machine", "Achat", "Coût", "Part financée", "Amortissement", "Virée au résultat"]
    ]
    for m in f.investment:
        bought = day(m.purchase_date) if m.purchase_date else "—"
        rows.append(
            [
                m.name,
                bought,
                money(m.cost_cents),
                money(m.grant_share_cents),
                money(m.depreciation_cents),
                money(m.released_cents),
            ]
        )
    rows.append(
        [
            "Total",
            "",
            money(sum(m.cost_cents for m in f.investment)),
            money(sum(m.grant_share_cents for m in f.investment)),
            money(sum(m.depreciation_cents for m in f.investment)),
            money(sum(m.released_cents for m in f.investment)),
        ]
    )
    widths = [42 * mm, 20 * mm, 24 * mm, 26 * mm, 28 * mm, 34 * mm]
    use: list[list[object]] = [["Machine", "Utilisations", "Heures", "Usagers", "Recettes"]]
    for m in f.investment:
        use.append(
            [m.name, number(m.usages), hours(m.minutes), number(m.users), money(m.revenue_cents)]
        )
    g = f.grant
    return [
        Paragraph("Machines financées", st["h2"]),
        table(rows, widths, total=True),
        Paragraph(
            esc(
                f"Amortissement et quote-part de la subvention virée au résultat du "
                f"{day(g.period_start)} au {day(g.period_end)} ; part financée au prorata du "
                "coût de chaque machine."
            ),
            st["small"],
        ),
        Spacer(1, 3 * mm),
        table(use, [70 * mm, 26 * mm, 26 * mm, 26 * mm, 26 * mm]),
    ]


def payments(f: GrantFigures, _lh: Letterhead) -> list[Flowable]:
    st = styles()
    rows: list[list[object]] = [["Versement", "Date", "Montant"]]
    for i, (_pid, received_on, amount, note) in enumerate(f.payments, 1):
        rows.append(
            [f"Versement {i}" + (f" — {note}" if note else ""), day(received_on), money(amount)]
        )
    rows.append(["Total encaissé", "", money(sum(p[2] for p in f.payments))])
    return [
        Paragraph("Versements de la subvention", st["h2"]),
        table(rows, [100 * mm, 35 * mm, 35 * mm], total=True),
    ]


def indicators(f: GrantFigures, _lh: Letterhead) -> list[Flowable]:
    st = styles()
    scope = "machines financées" if f.grant.machine_ids else "ensemble des machines"
    rows: list[list[object]] = [["Machine", "Utilisations", "Heures", "Usagers", "Personnes"]]
    for n, usages, minutes, users, people in f.machines:
        rows.append([n, number(usages), hours(minutes), number(users), number(people)])
    rows.append(["Total", number(f.usages), hours(f.minutes), number(f.users), number(f.people)])
    return [
        Paragraph(f"Indicateurs d'activité ({scope}, sur la période)", st["h2"]),
        table(rows, [70 * mm, 26 * mm, 26 * mm, 26 * mm, 26 * mm], total=True),
    ]


def objectives(f: GrantFigures, _lh: Letterhead) -> list[Flowable]:
    """The numeric objectives against what the data shows."""
    if not f.objectives:
        return []
    st = styles()
    rows: list[list[object]] = [["Objectif", "Visé", "Atteint", "Réalisation"]]
    for name, target, achieved in f.objectives:
        rows.append(
            [
                TARGET_LABELS.get(name, name),
                number(target),
                number(achieved),
                percent(achieved * 10000 // target) if target else "—",
            ]
        )
    return [
        Paragraph("Objectifs chiffrés et réalisations", st["h2"]),
        table(rows, [80 * mm, 30 * mm, 30 * mm, 30 * mm]),
    ]


def annex(f: GrantFigures, _lh: Letterhead) -> list[Flowable]:
    """The qualitative annex: the grant's texts, section by section; the publics reached
    with their figures."""
    st = styles()
    out: list[Flowable] = []
    for key, title in TEXT_TITLES.items():
        text = f.texts.get(key, "")
        if key == "publics":
            facts = (
                f"Sur la période : {number(f.users)} usagers distincts, {number(f.usages)} "
                f"utilisations, {hours(f.minutes)} d'utilisation des machines."
            )
            text = f"{text}\n\n{facts}" if text else facts
        if text:
            out.append(Paragraph(title, st["h2"]))
            out += paragraphs(text, st["small"])
    if out:
        out.insert(0, Paragraph("Annexe qualitative", st["h1"]))
    return out


def signature(_f: GrantFigures, letterhead: Letterhead) -> list[Flowable]:
    st = styles()
    name = letterhead.name or "Tiers-lieu"
    return [
        KeepTogether(
            [
                Spacer(1, 3 * mm),
                Paragraph(
                    esc(
                        f"Je soussigné(e), ……………………………………, représentant(e) légal(e) de "
                        f"{name}, certifie exactes les informations du présent compte rendu."
                    ),
                    st["body"],
                ),
                Spacer(1, 2 * mm),
                Table(
                    [
                        [
                            f"Fait à {letterhead.city or '……………………'}, le ……………………",
                            "Signature et cachet",
                        ],
                        ["", ""],
                    ],
                    colWidths=[CONTENT_W / 2, CONTENT_W / 2],
                    rowHeights=[6 * mm, 16 * mm],
                    style=[
                        ("FONT", (0, 0), (-1, -1), "TLSans", 9),
                        ("BOX", (1, 1), (1, 1), 0.5, "#5a6a73"),
                    ],
                ),
            ]
        )
    ]


# The report, section by section (the signature last).
SECTIONS: tuple[Section, ...] = (
    header,
    identification,
    budget,
    investment_machines,
    payments,
    indicators,
    objectives,
    annex,
    signature,
)
