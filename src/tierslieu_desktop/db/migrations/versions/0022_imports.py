"""memberships paid outside the software (issue 18: the members import)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 06:20:00

``membership.paid_outside``: a membership brought in by an import (HelloAsso, Paheko, a
spreadsheet) was paid before or outside the software; own revenue counts its fee once,
on its start day, whatever the invoicing start day, and nothing is left to invoice.
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "membership",
        sa.Column("paid_outside", sa.Boolean(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    with op.batch_alter_table("membership") as batch:
        batch.drop_column("paid_outside")
