"""Field checks shared by the finance forms (funders, grants, in-kind contributions,
expenses, budget, accounts): each adds its error codes to a FieldCollector."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy.orm import Session

from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.services.common import FieldCollector

LABEL_MAX = 300

Model = TypeVar("Model")


def clean_text(fc: FieldCollector, name: str, value: str, max_len: int, *, required: bool) -> str:
    """``value`` stripped; ``required``, ``too_long`` or ``control_char`` recorded."""
    fc.text(name, value or "", max_len)
    value = (value or "").strip()
    if required and not value:
        fc.add(name, "required")
    return value


def check_choice(fc: FieldCollector, name: str, value: str | None, allowed: Iterable[str]) -> None:
    if not value:
        fc.add(name, "required")
    elif value not in tuple(allowed):
        fc.add(name, "unknown")


def check_amount(
    fc: FieldCollector, name: str, value: int | None, *, required: bool = True
) -> None:
    if value is None:
        if required:
            fc.add(name, "required")
    elif not isinstance(value, int) or isinstance(value, bool):
        fc.add(name, "amount_invalid")
    elif value < 0:
        fc.add(name, "amount_negative")


def get_or_raise(session: Session, model: type[Model], obj_id: int, entity: str) -> Model:
    obj = session.get(model, obj_id)
    if obj is None:
        raise NotFound(entity, obj_id)
    return obj
