"""What the personal data documents carry (issue 19, point 3; docs/legal-fr.md §7): a
member's data export (``MemberDataExport``: sections of records, each with its columns
named in French) and the register of processing activities (``ProcessingRegister``, art.
30 GDPR). Built by ``services.privacy``, drawn and written by ``reports.personal_data``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# A value of an exported record: the JSON keeps it as it is (dates in ISO), the PDF
# formats it by type and by the column's key ("…_cents": money, "minutes": a duration).
Value = str | int | bool | date | datetime | None


@dataclass(frozen=True)
class DataSection:
    """One kind of record held about the member (bookings, invoices…). ``single``: one
    record drawn as label / value lines (the member's own fields)."""

    key: str  # the JSON key: "bookings"
    title: str  # French: « Réservations »
    columns: tuple[tuple[str, str], ...]  # (key, French label) in order
    records: tuple[dict[str, Value], ...]
    note: str = ""  # French: what this section is kept for, or why it is kept
    single: bool = False


@dataclass(frozen=True)
class MemberDataExport:
    """Everything the software holds about one member, as at ``generated_at``."""

    structure_name: str
    structure_contact: str  # address, e-mail: who to ask about one's data
    member_number: str
    member_name: str
    generated_at: datetime
    sections: tuple[DataSection, ...]
    anonymised_at: datetime | None = None

    def section(self, key: str) -> DataSection:
        return next(s for s in self.sections if s.key == key)


@dataclass(frozen=True)
class Processing:
    """A processing activity of the register (the CNIL's model register's headings)."""

    name: str
    purposes: tuple[str, ...]
    legal_basis: str
    data_subjects: tuple[str, ...]
    data_categories: tuple[str, ...]
    sensitive_data: str
    recipients: tuple[str, ...]
    transfers: str
    retention: tuple[str, ...]
    security: tuple[str, ...]
    figures: str = ""  # what the base holds for it today (« 312 fiches d'adhérents »)


@dataclass(frozen=True)
class ProcessingRegister:
    """The register of processing activities of the structure (art. 30 GDPR)."""

    controller_name: str
    controller_address: str
    controller_contact: str  # e-mail, phone
    controller_siret: str
    dpo: str  # "" when none designated
    generated_at: datetime
    retention_years: int
    processings: tuple[Processing, ...] = field(default=())
