"""Layout of the annual activity report for the general meeting and the funders: cover,
key figures, members, machines, bookings and publics, workshops and cyber-base, the
financial balance, grants; charts drawn with reportlab.graphics. Always French. Input is
the plain ``domain.reports.AnnualFigures`` (computed by ``services.reporting.annual``)
with the texts the user wrote."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
)

from tierslieu_desktop.domain.activity import FRENCH, ActivityFigures
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.finance import DEFINITIONS, pre_software_note
from tierslieu_desktop.domain.reports import SECTION_TITLES, AnnualFigures
from tierslieu_desktop.reports.indicators import (
    activity_means_section,
    audience_section,
    budget_section,
)
from tierslieu_desktop.reports.layout import (
    CONTENT_W,
    COST_COLOR,
    COST_LABELS,
    LEVEL_LABELS,
    MONTHS,
    NATURE_LABELS,
    OWN_COLOR,
    OWN_LABELS,
    PALETTE,
    PRIVATE_COLOR,
    PUBLIC_COLOR,
    bar_chart,
    build_pdf,
    esc,
    euros,
    hours,
    key_figures,
    label,
    line_chart,
    logo_image,
    money,
    number,
    paragraphs,
    percent,
    pie_chart,
    side_by_side,
    styles,
    table,
)
from tierslieu_desktop.reports.pdf_base import day

MAX_MACHINES_IN_CHART = 7
MAX_COMMUNES = 12


def render_annual(figures: AnnualFigures, texts: dict[str, str], logo: bytes | None) -> bytes:
    """The annual report as PDF bytes; ``texts``: section (``SECTIONS``) -> the user's text."""
    st = styles()
    f = figures
    name = f.structure_name or "Tiers-lieu"
    story: list[Flowable] = []

    # --- cover ----------------------------------------------------------------------------
    story.append(Spacer(1, 45 * mm))
    image = logo_image(logo, 70 * mm, 45 * mm)
    if image is not None:
        story += [image, Spacer(1, 12 * mm)]
    story += [
        Paragraph(esc(name), st["subtitle"]),
        Spacer(1, 8 * mm),
        Paragraph(f"Rapport d'activité {f.year}", st["title"]),
        Spacer(1, 6 * mm),
        Paragraph("Assemblée générale — rapport aux partenaires", st["subtitle"]),
        Spacer(1, 60 * mm),
        Paragraph(
            esc(f"{f.city + ', ' if f.city else ''}édité le {day(lab_today())}"), st["caption"]
        ),
        PageBreak(),
    ]

    def section(key: str) -> None:
        text = (texts.get(key) or "").strip()
        if text:
            story.append(Paragraph(SECTION_TITLES[key], st["h1"]))
            story.extend(paragraphs(text, st["body"]))

    section("edito")

    # --- key figures --------------------------------------------------------------------
    b = f.balance
    items = []
    if f.audience is not None:  # people first: who came, who came for the first time
        items += [
            ("usagers distincts", number(f.audience.users)),
            ("nouveaux usagers", number(f.audience.new_users)),
        ]
    items += [
        ("nouveaux adhérents", number(f.members_new)),
        ("adhésions renouvelées", number(f.members_renewed)),
        ("heures d'utilisation des machines", hours(f.total_machine_minutes)),
        ("personnes accueillies", number(f.people)),
        ("réservations", number(f.bookings)),
        ("absences (non venus)", f"{number(f.no_shows)} ({percent(f.no_show_bp)})"),
        ("séances de groupes scolaires", number(f.school_sessions)),
        ("élèves accueillis", number(f.school_pupils)),
    ]
    if b is not None:
        items += [
            ("recettes propres", money(b.own_cents)),
            ("financements publics", money(b.public_cents)),
            ("part des collectivités", percent(b.collectivity_share_bp)),
            ("taux d'autofinancement (hors nature)", percent(b.self_financing_bp)),
            ("autofinancement avec contributions en nature", percent(b.self_financing_in_kind_bp)),
            ("contributions en nature (à part)", money(b.in_kind_cents)),
            ("valeur des accès réduits ou gratuits", money(f.reduced_access_cents)),
        ]
    items += [
        ("subventions encaissées", money(f.grants_received_cents)),
        ("mécénat et dons encaissés", money(f.private_support_received_cents)),
        ("heures de bénévolat", number(f.volunteer_hours)),
    ]
    story += [Paragraph(f"L'année {f.year} en chiffres", st["h1"]), key_figures(items)]
    section("faits_marquants")

    # --- members ------------------------------------------------------------------------
    story.append(Paragraph("Adhérents", st["h1"]))
    rows: list[list[object]] = [["Public", "Nouveaux", "Renouvelés", "Total"]]
    for aud, (n, r) in f.members_by_audience.items():
        rows.append([aud, number(n), number(r), number(n + r)])
    rows.append(
        [
            "Total",
            number(f.members_new),
            number(f.members_renewed),
            number(f.members_new + f.members_renewed),
        ]
    )
    pie = pie_chart(
        "Adhérents par public",
        [(a, n + r) for a, (n, r) in f.members_by_audience.items()],
        width=CONTENT_W - 96 * mm,
        height=55 * mm,
    )
    story.append(
        side_by_side(table(rows, [36 * mm, 18 * mm, 22 * mm, 14 * mm], total=True), pie, 96 * mm)
    )
    story += _heading("Adhérents par commune", st)
    rows = [["Commune", "Nouveaux", "Renouvelés", "Total"]]
    communes = f.members_by_commune
    for c, n, r in communes[:MAX_COMMUNES]:
        rows.append([c, number(n), number(r), number(n + r)])
    rest = communes[MAX_COMMUNES:]
    if rest:
        n, r = sum(t[1] for t in rest), sum(t[2] for t in rest)
        rows.append([f"Autres communes ({len(rest)})", number(n), number(r), number(n + r)])
    story.append(table(rows, [90 * mm, 25 * mm, 25 * mm, 25 * mm]))

    # --- machines -----------------------------------------------------------------------
    story.append(Paragraph("Utilisation des machines", st["h1"]))
    machines = list(f.machine_minutes.items())
    # one colour per machine when few, per machine category otherwise (readable legend)
    grouped = (
        list(f.category_minutes.items()) if len(machines) > MAX_MACHINES_IN_CHART else machines
    )
    shown = grouped[:MAX_MACHINES_IN_CHART]
    others = grouped[MAX_MACHINES_IN_CHART:]
    series = [(n, [m / 60 for m in v]) for n, v in shown]
    if others:
        series.append(("Autres", [sum(v[i] for _n, v in others) / 60 for i in range(12)]))
    by = "par catégorie de machines" if grouped is not machines else "par machine"
    story.append(
        bar_chart(
            f"Heures d'utilisation par mois, {by}",
            MONTHS,
            series or [("", [0] * 12)],
            stacked=True,
            height=75 * mm,
        )
    )
    rows = [["Machine", "T1", "T2", "T3", "T4", "Année"]]
    for machine, v in machines:
        quarters = [sum(v[q * 3 : q * 3 + 3]) for q in range(4)]
        rows.append([machine, *(hours(q) for q in quarters), hours(sum(v))])
    rows.append(
        [
            "Total",
            *(hours(sum(sum(v[q * 3 : q * 3 + 3]) for _n, v in machines)) for q in range(4)),
            hours(f.total_machine_minutes),
        ]
    )
    story += [Spacer(1, 4 * mm), table(rows, [62 * mm] + [22 * mm] * 5, total=True)]

    # --- bookings and publics ----------------------------------------------------------
    story.append(Paragraph("Réservations et publics accueillis", st["h1"]))
    rows = [
        ["Réservations", "Nombre"],
        ["Réservations de l'année", number(f.bookings)],
        ["Honorées", number(f.bookings_honoured)],
        ["Non venus", f"{number(f.no_shows)} ({percent(f.no_show_bp)})"],
        ["Annulées", number(f.cancelled)],
        ["Séances de groupes scolaires", number(f.school_sessions)],
        ["Élèves accueillis en groupe", number(f.school_pupils)],
    ]
    story.append(table(rows, [90 * mm, 40 * mm]))
    rows = [["Public", "Usagers des machines et espaces", "Personnes accueillies"]]
    for aud, (u, p) in f.publics.items():
        rows.append([aud, number(u), number(p)])
    rows.append(["Total", number(f.users), number(f.people)])
    story += [
        Paragraph("Utilisations des machines et espaces par public", st["h2"]),
        table(rows, [90 * mm, 40 * mm, 40 * mm], total=True),
    ]

    if f.audience is not None:
        story += audience_section(f.audience, heading="Usagers : qui vient, d'où")
    _activity_section(story, f.activity, st)
    if f.mediation is not None:  # the cyber-base on the national model (issue 22)
        from tierslieu_desktop.reports.mediation_pdf import mediation_section

        story += mediation_section(
            f.mediation, st, title="Cyber-base : médiation numérique (modèle national)"
        )
    if f.audience is not None:
        story += activity_means_section(f.audience)

    # --- finances -----------------------------------------------------------------------
    if b is not None:
        story.append(Paragraph("Équilibre financier", st["h1"]))
        rows = [
            ["", "Montant", "Part"],
            ["Recettes propres", money(b.own_cents), _share(b.own_cents, b.total_revenue_cents)],
            [
                "Financements publics",
                money(b.public_cents),
                _share(b.public_cents, b.total_revenue_cents),
            ],
            [
                "Soutiens privés",
                money(b.private_cents),
                _share(b.private_cents, b.total_revenue_cents),
            ],
            ["Total des produits", money(b.total_revenue_cents), ""],
            ["Total des charges", money(b.costs_cents), ""],
            ["Résultat", money(b.result_cents), ""],
        ]
        origin = pie_chart(
            "Origine des produits",
            [
                ("Recettes propres", euros(b.own_cents)),
                ("Financements publics", euros(b.public_cents)),
                ("Soutiens privés", euros(b.private_cents)),
            ],
            width=CONTENT_W - 98 * mm,
            height=50 * mm,
            colors_=[OWN_COLOR, PUBLIC_COLOR, PRIVATE_COLOR],
        )
        story.append(
            side_by_side(table(rows, [45 * mm, 30 * mm, 17 * mm], total=True), origin, 98 * mm)
        )
        story.append(
            Paragraph(
                esc(
                    f"Taux d'autofinancement (recettes propres ÷ charges) : "
                    f"{percent(b.self_financing_bp)} ; avec les contributions en nature "
                    f"(recettes propres ÷ charges et contributions en nature) : "
                    f"{percent(b.self_financing_in_kind_bp)} — part des collectivités "
                    f"(commune, intercommunalité, département, région) dans les produits : "
                    f"{percent(b.collectivity_share_bp)}. Recettes propres : "
                    f"{money(b.invoiced_cents)} facturés par le logiciel"
                    + (
                        f", {money(b.drop_in_vouchers_cents)} de Pass numérique reçus à la "
                        "cyber-base (sans facture)"
                        if b.drop_in_vouchers_cents
                        else ""
                    )
                    + (
                        f", {money(b.paid_outside_cents)} d'adhésions payées hors du "
                        "logiciel (importées, jamais facturées)"
                        if b.paid_outside_cents
                        else ""
                    )
                    + "."
                ),
                st["body"],
            )
        )
        note = pre_software_note(
            b.invoicing_start, b.pre_software_cents, dict(b.pre_software_by_kind), money
        )
        if note:
            story.append(Paragraph(esc(note), st["small"]))
        detail = [["Détail des produits", "Montant"]]
        for key, cents in sorted(b.own_by_category.items(), key=lambda kv: -kv[1]):
            detail.append([label(OWN_LABELS, key), money(cents)])
        for key, cents in sorted(b.public_by_level.items(), key=lambda kv: -kv[1]):
            detail.append([f"Public — {label(LEVEL_LABELS, key)}", money(cents)])
        for key, cents in sorted(b.private_by_level.items(), key=lambda kv: -kv[1]):
            detail.append([f"Privé — {label(LEVEL_LABELS, key)}", money(cents)])
        # in-kind (86/87): apart, after the cash products, never in their total
        for key, cents in sorted(b.in_kind_by_level.items(), key=lambda kv: -kv[1]):
            detail.append([f"En nature (à part) — {label(LEVEL_LABELS, key)}", money(cents)])
        costs: dict[str, int] = {}
        for m in b.months:
            for key, cents in m.costs.items():
                costs[key] = costs.get(key, 0) + cents
        cost_rows = [["Charges", "Montant"]] + [
            [label(COST_LABELS, k), money(v)]
            for k, v in sorted(costs.items(), key=lambda kv: -kv[1])
        ]
        story.append(Spacer(1, 3 * mm))
        story.append(
            side_by_side(
                table(detail, [62 * mm, 24 * mm]), table(cost_rows, [55 * mm, 24 * mm]), 92 * mm
            )
        )
        story += [Spacer(1, 3 * mm), CondPageBreak(30 * mm), _definitions_box(st)]
        if len(f.trend) > 1:
            years = [str(y) for y in f.trend]
            # the heading with its first chart; the charts (drawings) then flow one by one
            story += _heading("Évolution sur les dernières années", st, room=75 * mm)
            story.extend(
                [
                    bar_chart(
                        "Produits et charges par année (€)",
                        years,
                        [
                            ("Recettes propres", [euros(t[0]) for t in f.trend.values()]),
                            ("Financements publics", [euros(t[1]) for t in f.trend.values()]),
                            ("Soutiens privés", [euros(t[2]) for t in f.trend.values()]),
                            ("Charges", [euros(t[3]) for t in f.trend.values()]),
                        ],
                        colors_=[OWN_COLOR, PUBLIC_COLOR, PRIVATE_COLOR, COST_COLOR],
                        height=50 * mm,
                    ),
                    line_chart(
                        "Autofinancement et part publique (%)",
                        years,
                        [
                            (
                                "Autofinancement",
                                [100 * t[0] / t[3] if t[3] else 0 for t in f.trend.values()],
                            ),
                            (
                                "Part publique",
                                [
                                    100 * t[1] / (t[0] + t[1] + t[2]) if t[0] + t[1] + t[2] else 0
                                    for t in f.trend.values()
                                ],
                            ),
                        ],
                        colors_=[OWN_COLOR, PUBLIC_COLOR],
                        height=40 * mm,
                    ),
                ]
            )
        if b.months:
            story.append(
                bar_chart(
                    f"Produits par mois en {f.year} (€)",
                    MONTHS[: len(b.months)],
                    [
                        ("Recettes propres", [euros(sum(m.own.values())) for m in b.months]),
                        ("Financements publics", [euros(sum(m.public.values())) for m in b.months]),
                        ("Soutiens privés", [euros(sum(m.private.values())) for m in b.months]),
                    ],
                    stacked=True,
                    colors_=[OWN_COLOR, PUBLIC_COLOR, PRIVATE_COLOR],
                    height=55 * mm,
                )
            )

    if f.grants:
        rows = [["Financeur", "Objet", "Nature", "Accordé", f"Encaissé en {f.year}"]]
        for funder, purpose, nature, granted, received in f.grants:
            rows.append(
                [
                    funder,
                    Paragraph(esc(purpose), styles()["small"]),
                    label(NATURE_LABELS, nature),
                    money(granted) if granted is not None else "en attente",
                    money(received),
                ]
            )
        if f.private_support_received_cents:  # not grants: apart from their total
            rows.append(
                [
                    "Mécénat et dons encaissés (hors subventions)",
                    "",
                    "",
                    "",
                    money(f.private_support_received_cents),
                ]
            )
        rows.append(["Subventions encaissées", "", "", "", money(f.grants_received_cents)])
        story += [
            *_heading("Subventions et soutiens", st),
            table(
                rows, [40 * mm, 50 * mm, 24 * mm, 28 * mm, 32 * mm], total=True, align_right_from=3
            ),
        ]
    if f.reduced_access:
        rows = [["Public", "Prix catalogue", "Facturé", "Valeur offerte"]]
        for aud, (lst, charged, given) in sorted(
            f.reduced_access.items(), key=lambda kv: -kv[1][2]
        ):
            rows.append([aud, money(lst), money(charged), money(given)])
        rows.append(
            [
                "Total",
                money(sum(v[0] for v in f.reduced_access.values())),
                money(sum(v[1] for v in f.reduced_access.values())),
                money(f.reduced_access_cents),
            ]
        )
        story += [
            *_heading("Valeur des accès réduits ou gratuits", st),
            table(rows, [70 * mm, 35 * mm, 35 * mm, 35 * mm], total=True),
        ]

    story += budget_section(f.budget, f.year)
    section("perspectives")

    return build_pdf(
        story,
        title=f"Rapport d'activité {f.year} — {name}",
        footer=f"{name} — rapport d'activité {f.year}",
    )


