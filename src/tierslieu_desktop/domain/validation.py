"""Field validators. Each returns a cleaned value or raises ``FieldInvalid`` with an error code.

The codes are stable: the UI turns them into translated sentences shown next to the field.
"""

from __future__ import annotations

import re
from datetime import date

from tierslieu_desktop.domain.calendar import lab_today

# python-stdnum (SIRET, IBAN, VAT numbers) is imported by the checks that use it: these
# rules are imported with the services of Accueil, whose figures come first (issue 14).


class FieldInvalid(ValueError):
    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


# A pragmatic check: one @, no spaces, a dot in the domain part.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_POSTCODE = re.compile(r"^\d{5}$")
_RNA = re.compile(r"^W\d{9}$")


def clean_email(value: str) -> str:
    value = value.strip()
    if value and not _EMAIL.match(value):
        raise FieldInvalid("email_invalid")
    return value.lower()


def clean_phone(value: str) -> str:
    """French numbers: 10 digits starting with 0, or +33 and 9 digits; other +CC numbers kept."""
    raw = value.strip()
    if not raw:
        return ""
    digits = re.sub(r"[\s.\-()/]", "", raw)
    if digits.startswith("+33"):
        digits = "0" + digits[3:]
    elif digits.startswith("0033"):
        digits = "0" + digits[4:]
    elif digits.startswith("+"):
        if not digits[1:].isdigit() or not 8 <= len(digits) - 1 <= 15:
            raise FieldInvalid("phone_invalid")
        return digits
    if not (digits.isdigit() and len(digits) == 10 and digits[0] == "0" and digits[1] != "0"):
        raise FieldInvalid("phone_invalid")
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def clean_postcode(value: str) -> str:
    value = value.strip().replace(" ", "")
    if value and not _POSTCODE.match(value):
        raise FieldInvalid("postcode_invalid")
    return value


def clean_siret(value: str) -> str:
    raw = value.strip()
    if not raw:
        return ""
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.fr import siret as std_siret

    try:
        return std_siret.validate(raw)
    except StdnumError:
        raise FieldInvalid("siret_invalid") from None


def clean_rna(value: str) -> str:
    raw = value.strip().upper().replace(" ", "")
    if raw and not _RNA.match(raw):
        raise FieldInvalid("rna_invalid")
    return raw


def clean_iban(value: str) -> str:
    raw = value.strip()
    if not raw:
        return ""
    from stdnum import iban as std_iban
    from stdnum.exceptions import ValidationError as StdnumError

    try:
        return std_iban.format(std_iban.validate(raw))
    except StdnumError:
        raise FieldInvalid("iban_invalid") from None


def clean_vat_number(value: str) -> str:
    raw = value.strip()
    if not raw:
        return ""
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.fr import tva as std_tva

    try:
        return "FR" + std_tva.validate(raw)
    except StdnumError:
        raise FieldInvalid("vat_number_invalid") from None


def vat_matches_siren(vat_number: str, siret: str) -> bool:
    """Whether a French VAT number (FR + 2-character key + SIREN) is the one of the
    SIREN that starts ``siret`` (9 or 14 digits): its key is right (stdnum.fr.tva)
    and its SIREN is that one. True when either is empty or the VAT
    number is not French (nothing to compare)."""
    vat = vat_number.replace(" ", "").upper()
    siren = siret.replace(" ", "")[:9]
    if not vat or len(siren) != 9 or not siren.isdigit() or not vat.startswith("FR"):
        return True
    from stdnum.fr import tva as std_tva

    return bool(std_tva.is_valid(vat)) and std_tva.to_siren(vat) == siren


def clean_birth_year(value: int | None, *, today: date | None = None) -> int | None:
    if value is None:
        return None
    year = (today or lab_today()).year
    if not 1900 <= value <= year:
        raise FieldInvalid("birth_year_invalid")
    return value


# --------------------------------------------------------------------------- free text
#
# Limits of what a user can type, by field name (docs/design.md, "Limits of what a user
# can type"). One table for every service: the same name means the same limit, so that
# a seller, a buyer or a line at its maximum always fits on an invoice (A4, receipt,
# Factur-X). A field that is not listed gets DEFAULT_TEXT_MAX.

DEFAULT_TEXT_MAX = 200
NOTE_MAX = 2000

