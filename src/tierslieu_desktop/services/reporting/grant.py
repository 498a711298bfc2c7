"""The funder report (compte rendu financier, in the spirit of CERFA 15059*02) of a grant.

Planned vs actual budget of the financed action in the CERFA categories, the grant's
payments, activity indicators over the grant's period, a signature block.

- PLANNED = ``Grant.planned_budget`` (cents by key). Keys are the CERFA categories below
  (``CHARGE_CATEGORIES`` / ``PRODUCT_CATEGORIES``: the account class, "60" achats, "64"
  personnel, "74" subventions…, as the grant form of the Finances page stores them;
  "60_x" is read as "60"); an unknown key is printed as is on the charges side.
- ACTUAL charges = expenses linked to the grant (Expense.grant_id) in the grant's period,
  by category (consumables, energy → 60 achats; rent, maintenance → 61 services
  extérieurs; other → 62 autres services extérieurs; staff → 64; depreciation → 68), plus
  the depreciation over the period of the machines the grant financed (GrantMachine).
- ACTUAL products = this grant's granted amount (74 subventions; 75 for a donation or a
  private funder: mécénat, dons) and the charged price of the usages of the financed
  machines in the period (70; none when the grant finances no machine).
- Indicators: usages, hours, distinct users and people (head-count) on the financed
  machines over the period (all machines when the grant finances none).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table
from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Expense, Machine, Usage, UsageCharge
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.reports.layout import (
    CONTENT_W,
    LEVEL_LABELS,
    NATURE_LABELS,
    bar_chart,
    build_pdf,
    esc,
    euros,
    hours,
    label,
    logo_image,
    money,
    number,
    percent,
    styles,
    table,
)
from tierslieu_desktop.reports.pdf_base import day

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
EXPENSE_TO_CERFA = {
    "consumables": "60",
    "energy": "60",
    "rent": "61",
    "maintenance": "61",
    "other": "62",
    "staff": "64",
    "depreciation": "68",
}
DEFAULT_DEPRECIATION_YEARS = 5


@dataclass(frozen=True)
class GrantFigures:
    grant: object  # services.finance.funding.GrantRow
    planned: dict[str, int]
    actual: dict[str, int]
    payments: list[tuple[int, date, int, str]]
    machines: list[tuple[str, int, int, int, int]]  # (name, usages, minutes, users, people)
    usages: int
    minutes: int
    users: int
    people: int


def grant_figures(db: Database, grant_id: int) -> GrantFigures:
    """Planned vs actual budget and indicators of a grant (see the module docstring)."""
    from tierslieu_desktop.services.finance import funding as finance

    g = finance.get_grant(db, grant_id)
    payments = finance.grant_payments(db, grant_id)
    start_utc = local_day_bounds(g.period_start)[0]
    end_utc = local_day_bounds(g.period_end)[1]
    actual: dict[str, int] = {}
    with db.read() as s:
        for category, cents in s.execute(
            select(Expense.category, func.coalesce(func.sum(Expense.amount_cents), 0))
            .where(
                Expense.grant_id == grant_id,
                Expense.day >= g.period_start,
                Expense.day <= g.period_end,
            )
            .group_by(Expense.category)
        ):
            key = EXPENSE_TO_CERFA.get(category, "62")
            actual[key] = actual.get(key, 0) + int(cents)
        machine_ids = list(g.machine_ids)
        depreciation = 0
        period_days = (g.period_end - g.period_start).days + 1
        for m in s.scalars(select(Machine).where(Machine.id.in_(machine_ids))):
            if m.purchase_value_cents:
                years = m.depreciation_years or DEFAULT_DEPRECIATION_YEARS
                depreciation += (
                    m.purchase_value_cents * min(period_days, 365 * years) // (365 * years)
                )
        if depreciation:
            actual["68"] = actual.get("68", 0) + depreciation
        usage_filter = [Usage.start_at >= start_utc, Usage.start_at < end_utc]
        if machine_ids:
            usage_filter.append(Usage.machine_id.in_(machine_ids))
        else:
            usage_filter.append(Usage.machine_id.is_not(None))
        charged = s.scalar(
            select(func.coalesce(func.sum(UsageCharge.charged_cents), 0))
            .join(Usage, Usage.id == UsageCharge.usage_id)
            .where(*usage_filter)
        )
        rows = s.execute(
            select(
                Machine.name,
                Usage.minutes,
                func.coalesce(Usage.organisation_id, Usage.member_id),
                Usage.headcount,
            )
            .join(Machine, Machine.id == Usage.machine_id)
            .where(*usage_filter)
        ).all()
    if charged and machine_ids:
        actual["70"] = int(charged)
    if g.granted_cents:
        private = g.nature == "donation" or g.sector == "private"
        key = "75" if private else "74"
        actual[key] = actual.get(key, 0) + g.granted_cents
    per_machine: dict[str, list] = {}
    all_users: set[int] = set()
    for name, minutes, who, headcount in rows:
        entry = per_machine.setdefault(name, [0, 0, set(), 0])
        entry[0] += 1
        entry[1] += minutes
        if who is not None:
            entry[2].add(who)
            all_users.add(who)
        entry[3] += headcount or 1
    machines = [
        (n, e[0], e[1], len(e[2]), e[3])
        for n, e in sorted(per_machine.items(), key=lambda kv: -kv[1][1])
    ]
    return GrantFigures(
        grant=g,
        planned=_planned(g.planned_budget or {}),
        actual=actual,
        payments=payments,
        machines=machines,
        usages=len(rows),
        minutes=sum(r[1] for r in rows),
        users=len(all_users),
        people=sum(m[4] for m in machines),
    )


def _planned(raw: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, cents in raw.items():
        code = key.split("_")[0] if key[:2].isdigit() else key
        out[code] = out.get(code, 0) + int(cents)
    return out


def grant_report(db: Database, grant_id: int) -> bytes:
    """The funder report of one grant as PDF bytes (raises NotFound for an unknown id)."""
    from tierslieu_desktop.services.people.structure import get_structure

    f = grant_figures(db, grant_id)
    structure = get_structure(db)
    return _render(f, structure)


def _render(f: GrantFigures, structure) -> bytes:  # type: ignore[no-untyped-def]
    st = styles()
    g = f.grant
    name = structure.name or "Tiers-lieu"
    story: list = []
    image = logo_image(structure.logo, 40 * mm, 22 * mm)
    head = [
        Paragraph(esc(name), st["h2"]),
        Paragraph(
            esc(", ".join(p for p in (structure.postcode, structure.city) if p)), st["small"]
        ),
    ]
    if structure.siret:
        head.append(Paragraph(esc(f"SIRET {structure.siret}"), st["small"]))
    if structure.rna:
        head.append(Paragraph(esc(f"RNA {structure.rna}"), st["small"]))
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
    ident = [
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
    if g.actions:
        ident.append(
            ["Actions financées", Paragraph(esc(g.actions).replace("\n", "<br/>"), st["small"])]
        )
    story.append(table(ident, [45 * mm, CONTENT_W - 45 * mm], header=False, align_right_from=9))

    # budget -------------------------------------------------------------------------------
    story.append(Paragraph("Budget prévisionnel et réalisé de l'action", st["h2"]))

    def budget_rows(title: str, categories: dict[str, str], extra: list[str]) -> list[list]:
        rows: list[list] = [[title, "Prévu", "Réalisé", "Écart", "Réalisation"]]
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
                            f"Fait à {structure.city or '……………………'}, le ……………………",
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
