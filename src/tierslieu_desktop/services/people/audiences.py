"""Audiences (publics): user-editable; they drive tariffs and statistics."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Audience, Member
from tierslieu_desktop.domain.errors import NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import check_texts, check_version, stamp


@dataclass(frozen=True)
class AudienceRow:
    id: int
    name: str
    description: str
    position: int
    archived: bool
    member_count: int
    version: int = 1  # what save_audience's / set_audience_archived's expected_version is


def list_audiences(db: Database, *, include_archived: bool = False) -> list[AudienceRow]:
    counts = (
        select(Member.audience_id, func.count(Member.id).label("n"))
        .where(Member.archived.is_(False))
        .group_by(Member.audience_id)
        .subquery()
    )
    stmt = (
        select(Audience, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.audience_id == Audience.id)
        .order_by(Audience.position, Audience.name)
    )
    if not include_archived:
        stmt = stmt.where(Audience.archived.is_(False))
    with db.read() as session:
        return [
            AudienceRow(a.id, a.name, a.description, a.position, a.archived, n, a.version)
            for a, n in session.execute(stmt)
        ]


@guarded(Permission.SETTINGS)
def save_audience(
    db: Database,
    actor: int | None,
    name: str,
    description: str = "",
    audience_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    return _save_audience_impl(
        db, actor, name, description, audience_id, expected_version=expected_version
    )


def _save_audience_impl(
    db: Database,
    actor: int | None,
    name: str,
    description: str = "",
    audience_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    check_texts(name=name, description=description)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "required"})
    with db.write() as session:
        clash = session.scalar(select(Audience.id).where(func.lower(Audience.name) == name.lower()))
        if clash is not None and clash != audience_id:
            raise ValidationError({"name": "name_taken"})
        audience: Audience | None
        if audience_id is None:
            last = session.execute(select(func.coalesce(func.max(Audience.position), 0)))
            position = last.scalar_one() + 1
            audience = Audience(name=name, description=description.strip(), position=position)
            session.add(audience)
            stamp(audience, actor, created=True)
        else:
            audience = session.get(Audience, audience_id)
            if audience is None:
                raise NotFound("audience", audience_id)
            check_version(
                audience,
                expected_version,
                {"name": name, "description": description.strip()},
            )
            audience.name = name
            audience.description = description.strip()
            stamp(audience, actor)
        session.flush()
        return audience.id


@guarded(Permission.SETTINGS)
def set_audience_archived(
    db: Database,
    actor: int | None,
    audience_id: int,
    archived: bool,
    *,
    expected_version: int | None = None,
) -> None:
    """An archived public is no longer offered for new members; history keeps it."""
    with db.write() as session:
        audience = session.get(Audience, audience_id)
        if audience is None:
            raise NotFound("audience", audience_id)
        check_version(audience, expected_version, {"archived": archived})
        audience.archived = archived
        stamp(audience, actor)
