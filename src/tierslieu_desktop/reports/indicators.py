"""The indicators funders ask for, drawn: users and new users by public, age band,
gender and situation; communes inside / outside the communauté de communes with the QPV
and ZRR counts; opening hours; staff and volunteers; budget vs actual. Plain data in
(``domain.reports.AudienceIndicators``, ``BudgetLineFigures``), ReportLab flowables or
spreadsheet tables out, always French.

``audience_section(indicators)`` is what a report calls (the annual report, the grant
report); ``audience_tables`` gives the same figures as (sheet title, headers, rows) for
an XLSX workbook (``reports.sheets.write_sheet``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from tierslieu_desktop.domain.reports import (
    AGE_BAND_FR,
    GENDER_FR,
    SITUATION_FR,
    STAFF_KIND_FR,
    AudienceIndicators,
    Breakdown,
    BudgetLineFigures,
    key_label,
)
from tierslieu_desktop.reports.layout import (
    COST_LABELS,
    OWN_LABELS,
    esc,
    hours,
    key_figures,
    label,
    money,
    number,
    styles,
    table,
)
from tierslieu_desktop.reports.pdf_base import day

MAX_COMMUNES = 12
BREAKDOWN_WIDTHS = [70 * mm, 30 * mm, 30 * mm, 30 * mm]
REVENUE_LABELS = {**OWN_LABELS, "public": "Financements publics", "private": "Soutiens privés"}

Table = tuple[str, list[str], list[list[Any]]]  # (title, headers, rows)


def _breakdowns(ind: AudienceIndicators) -> list[tuple[str, str, tuple[Breakdown, ...]]]:
    return [
        ("Public", "public", ind.by_public),
        ("Tranche d'âge", "age", ind.by_age_band),
        ("Genre", "gender", ind.by_gender),
        ("Situation", "situation", ind.by_situation),
    ]


def _label(kind: str, key: str | None) -> str:
    labels = {"age": AGE_BAND_FR, "gender": GENDER_FR, "situation": SITUATION_FR}.get(kind, {})
    return key_label(labels, key)


# Neither a shipped list nor the lab's: where to type it.
NO_LIST = "liste non fournie, à saisir dans Paramètres › Structure"


def _zone_rows(ind: AudienceIndicators) -> list[list[Any]]:
    cc = ind.epci_name or "la communauté de communes (commune de la structure non identifiée)"
    rows: list[list[Any]] = [
        [f"Dans {cc}", ind.inside.users, ind.inside.new],
        ["Hors de la communauté de communes", ind.outside.users, ind.outside.new],
        ["Commune non renseignée ou non identifiée", ind.unidentified.users, ind.unidentified.new],
    ]
    for name, b, size in (
        ("dont commune comprenant un QPV", ind.qpv, ind.qpv_list_size),
        ("dont commune classée ZRR / FRR", ind.zrr, ind.zrr_list_size),
    ):
        rows.append([name, b.users, b.new] if size else [f"{name} ({NO_LIST})", "—", "—"])
    return rows


def _share(part: int, total: int) -> str:
    return f"{part * 100 / total:.0f} %".replace(".", ",") if total else "—"


def audience_section(
    ind: AudienceIndicators, *, heading: str = "Publics accueillis"
) -> list[Flowable]:
    """The users' indicators of a period, headed ``heading`` (h1) — for any report."""
    st = styles()
    out: list[Flowable] = [
        Paragraph(esc(heading), st["h1"]),
        key_figures(
            [
                ("usagers distincts", number(ind.users)),
                ("nouveaux usagers", number(ind.new_users)),
                ("usagers de la communauté de communes", _share(ind.inside.users, ind.users)),
                ("communes d'origine", number(sum(1 for c in ind.communes if c.insee))),
            ]
        ),
        Paragraph(
            esc(
                f"Du {day(ind.first_day)} au {day(ind.last_day)}. Un usager est un adhérent "
                "venu au moins une fois (utilisation d'une machine ou d'un espace, présence "
                "à un atelier, passage enregistré à la cyber-base) ; un groupe compte pour "
                "un usager. Nouvel usager : première venue dans la période. Genre et "
                "situation sont facultatifs à l'accueil."
            ),
            st["small"],
        ),
    ]
    for title, kind, lines in _breakdowns(ind):
        rows: list[list[object]] = [[title, "Usagers", "dont nouveaux", "Part"]]
        for b in lines:
            rows.append(
                [_label(kind, b.key), number(b.users), number(b.new), _share(b.users, ind.users)]
            )
        rows.append(["Total", number(ind.users), number(ind.new_users), ""])
        out.append(
            KeepTogether(
                [
                    Paragraph(f"Usagers par {title.lower()}", st["h2"]),
                    table(rows, BREAKDOWN_WIDTHS, total=True),
                ]
            )
        )
    zone: list[list[object]] = [["Lieu de résidence", "Usagers", "dont nouveaux"]]
    zone += [
        [r[0], *(number(v) if isinstance(v, int) else v for v in r[1:])] for r in _zone_rows(ind)
    ]
    communes: list[list[object]] = [
        ["Commune", "Communauté de communes", "Usagers", "dont nouveaux"]
    ]
    for c in ind.communes[:MAX_COMMUNES]:
        where = "non identifiée" if c.inside is None else "dans la CC" if c.inside else "hors CC"
        flags = "".join(f" ({f})" for f, on in (("QPV", c.qpv), ("ZRR", c.zrr)) if on)
        communes.append(
            [(c.name or "non renseignée") + flags, where, number(c.users), number(c.new)]
        )
    rest = ind.communes[MAX_COMMUNES:]
    if rest:
        communes.append(
            [
                f"Autres communes ({len(rest)})",
                "",
                number(sum(c.users for c in rest)),
                number(sum(c.new for c in rest)),
            ]
        )
    out.append(
        KeepTogether(
            [
                Paragraph("Communes des usagers", st["h2"]),
                table(zone, [100 * mm, 30 * mm, 30 * mm]),
            ]
        )
    )
    out.append(table(communes, [65 * mm, 45 * mm, 27 * mm, 27 * mm], align_right_from=2))
    return out


