"""What a sealed document holds, made printable — for drawing only.

An invoice issued before the input limits existed, or a row written by hand into the
file, may hold a 2,000-character name, a NUL byte or a hundred lines of address. The
sealed content is never changed (the chain depends on it); the renderers (A4, receipt,
reminder, Factur-X XML) draw :func:`printable_doc`'s copy instead, so that every sealed
document can always be printed:

- characters neither a PDF nor XML 1.0 can hold (C0 controls but the line breaks of the
  multi-line fields, DEL, C1, lone surrogates, U+FFFE/U+FFFF and the other noncharacters)
  are shown as U+FFFD "�", so the reader sees something was there;
- a text longer than the limit of its field (``domain.validation.TEXT_LIMITS``, the
  limits the services enforce today; a few composed fields get their own bound) is cut
  with "…"; a multi-line field keeps its first lines (an address: 4).

A document within today's limits comes out unchanged, so it is drawn exactly as before.
"""

from __future__ import annotations

import dataclasses
import re

from tierslieu_desktop.domain.documents import InvoiceDoc, InvoiceLineRow, PaymentRow, UnpaidRow
from tierslieu_desktop.domain.validation import MAX_LINES, NOTE_MAX, text_limit

ELLIPSIS = "…"

# Fields that are composed by the services, not typed as one value: their own bound.
PARTY_LIMITS: dict[str, int] = {
    "name": 260,  # a person's first and last names (100 + 150) with a space
    "siren": 30,
    "member_number": 40,
}
LINE_LIMITS: dict[str, int] = {
    "designation": text_limit("designation"),
    "detail": 500,  # built from a booking, a session, a reason
    "unit": text_limit("unit"),
    "vat_mention": 300,
}
MENTION_MAX = 500
DESK_MAX = 120
NUMBER_MAX = 60
NOTE_LINES = 60

# Drawn as "\ufffd": C0 (the line break kept apart), DEL, C1, surrogates, noncharacters.
_UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0010fffe\U0010ffff]"
)


def printable(
    text: str, limit: int, *, multiline: bool = False, max_lines: int | None = None
) -> str:
    """``text`` with what cannot be drawn replaced by "\ufffd", at most ``limit``
    characters (cut with "…"), its line breaks kept only when ``multiline`` (at most
    ``max_lines`` lines; otherwise each becomes a space)."""
    text = text.replace("\r\n", "\n").replace("\t", " ").replace("\r", "\n")
    if not multiline:
        text = text.replace("\n", " ")
    elif max_lines is not None:
        lines = text.split("\n")
        if len(lines) > max_lines:
            text = "\n".join(lines[: max_lines - 1] + [lines[max_lines - 1] + ELLIPSIS])
    text = _UNPRINTABLE.sub("\ufffd", text)
    if len(text) > limit:
        text = text[: max(limit - 1, 1)] + ELLIPSIS
    return text


def printable_party(party: dict) -> dict:
    """A seller or buyer as frozen on a document, each text printable."""
    out = dict(party)
    for key, value in party.items():
        if isinstance(value, str):
            limit = PARTY_LIMITS.get(key, text_limit(key))
            lines = MAX_LINES.get(key)
            out[key] = printable(value, limit, multiline=lines is not None, max_lines=lines)
    return out


def _line(line: InvoiceLineRow) -> InvoiceLineRow:
    new = dataclasses.replace(
        line,
        designation=printable(line.designation, LINE_LIMITS["designation"]),
        detail=printable(line.detail, LINE_LIMITS["detail"]),
        unit=printable(line.unit, LINE_LIMITS["unit"]),
        vat_mention=printable(line.vat_mention, LINE_LIMITS["vat_mention"]),
    )
    return line if new == line else new


def _payment(p: PaymentRow) -> PaymentRow:
    new = dataclasses.replace(
        p,
        cheque_number=printable(p.cheque_number, text_limit("cheque_number")),
        bank=printable(p.bank, text_limit("bank")),
        reference=printable(p.reference, text_limit("reference")),
        desk=printable(p.desk, DESK_MAX),
    )
    return p if new == p else new


def printable_doc(doc: InvoiceDoc) -> InvoiceDoc:
    """A copy of ``doc`` every renderer can draw (see the module's docstring)."""
    return dataclasses.replace(
        doc,
        number=printable(doc.number, NUMBER_MAX),
        buyer=printable_party(doc.buyer),
        seller=printable_party(doc.seller),
        mentions=[printable(m, MENTION_MAX) for m in doc.mentions],
        lines=[_line(ln) for ln in doc.lines],
        payments=[_payment(p) for p in doc.payments],
        credited_invoice_number=(
            None
            if doc.credited_invoice_number is None
            else printable(doc.credited_invoice_number, NUMBER_MAX)
        ),
        credit_note_numbers=[printable(n, NUMBER_MAX) for n in doc.credit_note_numbers],
        note=printable(doc.note, NOTE_MAX, multiline=True, max_lines=NOTE_LINES),
        desk=printable(doc.desk, DESK_MAX),
    )


def printable_unpaid(row: UnpaidRow) -> UnpaidRow:
    """A line of a reminder, printable."""
    number = printable(row.number, NUMBER_MAX)
    name = printable(row.buyer_name, PARTY_LIMITS["name"])
    if (number, name) == (row.number, row.buyer_name):
        return row
    return dataclasses.replace(row, number=number, buyer_name=name)
