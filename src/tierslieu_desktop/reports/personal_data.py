"""A member's personal data export (issue 19, point 3; docs/legal-fr.md §7) as a readable
PDF and as a JSON file, and the register of processing activities (art. 30 GDPR) as a PDF.
Always French (documents handed to the member or to the lab's DPO); inputs are the plain
``domain.personal_data`` types built by ``services.privacy``."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, TableStyle

from tierslieu_desktop.domain.personal_data import (
    DataSection,
    MemberDataExport,
    ProcessingRegister,
    Value,
)
from tierslieu_desktop.reports.layout import (
    ACCENT,
    CONTENT_W,
    LIGHT,
    Table,
    build_pdf,
    esc,
    facts_table,
    hours,
    paragraphs,
    styles,
)
from tierslieu_desktop.reports.pdf_base import FONT, FONT_BOLD, day, day_time, money

__all__ = [
    "member_data_json",
    "member_data_pdf",
    "output_paths",
    "processing_register_pdf",
    "text_of",
]

GRID = colors.HexColor("#c8d3d8")
JSON_FORMAT = "tierslieu-donnees-personnelles/1"
# Wider columns for the free texts.
_WEIGHTS = {
    "note": 2.2,
    "purpose": 1.8,
    "resource": 1.6,
    "activity": 1.8,
    "reason": 1.8,
    # a date and time on one line
    "start_at": 1.35,
    "end_at": 1.35,
    "at": 1.35,
    "session_at": 1.35,
    "issued_at": 1.35,
    "headcount": 0.7,
    "vouchers": 0.8,
}


def text_of(key: str, value: Value) -> str:
    """A value as printed: money for ``…_cents``, a duration for minutes, French dates."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime):
        return day_time(value)
    if isinstance(value, date):
        return day(value)
    if isinstance(value, int) and key.endswith("_cents"):
        return money(value)
    if isinstance(value, int) and key.startswith("minutes"):
        return hours(value)
    return str(value)


def output_paths(output: str) -> tuple[Path, Path]:
    """(PDF, JSON) written for ``-o output``: "dupont" or "dupont.pdf" or "dupont.json"
    all give dupont.pdf and dupont.json."""
    path = Path(output)
    if path.suffix.lower() in (".pdf", ".json"):
        path = path.with_suffix("")
    return path.with_name(path.name + ".pdf"), path.with_name(path.name + ".json")


# --- JSON --------------------------------------------------------------------------------


def _json_value(value: Value) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def member_data_json(export: MemberDataExport) -> bytes:
    """The export as UTF-8 JSON: one list of records per section (the member's own
    fields as one object), keys in English, amounts in cents, dates in ISO 8601 (UTC for
    instants), the choices (status, kind, public…) in French words as printed; ``labels``
    gives each section's title and each key's French label."""
    doc: dict[str, Any] = {
        "format": JSON_FORMAT,
        "structure": export.structure_name,
        "generated_at": export.generated_at.isoformat(),
        "member_number": export.member_number,
    }
    for section in export.sections:
        records = [{k: _json_value(v) for k, v in r.items()} for r in section.records]
        doc[section.key] = records[0] if section.single and records else records
    doc["labels"] = {
        section.key: {"title": section.title, **dict(section.columns)}
        for section in export.sections
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- PDF ---------------------------------------------------------------------------------


def member_data_pdf(export: MemberDataExport) -> bytes:
    st = styles()
    cell = st["small"].clone("pdcell", fontSize=7.5, leading=9)
    story: list = []
    if export.structure_name:
        story.append(Paragraph(f"<b>{esc(export.structure_name)}</b>", st["body"]))
    story.append(Paragraph("Données personnelles d'un adhérent", st["h1"]))
    facts = [
        ("Adhérent", f"{export.member_name} (n° {export.member_number})"),
        ("Extraction du", day_time(export.generated_at)),
    ]
    if export.structure_contact:
        facts.append(("Responsable du traitement", export.structure_contact))
    story.append(facts_table(facts, st["body"].clone("pdfacts", spaceAfter=0)))
    story.append(Spacer(0, 3 * mm))
    story += paragraphs(
        "Ce document reprend toutes les données que le logiciel de gestion du tiers-lieu "
        "conserve sur vous (RGPD, art. 15 : droit d'accès ; art. 20 : portabilité, le "
        "fichier JSON joint contient les mêmes données). Pour les faire rectifier ou "
        "effacer, ou retirer un consentement, adressez-vous à l'accueil.",
        st["body"],
    )
    for section in export.sections:
        story.append(Paragraph(esc(section.title), st["h2"]))
        if section.single:
            record = section.records[0] if section.records else {}
            rows = [
                (label, text_of(key, record.get(key)))
                for key, label in section.columns
                if text_of(key, record.get(key))
            ]
            story.append(facts_table(rows, st["body"].clone("pdfield", spaceAfter=0)))
        elif not section.records:
            story.append(Paragraph("Aucun enregistrement.", st["small"]))
        else:
            story.append(_records_table(section, cell))
            story.append(Paragraph(_count(section), st["small"]))
        if section.note:
            story.append(Paragraph(esc(section.note), st["small"]))
    title = f"Données personnelles — {export.member_name} (n° {export.member_number})"
    return build_pdf(story, title=title, footer=f"{export.structure_name} — {title}")


def _count(section: DataSection) -> str:
    n = len(section.records)
    text = f"{n} enregistrement" + ("s" if n > 1 else "")
    if any(key == "amount_cents" for key, _label in section.columns):
        total = sum(_cents(r.get("amount_cents")) for r in section.records)
        text += f" — solde : {money(total)}"
    return text


def _cents(value: Value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _records_table(section: DataSection, cell: Any) -> Table:
    # the columns empty in every record are left out of the page (the JSON has them)
    columns = [
        (key, label)
        for key, label in section.columns
        if any(text_of(key, r.get(key)) for r in section.records)
    ]
    weights = [_WEIGHTS.get(key, 1.0) for key, _label in columns]
    unit = CONTENT_W / sum(weights)
    head = [Paragraph(f"<b>{esc(label)}</b>", cell) for _key, label in columns]
    rows = [head] + [
        [Paragraph(esc(text_of(key, r.get(key))), cell) for key, _label in columns]
        for r in section.records
    ]
    return Table(
        rows,
        colWidths=[w * unit for w in weights],
        repeatRows=1,
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 7.5),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        ),
    )


