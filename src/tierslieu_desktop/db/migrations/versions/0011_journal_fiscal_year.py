"""the fiscal year's first month (issue 15)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 16:30:00

- ``structure.fiscal_year_start_month``: the month the accounts' fiscal year starts
  (1 = the calendar year, the default of every existing database). The journal and the
  FEC of a fiscal year read it (services.finance.journal).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "structure",
        sa.Column("fiscal_year_start_month", sa.Integer(), nullable=False, server_default="1"),
    )


def downgrade() -> None:
    with op.batch_alter_table("structure") as batch:
        batch.drop_column("fiscal_year_start_month")