def activity_means_section(ind: AudienceIndicators) -> list[Flowable]:
    """Opening hours, staff and volunteers of the period."""
    st = styles()
    rows: list[list[object]] = [["", "Effectif", "Heures sur la période"]]
    for line in ind.staff:
        rows.append(
            [STAFF_KIND_FR.get(line.kind, line.kind), number(line.headcount), number(line.hours)]
        )
    rows.append(
        [
            "Total",
            number(sum(s.headcount for s in ind.staff)),
            number(sum(s.hours for s in ind.staff)),
        ]
    )
    return [
        KeepTogether(
            [
                Paragraph("Ouverture, salariés et bénévoles", st["h1"]),
                key_figures(
                    [
                        ("jours d'ouverture", number(ind.opening_days)),
                        ("heures d'ouverture", hours(ind.opening_minutes)),
                        (
                            "heures d'ouverture par jour ouvert",
                            hours(ind.opening_minutes // ind.opening_days)
                            if ind.opening_days
                            else "—",
                        ),
                    ],
                    columns=3,
                ),
                Paragraph("Salariés, volontaires et bénévoles", st["h2"]),
                table(rows, [80 * mm, 30 * mm, 45 * mm], total=True),
                Paragraph(
                    esc(
                        "Heures : heures mensuelles de chacun × mois de présence dans la "
                        "période. Horaires d'ouverture : union des horaires des espaces, "
                        "fermetures exceptionnelles et jours fériés déduits."
                    ),
                    st["small"],
                ),
            ]
        )
    ]


def budget_section(lines: Sequence[BudgetLineFigures], year: int) -> list[Flowable]:
    """Budget voted vs realised, line by line (prévu / réalisé / écart)."""
    if not lines:
        return []
    st = styles()
    rows: list[list[object]] = [["Poste", "Prévu", "Réalisé", "Écart"]]
    for side, title in (("expense", "Charges"), ("revenue", "Produits")):
        mine = [b for b in lines if b.side == side]
        if not mine:
            continue
        rows.append([title, "", "", ""])
        for b in mine:
            rows.append(
                [f"  {_budget_label(b)}", money(b.planned), money(b.actual), _signed(b.gap)]
            )
        rows.append(
            [
                f"Total des {title.lower()}",
                money(sum(b.planned for b in mine)),
                money(sum(b.actual for b in mine)),
                _signed(sum(b.gap for b in mine)),
            ]
        )
    return [
        KeepTogether(
            [
                Paragraph(f"Budget {year} : prévu et réalisé", st["h1"]),
                table(rows, [75 * mm, 30 * mm, 30 * mm, 30 * mm]),
                Paragraph(
                    esc(
                        "Prévu : le budget voté (Finances › Dépenses › Budget). Réalisé : "
                        "l'équilibre financier de l'année ci-dessus. Écart = réalisé − prévu."
                    ),
                    st["small"],
                ),
            ]
        )
    ]


def _budget_label(b: BudgetLineFigures) -> str:
    return label(REVENUE_LABELS if b.side == "revenue" else COST_LABELS, b.category)


def _signed(cents: int) -> str:
    return ("+" if cents > 0 else "") + money(cents)


def audience_tables(
    ind: AudienceIndicators, budget: Sequence[BudgetLineFigures] = ()
) -> list[Table]:
    """The same figures as spreadsheet tables (numbers as numbers, money in euros)."""
    out: list[Table] = []
    for title, kind, lines in _breakdowns(ind):
        rows: list[list[Any]] = [[_label(kind, b.key), b.users, b.new] for b in lines]
        rows.append(["Total", ind.users, ind.new_users])
        out.append((f"Usagers par {title.lower()}", [title, "Usagers", "dont nouveaux"], rows))
    zone = _zone_rows(ind)
    zone += [
        [
            c.name or "non renseignée",
            c.insee or "",
            "non identifiée" if c.inside is None else "dans la CC" if c.inside else "hors CC",
            "oui" if c.qpv else "",
            "oui" if c.zrr else "",
            c.users,
            c.new,
        ]
        for c in ind.communes
    ]
    out.append(
        (
            "Communes des usagers",
            [
                "Commune",
                "Code INSEE",
                "Communauté de communes",
                "QPV",
                "ZRR",
                "Usagers",
                "dont nouveaux",
            ],
            [r if len(r) == 7 else [r[0], "", "", "", "", r[1], r[2]] for r in zone],
        )
    )
    means: list[list[Any]] = [
        ["Jours d'ouverture", ind.opening_days, ""],
        ["Heures d'ouverture", round(ind.opening_minutes / 60, 1), ""],
    ]
    means += [[STAFF_KIND_FR.get(s.kind, s.kind), s.headcount, s.hours] for s in ind.staff]
    out.append(("Ouverture et équipe", ["", "Effectif / nombre", "Heures"], means))
    if budget:
        out.append(
            (
                "Budget prévu et réalisé",
                ["Sens", "Poste", "Prévu (€)", "Réalisé (€)", "Écart (€)"],
                [
                    [
                        "Produits" if b.side == "revenue" else "Charges",
                        _budget_label(b),
                        b.planned / 100,
                        b.actual / 100,
                        b.gap / 100,
                    ]
                    for b in budget
                ],
            )
        )
    return out
