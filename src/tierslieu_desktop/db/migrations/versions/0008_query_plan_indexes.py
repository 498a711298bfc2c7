"""indexes the hot queries' plans use (issue 14)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 09:00:00

- ``invoice.credited_invoice_id``: the credit notes of an invoice (unpaid balances
  summed per invoice instead of scanning every invoice once per invoice).
- ``booking (machine_id, blocked_until)`` and ``(space_id, blocked_until)``: the overlap
  check of a booking reads only the bookings of the resource still blocking after its
  start (bounded on both sides, not every earlier booking of the machine).
- ``booking (activity_session_id, start_at)`` replaces ``(activity_session_id)``: the
  day's bookings outside sessions ("IS NULL", almost every booking) read by start.
- ``member (archived, sort_name, search_text)`` replaces ``(archived, sort_name)``: the
  member search matches every word on the index alone, in name order, and stops at
  the page; the count reads the index, not the rows.
- ``basket.status``: the open baskets (the usages already in one), not every basket
  ever validated; ``basket_line.registration_id``: whether a ticket is already in a
  basket, looked up per ticket instead of listing every ticket ever billed.
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_invoice_credited_invoice_id", "invoice", ["credited_invoice_id"])
    op.create_index("ix_booking_machine_blocked", "booking", ["machine_id", "blocked_until"])
    op.create_index("ix_booking_space_blocked", "booking", ["space_id", "blocked_until"])
    op.drop_index("ix_booking_activity_session_id", table_name="booking")
    op.create_index("ix_booking_session_start", "booking", ["activity_session_id", "start_at"])
    op.create_index("ix_basket_status", "basket", ["status"])
    op.drop_index("ix_member_archived_sort", table_name="member")
    op.create_index(
        "ix_member_archived_sort_search", "member", ["archived", "sort_name", "search_text"]
    )
    op.create_index("ix_basket_line_registration_id", "basket_line", ["registration_id"])


def downgrade() -> None:
    op.drop_index("ix_member_archived_sort_search", table_name="member")
    op.create_index("ix_member_archived_sort", "member", ["archived", "sort_name"])
    op.drop_index("ix_basket_line_registration_id", table_name="basket_line")
    op.drop_index("ix_basket_status", table_name="basket")
    op.drop_index("ix_booking_session_start", table_name="booking")
    op.create_index("ix_booking_activity_session_id", "booking", ["activity_session_id"])
    op.drop_index("ix_booking_space_blocked", table_name="booking")
    op.drop_index("ix_booking_machine_blocked", table_name="booking")
    op.drop_index("ix_invoice_credited_invoice_id", table_name="invoice")