# --- the register of processing activities --------------------------------------------


def processing_register_pdf(register: ProcessingRegister) -> bytes:
    """The register (registre des activités de traitement), one sheet per processing
    with the headings of the CNIL's model register."""
    st = styles()
    body = st["body"].clone("regbody", spaceAfter=0)
    story: list = [
        Paragraph("Registre des activités de traitement", st["h1"]),
        Paragraph(
            "Article 30 du règlement (UE) 2016/679 (RGPD) — établi d'après les données "
            f"du logiciel de gestion le {day(register.generated_at)}.",
            st["small"],
        ),
        Spacer(0, 3 * mm),
        Paragraph("Responsable du traitement", st["h2"]),
    ]
    controller = [
        ("Organisme", register.controller_name or "(à compléter dans Paramètres › Structure)"),
        ("Adresse", register.controller_address),
        ("SIRET", register.controller_siret),
        ("Contact", register.controller_contact),
        ("Délégué à la protection des données", register.dpo or "aucun désigné (à compléter)"),
    ]
    story.append(facts_table([(k, v) for k, v in controller if v], body))
    story.append(Paragraph("Activités de traitement", st["h2"]))
    summary = [["N°", "Activité", "Base légale"]] + [
        [str(i), Paragraph(esc(p.name), body), Paragraph(esc(p.legal_basis), body)]
        for i, p in enumerate(register.processings, start=1)
    ]
    story.append(
        Table(
            summary,
            colWidths=[10 * mm, 80 * mm, CONTENT_W - 90 * mm],
            repeatRows=1,
            style=TableStyle(
                [
                    ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
                    ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            ),
        )
    )
    for i, p in enumerate(register.processings, start=1):
        story.append(Paragraph(f"Fiche n° {i} — {esc(p.name)}", st["h2"]))
        rows = [
            ("Finalité(s)", _lines(p.purposes)),
            ("Base légale", p.legal_basis),
            ("Personnes concernées", _lines(p.data_subjects)),
            ("Catégories de données", _lines(p.data_categories)),
            ("Données sensibles", p.sensitive_data),
            ("Destinataires", _lines(p.recipients)),
            ("Transferts hors UE", p.transfers),
            ("Durées de conservation", _lines(p.retention)),
            ("Mesures de sécurité", _lines(p.security)),
        ]
        if p.figures:
            rows.append(("Dans la base à ce jour", p.figures))
        story.append(_sheet(rows, body))
    return build_pdf(
        story,
        title="Registre des activités de traitement",
        footer=f"{register.controller_name} — Registre des activités de traitement",
    )


def _lines(items: tuple[str, ...]) -> str:
    return "\n".join(f"• {x}" for x in items)


def _sheet(rows: list[tuple[str, str]], style: Any) -> Table:
    data = [
        [
            Paragraph(f"<b>{esc(k)}</b>", style),
            Paragraph("<br/>".join(esc(line) for line in v.split("\n")), style),
        ]
        for k, v in rows
    ]
    return Table(
        data,
        colWidths=[45 * mm, CONTENT_W - 45 * mm],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
            ]
        ),
    )
