"""a public buyer's commitment number for Chorus Pro (issue 15)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 17:00:00

- ``member.commitment_number``: the engagement juridique a public buyer (public body,
  school) gives for Chorus Pro; frozen with the buyer on each invoice, printed and sent
  as the order reference (BT-13) of the Factur-X.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (a constant default): a batch copy would drop "member", which
    # other tables reference.
    op.add_column(
        "member",
        sa.Column("commitment_number", sa.String(length=50), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("member") as batch_op:
        batch_op.drop_column("commitment_number")
