"""Errors a user can cause. The UI maps ``code`` to a translated sentence."""

from __future__ import annotations


class DomainError(Exception):
    """A user-caused error, identified by a stable ``code`` and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{code} {params}" if params else code)


class ValidationError(DomainError):
    """One or more fields are invalid: ``fields`` maps a field name to an error code."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__("invalid_fields", fields=self.fields)


class NotFound(DomainError):
    def __init__(self, entity: str, entity_id: object) -> None:
        super().__init__("not_found", entity=entity, id=entity_id)
