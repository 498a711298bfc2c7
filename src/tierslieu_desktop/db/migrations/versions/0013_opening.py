"""an expense's payment day and method (issue 15 point 4)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 01:30:00

- ``expense.payment_day``: the day the expense was paid (NULL = not paid yet: the
  supplier is owed it, 401 stays open in the journal);
- ``expense.payment_method``: transfer, card, cheque, cash or direct_debit.
Existing expenses were taken as paid by bank transfer on their day: they get exactly
that, so their journal entries do not change.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A batch copy of "expense" (no table references it) to add the CHECK constraint.
    with op.batch_alter_table("expense") as batch:
        batch.add_column(sa.Column("payment_day", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column(
                "payment_method", sa.String(length=12), nullable=False, server_default="transfer"
            )
        )
        batch.create_check_constraint(
            "payment_method",
            "payment_method IN ('transfer', 'card', 'cheque', 'cash', 'direct_debit')",
        )
    op.execute("UPDATE expense SET payment_day = day")


def downgrade() -> None:
    with op.batch_alter_table("expense") as batch:
        batch.drop_constraint("payment_method", type_="check")
        batch.drop_column("payment_method")
        batch.drop_column("payment_day")
