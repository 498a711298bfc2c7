"""The figures of the workshops, trainings and cyber-base over a period, for the funders
(participants and participant-hours by kind of activity, public, age band, commune; the
drop-in log by purpose, public, age band, commune) and their XLSX export.

Definitions (local days, Europe/Paris, ``first_day`` and ``last_day`` included):
- a session counts when its local start day is in the period and it is not cancelled;
- participants = people ticked present: a member counts 1, a group its ``present_count``
  (its head-count when ``present_count`` is None);
- participant-minutes = participants × the session's duration (kept in minutes);
- registered = seats taken (head-counts) of the registered entries of those sessions;
- attendance rate = people present ÷ people of the ticked registrations (present, absent
  or excused; a group counts its whole head-count in the basis), in basis points
  (10 000 = 100 %), rounded down; None when nothing is ticked;
- a member is counted by their own public, age band and commune (``Member.city``); a group
  by its organisation's public and commune and the registration's age band; what is not
  known falls in the key None ("Non renseigné");
- drop-ins count when their local day is in the period: visits and one-to-one help
  sessions, their minutes and the Pass numérique vouchers received;
- the drop-ins on the national model (issue 22, ``drop_ins_by``, ``drop_in_lines``): by
  theme, equipment, public, age range, gender, situation, commune, place type and
  autonomy, counted by GROUP BY in SQL. A drop-in with several themes (or several pieces
  of equipment) counts once in each: those breakdowns add up to more than the drop-ins;
  a drop-in recorded without themes has its purpose's (``domain.mediation.themes_of``);
  its age range is its band's when none was recorded (``age_range_of``).

Every breakdown but the multi-valued ones (themes, equipment) adds up to its total. Keys are the stored codes (kind, purpose, age
band), audience ids and commune names; the UI translates the codes. The figures' types
and ``FRENCH``, the French words used by the XLSX export (the services have no Qt
translator), are in ``domain.activity``; the sheets are written by ``reports.sheets``.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, select, union_all
from sqlalchemy import join as sa_join
from sqlalchemy.orm import Session, aliased

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    DropIn,
    Member,
    Registration,
)
from tierslieu_desktop.domain import mediation as nm
from tierslieu_desktop.domain.activity import (
    FRENCH,
    ActivityFigures,
    DropInLine,
    FigureLine,
    Key,
)
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.enums import (
    ActivityKind,
    AgeBand,
    Attendance,
    DropInKind,
    DropInPurpose,
    RegistrationStatus,
    SessionStatus,
)
from tierslieu_desktop.reports.sheets import write_sheet

NOT_SET = "Non renseigné"


# --------------------------------------------------------------------------- folding


@dataclass(frozen=True)
class PresentRow:
    """People present in one session for one combination of the breakdown keys."""

    session_id: int
    kind: str
    minutes: int  # the session's duration
    audience_id: int | None
    age_band: str | None
    commune: str | None
    people: int


@dataclass(frozen=True)
class DropInGroup:
    kind: str
    purpose: str
    audience_id: int | None
    age_band: str | None
    commune: str | None
    count: int
    minutes: int
    vouchers: int


def _commune(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


class _Communes:
    """Communes merged case-insensitively ("GRAMAT" and "Gramat" are one commune), named
    by their most frequent spelling (ties: the capitalised one)."""

    def __init__(self, texts: Iterable[str | None]) -> None:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for text in texts:
            name = _commune(text)
            if name is not None:
                counts[name.casefold()][name] += 1
        self._names = {
            folded: min(spellings, key=lambda s: (-spellings[s], s != s.title(), s))
            for folded, spellings in counts.items()
        }

    def __call__(self, text: str | None) -> str | None:
        name = _commune(text)
        return None if name is None else self._names[name.casefold()]


def _order(keys: Iterable[Key], enum_order: Iterable[str]) -> list[Key]:
    rank: dict[Key, int] = {k: i for i, k in enumerate(enum_order)}
    return sorted(keys, key=lambda k: (k is None, rank.get(k, len(rank)), str(k)))


def _by_size(totals: Mapping[Key, int], names: Mapping[Key, str]) -> list[Key]:
    return sorted(totals, key=lambda k: (k is None, -totals[k], names.get(k, str(k)).casefold()))


def fold_present(
    rows: Iterable[PresentRow],
    sessions_by_kind: Mapping[str, int],
    audiences: Mapping[int, str],
) -> tuple[tuple[FigureLine, ...], ...]:
    """The four breakdowns (kind, audience, age band, commune) of the present rows."""
    rows = list(rows)
    people: dict[str, dict[Key, int]] = defaultdict(lambda: defaultdict(int))
    minutes: dict[str, dict[Key, int]] = defaultdict(lambda: defaultdict(int))
    communes = _Communes(r.commune for r in rows)
    for r in rows:
        keys = {
            "kind": r.kind,
            "audience": r.audience_id if r.audience_id in audiences else None,
            "age_band": r.age_band,
            "commune": communes(r.commune),
        }
        for dim, key in keys.items():
            people[dim][key] += r.people
            minutes[dim][key] += r.people * r.minutes

    def lines(dim: str, order: list[Key], names: Mapping[Key, str]) -> tuple[FigureLine, ...]:
        return tuple(
            FigureLine(
                key=k,
                name=names.get(k, ""),
                participants=people[dim].get(k, 0),
                minutes=minutes[dim].get(k, 0),
                sessions=sessions_by_kind.get(str(k), 0) if dim == "kind" else 0,
            )
            for k in order
        )

    kinds = set(people["kind"]) | {k for k, n in sessions_by_kind.items() if n}
    aud_names: dict[Key, str] = {k: name for k, name in audiences.items()}
    commune_names: dict[Key, str] = {k: str(k) for k in people["commune"] if k is not None}
    return (
        lines("kind", _order(kinds, ActivityKind), {}),
        lines("audience", _by_size(people["audience"], aud_names), aud_names),
        lines("age_band", _order(people["age_band"], AgeBand), {}),
        lines("commune", _by_size(people["commune"], commune_names), commune_names),
    )


def fold_drop_ins(
    groups: Iterable[DropInGroup], audiences: Mapping[int, str]
) -> tuple[tuple[DropInLine, ...], ...]:
    """The four breakdowns (purpose, audience, age band, commune) of the drop-ins."""
    groups = list(groups)
    acc: dict[str, dict[Key, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    communes = _Communes(g.commune for g in groups)
    for g in groups:
        keys = {
            "purpose": g.purpose,
            "audience": g.audience_id if g.audience_id in audiences else None,
            "age_band": g.age_band,
            "commune": communes(g.commune),
        }
        for dim, key in keys.items():
            a = acc[dim][key]
            a[0 if g.kind == DropInKind.VISIT else 1] += g.count
            a[2] += g.minutes
            a[3] += g.vouchers

    def lines(dim: str, order: list[Key], names: Mapping[Key, str]) -> tuple[DropInLine, ...]:
        return tuple(DropInLine(k, names.get(k, ""), *acc[dim][k]) for k in order)

    def sizes(dim: str) -> dict[Key, int]:
        return {k: v[0] + v[1] for k, v in acc[dim].items()}

    aud_names: dict[Key, str] = {k: name for k, name in audiences.items()}
    commune_names: dict[Key, str] = {k: str(k) for k in acc["commune"] if k is not None}
    return (
        lines("purpose", _order(acc["purpose"], DropInPurpose), {}),
        lines("audience", _by_size(sizes("audience"), aud_names), aud_names),
        lines("age_band", _order(acc["age_band"], AgeBand), {}),
        lines("commune", _by_size(sizes("commune"), commune_names), commune_names),
    )


# --------------------------------------------------------------------------- national

# The drop-ins' breakdowns on the national model, in the order the Chiffres tab offers
# them: dimension → the Coop's list giving the order of its keys (None: largest first).
NATIONAL_DIMENSIONS: dict[str, Mapping[str, str] | None] = {
    "theme": nm.THEMES,
    "audience": None,
    "age_range": nm.AGE_RANGES,
    "gender": nm.GENDERS,
    "situation": nm.SITUATIONS,
    "commune": None,
    "place_type": nm.PLACE_TYPES,
    "autonomy": nm.AUTONOMY,
    "equipment": nm.EQUIPMENT,
}
MULTI_VALUED = ("theme", "equipment")


def _values_table(name: str, keys: Iterable[str]) -> Any:
    """The constant table (key, pattern) of a list's values: ``pattern`` matches a stored
    comma-joined value holding the key (LIKE, its "_" escaped)."""
    return union_all(
        *(
            select(
                literal(k).label("key"),
                literal("%," + k.replace("_", "\\_") + ",%").label("pattern"),
            )
            for k in keys
        )
    ).subquery(name)


def _purpose_themes() -> ColumnElement[str]:
    """A drop-in's themes as stored, else its purpose's (domain.mediation.themes_of)."""
    return case(
        (DropIn.themes != "", DropIn.themes),
        *(
            (DropIn.purpose == purpose, nm.join_values(themes))
            for purpose, themes in nm.PURPOSE_THEMES.items()
            if themes
        ),
        else_="",
    )


def drop_in_lines(
    s: Session,
    first_day: date,
    last_day: date,
    dim: str,
    audiences: Mapping[int, str] | None = None,
) -> tuple[DropInLine, ...]:
    """The drop-ins of the local days [first_day, last_day] by one national dimension
    (a key of ``NATIONAL_DIMENSIONS``), counted by GROUP BY in SQL inside the caller's
    read transaction ``s`` (no permission asked: the caller's). Keys are the Coop's values
    (``domain.mediation``), audience ids, commune names; None is « non renseigné », last.
    A drop-in with several themes counts in each of them (and one without in None)."""
    start, end = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    key: Any
    source: Any = DropIn
    if dim in MULTI_VALUED:
        stored = _purpose_themes() if dim == "theme" else DropIn.equipment
        values = _values_table(f"{dim}_values", NATIONAL_DIMENSIONS[dim] or {})
        key = values.c.key
        source = sa_join(
            DropIn,
            values,
            (literal(",") + stored + literal(",")).like(values.c.pattern, escape="\\"),
            isouter=True,
        )
    else:
        key = {
            "audience": DropIn.audience_id,
            "age_range": func.coalesce(
                DropIn.age_range,
                case(
                    *((DropIn.age_band == b, r) for b, r in nm.AGE_BAND_RANGES.items()),
                    else_=None,
                ),
            ),
            "gender": DropIn.gender,
            "situation": DropIn.situation,
            "commune": DropIn.commune,
            "place_type": func.coalesce(DropIn.place_type, nm.DEFAULT_PLACE_TYPE),
            "autonomy": DropIn.autonomy,
        }[dim]
    # the key computed in a subquery, grouped by outside: a key holding bound values
    # (coalesce, case) written twice would be two expressions to PostgreSQL
    keyed = (
        select(
            key.label("key"),
            DropIn.kind.label("kind"),
            DropIn.duration_minutes.label("minutes"),
            DropIn.vouchers.label("vouchers"),
        )
        .select_from(source)
        .where(DropIn.at >= start, DropIn.at < end)
        .subquery("keyed")
    )
    rows: list[tuple[Any, ...]] = [
        tuple(row)
        for row in s.execute(
            select(
                keyed.c.key,
                keyed.c.kind,
                func.count(),
                func.sum(keyed.c.minutes),
                func.sum(keyed.c.vouchers),
            ).group_by(keyed.c.key, keyed.c.kind)
        )
    ]
    audiences = audiences or {}
    if dim == "audience":
        rows = [(k if k in audiences else None, *rest) for k, *rest in rows]
    elif dim == "commune":
        merged = _Communes(k for k, *_ in rows)
        rows = [(merged(k), *rest) for k, *rest in rows]
    acc: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for k, kind, n, minutes, vouchers in rows:
        a = acc[k or None]
        a[0 if kind == DropInKind.VISIT else 1] += int(n)
        a[2] += int(minutes or 0)
        a[3] += int(vouchers or 0)
    order = NATIONAL_DIMENSIONS[dim]
    names: dict[Key, str] = {}
    if order is not None:
        keys = _order(acc, order)
    else:
        if dim == "audience":
            names = {k: audiences[k] for k in acc if isinstance(k, int) and k in audiences}
        else:
            names = {k: str(k) for k in acc if k is not None}
        keys = _by_size({k: v[0] + v[1] for k, v in acc.items()}, names)
    return tuple(DropInLine(k, names.get(k, ""), *acc[k]) for k in keys)


# --------------------------------------------------------------------------- query


def figures(db: Database, first_day: date, last_day: date) -> ActivityFigures:
    """The figures of the local days [first_day, last_day] (one read transaction)."""
    if last_day < first_day:
        first_day, last_day = last_day, first_day
    start, end = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    in_period = (
        ActivitySession.start_at >= start,
        ActivitySession.start_at < end,
        ActivitySession.status != SessionStatus.CANCELLED,
    )
    member = aliased(Member)
    org = aliased(Member)
    is_member = Registration.member_id.is_not(None)
    people = case(
        (is_member, 1), else_=func.coalesce(Registration.present_count, Registration.headcount)
    )
    audience = case((is_member, member.audience_id), else_=org.audience_id)
    age_band = case((is_member, member.age_band), else_=Registration.age_band)
    city = case((is_member, member.city), else_=org.city)
    with db.read() as s:
        audiences = dict(s.execute(select(Audience.id, Audience.name)).all())
        sessions = {
            sid: (kind, int((end_at - start_at).total_seconds() // 60))
            for sid, kind, start_at, end_at in s.execute(
                select(
                    ActivitySession.id,
                    Activity.kind,
                    ActivitySession.start_at,
                    ActivitySession.end_at,
                )
                .join(Activity, Activity.id == ActivitySession.activity_id)
                .where(*in_period)
            )
        }
        registered, ticked = s.execute(
            select(
                func.coalesce(func.sum(Registration.headcount), 0),
                func.coalesce(
                    func.sum(case((Registration.attendance.is_not(None), Registration.headcount))),
                    0,
                ),
            )
            .join(ActivitySession, ActivitySession.id == Registration.session_id)
            .where(*in_period, Registration.status == RegistrationStatus.REGISTERED)
        ).one()
        present = s.execute(
            select(Registration.session_id, audience, age_band, city, func.sum(people))
            .join(ActivitySession, ActivitySession.id == Registration.session_id)
            .outerjoin(member, member.id == Registration.member_id)
            .outerjoin(org, org.id == Registration.organisation_id)
            .where(
                *in_period,
                Registration.status == RegistrationStatus.REGISTERED,
                Registration.attendance == Attendance.PRESENT,
            )
            .group_by(Registration.session_id, audience, age_band, city)
        ).all()
        national = {
            dim: drop_in_lines(s, first_day, last_day, dim, audiences)
            for dim in NATIONAL_DIMENSIONS
        }
        drop_groups = [
            DropInGroup(kind, purpose, aud, band, commune, int(n), int(m or 0), int(v or 0))
            for kind, purpose, aud, band, commune, n, m, v in s.execute(
                select(
                    DropIn.kind,
                    DropIn.purpose,
                    DropIn.audience_id,
                    DropIn.age_band,
                    DropIn.commune,
                    func.count(),
                    func.sum(DropIn.duration_minutes),
                    func.sum(DropIn.vouchers),
                )
                .where(DropIn.at >= start, DropIn.at < end)
                .group_by(
                    DropIn.kind, DropIn.purpose, DropIn.audience_id, DropIn.age_band, DropIn.commune
                )
            )
        ]
    present_rows = [
        PresentRow(
            session_id=sid,
            kind=sessions[sid][0],
            minutes=sessions[sid][1],
            audience_id=aud,
            age_band=band,
            commune=commune,
            people=int(n or 0),
        )
        for sid, aud, band, commune, n in present
    ]
    sessions_by_kind: dict[str, int] = defaultdict(int)
    for kind, _minutes in sessions.values():
        sessions_by_kind[kind] += 1
    by_kind, by_audience, by_age, by_commune = fold_present(
        present_rows, sessions_by_kind, audiences
    )
    d_purpose, d_audience, d_age, d_commune = fold_drop_ins(drop_groups, audiences)
    participants = sum(r.people for r in present_rows)
    ticked = int(ticked or 0)
    return ActivityFigures(
        first_day=first_day,
        last_day=last_day,
        sessions=len(sessions),
        registered=int(registered or 0),
        participants=participants,
        participant_minutes=sum(r.people * r.minutes for r in present_rows),
        ticked_people=ticked,
        attendance_bp=participants * 10000 // ticked if ticked else None,
        by_kind=by_kind,
        by_audience=by_audience,
        by_age_band=by_age,
        by_commune=by_commune,
        visits=sum(g.count for g in drop_groups if g.kind == DropInKind.VISIT),
        helps=sum(g.count for g in drop_groups if g.kind != DropInKind.VISIT),
        drop_in_minutes=sum(g.minutes for g in drop_groups),
        vouchers=sum(g.vouchers for g in drop_groups),
        drop_ins_by_purpose=d_purpose,
        drop_ins_by_audience=d_audience,
        drop_ins_by_age_band=d_age,
        drop_ins_by_commune=d_commune,
        drop_ins_by=national,
    )


# --------------------------------------------------------------------------- XLSX


def hours_value(minutes: int) -> Decimal:
    """Minutes → hours with two decimals (a number the spreadsheet can add)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def _label(labels: Mapping[str, Mapping[str, str]], dim: str, line_key: Key, name: str) -> str:
    if line_key is None:
        return NOT_SET
    if name:
        return name
    code = str(line_key)
    french = FRENCH.get(dim) or NATIONAL_DIMENSIONS.get(dim) or {}
    table = labels.get(dim) or french
    return table.get(code, french.get(code, code))


# the drop-ins' national sheets: dimension → (sheet title's word, first header)
NATIONAL_SHEETS: dict[str, tuple[str, str]] = {
    "theme": ("thématique", "Thématique (un passage compte dans chacune des siennes)"),
    "audience": ("public", "Public"),
    "age_range": ("tranche d'âge", "Tranche d'âge"),
    "gender": ("genre", "Genre"),
    "situation": ("statut", "Statut"),
    "commune": ("commune", "Commune"),
    "place_type": ("lieu", "Lieu"),
    "autonomy": ("autonomie", "Autonomie"),
    "equipment": ("matériel", "Matériel (un passage compte pour chacun des siens)"),
}


def figure_tables(
    fig: ActivityFigures, labels: Mapping[str, Mapping[str, str]] | None = None
) -> list[tuple[str, list[str], list[list[object]]]]:
    """The tables of the export: (sheet title, headers, rows with a total row last).
    Hours are Decimal hours; ``labels`` (dimension -> code -> word) override ``FRENCH``."""
    labels = labels or {}
    activity_headers = ["Participants", "Heures-participants"]
    drop_headers = ["Visites", "Accompagnements", "Total", "Durée (h)", "Pass numérique"]

    def activity_rows(
        dim: str, lines: tuple[FigureLine, ...], sessions: bool
    ) -> list[list[object]]:
        rows: list[list[object]] = []
        for ln in lines:
            row: list[object] = [_label(labels, dim, ln.key, ln.name)]
            if sessions:
                row.append(ln.sessions)
            rows.append([*row, ln.participants, hours_value(ln.minutes)])
        total: list[object] = ["Total"]
        if sessions:
            total.append(fig.sessions)
        rows.append([*total, fig.participants, hours_value(fig.participant_minutes)])
        return rows

    def drop_rows(dim: str, lines: tuple[DropInLine, ...]) -> list[list[object]]:
        rows: list[list[object]] = [
            [
                _label(labels, dim, ln.key, ln.name),
                ln.visits,
                ln.helps,
                ln.total,
                hours_value(ln.minutes),
                ln.vouchers,
            ]
            for ln in lines
        ]
        rows.append(
            [
                "Total",
                fig.visits,
                fig.helps,
                fig.drop_ins,
                hours_value(fig.drop_in_minutes),
                fig.vouchers,
            ]
        )
        return rows

    rate = (
        (Decimal(fig.attendance_bp) / 100).quantize(Decimal("0.1"))
        if fig.attendance_bp is not None
        else None
    )
    key_rows: list[list[object]] = [
        ["Du", fig.first_day],
        ["Au", fig.last_day],
        ["Séances", fig.sessions],
        ["Places réservées", fig.registered],
        ["Participants", fig.participants],
        ["Heures-participants", hours_value(fig.participant_minutes)],
        ["Taux de présence (%)", rate],
        ["Visites cyber-base", fig.visits],
        ["Accompagnements individuels", fig.helps],
        ["Durée cyber-base (h)", hours_value(fig.drop_in_minutes)],
        ["Pass numérique reçus", fig.vouchers],
    ]
    return [
        ("Chiffres clés", ["Indicateur", "Valeur"], key_rows),
        (
            "Par type d'activité",
            ["Type d'activité", "Séances", *activity_headers],
            activity_rows("kind", fig.by_kind, True),
        ),
        ("Par public", ["Public", *activity_headers], activity_rows("audience", fig.by_audience, False)),
        (
            "Par tranche d'âge",
            ["Tranche d'âge", *activity_headers],
            activity_rows("age_band", fig.by_age_band, False),
        ),
        ("Par commune", ["Commune", *activity_headers], activity_rows("commune", fig.by_commune, False)),
        *(
            (f"Cyber-base par {word}", [header, *drop_headers], drop_rows(dim, fig.drop_ins_by.get(dim, ())))
            for dim, (word, header) in NATIONAL_SHEETS.items()
        ),
    ]  # fmt: skip


def figures_xlsx(
    fig: ActivityFigures,
    labels: Mapping[str, Mapping[str, str]] | None = None,
    extra: Iterable[tuple[str, list[str], list[list[Any]]]] = (),
) -> bytes:
    """The figures as an XLSX workbook, one sheet per table (see reports.sheets.write_sheet:
    bold frozen header, hours as numbers, widths fitted), the total row in bold; ``extra``
    (title, headers, rows) tables after them (the funders' indicators of the period,
    ``services.reporting.annual.indicator_tables``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.worksheets[0])
    for title, headers, rows in [*figure_tables(fig, labels), *extra]:
        ws = wb.create_sheet(title[:31])
        write_sheet(ws, headers, rows)
        if rows and rows[-1][0] == "Total":
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