def _activity_section(
    story: list[Flowable], a: ActivityFigures | None, st: dict[str, ParagraphStyle]
) -> None:
    """Ateliers, formations et cyber-base (services.activity.figures), when there is any."""
    if a is None or not (a.sessions or a.drop_ins):
        return
    items = [
        ("séances d'ateliers et formations", number(a.sessions)),
        ("participants", number(a.participants)),
        ("heures-participants", hours(a.participant_minutes)),
        ("taux de présence", percent(a.attendance_bp)),
        ("visites libres à la cyber-base", number(a.visits)),
        ("accompagnements individuels", number(a.helps)),
        ("chèques Pass numérique reçus", number(a.vouchers)),
    ]
    story += [
        Paragraph("Ateliers, formations et cyber-base", st["h1"]),
        key_figures(items),
    ]
    if a.by_kind:
        rows = [["Type d'activité", "Séances", "Participants", "Heures-participants"]]
        for ln in a.by_kind:
            kind = label(FRENCH["kind"], str(ln.key))
            rows.append([kind, number(ln.sessions), number(ln.participants), hours(ln.minutes)])
        rows.append(
            ["Total", number(a.sessions), number(a.participants), hours(a.participant_minutes)]
        )
        story += [
            Paragraph("Participants par type d'activité", st["h2"]),
            table(rows, [70 * mm, 25 * mm, 30 * mm, 40 * mm], total=True),
        ]
    if a.drop_ins_by_purpose:
        rows = [["Motif", "Visites", "Accompagnements", "Durée"]]
        for dl in a.drop_ins_by_purpose:
            purpose = label(FRENCH["purpose"], str(dl.key))
            rows.append([purpose, number(dl.visits), number(dl.helps), hours(dl.minutes)])
        rows.append(["Total", number(a.visits), number(a.helps), hours(a.drop_in_minutes)])
        story += [
            Paragraph("Cyber-base : passages par motif", st["h2"]),
            table(rows, [70 * mm, 25 * mm, 35 * mm, 35 * mm], total=True),
        ]


def _definitions_box(st: dict[str, ParagraphStyle]) -> Flowable:
    """The definitions of the money figures (domain.finance.DEFINITIONS), in a box."""
    rows: list[list[object]] = [["Définitions", ""]]
    rows += [[term, Paragraph(esc(text), st["small"])] for term, text in DEFINITIONS]
    # a table (its header repeated) splits between pages rather than leaving a blank
    return table(rows, [38 * mm, CONTENT_W - 40 * mm], align_right_from=2)


def _heading(text: str, st: dict[str, ParagraphStyle], *, room: float = 35 * mm) -> list[Flowable]:
    """A subsection heading over a table that may split: on a new page only when less than
    ``room`` (the heading and a few rows) is left, instead of keepWithNext moving the
    whole table (and leaving the rest of the page blank)."""
    style = ParagraphStyle(f"{st['h2'].name}-flow", parent=st["h2"], keepWithNext=0)
    return [CondPageBreak(room), Paragraph(text, style)]


def _share(part: int, total: int) -> str:
    return percent(part * 10000 // total) if total else "—"


__all__ = ["PALETTE", "render_annual"]
