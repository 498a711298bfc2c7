"""Rows of the demo updated in bulk by id, in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.orm import Session


def update_by_id(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """``UPDATE … SET … WHERE id = …`` once per row (each row: ``id`` and the columns to
    set, the same in every row). Core, not the ORM's bulk update by primary key: that one
    asks each row's ``version`` (db.models.VersionMixin) and the demo sets only dates and
    figures of rows nobody edits yet."""
    if not rows:
        return
    table = model.__table__
    keys = [k for k in rows[0] if k != "id"]
    statement = (
        table.update()
        .where(table.c.id == bindparam("b_id"))
        .values({k: bindparam(f"b_{k}") for k in keys})
    )
    session.execute(statement, [{f"b_{k}": v for k, v in row.items()} for row in rows])