TEXT_LIMITS: dict[str, int] = {
    # people and the structure
    "first_name": 100,
    "last_name": 150,  # also an organisation's name
    "guardian_name": 100,
    "responsible_name": 100,
    "group_name": 200,
    "name": 120,  # structure, machine, space, activity, funder, public, operator...
    "legal_form": 120,
    # the columns' length (PostgreSQL refused a 254-character address SQLite kept)
    "email": 200,
    "guardian_email": 200,
    "phone": 30,
    "guardian_phone": 30,
    "address": 200,
    "postcode": 20,
    "city": 100,
    "commune": 120,
    "website": 200,
    "siret": 30,
    "rna": 20,
    "vat_number": 30,
    "iban": 50,
    "bic": 20,
    "service_code": 100,
    "commitment_number": 50,
    "capital": 60,
    "rcs_city": 120,
    # invoicing
    "designation": 300,
    "unit": 30,
    "label": 300,
    "reason": 500,
    "status_note": 500,
    "override_reason": 500,
    "cheque_number": 40,
    "bank": 120,
    "reference": 120,
    "pattern": 80,
    # park, activity, finance
    "make": 120,
    "model": 120,
    "serial_number": 120,
    "funded_by": 300,
    "category": 200,
    "new_category": 200,
    "trainer": 200,
    "helper": 200,
    "done_by": 200,
    "purpose": 300,
    "supplier": 200,
    "contact": 300,
    "activity": 200,
    # free notes (several lines)
    "note": NOTE_MAX,
    "notes": NOTE_MAX,
    "description": NOTE_MAX,
    "actions": NOTE_MAX,
    # the funder report's annex of a grant (one text per section)
    **{
        f"report_{k}": NOTE_MAX
        for k in ("objectives", "done", "publics", "partners", "difficulties", "perspectives")
    },
    "text": 20000,  # a section of the annual report
    # the communes of the lab's territory classified ZRR / FRR, containing a QPV
    "zrr_communes": 50000,
    "qpv_communes": 50000,
}

# Fields typed in a multi-line box: a line break and a tab are allowed there, nowhere else.
MULTILINE_FIELDS = frozenset(
    {
        "address",
        "note",
        "notes",
        "description",
        "actions",
        "report_objectives",
        "report_done",
        "report_publics",
        "report_partners",
        "report_difficulties",
        "report_perspectives",
        "text",
        "reason",
        "override_reason",
        "status_note",
        "zrr_communes",
        "qpv_communes",
    }
)

# Multi-line fields printed in a fixed box of an invoice: their number of lines is bounded.
MAX_LINES: dict[str, int] = {"address": 4}

_ALLOWED_IN_MULTILINE = frozenset("\n\t\r")
# Every character _forbidden refuses, as one class per case (a text is searched once, in
# C: an import checks the texts of 20,000 lines); tests/unit/test_text_limits.py checks
# the class against _forbidden for every code point.
_NONCHARS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
_FORBIDDEN = {
    False: re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARS}]"),
    True: re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARS}]"),
}


def text_limit(field: str) -> int:
    """The longest value accepted for ``field`` (its last dotted or ':' part)."""
    key = field.rsplit(".", 1)[-1].rsplit(":", 1)[-1]
    return TEXT_LIMITS.get(key, DEFAULT_TEXT_MAX)


def line_limit(field: str) -> int | None:
    """The most lines accepted for ``field``, None when not bounded."""
    return MAX_LINES.get(field.rsplit(".", 1)[-1].rsplit(":", 1)[-1])


def is_multiline(field: str) -> bool:
    key = field.rsplit(".", 1)[-1].rsplit(":", 1)[-1]
    return key in MULTILINE_FIELDS


def _forbidden(ch: str, multiline: bool) -> bool:
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F:  # C0, DEL, C1
        return not (multiline and ch in _ALLOWED_IN_MULTILINE)
    if 0xD800 <= code <= 0xDFFF:  # lone surrogates: not storable as UTF-8
        return True
    # noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF): not allowed in XML (Factur-X)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def check_text(
    value: str,
    field: str,
    max_len: int | None = None,
    multiline: bool | None = None,
    *,
    max_lines: int | None = None,
) -> str:
    """Refuse control characters and an over-long ``value``; return it unchanged.

    ``max_len``, ``multiline`` and ``max_lines`` default to the table above for ``field``.
    Codes: ``control_char``, ``too_long``, ``too_many_lines``.
    """
    key = field.rsplit(".", 1)[-1].rsplit(":", 1)[-1]
    limit = text_limit(field) if max_len is None else max_len
    several = is_multiline(field) if multiline is None else multiline
    if _FORBIDDEN[several].search(value):
        raise FieldInvalid("control_char")
    if len(value.strip()) > limit:
        raise FieldInvalid("too_long")
    lines = MAX_LINES.get(key) if max_lines is None else max_lines
    if several and lines is not None and len(value.strip().splitlines()) > lines:
        raise FieldInvalid("too_many_lines")
    return value
