"""Field validators. Each returns a cleaned value or raises ``FieldInvalid`` with an error code.

The codes are stable: the UI turns them into translated sentences shown next to the field.
"""

from __future__ import annotations

import re
from datetime import date

from stdnum import iban as std_iban
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siret as std_siret
from stdnum.fr import tva as std_tva


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
    try:
        return std_iban.format(std_iban.validate(raw))
    except StdnumError:
        raise FieldInvalid("iban_invalid") from None


def clean_vat_number(value: str) -> str:
    raw = value.strip()
    if not raw:
        return ""
    try:
        return "FR" + std_tva.validate(raw)
    except StdnumError:
        raise FieldInvalid("vat_number_invalid") from None


def clean_birth_year(value: int | None, *, today: date | None = None) -> int | None:
    if value is None:
        return None
    year = (today or date.today()).year
    if not 1900 <= value <= year:
        raise FieldInvalid("birth_year_invalid")
    return value
