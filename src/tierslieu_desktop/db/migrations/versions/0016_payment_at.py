"""payments indexed by their time; the documents' VAT in their time index (issue 14)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 04:10:00

``payment (at, method, amount_cents, invoice_id)``: the payments of a span of time found
without reading the table, and their sums per method read from the index alone. The
opening entry of a fiscal year (AN) finds the documents paid since its first day that
were issued before it through this index instead of summing every document and payment
ever recorded; the till's float (cash received before a day) and the per-method sums of
the earlier years are read from it too.

``invoice (issued_at, kind, total_vat_cents)`` (was ``issued_at, kind``): the VAT of the
documents before a day, which the AN entry carries, summed from the index alone.

``membership (start_date)`` and ``basket_line (membership_start, membership_end,
membership_audience_id, basket_id) WHERE kind = 'membership'`` (partial): the memberships
of a span and the invoiced lines that sold them, for the own revenue billed before the
software (Finances on a decade of members: 125 → 20 ms); ``basket_line (basket_id,
pack_type_id) WHERE kind = 'pack'`` (partial): the packs an invoice sold, likewise.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_COLUMNS = ["at", "method", "amount_cents", "invoice_id"]
_SOLD = ["membership_start", "membership_end", "membership_audience_id", "basket_id"]
_MEMBERSHIP_LINE = sa.text("kind = 'membership'")
_PACK_LINE = sa.text("kind = 'pack'")


def upgrade() -> None:
    op.create_index("ix_payment_at", "payment", _COLUMNS)
    op.drop_index("ix_invoice_issued", table_name="invoice")
    op.create_index("ix_invoice_issued", "invoice", ["issued_at", "kind", "total_vat_cents"])
    op.create_index("ix_membership_start", "membership", ["start_date"])
    op.create_index(
        "ix_basket_line_membership",
        "basket_line",
        _SOLD,
        sqlite_where=_MEMBERSHIP_LINE,
        postgresql_where=_MEMBERSHIP_LINE,
    )
    op.create_index(
        "ix_basket_line_pack",
        "basket_line",
        ["basket_id", "pack_type_id"],
        sqlite_where=_PACK_LINE,
        postgresql_where=_PACK_LINE,
    )


def downgrade() -> None:
    op.drop_index("ix_basket_line_pack", table_name="basket_line")
    op.drop_index("ix_basket_line_membership", table_name="basket_line")
    op.drop_index("ix_membership_start", table_name="membership")
    op.drop_index("ix_invoice_issued", table_name="invoice")
    op.create_index("ix_invoice_issued", "invoice", ["issued_at", "kind"])
    op.drop_index("ix_payment_at", table_name="payment")
