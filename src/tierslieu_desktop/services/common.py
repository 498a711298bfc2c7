"""Helpers shared by services."""

from __future__ import annotations

import unicodedata
from typing import Any

from tierslieu_desktop.db.engine import Database as Database  # the handle screens pass along
from tierslieu_desktop.db.models import AuditMixin, utcnow
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.validation import FieldInvalid


def fold(text: str) -> str:
    """Lower-case without accents, for accent-insensitive search ("Émilie" ~ "emilie")."""
    for _ in range(2):  # casefold can produce new compositions: fold twice to be stable
        decomposed = unicodedata.normalize("NFKD", text).casefold()
        text = "".join(
            c for c in unicodedata.normalize("NFKD", decomposed) if not unicodedata.combining(c)
        )
    return text


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def stamp(obj: AuditMixin, actor: int | None, *, created: bool = False) -> None:
    """Record who changed a row and when (every data change goes through here)."""
    now = utcnow()
    if created:
        obj.created_at = now
        obj.created_by_id = actor
    obj.updated_at = now
    obj.updated_by_id = actor


class FieldCollector:
    """Runs field validators and gathers every error before raising one ValidationError."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def check(self, field: str, func: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FieldInvalid as exc:
            self.errors.setdefault(field, exc.code)
            return args[0] if args else None

    def add(self, field: str, code: str) -> None:
        self.errors.setdefault(field, code)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
