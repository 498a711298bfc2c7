"""The printed attendance sheet (feuille d'émargement) of a session: A4 portrait, the
structure, the activity, the day and hours, the space and the trainer; one numbered line
per registered member or group with a wide, tall box to sign; empty lines for walk-ins;
the waiting list below; page numbers in the footer. Always French (a document kept for
the funders), DejaVu fonts. Input is the plain ``domain.activity.AttendanceSheet``."""

from __future__ import annotations

from datetime import datetime

from babel import dates as babel_dates
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, TableStyle

from tierslieu_desktop.domain.activity import FRENCH, AttendanceLine, AttendanceSheet
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.i18n.messages import count_fr
from tierslieu_desktop.reports.layout import (
    ACCENT,
    CONTENT_W,
    LIGHT,
    Table,
    build_pdf,
    esc,
    styles,
)
from tierslieu_desktop.reports.pdf_base import FONT, FONT_BOLD, LOCALE

WALK_IN_LINES = 4
ROW_HEIGHT = 12 * mm
GRID = colors.HexColor("#9fb3bc")

__all__ = ["attendance_sheet_pdf", "long_day", "time_range"]


def long_day(sheet: AttendanceSheet) -> str:
    """The session's local day in French words: "mercredi 25 novembre 2026"."""
    return babel_dates.format_date(to_local(sheet.start_at).date(), format="full", locale=LOCALE)


def _clock(value: datetime) -> str:
    local = to_local(value)
    return f"{local.hour}\u00a0h\u00a0{local.minute:02d}"


def time_range(sheet: AttendanceSheet) -> str:
    """ "14 h 00 – 17 h 00" (no-break spaces)."""
    return f"{_clock(sheet.start_at)} – {_clock(sheet.end_at)}"


def _who(line: AttendanceLine) -> str:
    return line.name or "—"


def _group_detail(line: AttendanceLine, is_group: bool) -> str:
    """A group's responsible and head-count, on two lines (Paragraph markup)."""
    if not is_group:
        return ""
    parts = [esc(line.detail.strip())] if line.detail.strip() else []
    parts.append(f"effectif : {line.headcount}")
    return "<br/>".join(parts)


def _is_group(line: AttendanceLine) -> bool:
    return line.is_group


def attendance_sheet_pdf(sheet: AttendanceSheet) -> bytes:
    """The attendance sheet as PDF bytes."""
    st = styles()
    cell = st["body"].clone("cell", fontSize=10, leading=12, spaceAfter=0)
    small = st["small"]
    kind = FRENCH["kind"].get(sheet.kind, sheet.kind)
    day = long_day(sheet)
    story: list = []

    head = [Paragraph(f"<b>{esc(sheet.structure_name)}</b>", st["body"])]
    if sheet.structure_city:
        head.append(Paragraph(esc(sheet.structure_city), small))
    story += head
    story.append(Paragraph("Feuille d'émargement", st["h1"]))
    story.append(
        Paragraph(f"<b>{esc(sheet.activity_name)}</b> — {esc(kind)}", st["h2"].clone("act"))
    )
    facts = [
        ("Date", f"{day}, {time_range(sheet)}"),
        ("Lieu", sheet.space_name),
        ("Animation", sheet.trainer),
    ]
    people = sum(line.headcount for line in sheet.lines)
    seats = count_fr(sheet.capacity, "place", "places")
    facts.append(("Inscrits", f"{count_fr(people, 'personne', 'personnes')} pour {seats}"))
    story.append(
        Table(
            [[Paragraph(f"<b>{esc(k)}</b>", cell), Paragraph(esc(v), cell)] for k, v in facts if v],
            colWidths=[28 * mm, CONTENT_W - 28 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            ),
            hAlign="LEFT",
        )
    )
    story.append(Spacer(0, 5 * mm))

    groups = any(_is_group(line) for line in sheet.lines)
    header = ["N°", "Nom"] + (["Groupe"] if groups else []) + ["Signature"]
    if groups:
        widths = [10 * mm, 54 * mm, 38 * mm, CONTENT_W - 102 * mm]
    else:
        widths = [10 * mm, 70 * mm, CONTENT_W - 80 * mm]
    rows: list[list] = [[Paragraph(f"<b>{esc(h)}</b>", small) for h in header]]
    for i, line in enumerate(sheet.lines, start=1):
        row: list = [str(i), Paragraph(esc(_who(line)), cell)]
        if groups:
            row.append(Paragraph(_group_detail(line, _is_group(line)), small))
        rows.append([*row, ""])
    for i in range(len(sheet.lines) + 1, len(sheet.lines) + 1 + WALK_IN_LINES):
        rows.append([str(i), "", *([""] if groups else []), ""])
    table = Table(
        rows,
        colWidths=widths,
        rowHeights=[8 * mm] + [ROW_HEIGHT] * (len(rows) - 1),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "RIGHT"),
            ]
        )
    )
    story.append(table)

    if sheet.waiting:
        waiting = [
            [
                str(i),
                Paragraph(esc(_who(line)), cell),
                Paragraph(_group_detail(line, _is_group(line)), small),
            ]
            for i, line in enumerate(sheet.waiting, start=1)
        ]
        wt = Table(waiting, colWidths=[10 * mm, 100 * mm, CONTENT_W - 110 * mm])
        wt.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 10),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                ]
            )
        )
        story.append(
            KeepTogether([Paragraph(f"Liste d'attente ({len(sheet.waiting)})", st["h2"]), wt])
        )

    story.append(Spacer(0, 6 * mm))
    story.append(
        Paragraph(
            "Signature de l'animateur ou de l'animatrice : "
            "...................................................",
            small,
        )
    )
    footer = f"{sheet.structure_name} — Feuille d'émargement — {sheet.activity_name} — {day}"
    return build_pdf(
        story,
        title=f"Feuille d'émargement — {sheet.activity_name} — {day}",
        footer=footer,
        numbered_cover=True,
    )
