"""The cyber-base's activity report of a month (issue 22) for its managers and their
funders, on the national model of digital inclusion: the month's key figures, then the
beneficiaries by theme, public, age range, situation, gender and commune
(domain.mediation.figures_of — the same figures as the XLSX export's second sheet).
``mediation_section`` is also the annual report's cyber-base page (reports.annual_pdf), drawn
from the year's counts (domain.mediation.MediationCounts) rather than its records.
Always French."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from tierslieu_desktop.domain.mediation import (
    MediationCounts,
    MediationMonth,
    counts_of,
    figures_of,
)
from tierslieu_desktop.reports.layout import CONTENT_W, build_pdf, esc, key_figures, styles, table
from tierslieu_desktop.reports.pdf_base import register_fonts

COMMUNES_SHOWN = 15  # the largest communes; the others summed on one line

SHORT = {
    "Accompagnements (individuels et participants aux ateliers)": "accompagnements",
    "Accompagnements individuels": "accompagnements individuels",
    "Ateliers collectifs": "ateliers collectifs",
    "Participants aux ateliers": "participants aux ateliers",
    "Premiers accompagnements": "premiers accompagnements",
}


def _number(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}"


def mediation_section(
    counts: MediationCounts, st: dict[str, ParagraphStyle], *, title: str
) -> list[Flowable]:
    """The figures as flowables: a heading, the key figures, one table per breakdown."""
    totals, tables = figures_of(counts)
    items = []
    for label, n in totals:
        if label in SHORT:
            items.append((SHORT[label], _number(n)))
        else:
            items.append(("d'accompagnement individuel", _hours(n)))
    story: list[Flowable] = [Paragraph(esc(title), st["h1"]), key_figures(items, columns=3)]
    total = counts.records
    for t in tables:
        rows: list[list[object]] = [[t.title, "Bénéficiaires", "Part"]]
        lines = list(t.rows)
        if t.title.startswith("Communes") and len(lines) > COMMUNES_SHOWN + 1:
            shown, rest = lines[:COMMUNES_SHOWN], lines[COMMUNES_SHOWN:]
            lines = [*shown, (f"{len(rest)} autres communes", sum(n for _c, n in rest))]
        for name, n in lines:
            share = f"{n * 100 / total:.0f} %".replace(".", ",") if total else "—"
            rows.append([name, _number(n), share])
        story += [
            Paragraph(esc(t.title), st["h2"]),
            table(rows, [CONTENT_W - 60 * mm, 32 * mm, 26 * mm]),
        ]
    if any(t.title == "Thématiques" for t in tables):
        story.append(
            Paragraph(
                "Un accompagnement peut porter sur plusieurs thématiques : leur total peut "
                "dépasser le nombre d'accompagnements. Modèle : Coop de la médiation "
                "numérique.",
                st["small"],
            )
        )
    return story


def mediation_pdf(month: MediationMonth) -> bytes:
    register_fonts()
    st = styles()
    span = f"du {month.first_day:%d/%m/%Y} au {month.last_day:%d/%m/%Y}"
    story: list[Flowable] = []
    if month.structure:
        story.append(Paragraph(f"<b>{esc(month.structure)}</b>", st["body"]))
    story += mediation_section(
        counts_of(month.records), st, title=f"Médiation numérique — rapport d'activité {span}"
    )
    return build_pdf(
        story,
        title=f"Médiation numérique {span}",
        footer=f"{month.structure} — médiation numérique {span}".strip(" —"),
        numbered_cover=True,
    )
